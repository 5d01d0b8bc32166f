#pragma once
// Shared fixtures for the classifier tests: labelled blobs whose answer is known.
#include <cmath>
#include <filesystem>
#include <string>

#include "analysis/dataset.hpp"
#include "analysis/seeded_random.hpp"

namespace seiche::analysis::testing {

// `perLabel` points around each label's centre (label i sits at +spread on axis i),
// with `features` columns; the rest of the columns are noise shared by all labels.
inline Dataset blobs(int labels, int perLabel, int features, double spread, std::uint64_t seed) {
    SeededRandom random(seed);
    Dataset data;
    for (int f = 0; f < features; ++f) data.featureNames.push_back("f" + std::to_string(f));
    for (int i = 0; i < perLabel; ++i)
        for (int label = 0; label < labels; ++label) {
            Eigen::VectorXd row(features);
            for (int f = 0; f < features; ++f) row[f] = random.uniform(-1, 1) + (f == label ? spread : 0.0);
            data.add("s" + std::to_string(label) + "_" + std::to_string(i), "label" + std::to_string(label), row);
        }
    return data;
}

inline std::filesystem::path repositoryRoot() {
    return std::filesystem::path(__FILE__).parent_path().parent_path().parent_path();
}

// The MIRLCa agent (FluCoMa standardizer, PCA and MLP files) shipped with the dataset.
inline std::filesystem::path mirlcaAgent() { return repositoryRoot() / "datasets" / "mirlca-2021" / "agent"; }

}  // namespace seiche::analysis::testing
