#pragma once
// How well a training recipe generalises, in terms a performer can read:
// accuracy, balanced accuracy (the mean of per-label recall, so a lopsided set
// cannot flatter a model that always says the common label) and the confusion matrix.
#include <Eigen/Core>
#include <string>
#include <vector>

#include "analysis/classifier_training.hpp"
#include "analysis/dataset.hpp"
#include "analysis/model_result.hpp"

namespace seiche::analysis {

struct ConfusionMatrix {
    std::vector<std::string> labels;
    Eigen::MatrixXi counts;  // row: true label, column: predicted label

    explicit ConfusionMatrix(std::vector<std::string> labelOrder = {});
    void add(int truth, int predicted) { ++counts(truth, predicted); }
    int total() const { return counts.sum(); }
    double accuracy() const;
    double balancedAccuracy() const;
};

struct Evaluation {
    std::string method;  // "holdout", "k-fold" or "leave-one-out"
    int folds = 1;
    ConfusionMatrix confusion;              // summed over all test predictions
    std::vector<double> foldAccuracies;     // one per fold (holdout: one)
    int minPcaComponents = 0, maxPcaComponents = 0;
    size_t examples = 0;                    // all examples used (train + test)
};

ModelResult<Evaluation> evaluateHoldout(const Dataset& training, const Dataset& testing, const TrainOptions& options);
// Stratified k-fold; folds ≥ the number of examples means leave-one-out.
ModelResult<Evaluation> crossValidate(const Dataset& data, int folds, const TrainOptions& options);

// The fold of each row: each label's rows are shuffled by the seed and dealt out in turn.
std::vector<int> stratifiedFolds(const Dataset& data, int folds, std::uint64_t seed);

}  // namespace seiche::analysis
