#pragma once
// Orthonormal DCT-II, truncated to its first `outputs` coefficients:
//   y[k] = s(k) * sum_n x[n] cos(pi k (2n + 1) / (2N)),  s(0) = sqrt(1/N), s(k>0) = sqrt(2/N)
// (scipy's dct(type=2, norm="ortho")). The basis is built once in init().
#include <Eigen/Core>

namespace seiche::analysis {

class Dct {
public:
    void init(int inputs, int outputs);
    int inputs() const { return static_cast<int>(basis_.cols()); }
    int outputs() const { return static_cast<int>(basis_.rows()); }

    void process(const Eigen::Ref<const Eigen::VectorXd>& input, Eigen::Ref<Eigen::VectorXd> output) const;

private:
    Eigen::MatrixXd basis_;  // outputs x inputs
};

}  // namespace seiche::analysis
