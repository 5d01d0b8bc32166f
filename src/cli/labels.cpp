// seiche-cli labels: the performer's labelled datasets in the session store — add
// sounds with a label (analysed once), remove, list, export to and import from data
// CSVs, and retrain a dataset's model: everything the GUI does to labels.
#include <cstdio>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "analysis/data_csv.hpp"
#include "analysis/dataset_features.hpp"
#include "analysis/train_option_flags.hpp"
#include "cli/arguments.hpp"
#include "cli/verbs.hpp"
#include "session/feature_set.hpp"
#include "session/store_location.hpp"
#include "session/stored_dataset.hpp"
#include "session/taste_trainer.hpp"

namespace seiche::cli {
namespace {

namespace fs = std::filesystem;
using session::Store;
using session::StoreError;

const char* kLabelsHelp =
    "usage: seiche-cli labels add --dataset NAME --label L FILE... [--retrain]\n"
    "       seiche-cli labels remove --dataset NAME (SOUND... | --all)\n"
    "       seiche-cli labels list [--dataset NAME] [--json]\n"
    "       seiche-cli labels export --dataset NAME --out CSV\n"
    "       seiche-cli labels import --dataset NAME --data CSV [--retrain]\n"
    "       seiche-cli labels retrain --dataset NAME\n"
    "\n"
    "Labelled sounds in the session store. A sound is analysed once; its features are\n"
    "stored with the label. Relabelling a sound replaces its label. Export writes a data\n"
    "CSV (path, label, feature columns) that train and evaluate read; import reads one,\n"
    "with feature columns or, without them, naming sound files (relative paths are taken\n"
    "from the current directory, else from the CSV's directory).\n"
    "  --db FILE            the database (default: seiche.db in SEICHE_DATA_DIR)\n"
    "  --dataset NAME       the dataset (created by the first add or import)\n"
    "  --label L            the label for the added files\n"
    "  --all                with remove: the whole dataset\n"
    "  --extra              analyse with the five extra features too\n"
    "  --retrain            after adding, retrain the dataset's model (warm start)\n"
    "  --model NAME         the model retrain keeps up to date (default: the dataset's name)\n"
    "  --json               print the result as JSON\n"
    "training options for --retrain and retrain:\n";

struct LabelsRequest {
    std::string verb;  // "labels add", for messages
    std::optional<std::string> db;
    std::string dataset, label, model, out, data;
    bool json = false, retrain = false, all = false;
    analysis::FeatureOptions features;
    analysis::TrainOptions training;
    std::vector<std::string> sounds;
};

int fail(const LabelsRequest& request, const std::string& why, int status = 1) {
    std::fprintf(stderr, "seiche-cli %s: %s\n", request.verb.c_str(), why.c_str());
    return status;
}

void printJson(const nlohmann::json& j) {
    std::puts(j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
}

// 0 when parsed, 2 after a message, -1 after printing help.
int parse(LabelsRequest& request, const std::vector<std::string>& args) {
    Arguments arg(request.verb.c_str(), args);
    while (arg.next()) {
        if (arg.is("--help") || arg.is("-h")) {
            std::fputs(kLabelsHelp, stdout);
            std::fputs(analysis::kTrainOptionsHelp, stdout);
            return -1;
        }
        if (arg.is("--json")) { request.json = true; continue; }
        if (arg.is("--retrain")) { request.retrain = true; continue; }
        if (arg.is("--all")) { request.all = true; continue; }
        if (arg.is("--extra")) { request.features.extra = true; continue; }
        const std::string flag = arg.current();
        if (flag.rfind("--", 0) != 0) {
            request.sounds.push_back(flag);
            continue;
        }
        std::string* target = flag == "--dataset" ? &request.dataset
                              : flag == "--label" ? &request.label
                              : flag == "--model" ? &request.model
                              : flag == "--out"   ? &request.out
                              : flag == "--data"  ? &request.data
                                                  : nullptr;
        const bool isDb = flag == "--db";
        if (!target && !isDb && !analysis::isTrainOptionFlag(flag))
            return fail(request, "unknown option '" + flag + "' (try --help)", 2);
        const std::string* value = arg.value();
        if (!value) return 2;
        if (isDb) {
            request.db = *value;
        } else if (target) {
            *target = *value;
        } else if (const auto problem = analysis::setTrainOption(request.training, flag, *value); !problem.empty()) {
            return fail(request, problem, 2);
        }
    }
    if (request.model.empty()) request.model = request.dataset;
    return 0;
}

std::optional<Store> openStore(const LabelsRequest& request) {
    const bool addsData = request.verb == "labels add" || request.verb == "labels import";
    auto store = session::openStoreForVerb(request.db, addsData);
    if (!store) {
        fail(request, store.error->message);
        return std::nullopt;
    }
    return std::move(*store.value);
}

// A sound file as the store keys it: an absolute, normalised path.
std::optional<std::string> soundFile(const std::string& given, const fs::path& alsoUnder) {
    std::error_code ec;
    fs::path path(given);
    if (path.is_relative() && !fs::exists(path, ec) && !alsoUnder.empty() && fs::exists(alsoUnder / path, ec))
        path = alsoUnder / path;
    if (!fs::is_regular_file(path, ec)) return std::nullopt;
    return fs::absolute(path, ec).lexically_normal().string();
}

std::map<std::string, int> labelCounts(const std::vector<std::string>& labels) {
    std::map<std::string, int> counts;
    for (const auto& label : labels) ++counts[label];
    return counts;
}

std::string describeCounts(const std::map<std::string, int>& counts) {
    std::string text;
    for (const auto& [label, count] : counts) text += (text.empty() ? "" : ", ") + label + " " + std::to_string(count);
    return text;
}

// Retrains when asked; prints the summary of what changed either way.
int finishAdding(const LabelsRequest& request, Store& store, session::TasteTrainer& trainer, size_t added) {
    auto data = session::loadStoredDataset(store, request.dataset);
    if (!data) return fail(request, data.error->message);
    const auto counts = labelCounts(data->labels);
    nlohmann::json modelJson = nullptr;
    std::string modelText;
    if (request.retrain) {
        auto report = trainer.retrain();
        if (!report)
            return fail(request, (added ? "the labels are stored, but " : "") + report.error->message);
        modelJson = {{"name", request.model},
                     {"examples", report->examples},
                     {"labels", report->labels},
                     {"warmStarted", report->warmStarted},
                     {"trainingAccuracy", report->trainingAccuracy}};
        char accuracy[32];
        std::snprintf(accuracy, sizeof accuracy, "%.3f", report->trainingAccuracy);
        modelText = "; retrained model '" + request.model + "' (" + (report->warmStarted ? "warm start" : "from scratch") +
                    ", training accuracy " + accuracy + ")";
    }
    if (request.json) {
        printJson({{"dataset", request.dataset}, {"added", added}, {"examples", data->size()}, {"labels", counts},
                   {"model", modelJson}});
    } else {
        std::printf("%zu added to '%s': %zu examples (%s)%s\n", added, request.dataset.c_str(), data->size(),
                    describeCounts(counts).c_str(), modelText.c_str());
    }
    return 0;
}

session::TasteTrainerOptions trainerOptions(const LabelsRequest& request) {
    return {request.features, request.training};
}

int addLabels(LabelsRequest& request) {
    if (request.dataset.empty() || request.label.empty() || request.sounds.empty())
        return fail(request, "give --dataset NAME, --label L and at least one FILE (try --help)", 2);
    auto store = openStore(request);
    if (!store) return 1;
    session::TasteTrainer trainer(*store, request.dataset, request.model, trainerOptions(request));
    std::vector<session::LabelledExample> examples;
    for (const auto& given : request.sounds) {
        auto path = soundFile(given, {});
        if (!path) return fail(request, given + ": no such sound file");
        auto example = trainer.analyse(*path, request.label);
        if (!example) return fail(request, example.error->message);
        examples.push_back(std::move(*example));
    }
    // All files are analysed before anything is stored, so one bad file adds nothing.
    if (auto added = trainer.addExamples(examples, trainer.extractorColumns()); !added)
        return fail(request, added.error->message);
    return finishAdding(request, *store, trainer, examples.size());
}

int importLabels(LabelsRequest& request) {
    if (request.dataset.empty() || request.data.empty())
        return fail(request, "give --dataset NAME and --data CSV (try --help)", 2);
    auto data = analysis::readDataCsv(request.data);
    if (!data) return fail(request, data.error);
    auto store = openStore(request);
    if (!store) return 1;
    session::TasteTrainer trainer(*store, request.dataset, request.model, trainerOptions(request));
    std::vector<session::LabelledExample> examples;
    std::vector<std::string> columns;
    if (data.value->featureCount() > 0) {
        // Columns from Seiche's own extractor join the same feature set as analysed files.
        const auto options = analysis::featureOptionsFor(data.value->featureNames);
        const std::string featureSet = options ? session::featureSetName(*options)
                                               : session::importedFeatureSetName(data.value->featureNames);
        examples = session::examplesOf(*data.value, featureSet);
        columns = data.value->featureNames;
    } else {
        const fs::path csvDirectory = fs::path(request.data).parent_path();
        for (size_t r = 0; r < data.value->size(); ++r) {
            auto path = soundFile(data.value->ids[r], csvDirectory);
            if (!path) return fail(request, request.data + ": " + data.value->ids[r] + ": no such sound file");
            auto example = trainer.analyse(*path, data.value->labels[r]);
            if (!example) return fail(request, example.error->message);
            examples.push_back(std::move(*example));
        }
        columns = trainer.extractorColumns();
    }
    if (auto added = trainer.addExamples(examples, columns); !added) return fail(request, added.error->message);
    return finishAdding(request, *store, trainer, examples.size());
}

int removeLabels(LabelsRequest& request) {
    if (request.dataset.empty() || (request.sounds.empty() != request.all))
        return fail(request, "give --dataset NAME and SOUND... or --all (try --help)", 2);
    auto store = openStore(request);
    if (!store) return 1;
    if (request.all) {
        if (auto removed = store->removeDataset(request.dataset); !removed) return fail(request, removed.error->message);
        if (request.json)
            printJson({{"dataset", request.dataset}, {"removed", "all"}});
        else
            std::printf("removed dataset '%s'\n", request.dataset.c_str());
        return 0;
    }
    // A sound is named as it was added; a relative file name also matches its absolute key.
    auto transaction = session::Transaction::begin(store->database());
    if (!transaction) return fail(request, transaction.error->message);
    for (const auto& sound : request.sounds) {
        auto removed = store->removeExample(request.dataset, sound);
        if (!removed && removed.error->kind == session::StoreErrorKind::NotFound) {
            if (auto path = soundFile(sound, {}); path && *path != sound) removed = store->removeExample(request.dataset, *path);
        }
        if (!removed) return fail(request, removed.error->message);
    }
    if (auto committed = transaction->commit(); !committed) return fail(request, committed.error->message);
    if (request.json)
        printJson({{"dataset", request.dataset}, {"removed", request.sounds.size()}});
    else
        std::printf("removed %zu from '%s'\n", request.sounds.size(), request.dataset.c_str());
    return 0;
}

int listLabels(LabelsRequest& request) {
    auto store = openStore(request);
    if (!store) return 1;
    if (request.dataset.empty()) {
        auto datasets = store->datasets();
        if (!datasets) return fail(request, datasets.error->message);
        nlohmann::json all = nlohmann::json::array();
        for (const auto& d : *datasets) {
            auto examples = store->examples(d.name);
            if (!examples) return fail(request, examples.error->message);
            std::vector<std::string> labels;
            for (const auto& e : *examples) labels.push_back(e.label);
            const auto counts = labelCounts(labels);
            if (request.json) {
                all.push_back({{"name", d.name}, {"created", d.createdAt}, {"examples", d.examples},
                               {"labels", counts}, {"featureSet", d.featureSet}});
            } else {
                std::printf("%s\t%lld examples\t%s\t%s\n", d.name.c_str(), static_cast<long long>(d.examples),
                            describeCounts(counts).c_str(), d.featureSet.c_str());
            }
        }
        if (request.json) printJson(all);
        return 0;
    }
    auto examples = store->examples(request.dataset);
    if (!examples) return fail(request, examples.error->message);
    nlohmann::json all = nlohmann::json::array();
    for (const auto& e : *examples) {
        if (request.json)
            all.push_back({{"sound", e.sound}, {"label", e.label}, {"added", e.addedAt}, {"featureSet", e.featureSet},
                           {"features", e.features.size()}});
        else
            std::printf("%s\t%s\t%s\n", e.label.c_str(), e.sound.c_str(), e.addedAt.c_str());
    }
    if (request.json) printJson(all);
    return 0;
}

int exportLabels(LabelsRequest& request) {
    if (request.dataset.empty() || request.out.empty())
        return fail(request, "give --dataset NAME and --out CSV (try --help)", 2);
    auto store = openStore(request);
    if (!store) return 1;
    auto data = session::loadStoredDataset(*store, request.dataset);
    if (!data) return fail(request, data.error->message);
    if (data->size() == 0) return fail(request, "dataset '" + request.dataset + "' has no examples");
    if (const auto problem = analysis::writeDataCsv(*data, request.out); !problem.empty()) return fail(request, problem);
    if (request.json)
        printJson({{"dataset", request.dataset}, {"out", request.out}, {"examples", data->size()},
                   {"features", data->featureCount()}});
    else
        std::printf("%s: %zu examples, %zu feature columns\n", request.out.c_str(), data->size(), data->featureCount());
    return 0;
}

int retrainLabels(LabelsRequest& request) {
    if (request.dataset.empty()) return fail(request, "give --dataset NAME (try --help)", 2);
    auto store = openStore(request);
    if (!store) return 1;
    session::TasteTrainer trainer(*store, request.dataset, request.model, trainerOptions(request));
    request.retrain = true;
    return finishAdding(request, *store, trainer, 0);
}

}  // namespace

int runLabels(const std::vector<std::string>& args) {
    if (args.empty() || args[0] == "--help" || args[0] == "-h") {
        std::fputs(kLabelsHelp, args.empty() ? stderr : stdout);
        if (!args.empty()) std::fputs(analysis::kTrainOptionsHelp, stdout);
        return args.empty() ? 2 : 0;
    }
    LabelsRequest request;
    const std::string sub = args[0];
    request.verb = "labels " + sub;
    using Action = int (*)(LabelsRequest&);
    const std::map<std::string, Action> actions{{"add", addLabels},       {"remove", removeLabels},
                                                {"list", listLabels},     {"export", exportLabels},
                                                {"import", importLabels}, {"retrain", retrainLabels}};
    const auto action = actions.find(sub);
    if (action == actions.end())
        return fail(request, "unknown subcommand (add, remove, list, export, import, retrain)", 2);
    const int parsed = parse(request, std::vector<std::string>(args.begin() + 1, args.end()));
    if (parsed != 0) return parsed < 0 ? 0 : parsed;
    if (!request.sounds.empty() && sub != "add" && sub != "remove")
        return fail(request, "unexpected argument '" + request.sounds.front() + "' (try --help)", 2);
    return action->second(request);
}

}  // namespace seiche::cli
