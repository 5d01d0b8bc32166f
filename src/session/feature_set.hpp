#pragma once
// The name a store gives a layout of feature columns. Examples are comparable
// only within one feature set, so the name covers everything that changes the
// numbers: the extractor's settings and a version bumped when its algorithm changes.
#include <string>
#include <vector>

#include "analysis/feature_extractor.hpp"

namespace seiche::session {

// e.g. "seiche-mfcc/v1 13c 40m 1024w 512h 44100Hz" (+ " extra" with the five extra features).
std::string featureSetName(const analysis::FeatureOptions& options);

// Columns that did not come from Seiche's extractor (an imported CSV): named by their count and header.
std::string importedFeatureSetName(const std::vector<std::string>& columns);

// The extractor options behind a featureSetName(), when it is one.
std::optional<analysis::FeatureOptions> extractorOptionsOf(const std::string& featureSet);

}  // namespace seiche::session
