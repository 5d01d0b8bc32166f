#include "session/journal_writer.hpp"

#include <type_traits>

#include "session/iso_time.hpp"

namespace seiche::session {
namespace {

// Every insert ignores a row already there (same session and seq): a batch whose COMMIT
// reported a failure yet reached the disk is then retried without sticking on a duplicate.
constexpr std::string_view kInsertSnapshot =
    "INSERT INTO buffer_snapshots (session_id, seq, at, session_ms, frame, cycle, buffer_id, title, path, text, "
    "cursor, tab_order) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) "
    "ON CONFLICT (session_id, seq) DO NOTHING";
constexpr std::string_view kInsertClose =
    "INSERT INTO buffer_closes (session_id, seq, at, session_ms, buffer_id) VALUES (?1, ?2, ?3, ?4, ?5) "
    "ON CONFLICT (session_id, seq) DO NOTHING";
constexpr std::string_view kInsertEvaluation =
    "INSERT INTO evaluations (session_id, seq, at, session_ms, frame, cycle, cps, buffer_id, first_line, scope, "
    "code, ok, error) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13) "
    "ON CONFLICT (session_id, seq) DO NOTHING";
constexpr std::string_view kInsertTransport =
    "INSERT INTO transport_events (session_id, seq, at, session_ms, frame, cycle, what, cps) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT (session_id, seq) DO NOTHING";
constexpr std::string_view kCleanEnd = "UPDATE sessions SET ended_at = ?2, clean = 1 WHERE id = ?1";

void bindEngine(Statement& insert, const std::optional<EngineTime>& engine, int frameIndex, int cycleIndex) {
    if (engine) {
        insert.bind(frameIndex, engine->frame).bind(cycleIndex, engine->cycle);
    } else {
        insert.bindNull(frameIndex).bindNull(cycleIndex);
    }
}

// The columns every event table starts with.
void bindStamp(Statement& insert, std::int64_t sessionId, const JournalEntry& entry) {
    insert.bind(1, sessionId).bind(2, entry.seq).bind(3, entry.at).bind(4, entry.sessionMs);
}

}  // namespace

StoreStatus useDurableCommits(Database& database) {
    // FULL syncs the WAL at every commit: a batch that committed survives a power cut as
    // well as a killed process. The writer thread pays for it, never the GUI.
    return database.exec("PRAGMA synchronous = FULL");
}

JournalWriter::JournalWriter(Database database, std::int64_t sessionId, std::chrono::steady_clock::time_point started,
                             const JournalOptions& options)
    : sessionId_(sessionId), started_(started), options_(options), path_(database.path()),
      database_(std::move(database)), thread_([this] { run(); }) {}

JournalWriter::~JournalWriter() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    thread_.join();
}

void JournalWriter::push(decltype(JournalEntry::what) what) {
    {
        std::lock_guard lock(mutex_);
        JournalEntry entry;
        entry.seq = ++lastSeq_;
        entry.at = isoUtcMillis(std::chrono::system_clock::now());
        entry.sessionMs = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() -
                                                                                started_)
                              .count();
        entry.what = std::move(what);
        queue_.push_back(std::move(entry));
    }
    wake_.notify_all();
}

void JournalWriter::flush() {
    std::unique_lock lock(mutex_);
    const std::int64_t target = lastSeq_;
    const std::uint64_t startedBefore = attempts_;
    hurry_ = true;
    wake_.notify_all();
    // An attempt already running when flush was called may have missed the newest entries
    // or failed before the caller asked; only a later attempt's failure answers the flush.
    written_.wait(lock, [&] { return writtenSeq_ >= target || failedAttempt_ > startedBefore; });
}

std::string JournalWriter::lastError() const {
    std::lock_guard lock(mutex_);
    return lastError_;
}

