#include "analysis/dataset_features.hpp"

namespace seiche::analysis {

std::string extractDatasetFeatures(Dataset& data, const FeatureOptions& options) {
    if (std::string problem = checkOptions(options); !problem.empty()) return problem;
    data.featureNames = SoundFeatures::names(options);
    data.features.resize(static_cast<Eigen::Index>(data.size()), static_cast<Eigen::Index>(data.featureNames.size()));
    for (size_t r = 0; r < data.size(); ++r) {
        auto extracted = extractFeatures(data.ids[r], options);
        if (!extracted) return extracted.error.find(data.ids[r]) == std::string::npos ? data.ids[r] + ": " + extracted.error
                                                                                       : extracted.error;
        const std::vector<double> values = extracted.value->vector();
        if (values.size() != data.featureNames.size()) return data.ids[r] + ": the extractor returned an unexpected number of features";
        for (size_t c = 0; c < values.size(); ++c)
            data.features(static_cast<Eigen::Index>(r), static_cast<Eigen::Index>(c)) = values[c];
    }
    return "";
}

std::optional<FeatureOptions> featureOptionsFor(const std::vector<std::string>& featureNames) {
    for (bool extra : {false, true}) {
        FeatureOptions options;
        options.extra = extra;
        size_t means = 0;
        for (const auto& name : featureNames) means += name.rfind("mfcc_mean_", 0) == 0;
        options.coefficients = static_cast<int>(means);
        if (means > 0 && checkOptions(options).empty() && SoundFeatures::names(options) == featureNames) return options;
    }
    return std::nullopt;
}

}  // namespace seiche::analysis

#include "analysis/data_csv.hpp"

namespace seiche::analysis {

ModelResult<Dataset> loadDataset(const std::string& csvPath, bool requireLabels, const FeatureOptions& options) {
    DataCsvOptions csvOptions;
    csvOptions.requireLabels = requireLabels;
    auto data = readDataCsv(csvPath, csvOptions);
    if (!data || data.value->featureCount() > 0) return data;
    if (std::string problem = extractDatasetFeatures(*data.value, options); !problem.empty())
        return ModelResult<Dataset>::failure(problem);
    return data;
}

}  // namespace seiche::analysis
