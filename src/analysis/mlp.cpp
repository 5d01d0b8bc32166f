#include "analysis/mlp.hpp"

#include <cmath>

#include "analysis/seeded_random.hpp"

namespace seiche::analysis {

const char* activationName(Activation a) {
    switch (a) {
        case Activation::Identity: return "identity";
        case Activation::Sigmoid: return "sigmoid";
        case Activation::Relu: return "relu";
        case Activation::Tanh: return "tanh";
        case Activation::Softmax: return "softmax";
    }
    return "identity";
}

std::optional<Activation> activationFromName(const std::string& name) {
    for (Activation a : {Activation::Identity, Activation::Sigmoid, Activation::Relu, Activation::Tanh, Activation::Softmax})
        if (name == activationName(a)) return a;
    return std::nullopt;
}

void applyActivation(Activation a, Eigen::Ref<Eigen::MatrixXd> values) {
    switch (a) {
        case Activation::Identity: break;
        case Activation::Sigmoid: values = (1.0 + (-values.array()).exp()).inverse().matrix(); break;
        case Activation::Relu: values = values.cwiseMax(0.0); break;
        case Activation::Tanh: values = values.array().tanh().matrix(); break;
        case Activation::Softmax: {
            // Subtracting each row's maximum keeps exp() finite for any input.
            values = (values.colwise() - values.rowwise().maxCoeff()).array().exp().matrix();
            values.array().colwise() /= values.rowwise().sum().array();
            break;
        }
    }
}

void Mlp::initRandom(Eigen::Index inputs, const std::vector<int>& hidden, Eigen::Index outputs,
                     Activation hiddenActivation, Activation outputActivation, std::uint64_t seed) {
    SeededRandom random(seed);
    layers_.clear();
    Eigen::Index from = inputs;
    for (size_t i = 0; i <= hidden.size(); ++i) {
        const bool last = i == hidden.size();
        const Eigen::Index to = last ? outputs : hidden[i];
        DenseLayer layer;
        const double bound = std::sqrt(6.0 / static_cast<double>(from + to));
        layer.weights = Eigen::MatrixXd::NullaryExpr(from, to, [&] { return random.uniform(-bound, bound); });
        layer.biases = Eigen::VectorXd::Zero(to);
        layer.activation = last ? outputActivation : hiddenActivation;
        layers_.push_back(std::move(layer));
        from = to;
    }
}

Eigen::MatrixXd Mlp::process(const Eigen::Ref<const Eigen::MatrixXd>& in) const {
    Eigen::MatrixXd values = in;
    for (const auto& layer : layers_) {
        Eigen::MatrixXd next = (values * layer.weights).rowwise() + layer.biases.transpose();
        applyActivation(layer.activation, next);
        values = std::move(next);
    }
    return values;
}

bool Mlp::sameShape(const Mlp& other) const {
    if (layers_.size() != other.layers_.size()) return false;
    for (size_t i = 0; i < layers_.size(); ++i) {
        const auto& a = layers_[i];
        const auto& b = other.layers_[i];
        if (a.inputs() != b.inputs() || a.outputs() != b.outputs() || a.activation != b.activation) return false;
    }
    return true;
}

}  // namespace seiche::analysis