void JournalWriter::run() {
    std::unique_lock lock(mutex_);
    auto retryAt = std::chrono::steady_clock::now();
    for (;;) {
        if (retrying_)
            wake_.wait_until(lock, retryAt, [&] { return stopping_ || hurry_; });
        else
            wake_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
        // Whatever was queued meanwhile joins the batch: one transaction for all of it.
        while (!queue_.empty()) {
            batch_.push_back(std::move(queue_.front()));
            queue_.pop_front();
        }
        if (batch_.empty()) {
            if (stopping_) return;
            continue;
        }
        hurry_ = false;
        const bool lastTry = stopping_;
        const std::uint64_t attempt = ++attempts_;
        lock.unlock();
        auto status = write(batch_);
        lock.lock();
        if (status) {
            writtenSeq_ = batch_.back().seq;
            batch_.clear();
            lastError_.clear();
            retrying_ = false;
        } else {
            lastError_ = status.error->message;
            failedAttempt_ = attempt;
            retrying_ = true;
            retryAt = std::chrono::steady_clock::now() + options_.retryAfter;
        }
        written_.notify_all();
        // Stopping: one try after the stop was asked for, so a locked database cannot hold
        // the app's exit for more than one busy timeout.
        if (lastTry && (!status || (queue_.empty() && batch_.empty()))) return;
    }
}

StoreStatus JournalWriter::write(const std::vector<JournalEntry>& batch) {
    if (!database_) {
        DatabaseOptions reopen;
        reopen.create = false;  // a deleted file is reported, not silently replaced by an empty one
        reopen.busyTimeout = options_.busyTimeout;
        auto database = Database::open(path_, reopen);
        if (!database) return *database.error;
        if (auto durable = useDurableCommits(*database); !durable) return durable;
        database_ = std::move(*database);
    }
    auto status = writeEntries(*database_, batch);
    // A lock passes by itself; anything else (file replaced, I/O error) may need a new connection.
    if (!status && status.error->kind != StoreErrorKind::Locked) database_.reset();
    return status;
}

StoreStatus JournalWriter::writeEntries(Database& database, const std::vector<JournalEntry>& batch) {
    auto transaction = Transaction::begin(database);
    if (!transaction) return *transaction.error;
    for (const auto& entry : batch) {
        StoreStatus status = std::visit(
            [&](const auto& record) -> StoreStatus {
                using T = std::decay_t<decltype(record)>;
                if constexpr (std::is_same_v<T, CleanEndRecord>) {
                    auto update = database.prepare(kCleanEnd);
                    if (!update) return *update.error;
                    update->bind(1, sessionId_).bind(2, entry.at);
                    return update->run();
                } else if constexpr (std::is_same_v<T, BufferSnapshotRecord>) {
                    auto insert = database.prepare(kInsertSnapshot);
                    if (!insert) return *insert.error;
                    bindStamp(*insert, sessionId_, entry);
                    bindEngine(*insert, record.engine, 5, 6);
                    const JournalBuffer& b = record.buffer;
                    insert->bind(7, b.id).bind(8, b.title).bind(9, b.path).bind(10, b.text);
                    insert->bind(11, std::int64_t{b.cursor}).bind(12, std::int64_t{b.order});
                    return insert->run();
                } else if constexpr (std::is_same_v<T, BufferCloseRecord>) {
                    auto insert = database.prepare(kInsertClose);
                    if (!insert) return *insert.error;
                    bindStamp(*insert, sessionId_, entry);
                    insert->bind(5, record.bufferId);
                    return insert->run();
                } else if constexpr (std::is_same_v<T, JournalEvaluation>) {
                    auto insert = database.prepare(kInsertEvaluation);
                    if (!insert) return *insert.error;
                    bindStamp(*insert, sessionId_, entry);
                    insert->bind(5, record.frame).bind(6, record.cycle).bind(7, record.cps).bind(8, record.bufferId);
                    insert->bind(9, std::int64_t{record.firstLine}).bind(10, record.scope).bind(11, record.code);
                    insert->bind(12, std::int64_t{record.ok ? 1 : 0}).bind(13, record.error);
                    return insert->run();
                } else {
                    auto insert = database.prepare(kInsertTransport);
                    if (!insert) return *insert.error;
                    bindStamp(*insert, sessionId_, entry);
                    bindEngine(*insert, record.engine, 5, 6);
                    insert->bind(7, record.what).bind(8, record.cps);
                    return insert->run();
                }
            },
            entry.what);
        if (!status) return status;
    }
    return transaction->commit();
}

}  // namespace seiche::session
