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
    : mixer_(mixer), bank_(bank), sampleRate_(sampleRate), cps_(cpsToRational(cps)),
      history_(kPlayedHistory) {}

void Scheduler::apply(const lang::Program& program, uint64_t tag) {
    for (const lang::Action& a : program.actions) {
        switch (a.kind) {
            case lang::Action::Play:
                if (a.channel >= 1) setChannel(a.channel, a.pattern, tag);
                else setChannel(1, a.pattern, tag);  // a bare expression plays on d1, as in the editor plugins
                break;
            case lang::Action::Hush: hush(); break;
            case lang::Action::SetCps: setCps(a.cps); break;
            case lang::Action::Once: {
                std::lock_guard lock(mutex_);
                once_.push_back({a.pattern, tag});
                break;
            }
            case lang::Action::Solo: setSolo(a.channel, true); break;
            case lang::Action::Unsolo: setSolo(a.channel, false); break;
            case lang::Action::Mute: setMute(a.channel, true); break;
            case lang::Action::Unmute: setMute(a.channel, false); break;
        }
    }
}

void Scheduler::setChannel(int channel, std::optional<Pattern> pattern, uint64_t tag) {
    if (channel < 1 || channel > kChannels) return;
    std::lock_guard lock(mutex_);
    Channel& c = channels_[static_cast<size_t>(channel - 1)];
    c.pattern = std::move(pattern);
    c.tag = tag;
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
    std::lock_guard tempo(tempoMutex_);
    // Re-anchor at the cursor so the cycle position continues smoothly.
    anchorCycle_ = cycleAtLocked(cursor_);
    anchorFrame_ = cursor_;
    cps_ = cpsToRational(cps);
}

void Scheduler::continueFrom(const Time& cycle) {
    std::lock_guard lock(mutex_);
    std::lock_guard tempo(tempoMutex_);
    anchorCycle_ = cycle;
    anchorFrame_ = cursor_;
}

// The tempo has a lock of its own: the GUI reads it every frame and must not wait for a
// pattern query (which holds mutex_) to finish.
double Scheduler::cps() const {
    std::lock_guard tempo(tempoMutex_);
    return cps_.toDouble();
}

Time Scheduler::cycleAt(int64_t frame) const {
    std::lock_guard tempo(tempoMutex_);
    return cycleAtLocked(frame);
}

Time Scheduler::cycleAtLocked(int64_t frame) const {
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

void Scheduler::queryChannel(int index, const Pattern& p, const Span& span, int64_t windowStart, uint64_t tag) {
    auto events = lang::queryChecked(p, span, 100'000);
    if (!events) {
        // Too many events at once, perhaps only because the span is long (the offline
        // renderer queries ahead): halves, down to a small fraction of a cycle, get the
        // events one query could not, before the channel is given up on.
        const Time length = span.end - span.begin;
        if (length > Time(1, 1024)) {
            const Time middle = span.begin + length / Time(2);
            queryChannel(index, p, Span{span.begin, middle}, windowStart, tag);
            if (index < 0 || channels_[static_cast<size_t>(index)].pattern)
                queryChannel(index, p, Span{middle, span.end}, windowStart, tag);
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
        const int64_t endFrame = std::max(timing.frame + 1, frameOf(e.whole->end));
        pending_.push_back({*made.trigger, e.whole->begin, index < 0 ? kChannels : index, sequence_++, endFrame, tag, e.refs});
    }
}

void Scheduler::fillUntil(int64_t untilFrame, int64_t queryUntilFrame) {
    std::lock_guard lock(mutex_);
    const int64_t queryUntil = std::max(untilFrame, queryUntilFrame);
    if (queryUntil > cursor_) query(queryUntil);
    size_t sent = 0;
    while (sent < pending_.size() && pending_[sent].trigger.frame < untilFrame) ++sent;
    if (sent == 0) return;
    std::lock_guard history(historyMutex_);
    for (size_t i = 0; i < sent; ++i) {
        const Pending& p = pending_[i];
        if (!mixer_.schedule(p.trigger)) {
            ++stats_.droppedTriggers;  // never sounds, so never lights anything up
            continue;
        }
        ++stats_.triggers;
        remember({p.trigger.frame, p.endFrame, p.source == kChannels ? 0 : p.source + 1, p.tag, p.refs});
    }
    pending_.erase(pending_.begin(), pending_.begin() + static_cast<long>(sent));
}

void Scheduler::remember(const PlayedEvent& played) {
    const std::size_t capacity = history_.size();
    if (historySize_ < capacity) ++historySize_;
    else historyStart_ = (historyStart_ + 1) % capacity;  // the oldest makes room
    auto slot = [&](std::size_t i) -> PlayedEvent& { return history_[(historyStart_ + i) % capacity]; };
    // Triggers come in frame order, except a late one (its onset had passed when queried):
    // it moves back to its place, so the ring stays sorted for playedBetween's search.
    std::size_t i = historySize_ - 1;
    slot(i) = played;
    for (; i > 0 && slot(i - 1).frame > slot(i).frame; --i) std::swap(slot(i - 1), slot(i));
    longestPlayed_ = std::max(longestPlayed_, played.endFrame - played.frame);
}

void Scheduler::playedBetween(int64_t fromFrame, int64_t toFrame, std::vector<PlayedEvent>& out) const {
    if (fromFrame >= toFrame) return;
    std::lock_guard lock(historyMutex_);
    const std::size_t capacity = history_.size();
    auto at = [&](std::size_t i) -> const PlayedEvent& { return history_[(historyStart_ + i) % capacity]; };
    // The first event with frame >= `frame`, by binary search over the sorted ring.
    auto firstFrom = [&](int64_t frame) {
        std::size_t lo = 0, hi = historySize_;
        while (lo < hi) {
            const std::size_t mid = lo + (hi - lo) / 2;
            if (at(mid).frame < frame) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    };
    // No event starting longestPlayed_ or more before fromFrame can still sound at it.
    const std::size_t end = firstFrom(toFrame);
    for (std::size_t i = firstFrom(fromFrame - longestPlayed_); i < end; ++i)
        if (at(i).endFrame > fromFrame) out.push_back(at(i));
}

void Scheduler::query(int64_t untilFrame) {
    try {
        const Span span{cycleAtLocked(cursor_), cycleAtLocked(untilFrame)};
        bool anySolo = false;
        for (const Channel& c : channels_) anySolo = anySolo || (c.solo && c.pattern);
        // Triggers must reach the ring in time order: collect per window, channels in turn.
        for (int i = 0; i < kChannels; ++i) {
            const Channel& c = channels_[static_cast<size_t>(i)];
            if (!c.pattern || c.muted || (anySolo && !c.solo)) continue;
            queryChannel(i, *c.pattern, span, cursor_, c.tag);
        }
        for (const Once& o : once_) queryChannel(-1, o.pattern, Span{span.begin, span.begin + Time(1)}, cursor_, o.tag);
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
