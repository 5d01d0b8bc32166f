#include "analysis/model_json.hpp"

#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "analysis/json_matrix.hpp"

namespace seiche::analysis {
namespace {

using nlohmann::json;
constexpr const char* kFormat = "seiche-classifier";

json optionsToJson(const TrainOptions& o) {
    return {{"hidden", o.hidden},
            {"pcaComponents", o.pcaComponents},
            {"learningRate", o.learningRate},
            {"l2", o.l2},
            {"maxEpochs", o.maxEpochs},
            {"patience", o.patience},
            {"validationFraction", o.validationFraction},
            {"minValidationExamples", o.minValidationExamples}};
}

json trainingToJson(const TrainingRecord& t) {
    return {{"source", t.source},
            {"seed", t.seed},
            {"examples", t.examples},
            {"epochs", t.epochs},
            {"bestEpoch", t.bestEpoch},
            {"trainingAccuracy", t.trainingAccuracy},
            {"validationLoss", std::isfinite(t.validationLoss) ? json(t.validationLoss) : json(nullptr)},
            {"date", t.date},
            {"options", optionsToJson(t.options)}};
}

// The training record is informative only: a missing or odd field is left at its default.
TrainingRecord trainingFromJson(const json& j) {
    TrainingRecord t;
    if (!j.is_object()) return t;
    t.source = j.value("source", std::string());
    t.seed = j.value("seed", std::uint64_t{0});
    t.examples = j.value("examples", size_t{0});
    t.epochs = j.value("epochs", 0);
    t.bestEpoch = j.value("bestEpoch", 0);
    t.trainingAccuracy = j.value("trainingAccuracy", 0.0);
    t.validationLoss = j.contains("validationLoss") && j["validationLoss"].is_number() ? j["validationLoss"].get<double>()
                                                                                      : std::nan("");
    t.date = j.value("date", std::string());
    if (const auto o = j.find("options"); o != j.end() && o->is_object()) {
        t.options.hidden = o->value("hidden", t.options.hidden);
        t.options.pcaComponents = o->value("pcaComponents", t.options.pcaComponents);
        t.options.learningRate = o->value("learningRate", t.options.learningRate);
        t.options.l2 = o->value("l2", t.options.l2);
        t.options.maxEpochs = o->value("maxEpochs", t.options.maxEpochs);
        t.options.patience = o->value("patience", t.options.patience);
        t.options.validationFraction = o->value("validationFraction", t.options.validationFraction);
        t.options.minValidationExamples = o->value("minValidationExamples", t.options.minValidationExamples);
    }
    t.options.seed = t.seed;
    return t;
}

bool stringList(const json* j, const char* what, std::vector<std::string>& out, std::string& error) {
    if (!j) return false;
    if (!j->is_array()) {
        error = std::string(what) + " is not an array of strings";
        return false;
    }
    for (const auto& item : *j) {
        if (!item.is_string()) {
            error = std::string(what) + " is not an array of strings";
            return false;
        }
        out.push_back(item.get<std::string>());
    }
    return true;
}

ModelResult<Classifier> fromParsed(const json& j) {
    using Result = ModelResult<Classifier>;
    std::string error;
    if (!j.is_object() || j.value("format", std::string()) != kFormat)
        return Result::failure("not a Seiche classifier model (no \"format\": \"seiche-classifier\")");
    const json* version = member(j, "version", "", error);
    if (!version || !version->is_number_integer()) return Result::failure("model file has no integer 'version'");
    if (version->get<long long>() != modelFormatVersion())
        return Result::failure("model format version " + std::to_string(version->get<long long>()) +
                               " is not one this Seiche reads (" + std::to_string(modelFormatVersion()) + ")");
    Classifier model;
    model.name = j.value("name", std::string("model"));
    if (!stringList(member(j, "labels", "", error), "labels", model.labels, error) ||
        !stringList(member(j, "features", "", error), "features", model.featureNames, error))
        return Result::failure(error);

    const json* scaler = member(j, "scaler", "", error);
    if (!scaler) return Result::failure(error);
    const json* scalerMean = member(*scaler, "mean", "scaler", error);
    const json* scalerStd = scalerMean ? member(*scaler, "std", "scaler", error) : nullptr;
    if (!scalerStd) return Result::failure(error);
    auto mean = vectorFromJson(*scalerMean, "scaler.mean", error);
    auto std = mean ? vectorFromJson(*scalerStd, "scaler.std", error) : std::nullopt;
    if (!std) return Result::failure(error);
    if (mean->size() != std->size()) return Result::failure("scaler.mean and scaler.std differ in length");
    model.scaler.init(std::move(*mean), std::move(*std));

    const json* pca = member(j, "pca", "", error);
    const json* pcaMean = pca ? member(*pca, "mean", "pca", error) : nullptr;
    const json* pcaBases = pcaMean ? member(*pca, "bases", "pca", error) : nullptr;
    if (!pcaBases) return Result::failure(error);
    auto centre = vectorFromJson(*pcaMean, "pca.mean", error);
    auto bases = centre ? matrixFromJson(*pcaBases, "pca.bases", error) : std::nullopt;
    if (!bases) return Result::failure(error);
    Eigen::VectorXd values = Eigen::VectorXd::Zero(bases->cols());
    if (pca->contains("values")) {
        auto v = vectorFromJson((*pca)["values"], "pca.values", error);
        if (!v) return Result::failure(error);
        if (v->size() == values.size()) values = *v;
    }
    model.pca.init(std::move(*bases), std::move(values), std::move(*centre));

    const json* mlp = member(j, "mlp", "", error);
    const json* layers = mlp ? member(*mlp, "layers", "mlp", error) : nullptr;
    if (!layers) return Result::failure(error);
    if (!layers->is_array()) return Result::failure("mlp.layers is not an array");
    std::vector<DenseLayer> dense;
    for (size_t i = 0; i < layers->size(); ++i) {
        const std::string where = "mlp.layers[" + std::to_string(i) + "]";
        const json& layer = (*layers)[i];
        const json* activation = member(layer, "activation", where, error);
        const json* weights = activation ? member(layer, "weights", where, error) : nullptr;
        const json* biases = weights ? member(layer, "biases", where, error) : nullptr;
        if (!biases) return Result::failure(error);
        const auto act = activation->is_string() ? activationFromName(activation->get<std::string>()) : std::nullopt;
        if (!act) return Result::failure(where + ": unknown activation " + activation->dump());
        auto w = matrixFromJson(*weights, where + ".weights", error);
        auto b = w ? vectorFromJson(*biases, where + ".biases", error) : std::nullopt;
        if (!b) return Result::failure(error);
        dense.push_back({std::move(*w), std::move(*b), *act});
    }
    model.mlp.init(std::move(dense));
    if (const std::string problem = model.shapeProblem(); !problem.empty()) return Result::failure(problem);
    if (j.contains("training")) model.training = trainingFromJson(j["training"]);
    return Result::success(std::move(model));
}

}  // namespace

std::string modelToJson(const Classifier& model) {
    json layers = json::array();
    for (const auto& layer : model.mlp.layers())
        layers.push_back({{"activation", activationName(layer.activation)},
                          {"weights", matrixToJson(layer.weights)},
                          {"biases", vectorToJson(layer.biases)}});
    const json out = {{"format", kFormat},
                      {"version", modelFormatVersion()},
                      {"name", model.name},
                      {"labels", model.labels},
                      {"features", model.featureNames},
                      {"scaler", {{"mean", vectorToJson(model.scaler.mean())}, {"std", vectorToJson(model.scaler.std())}}},
                      {"pca",
                       {{"mean", vectorToJson(model.pca.mean())},
                        {"bases", matrixToJson(model.pca.bases())},
                        {"values", vectorToJson(model.pca.values())}}},
                      {"mlp", {{"layers", layers}}},
                      {"training", trainingToJson(model.training)}};
    // Replacing invalid UTF-8 in names keeps dump() from throwing.
    return out.dump(1, ' ', false, json::error_handler_t::replace) + "\n";
}

ModelResult<Classifier> modelFromJson(std::string_view text) {
    const json parsed = json::parse(text, nullptr, false);
    if (parsed.is_discarded()) return ModelResult<Classifier>::failure("model file is not valid JSON");
    try {
        return fromParsed(parsed);
    } catch (const json::exception& e) {
        return ModelResult<Classifier>::failure(std::string("model file has an unexpected shape: ") + e.what());
    }
}

std::string saveModelFile(const Classifier& model, const std::string& path) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out) return path + ": cannot write";
    out << modelToJson(model);
    out.close();
    return out ? "" : path + ": write failed";
}

ModelResult<Classifier> loadModelFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return ModelResult<Classifier>::failure(path + ": cannot open");
    std::stringstream text;
    text << in.rdbuf();
    auto result = modelFromJson(text.str());
    if (!result) result.error = path + ": " + result.error;
    return result;
}

}  // namespace seiche::analysis
