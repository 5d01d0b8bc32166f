#pragma once
// The performance journal: every buffer snapshot, evaluation and transport event of a
// session, written to the store so that nothing a performer wrote is lost when the app
// is killed, and so that a whole performance can be replayed later (docs/journal.md).
//
// The GUI thread calls it and must never wait on the disk: the record calls only queue,
// and a writer thread owned by the Journal commits what is queued, one transaction per
// batch, as soon as it arrives. A locked or read-only database shows in lastError(); the
// queued records stay in memory and are tried again.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "session/journal_types.hpp"
#include "session/store_result.hpp"

namespace seiche::session {

class JournalWriter;

class Journal {
public:
    // Opens (creating it and its directory) the store's database file, brings its schema up
    // to date and starts a new session row. Never throws.
    static StoreResult<Journal> open(const std::filesystem::path& databasePath, const std::string& appVersion,
                                     const JournalOptions& options = {});
    ~Journal();  // flushes (one more try if writes are failing); only finish() marks a clean end
    Journal(Journal&&) noexcept;
    Journal& operator=(Journal&&) noexcept;
    Journal(const Journal&) = delete;
    Journal& operator=(const Journal&) = delete;

    std::int64_t sessionId() const;

    // All of these return at once; the writer thread writes them in order.
    void recordBuffer(const JournalBuffer& buffer);  // a snapshot (debounced by the app)
    void recordBuffer(const JournalBuffer& buffer, const EngineTime& at);
    void closeBuffer(const std::string& bufferId);   // the tab was closed
    void recordEvaluation(const JournalEvaluation& evaluation);
    void recordTransport(const std::string& what, double cps);  // "play", "stop", "setcps", "hush"...
    void recordTransport(const std::string& what, double cps, const EngineTime& at);

    // Blocks until everything queued before the call is on disk, or a write tried after the
    // call failed (then lastError() says why, and the records stay queued for the next try).
    void flush();
    void finish();  // marks the session as ended cleanly: it is never offered for restore
    std::string lastError() const;  // "" or the last write failure; cleared by the next good write

    // The most recent session that did not finish cleanly, was not settled by dismiss(),
    // recorded at least one buffer or evaluation and is not exceptSessionId, with what to
    // restore. Marks nothing; a missing database file means nothing to restore.
    static StoreResult<std::optional<RestorePlan>> unfinished(const std::filesystem::path& databasePath,
                                                              std::int64_t exceptSessionId = 0);
    // The user answered the restore offer (restored or declined): never offer that session again.
    static StoreStatus dismiss(const std::filesystem::path& databasePath, std::int64_t sessionId);

private:
    explicit Journal(std::unique_ptr<JournalWriter> writer);
    std::unique_ptr<JournalWriter> writer_;
};

}  // namespace seiche::session
