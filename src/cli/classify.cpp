// seiche-cli classify: label sound files or the rows of a data CSV with one or
// more trained (or imported) models, each reported under its name.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "analysis/data_csv.hpp"
#include "analysis/dataset_features.hpp"
#include "analysis/flucoma_import.hpp"
#include "analysis/model_registry.hpp"
#include "cli/arguments.hpp"
#include "cli/verbs.hpp"

namespace seiche::cli {
namespace {

const char* kClassifyHelp =
    "usage: seiche-cli classify --model MODEL [--model MODEL…] (FILE… | --data CSV) [--json]\n"
    "\n"
    "Labels sounds with every model given; each model is named by its file name\n"
    "(without .json), or NAME=MODEL names it explicitly.\n"
    "  --model [NAME=]MODEL  a model file written by `seiche-cli train` (repeatable)\n"
    "  --flucoma [NAME=]DIR  a MIRLCa/FluCoMa standardizer+pca+model directory (repeatable)\n"
    "  --data CSV            rows to label: path-or-id, label (may be empty), features;\n"
    "                        with no feature columns the files are analysed\n"
    "  FILE…                 sound files to analyse and label\n"
    "  --json                print the results as JSON\n"
    "Columns are matched to a model's features by name, else by position when the\n"
    "counts agree. Labelled rows also give each model's accuracy.\n";

// "NAME=PATH" or just PATH, named after the file.
std::pair<std::string, std::string> namedPath(const std::string& value) {
    const auto eq = value.find('=');
    if (eq != std::string::npos && eq > 0) return {value.substr(0, eq), value.substr(eq + 1)};
    return {std::filesystem::path(value).stem().string(), value};
}

// The model's input columns from the data: by name when all are present, else by position.
bool selectColumns(const analysis::Classifier& model, const analysis::Dataset& data, Eigen::MatrixXd& out, std::string& error) {
    std::vector<Eigen::Index> columns;
    for (const auto& name : model.featureNames) {
        const auto it = std::find(data.featureNames.begin(), data.featureNames.end(), name);
        if (it == data.featureNames.end()) break;
        columns.push_back(it - data.featureNames.begin());
    }
    if (columns.size() == model.featureNames.size()) {
        out.resize(data.features.rows(), static_cast<Eigen::Index>(columns.size()));
        for (size_t c = 0; c < columns.size(); ++c) out.col(static_cast<Eigen::Index>(c)) = data.features.col(columns[c]);
        return true;
    }
    if (data.featureCount() == model.featureNames.size()) {
        out = data.features;
        return true;
    }
    error = "model '" + model.name + "' needs " + std::to_string(model.featureNames.size()) + " features (" +
            model.featureNames.front() + ", …); the data has " + std::to_string(data.featureCount());
    return false;
}

// Features for rows that name files: one extraction covering every model's columns.
std::string extractFor(const analysis::ModelRegistry& models, analysis::Dataset& data) {
    analysis::FeatureOptions options;
    options.coefficients = 0;
    for (const auto& name : models.names()) {
        const auto wanted = analysis::featureOptionsFor(models.find(name)->featureNames);
        if (!wanted) return "model '" + name + "' uses features that cannot be extracted from files; give --data with its columns";
        options.coefficients = std::max(options.coefficients, wanted->coefficients);
        options.extra = options.extra || wanted->extra;
    }
    return analysis::extractDatasetFeatures(data, options);
}

}  // namespace

int runClassify(const std::vector<std::string>& args) {
    analysis::ModelRegistry models;
    analysis::Dataset data;
    std::string csv;
    bool json = false;
    Arguments arg("classify", args);
    while (arg.next()) {
        if (arg.is("--help") || arg.is("-h")) {
            std::fputs(kClassifyHelp, stdout);
            return 0;
        } else if (arg.is("--json")) {
            json = true;
        } else if (arg.is("--model") || arg.is("--flucoma")) {
            const bool flucoma = arg.is("--flucoma");
            const std::string* v = arg.value();
            if (!v) return 2;
            const auto [name, path] = namedPath(*v);
            std::string problem;
            if (flucoma) {
                auto imported = analysis::importFlucomaDirectory(path, name);
                if (imported) models.add(std::move(*imported.value), name);
                else problem = imported.error;
            } else {
                problem = models.load(path, name);
            }
            if (!problem.empty()) {
                std::fprintf(stderr, "seiche-cli classify: %s\n", problem.c_str());
                return 2;
            }
        } else if (arg.is("--data")) {
            const std::string* v = arg.value();
            if (!v) return 2;
            csv = *v;
        } else if (arg.current().rfind("--", 0) == 0) {
            std::fprintf(stderr, "seiche-cli classify: unknown option '%s' (try --help)\n", arg.current().c_str());
            return 2;
        } else {
            data.ids.push_back(arg.current());
            data.labels.emplace_back();
        }
    }
    if (models.size() == 0 || (csv.empty() == data.ids.empty())) {
        std::fputs("seiche-cli classify: give --model MODEL and either FILE… or --data CSV (try --help)\n", stderr);
        return 2;
    }
    if (!csv.empty()) {
        analysis::DataCsvOptions csvOptions;
        csvOptions.requireLabels = false;
        auto read = analysis::readDataCsv(csv, csvOptions);
        if (!read) {
            std::fprintf(stderr, "%s\n", read.error.c_str());
            return 2;
        }
        data = std::move(*read.value);
    }
    if (data.featureCount() == 0) {
        if (const auto problem = extractFor(models, data); !problem.empty()) {
            std::fprintf(stderr, "seiche-cli classify: %s\n", problem.c_str());
            return 2;
        }
    }

    // predictions[m][row] for model m in models.names() order.
    const auto names = models.names();
    std::vector<std::vector<analysis::Prediction>> predictions;
    for (const auto& name : names) {
        const auto* model = models.find(name);
        Eigen::MatrixXd inputs;
        std::string problem;
        if (!selectColumns(*model, data, inputs, problem)) {
            std::fprintf(stderr, "seiche-cli classify: %s\n", problem.c_str());
            return 2;
        }
        auto result = model->classify(inputs);
        if (!result) {
            std::fprintf(stderr, "seiche-cli classify: %s\n", result.error.c_str());
            return 2;
        }
        predictions.push_back(std::move(*result.value));
    }

    nlohmann::json results = nlohmann::json::array(), modelList = nlohmann::json::array(), accuracy = nlohmann::json::object();
    for (size_t m = 0; m < names.size(); ++m) {
        const auto* model = models.find(names[m]);
        modelList.push_back({{"name", names[m]}, {"labels", model->labels}, {"source", model->training.source}});
        int labelled = 0, correct = 0;
        for (size_t r = 0; r < data.size(); ++r) {
            if (data.labels[r].empty()) continue;
            ++labelled;
            correct += predictions[m][r].label == data.labels[r];
        }
        if (labelled) {
            accuracy[names[m]] = static_cast<double>(correct) / labelled;
            if (!json) std::fprintf(stderr, "%s: accuracy %.3f on %d labelled rows\n", names[m].c_str(), accuracy[names[m]].get<double>(), labelled);
        }
    }
    for (size_t r = 0; r < data.size(); ++r) {
        nlohmann::json perModel = nlohmann::json::object();
        std::string line = data.ids[r];
        for (size_t m = 0; m < names.size(); ++m) {
            const auto& p = predictions[m][r];
            const auto& labels = models.find(names[m])->labels;
            nlohmann::json scores = nlohmann::json::object();
            for (size_t i = 0; i < labels.size(); ++i) scores[labels[i]] = p.scores[i];
            perModel[names[m]] = {{"label", p.label}, {"confidence", p.confidence()}, {"scores", scores}};
            char confidence[32];
            std::snprintf(confidence, sizeof confidence, " (%.3f)", p.confidence());
            line += "\t" + (names.size() > 1 ? names[m] + "=" : std::string()) + p.label + confidence;
        }
        nlohmann::json row = {{"id", data.ids[r]}, {"predictions", perModel}};
        if (!data.labels[r].empty()) row["label"] = data.labels[r];
        results.push_back(std::move(row));
        if (!json) std::puts(line.c_str());
    }
    if (json) {
        const nlohmann::json out = {{"models", modelList}, {"results", results}, {"accuracy", accuracy}};
        std::puts(out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
    }
    return 0;
}

}  // namespace seiche::cli
