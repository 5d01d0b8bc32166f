#include "session/journal_reader.hpp"

#include <string>

#include "session/query_rows.hpp"

namespace seiche::session {
namespace {

// The last activity is the newest time anything of the session carries; ISO text sorts as time.
const std::string kSessionColumns =
    "SELECT s.id, s.started_at, coalesce(s.ended_at, ''), s.app_version, s.clean, "
    "s.restore_settled_at IS NOT NULL, "
    "(SELECT count(DISTINCT buffer_id) FROM buffer_snapshots WHERE session_id = s.id), "
    "(SELECT count(*) FROM evaluations WHERE session_id = s.id), "
    "max(s.started_at, coalesce(s.ended_at, ''), "
    "coalesce((SELECT max(at) FROM buffer_snapshots WHERE session_id = s.id), ''), "
    "coalesce((SELECT max(at) FROM buffer_closes WHERE session_id = s.id), ''), "
    "coalesce((SELECT max(at) FROM evaluations WHERE session_id = s.id), ''), "
    "coalesce((SELECT max(at) FROM transport_events WHERE session_id = s.id), '')) "
    "FROM sessions s ";

StoreResult<JournalSession> readSession(const Statement& row) {
    JournalSession s;
    s.id = row.integer(0);
    s.startedAt = row.text(1);
    s.endedAt = row.text(2);
    s.appVersion = row.text(3);
    s.clean = row.integer(4) != 0;
    s.settled = row.integer(5) != 0;
    s.buffers = row.integer(6);
    s.evaluations = row.integer(7);
    s.lastActivityAt = row.text(8);
    return s;
}

// seq, at, session_ms: the first three columns of every event query.
JournalStamp readStamp(const Statement& row) { return {row.integer(0), row.text(1), row.integer(2)}; }

std::optional<EngineTime> readEngine(const Statement& row, int frameColumn, int cycleColumn) {
    if (row.isNull(frameColumn)) return std::nullopt;
    return EngineTime{row.text(cycleColumn), row.integer(frameColumn)};
}

}  // namespace

StoreResult<std::vector<JournalSession>> journalSessions(Database& database) {
    return collect<JournalSession>(database, kSessionColumns + "ORDER BY s.id", noParameters, readSession);
}

StoreResult<JournalSession> journalSession(Database& database, std::int64_t sessionId) {
    auto found = collect<JournalSession>(
        database, kSessionColumns + "WHERE s.id = ?1", [&](Statement& select) { select.bind(1, sessionId); },
        readSession);
    if (!found) return *found.error;
    if (found->empty()) return storeError(StoreErrorKind::NotFound, "no session " + std::to_string(sessionId));
    return found->front();
}

StoreResult<std::vector<RecordedEvaluation>> journalEvaluations(Database& database, std::int64_t sessionId) {
    return collect<RecordedEvaluation>(
        database,
        "SELECT seq, at, session_ms, buffer_id, code, first_line, scope, cps, cycle, frame, ok, error "
        "FROM evaluations WHERE session_id = ?1 ORDER BY seq",
        [&](Statement& select) { select.bind(1, sessionId); },
        [](const Statement& row) -> StoreResult<RecordedEvaluation> {
            JournalEvaluation e;
            e.bufferId = row.text(3);
            e.code = row.text(4);
            e.firstLine = static_cast<int>(row.integer(5));
            e.scope = row.text(6);
            e.cps = row.real(7);
            e.cycle = row.text(8);
            e.frame = row.integer(9);
            e.ok = row.integer(10) != 0;
            e.error = row.text(11);
            return RecordedEvaluation{readStamp(row), std::move(e)};
        });
}

StoreResult<std::vector<RecordedTransport>> journalTransport(Database& database, std::int64_t sessionId) {
    return collect<RecordedTransport>(
        database,
        "SELECT seq, at, session_ms, what, cps, frame, cycle FROM transport_events WHERE session_id = ?1 ORDER BY seq",
        [&](Statement& select) { select.bind(1, sessionId); },
        [](const Statement& row) -> StoreResult<RecordedTransport> {
            return RecordedTransport{readStamp(row), row.text(3), row.real(4), readEngine(row, 5, 6)};
        });
}

StoreResult<std::vector<RecordedBuffer>> journalLatestBuffers(Database& database, std::int64_t sessionId) {
    return collect<RecordedBuffer>(
        database,
        "SELECT b.seq, b.at, b.session_ms, b.buffer_id, b.title, b.path, b.text, b.cursor, b.tab_order, "
        "EXISTS (SELECT 1 FROM buffer_closes c WHERE c.session_id = b.session_id AND c.buffer_id = b.buffer_id "
        "AND c.seq > b.seq) "
        "FROM buffer_snapshots b WHERE b.session_id = ?1 AND b.seq = (SELECT max(seq) FROM buffer_snapshots "
        "WHERE session_id = ?1 AND buffer_id = b.buffer_id) "
        "ORDER BY b.tab_order, (SELECT min(seq) FROM buffer_snapshots WHERE session_id = ?1 AND buffer_id = b.buffer_id)",
        [&](Statement& select) { select.bind(1, sessionId); },
        [](const Statement& row) -> StoreResult<RecordedBuffer> {
            JournalBuffer b;
            b.id = row.text(3);
            b.title = row.text(4);
            b.path = row.text(5);
            b.text = row.text(6);
            b.cursor = static_cast<int>(row.integer(7));
            b.order = static_cast<int>(row.integer(8));
            return RecordedBuffer{readStamp(row), std::move(b), row.integer(9) != 0};
        });
}

}  // namespace seiche::session
