#pragma once
// Envelopes with SuperDirt's semantics.
//
// SuperDirt shapes every event twice:
//  * `dirt_gate` (always): the event lasts `sustain` seconds in total; it fades out over
//    `fadeTime` (orbit default 0.001 s, at most 0.19098 * sustain) with a sine-shaped
//    segment, and fades in the same way only when the sample starts at `begin` != 0. The
//    fades are taken out of the sustain, so the whole event is exactly `sustain` long.
//  * `dirt_envelope` (only when `attack` or `release` is given): Env.linen(attack, hold,
//    release, 1, -3): rise over `attack`, stay for `hold`, fall over `release`, all with
//    curvature -3. Unset attack is 0, unset hold is 0, unset release is infinite (no decay).
//    The gate still ends the sound at `sustain`, so a release longer than the event is cut.
//
// The caller computes `sustain` as SuperDirt does (explicit `sustain`, else `legato` times
// the event's duration, else the sample's length for samples and the event's duration for
// synths) and passes it in seconds.
#include <cstdint>
#include <optional>

namespace seiche::audio::dsp {

// Piecewise envelope made of curved segments (SuperCollider Env semantics with one numeric
// curvature for every segment). Fixed capacity, so starting one never allocates.
class CurvedEnvelope {
public:
    static constexpr int kMaxSegments = 8;

    // levels has segmentCount + 1 entries, durations (seconds) segmentCount. A duration that
    // is not finite holds the segment's start level for ever. Durations are clamped at 0.
    void start(const double* levels, const double* durations, int segmentCount, double curve,
               double sampleRate);
    void reset();

    // Next value; after the last segment the envelope stays at the last level.
    float next();
    // The next `frames` values, the same as that many calls of next().
    void render(float* out, int frames);
    bool done() const { return segment_ >= segmentCount_; }
    // The level when it can no longer change (past the last segment, or inside an
    // endless one); nullopt while it still moves.
    std::optional<float> steadyLevel() const {
        if (segment_ >= segmentCount_ || frames_[segment_] < 0) return static_cast<float>(level_);
        return std::nullopt;
    }

private:
    void enterSegment(int index);

    double levels_[kMaxSegments + 1] = {};
    std::int64_t frames_[kMaxSegments] = {};  // -1: endless
    int segmentCount_ = 0;
    double curve_ = 0.0;
    int segment_ = 0;
    std::int64_t position_ = 0;
    // Recurrence state of the current segment: level = start + scale * (1 - growth)
    // with growth multiplied by `ratio` each sample (or, for a straight segment, level
    // increased by `step`).
    double level_ = 0.0;
    double start_ = 0.0;
    double scale_ = 0.0;
    double growth_ = 1.0;
    double ratio_ = 1.0;
    double step_ = 0.0;
    bool straight_ = true;
};

struct EnvelopeParams {
    double sustain = 1.0;            // seconds the event lasts in total
    std::optional<double> attack;    // seconds; unset = SuperDirt's dirt_envelope not used
    double hold = 0.0;               // seconds at full level after the attack
    std::optional<double> release;   // seconds; unset = no decay (infinite)
    double fadeTime = 0.001;         // SuperDirt's orbit fadeTime
    bool fadeIn = false;             // SuperDirt fades in only when `begin` != 0
};

// SuperDirt's dirt_gate times dirt_envelope for one voice.
class Envelope {
public:
    // Events shorter than this are dropped by SuperDirt (DirtOrbit's minSustain, 8 samples).
    static constexpr double kMinSustainFrames = 8.0;

    void init(double sampleRate);
    void reset();
    // A sustain shorter than 8 samples (or not finite) gives an envelope that is already
    // finished: SuperDirt drops such events.
    void start(const EnvelopeParams& params);

    // Multiplies `frames` samples of `buffer` by the envelope, in place. Past the end the
    // buffer is zeroed.
    void apply(float* buffer, int frames);
    // Writes the gain curve itself (for stereo voices: render once, multiply both channels).
    void render(float* gains, int frames);

    bool finished() const { return frame_ >= totalFrames_; }
    std::int64_t totalFrames() const { return totalFrames_; }
    std::int64_t remainingFrames() const { return totalFrames_ > frame_ ? totalFrames_ - frame_ : 0; }

private:
    float gateAt(std::int64_t frame) const;

    double sampleRate_ = 48000.0;
    std::int64_t totalFrames_ = 0;
    std::int64_t fadeInFrames_ = 0;
    std::int64_t fadeOutFrames_ = 0;
    std::int64_t frame_ = 0;
    bool shaped_ = false;
    CurvedEnvelope shape_;
};

}  // namespace seiche::audio::dsp
