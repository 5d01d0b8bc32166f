#pragma once
// A labelled table of feature vectors: what the classifier trains and is measured on.
#include <Eigen/Core>
#include <string>
#include <vector>

namespace seiche::analysis {

struct Dataset {
    std::vector<std::string> ids;     // file path or sound id, one per row
    std::vector<std::string> labels;  // one per row; may be empty when only classifying
    std::vector<std::string> featureNames;
    Eigen::MatrixXd features;  // one example per row

    size_t size() const { return ids.size(); }
    size_t featureCount() const { return featureNames.size(); }

    // Appends one example; the caller keeps `values` the same length as featureNames.
    void add(std::string id, std::string label, const Eigen::Ref<const Eigen::VectorXd>& values);
    Dataset subset(const std::vector<size_t>& rows) const;
    // The distinct labels, sorted, so a model's label order never depends on row order.
    std::vector<std::string> labelSet() const;
    // Each row's position in labelSet().
    std::vector<int> labelIndices(const std::vector<std::string>& labelOrder) const;
};

// Why this dataset cannot be trained on ("" when it can): empty, one label only,
// unlabelled rows, non-finite values, shapes that disagree.
std::string trainingProblem(const Dataset& data);

}  // namespace seiche::analysis
