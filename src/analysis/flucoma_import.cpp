#include "analysis/flucoma_import.hpp"

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "analysis/json_matrix.hpp"

namespace seiche::analysis {
namespace {

using nlohmann::json;

std::optional<Activation> flucomaActivation(const json& code) {
    if (!code.is_number_integer()) return std::nullopt;
    switch (code.get<int>()) {
        case 0: return Activation::Identity;
        case 1: return Activation::Sigmoid;
        case 2: return Activation::Relu;
        case 3: return Activation::Tanh;
        default: return std::nullopt;
    }
}

// MIRLCa's 26 columns are the 13 MFCC means then the 13 variances; other widths get neutral names.
std::vector<std::string> inputNames(Eigen::Index columns) {
    std::vector<std::string> names;
    for (Eigen::Index i = 0; i < columns; ++i) {
        if (columns == 26) names.push_back((i < 13 ? "mfcc_mean_" : "mfcc_var_") + std::to_string(i % 13));
        else names.push_back("column_" + std::to_string(i));
    }
    return names;
}

ModelResult<Classifier> build(const json& standardizer, const json& pca, const json& model, const std::string& name) {
    using Result = ModelResult<Classifier>;
    std::string error;
    Classifier out;
    out.name = name;

    const json* mean = member(standardizer, "mean", "standardizer", error);
    const json* std = mean ? member(standardizer, "std", "standardizer", error) : nullptr;
    if (!std) return Result::failure(error);
    auto scalerMean = vectorFromJson(*mean, "standardizer mean", error);
    auto scalerStd = scalerMean ? vectorFromJson(*std, "standardizer std", error) : std::nullopt;
    if (!scalerStd) return Result::failure(error);
    if (scalerMean->size() != scalerStd->size()) return Result::failure("standardizer mean and std differ in length");

    const json* labelSet = member(model, "labels", "model", error);
    const json* labelList = labelSet ? member(*labelSet, "labels", "model labels", error) : nullptr;
    const json* network = labelList ? member(model, "mlp", "model", error) : nullptr;
    const json* layers = network ? member(*network, "layers", "model mlp", error) : nullptr;
    if (!layers) return Result::failure(error);
    if (!labelList->is_array() || !layers->is_array() || layers->empty())
        return Result::failure("model: labels or layers are not arrays");
    for (const auto& label : *labelList) {
        if (!label.is_string()) return Result::failure("model: a label is not a string");
        out.labels.push_back(label.get<std::string>());
    }
    std::vector<DenseLayer> dense;
    for (size_t i = 0; i < layers->size(); ++i) {
        const std::string where = "model layer " + std::to_string(i);
        const json& layer = (*layers)[i];
        const json* weights = member(layer, "weights", where, error);
        const json* biases = weights ? member(layer, "biases", where, error) : nullptr;
        const json* activation = biases ? member(layer, "activation", where, error) : nullptr;
        if (!activation) return Result::failure(error);
        const auto act = flucomaActivation(*activation);
        if (!act) return Result::failure(where + ": unknown FluCoMa activation " + activation->dump());
        auto w = matrixFromJson(*weights, where + " weights", error);
        auto b = w ? vectorFromJson(*biases, where + " biases", error) : std::nullopt;
        if (!b) return Result::failure(error);
        dense.push_back({std::move(*w), std::move(*b), *act});
    }
    const Eigen::Index k = dense.front().inputs();

    const json* bases = member(pca, "bases", "pca", error);
    const json* pcaMean = bases ? member(pca, "mean", "pca", error) : nullptr;
    if (!pcaMean) return Result::failure(error);
    auto basisMatrix = matrixFromJson(*bases, "pca bases", error);
    auto centre = basisMatrix ? vectorFromJson(*pcaMean, "pca mean", error) : std::nullopt;
    if (!centre) return Result::failure(error);
    if (k > basisMatrix->cols())
        return Result::failure("the network takes " + std::to_string(k) + " inputs but the PCA has only " +
                               std::to_string(basisMatrix->cols()) + " components");
    Eigen::VectorXd values = Eigen::VectorXd::Zero(k);
    if (pca.contains("values")) {
        auto v = vectorFromJson(pca["values"], "pca values", error);
        if (!v) return Result::failure(error);
        if (v->size() >= k) values = v->head(k);
    }

    out.featureNames = inputNames(scalerMean->size());
    out.scaler.init(std::move(*scalerMean), std::move(*scalerStd));
    out.pca.init(basisMatrix->leftCols(k), std::move(values), std::move(*centre));
    out.mlp.init(std::move(dense));
    if (const std::string problem = out.shapeProblem(); !problem.empty()) return Result::failure(problem);
    out.training.source = "flucoma-import";
    out.training.options.pcaComponents = static_cast<int>(k);
    out.training.options.hidden.clear();
    for (size_t i = 0; i + 1 < out.mlp.layers().size(); ++i)
        out.training.options.hidden.push_back(static_cast<int>(out.mlp.layers()[i].outputs()));
    return Result::success(std::move(out));
}

ModelResult<std::string> readText(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return ModelResult<std::string>::failure(path.string() + ": cannot open");
    std::stringstream text;
    text << in.rdbuf();
    return ModelResult<std::string>::success(text.str());
}

// FluCoMa writes ".JSON" but a copied file may have been renamed ".json".
std::filesystem::path findFile(const std::filesystem::path& directory, const std::string& file) {
    std::filesystem::path exact = directory / file;
    if (std::filesystem::exists(exact)) return exact;
    std::filesystem::path lower = exact;
    lower.replace_extension(".json");
    if (std::filesystem::exists(lower)) return lower;
    return exact;
}

}  // namespace

ModelResult<Classifier> importFlucoma(std::string_view standardizerJson, std::string_view pcaJson,
                                      std::string_view modelJson, const std::string& name) {
    using Result = ModelResult<Classifier>;
    const json standardizer = json::parse(standardizerJson, nullptr, false);
    const json pca = json::parse(pcaJson, nullptr, false);
    const json model = json::parse(modelJson, nullptr, false);
    if (standardizer.is_discarded()) return Result::failure("standardizer is not valid JSON");
    if (pca.is_discarded()) return Result::failure("pca is not valid JSON");
    if (model.is_discarded()) return Result::failure("model is not valid JSON");
    try {
        return build(standardizer, pca, model, name);
    } catch (const json::exception& e) {
        return Result::failure(std::string("FluCoMa files have an unexpected shape: ") + e.what());
    }
}

ModelResult<Classifier> importFlucomaDirectory(const std::string& directory, const std::string& name,
                                               const std::string& modelFile) {
    std::error_code ec;
    if (!std::filesystem::is_directory(directory, ec)) return ModelResult<Classifier>::failure(directory + ": not a directory");
    ModelResult<std::string> texts[3] = {readText(findFile(directory, "standardizer.JSON")),
                                         readText(findFile(directory, "pca.JSON")),
                                         readText(findFile(directory, modelFile))};
    for (const auto& text : texts)
        if (!text) return ModelResult<Classifier>::failure(text.error);
    auto result = importFlucoma(*texts[0].value, *texts[1].value, *texts[2].value, name);
    if (!result) result.error = directory + ": " + result.error;
    return result;
}

}  // namespace seiche::analysis
