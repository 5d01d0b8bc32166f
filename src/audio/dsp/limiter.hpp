#pragma once
// The master limiter: a stereo-linked look-ahead peak limiter, so a loud pattern is turned
// down instead of clipping into garbage (SuperDirt runs SuperCollider's Limiter on every
// orbit for the same reason).
//
// Guarantee: for any input, |output| <= ceiling. Non-finite input samples are replaced by 0
// (SuperDirt's monitor likewise silences bad values).
//
// How: for each sample the gain that would bring its peak to the ceiling is computed; a
// running minimum over the look-ahead window gives, at each moment, the lowest gain needed
// within the next `lookahead`; an instant-attack, exponential-release follower and a moving
// average of the window's length smooth it. The audio is delayed by the window length minus
// one so that the average, which only contains gains no higher than any needed at that
// sample, is applied exactly when the peak passes: the attack is a smooth ramp over the
// look-ahead, never a clip. A final clamp only guards against float rounding.
#include <cstdint>
#include <vector>

namespace seiche::audio::dsp {

class Limiter {
public:
    static constexpr double kDefaultCeilingDb = -0.3;
    static constexpr double kDefaultLookaheadSeconds = 0.005;
    static constexpr double kDefaultReleaseSeconds = 0.1;

    // Allocates the look-ahead buffers (lookahead clamped to [0.1 ms, 50 ms]).
    void init(double sampleRate, int maxBlockSize, double lookaheadSeconds = kDefaultLookaheadSeconds);
    void reset();

    void setCeilingDb(double db);          // clamped to [-60, 0]; NaN: default
    void setReleaseSeconds(double seconds);  // clamped to [1 ms, 10 s]; NaN: default

    // In place, stereo-linked.
    void process(float* left, float* right, int frames);

    // Frames by which the output lags the input.
    int latencyFrames() const { return window_ - 1; }
    float ceiling() const { return ceiling_; }
    // The gain applied to the most recent output sample (1 = no reduction).
    float currentGain() const { return lastGain_; }

private:
    void processChunk(float* left, float* right, int frames);

    int window_ = 1;
    float ceiling_ = 0.966f;
    double releaseCoefficient_ = 0.0;
    double sampleRate_ = 48000.0;

    // Audio delay lines (window - 1 frames, stored in rings of `window` slots).
    std::vector<float> delayLeft_;
    std::vector<float> delayRight_;
    int delayIndex_ = 0;

    // Monotonic queue for the running minimum of required gains: indices and values.
    std::vector<std::int64_t> queueIndex_;
    std::vector<float> queueValue_;
    int queueHead_ = 0;
    int queueSize_ = 0;
    std::int64_t frame_ = 0;

    // Moving average of the followed gain over the window.
    std::vector<float> averageRing_;
    int averageIndex_ = 0;
    double averageSum_ = 0.0;
    double follower_ = 1.0;
    float lastGain_ = 1.0f;

    // Per chunk: the required gains, then the gains applied (maxBlockSize frames).
    std::vector<float> gains_;
};

}  // namespace seiche::audio::dsp
