#pragma once
// TrainOptions as command-line flags, shared by every verb that trains
// (train, evaluate) so they accept and explain the same settings.
#include <string>

#include "analysis/classifier.hpp"

namespace seiche::analysis {

extern const char* const kTrainOptionsHelp;  // the flag list for --help texts

bool isTrainOptionFlag(const std::string& flag);
// "" when set, otherwise why the value is refused.
std::string setTrainOption(TrainOptions& options, const std::string& flag, const std::string& value);

}  // namespace seiche::analysis
