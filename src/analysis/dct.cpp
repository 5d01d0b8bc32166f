#include "analysis/dct.hpp"

#include <cmath>
#include <numbers>

namespace seiche::analysis {

void Dct::init(int inputs, int outputs) {
    basis_.resize(outputs, inputs);
    for (int k = 0; k < outputs; ++k) {
        const double scale = std::sqrt((k == 0 ? 1.0 : 2.0) / inputs);
        for (int n = 0; n < inputs; ++n)
            basis_(k, n) = scale * std::cos(std::numbers::pi * k * (2 * n + 1) / (2.0 * inputs));
    }
}

void Dct::process(const Eigen::Ref<const Eigen::VectorXd>& input, Eigen::Ref<Eigen::VectorXd> output) const {
    output.noalias() = basis_ * input;
}

}  // namespace seiche::analysis
