// seiche-cli evaluate: how well a training recipe generalises on a data CSV.
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "analysis/data_csv.hpp"
#include "analysis/dataset_features.hpp"
#include "analysis/evaluation.hpp"
#include "analysis/train_option_flags.hpp"
#include "cli/arguments.hpp"
#include "cli/verbs.hpp"

namespace seiche::cli {
namespace {

const char* kEvaluateHelp =
    "usage: seiche-cli evaluate --data CSV [--test CSV | --folds K | --leave-one-out] [options]\n"
    "\n"
    "Trains on part of the data and counts right and wrong labels on the rest.\n"
    "Without --test or --folds: leave-one-out below 50 examples, else 5-fold\n"
    "(folds are stratified: each keeps the labels' proportions).\n"
    "  --data CSV           labelled examples (train set with --test)\n"
    "  --test CSV           a held-out test set\n"
    "  --folds K            stratified K-fold cross-validation (K ≥ examples: leave-one-out)\n"
    "  --leave-one-out      one fold per example\n"
    "  --repeat N           repeat with seeds S, S+1, … S+N−1 and report mean ± sd\n"
    "  --save-features CSV  also write the data with its (extracted) features\n"
    "  --json               print the report as JSON\n";

constexpr int kLeaveOneOutBelow = 50;

struct Run {
    std::uint64_t seed;
    analysis::Evaluation evaluation;
};

void printText(const std::vector<Run>& runs, const analysis::ConfusionMatrix& pooled, double mean, double sd) {
    const auto& first = runs.front().evaluation;
    std::printf("%s", first.method.c_str());
    if (first.method != "holdout") std::printf(" (%d folds)", first.folds);
    std::printf(" on %zu examples; PCA k=%d", first.examples, first.minPcaComponents);
    if (first.maxPcaComponents != first.minPcaComponents) std::printf("..%d", first.maxPcaComponents);
    std::printf("\n");
    if (runs.size() > 1) std::printf("accuracy %.3f ± %.3f over %zu seeds; pooled ", mean, sd, runs.size());
    std::printf("accuracy %.3f  balanced accuracy %.3f\n", pooled.accuracy(), pooled.balancedAccuracy());
    size_t width = 9;
    for (const auto& label : pooled.labels) width = std::max(width, label.size() + 2);
    std::printf("confusion (rows: true label, columns: predicted)\n%*s", static_cast<int>(width), "");
    for (const auto& label : pooled.labels) std::printf("%*s", static_cast<int>(width), label.c_str());
    std::printf("\n");
    for (size_t r = 0; r < pooled.labels.size(); ++r) {
        std::printf("%*s", static_cast<int>(width), pooled.labels[r].c_str());
        for (size_t c = 0; c < pooled.labels.size(); ++c)
            std::printf("%*d", static_cast<int>(width), pooled.counts(static_cast<Eigen::Index>(r), static_cast<Eigen::Index>(c)));
        std::printf("\n");
    }
}

void printJson(const std::vector<Run>& runs, const analysis::ConfusionMatrix& pooled, double mean, double sd) {
    const auto& first = runs.front().evaluation;
    nlohmann::json confusion = nlohmann::json::array(), perSeed = nlohmann::json::array();
    for (Eigen::Index r = 0; r < pooled.counts.rows(); ++r) {
        nlohmann::json row = nlohmann::json::array();
        for (Eigen::Index c = 0; c < pooled.counts.cols(); ++c) row.push_back(pooled.counts(r, c));
        confusion.push_back(row);
    }
    for (const auto& run : runs)
        perSeed.push_back({{"seed", run.seed},
                           {"accuracy", run.evaluation.confusion.accuracy()},
                           {"balancedAccuracy", run.evaluation.confusion.balancedAccuracy()},
                           {"foldAccuracies", run.evaluation.foldAccuracies}});
    const nlohmann::json j = {{"method", first.method},
                              {"folds", first.folds},
                              {"examples", first.examples},
                              {"pcaComponents", {{"min", first.minPcaComponents}, {"max", first.maxPcaComponents}}},
                              {"labels", pooled.labels},
                              {"confusion", confusion},
                              {"accuracy", pooled.accuracy()},
                              {"balancedAccuracy", pooled.balancedAccuracy()},
                              {"meanAccuracy", mean},
                              {"sdAccuracy", sd},
                              {"runs", perSeed}};
    std::puts(j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
}

}  // namespace

int runEvaluate(const std::vector<std::string>& args) {
    analysis::TrainOptions options;
    std::string data, test, saveFeatures;
    double folds = 0, repeat = 1;
    bool json = false, leaveOneOut = false;
    Arguments arg("evaluate", args);
    while (arg.next()) {
        if (arg.is("--help") || arg.is("-h")) {
            std::fputs(kEvaluateHelp, stdout);
            std::fputs(analysis::kTrainOptionsHelp, stdout);
            return 0;
        } else if (arg.is("--json")) {
            json = true;
        } else if (arg.is("--leave-one-out")) {
            leaveOneOut = true;
        } else if (arg.is("--folds") || arg.is("--repeat")) {
            double& target = arg.is("--folds") ? folds : repeat;
            if (!arg.number(target)) return 2;
            if (target < 1 || target != std::floor(target) || target > 100000) {
                std::fprintf(stderr, "seiche-cli evaluate: %s needs a whole number ≥ 1\n", arg.current().c_str());
                return 2;
            }
        } else if (arg.is("--data") || arg.is("--test") || arg.is("--save-features")) {
            std::string& target = arg.is("--data") ? data : arg.is("--test") ? test : saveFeatures;
            const std::string* v = arg.value();
            if (!v) return 2;
            target = *v;
        } else if (analysis::isTrainOptionFlag(arg.current())) {
            const std::string flag = arg.current();
            const std::string* v = arg.value();
            if (!v) return 2;
            if (const auto problem = analysis::setTrainOption(options, flag, *v); !problem.empty()) {
                std::fprintf(stderr, "seiche-cli evaluate: %s\n", problem.c_str());
                return 2;
            }
        } else {
            std::fprintf(stderr, "seiche-cli evaluate: unknown option '%s' (try --help)\n", arg.current().c_str());
            return 2;
        }
    }
    if (data.empty()) {
        std::fputs("seiche-cli evaluate: give --data CSV (try --help)\n", stderr);
        return 2;
    }
    if (!test.empty() + (folds > 0) + leaveOneOut > 1) {
        std::fputs("seiche-cli evaluate: give only one of --test, --folds, --leave-one-out\n", stderr);
        return 2;
    }
    auto examples = analysis::loadDataset(data);
    if (!examples) {
        std::fprintf(stderr, "%s\n", examples.error.c_str());
        return 2;
    }
    if (!saveFeatures.empty()) {
        if (const auto problem = analysis::writeDataCsv(*examples.value, saveFeatures); !problem.empty()) {
            std::fprintf(stderr, "seiche-cli evaluate: %s\n", problem.c_str());
            return 1;
        }
    }
    analysis::ModelResult<analysis::Dataset> testing;
    if (!test.empty()) {
        testing = analysis::loadDataset(test);
        if (!testing) {
            std::fprintf(stderr, "%s\n", testing.error.c_str());
            return 2;
        }
    }
    const int n = static_cast<int>(examples.value->size());
    if (leaveOneOut) folds = n;
    if (test.empty() && folds == 0) folds = n < kLeaveOneOutBelow ? n : 5;

    std::vector<Run> runs;
    const std::uint64_t firstSeed = options.seed;
    for (int i = 0; i < static_cast<int>(repeat); ++i) {
        options.seed = firstSeed + static_cast<std::uint64_t>(i);
        auto evaluation = test.empty() ? analysis::crossValidate(*examples.value, static_cast<int>(folds), options)
                                       : analysis::evaluateHoldout(*examples.value, *testing.value, options);
        if (!evaluation) {
            std::fprintf(stderr, "seiche-cli evaluate: %s\n", evaluation.error.c_str());
            return 2;
        }
        runs.push_back({options.seed, std::move(*evaluation.value)});
    }
    analysis::ConfusionMatrix pooled(runs.front().evaluation.confusion.labels);
    double sum = 0, squares = 0;
    for (const auto& run : runs) {
        pooled.counts += run.evaluation.confusion.counts;
        const double a = run.evaluation.confusion.accuracy();
        sum += a;
        squares += a * a;
    }
    const double mean = sum / static_cast<double>(runs.size());
    const double sd = runs.size() > 1 ? std::sqrt(std::max(0.0, (squares - sum * mean) / static_cast<double>(runs.size() - 1))) : 0.0;
    if (json) printJson(runs, pooled, mean, sd);
    else printText(runs, pooled, mean, sd);
    return 0;
}

}  // namespace seiche::cli
