#pragma once
// The built-in pitched synths: one note per instance, mono, rendered block by block.
//
//   name         sound                                                    extra controls
//   sine         sine wave                                                 -
//   saw          band-limited sawtooth (PolyBLEP)                          -
//   square       band-limited square (PolyBLEP)                            -
//   tri          band-limited triangle (PolyBLAMP)                         -
//   supersaw     SuperDirt's supersaw: three saws detuned by +-voice/50,   voice decay semitone
//                a triangle `semitone` above, a ladder low-pass swept by   resonance lfo pitch1
//                an LFO between 10*freq*pitch1 and that*(lfo+1), tanh      speed
//   supersquare  SuperDirt's supersquare: pulses of width `voice` at freq  voice decay semitone
//                (0.7) and `semitone` below (0.3), same filter and LFO     resonance lfo pitch1
//                (sine), tanh                                              speed
//   superpiano   piano-like: inharmonic partials on two slightly detuned   velocity detune
//                strings, decays that shorten with pitch and partial
//                number, a felt-hammer noise burst
//   fm           two-operator FM: sin(carrier + fmi * sin(fmh * carrier))  fmi fmh
//   noise        white noise, deterministic from `seed`                   seed
//
// Aliases: sawtooth = saw, triangle = tri, white = noise (Strudel's names).
//
// Every synth lasts `sustain` seconds, and `accelerate` glides the pitch linearly from freq
// to freq * (1 + accelerate) over that time (SuperDirt's Line.kr(1, 1+accelerate, sustain)).
// supersaw, supersquare and superpiano carry their own SuperDirt envelope scaled to sustain;
// the plain oscillators rely on the voice's Envelope (dirt_gate's 1 ms fade) for declicking.
// Output peaks stay at or below about 0.9.
#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "audio/dsp/envelope.hpp"
#include "audio/dsp/filters.hpp"
#include "audio/dsp/oscillators.hpp"
#include "audio/dsp/random.hpp"

namespace seiche::audio::dsp {

enum class SynthKind { Sine, Saw, Square, Tri, Supersaw, Supersquare, Superpiano, Fm, Noise };

// Defaults are SuperDirt's synthdef defaults; out-of-range values are clamped, NaN falls back
// to the default.
struct SynthParams {
    double sustain = 1.0;     // seconds the note lasts
    double accelerate = 0.0;  // pitch glide: freq * (1 + accelerate * t / sustain), floored at 0
    double voice = 0.5;       // supersaw detune spread (saws at +-voice/50), supersquare width
    double decay = 0.0;       // supersaw/supersquare: how far the level drops after the attack, 0..1
    double semitone = 12.0;   // supersaw/supersquare: interval of the second oscillator
    double resonance = 0.2;   // supersaw/supersquare: ladder resonance, 0..1 (MoogFF gain /4)
    double lfo = 1.0;         // supersaw/supersquare: filter sweep depth
    double pitch1 = 1.0;      // supersaw/supersquare: filter cutoff as a multiple of 10 * freq
    double speed = 1.0;       // supersaw/supersquare: filter LFO rate multiplier (LFO = freq/64)
    double velocity = 1.0;    // superpiano: 0..1, louder and brighter
    double detune = 0.1;      // superpiano: stretch (inharmonicity), 0..1
    double fmi = 2.0;         // fm: modulation index, 0..100
    double fmh = 1.0;         // fm: modulator frequency / carrier frequency, 0..32
    std::uint64_t seed = 0;   // noise and hammer noise
};

std::optional<SynthKind> synthKindFromName(std::string_view name);
// The primary names, in the order of SynthKind.
std::span<const std::string_view> synthNames();
std::string_view synthName(SynthKind kind);

class Synth {
public:
    static constexpr int kMaxPartials = 20;

    // Nothing is allocated; maxBlockSize is accepted for the common init signature.
    void init(double sampleRate, int maxBlockSize);
    void reset();
    // frequencyHz: NaN or infinite falls back to middle C (261.63 Hz); clamped to
    // [0, 0.45 * sampleRate]. A sustain shorter than 8 samples gives a finished synth.
    void start(SynthKind kind, double frequencyHz, const SynthParams& params);

    // Writes `frames` samples (zeros once finished).
    void process(float* out, int frames);
    // Adds `frames` samples times `gain` into out.
    void processAdding(float* out, int frames, float gain);

    bool finished() const { return frame_ >= totalFrames_; }
    SynthKind kind() const { return kind_; }

private:
    float tick();
    float tickSine(double dt);
    float tickSuper(double dt);
    // supersaw / supersquare: the oscillators' increments at pitch increment dt, and one
    // sample of the oscillators (before the ladder) at those increments.
    struct SuperSteps {
        double main = 0, saw[3] = {0, 0, 0}, second = 0;
    };
    SuperSteps superSteps(double dt) const;
    float superSource(const SuperSteps& steps);
    void updateSuperControl(double glideFactor);     // the LFO and the ladder's cutoff
    void processSuperSteady(float* out, int frames);  // without accelerate; advances frame_
    void processPiano(float* out, int frames);  // advances frame_
    float tickFm(double dt);
    void startPiano(double frequencyHz);
    void updatePianoRotations(double frequencyMultiplier);

    double sampleRate_ = 48000.0;
    SynthKind kind_ = SynthKind::Sine;
    SynthParams params_{};
    double baseFrequency_ = 261.63;
    std::int64_t frame_ = 0;
    std::int64_t totalFrames_ = 0;
    double glidePerFrame_ = 0.0;  // accelerate / sustainFrames
    double nyquistGuard_ = 0.45;  // cycles per sample ceiling

    // Oscillators (a synth uses a few of them).
    std::array<SawOscillator, 3> saws_{};
    std::array<PulseOscillator, 2> pulses_{};
    TriangleOscillator triangle_{};
    SineOscillator sine_{};
    SineOscillator modulator_{};
    Random random_{};

    // supersaw / supersquare
    LadderFilter ladder_{};
    CurvedEnvelope shapeEnvelope_{};
    double lfoPhase_ = 0.0;
    double secondRatio_ = 2.0;
    double pulseWidth_ = 0.5;
    double cutoffLow_ = 1000.0;
    double cutoffHigh_ = 2000.0;

    // superpiano: complex rotators, two strings per partial.
    int partialCount_ = 0;
    std::array<double, kMaxPartials * 2> re_{};
    std::array<double, kMaxPartials * 2> im_{};
    std::array<double, kMaxPartials * 2> rotRe_{};
    std::array<double, kMaxPartials * 2> rotIm_{};
    std::array<double, kMaxPartials * 2> damping_{};
    std::array<double, kMaxPartials * 2> ratio_{};   // partial frequency / fundamental
    std::array<double, kMaxPartials * 2> amplitude_{};  // float values, held as double
    double hammerLevel_ = 0.0;
    double hammerDecay_ = 0.0;
    double hammerLowpass_ = 0.0;
    double hammerState_ = 0.0;
    double pianoGain_ = 1.0;
};

}  // namespace seiche::audio::dsp
