#include "analysis/classifier.hpp"

namespace seiche::analysis {

Eigen::MatrixXd Classifier::scores(const Eigen::Ref<const Eigen::MatrixXd>& features) const {
    return mlp.process(pca.process(scaler.process(features)));
}

ModelResult<std::vector<Prediction>> Classifier::classify(const Eigen::Ref<const Eigen::MatrixXd>& features) const {
    using Result = ModelResult<std::vector<Prediction>>;
    if (features.cols() != static_cast<Eigen::Index>(featureNames.size()))
        return Result::failure("model '" + name + "' expects " + std::to_string(featureNames.size()) +
                               " features, got " + std::to_string(features.cols()));
    if (!features.allFinite()) return Result::failure("a feature value is not a finite number");
    const Eigen::MatrixXd out = scores(features);
    std::vector<Prediction> predictions;
    predictions.reserve(static_cast<size_t>(out.rows()));
    for (Eigen::Index r = 0; r < out.rows(); ++r) {
        Prediction p;
        Eigen::Index best = 0;
        out.row(r).maxCoeff(&best);
        p.labelIndex = static_cast<int>(best);
        p.label = labels[static_cast<size_t>(best)];
        for (Eigen::Index c = 0; c < out.cols(); ++c) p.scores.push_back(out(r, c));
        predictions.push_back(std::move(p));
    }
    return Result::success(std::move(predictions));
}

std::string Classifier::shapeProblem() const {
    const auto features = static_cast<Eigen::Index>(featureNames.size());
    if (labels.size() < 2) return "a model needs at least two labels";
    if (features == 0) return "a model needs at least one feature";
    if (scaler.dims() != features || scaler.std().size() != features)
        return "standardizer has " + std::to_string(scaler.dims()) + " columns, model has " + std::to_string(features) + " features";
    if (pca.dims() != features || pca.mean().size() != features)
        return "PCA has " + std::to_string(pca.dims()) + " input columns, model has " + std::to_string(features) + " features";
    if (mlp.layers().empty()) return "the network has no layers";
    if (mlp.inputs() != pca.components())
        return "the network's first layer takes " + std::to_string(mlp.inputs()) + " inputs but PCA gives " +
               std::to_string(pca.components());
    Eigen::Index from = mlp.inputs();
    for (const auto& layer : mlp.layers()) {
        if (layer.inputs() != from || layer.biases.size() != layer.outputs()) return "the network's layers do not chain";
        from = layer.outputs();
    }
    if (mlp.outputs() != static_cast<Eigen::Index>(labels.size()))
        return "the network has " + std::to_string(mlp.outputs()) + " outputs for " + std::to_string(labels.size()) + " labels";
    return "";
}

}  // namespace seiche::analysis
