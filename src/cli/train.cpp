// seiche-cli train: a classifier model file from a labelled data CSV, or from a
// MIRLCa/FluCoMa standardizer + pca + model triple.
#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "analysis/classifier_training.hpp"
#include "analysis/dataset_features.hpp"
#include "analysis/flucoma_import.hpp"
#include "analysis/model_json.hpp"
#include "analysis/train_option_flags.hpp"
#include "cli/arguments.hpp"
#include "cli/verbs.hpp"

namespace seiche::cli {
namespace {

const char* kTrainHelp =
    "usage: seiche-cli train --data CSV --out MODEL [options]\n"
    "       seiche-cli train --import-flucoma DIR --out MODEL [--flucoma-model FILE]\n"
    "\n"
    "Trains standardise → PCA → MLP (softmax over the labels) and writes a model file.\n"
    "CSV: a header, then path-or-id, label, feature columns; with no feature columns\n"
    "the features are extracted from the files.\n"
    "  --data CSV           labelled examples\n"
    "  --out MODEL          the model file to write (JSON)\n"
    "  --name NAME          the model's name (default: MODEL's file name without .json)\n"
    "  --import-flucoma DIR convert standardizer.JSON, pca.JSON and model.JSON (a MIRLCa\n"
    "                       agent) instead of training\n"
    "  --flucoma-model FILE the network file in DIR (default model.JSON)\n"
    "  --json               print the report as JSON\n";

void report(const analysis::Classifier& model, const std::string& out, bool json) {
    const auto& t = model.training;
    const int k = static_cast<int>(model.pca.components());
    if (json) {
        nlohmann::json j = {{"name", model.name}, {"out", out}, {"source", t.source},
                            {"labels", model.labels}, {"features", model.featureNames.size()},
                            {"pcaComponents", k}, {"hidden", t.options.hidden}, {"examples", t.examples},
                            {"epochs", t.epochs}, {"bestEpoch", t.bestEpoch}, {"trainingAccuracy", t.trainingAccuracy},
                            {"seed", t.seed}};
        std::puts(j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
        return;
    }
    std::string labels;
    for (const auto& label : model.labels) labels += (labels.empty() ? "" : ", ") + label;
    if (t.source == "flucoma-import") {
        std::printf("imported '%s': labels %s, %zu features, PCA k=%d -> %s\n", model.name.c_str(), labels.c_str(),
                    model.featureNames.size(), k, out.c_str());
        return;
    }
    std::printf("trained '%s': %zu examples, labels %s, %zu features, PCA k=%d, %zu hidden layer(s); "
                "%d epochs (best %d), training accuracy %.3f -> %s\n",
                model.name.c_str(), t.examples, labels.c_str(), model.featureNames.size(), k, t.options.hidden.size(),
                t.epochs, t.bestEpoch, t.trainingAccuracy, out.c_str());
}

}  // namespace

int runTrain(const std::vector<std::string>& args) {
    analysis::TrainOptions options;
    std::string data, out, name, flucomaDir, flucomaModel = "model.JSON";
    bool json = false;
    Arguments arg("train", args);
    while (arg.next()) {
        if (arg.is("--help") || arg.is("-h")) {
            std::fputs(kTrainHelp, stdout);
            std::fputs(analysis::kTrainOptionsHelp, stdout);
            return 0;
        }
        if (arg.is("--json")) {
            json = true;
            continue;
        }
        const std::string flag = arg.current();
        std::string* target = flag == "--data" ? &data
                              : flag == "--out" ? &out
                              : flag == "--name" ? &name
                              : flag == "--import-flucoma" ? &flucomaDir
                              : flag == "--flucoma-model" ? &flucomaModel
                                                          : nullptr;
        if (!target && !analysis::isTrainOptionFlag(flag)) {
            std::fprintf(stderr, "seiche-cli train: unknown option '%s' (try --help)\n", flag.c_str());
            return 2;
        }
        const std::string* v = arg.value();
        if (!v) return 2;
        if (target) {
            *target = *v;
        } else if (const auto problem = analysis::setTrainOption(options, flag, *v); !problem.empty()) {
            std::fprintf(stderr, "seiche-cli train: %s\n", problem.c_str());
            return 2;
        }
    }
    if (out.empty() || (data.empty() == flucomaDir.empty())) {
        std::fputs("seiche-cli train: give --out MODEL and one of --data CSV or --import-flucoma DIR (try --help)\n", stderr);
        return 2;
    }
    options.name = name.empty() ? std::filesystem::path(out).stem().string() : name;

    analysis::ModelResult<analysis::Classifier> model;
    if (!flucomaDir.empty()) {
        model = analysis::importFlucomaDirectory(flucomaDir, options.name, flucomaModel);
    } else {
        auto examples = analysis::loadDataset(data);
        if (!examples) {
            std::fprintf(stderr, "%s\n", examples.error.c_str());
            return 2;
        }
        auto trained = analysis::train(*examples.value, options);
        if (!trained) {
            std::fprintf(stderr, "seiche-cli train: %s: %s\n", data.c_str(), trained.error.c_str());
            return 2;
        }
        model.value = std::move(trained.model);
    }
    if (!model) {
        std::fprintf(stderr, "seiche-cli train: %s\n", model.error.c_str());
        return 2;
    }
    if (const auto problem = analysis::saveModelFile(*model.value, out); !problem.empty()) {
        std::fprintf(stderr, "seiche-cli train: %s\n", problem.c_str());
        return 1;
    }
    report(*model.value, out, json);
    return 0;
}

}  // namespace seiche::cli
