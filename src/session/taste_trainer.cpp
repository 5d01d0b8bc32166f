#include "session/taste_trainer.hpp"

#include "analysis/classifier_training.hpp"
#include "analysis/model_json.hpp"
#include "session/feature_set.hpp"
#include "session/stored_dataset.hpp"

namespace seiche::session {

TasteTrainer::TasteTrainer(Store& store, std::string dataset, std::string model, TasteTrainerOptions options)
    : store_(store), dataset_(std::move(dataset)), model_(std::move(model)), options_(std::move(options)) {
    options_.training.name = model_;
}

std::vector<std::string> TasteTrainer::extractorColumns() const { return analysis::SoundFeatures::names(options_.features); }

StoreResult<LabelledExample> TasteTrainer::analyse(const std::string& path, const std::string& label) {
    LabelledExample example{path, label, featureSetName(options_.features), {}, {}};
    auto known = store_.knownFeatures(path, example.featureSet);
    if (!known) return *known.error;
    if (known->has_value()) {
        example.features = std::move(**known);
        return example;
    }
    auto extracted = analysis::extractFeatures(path, options_.features);
    if (!extracted) {
        const bool named = extracted.error.find(path) != std::string::npos;
        return storeError(StoreErrorKind::Invalid, "cannot analyse " + (named ? extracted.error : path + ": " + extracted.error));
    }
    example.features = extracted.value->vector();
    return example;
}

StoreStatus TasteTrainer::addFile(const std::string& path, const std::string& label) {
    auto example = analyse(path, label);
    if (!example) return *example.error;
    return addExamples({*example}, extractorColumns());
}

StoreStatus TasteTrainer::addExamples(const std::vector<LabelledExample>& examples,
                                      const std::vector<std::string>& columns) {
    const std::string* named = nullptr;  // the feature set whose columns were last stored
    for (const auto& example : examples) {
        if (example.features.size() != columns.size())
            return storeError(StoreErrorKind::Invalid, "'" + example.sound + "' has " +
                                                           std::to_string(example.features.size()) + " features for " +
                                                           std::to_string(columns.size()) + " columns");
        if (named && *named == example.featureSet) continue;  // a batch shares one set: store its columns once
        if (auto stored = store_.putFeatureColumns(example.featureSet, columns); !stored) return stored;
        named = &example.featureSet;
    }
    return store_.putExamples(dataset_, examples);
}

StoreStatus TasteTrainer::addFeatures(const std::string& sound, const std::string& label, const std::string& featureSet,
                                      const std::vector<std::string>& columns, const std::vector<double>& features) {
    return addExamples({LabelledExample{sound, label, featureSet, features, {}}}, columns);
}

StoreResult<RetrainReport> TasteTrainer::retrain() {
    auto data = loadStoredDataset(store_, dataset_);
    if (!data) return *data.error;
    if (!previous_) {
        // A model stored by an earlier session is as good a starting point as one trained here.
        auto stored = store_.model(model_);
        if (stored) {
            auto parsed = analysis::modelFromJson(stored->json);
            if (parsed) previous_ = std::move(*parsed.value);
        }
    }
    auto trained = analysis::train(*data, options_.training, previous_ ? &*previous_ : nullptr);
    if (!trained)
        return storeError(StoreErrorKind::Invalid, "cannot train on dataset '" + dataset_ + "': " + trained.error);
    if (auto saved = store_.putModel(model_, analysis::modelToJson(*trained.model), dataset_); !saved)
        return *saved.error;
    RetrainReport report{data->size(), trained.model->labels, trained.warmStarted,
                         trained.model->training.trainingAccuracy};
    previous_ = std::move(trained.model);
    return report;
}

}  // namespace seiche::session
