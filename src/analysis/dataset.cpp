#include "analysis/dataset.hpp"

#include <algorithm>
#include <set>

namespace seiche::analysis {

void Dataset::add(std::string id, std::string label, const Eigen::Ref<const Eigen::VectorXd>& values) {
    const Eigen::Index row = features.rows();
    features.conservativeResize(row + 1, values.size());
    features.row(row) = values.transpose();
    ids.push_back(std::move(id));
    labels.push_back(std::move(label));
}

Dataset Dataset::subset(const std::vector<size_t>& rows) const {
    Dataset out;
    out.featureNames = featureNames;
    out.features.resize(static_cast<Eigen::Index>(rows.size()), features.cols());
    for (size_t i = 0; i < rows.size(); ++i) {
        out.ids.push_back(ids[rows[i]]);
        out.labels.push_back(labels[rows[i]]);
        out.features.row(static_cast<Eigen::Index>(i)) = features.row(static_cast<Eigen::Index>(rows[i]));
    }
    return out;
}

std::vector<std::string> Dataset::labelSet() const {
    std::set<std::string> distinct(labels.begin(), labels.end());
    return {distinct.begin(), distinct.end()};
}

std::vector<int> Dataset::labelIndices(const std::vector<std::string>& labelOrder) const {
    std::vector<int> out;
    out.reserve(labels.size());
    for (const auto& label : labels) {
        const auto it = std::find(labelOrder.begin(), labelOrder.end(), label);
        out.push_back(it == labelOrder.end() ? -1 : static_cast<int>(it - labelOrder.begin()));
    }
    return out;
}

std::string trainingProblem(const Dataset& data) {
    if (data.size() == 0) return "no examples";
    if (data.features.rows() != static_cast<Eigen::Index>(data.size()) || data.labels.size() != data.size())
        return "ids, labels and feature rows disagree in number";
    if (data.featureCount() == 0 || data.features.cols() != static_cast<Eigen::Index>(data.featureCount()))
        return "no feature columns";
    for (size_t i = 0; i < data.size(); ++i)
        if (data.labels[i].empty()) return "example '" + data.ids[i] + "' has no label";
    if (!data.features.allFinite()) return "a feature value is not a finite number";
    if (data.labelSet().size() < 2) return "only one label ('" + data.labels.front() + "'); a classifier needs two or more";
    return "";
}

}  // namespace seiche::analysis
