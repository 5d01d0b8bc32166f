// The performer's click: label one more sound and retrain its dataset's model, on a
// real SQLite file with ~300 stored examples (feature extraction excluded: features
// are stored once). The target is far below 50 ms per click.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "session/taste_trainer.hpp"

namespace {

using seiche::session::Store;
using seiche::session::TasteTrainer;

constexpr int kExamples = 300;
constexpr int kColumns = 26;  // 13 MFCC means and 13 variances

std::vector<std::string> columnNames() {
    std::vector<std::string> names;
    for (int c = 0; c < kColumns; ++c) names.push_back("f" + std::to_string(c));
    return names;
}

// Two overlapping Gaussian classes, so training has real work to do.
std::vector<double> features(std::mt19937_64& random, bool good) {
    std::normal_distribution<double> noise(0.0, 1.0);
    std::vector<double> row;
    for (int c = 0; c < kColumns; ++c) row.push_back(noise(random) + (good ? 0.6 : -0.6) * (c % 3 == 0));
    return row;
}

class StoreFixture {
public:
    StoreFixture() {
        std::string pattern = (std::filesystem::temp_directory_path() / "seiche-store-bench-XXXXXX").string();
        if (::mkdtemp(pattern.data())) directory_ = pattern;
        auto opened = Store::open(directory_ / "bench.db");
        if (!opened) {
            std::fprintf(stderr, "store_bench: %s\n", opened.error->message.c_str());
            std::exit(1);
        }
        store_ = std::move(*opened.value);
        trainer_.emplace(*store_, "taste", "taste-model");
        for (int i = 0; i < kExamples; ++i)
            (void)trainer_->addFeatures("sound" + std::to_string(i), i % 2 ? "good" : "bad", "bench/1", names_,
                                        features(random_, i % 2));
    }
    ~StoreFixture() {
        trainer_.reset();
        store_.reset();
        std::error_code ec;
        std::filesystem::remove_all(directory_, ec);
    }
    TasteTrainer& trainer() { return *trainer_; }
    Store& store() { return *store_; }
    // Labels the same extra sound again each time, so the dataset stays at kExamples + 1.
    bool addExtra(int i) {
        const bool good = i % 2;
        return static_cast<bool>(
            trainer_->addFeatures("extra", good ? "good" : "bad", "bench/1", names_, features(random_, good)));
    }

private:
    std::filesystem::path directory_;
    std::optional<Store> store_;
    std::optional<TasteTrainer> trainer_;
    std::mt19937_64 random_{42};
    std::vector<std::string> names_ = columnNames();
};

// Adding one labelled example (one SQLite transaction), nothing else.
void BM_AddExample(benchmark::State& state) {
    StoreFixture fixture;
    int i = 0;
    for (auto _ : state)
        if (!fixture.addExtra(++i)) state.SkipWithError("add failed");
}
BENCHMARK(BM_AddExample)->Unit(benchmark::kMillisecond);

// The click: add one example and retrain, warm-started from the previous model, and store the model.
void BM_AddAndRetrain(benchmark::State& state) {
    StoreFixture fixture;
    if (auto first = fixture.trainer().retrain(); !first) state.SkipWithError(first.error->message.c_str());
    int i = 0;
    for (auto _ : state) {
        const bool added = fixture.addExtra(++i);
        auto report = fixture.trainer().retrain();
        if (!added || !report) {
            state.SkipWithError("add or retrain failed");
            break;
        }
        state.counters["warm"] = report->warmStarted ? 1 : 0;
        state.counters["examples"] = static_cast<double>(report->examples);
    }
}
BENCHMARK(BM_AddAndRetrain)->Unit(benchmark::kMillisecond);

// For comparison: training from scratch every time (a new trainer, no stored model).
void BM_AddAndRetrainCold(benchmark::State& state) {
    StoreFixture fixture;
    int i = 0;
    for (auto _ : state) {
        const bool added = fixture.addExtra(++i);
        state.PauseTiming();
        (void)fixture.store().removeModel("taste-model");
        TasteTrainer cold(fixture.store(), "taste", "taste-model");
        state.ResumeTiming();
        auto report = cold.retrain();
        if (!added || !report) {
            state.SkipWithError("add or retrain failed");
            break;
        }
        state.counters["warm"] = report->warmStarted ? 1 : 0;
    }
}
BENCHMARK(BM_AddAndRetrainCold)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
