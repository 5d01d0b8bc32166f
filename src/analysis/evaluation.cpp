#include "analysis/evaluation.hpp"

#include <algorithm>
#include <numeric>

namespace seiche::analysis {

ConfusionMatrix::ConfusionMatrix(std::vector<std::string> labelOrder) : labels(std::move(labelOrder)) {
    const auto n = static_cast<Eigen::Index>(labels.size());
    counts = Eigen::MatrixXi::Zero(n, n);
}

double ConfusionMatrix::accuracy() const {
    const int all = total();
    return all ? static_cast<double>(counts.trace()) / all : 0.0;
}

double ConfusionMatrix::balancedAccuracy() const {
    double recall = 0;
    int present = 0;
    for (Eigen::Index r = 0; r < counts.rows(); ++r) {
        const int truths = counts.row(r).sum();
        if (truths == 0) continue;
        recall += static_cast<double>(counts(r, r)) / truths;
        ++present;
    }
    return present ? recall / present : 0.0;
}

namespace {

// Trains on `training` and adds its predictions for `testing` to the matrix; returns the fold's accuracy.
ModelResult<double> runFold(const Dataset& training, const Dataset& testing, const TrainOptions& options,
                            ConfusionMatrix& confusion, Evaluation& evaluation) {
    auto trained = train(training, options);
    if (!trained) return ModelResult<double>::failure(trained.error);
    const int k = trained.pcaComponents;
    evaluation.minPcaComponents = evaluation.minPcaComponents ? std::min(evaluation.minPcaComponents, k) : k;
    evaluation.maxPcaComponents = std::max(evaluation.maxPcaComponents, k);
    const Eigen::MatrixXd scores = trained.model->scores(testing.features);
    const std::vector<int> truth = testing.labelIndices(confusion.labels);
    int correct = 0;
    for (Eigen::Index r = 0; r < scores.rows(); ++r) {
        Eigen::Index best = 0;
        scores.row(r).maxCoeff(&best);
        const auto& predictedLabel = trained.model->labels[static_cast<size_t>(best)];
        const auto predicted = std::find(confusion.labels.begin(), confusion.labels.end(), predictedLabel) - confusion.labels.begin();
        confusion.add(truth[static_cast<size_t>(r)], static_cast<int>(predicted));
        correct += predicted == truth[static_cast<size_t>(r)];
    }
    return ModelResult<double>::success(scores.rows() ? static_cast<double>(correct) / static_cast<double>(scores.rows()) : 0.0);
}

}  // namespace

ModelResult<Evaluation> evaluateHoldout(const Dataset& training, const Dataset& testing, const TrainOptions& options) {
    using Result = ModelResult<Evaluation>;
    if (const auto problem = trainingProblem(training); !problem.empty()) return Result::failure("training data: " + problem);
    if (testing.size() == 0) return Result::failure("test data: no examples");
    if (testing.featureCount() != training.featureCount())
        return Result::failure("test data has " + std::to_string(testing.featureCount()) + " features, training data " +
                               std::to_string(training.featureCount()));
    if (!testing.features.allFinite()) return Result::failure("test data: a feature value is not a finite number");
    const auto labels = training.labelSet();
    for (const auto& label : testing.labels)
        if (std::find(labels.begin(), labels.end(), label) == labels.end())
            return Result::failure("test label '" + label + "' is not among the training labels");
    Evaluation evaluation;
    evaluation.method = "holdout";
    evaluation.confusion = ConfusionMatrix(labels);
    evaluation.examples = training.size() + testing.size();
    auto accuracy = runFold(training, testing, options, evaluation.confusion, evaluation);
    if (!accuracy) return Result::failure(accuracy.error);
    evaluation.foldAccuracies.push_back(*accuracy.value);
    return Result::success(std::move(evaluation));
}

std::vector<int> stratifiedFolds(const Dataset& data, int folds, std::uint64_t seed) {
    const auto labels = data.labelSet();
    std::vector<int> foldOf(data.size(), 0);
    int next = 0;  // continuing the deal across labels keeps fold sizes within one of each other
    for (const auto& group : rowsByLabel(data.labelIndices(labels), labels.size(), seed))
        for (size_t row : group) {
            foldOf[row] = next;
            next = (next + 1) % folds;
        }
    return foldOf;
}

ModelResult<Evaluation> crossValidate(const Dataset& data, int folds, const TrainOptions& options) {
    using Result = ModelResult<Evaluation>;
    if (const auto problem = trainingProblem(data); !problem.empty()) return Result::failure(problem);
    if (folds < 2) return Result::failure("cross-validation needs at least 2 folds");
    if (data.size() < 3) return Result::failure("cross-validation needs at least 3 examples");
    Evaluation evaluation;
    const bool leaveOneOut = folds >= static_cast<int>(data.size());
    evaluation.method = leaveOneOut ? "leave-one-out" : "k-fold";
    evaluation.folds = leaveOneOut ? static_cast<int>(data.size()) : folds;
    evaluation.confusion = ConfusionMatrix(data.labelSet());
    evaluation.examples = data.size();
    std::vector<int> foldOf(data.size());
    if (leaveOneOut) std::iota(foldOf.begin(), foldOf.end(), 0);
    else foldOf = stratifiedFolds(data, folds, options.seed);
    for (int fold = 0; fold < evaluation.folds; ++fold) {
        std::vector<size_t> trainRows, testRows;
        for (size_t row = 0; row < data.size(); ++row) (foldOf[row] == fold ? testRows : trainRows).push_back(row);
        if (testRows.empty()) continue;
        auto accuracy = runFold(data.subset(trainRows), data.subset(testRows), options, evaluation.confusion, evaluation);
        if (!accuracy) return Result::failure("fold " + std::to_string(fold + 1) + ": " + accuracy.error);
        evaluation.foldAccuracies.push_back(*accuracy.value);
    }
    return Result::success(std::move(evaluation));
}

}  // namespace seiche::analysis
