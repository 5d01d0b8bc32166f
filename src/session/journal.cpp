#include "session/journal.hpp"

#include <exception>

#include "session/iso_time.hpp"
#include "session/journal_reader.hpp"
#include "session/journal_writer.hpp"
#include "session/migrations.hpp"
#include "session/restore_planner.hpp"
#include "session/store_location.hpp"

namespace seiche::session {
namespace {

// The readers open an existing file only: asking what to restore must not create a database.
StoreResult<std::optional<Database>> openExisting(const std::filesystem::path& path) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) return std::optional<Database>{};
    DatabaseOptions options;
    options.create = false;
    auto database = openMigrated(path, options);
    if (!database) return *database.error;
    return std::optional<Database>(std::move(*database));
}

}  // namespace

Journal::Journal(std::unique_ptr<JournalWriter> writer) : writer_(std::move(writer)) {}
Journal::~Journal() = default;
Journal::Journal(Journal&&) noexcept = default;
Journal& Journal::operator=(Journal&&) noexcept = default;

StoreResult<Journal> Journal::open(const std::filesystem::path& databasePath, const std::string& appVersion,
                                   const JournalOptions& options) {
    try {
        if (auto created = createParentDirectory(databasePath); !created) return *created.error;
        DatabaseOptions databaseOptions;
        databaseOptions.busyTimeout = options.busyTimeout;
        auto database = openMigrated(databasePath, databaseOptions);
        if (!database) return *database.error;
        if (auto durable = useDurableCommits(*database); !durable) return *durable.error;
        const auto started = std::chrono::steady_clock::now();
        auto insert = database->prepare("INSERT INTO sessions (started_at, app_version) VALUES (?1, ?2)");
        if (!insert) return *insert.error;
        insert->bind(1, isoUtcMillis(std::chrono::system_clock::now())).bind(2, appVersion);
        if (auto ran = insert->run(); !ran) return *ran.error;
        const std::int64_t sessionId = database->lastInsertId();
        return Journal(std::make_unique<JournalWriter>(std::move(*database), sessionId, started, options));
    } catch (const std::exception& e) {
        // Only a thread that cannot start, or memory running out, gets here.
        return storeError(StoreErrorKind::Failed, databasePath.string() + ": cannot start the journal: " + e.what());
    }
}

std::int64_t Journal::sessionId() const { return writer_ ? writer_->sessionId() : 0; }

void Journal::recordBuffer(const JournalBuffer& buffer) {
    if (writer_) writer_->push(BufferSnapshotRecord{buffer, std::nullopt});
}

void Journal::recordBuffer(const JournalBuffer& buffer, const EngineTime& at) {
    if (writer_) writer_->push(BufferSnapshotRecord{buffer, at});
}

void Journal::closeBuffer(const std::string& bufferId) {
    if (writer_) writer_->push(BufferCloseRecord{bufferId});
}

void Journal::recordEvaluation(const JournalEvaluation& evaluation) {
    if (writer_) writer_->push(evaluation);
}

void Journal::recordTransport(const std::string& what, double cps) {
    if (writer_) writer_->push(TransportRecord{what, cps, std::nullopt});
}

void Journal::recordTransport(const std::string& what, double cps, const EngineTime& at) {
    if (writer_) writer_->push(TransportRecord{what, cps, at});
}

void Journal::flush() {
    if (writer_) writer_->flush();
}

void Journal::finish() {
    if (writer_) writer_->push(CleanEndRecord{});
}

std::string Journal::lastError() const { return writer_ ? writer_->lastError() : std::string(); }

StoreResult<std::optional<RestorePlan>> Journal::unfinished(const std::filesystem::path& databasePath,
                                                            std::int64_t exceptSessionId) {
    auto database = openExisting(databasePath);
    if (!database) return *database.error;
    if (!*database) return std::optional<RestorePlan>{};
    // A session that recorded nothing has nothing to restore; an older one may.
    auto select = (*database)->prepare(
        "SELECT s.id FROM sessions s WHERE s.clean = 0 AND s.restore_settled_at IS NULL AND s.id != ?1 "
        "AND (EXISTS (SELECT 1 FROM buffer_snapshots WHERE session_id = s.id) "
        "OR EXISTS (SELECT 1 FROM evaluations WHERE session_id = s.id)) ORDER BY s.id DESC LIMIT 1");
    if (!select) return *select.error;
    select->bind(1, exceptSessionId);
    auto row = select->step();
    if (!row) return *row.error;
    if (!*row) return std::optional<RestorePlan>{};
    auto plan = restorePlanFor(**database, select->integer(0));
    if (!plan) return *plan.error;
    return std::optional<RestorePlan>(std::move(*plan));
}

StoreStatus Journal::dismiss(const std::filesystem::path& databasePath, std::int64_t sessionId) {
    auto database = openExisting(databasePath);
    if (!database) return *database.error;
    if (!*database) return storeError(StoreErrorKind::NotFound, "no database at " + databasePath.string());
    auto update = (*database)->prepare("UPDATE sessions SET restore_settled_at = ?2 WHERE id = ?1");
    if (!update) return *update.error;
    update->bind(1, sessionId).bind(2, isoUtcMillis(std::chrono::system_clock::now()));
    if (auto ran = update->run(); !ran) return ran;
    if ((*database)->changes() == 0)
        return storeError(StoreErrorKind::NotFound, "no session " + std::to_string(sessionId));
    return Done{};
}

}  // namespace seiche::session
