// Taste classifier speed: training on MIRLCa's 130 sounds and on 1,000 examples,
// retraining after one more label on ~300 (what the GUI does on every click, warm
// and cold), and labelling 150 candidate sounds. Results in docs/performance.md.
#include <benchmark/benchmark.h>

#include <filesystem>

#include "analysis/classifier_training.hpp"
#include "analysis/data_csv.hpp"
#include "analysis/seeded_random.hpp"

using namespace seiche::analysis;

namespace {

// Two overlapping labels in 26 columns (the size of MFCC means + variances), so
// training has real work to do and stops the way it would on real taste data.
Dataset overlapping(int examples, std::uint64_t seed) {
    SeededRandom random(seed);
    Dataset data;
    for (int f = 0; f < 26; ++f) data.featureNames.push_back("f" + std::to_string(f));
    for (int i = 0; i < examples; ++i) {
        const bool good = i % 3 != 0;
        Eigen::VectorXd row(26);
        for (int f = 0; f < 26; ++f) row[f] = random.uniform(-1, 1) + random.uniform(-1, 1) + (good && f < 4 ? 0.8 : 0.0);
        data.add("s" + std::to_string(i), good ? "good" : "bad", row);
    }
    return data;
}

Dataset mirlca() {
    const auto dir = std::filesystem::path(__FILE__).parent_path().parent_path() / "datasets" / "mirlca-2021";
    auto training = readDataCsv((dir / "training.csv").string());
    auto testing = readDataCsv((dir / "testing.csv").string());
    if (!training || !testing) return overlapping(130, 1);
    Dataset all = std::move(*training.value);
    for (size_t i = 0; i < testing.value->size(); ++i)
        all.add(testing.value->ids[i], testing.value->labels[i], testing.value->features.row(static_cast<Eigen::Index>(i)).transpose());
    return all;
}

void report(benchmark::State& state, const TrainResult& result) {
    state.counters["epochs"] = result.model ? result.model->training.epochs : 0;
    state.counters["pca_k"] = result.pcaComponents;
}

void BM_TrainMirlca130(benchmark::State& state) {
    const Dataset data = mirlca();
    TrainResult result;
    for (auto _ : state) benchmark::DoNotOptimize(result = train(data, TrainOptions{}));
    report(state, result);
}
BENCHMARK(BM_TrainMirlca130)->Unit(benchmark::kMillisecond);

void BM_Train(benchmark::State& state) {
    const Dataset data = overlapping(static_cast<int>(state.range(0)), 2);
    TrainResult result;
    for (auto _ : state) benchmark::DoNotOptimize(result = train(data, TrainOptions{}));
    report(state, result);
}
BENCHMARK(BM_Train)->Arg(130)->Arg(300)->Arg(1000)->Unit(benchmark::kMillisecond);

// Adding the 301st example and retraining, from the previous model (warm) or from scratch (cold).
void BM_RetrainOneMore(benchmark::State& state) {
    const bool warm = state.range(1) != 0;
    const Dataset before = overlapping(static_cast<int>(state.range(0)), 3);
    const auto previous = train(before, TrainOptions{});
    const Dataset extra = overlapping(1, 4);
    TrainResult result;
    for (auto _ : state) {
        Dataset data = before;
        data.add("new", extra.labels[0], extra.features.row(0).transpose());
        benchmark::DoNotOptimize(result = train(data, TrainOptions{}, warm ? &*previous.model : nullptr));
    }
    report(state, result);
    state.counters["warm_started"] = result.warmStarted;
}
BENCHMARK(BM_RetrainOneMore)->Args({300, 1})->Args({300, 0})->Unit(benchmark::kMillisecond);

void BM_Classify150(benchmark::State& state) {
    const auto model = train(overlapping(300, 5), TrainOptions{});
    const Dataset candidates = overlapping(150, 6);
    for (auto _ : state) benchmark::DoNotOptimize(model.model->classify(candidates.features));
}
BENCHMARK(BM_Classify150)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
