#pragma once
// The session store: one SQLite file holding labelled datasets (features stored
// with each example, so a sound is analysed once) and trained models. Opening a
// store brings its schema up to date; see docs/store.md for the tables.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "session/database.hpp"
#include "session/store_result.hpp"

namespace seiche::session {

struct DatasetInfo {
    std::int64_t id = 0;
    std::string name;
    std::string createdAt;
    std::int64_t examples = 0;
    std::string featureSet;  // of its examples; empty while it has none
};

struct LabelledExample {
    std::string sound;  // a file path, or "freesound:ID"
    std::string label;
    std::string featureSet;  // which extractor and version made `features`, e.g. "mfcc13-meanvar/1"
    std::vector<double> features;
    std::string addedAt;  // filled in by the store
};

struct StoredModel {
    std::string name;
    std::string json;
    std::string dataset;  // empty when trained elsewhere or its dataset was removed
    std::string createdAt;
    std::string updatedAt;
};

class Store {
public:
    // Creates the file when missing. Fails with NewerSchema, Corrupt, Locked, ReadOnly... never throws.
    static StoreResult<Store> open(const std::filesystem::path& path, const DatabaseOptions& options = {});

    // Datasets exist once named; adding an example creates its dataset.
    StoreResult<DatasetInfo> createDataset(const std::string& name);
    StoreResult<std::vector<DatasetInfo>> datasets();
    StoreResult<DatasetInfo> dataset(const std::string& name);
    StoreStatus removeDataset(const std::string& name);  // with its examples; its models stay, unlinked

    // Adds or relabels (same dataset and sound: the label and features are replaced).
    // Every example of a dataset has the same feature set and length.
    StoreStatus putExample(const std::string& dataset, const LabelledExample& example);
    // Many at once, in one transaction: all or none.
    StoreStatus putExamples(const std::string& dataset, const std::vector<LabelledExample>& examples);
    StoreResult<std::vector<LabelledExample>> examples(const std::string& dataset);
    StoreStatus removeExample(const std::string& dataset, const std::string& sound);
    // Features already stored for this sound in any dataset, so it need not be analysed again.
    StoreResult<std::optional<std::vector<double>>> knownFeatures(const std::string& sound,
                                                                  const std::string& featureSet);

    // The column names of a feature set: recorded once, then every later record must agree.
    StoreStatus putFeatureColumns(const std::string& featureSet, const std::vector<std::string>& columns);
    StoreResult<std::vector<std::string>> featureColumns(const std::string& featureSet);

    // Saves (inserting or replacing) a model by name; `dataset` may be empty.
    StoreStatus putModel(const std::string& name, const std::string& json, const std::string& dataset = {});
    StoreResult<StoredModel> model(const std::string& name);
    StoreResult<std::vector<StoredModel>> models();  // without their JSON, for listing
    StoreStatus removeModel(const std::string& name);

    Database& database() { return database_; }

private:
    explicit Store(Database database) : database_(std::move(database)) {}
    StoreResult<std::int64_t> datasetId(const std::string& name, bool create);
    StoreStatus removeNamed(const char* table, const char* what, const std::string& name);
    StoreStatus insertExample(std::int64_t datasetId, const std::string& dataset, const LabelledExample& example);

    Database database_;
};

}  // namespace seiche::session
