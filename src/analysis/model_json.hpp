#pragma once
// Classifier model files: versioned JSON ("format": "seiche-classifier"), described
// in docs/analysis.md under "Model". Text in and out, so the session store can keep
// a model in a database row exactly as it would be on disk.
#include <string>
#include <string_view>

#include "analysis/classifier.hpp"
#include "analysis/model_result.hpp"

namespace seiche::analysis {

int modelFormatVersion();  // defined in analysis_version.cpp

std::string modelToJson(const Classifier& model);
ModelResult<Classifier> modelFromJson(std::string_view text);

// "" on success, otherwise the reason (file name included).
std::string saveModelFile(const Classifier& model, const std::string& path);
ModelResult<Classifier> loadModelFile(const std::string& path);

}  // namespace seiche::analysis
