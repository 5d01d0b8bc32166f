#pragma once
// SuperDirt's meaning of Tidal's controls: one pattern event becomes one
// Trigger (or nothing, with the reason, for an unknown sound).
#include <optional>
#include <string>

#include "audio/engine/trigger.hpp"
#include "pattern/value.hpp"

namespace seiche::audio {

class SampleBank;

struct EventTiming {
    int64_t frame = 0;          // when it starts
    double durationSeconds = 0; // the event's whole, for `legato`
    double cps = 0.5625;        // for `unit "c"` and `lock`
    double sampleRate = 48000;
};

struct TriggerOrReason {
    std::optional<Trigger> trigger;
    std::string unknownSound;  // set when `s` names nothing we can play
};

TriggerOrReason eventToTrigger(const Value& controls, const EventTiming& timing, const SampleBank& bank);

}  // namespace seiche::audio
