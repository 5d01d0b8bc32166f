// seiche-cli models: the trained models kept in the session store — list them,
// export one to a model file, import a model file, remove one.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "analysis/model_json.hpp"
#include "cli/arguments.hpp"
#include "cli/verbs.hpp"
#include "session/store_location.hpp"

namespace seiche::cli {
namespace {

const char* kModelsHelp =
    "usage: seiche-cli models list [--json]\n"
    "       seiche-cli models export NAME --out FILE\n"
    "       seiche-cli models import FILE [--name NAME] [--dataset NAME]\n"
    "       seiche-cli models remove NAME\n"
    "\n"
    "Classifier models in the session store, kept as the same JSON as model files\n"
    "(train --out writes one; classify --model reads one).\n"
    "  --db FILE        the database (default: seiche.db in SEICHE_DATA_DIR)\n"
    "  --out FILE       where export writes the model\n"
    "  --name NAME      the name import stores it under (default: the model's own name)\n"
    "  --dataset NAME   the stored dataset an imported model was trained from\n"
    "  --json           print the result as JSON\n";

struct ModelsRequest {
    std::string verb;
    std::string db, name, out, dataset;
    std::vector<std::string> positional;
    bool json = false;
};

int fail(const ModelsRequest& request, const std::string& why, int status = 1) {
    std::fprintf(stderr, "seiche-cli %s: %s\n", request.verb.c_str(), why.c_str());
    return status;
}

// 0 when parsed, 2 after a message, -1 after printing help.
int parse(ModelsRequest& request, const std::vector<std::string>& args) {
    Arguments arg(request.verb.c_str(), args);
    while (arg.next()) {
        if (arg.is("--help") || arg.is("-h")) {
            std::fputs(kModelsHelp, stdout);
            return -1;
        }
        if (arg.is("--json")) {
            request.json = true;
            continue;
        }
        const std::map<std::string, std::string*> valued{
            {"--name", &request.name}, {"--out", &request.out}, {"--dataset", &request.dataset}, {"--db", &request.db}};
        const auto flag = valued.find(arg.current());
        if (flag != valued.end()) {
            const std::string* value = arg.value();
            if (!value) return 2;
            *flag->second = *value;
        } else if (arg.current().rfind("--", 0) == 0) {
            return fail(request, "unknown option '" + arg.current() + "' (try --help)", 2);
        } else {
            request.positional.push_back(arg.current());
        }
    }
    return 0;
}

std::optional<session::Store> openStore(const ModelsRequest& request) {
    auto store = session::openStoreForVerb(request.db.empty() ? std::nullopt : std::optional(request.db),
                                           request.verb == "models import");
    if (!store) {
        fail(request, store.error->message);
        return std::nullopt;
    }
    return std::move(*store.value);
}

// Every models subcommand answers with one JSON value or one line of text.
int answer(const ModelsRequest& request, const nlohmann::json& json, const std::string& text) {
    std::puts(request.json ? json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).c_str() : text.c_str());
    return 0;
}

int oneName(const ModelsRequest& request, const char* what) {
    if (request.positional.size() == 1) return 0;
    return fail(request, std::string("give one ") + what + " (try --help)", 2);
}

int listModels(ModelsRequest& request) {
    if (!request.positional.empty()) return fail(request, "takes no arguments", 2);
    auto store = openStore(request);
    if (!store) return 1;
    auto models = store->models();
    if (!models) return fail(request, models.error->message);
    nlohmann::json all = nlohmann::json::array();
    std::string text;
    for (const auto& m : *models) {
        all.push_back({{"name", m.name},
                       {"dataset", m.dataset.empty() ? nlohmann::json(nullptr) : nlohmann::json(m.dataset)},
                       {"created", m.createdAt},
                       {"updated", m.updatedAt}});
        text += (text.empty() ? "" : "\n") + m.name + "\t" + (m.dataset.empty() ? "-" : m.dataset) + "\t" + m.updatedAt;
    }
    if (!request.json && text.empty()) return 0;
    return answer(request, all, text);
}

int exportModel(ModelsRequest& request) {
    if (int bad = oneName(request, "model NAME"); bad) return bad;
    if (request.out.empty()) return fail(request, "give --out FILE (try --help)", 2);
    auto store = openStore(request);
    if (!store) return 1;
    auto model = store->model(request.positional[0]);
    if (!model) return fail(request, model.error->message);
    std::ofstream out(request.out, std::ios::binary | std::ios::trunc);
    out << model->json;
    out.close();
    if (!out) return fail(request, request.out + ": cannot write");
    return answer(request, {{"name", model->name}, {"out", request.out}, {"bytes", model->json.size()}},
                  model->name + " -> " + request.out);
}

int importModel(ModelsRequest& request) {
    if (int bad = oneName(request, "model FILE"); bad) return bad;
    const std::string& file = request.positional[0];
    std::string text;
    if (!readFile(file, text)) return 1;
    // Only a model Seiche can load goes in, so a bad file is caught now rather than at classify time.
    auto model = analysis::modelFromJson(text);
    if (!model) return fail(request, file + ": " + model.error);
    std::string name = request.name;
    if (name.empty()) name = model.value->name;
    if (name.empty()) name = std::filesystem::path(file).stem().string();
    auto store = openStore(request);
    if (!store) return 1;
    if (auto saved = store->putModel(name, text, request.dataset); !saved) return fail(request, saved.error->message);
    return answer(request, {{"name", name}, {"labels", model.value->labels}, {"features", model.value->featureNames.size()}},
                  "imported '" + name + "' (" + std::to_string(model.value->labels.size()) + " labels, " +
                      std::to_string(model.value->featureNames.size()) + " features)");
}

int removeModel(ModelsRequest& request) {
    if (int bad = oneName(request, "model NAME"); bad) return bad;
    auto store = openStore(request);
    if (!store) return 1;
    if (auto removed = store->removeModel(request.positional[0]); !removed) return fail(request, removed.error->message);
    return answer(request, {{"removed", request.positional[0]}}, "removed model '" + request.positional[0] + "'");
}

}  // namespace

int runModels(const std::vector<std::string>& args) {
    if (args.empty() || args[0] == "--help" || args[0] == "-h") {
        std::fputs(kModelsHelp, args.empty() ? stderr : stdout);
        return args.empty() ? 2 : 0;
    }
    ModelsRequest request;
    request.verb = "models " + args[0];
    int (*action)(ModelsRequest&) = args[0] == "list"     ? listModels
                                    : args[0] == "export" ? exportModel
                                    : args[0] == "import" ? importModel
                                    : args[0] == "remove" ? removeModel
                                                          : nullptr;
    if (!action) return fail(request, "unknown subcommand (list, export, import, remove)", 2);
    const int parsed = parse(request, std::vector<std::string>(args.begin() + 1, args.end()));
    if (parsed != 0) return parsed < 0 ? 0 : parsed;
    return action(request);
}

}  // namespace seiche::cli
