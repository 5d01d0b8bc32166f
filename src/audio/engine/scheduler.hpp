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

class Scheduler {
public:
    static constexpr int kChannels = 16;

    Scheduler(Mixer& mixer, const SampleBank& bank, double sampleRate, double cps = 0.5625);

    // Evaluation: statements take effect at the next window, in order.
    void apply(const lang::Program& program);
    void setChannel(int channel, std::optional<Pattern> pattern);  // 1..16; nullopt silences it
    void hush();
    void setCps(double cps);  // from the next window on, without a jump in cycle position
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

private:
    struct Channel {
        std::optional<Pattern> pattern;
        bool muted = false, solo = false;
    };

    int64_t frameOf(const Time& cycle) const;
    void query(int64_t untilFrame);  // every channel over [cursor_, untilFrame), into pending_
    void queryChannel(int index, const Pattern& p, const Span& span, int64_t windowStart);

    Mixer& mixer_;
    const SampleBank& bank_;
    const double sampleRate_;
    mutable std::mutex mutex_;
    std::array<Channel, kChannels> channels_{};
    std::vector<Pattern> once_;
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
    struct Pending {
        Trigger trigger;
        Time onset;
        int source;
        uint64_t sequence;
    };
    std::vector<Pending> pending_;
    uint64_t sequence_ = 0;
};

// cps as an exact rational with a bounded denominator (microcycles per second),
// so cycle positions stay small fractions for hours of playing.
Rational cpsToRational(double cps);

}  // namespace seiche::audio
