#include "analysis/classifier_training.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <ctime>

#include "analysis/mlp_training.hpp"
#include "analysis/seeded_random.hpp"

namespace seiche::analysis {
namespace {

std::string utcNow() {
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm parts{};
    gmtime_r(&now, &parts);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &parts);
    return text;
}

LabelledRows pick(const Eigen::MatrixXd& inputs, const std::vector<int>& labels, const std::vector<size_t>& rows) {
    LabelledRows out;
    out.inputs.resize(static_cast<Eigen::Index>(rows.size()), inputs.cols());
    for (size_t i = 0; i < rows.size(); ++i) {
        out.inputs.row(static_cast<Eigen::Index>(i)) = inputs.row(static_cast<Eigen::Index>(rows[i]));
        out.labels.push_back(labels[rows[i]]);
    }
    return out;
}

// A stratified hold-out: about `fraction` of each label, at least one of each, and
// never a label's last training example.
void splitForValidation(const std::vector<int>& labels, size_t labelCount, double fraction, std::uint64_t seed,
                        std::vector<size_t>& trainRows, std::vector<size_t>& validationRows) {
    for (const auto& group : rowsByLabel(labels, labelCount, seed)) {
        size_t held = static_cast<size_t>(std::lround(fraction * static_cast<double>(group.size())));
        held = std::min(std::max<size_t>(held, 1), group.size() >= 2 ? group.size() - 1 : 0);
        validationRows.insert(validationRows.end(), group.begin(), group.begin() + static_cast<long>(held));
        trainRows.insert(trainRows.end(), group.begin() + static_cast<long>(held), group.end());
    }
    std::sort(trainRows.begin(), trainRows.end());
    std::sort(validationRows.begin(), validationRows.end());
}

bool canWarmStart(const Classifier& previous, const Classifier& next) {
    return previous.labels == next.labels && previous.featureNames == next.featureNames &&
           previous.mlp.sameShape(next.mlp);
}

}  // namespace

std::vector<std::vector<size_t>> rowsByLabel(const std::vector<int>& labelIndices, size_t labelCount, std::uint64_t seed) {
    std::vector<std::vector<size_t>> groups(labelCount);
    for (size_t row = 0; row < labelIndices.size(); ++row)
        if (labelIndices[row] >= 0) groups[static_cast<size_t>(labelIndices[row])].push_back(row);
    SeededRandom random(seed);
    for (auto& group : groups) random.shuffle(group);
    return groups;
}

int effectivePcaComponents(const Dataset& data, const TrainOptions& options) {
    const auto cap = Pca::maxComponents(static_cast<Eigen::Index>(data.size()), static_cast<Eigen::Index>(data.featureCount()));
    return static_cast<int>(std::clamp<Eigen::Index>(options.pcaComponents, 1, cap));
}

TrainResult train(const Dataset& data, const TrainOptions& options, const Classifier* warmStart) {
    TrainResult result;
    if (std::string problem = trainingProblem(data); !problem.empty()) {
        result.error = problem;
        return result;
    }
    if (options.pcaComponents < 1) {
        result.error = "PCA needs at least one component";
        return result;
    }
    for (int size : options.hidden)
        if (size < 1) {
            result.error = "hidden layers need at least one unit";
            return result;
        }
    if (options.maxEpochs < 1 || !(options.learningRate > 0) || !(options.l2 >= 0)) {
        result.error = "epochs and learning rate must be positive, L2 not negative";
        return result;
    }

    Classifier model;
    model.name = options.name;
    model.labels = data.labelSet();
    model.featureNames = data.featureNames;
    model.scaler.fit(data.features);
    const Eigen::MatrixXd scaled = model.scaler.process(data.features);
    // Finite inputs can still overflow the mean or variance (values near 1e308).
    if (!model.scaler.mean().allFinite() || !model.scaler.std().allFinite() || !scaled.allFinite()) {
        result.error = "feature values are too large to standardise";
        return result;
    }
    result.pcaComponents = effectivePcaComponents(data, options);
    model.pca.fit(scaled, result.pcaComponents);
    const Eigen::MatrixXd projected = model.pca.process(scaled);
    model.mlp.initRandom(projected.cols(), options.hidden, static_cast<Eigen::Index>(model.labels.size()), Activation::Relu,
                         Activation::Softmax, options.seed);
    if (warmStart && canWarmStart(*warmStart, model)) {
        model.mlp = warmStart->mlp;
        result.warmStarted = true;
    }

    const std::vector<int> labels = data.labelIndices(model.labels);
    std::vector<size_t> trainRows, validationRows;
    if (static_cast<int>(data.size()) >= options.minValidationExamples && options.validationFraction > 0) {
        splitForValidation(labels, model.labels.size(), options.validationFraction, options.seed ^ 0x5eedu, trainRows,
                           validationRows);
    } else {
        for (size_t i = 0; i < data.size(); ++i) trainRows.push_back(i);
    }
    MlpTrainingOptions mlpOptions;
    mlpOptions.adam.learningRate = options.learningRate;
    mlpOptions.l2 = options.l2;
    mlpOptions.maxEpochs = options.maxEpochs;
    mlpOptions.patience = options.patience;
    const auto report =
        trainMlp(model.mlp, pick(projected, labels, trainRows), pick(projected, labels, validationRows), mlpOptions);

    const Eigen::MatrixXd out = model.mlp.process(projected);
    size_t correct = 0;
    for (Eigen::Index r = 0; r < out.rows(); ++r) {
        Eigen::Index best = 0;
        out.row(r).maxCoeff(&best);
        correct += best == labels[static_cast<size_t>(r)];
    }
    model.training.seed = options.seed;
    model.training.options = options;
    model.training.examples = data.size();
    model.training.epochs = report.epochs;
    model.training.bestEpoch = report.bestEpoch;
    model.training.trainingAccuracy = static_cast<double>(correct) / static_cast<double>(data.size());
    model.training.validationLoss = report.validationLoss;
    model.training.date = utcNow();
    model.training.source = "seiche";
    result.validationExamples = static_cast<int>(validationRows.size());
    result.model = std::move(model);
    return result;
}

}  // namespace seiche::analysis
