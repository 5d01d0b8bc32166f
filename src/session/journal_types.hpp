#pragma once
// What the performance journal records and gives back: editor buffers, evaluations,
// transport events and what a killed session left to restore. Plain values, shared by
// the Journal (which writes them), its reader and the restore planner.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace seiche::session {

struct JournalBuffer {            // one editor tab, as it is now
    std::string id;               // stable id chosen by the app (e.g. "b1", a uuid); unique within a session
    std::string title;            // tab title
    std::string path;             // file it is saved to, "" if never saved
    std::string text;             // the whole text
    int cursor = 0;               // cursor position (character offset)
    int order = 0;                // tab order
};

struct JournalEvaluation {
    std::string bufferId;
    std::string code;             // exactly the code that was evaluated
    int firstLine = 1;            // where in the buffer it was (1-based line of its first line)
    std::string scope;            // "block", "line", "buffer", "hush", "restore", ...
    double cps = 0;               // tempo when evaluated
    std::string cycle;            // engine cycle position when evaluated, exact rational text "n/d"
    std::int64_t frame = 0;       // engine frame when evaluated
    bool ok = true;
    std::string error;            // "LINE:COL: message" when !ok
};

// Where the engine was when something happened, for the records that may carry it
// (buffer snapshots, transport events); a replay lines edits up with the music by it.
struct EngineTime {
    std::string cycle;            // exact rational text "n/d"
    std::int64_t frame = 0;
};

struct RestorePlan {              // what a killed session left behind
    std::int64_t sessionId = 0;
    std::string startedAt, lastActivityAt;   // ISO-8601 UTC
    std::vector<JournalBuffer> buffers;      // latest snapshot of each buffer that was open, in tab order
    // Code to evaluate again, in order, to bring back the channels and cps that were
    // playing: the successful evaluations still in effect (docs/journal.md says exactly
    // which), then `setcps X` when the tempo at the end came from elsewhere (a GUI control,
    // or an evaluation before a `hush`).
    std::vector<std::string> evaluations;
    std::vector<int> playingChannels;        // 1..16 that were playing at the end (not muted, solo respected)
    double cps = 0;                          // the tempo at the end; 0 when nothing said
    bool transportStopped = false;           // the last transport event was "stop"
    std::string appVersion;                  // of the Seiche that recorded the session
};

struct JournalOptions {
    std::chrono::milliseconds busyTimeout{2000};  // wait this long for another writer, per try
    std::chrono::milliseconds retryAfter{500};    // after a failed write, try again this much later
};

}  // namespace seiche::session
