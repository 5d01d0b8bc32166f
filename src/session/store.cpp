#include "session/store.hpp"

#include <cmath>
#include <functional>
#include <nlohmann/json.hpp>

#include "session/feature_blob.hpp"
#include "session/migrations.hpp"
#include "session/query_rows.hpp"

namespace seiche::session {
namespace {

StoreError notFound(const std::string& what, const std::string& name) {
    return storeError(StoreErrorKind::NotFound, "no " + what + " named '" + name + "'");
}

StoreStatus checkName(const char* what, const std::string& name) {
    if (name.empty()) return storeError(StoreErrorKind::Invalid, std::string(what) + " name is empty");
    return Done{};
}

}  // namespace

StoreResult<Store> Store::open(const std::filesystem::path& path, const DatabaseOptions& options) {
    auto database = openMigrated(path, options);
    if (!database) return *database.error;
    return Store(std::move(*database));
}

// --- datasets --------------------------------------------------------------

StoreResult<std::int64_t> Store::datasetId(const std::string& name, bool create) {
    if (auto ok = checkName("dataset", name); !ok) return *ok.error;
    auto select = database_.prepare("SELECT id FROM datasets WHERE name = ?1");
    if (!select) return *select.error;
    select->bind(1, name);
    auto row = select->step();
    if (!row) return *row.error;
    if (*row) return select->integer(0);
    if (!create) return notFound("dataset", name);
    auto insert = database_.prepare("INSERT INTO datasets (name) VALUES (?1)");
    if (!insert) return *insert.error;
    insert->bind(1, name);
    if (auto ran = insert->run(); !ran) return *ran.error;
    return database_.lastInsertId();
}

StoreResult<DatasetInfo> Store::createDataset(const std::string& name) {
    auto id = datasetId(name, true);
    if (!id) return *id.error;
    return dataset(name);
}

StoreResult<std::vector<DatasetInfo>> Store::datasets() {
    // The feature set is the same for every example of a dataset, so any row names it.
    return collect<DatasetInfo>(
        database_,
        "SELECT d.id, d.name, d.created_at, count(e.id), coalesce(max(e.feature_set), '') "
        "FROM datasets d LEFT JOIN examples e ON e.dataset_id = d.id GROUP BY d.id ORDER BY d.name",
        noParameters, [](const Statement& row) -> StoreResult<DatasetInfo> {
            return DatasetInfo{row.integer(0), row.text(1), row.text(2), row.integer(3), row.text(4)};
        });
}

StoreResult<DatasetInfo> Store::dataset(const std::string& name) {
    auto all = datasets();
    if (!all) return *all.error;
    for (auto& d : *all)
        if (d.name == name) return d;
    return notFound("dataset", name);
}

StoreStatus Store::removeNamed(const char* table, const char* what, const std::string& name) {
    auto statement = database_.prepare(std::string("DELETE FROM ") + table + " WHERE name = ?1");
    if (!statement) return *statement.error;
    statement->bind(1, name);
    if (auto ran = statement->run(); !ran) return ran;
    if (database_.changes() == 0) return notFound(what, name);
    return Done{};
}

StoreStatus Store::removeDataset(const std::string& name) { return removeNamed("datasets", "dataset", name); }

// --- examples --------------------------------------------------------------

StoreStatus Store::insertExample(std::int64_t datasetId, const std::string& dataset, const LabelledExample& example) {
    if (example.sound.empty()) return storeError(StoreErrorKind::Invalid, "an example needs a sound (path or id)");
    if (example.label.empty())
        return storeError(StoreErrorKind::Invalid, "'" + example.sound + "' needs a non-empty label");
    if (example.featureSet.empty() || example.features.empty())
        return storeError(StoreErrorKind::Invalid, "'" + example.sound + "' has no features");
    for (double x : example.features)
        if (!std::isfinite(x))
            return storeError(StoreErrorKind::Invalid, "'" + example.sound + "' has a non-finite feature value");

    // One feature layout per dataset, or training would mix incomparable columns.
    auto other = database_.prepare(
        "SELECT feature_set, length(features) FROM examples WHERE dataset_id = ?1 AND sound != ?2 LIMIT 1");
    if (!other) return *other.error;
    other->bind(1, datasetId).bind(2, example.sound);
    auto row = other->step();
    if (!row) return *row.error;
    if (*row) {
        const std::string featureSet = other->text(0);
        const auto length = static_cast<size_t>(other->integer(1)) / 8;
        if (featureSet != example.featureSet || length != example.features.size())
            return storeError(StoreErrorKind::Invalid,
                              "dataset '" + dataset + "' holds " + featureSet + " features (" +
                                  std::to_string(length) + " values); '" + example.sound + "' has " +
                                  example.featureSet + " (" + std::to_string(example.features.size()) + ")");
    }

    auto upsert = database_.prepare(
        "INSERT INTO examples (dataset_id, sound, label, feature_set, features) VALUES (?1, ?2, ?3, ?4, ?5) "
        "ON CONFLICT (dataset_id, sound) DO UPDATE SET label = excluded.label, feature_set = excluded.feature_set, "
        "features = excluded.features, added_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')");
    if (!upsert) return *upsert.error;
    const auto blob = encodeFeatures(example.features);
    upsert->bind(1, datasetId).bind(2, example.sound).bind(3, example.label).bind(4, example.featureSet);
    upsert->bindBlob(5, blob);
    return upsert->run();
}

StoreStatus Store::putExample(const std::string& dataset, const LabelledExample& example) {
    return putExamples(dataset, {example});
}

StoreStatus Store::putExamples(const std::string& dataset, const std::vector<LabelledExample>& examples) {
    auto transaction = Transaction::begin(database_);
    if (!transaction) return *transaction.error;
    auto id = datasetId(dataset, true);
    if (!id) return *id.error;
    for (const auto& example : examples)
        if (auto put = insertExample(*id, dataset, example); !put) return put;
    return transaction->commit();
}

StoreResult<std::vector<LabelledExample>> Store::examples(const std::string& dataset) {
    auto id = datasetId(dataset, false);
    if (!id) return *id.error;
    return collect<LabelledExample>(
        database_, "SELECT sound, label, feature_set, features, added_at FROM examples WHERE dataset_id = ?1 ORDER BY id",
        [&](Statement& select) { select.bind(1, *id); },
        [&](const Statement& row) -> StoreResult<LabelledExample> {
            const auto blob = row.blob(3);
            auto features = decodeFeatures(blob);
            if (!features)
                return storeError(StoreErrorKind::Corrupt, "the stored features of '" + row.text(0) +
                                                               "' in dataset '" + dataset + "' are damaged");
            return LabelledExample{row.text(0), row.text(1), row.text(2), std::move(*features), row.text(4)};
        });
}

StoreStatus Store::removeExample(const std::string& dataset, const std::string& sound) {
    auto id = datasetId(dataset, false);
    if (!id) return *id.error;
    auto statement = database_.prepare("DELETE FROM examples WHERE dataset_id = ?1 AND sound = ?2");
    if (!statement) return *statement.error;
    statement->bind(1, *id).bind(2, sound);
    if (auto ran = statement->run(); !ran) return ran;
    if (database_.changes() == 0)
        return storeError(StoreErrorKind::NotFound, "dataset '" + dataset + "' has no example '" + sound + "'");
    return Done{};
}

StoreResult<std::optional<std::vector<double>>> Store::knownFeatures(const std::string& sound,
                                                                     const std::string& featureSet) {
    auto select = database_.prepare("SELECT features FROM examples WHERE sound = ?1 AND feature_set = ?2 LIMIT 1");
    if (!select) return *select.error;
    select->bind(1, sound).bind(2, featureSet);
    auto row = select->step();
    if (!row) return *row.error;
    if (!*row) return std::optional<std::vector<double>>{};
    const auto blob = select->blob(0);
    return decodeFeatures(blob);
}

// --- feature sets ----------------------------------------------------------

StoreStatus Store::putFeatureColumns(const std::string& featureSet, const std::vector<std::string>& columns) {
    if (featureSet.empty() || columns.empty())
        return storeError(StoreErrorKind::Invalid, "a feature set needs a name and columns");
    auto known = featureColumns(featureSet);
    if (known) {
        if (*known == columns) return Done{};
        return storeError(StoreErrorKind::Invalid, "feature set '" + featureSet + "' already has other columns");
    }
    if (known.error->kind != StoreErrorKind::NotFound) return *known.error;
    auto insert = database_.prepare("INSERT INTO feature_sets (name, columns) VALUES (?1, ?2)");
    if (!insert) return *insert.error;
    insert->bind(1, featureSet).bind(2, nlohmann::json(columns).dump());
    return insert->run();
}

StoreResult<std::vector<std::string>> Store::featureColumns(const std::string& featureSet) {
    auto select = database_.prepare("SELECT columns FROM feature_sets WHERE name = ?1");
    if (!select) return *select.error;
    select->bind(1, featureSet);
    auto row = select->step();
    if (!row) return *row.error;
    if (!*row) return notFound("feature set", featureSet);
    auto parsed = nlohmann::json::parse(select->text(0), nullptr, false);
    if (!parsed.is_array())
        return storeError(StoreErrorKind::Corrupt, "the columns of feature set '" + featureSet + "' are damaged");
    std::vector<std::string> columns;
    for (const auto& column : parsed) {
        if (!column.is_string())
            return storeError(StoreErrorKind::Corrupt, "the columns of feature set '" + featureSet + "' are damaged");
        columns.push_back(column.get<std::string>());
    }
    return columns;
}

// --- models ----------------------------------------------------------------

StoreStatus Store::putModel(const std::string& name, const std::string& json, const std::string& dataset) {
    if (auto ok = checkName("model", name); !ok) return ok;
    if (json.empty()) return storeError(StoreErrorKind::Invalid, "model '" + name + "' has no JSON");
    auto transaction = Transaction::begin(database_);
    if (!transaction) return *transaction.error;
    std::optional<std::int64_t> datasetRow;
    if (!dataset.empty()) {
        auto id = datasetId(dataset, false);
        if (!id) return *id.error;
        datasetRow = *id;
    }
    auto upsert = database_.prepare(
        "INSERT INTO models (name, dataset_id, model_json) VALUES (?1, ?2, ?3) "
        "ON CONFLICT (name) DO UPDATE SET dataset_id = excluded.dataset_id, model_json = excluded.model_json, "
        "updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')");
    if (!upsert) return *upsert.error;
    upsert->bind(1, name).bind(3, json);
    if (datasetRow)
        upsert->bind(2, *datasetRow);
    else
        upsert->bindNull(2);
    if (auto ran = upsert->run(); !ran) return ran;
    return transaction->commit();
}

StoreResult<StoredModel> Store::model(const std::string& name) {
    auto select = database_.prepare(
        "SELECT m.name, m.model_json, coalesce(d.name, ''), m.created_at, m.updated_at "
        "FROM models m LEFT JOIN datasets d ON d.id = m.dataset_id WHERE m.name = ?1");
    if (!select) return *select.error;
    select->bind(1, name);
    auto row = select->step();
    if (!row) return *row.error;
    if (!*row) return notFound("model", name);
    return StoredModel{select->text(0), select->text(1), select->text(2), select->text(3), select->text(4)};
}

StoreResult<std::vector<StoredModel>> Store::models() {
    return collect<StoredModel>(database_,
                                "SELECT m.name, coalesce(d.name, ''), m.created_at, m.updated_at "
                                "FROM models m LEFT JOIN datasets d ON d.id = m.dataset_id ORDER BY m.name",
                                noParameters, [](const Statement& row) -> StoreResult<StoredModel> {
                                    return StoredModel{row.text(0), {}, row.text(1), row.text(2), row.text(3)};
                                });
}

StoreStatus Store::removeModel(const std::string& name) { return removeNamed("models", "model", name); }

}  // namespace seiche::session
