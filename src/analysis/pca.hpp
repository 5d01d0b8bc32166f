#pragma once
// Principal component analysis by SVD of the centred data. Projection is
// (x - mean) · bases, bases one column per component, as in FluCoMa's PCA.
#include <Eigen/Core>

namespace seiche::analysis {

class Pca {
public:
    // bases: dims × k (k ≤ dims); values: the singular values of the kept components.
    void init(Eigen::MatrixXd bases, Eigen::VectorXd values, Eigen::VectorXd mean);
    // Keeps k components; k must not exceed maxComponents(rows, cols).
    void fit(const Eigen::Ref<const Eigen::MatrixXd>& data, Eigen::Index k);
    void process(const Eigen::Ref<const Eigen::MatrixXd>& in, Eigen::Ref<Eigen::MatrixXd> out) const;
    Eigen::MatrixXd process(const Eigen::Ref<const Eigen::MatrixXd>& in) const;

    // More components than columns add nothing, and n centred rows span at most n - 1 directions.
    static Eigen::Index maxComponents(Eigen::Index rows, Eigen::Index cols);

    Eigen::Index dims() const { return bases_.rows(); }
    Eigen::Index components() const { return bases_.cols(); }
    const Eigen::MatrixXd& bases() const { return bases_; }
    const Eigen::VectorXd& values() const { return values_; }
    const Eigen::VectorXd& mean() const { return mean_; }
    double explainedVarianceRatio() const { return explained_; }

private:
    Eigen::MatrixXd bases_;
    Eigen::VectorXd values_;
    Eigen::VectorXd mean_;
    double explained_ = 1.0;
};

}  // namespace seiche::analysis
