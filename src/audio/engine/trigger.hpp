#pragma once
// One sound to start: everything the audio thread needs, resolved by the
// scheduler from an event's controls (SuperDirt's names and meanings). A plain
// value: it crosses the lock-free ring by copy.
#include <cstdint>

#include "audio/dsp/filters.hpp"
#include "audio/dsp/synth.hpp"
#include "audio/sample.hpp"

namespace seiche::audio {

struct Trigger {
    int64_t frame = 0;              // absolute engine frame at which it starts
    const Sample* sample = nullptr; // a sample voice; null: a synth voice
    dsp::SynthKind synth = dsp::SynthKind::Sine;
    double frequency = 261.63;      // synth pitch, Hz
    double rate = 1.0;              // sample playback rate (speed × pitch × rate conversion); < 0 plays backwards
    double accelerate = 0.0;
    double begin = 0.0, end = 1.0;  // fractions of the sample
    double loops = 1.0;             // `loop`: how many times to play [begin, end)
    double sustain = -1.0;          // seconds; < 0: natural length (samples only)
    double attack = -1.0, hold = 0.0, release = -1.0;  // < 0: unset
    float amplitude = 0.4f;         // SuperDirt's gain^4 × amp (× velocity)
    float pan = 0.5f;
    float shape = 0, crush = 0, coarse = 0, squiz = 0;  // 0: off
    float cutoff = 0, resonance = 0, hcutoff = 0, hresonance = 0, bandf = 0, bandq = 0;
    int8_t vowel = -1;              // dsp::Vowel, -1: none
    uint8_t orbit = 0;
    uint8_t channel = 0;            // d1 = 0 … d16 = 15
    int32_t cut = 0;                // cut group, 0: none
    // Orbit effects, as SuperDirt: set by the latest event on the orbit; NaN: leave as is.
    float room = -1, size = -1, dry = -1, delay = -1, delayTime = -1, delayFeedback = -1;
    dsp::SynthParams synthParams{};
};

}  // namespace seiche::audio
