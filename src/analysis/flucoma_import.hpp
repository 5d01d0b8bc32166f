#pragma once
// Importing a FluCoMa Standardize → PCA → MLPClassifier triple (the files MIRLCa
// agents are saved as) into a Classifier that computes exactly what FluCoMa does:
// (x − mean)/std, then (· − pcaMean)·bases[:, :k], then y = act(x·W + b) per layer,
// the label at the largest output. k is not stored by FluCoMa; it is the size of
// the network's first layer.
#include <string>
#include <string_view>

#include "analysis/classifier.hpp"
#include "analysis/model_result.hpp"

namespace seiche::analysis {

ModelResult<Classifier> importFlucoma(std::string_view standardizerJson, std::string_view pcaJson,
                                      std::string_view modelJson, const std::string& name);

// A directory holding standardizer.JSON, pca.JSON and model.JSON (any letter case
// of the extension); modelFile picks another network, e.g. "model-gerard.JSON".
ModelResult<Classifier> importFlucomaDirectory(const std::string& directory, const std::string& name,
                                               const std::string& modelFile = "model.JSON");

}  // namespace seiche::analysis
