#include "session/stored_dataset.hpp"

#include "session/feature_set.hpp"

namespace seiche::session {

StoreResult<analysis::Dataset> loadStoredDataset(Store& store, const std::string& dataset) {
    auto examples = store.examples(dataset);
    if (!examples) return *examples.error;
    analysis::Dataset data;
    if (examples->empty()) return data;
    const auto& featureSet = examples->front().featureSet;
    const size_t width = examples->front().features.size();
    auto columns = store.featureColumns(featureSet);
    if (columns && columns->size() == width) {
        data.featureNames = *columns;
    } else if (auto options = extractorOptionsOf(featureSet)) {
        data.featureNames = analysis::SoundFeatures::names(*options);
    }
    if (data.featureNames.size() != width) {
        // Unnamed columns still train; they only need names for a CSV header.
        data.featureNames.clear();
        for (size_t c = 0; c < width; ++c) data.featureNames.push_back("feature_" + std::to_string(c + 1));
    }
    // Filled in place: Dataset::add grows the matrix a row at a time.
    data.features.resize(static_cast<Eigen::Index>(examples->size()), static_cast<Eigen::Index>(width));
    for (size_t r = 0; r < examples->size(); ++r) {
        auto& example = (*examples)[r];
        data.ids.push_back(std::move(example.sound));
        data.labels.push_back(std::move(example.label));
        for (size_t c = 0; c < width; ++c)
            data.features(static_cast<Eigen::Index>(r), static_cast<Eigen::Index>(c)) = example.features[c];
    }
    return data;
}

std::vector<LabelledExample> examplesOf(const analysis::Dataset& data, const std::string& featureSet) {
    std::vector<LabelledExample> examples;
    examples.reserve(data.size());
    for (size_t r = 0; r < data.size(); ++r) {
        LabelledExample example{data.ids[r], r < data.labels.size() ? data.labels[r] : std::string(), featureSet, {}, {}};
        const auto row = data.features.row(static_cast<Eigen::Index>(r));
        for (Eigen::Index c = 0; c < row.size(); ++c) example.features.push_back(row(c));
        examples.push_back(std::move(example));
    }
    return examples;
}

}  // namespace seiche::session
