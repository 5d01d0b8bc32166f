#pragma once
// The Adam optimiser (Kingma & Ba 2015) over an Mlp's weights and biases:
// per-parameter step sizes from running means of the gradient and its square.
#include <Eigen/Core>
#include <vector>

#include "analysis/mlp.hpp"

namespace seiche::analysis {

struct LayerGradient {
    Eigen::MatrixXd weights;
    Eigen::VectorXd biases;
};

struct AdamOptions {
    double learningRate = 0.01;
    double beta1 = 0.9;
    double beta2 = 0.999;
    double epsilon = 1e-8;
};

class Adam {
public:
    void init(const Mlp& mlp, const AdamOptions& options);
    void step(Mlp& mlp, const std::vector<LayerGradient>& gradients);

private:
    AdamOptions options_;
    std::vector<LayerGradient> firstMoment_;
    std::vector<LayerGradient> secondMoment_;
    int steps_ = 0;
};

}  // namespace seiche::analysis
