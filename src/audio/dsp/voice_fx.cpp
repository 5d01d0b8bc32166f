#include "audio/dsp/voice_fx.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "audio/dsp/dsp_math.hpp"
#include "audio/dsp/kernel.hpp"

namespace seiche::audio::dsp {

void Shaper::setAmount(double shape) {
    // SuperDirt: shape = min(shape, 1 - 4e-10); k = 2 shape / (1 - shape). Negative amounts
    // would divide by (1 - |k| |x|) and blow up, so they count as 0.
    const double s = clampFinite(shape, 0.0, 1.0 - 4e-10, 0.0);
    k_ = 2.0 * s / (1.0 - s);
}

SEICHE_DSP_KERNEL void Shaper::process(float* buffer, int frames) const {
    if (k_ <= 0.0) return;
    const double k = k_;
    for (int i = 0; i < frames; ++i) {
        // In double: k reaches 5e9 and k * |x| would overflow float for loud inputs.
        const double x = buffer[i];
        buffer[i] = static_cast<float>((1.0 + k) * x / (1.0 + k * std::fabs(x)));
    }
}

void BitCrusher::setBits(double crush) {
    if (!std::isfinite(crush)) {
        step_ = 0.0;
        return;
    }
    step_ = std::pow(0.5, std::clamp(crush, 1.0, 32.0) - 1.0);
}

SEICHE_DSP_KERNEL void BitCrusher::process(float* buffer, int frames) const {
    if (step_ <= 0.0) return;
    const double step = step_;
    const double inverse = 1.0 / step;
    // From 2^52 on every double is an integer; below it, adding and taking away 2^52 rounds
    // a magnitude to the nearest integer.
    constexpr double kIntegral = 4503599627370496.0;
    for (int i = 0; i < frames; ++i) {
        // SuperCollider's round(x, q) = floor(x / q + 0.5) * q. The floor is exact for every
        // y without libm or branches, so the loop vectorises: round to nearest (the 2^52
        // trick, a no-op for magnitudes from 2^52 on, infinities and NaN; copysign keeps the
        // sign), then one step down where that went up. Only selections of constants depend
        // on comparisons: with trapping maths a conditionally computed value would keep the
        // branch. y is never -0 (x / q + 0.5 cannot be), so adding 0 changes nothing.
        const double y = static_cast<double>(buffer[i]) * inverse + 0.5;
        const double magnitude = std::fabs(y);
        const double shift = magnitude < kIntegral ? kIntegral : 0.0;
        const double nearest = std::copysign((magnitude + shift) - shift, y);
        const double rounded = nearest + (nearest > y ? -1.0 : 0.0);
        buffer[i] = static_cast<float>(rounded * step);
    }
}

void Decimator::reset() {
    counter_ = 1e9;
    held_ = 0.0f;
}

void Decimator::setFactor(double coarse) {
    period_ = clampFinite(coarse, 1.0, 4096.0, 1.0);
}

SEICHE_DSP_KERNEL void Decimator::process(float* buffer, int frames) {
    if (period_ <= 1.0) return;  // SuperDirt skips coarse <= 1
    for (int i = 0; i < frames; ++i) {
        // Counting samples (not accumulating 1/period) keeps integer factors exact.
        if (counter_ + 1e-9 >= period_) {
            counter_ = std::fmod(counter_, period_);
            if (counter_ > period_ - 1e-9) counter_ = 0.0;
            held_ = buffer[i];
        }
        counter_ += 1.0;
        buffer[i] = held_;
    }
}

void Squiz::init(double sampleRate, int /*maxBlockSize*/) {
    const double rate = clampFinite(sampleRate, 1000.0, 1e6, 48000.0);
    memory_.assign(static_cast<std::size_t>(std::max(1.0, std::floor(rate * kMemorySeconds))), 0.0f);
    reset();
}

void Squiz::reset() {
    std::fill(memory_.begin(), memory_.end(), 0.0f);
    writePosition_ = 0;
    readPosition_ = 0.0;
    previous_ = 0.0f;
}

void Squiz::setRatio(double squiz) {
    ratio_ = clampFinite(squiz, 1.0, 100.0, 1.0);
}

SEICHE_DSP_KERNEL void Squiz::process(float* buffer, int frames) {
    if (memory_.empty() || ratio_ <= 1.0) return;
    const auto length = static_cast<std::int64_t>(memory_.size());
    const double end = static_cast<double>(length);
    for (int i = 0; i < frames; ++i) {
        // The play head runs through the memory `ratio` times faster than the input is
        // written, without interpolation (part of the effect's grit). Beyond what the current
        // fragment has written it plays what earlier fragments left there, which for a
        // periodic input is the same waveform: the pitch rises by `ratio`. Once it reaches
        // the end of the memory it is silent until the next fragment starts.
        float y = 0.0f;
        if (readPosition_ < end) {
            y = memory_[static_cast<std::size_t>(readPosition_)];
            readPosition_ += ratio_;
        }
        const float x = finiteSample(buffer[i]);
        ++writePosition_;
        // A new fragment starts at each upward zero crossing, or when the memory is full.
        if (writePosition_ >= length || (previous_ < 0.0f && x >= 0.0f)) {
            writePosition_ = 0;
            readPosition_ = 0.0;
        }
        memory_[static_cast<std::size_t>(writePosition_)] = x;
        previous_ = x;
        buffer[i] = y;
    }
}

}  // namespace seiche::audio::dsp
