#pragma once
// Training a Classifier from a Dataset. Retraining after one more example can start
// from the previous model's weights (warm start), which is what keeps a GUI retrain
// on every click far below 50 ms.
#include <string>
#include <vector>

#include "analysis/classifier.hpp"
#include "analysis/dataset.hpp"

namespace seiche::analysis {

struct TrainResult {
    std::optional<Classifier> model;
    std::string error;  // set exactly when model is empty
    int pcaComponents = 0;
    int validationExamples = 0;
    bool warmStarted = false;

    explicit operator bool() const { return model.has_value(); }
};

// warmStart is used when it has the same labels, features and network shape that
// this training would produce; otherwise training starts from the seed.
TrainResult train(const Dataset& data, const TrainOptions& options, const Classifier* warmStart = nullptr);

// The number of components train() will keep for this data.
int effectivePcaComponents(const Dataset& data, const TrainOptions& options);

// Splits row indices into per-label shuffled groups, label order as given: the
// basis of stratified validation splits and folds.
std::vector<std::vector<size_t>> rowsByLabel(const std::vector<int>& labelIndices, size_t labelCount, std::uint64_t seed);

}  // namespace seiche::analysis
