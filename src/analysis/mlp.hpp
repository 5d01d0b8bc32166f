#pragma once
// A multilayer perceptron: dense layers y = act(x·W + b), W stored inputs × outputs
// as FluCoMa stores it. Rows are examples, so a whole batch goes through at once.
#include <Eigen/Core>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace seiche::analysis {

// Codes 0–3 are FluCoMa's; softmax is ours, for outputs that are probabilities over labels.
enum class Activation { Identity = 0, Sigmoid = 1, Relu = 2, Tanh = 3, Softmax = 4 };

const char* activationName(Activation a);
std::optional<Activation> activationFromName(const std::string& name);

struct DenseLayer {
    Eigen::MatrixXd weights;  // inputs × outputs
    Eigen::VectorXd biases;   // outputs
    Activation activation = Activation::Relu;

    Eigen::Index inputs() const { return weights.rows(); }
    Eigen::Index outputs() const { return weights.cols(); }
};

void applyActivation(Activation a, Eigen::Ref<Eigen::MatrixXd> values);

class Mlp {
public:
    void init(std::vector<DenseLayer> layers) { layers_ = std::move(layers); }
    // Glorot-uniform weights and zero biases from the seed: the same seed gives the same network.
    void initRandom(Eigen::Index inputs, const std::vector<int>& hidden, Eigen::Index outputs, Activation hiddenActivation,
                    Activation outputActivation, std::uint64_t seed);
    Eigen::MatrixXd process(const Eigen::Ref<const Eigen::MatrixXd>& in) const;

    Eigen::Index inputs() const { return layers_.empty() ? 0 : layers_.front().inputs(); }
    Eigen::Index outputs() const { return layers_.empty() ? 0 : layers_.back().outputs(); }
    const std::vector<DenseLayer>& layers() const { return layers_; }
    std::vector<DenseLayer>& layers() { return layers_; }
    // True when every layer has the same shape and activation as `other`'s.
    bool sameShape(const Mlp& other) const;

private:
    std::vector<DenseLayer> layers_;
};

}  // namespace seiche::analysis
