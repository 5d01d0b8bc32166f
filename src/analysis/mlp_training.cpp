#include "analysis/mlp_training.hpp"

#include <cmath>
#include <limits>

namespace seiche::analysis {
namespace {

void activationDerivative(Activation a, const Eigen::MatrixXd& output, Eigen::MatrixXd& delta) {
    switch (a) {
        case Activation::Relu: delta.array() *= (output.array() > 0).cast<double>(); break;
        case Activation::Tanh: delta.array() *= 1.0 - output.array().square(); break;
        case Activation::Sigmoid: delta.array() *= output.array() * (1.0 - output.array()); break;
        case Activation::Identity:
        case Activation::Softmax: break;
    }
}

}  // namespace

double crossEntropy(const Mlp& mlp, const LabelledRows& rows, double l2, std::vector<LayerGradient>* gradients) {
    const auto& layers = mlp.layers();
    const double n = static_cast<double>(rows.inputs.rows());
    std::vector<Eigen::MatrixXd> outputs;
    outputs.reserve(layers.size() + 1);
    outputs.push_back(rows.inputs);
    for (const auto& layer : layers) {
        Eigen::MatrixXd next = (outputs.back() * layer.weights).rowwise() + layer.biases.transpose();
        applyActivation(layer.activation, next);
        outputs.push_back(std::move(next));
    }
    const Eigen::MatrixXd& probabilities = outputs.back();
    double loss = 0;
    for (Eigen::Index r = 0; r < probabilities.rows(); ++r)
        loss -= std::log(std::max(probabilities(r, rows.labels[static_cast<size_t>(r)]), 1e-300));
    double squaredWeights = 0;
    for (const auto& layer : layers) squaredWeights += layer.weights.squaredNorm();
    loss = loss / n + 0.5 * l2 * squaredWeights / n;
    if (!gradients) return loss;

    gradients->resize(layers.size());
    // Softmax with cross-entropy: the output error is simply p - onehot(label).
    Eigen::MatrixXd delta = probabilities;
    for (Eigen::Index r = 0; r < delta.rows(); ++r) delta(r, rows.labels[static_cast<size_t>(r)]) -= 1.0;
    delta /= n;
    for (size_t i = layers.size(); i-- > 0;) {
        auto& g = (*gradients)[i];
        g.weights.noalias() = outputs[i].transpose() * delta;
        g.weights += (l2 / n) * layers[i].weights;
        g.biases = delta.colwise().sum().transpose();
        if (i == 0) break;
        Eigen::MatrixXd previous = delta * layers[i].weights.transpose();
        activationDerivative(layers[i - 1].activation, outputs[i], previous);
        delta = std::move(previous);
    }
    return loss;
}

MlpTrainingReport trainMlp(Mlp& mlp, const LabelledRows& training, const LabelledRows& validation,
                           const MlpTrainingOptions& options) {
    MlpTrainingReport report;
    const bool validate = validation.inputs.rows() > 0;
    Adam adam;
    adam.init(mlp, options.adam);
    std::vector<LayerGradient> gradients;
    std::vector<DenseLayer> best = mlp.layers();
    double bestLoss = std::numeric_limits<double>::infinity();
    int sinceBest = 0;
    for (int epoch = 1; epoch <= options.maxEpochs; ++epoch) {
        report.trainingLoss = crossEntropy(mlp, training, options.l2, &gradients);
        adam.step(mlp, gradients);
        report.epochs = epoch;
        const double watched = validate ? crossEntropy(mlp, validation, 0.0, nullptr) : report.trainingLoss;
        if (!std::isfinite(watched)) break;
        if (watched < bestLoss - options.tolerance) {
            bestLoss = watched;
            best = mlp.layers();
            report.bestEpoch = epoch;
            sinceBest = 0;
        } else if (++sinceBest >= options.patience) {
            report.stoppedEarly = true;
            break;
        }
    }
    if (validate) mlp.init(std::move(best));
    report.validationLoss = validate ? bestLoss : std::numeric_limits<double>::quiet_NaN();
    if (!validate) report.bestEpoch = report.epochs;
    return report;
}

}  // namespace seiche::analysis
