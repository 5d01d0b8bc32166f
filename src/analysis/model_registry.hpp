#pragma once
// Several classifiers loaded at once, each under its own name ("taste",
// "drums-or-not", an imported MIRLCa agent …), so one sound can be asked of all.
#include <map>
#include <string>
#include <vector>

#include "analysis/classifier.hpp"

namespace seiche::analysis {

struct NamedPrediction {
    std::string model;
    Prediction prediction;
};

class ModelRegistry {
public:
    // Adds or replaces the model under `name` (the model's own name when empty).
    void add(Classifier model, std::string name = "");
    // Loads a model file; "" on success, otherwise why not (nothing changes then).
    std::string load(const std::string& path, const std::string& name = "");
    bool unload(const std::string& name);

    const Classifier* find(const std::string& name) const;
    std::vector<std::string> names() const;  // sorted
    size_t size() const { return models_.size(); }

    // Every model's label for one feature row. A model whose feature count differs
    // is reported in `errors` ("name: reason") and skipped.
    std::vector<NamedPrediction> classify(const Eigen::Ref<const Eigen::RowVectorXd>& features,
                                          std::vector<std::string>* errors = nullptr) const;

private:
    std::map<std::string, Classifier> models_;
};

}  // namespace seiche::analysis
