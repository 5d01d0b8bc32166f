#include "audio/dsp/reverb.hpp"

#include <algorithm>
#include <cmath>

#include "audio/dsp/dsp_math.hpp"

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

// In-place fast Walsh-Hadamard transform of 8 values, scaled to stay orthonormal (lossless).
// Written out stage by stage: the compiler does not unroll the generic loop, and this runs
// for every sample of every reverb.
void hadamard8(float* v) {
    auto butterfly = [v](int a, int b) {
        const float x = v[a], y = v[b];
        v[a] = x + y;
        v[b] = x - y;
    };
    butterfly(0, 1); butterfly(2, 3); butterfly(4, 5); butterfly(6, 7);
    butterfly(0, 2); butterfly(1, 3); butterfly(4, 6); butterfly(5, 7);
    butterfly(0, 4); butterfly(1, 5); butterfly(2, 6); butterfly(3, 7);
    constexpr float kScale = 0.35355339059327373f;  // 1 / sqrt(8)
    for (int i = 0; i < 8; ++i) v[i] *= kScale;
}

}  // namespace

float Reverb::Allpass::tick(float x) {
    // Schroeder all-pass: flat magnitude, smeared phase.
    const float delayed = line.read();
    const float w = flushDenormal(x + kAllpassGain * delayed);
    line.write(w);
    return delayed - kAllpassGain * w;
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
    // One-pole damping in the loop, a corner near 10 kHz at 48 kHz.
    dampingCoefficient_ = static_cast<float>(std::exp(-kTwoPi * 10000.0 / sampleRate_));
    smoothing_ = std::exp(-1.0 / (0.015 * sampleRate_));
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

void Reverb::process(const float* inLeft, const float* inRight, float* outLeft, float* outRight,
                     int frames) {
    if (lines_[0].buffer.empty()) return;
    // The decay time glides block by block (a third of the way each block) so that changing
    // `size` mid-tail does not click.
    if (t60_ != t60Target_) {
        t60_ += (t60Target_ - t60_) * 0.3;
        if (std::fabs(t60_ - t60Target_) < 1e-4 * t60Target_) t60_ = t60Target_;
        updateLineGains();
    }
    const float damp = dampingCoefficient_;
    float v[kLines];
    for (int n = 0; n < frames; ++n) {
        room_ = roomTarget_ + smoothing_ * (room_ - roomTarget_);
        wet_ = wetTarget_ + smoothing_ * (wet_ - wetTarget_);
        const float input = (finiteSample(inLeft[n]) + finiteSample(inRight[n])) * static_cast<float>(room_);

        float early[2] = {input, input};
        for (int i = 0; i < kDiffusers; ++i) {
            early[0] = diffuseLeft_[static_cast<std::size_t>(i)].tick(early[0]);
            early[1] = diffuseRight_[static_cast<std::size_t>(i)].tick(early[1]);
        }

        float lateLeft = 0.0f, lateRight = 0.0f;
        for (int i = 0; i < kLines; ++i) {
            const auto k = static_cast<std::size_t>(i);
            const float out = lines_[k].read();
            // Alternate signs so left and right hear different mixtures of the lines.
            lateLeft += (i & 1) ? -out : out;
            lateRight += (i & 2) ? -out : out;
            damping_[k] = flushDenormal(out + damp * (damping_[k] - out));
            v[i] = damping_[k] * lineGain_[k];
        }
        hadamard8(v);
        for (int i = 0; i < kLines; ++i) {
            const float feed = (i & 1) ? early[1] : early[0];
            lines_[static_cast<std::size_t>(i)].write(flushDenormal(v[i] + 0.5f * ((i & 4) ? -feed : feed)));
        }

        const auto wet = static_cast<float>(wet_);
        outLeft[n] += wet * (kEarlyGain * early[0] + kLateGain * lateLeft);
        outRight[n] += wet * (kEarlyGain * early[1] + kLateGain * lateRight);
    }
}

}  // namespace seiche::audio::dsp
