#pragma once
// Fitting an Mlp with a softmax output to labelled rows: full-batch Adam on
// cross-entropy plus an L2 penalty, stopping early when held-out loss stops falling.
#include <Eigen/Core>
#include <vector>

#include "analysis/adam.hpp"
#include "analysis/mlp.hpp"

namespace seiche::analysis {

struct MlpTrainingOptions {
    AdamOptions adam;
    double l2 = 1e-3;     // penalty 0.5·l2·|W|²/n, as scikit-learn's alpha
    int maxEpochs = 1500;
    int patience = 60;    // epochs without improvement before stopping
    double tolerance = 1e-6;  // smaller improvements do not count
};

struct LabelledRows {
    Eigen::MatrixXd inputs;  // one example per row
    std::vector<int> labels;  // column of the output layer each row should win
};

struct MlpTrainingReport {
    int epochs = 0;
    int bestEpoch = 0;
    double trainingLoss = 0;
    double validationLoss = 0;  // NaN when there was no validation set
    bool stoppedEarly = false;
};

// Cross-entropy of `mlp` on rows (plus the L2 term); fills gradients when given.
double crossEntropy(const Mlp& mlp, const LabelledRows& rows, double l2, std::vector<LayerGradient>* gradients);

// Trains in place. With a validation set the weights of its lowest loss are kept;
// without one, training stops when the training loss settles.
MlpTrainingReport trainMlp(Mlp& mlp, const LabelledRows& training, const LabelledRows& validation,
                           const MlpTrainingOptions& options);

}  // namespace seiche::analysis
