#pragma once
// Filling a Dataset's features from its sound files (ids are paths), through the
// feature extractor, when a data CSV has no feature columns.
#include <string>
#include <vector>

#include "analysis/dataset.hpp"
#include "analysis/feature_extractor.hpp"
#include "analysis/model_result.hpp"

namespace seiche::analysis {

// "" on success, otherwise "PATH: reason" for the first file that fails.
std::string extractDatasetFeatures(Dataset& data, const FeatureOptions& options = {});

// The extractor options whose column names are exactly `featureNames`, if any.
std::optional<FeatureOptions> featureOptionsFor(const std::vector<std::string>& featureNames);

}  // namespace seiche::analysis

namespace seiche::analysis {

// Reads a data CSV and, when it has no feature columns, extracts them from the files it names.
ModelResult<Dataset> loadDataset(const std::string& csvPath, bool requireLabels = true,
                                 const FeatureOptions& options = {});

}  // namespace seiche::analysis
