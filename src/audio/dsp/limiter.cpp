#include "audio/dsp/limiter.hpp"

#include <algorithm>
#include <cmath>

#include "audio/dsp/dsp_math.hpp"

namespace seiche::audio::dsp {

void Limiter::init(double sampleRate, int /*maxBlockSize*/, double lookaheadSeconds) {
    sampleRate_ = clampFinite(sampleRate, 1000.0, 1e6, 48000.0);
    const double lookahead = clampFinite(lookaheadSeconds, 0.0001, 0.05, kDefaultLookaheadSeconds);
    window_ = std::max(1, static_cast<int>(std::lround(lookahead * sampleRate_)));
    const auto size = static_cast<std::size_t>(window_);
    delayLeft_.assign(size, 0.0f);
    delayRight_.assign(size, 0.0f);
    queueIndex_.assign(size + 1, 0);
    queueValue_.assign(size + 1, 1.0f);
    averageRing_.assign(size, 1.0f);
    setCeilingDb(kDefaultCeilingDb);
    setReleaseSeconds(kDefaultReleaseSeconds);
    reset();
}

void Limiter::reset() {
    std::fill(delayLeft_.begin(), delayLeft_.end(), 0.0f);
    std::fill(delayRight_.begin(), delayRight_.end(), 0.0f);
    std::fill(averageRing_.begin(), averageRing_.end(), 1.0f);
    delayIndex_ = 0;
    queueHead_ = 0;
    queueSize_ = 0;
    frame_ = 0;
    averageIndex_ = 0;
    averageSum_ = static_cast<double>(window_);
    follower_ = 1.0;
    lastGain_ = 1.0f;
}

void Limiter::setCeilingDb(double db) {
    ceiling_ = static_cast<float>(dbToAmplitude(clampFinite(db, -60.0, 0.0, kDefaultCeilingDb)));
}

void Limiter::setReleaseSeconds(double seconds) {
    const double release = clampFinite(seconds, 0.001, 10.0, kDefaultReleaseSeconds);
    releaseCoefficient_ = std::exp(-1.0 / (release * sampleRate_));
}

void Limiter::process(float* left, float* right, int frames) {
    if (delayLeft_.empty()) {  // not initialised: still honour the ceiling, by clamping
        for (int n = 0; n < frames; ++n) {
            left[n] = std::clamp(finiteSample(left[n]), -ceiling_, ceiling_);
            right[n] = std::clamp(finiteSample(right[n]), -ceiling_, ceiling_);
        }
        return;
    }
    const int capacity = static_cast<int>(queueIndex_.size());
    const float ceiling = ceiling_;
    const double inverseWindow = 1.0 / window_;
    for (int n = 0; n < frames; ++n) {
        const float xl = finiteSample(left[n]);
        const float xr = finiteSample(right[n]);
        const float peak = std::max(std::fabs(xl), std::fabs(xr));
        const float required = peak > ceiling ? ceiling / peak : 1.0f;

        // Running minimum over the last `window` required gains (monotonic queue: values
        // increase from head to tail, so the head is the minimum).
        while (queueSize_ > 0) {
            const int tail = (queueHead_ + queueSize_ - 1) % capacity;
            if (queueValue_[static_cast<std::size_t>(tail)] < required) break;
            --queueSize_;
        }
        const int slot = (queueHead_ + queueSize_) % capacity;
        queueIndex_[static_cast<std::size_t>(slot)] = frame_;
        queueValue_[static_cast<std::size_t>(slot)] = required;
        ++queueSize_;
        while (queueIndex_[static_cast<std::size_t>(queueHead_)] <= frame_ - window_) {
            queueHead_ = (queueHead_ + 1) % capacity;
            --queueSize_;
        }
        const double minimum = queueValue_[static_cast<std::size_t>(queueHead_)];

        // Instant attack, exponential release towards 1, never above the window's minimum.
        follower_ = std::min(minimum, 1.0 - (1.0 - follower_) * releaseCoefficient_);

        // Moving average over the window.
        const auto followed = static_cast<float>(follower_);
        averageSum_ += static_cast<double>(followed) - averageRing_[static_cast<std::size_t>(averageIndex_)];
        averageRing_[static_cast<std::size_t>(averageIndex_)] = followed;
        if (++averageIndex_ >= window_) {
            averageIndex_ = 0;
            // Re-add from scratch once per window so rounding cannot accumulate for hours.
            double sum = 0.0;
            for (float g : averageRing_) sum += g;
            averageSum_ = sum;
        }
        const auto gain = static_cast<float>(std::min(1.0, averageSum_ * inverseWindow));

        // Delay the audio by window - 1 frames.
        float delayedLeft = xl, delayedRight = xr;
        if (window_ > 1) {
            const auto d = static_cast<std::size_t>(delayIndex_);
            delayedLeft = delayLeft_[d];
            delayedRight = delayRight_[d];
            delayLeft_[d] = xl;
            delayRight_[d] = xr;
            if (++delayIndex_ >= window_ - 1) delayIndex_ = 0;
        }
        left[n] = std::clamp(delayedLeft * gain, -ceiling, ceiling);
        right[n] = std::clamp(delayedRight * gain, -ceiling, ceiling);
        lastGain_ = gain;
        ++frame_;
    }
}

}  // namespace seiche::audio::dsp
