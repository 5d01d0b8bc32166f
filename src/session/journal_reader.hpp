#pragma once
// Reading the performance journal back: the sessions, and each session's buffers,
// evaluations and transport events in the order they happened (docs/journal.md).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "session/database.hpp"
#include "session/journal_types.hpp"

namespace seiche::session {

struct JournalSession {
    std::int64_t id = 0;
    std::string startedAt, endedAt, lastActivityAt;  // ISO 8601 UTC; endedAt "" unless it ended cleanly
    std::string appVersion;
    bool clean = false;       // finish() was called
    bool settled = false;     // dismissed: never offered for restore
    std::int64_t buffers = 0;      // distinct buffers snapshotted
    std::int64_t evaluations = 0;
};

// When a record was made: its place in the session's order, wall time, time since the start.
struct JournalStamp {
    std::int64_t seq = 0;
    std::string at;
    std::int64_t sessionMs = 0;
};

struct RecordedEvaluation {
    JournalStamp stamp;
    JournalEvaluation evaluation;
};

struct RecordedTransport {
    JournalStamp stamp;
    std::string what;
    double cps = 0;
    std::optional<EngineTime> engine;
};

// A buffer as its last snapshot left it.
struct RecordedBuffer {
    JournalStamp stamp;  // of that snapshot
    JournalBuffer buffer;
    bool closed = false;  // its tab was closed after that snapshot
};

StoreResult<std::vector<JournalSession>> journalSessions(Database& database);  // oldest first
StoreResult<JournalSession> journalSession(Database& database, std::int64_t sessionId);  // NotFound if none
StoreResult<std::vector<RecordedEvaluation>> journalEvaluations(Database& database, std::int64_t sessionId);
StoreResult<std::vector<RecordedTransport>> journalTransport(Database& database, std::int64_t sessionId);
// The latest snapshot of every buffer of the session, in tab order (then first appearance).
StoreResult<std::vector<RecordedBuffer>> journalLatestBuffers(Database& database, std::int64_t sessionId);

}  // namespace seiche::session
