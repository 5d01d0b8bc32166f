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

StoreStatus TasteTrainer::addFile(const std::string& path, const std::string& label) {
    const std::string featureSet = featureSetName(options_.features);
    const auto columns = analysis::SoundFeatures::names(options_.features);
    auto known = store_.knownFeatures(path, featureSet);
    if (!known) return *known.error;
    if (known->has_value()) return addFeatures(path, label, featureSet, columns, **known);
    auto extracted = analysis::extractFeatures(path, options_.features);
    if (!extracted) return storeError(StoreErrorKind::Invalid, "cannot analyse " + path + ": " + extracted.error);
    return addFeatures(path, label, featureSet, columns, extracted.value->vector());
}

StoreStatus TasteTrainer::addFeatures(const std::string& sound, const std::string& label, const std::string& featureSet,
                                      const std::vector<std::string>& columns, const std::vector<double>& features) {
    if (columns.size() != features.size())
        return storeError(StoreErrorKind::Invalid, "'" + sound + "' has " + std::to_string(features.size()) +
                                                       " features for " + std::to_string(columns.size()) + " columns");
    if (auto named = store_.putFeatureColumns(featureSet, columns); !named) return named;
    return store_.putExample(dataset_, LabelledExample{sound, label, featureSet, features, {}});
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
