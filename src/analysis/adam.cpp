#include "analysis/adam.hpp"

#include <cmath>

namespace seiche::analysis {

void Adam::init(const Mlp& mlp, const AdamOptions& options) {
    options_ = options;
    steps_ = 0;
    firstMoment_.clear();
    for (const auto& layer : mlp.layers())
        firstMoment_.push_back({Eigen::MatrixXd::Zero(layer.inputs(), layer.outputs()), Eigen::VectorXd::Zero(layer.outputs())});
    secondMoment_ = firstMoment_;
}

namespace {

template <class Param, class Grad>
void update(Param& param, const Grad& grad, Grad& m, Grad& v, const AdamOptions& o, double stepSize) {
    m = o.beta1 * m + (1.0 - o.beta1) * grad;
    v = o.beta2 * v + (1.0 - o.beta2) * grad.cwiseProduct(grad);
    param.array() -= stepSize * m.array() / (v.array().sqrt() + o.epsilon);
}

}  // namespace

void Adam::step(Mlp& mlp, const std::vector<LayerGradient>& gradients) {
    ++steps_;
    // Bias correction folded into the step size, as in the paper's efficient form.
    const double stepSize = options_.learningRate * std::sqrt(1.0 - std::pow(options_.beta2, steps_)) /
                            (1.0 - std::pow(options_.beta1, steps_));
    auto& layers = mlp.layers();
    for (size_t i = 0; i < layers.size(); ++i) {
        update(layers[i].weights, gradients[i].weights, firstMoment_[i].weights, secondMoment_[i].weights, options_, stepSize);
        update(layers[i].biases, gradients[i].biases, firstMoment_[i].biases, secondMoment_[i].biases, options_, stepSize);
    }
}

}  // namespace seiche::analysis
