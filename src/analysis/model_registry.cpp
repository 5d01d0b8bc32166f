#include "analysis/model_registry.hpp"

#include "analysis/model_json.hpp"

namespace seiche::analysis {

void ModelRegistry::add(Classifier model, std::string name) {
    if (name.empty()) name = model.name;
    model.name = name;
    models_.insert_or_assign(std::move(name), std::move(model));
}

std::string ModelRegistry::load(const std::string& path, const std::string& name) {
    auto loaded = loadModelFile(path);
    if (!loaded) return loaded.error;
    add(std::move(*loaded.value), name);
    return "";
}

bool ModelRegistry::unload(const std::string& name) { return models_.erase(name) > 0; }

const Classifier* ModelRegistry::find(const std::string& name) const {
    const auto it = models_.find(name);
    return it == models_.end() ? nullptr : &it->second;
}

std::vector<std::string> ModelRegistry::names() const {
    std::vector<std::string> out;
    for (const auto& entry : models_) out.push_back(entry.first);
    return out;
}

std::vector<NamedPrediction> ModelRegistry::classify(const Eigen::Ref<const Eigen::RowVectorXd>& features,
                                                     std::vector<std::string>* errors) const {
    std::vector<NamedPrediction> out;
    for (const auto& [name, model] : models_) {
        auto result = model.classify(features);
        if (result) out.push_back({name, std::move(result.value->front())});
        else if (errors) errors->push_back(name + ": " + result.error);
    }
    return out;
}

}  // namespace seiche::analysis
