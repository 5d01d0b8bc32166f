#pragma once
// The Journal's writer thread: a queue the GUI thread appends to without touching the
// disk, and a thread that commits everything queued in one transaction per batch. A
// write that fails (locked, read-only, disk full) keeps its batch in memory, reports why
// through lastError(), and is tried again a little later with whatever joined it.
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <variant>
#include <vector>

#include "session/database.hpp"
#include "session/journal_types.hpp"

namespace seiche::session {

struct BufferSnapshotRecord {
    JournalBuffer buffer;
    std::optional<EngineTime> engine;
};
struct BufferCloseRecord {
    std::string bufferId;
};
struct TransportRecord {
    std::string what;
    double cps = 0;
    std::optional<EngineTime> engine;
};
struct CleanEndRecord {};

// Syncs every commit to disk on this connection (the journal's own; the store keeps NORMAL).
StoreStatus useDurableCommits(Database& database);

// One thing recorded, stamped on the GUI thread when it was recorded.
struct JournalEntry {
    std::int64_t seq = 0;        // order within the session, shared by every kind
    std::string at;              // ISO 8601 UTC with milliseconds
    std::int64_t sessionMs = 0;  // monotonic milliseconds since the session started
    std::variant<BufferSnapshotRecord, BufferCloseRecord, JournalEvaluation, TransportRecord, CleanEndRecord> what;
};

class JournalWriter {
public:
    // `database` holds the session row `sessionId`, which started at `started` (steady clock).
    JournalWriter(Database database, std::int64_t sessionId, std::chrono::steady_clock::time_point started,
                  const JournalOptions& options);
    ~JournalWriter();  // writes what is queued (one more try when writes fail), then stops the thread
    JournalWriter(const JournalWriter&) = delete;
    JournalWriter& operator=(const JournalWriter&) = delete;

    std::int64_t sessionId() const { return sessionId_; }
    void push(decltype(JournalEntry::what) what);
    void flush();
    std::string lastError() const;

private:
    void run();
    StoreStatus write(const std::vector<JournalEntry>& batch);
    StoreStatus writeEntries(Database& database, const std::vector<JournalEntry>& batch);

    const std::int64_t sessionId_;
    const std::chrono::steady_clock::time_point started_;
    const JournalOptions options_;
    const std::filesystem::path path_;
    std::optional<Database> database_;  // writer thread only; reopened after a failure other than a lock

    mutable std::mutex mutex_;
    std::condition_variable wake_;     // something to write, a flush or a stop
    std::condition_variable written_;  // a write attempt ended
    std::deque<JournalEntry> queue_;   // recorded, not yet taken by the writer
    std::vector<JournalEntry> batch_;  // taken by the writer: being written, or failed and waiting to retry
    std::int64_t lastSeq_ = 0;         // the newest entry queued
    std::int64_t writtenSeq_ = 0;      // every entry up to this one is on disk
    std::uint64_t attempts_ = 0;       // write attempts started
    std::uint64_t failedAttempt_ = 0;  // the number of the last failed attempt
    bool retrying_ = false;            // the last attempt failed: wait before the next
    bool hurry_ = false;               // a flush is waiting: retry now, not after the pause
    bool stopping_ = false;
    std::string lastError_;
    std::thread thread_;  // last: starts once everything above exists
};

}  // namespace seiche::session
