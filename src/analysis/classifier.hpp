#pragma once
// A trained taste (or instrument, or any label) classifier: standardise → PCA → MLP,
// with the labels it chooses between and the feature columns it expects.
#include <Eigen/Core>
#include <cstdint>
#include <string>
#include <vector>

#include "analysis/mlp.hpp"
#include "analysis/model_result.hpp"
#include "analysis/pca.hpp"
#include "analysis/standard_scaler.hpp"

namespace seiche::analysis {

struct TrainOptions {
    std::vector<int> hidden{14};  // hidden layer sizes, ReLU
    int pcaComponents = 20;       // capped by the data: ≤ features, ≤ examples − 1
    std::uint64_t seed = 1;
    double learningRate = 0.01;
    // Strong L2 (scaled by 1/n, as scikit-learn's alpha) because taste sets are small:
    // chosen by 5-fold cross-validation on the MIRLCa training set (docs/analysis.md).
    double l2 = 3.0;
    int maxEpochs = 1500;
    int patience = 60;
    // Share held out for early stopping. Below minValidationExamples a split costs more
    // than it saves, so training uses every example and stops when the loss settles.
    double validationFraction = 0.15;
    int minValidationExamples = 200;
    std::string name = "model";
};

// What a model was trained from, kept in its file so results can be traced and repeated.
struct TrainingRecord {
    std::uint64_t seed = 0;
    TrainOptions options;
    size_t examples = 0;
    int epochs = 0;
    int bestEpoch = 0;
    double trainingAccuracy = 0;
    double validationLoss = 0;
    std::string date;    // UTC, ISO 8601
    std::string source;  // "seiche" or "flucoma-import"
};

struct Prediction {
    int labelIndex = -1;
    std::string label;
    std::vector<double> scores;  // one per label: probabilities for softmax models, raw outputs otherwise
    double confidence() const { return labelIndex >= 0 ? scores[static_cast<size_t>(labelIndex)] : 0.0; }
};

class Classifier {
public:
    std::string name;
    std::vector<std::string> labels;        // in output order
    std::vector<std::string> featureNames;  // the input columns, in order
    StandardScaler scaler;
    Pca pca;
    Mlp mlp;
    TrainingRecord training;

    // Rows of raw features (featureNames order) in, one prediction per row out.
    ModelResult<std::vector<Prediction>> classify(const Eigen::Ref<const Eigen::MatrixXd>& features) const;
    // The per-label scores for each row, without the checks: for evaluation loops.
    Eigen::MatrixXd scores(const Eigen::Ref<const Eigen::MatrixXd>& features) const;
    // Why the parts do not fit together ("" when they do): used after loading a file.
    std::string shapeProblem() const;
};

}  // namespace seiche::analysis
