#include "audio/dsp/reverb.hpp"

#include <algorithm>
#include <cmath>

#include "audio/dsp/dsp_math.hpp"
#include "audio/dsp/kernel.hpp"
#include "audio/dsp/simd.hpp"

namespace seiche::audio::dsp {

namespace {

// Mutually prime-ish lengths (ms) so the lines' echoes do not pile up on common multiples.
constexpr double kLineMs[Reverb::kLines] = {31.3, 37.9, 41.9, 47.3, 53.9, 61.1, 67.7, 79.3};
constexpr double kDiffuseLeftMs[Reverb::kDiffusers] = {5.3, 7.9, 11.3, 16.1};
constexpr double kDiffuseRightMs[Reverb::kDiffusers] = {6.1, 8.7, 12.7, 17.9};
constexpr float kAllpassGain = 0.6f;
// The network's sum of eight lines is scaled back towards the input's level.
constexpr float kLateGain = 0.35f;
constexpr float kEarlyGain = 0.35f;

int msToFrames(double ms, double sampleRate) {
    return std::max(1, static_cast<int>(std::lround(ms * 0.001 * sampleRate)));
}

using simd::Float4;
using simd::flushDenormals;
using simd::load4;
using simd::splat;
using simd::store4;

// What the lines give reaches the output, with alternating signs so left and right hear
// different mixtures of the lines, beside the early reflections. The output is the caller's
// buffer, never one of ours: with that said the loop runs four frames at a time, each frame
// still summed line by line.
void addLateAndEarly(const float* const* lines, const float* __restrict earlyLeft,
                     const float* __restrict earlyRight, const float* __restrict wet,
                     float* __restrict outLeft, float* __restrict outRight, int frames) {
    const float* __restrict o0 = lines[0];
    const float* __restrict o1 = lines[1];
    const float* __restrict o2 = lines[2];
    const float* __restrict o3 = lines[3];
    const float* __restrict o4 = lines[4];
    const float* __restrict o5 = lines[5];
    const float* __restrict o6 = lines[6];
    const float* __restrict o7 = lines[7];
    for (int n = 0; n < frames; ++n) {
        const float lateLeft = 0.0f + o0[n] - o1[n] + o2[n] - o3[n] + o4[n] - o5[n] + o6[n] - o7[n];
        const float lateRight = 0.0f + o0[n] + o1[n] - o2[n] - o3[n] + o4[n] + o5[n] - o6[n] - o7[n];
        outLeft[n] += wet[n] * (kEarlyGain * earlyLeft[n] + kLateGain * lateLeft);
        outRight[n] += wet[n] * (kEarlyGain * earlyRight[n] + kLateGain * lateRight);
    }
}

// In-place fast Walsh-Hadamard transform of the eight values (lo, hi), scaled to stay
// orthonormal (lossless). a + (-1 * b) is exactly a - b, so the sign vectors keep each
// butterfly's arithmetic.
void hadamard8(Float4& lo, Float4& hi) {
    auto pairs = [](Float4 x) {  // (0,1) (2,3)
        return __builtin_shufflevector(x, x, 0, 0, 2, 2) + __builtin_shufflevector(x, x, 1, 1, 3, 3) * Float4{1, -1, 1, -1};
    };
    auto halves = [](Float4 x) {  // (0,2) (1,3)
        return __builtin_shufflevector(x, x, 0, 1, 0, 1) + __builtin_shufflevector(x, x, 2, 3, 2, 3) * Float4{1, 1, -1, -1};
    };
    lo = halves(pairs(lo));
    hi = halves(pairs(hi));
    const Float4 sum = lo + hi;  // (0,4) (1,5) (2,6) (3,7)
    hi = lo - hi;
    constexpr float kScale = 0.35355339059327373f;  // 1 / sqrt(8)
    lo = sum * kScale;
    hi = hi * kScale;
}

}  // namespace

void Reverb::Allpass::process(float* signal, int frames) {
    // Schroeder all-pass: flat magnitude, smeared phase. With frames <= length the whole
    // chunk's delayed samples are already in the line, so this is a plain loop over the chunk.
    float* line_ = line.buffer.data();
    int at = line.index;
    int done = 0;
    while (done < frames) {
        const int run = std::min(frames - done, line.length - at);
        float* x = signal + done;
        float* delayedRun = line_ + at;
        for (int n = 0; n < run; ++n) {
            const float delayed = delayedRun[n];
            const float w = flushDenormal(x[n] + kAllpassGain * delayed);
            delayedRun[n] = w;
            x[n] = delayed - kAllpassGain * w;
        }
        done += run;
        at += run;
        if (at >= line.length) at = 0;
    }
    line.index = at;
}

double Reverb::decaySecondsForSize(double size) {
    return 0.5 * std::pow(40.0, clampFinite(size, 0.0, 1.0, kDefaultSize));
}

void Reverb::init(double sampleRate, int /*maxBlockSize*/) {
    sampleRate_ = clampFinite(sampleRate, 1000.0, 1e6, 48000.0);
    auto prepare = [this](DelayLine& line, double ms) {
        line.length = msToFrames(ms, sampleRate_);
        line.buffer.assign(static_cast<std::size_t>(line.length), 0.0f);
        line.index = 0;
    };
    for (int i = 0; i < kDiffusers; ++i) {
        prepare(diffuseLeft_[static_cast<std::size_t>(i)].line, kDiffuseLeftMs[i]);
        prepare(diffuseRight_[static_cast<std::size_t>(i)].line, kDiffuseRightMs[i]);
    }
    for (int i = 0; i < kLines; ++i) prepare(lines_[static_cast<std::size_t>(i)], kLineMs[i]);
    chunkLimit_ = kMaxChunk;
    for (const auto* chain : {&diffuseLeft_, &diffuseRight_})
        for (const Allpass& a : *chain) chunkLimit_ = std::min(chunkLimit_, a.line.length);
    for (const DelayLine& line : lines_) chunkLimit_ = std::min(chunkLimit_, line.length);
    // One-pole damping in the loop, a corner near 10 kHz at 48 kHz.
    dampingCoefficient_ = static_cast<float>(std::exp(-kTwoPi * 10000.0 / sampleRate_));
    const double smoothing = std::exp(-1.0 / (0.015 * sampleRate_));
    double power = 1.0;
    for (double& d : glideDecay_) d = power *= smoothing;
    t60Target_ = t60_ = decaySecondsForSize(kDefaultSize);
    updateLineGains();
    reset();
}

void Reverb::reset() {
    auto clear = [](DelayLine& line) {
        std::fill(line.buffer.begin(), line.buffer.end(), 0.0f);
        line.index = 0;
    };
    for (auto& a : diffuseLeft_) clear(a.line);
    for (auto& a : diffuseRight_) clear(a.line);
    for (auto& line : lines_) clear(line);
    damping_.fill(0.0f);
    room_ = roomTarget_;
    wet_ = wetTarget_;
    t60_ = t60Target_;
    updateLineGains();
}

void Reverb::setRoom(double room) {
    roomTarget_ = clampFinite(room, 0.0, 4.0, 0.0);
}

void Reverb::setSize(double size) {
    t60Target_ = decaySecondsForSize(size);
}

void Reverb::setDry(double dry) {
    wetTarget_ = 1.0 - clampFinite(dry, 0.0, 1.0, 0.0);
}

void Reverb::updateLineGains() {
    // Each pass through line i must lose 60 dB * length / T60.
    for (int i = 0; i < kLines; ++i) {
        const double seconds = lines_[static_cast<std::size_t>(i)].length / sampleRate_;
        lineGain_[static_cast<std::size_t>(i)] = static_cast<float>(std::pow(10.0, -3.0 * seconds / t60_));
    }
}

SEICHE_DSP_KERNEL void Reverb::process(const float* inLeft, const float* inRight, float* outLeft, float* outRight,
                                       int frames) {
    if (lines_[0].buffer.empty()) return;
    // The decay time glides block by block (a third of the way each block) so that changing
    // `size` mid-tail does not click.
    if (t60_ != t60Target_) {
        t60_ += (t60Target_ - t60_) * 0.3;
        if (std::fabs(t60_ - t60Target_) < 1e-4 * t60Target_) t60_ = t60Target_;
        updateLineGains();
    }
    for (int done = 0; done < frames;) {
        const int chunk = std::min(frames - done, chunkLimit_);
        processChunk(inLeft + done, inRight + done, outLeft + done, outRight + done, chunk);
        done += chunk;
    }
}

void Reverb::feedBack(float* const* lines, const float* earlyLeft, const float* earlyRight, int frames) {
    // Frame by frame, the eight lines side by side: lines 0-3 in `lo`, 4-7 in `hi`.
    const Float4 damp = splat(dampingCoefficient_);
    const Float4 gainLo = load4(&lineGain_[0]), gainHi = load4(&lineGain_[4]);
    Float4 dampedLo = load4(&damping_[0]), dampedHi = load4(&damping_[4]);
    for (int n = 0; n < frames; ++n) {
        const Float4 outLo = {lines[0][n], lines[1][n], lines[2][n], lines[3][n]};
        const Float4 outHi = {lines[4][n], lines[5][n], lines[6][n], lines[7][n]};
        dampedLo = flushDenormals(outLo + damp * (dampedLo - outLo));
        dampedHi = flushDenormals(outHi + damp * (dampedHi - outHi));
        Float4 lo = dampedLo * gainLo, hi = dampedHi * gainHi;
        hadamard8(lo, hi);
        const Float4 feed = Float4{earlyLeft[n], earlyRight[n], earlyLeft[n], earlyRight[n]} * 0.5f;
        lo = flushDenormals(lo + feed);
        hi = flushDenormals(hi - feed);
        for (int i = 0; i < 4; ++i) {
            lines[i][n] = lo[i];
            lines[i + 4][n] = hi[i];
        }
    }
    store4(&damping_[0], dampedLo);
    store4(&damping_[4], dampedHi);
}

void Reverb::processChunk(const float* inLeft, const float* inRight, float* outLeft, float* outRight,
                          int frames) {
    float* earlyLeft = early_[0].data();
    float* earlyRight = early_[1].data();
    if (room_ == roomTarget_ && wet_ == wetTarget_) {
        // Settled glides stay put: the same values without the glide's arithmetic.
        const auto room = static_cast<float>(room_);
        for (int n = 0; n < frames; ++n) {
            const float input = (finiteSample(inLeft[n]) + finiteSample(inRight[n])) * room;
            earlyLeft[n] = input;
            earlyRight[n] = input;
        }
        std::fill(wetChunk_.begin(), wetChunk_.begin() + frames, static_cast<float>(wet_));
    } else {
        // The glides in closed form from the chunk's start, target + offset * smoothing^(n+1):
        // no recurrence from sample to sample, so the loop vectorises. (A pattern that
        // alternates `room` between events keeps them gliding all the time.)
        const double roomFrom = room_ - roomTarget_, wetFrom = wet_ - wetTarget_;
        const double* decay = glideDecay_.data();
        for (int n = 0; n < frames; ++n) {
            const double room = roomTarget_ + roomFrom * decay[n];
            const float input = (finiteSample(inLeft[n]) + finiteSample(inRight[n])) * static_cast<float>(room);
            earlyLeft[n] = input;
            earlyRight[n] = input;
            wetChunk_[static_cast<std::size_t>(n)] = static_cast<float>(wetTarget_ + wetFrom * decay[n]);
        }
        // What is left of a glide after a few hundred milliseconds (1e-12) is below every
        // float it could change: the glide has arrived.
        auto arrive = [](double target, double left) { return std::fabs(left) < 1e-12 ? target : target + left; };
        room_ = arrive(roomTarget_, roomFrom * decay[frames - 1]);
        wet_ = arrive(wetTarget_, wetFrom * decay[frames - 1]);
    }
    for (int i = 0; i < kDiffusers; ++i) {
        diffuseLeft_[static_cast<std::size_t>(i)].process(earlyLeft, frames);
        diffuseRight_[static_cast<std::size_t>(i)].process(earlyRight, frames);
    }
    // The lines are used where they lie: a run ends where any line wraps around. Each frame
    // of a run reads what a line gives before writing what it is given into the same slot.
    for (int done = 0; done < frames;) {
        int run = frames - done;
        for (const DelayLine& line : lines_) run = std::min(run, line.length - line.index);
        float* o[kLines];
        for (int i = 0; i < kLines; ++i) {
            DelayLine& line = lines_[static_cast<std::size_t>(i)];
            o[i] = line.buffer.data() + line.index;
            line.index += run;
            if (line.index == line.length) line.index = 0;
        }
        addLateAndEarly(o, earlyLeft + done, earlyRight + done, wetChunk_.data() + done, outLeft + done,
                        outRight + done, run);
        feedBack(o, earlyLeft + done, earlyRight + done, run);
        done += run;
    }
}

}  // namespace seiche::audio::dsp
