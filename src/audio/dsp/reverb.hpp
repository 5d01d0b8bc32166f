#pragma once
// The orbit's reverb, with SuperDirt's controls:
//
//   room  level fed into the reverb, 0..1 (SuperDirt multiplies the orbit's input by `room`)
//   size  length of the tail, 0..1. SuperDirt's `size` sets the feedback of its loop
//         (size.linexp(0,1, 0.01,0.98)), so the tail grows from a short ambience to nearly
//         endless; here it sets the decay time directly: T60 = 0.5 s * 40^size (0.5 s at 0,
//         0.72 s at SuperDirt's default 0.1, 3.2 s at 0.5, 20 s at 1), always stable.
//   dry   SuperDirt's dirt_reverb multiplies its own output by (1 - dry): `dry 1` silences the
//         reverb, `dry 0` (the default) keeps all of it. The dry sound itself always reaches
//         the orbit output; it is not part of this class.
//
// Design: a feedback delay network. The summed input (SuperDirt sums the channels too) goes
// through two chains of four Schroeder all-passes (left and right, different lengths) for
// early diffusion, which also reach the output directly as the first reflections, then into
// eight delay lines (31-79 ms) mixed by a Hadamard matrix, with a gain per line set from the
// decay time and a gentle one-pole damping that shortens the high-frequency tail. All memory
// is allocated in init.
//
// It runs in chunks no longer than its shortest delay, so every sample a chunk reads from a
// line was written before the chunk began: each all-pass then runs as a loop over the whole
// chunk, and the eight lines are read and written where they lie, without copies. Only the
// network's mixing stays frame by frame, with the eight lines side by side in two 4-float
// vectors. The arithmetic per sample is that of the frame-by-frame form, in the same order.
#include <array>
#include <vector>

namespace seiche::audio::dsp {

class Reverb {
public:
    static constexpr int kLines = 8;
    static constexpr int kDiffusers = 4;
    static constexpr double kDefaultSize = 0.1;  // SuperDirt's dirt_reverb default

    void init(double sampleRate, int maxBlockSize);
    void reset();

    void setRoom(double room);  // clamped [0, 4], NaN 0; glides over ~15 ms
    void setSize(double size);  // clamped [0, 1], NaN default
    void setDry(double dry);    // clamped [0, 1], NaN 0; glides over ~15 ms

    // Adds the reverb of (inLeft, inRight) into (outLeft, outRight). In and out may alias.
    void process(const float* inLeft, const float* inRight, float* outLeft, float* outRight, int frames);

    // Decay time (seconds to fall 60 dB) for a size.
    static double decaySecondsForSize(double size);
    double decaySeconds() const { return t60_; }

private:
    static constexpr int kMaxChunk = 256;

    struct DelayLine {
        std::vector<float> buffer;
        int index = 0;
        int length = 1;
    };
    struct Allpass {
        DelayLine line;
        void process(float* signal, int frames);  // frames <= line.length
    };

    void updateLineGains();
    void processChunk(const float* inLeft, const float* inRight, float* outLeft, float* outRight, int frames);
    // The network's mixing over a run of frames in which no line wraps: each line's slot
    // gives its delayed sample and then takes the line's new input.
    void feedBack(float* const* lines, const float* earlyLeft, const float* earlyRight, int frames);

    double sampleRate_ = 48000.0;
    std::array<Allpass, kDiffusers> diffuseLeft_{};
    std::array<Allpass, kDiffusers> diffuseRight_{};
    std::array<DelayLine, kLines> lines_{};
    std::array<float, kLines> lineGain_{};
    std::array<float, kLines> damping_{};
    float dampingCoefficient_ = 0.2f;
    int chunkLimit_ = kMaxChunk;  // the shortest delay, at most kMaxChunk

    // Per-chunk scratch, sized once.
    std::array<float, kMaxChunk> early_[2]{};
    std::array<float, kMaxChunk> wetChunk_{};

    double t60_ = 0.72;
    double t60Target_ = 0.72;
    double room_ = 0.0, roomTarget_ = 0.0;
    double wet_ = 1.0, wetTarget_ = 1.0;
    // The room and dry glides' decay n + 1 samples into a chunk: smoothing^(n+1), for a
    // time constant of 15 ms.
    std::array<double, kMaxChunk> glideDecay_{};
};

}  // namespace seiche::audio::dsp
