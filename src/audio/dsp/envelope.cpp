#include "audio/dsp/envelope.hpp"

#include <algorithm>
#include <cmath>

#include "audio/dsp/dsp_math.hpp"
#include "audio/dsp/kernel.hpp"

namespace seiche::audio::dsp {

namespace {

// An hour is longer than any event; clamping keeps frame counts far from overflow.
constexpr double kMaxSeconds = 3600.0;

std::int64_t secondsToFrames(double seconds, double sampleRate) {
    if (!std::isfinite(seconds)) return -1;
    seconds = std::clamp(seconds, 0.0, kMaxSeconds);
    return static_cast<std::int64_t>(std::llround(seconds * sampleRate));
}

}  // namespace

void CurvedEnvelope::start(const double* levels, const double* durations, int segmentCount,
                           double curve, double sampleRate) {
    segmentCount_ = std::clamp(segmentCount, 0, kMaxSegments);
    for (int i = 0; i <= segmentCount_; ++i) levels_[i] = finiteOr(levels[i], 0.0);
    for (int i = 0; i < segmentCount_; ++i) frames_[i] = secondsToFrames(durations[i], sampleRate);
    curve_ = clampFinite(curve, -50.0, 50.0, 0.0);
    enterSegment(0);
}

void CurvedEnvelope::reset() {
    segmentCount_ = 0;
    segment_ = 0;
    level_ = 0.0;
}

void CurvedEnvelope::enterSegment(int index) {
    // Zero-length segments jump straight to their end level.
    while (index < segmentCount_ && frames_[index] == 0) ++index;
    segment_ = index;
    position_ = 0;
    if (index >= segmentCount_) {
        level_ = levels_[segmentCount_];
        return;
    }
    start_ = levels_[index];
    level_ = start_;
    const double end = levels_[index + 1];
    const std::int64_t n = frames_[index];
    if (n < 0) {  // endless: hold the start level
        straight_ = true;
        step_ = 0.0;
        return;
    }
    const double count = static_cast<double>(n);
    if (std::fabs(curve_) < 1e-4) {
        straight_ = true;
        step_ = (end - start_) / count;
    } else {
        straight_ = false;
        scale_ = (end - start_) / (1.0 - std::exp(curve_));
        growth_ = 1.0;
        ratio_ = std::exp(curve_ / count);
    }
}

float CurvedEnvelope::next() {
    if (segment_ >= segmentCount_) return static_cast<float>(level_);
    const double out = level_;
    ++position_;
    if (frames_[segment_] >= 0 && position_ >= frames_[segment_]) {
        enterSegment(segment_ + 1);
    } else if (straight_) {
        level_ += step_;
    } else {
        growth_ *= ratio_;
        level_ = start_ + scale_ * (1.0 - growth_);
    }
    return static_cast<float>(out);
}

void CurvedEnvelope::render(float* out, int frames) {
    int i = 0;
    while (i < frames) {
        if (segment_ >= segmentCount_) {
            std::fill(out + i, out + frames, static_cast<float>(level_));
            return;
        }
        // Samples before the one that enters the next segment: next()'s plain update.
        const std::int64_t length = frames_[segment_];
        const int run = static_cast<int>(
            length < 0 ? frames - i : std::clamp<std::int64_t>(length - 1 - position_, 0, frames - i));
        if (run == 0) {
            out[i++] = next();
            continue;
        }
        double level = level_;
        if (straight_) {
            const double step = step_;
            for (int k = 0; k < run; ++k) {
                out[i + k] = static_cast<float>(level);
                level += step;
            }
        } else {
            const double start = start_, scale = scale_, ratio = ratio_;
            double growth = growth_;
            for (int k = 0; k < run; ++k) {
                out[i + k] = static_cast<float>(level);
                growth *= ratio;
                level = start + scale * (1.0 - growth);
            }
            growth_ = growth;
        }
        level_ = level;
        position_ += run;
        i += run;
    }
}

void Envelope::init(double sampleRate) {
    sampleRate_ = clampFinite(sampleRate, 1000.0, 1e6, 48000.0);
    reset();
}

void Envelope::reset() {
    totalFrames_ = 0;
    frame_ = 0;
    shaped_ = false;
    shape_.reset();
}

void Envelope::start(const EnvelopeParams& params) {
    frame_ = 0;
    const double sustain = finiteOr(params.sustain, 0.0);
    if (sustain * sampleRate_ < kMinSustainFrames) {
        totalFrames_ = 0;
        shaped_ = false;
        return;
    }
    const double total = std::min(sustain, kMaxSeconds);
    // SuperDirt: fadeTime = min(fadeTime, sustain * 0.19098); fade-in only when begin != 0.
    const double fade = std::min(clampFinite(params.fadeTime, 0.0, kMaxSeconds, 0.001), total * 0.19098);
    totalFrames_ = static_cast<std::int64_t>(std::llround(total * sampleRate_));
    fadeOutFrames_ = static_cast<std::int64_t>(std::llround(fade * sampleRate_));
    fadeInFrames_ = params.fadeIn ? fadeOutFrames_ : 0;

    const bool hasAttack = params.attack && std::isfinite(*params.attack);
    const bool hasRelease = params.release && !std::isnan(*params.release);
    shaped_ = hasAttack || hasRelease;
    if (shaped_) {
        const double attack = hasAttack ? std::max(*params.attack, 0.0) : 0.0;
        const double hold = std::max(finiteOr(params.hold, 0.0), 0.0);
        // An infinite release is SuperDirt's default: the level stays at 1.
        const double release = hasRelease ? std::max(*params.release, 0.0) : INFINITY;
        const double levels[4] = {0.0, 1.0, 1.0, 0.0};
        const double durations[3] = {attack, hold, release};
        shape_.start(levels, durations, 3, -3.0, sampleRate_);
    }
}

float Envelope::gateAt(std::int64_t frame) const {
    // dirt_gate: Env([0, 1, 1, 0], [fadeIn, sustain, fadeOut], \sin).
    if (frame < fadeInFrames_) {
        const double pos = static_cast<double>(frame) / static_cast<double>(fadeInFrames_);
        return static_cast<float>(0.5 - 0.5 * std::cos(kPi * pos));
    }
    const std::int64_t fadeStart = totalFrames_ - fadeOutFrames_;
    if (frame >= fadeStart && fadeOutFrames_ > 0) {
        const double pos = static_cast<double>(frame - fadeStart) / static_cast<double>(fadeOutFrames_);
        return static_cast<float>(0.5 + 0.5 * std::cos(kPi * pos));
    }
    return 1.0f;
}

void Envelope::render(float* gains, int frames) {
    for (int i = 0; i < frames; ++i) {
        if (frame_ >= totalFrames_) {
            gains[i] = 0.0f;
            continue;
        }
        float g = gateAt(frame_);
        if (shaped_) g *= shape_.next();
        gains[i] = g;
        ++frame_;
    }
}

SEICHE_DSP_KERNEL void Envelope::apply(float* buffer, int frames) {
    int i = 0;
    // The gate's flat middle (level 1) under a steady shape needs no per-sample work:
    // most of a long note is spent there.
    auto flatRun = [&]() -> int {
        const std::int64_t flatEnd = totalFrames_ - fadeOutFrames_;
        if (frame_ < fadeInFrames_ || frame_ >= flatEnd) return 0;
        const std::optional<float> steady = shaped_ ? shape_.steadyLevel() : std::optional<float>(1.0f);
        if (!steady) return 0;
        const int n = static_cast<int>(std::min<std::int64_t>(frames - i, flatEnd - frame_));
        if (*steady != 1.0f)
            for (int k = 0; k < n; ++k) buffer[i + k] *= *steady;
        return n;
    };
    while (i < frames) {
        if (frame_ >= totalFrames_) {
            std::fill(buffer + i, buffer + frames, 0.0f);
            return;
        }
        if (const int n = flatRun(); n > 0) {
            i += n;
            frame_ += n;
            continue;
        }
        float g = gateAt(frame_);
        if (shaped_) g *= shape_.next();
        buffer[i] *= g;
        ++frame_;
        ++i;
    }
}

}  // namespace seiche::audio::dsp
