#pragma once
// The performer's loop from MIRLCa's workshops: label one more sound, retrain the
// dataset's model at once, keep going. A sound is analysed once (its features are
// stored with the label), and retraining starts from the previous model's weights,
// so one add-and-retrain stays far below the 50 ms a click may take.
#include <optional>
#include <string>
#include <vector>

#include "analysis/classifier.hpp"
#include "analysis/feature_extractor.hpp"
#include "session/store.hpp"

namespace seiche::session {

struct TasteTrainerOptions {
    analysis::FeatureOptions features;
    analysis::TrainOptions training;
};

struct RetrainReport {
    size_t examples = 0;
    std::vector<std::string> labels;
    bool warmStarted = false;
    double trainingAccuracy = 0;
};

class TasteTrainer {
public:
    // `model` is the stored model this trainer keeps up to date (created on the first retrain).
    TasteTrainer(Store& store, std::string dataset, std::string model, TasteTrainerOptions options = {});

    // Labels a sound file: features from the store when it was analysed before, else from the file.
    StoreStatus addFile(const std::string& path, const std::string& label);
    // The example addFile() would store, without storing it (to add many in one transaction).
    StoreResult<LabelledExample> analyse(const std::string& path, const std::string& label);
    // Examples of one feature set, all or none.
    StoreStatus addExamples(const std::vector<LabelledExample>& examples, const std::vector<std::string>& columns);
    // The columns of the feature set analyse() produces.
    std::vector<std::string> extractorColumns() const;
    // Labels a sound whose features are already known (e.g. from Freesound's analysis or a CSV).
    StoreStatus addFeatures(const std::string& sound, const std::string& label, const std::string& featureSet,
                            const std::vector<std::string>& columns, const std::vector<double>& features);

    // Trains on every example of the dataset and stores the model's JSON under the model's name.
    StoreResult<RetrainReport> retrain();

private:
    Store& store_;
    std::string dataset_;
    std::string model_;
    TasteTrainerOptions options_;
    std::optional<analysis::Classifier> previous_;  // the last model, so a warm start skips parsing JSON
};

}  // namespace seiche::session
