#include "analysis/standard_scaler.hpp"

#include <utility>

namespace seiche::analysis {

void StandardScaler::init(Eigen::VectorXd mean, Eigen::VectorXd std) {
    mean_ = std::move(mean);
    std_ = std::move(std);
    inverseScale_ = std_.transpose().unaryExpr([](double s) { return s > 0 ? 1.0 / s : 1.0; });
}

void StandardScaler::fit(const Eigen::Ref<const Eigen::MatrixXd>& data) {
    Eigen::VectorXd mean = data.colwise().mean().transpose();
    Eigen::VectorXd std =
        ((data.rowwise() - mean.transpose()).array().square().colwise().sum() / static_cast<double>(data.rows()))
            .sqrt()
            .transpose();
    init(std::move(mean), std::move(std));
}

void StandardScaler::process(const Eigen::Ref<const Eigen::MatrixXd>& in, Eigen::Ref<Eigen::MatrixXd> out) const {
    out.noalias() = ((in.rowwise() - mean_.transpose()).array().rowwise() * inverseScale_.array()).matrix();
}

Eigen::MatrixXd StandardScaler::process(const Eigen::Ref<const Eigen::MatrixXd>& in) const {
    Eigen::MatrixXd out(in.rows(), in.cols());
    process(in, out);
    return out;
}

}  // namespace seiche::analysis
