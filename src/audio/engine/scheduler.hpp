#pragma once
// Turns the channels' patterns into timed triggers. The clock is a frame
// counter: cycle positions are exact rationals derived from frames, and every
// onset lands on one exact frame, so renders repeat bit for bit. The scheduler
// runs on its own thread (or inside the offline renderer); it may lock, the
// audio thread never does.
#include <array>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "audio/engine/mixer.hpp"
#include "pattern/lang/program.hpp"
#include "pattern/pattern.hpp"

namespace seiche::audio {

class SampleBank;

struct SchedulerStats {
    uint64_t triggers = 0;
    uint64_t lateEvents = 0;      // onsets already in the past when queried
    uint64_t droppedTriggers = 0; // the ring was full
    uint64_t queryErrors = 0;     // a pattern failed to query; it is muted until replaced
    std::map<std::string, uint64_t> unknownSounds;
};

// A trigger that reached the mixer, as the GUI needs it: when it sounds, which channel
// played it, and where in the code it came from (to light up its characters and the
// channel while it plays).
struct PlayedEvent {
    int64_t frame = 0;      // onset frame
    int64_t endFrame = 0;   // onset + the event's whole duration in frames (at least frame + 1)
    int channel = 0;        // 1..16 for d1..d16, 0 for `once`
    uint64_t tag = 0;       // the tag passed to apply() with the program that made this event
    SourceRefs refs{};      // ids index the lang::SourceMap of the program with that tag
};

class Scheduler {
public:
    static constexpr int kChannels = 16;

    // How many played events playedBetween() remembers (a fixed ring, allocated here).
    static constexpr std::size_t kPlayedHistory = 8192;

    Scheduler(Mixer& mixer, const SampleBank& bank, double sampleRate, double cps = 0.5625);

    // Evaluation: statements take effect at the next window, in order. Each channel the
    // program sets (and each `once`) remembers `tag`, and its played events carry it, so
    // the GUI can tell which evaluation's SourceMap their refs index.
    void apply(const lang::Program& program, uint64_t tag = 0);
    void setChannel(int channel, std::optional<Pattern> pattern, uint64_t tag = 0);  // 1..16; nullopt silences it
    void hush();
    void setCps(double cps);  // from the next window on, without a jump in cycle position
    // The cycle the clock is at now (at the cursor): a new engine that replaces a running one
    // (a new sample rate) carries on from where the music was instead of from cycle 0.
    void continueFrom(const Time& cycle);
    void setSolo(int channel, bool on);
    void setMute(int channel, bool on);

    // Queries every channel for frames [cursor, untilFrame) and pushes the triggers due
    // before untilFrame. With queryUntilFrame beyond untilFrame the patterns are queried up
    // to there at once and the later triggers wait here, not in the mixer's queue: the
    // offline renderer saves queries that way (a query costs mostly per call).
    void fillUntil(int64_t untilFrame, int64_t queryUntilFrame = 0);

    double cps() const;
    Time cycleAt(int64_t frame) const;  // exact, from the tempo anchor
    int64_t scheduledUntil() const;
    SchedulerStats stats() const;

    // Appends to `out` the played events that sound at some frame in [fromFrame, toFrame)
    // (frame < toFrame && endFrame > fromFrame), oldest first, from the last kPlayedHistory
    // triggers that reached the mixer. Events are recorded when they are handed to the
    // mixer, a lookahead before they sound, so a window ahead of the clock finds them too.
    // Any thread; meant for the GUI at 60 fps: it takes a lock of its own (never the one the
    // queries hold) and allocates nothing beyond out's growth.
    void playedBetween(int64_t fromFrame, int64_t toFrame, std::vector<PlayedEvent>& out) const;

private:
    struct Channel {
        std::optional<Pattern> pattern;
        bool muted = false, solo = false;
        uint64_t tag = 0;  // of the program that set the pattern
    };
    struct Once {
        Pattern pattern;
        uint64_t tag = 0;
    };

    int64_t frameOf(const Time& cycle) const;
    Time cycleAtLocked(int64_t frame) const;  // mutex_ or tempoMutex_ held
    void query(int64_t untilFrame);  // every channel over [cursor_, untilFrame), into pending_
    void queryChannel(int index, const Pattern& p, const Span& span, int64_t windowStart, uint64_t tag);
    void remember(const PlayedEvent& played);  // historyMutex_ held

    Mixer& mixer_;
    const SampleBank& bank_;
    const double sampleRate_;
    mutable std::mutex mutex_;
    mutable std::mutex tempoMutex_;  // anchor and cps: written under both locks, read under either
    std::array<Channel, kChannels> channels_{};
    std::vector<Once> once_;
    // Tempo anchor: cycle(frame) = anchorCycle + (frame - anchorFrame) * cps / rate.
    int64_t anchorFrame_ = 0;
    Time anchorCycle_{0};
    Rational cps_{9, 16};
    int64_t cursor_ = 0;
    SchedulerStats stats_;
    // Triggers not yet due: the ring must receive them in time order, and `once`
    // and late-starting events can reach beyond the current window. Their order does not
    // depend on how time was cut into query windows: by frame, then exact onset, then
    // source (d1..d16, then `once`), then the order a query gave them in.
    // What the played-event feed needs travels beside the trigger, not in it: the mixer's
    // ring copies triggers on the audio thread and has no use for it.
    struct Pending {
        Trigger trigger;
        Time onset;
        int source;
        uint64_t sequence;
        int64_t endFrame;
        uint64_t tag;
        SourceRefs refs;
    };
    std::vector<Pending> pending_;
    uint64_t sequence_ = 0;

    // The played-event feed: a ring kept sorted by onset frame (triggers reach the mixer
    // in frame order; a late one is moved back into place), so a window is found by
    // binary search. Its own lock: the GUI must not wait for a query to finish.
    mutable std::mutex historyMutex_;
    std::vector<PlayedEvent> history_;  // kPlayedHistory slots
    std::size_t historyStart_ = 0;      // the oldest
    std::size_t historySize_ = 0;
    int64_t longestPlayed_ = 1;         // the longest endFrame - frame recorded so far
};

// cps as an exact rational with a bounded denominator (microcycles per second),
// so cycle positions stay small fractions for hours of playing.
Rational cpsToRational(double cps);

}  // namespace seiche::audio
