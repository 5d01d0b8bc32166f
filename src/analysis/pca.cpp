#include "analysis/pca.hpp"

#include <Eigen/SVD>
#include <algorithm>
#include <utility>

namespace seiche::analysis {

void Pca::init(Eigen::MatrixXd bases, Eigen::VectorXd values, Eigen::VectorXd mean) {
    bases_ = std::move(bases);
    values_ = std::move(values);
    mean_ = std::move(mean);
    explained_ = 1.0;
}

Eigen::Index Pca::maxComponents(Eigen::Index rows, Eigen::Index cols) {
    return std::max<Eigen::Index>(1, std::min(cols, rows - 1));
}

void Pca::fit(const Eigen::Ref<const Eigen::MatrixXd>& data, Eigen::Index k) {
    mean_ = data.colwise().mean().transpose();
    const Eigen::MatrixXd centred = data.rowwise() - mean_.transpose();
    Eigen::BDCSVD<Eigen::MatrixXd> svd(centred, Eigen::ComputeThinV);
    k = std::clamp<Eigen::Index>(k, 1, svd.matrixV().cols());
    bases_ = svd.matrixV().leftCols(k);
    values_ = svd.singularValues().head(k);
    // The SVD's signs are arbitrary; fixing them (largest entry positive) keeps a
    // retrained model's components pointing the same way, so warm starts stay warm.
    for (Eigen::Index c = 0; c < k; ++c) {
        Eigen::Index largest = 0;
        bases_.col(c).cwiseAbs().maxCoeff(&largest);
        if (bases_(largest, c) < 0) bases_.col(c) *= -1.0;
    }
    const double total = svd.singularValues().squaredNorm();
    explained_ = total > 0 ? values_.squaredNorm() / total : 1.0;
}

void Pca::process(const Eigen::Ref<const Eigen::MatrixXd>& in, Eigen::Ref<Eigen::MatrixXd> out) const {
    out.noalias() = (in.rowwise() - mean_.transpose()) * bases_;
}

Eigen::MatrixXd Pca::process(const Eigen::Ref<const Eigen::MatrixXd>& in) const {
    Eigen::MatrixXd out(in.rows(), bases_.cols());
    process(in, out);
    return out;
}

}  // namespace seiche::analysis
