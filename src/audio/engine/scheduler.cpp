#include "audio/engine/scheduler.hpp"

#include <algorithm>
#include <cmath>

#include "audio/engine/event_to_trigger.hpp"
#include "audio/sample_bank.hpp"

namespace seiche::audio {

Rational cpsToRational(double cps) {
    if (!std::isfinite(cps) || cps <= 0) cps = 0.5625;
    cps = std::min(cps, 1000.0);
    return Rational(std::max<int64_t>(1, std::llround(cps * 1e6)), 1'000'000);
}

Scheduler::Scheduler(Mixer& mixer, const SampleBank& bank, double sampleRate, double cps)
    : mixer_(mixer), bank_(bank), sampleRate_(sampleRate), cps_(cpsToRational(cps)) {}

void Scheduler::apply(const lang::Program& program) {
    for (const lang::Action& a : program.actions) {
        switch (a.kind) {
            case lang::Action::Play:
                if (a.channel >= 1) setChannel(a.channel, a.pattern);
                else setChannel(1, a.pattern);  // a bare expression plays on d1, as in the editor plugins
                break;
            case lang::Action::Hush: hush(); break;
            case lang::Action::SetCps: setCps(a.cps); break;
            case lang::Action::Once: {
                std::lock_guard lock(mutex_);
                once_.push_back(a.pattern);
                break;
            }
            case lang::Action::Solo: setSolo(a.channel, true); break;
            case lang::Action::Unsolo: setSolo(a.channel, false); break;
            case lang::Action::Mute: setMute(a.channel, true); break;
            case lang::Action::Unmute: setMute(a.channel, false); break;
        }
    }
}

void Scheduler::setChannel(int channel, std::optional<Pattern> pattern) {
    if (channel < 1 || channel > kChannels) return;
    std::lock_guard lock(mutex_);
    channels_[static_cast<size_t>(channel - 1)].pattern = std::move(pattern);
}

void Scheduler::hush() {
    std::lock_guard lock(mutex_);
    for (Channel& c : channels_) c.pattern.reset();
}

void Scheduler::setSolo(int channel, bool on) {
    if (channel < 1 || channel > kChannels) return;
    std::lock_guard lock(mutex_);
    channels_[static_cast<size_t>(channel - 1)].solo = on;
}

void Scheduler::setMute(int channel, bool on) {
    if (channel < 1 || channel > kChannels) return;
    std::lock_guard lock(mutex_);
    channels_[static_cast<size_t>(channel - 1)].muted = on;
}

void Scheduler::setCps(double cps) {
    std::lock_guard lock(mutex_);
    // Re-anchor at the cursor so the cycle position continues smoothly.
    anchorCycle_ = cycleAt(cursor_);
    anchorFrame_ = cursor_;
    cps_ = cpsToRational(cps);
}

double Scheduler::cps() const {
    std::lock_guard lock(mutex_);
    return cps_.toDouble();
}

Time Scheduler::cycleAt(int64_t frame) const {
    return anchorCycle_ + Rational(frame - anchorFrame_) * cps_ / Rational(static_cast<int64_t>(sampleRate_));
}

int64_t Scheduler::frameOf(const Time& cycle) const {
    // frame = anchor + (cycle - anchorCycle) * rate / cps, rounded to the nearest frame.
    const Rational x = (cycle - anchorCycle_) * Rational(static_cast<int64_t>(sampleRate_)) / cps_;
    return anchorFrame_ + (x + Rational(1, 2)).floorInt();
}

int64_t Scheduler::scheduledUntil() const {
    std::lock_guard lock(mutex_);
    return cursor_;
}

SchedulerStats Scheduler::stats() const {
    std::lock_guard lock(mutex_);
    return stats_;
}

void Scheduler::queryChannel(int index, const Pattern& p, const Span& span, int64_t windowStart) {
    auto events = lang::queryChecked(p, span, 100'000);
    if (!events) {
        // Too many events at once, perhaps only because the span is long (the offline
        // renderer queries ahead): halves, down to a small fraction of a cycle, get the
        // events one query could not, before the channel is given up on.
        const Time length = span.end - span.begin;
        if (length > Time(1, 1024)) {
            const Time middle = span.begin + length / Time(2);
            queryChannel(index, p, Span{span.begin, middle}, windowStart);
            if (index < 0 || channels_[static_cast<size_t>(index)].pattern)
                queryChannel(index, p, Span{middle, span.end}, windowStart);
            return;
        }
        ++stats_.queryErrors;
        if (index >= 0) channels_[static_cast<size_t>(index)].pattern.reset();  // the music goes on without it
        return;
    }
    const double secondsPerCycle = 1.0 / cps_.toDouble();
    for (const Event& e : *events.value) {
        if (!e.hasOnset()) continue;
        EventTiming timing;
        timing.frame = frameOf(e.whole->begin);
        timing.durationSeconds = (e.whole->end - e.whole->begin).toDouble() * secondsPerCycle;
        timing.cps = cps_.toDouble();
        timing.sampleRate = sampleRate_;
        if (timing.frame < windowStart) ++stats_.lateEvents;
        auto made = eventToTrigger(e.value, timing, bank_);
        if (!made.trigger) {
            if (!made.unknownSound.empty()) ++stats_.unknownSounds[made.unknownSound];
            continue;
        }
        made.trigger->channel = static_cast<uint8_t>(std::max(0, index));
        pending_.push_back({*made.trigger, e.whole->begin, index < 0 ? kChannels : index, sequence_++});
    }
}

void Scheduler::fillUntil(int64_t untilFrame, int64_t queryUntilFrame) {
    std::lock_guard lock(mutex_);
    const int64_t queryUntil = std::max(untilFrame, queryUntilFrame);
    if (queryUntil > cursor_) query(queryUntil);
    size_t sent = 0;
    while (sent < pending_.size() && pending_[sent].trigger.frame < untilFrame) {
        if (mixer_.schedule(pending_[sent].trigger)) ++stats_.triggers;
        else ++stats_.droppedTriggers;
        ++sent;
    }
    pending_.erase(pending_.begin(), pending_.begin() + static_cast<long>(sent));
}

void Scheduler::query(int64_t untilFrame) {
    try {
        const Span span{cycleAt(cursor_), cycleAt(untilFrame)};
        bool anySolo = false;
        for (const Channel& c : channels_) anySolo = anySolo || (c.solo && c.pattern);
        // Triggers must reach the ring in time order: collect per window, channels in turn.
        for (int i = 0; i < kChannels; ++i) {
            const Channel& c = channels_[static_cast<size_t>(i)];
            if (!c.pattern || c.muted || (anySolo && !c.solo)) continue;
            queryChannel(i, *c.pattern, span, cursor_);
        }
        for (const Pattern& p : once_) queryChannel(-1, p, Span{span.begin, span.begin + Time(1)}, cursor_);
        once_.clear();
    } catch (const std::exception&) {
        ++stats_.queryErrors;  // e.g. time overflow after days: skip the window, keep the clock
    }
    std::sort(pending_.begin(), pending_.end(), [](const Pending& a, const Pending& b) {
        if (a.trigger.frame != b.trigger.frame) return a.trigger.frame < b.trigger.frame;
        if (a.onset != b.onset) return a.onset < b.onset;
        if (a.source != b.source) return a.source < b.source;
        return a.sequence < b.sequence;
    });
    cursor_ = untilFrame;
}

}  // namespace seiche::audio
