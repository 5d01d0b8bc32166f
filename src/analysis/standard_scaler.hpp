#pragma once
// Column standardisation: (x - mean) / std with the population std, as FluCoMa's
// Standardize and scikit-learn's StandardScaler both use.
#include <Eigen/Core>

namespace seiche::analysis {

class StandardScaler {
public:
    void init(Eigen::VectorXd mean, Eigen::VectorXd std);
    void fit(const Eigen::Ref<const Eigen::MatrixXd>& data);  // one example per row
    // A constant column has std 0; it is passed through centred instead of divided by zero.
    void process(const Eigen::Ref<const Eigen::MatrixXd>& in, Eigen::Ref<Eigen::MatrixXd> out) const;
    Eigen::MatrixXd process(const Eigen::Ref<const Eigen::MatrixXd>& in) const;

    Eigen::Index dims() const { return mean_.size(); }
    const Eigen::VectorXd& mean() const { return mean_; }
    const Eigen::VectorXd& std() const { return std_; }

private:
    Eigen::VectorXd mean_;
    Eigen::VectorXd std_;
    Eigen::RowVectorXd inverseScale_;  // 1/std, or 1 where std is 0
};

}  // namespace seiche::analysis
