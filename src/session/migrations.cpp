#include "session/migrations.hpp"

#include <array>
#include <string>

namespace seiche::session {
namespace {

// Times are ISO 8601 UTC text with milliseconds: readable in the sqlite3 shell and sortable.
constexpr std::array kMigrations{
    Migration{1, "datasets, labelled examples with stored features, feature sets, and models",
              R"sql(
CREATE TABLE datasets (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE CHECK (length(name) > 0),
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE TABLE examples (
    id          INTEGER PRIMARY KEY,
    dataset_id  INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
    sound       TEXT NOT NULL CHECK (length(sound) > 0),
    label       TEXT NOT NULL CHECK (length(label) > 0),
    feature_set TEXT NOT NULL,
    features    BLOB NOT NULL,
    added_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    UNIQUE (dataset_id, sound)
);
CREATE INDEX examples_by_sound ON examples (sound, feature_set);
CREATE TABLE feature_sets (
    name    TEXT PRIMARY KEY,
    columns TEXT NOT NULL  -- a JSON array of column names, in stored order
);
CREATE TABLE models (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE CHECK (length(name) > 0),
    dataset_id INTEGER REFERENCES datasets(id) ON DELETE SET NULL,
    model_json TEXT NOT NULL,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
)sql"},
    Migration{2, "performance sessions and their journal of evaluations and edits",
              R"sql(
CREATE TABLE sessions (
    id         INTEGER PRIMARY KEY,
    title      TEXT NOT NULL DEFAULT '',
    started_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    ended_at   TEXT
);
CREATE TABLE journal (
    id         INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    seconds    REAL NOT NULL,
    kind       TEXT NOT NULL,
    payload    TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX journal_by_session ON journal (session_id, seconds);
)sql"},
    // The performance journal (docs/journal.md): everything a performer wrote, with wall
    // time, time since the session started and, where the app knows it, the engine's
    // position. Event tables share one per-session sequence number, so a replay merges
    // them in the order they happened. Rows of the version-2 sessions table held nothing
    // to restore, so they are marked settled and never offered for restore.
    Migration{3, "the performance journal: buffer snapshots, evaluations, transport events, clean ends",
              R"sql(
ALTER TABLE sessions ADD COLUMN app_version TEXT NOT NULL DEFAULT '';
ALTER TABLE sessions ADD COLUMN clean INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sessions ADD COLUMN restore_settled_at TEXT;
UPDATE sessions SET clean = (ended_at IS NOT NULL), restore_settled_at = started_at;
CREATE TABLE buffer_snapshots (
    id         INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,
    at         TEXT NOT NULL,
    session_ms INTEGER NOT NULL,
    frame      INTEGER,
    cycle      TEXT,
    buffer_id  TEXT NOT NULL,
    title      TEXT NOT NULL,
    path       TEXT NOT NULL,
    text       TEXT NOT NULL,
    cursor     INTEGER NOT NULL,
    tab_order  INTEGER NOT NULL,
    UNIQUE (session_id, seq)
);
CREATE INDEX buffer_snapshots_by_buffer ON buffer_snapshots (session_id, buffer_id, seq);
CREATE TABLE buffer_closes (
    id         INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,
    at         TEXT NOT NULL,
    session_ms INTEGER NOT NULL,
    buffer_id  TEXT NOT NULL,
    UNIQUE (session_id, seq)
);
CREATE TABLE evaluations (
    id         INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,
    at         TEXT NOT NULL,
    session_ms INTEGER NOT NULL,
    frame      INTEGER NOT NULL,
    cycle      TEXT NOT NULL,
    cps        REAL NOT NULL,
    buffer_id  TEXT NOT NULL,
    first_line INTEGER NOT NULL,
    scope      TEXT NOT NULL,
    code       TEXT NOT NULL,
    ok         INTEGER NOT NULL,
    error      TEXT NOT NULL,
    UNIQUE (session_id, seq)
);
CREATE TABLE transport_events (
    id         INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,
    at         TEXT NOT NULL,
    session_ms INTEGER NOT NULL,
    frame      INTEGER,
    cycle      TEXT,
    what       TEXT NOT NULL,
    cps        REAL NOT NULL,
    UNIQUE (session_id, seq)
);
)sql"},
};

}  // namespace

std::span<const Migration> migrations() { return kMigrations; }

int latestSchemaVersion() { return kMigrations.back().version; }

StoreStatus migrate(Database& database, std::span<const Migration> steps, int target) {
    const int last = steps.empty() ? 0 : steps.back().version;
    if (target < 0) target = last;
    auto current = database.userVersion();
    if (!current) return *current.error;
    if (*current > last)
        return storeError(StoreErrorKind::NewerSchema,
                          database.path().string() + ": written by a newer Seiche (schema version " +
                              std::to_string(*current) + ", this one knows up to " + std::to_string(last) +
                              "); upgrade Seiche to open it");
    for (const auto& step : steps) {
        if (step.version <= *current || step.version > target) continue;
        // One transaction per step: a failure leaves the database at the previous version, intact.
        auto transaction = Transaction::begin(database);
        if (!transaction) return *transaction.error;
        // Re-read inside the lock: another process may have migrated meanwhile.
        auto now = database.userVersion();
        if (!now) return *now.error;
        if (*now >= step.version) continue;
        auto applied = database.exec(std::string(step.sql));
        if (!applied) {
            auto error = *applied.error;
            error.message = "schema step " + std::to_string(step.version) + " (" + std::string(step.what) +
                            ") failed: " + error.message;
            return error;
        }
        auto versioned = database.setUserVersion(step.version);
        if (!versioned) return *versioned.error;
        auto committed = transaction->commit();
        if (!committed) return *committed.error;
    }
    return Done{};
}

StoreResult<Database> openMigrated(const std::filesystem::path& path, const DatabaseOptions& options) {
    auto database = Database::open(path, options);
    if (!database) return *database.error;
    if (auto migrated = migrate(*database); !migrated) return *migrated.error;
    return std::move(*database);
}

}  // namespace seiche::session
