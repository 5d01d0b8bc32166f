#include "audio/dsp/limiter.hpp"

#include <algorithm>
#include <cmath>

#include "audio/dsp/dsp_math.hpp"
#include "audio/dsp/kernel.hpp"

namespace seiche::audio::dsp {

void Limiter::init(double sampleRate, int maxBlockSize, double lookaheadSeconds) {
    sampleRate_ = clampFinite(sampleRate, 1000.0, 1e6, 48000.0);
    const double lookahead = clampFinite(lookaheadSeconds, 0.0001, 0.05, kDefaultLookaheadSeconds);
    window_ = std::max(1, static_cast<int>(std::lround(lookahead * sampleRate_)));
    const auto size = static_cast<std::size_t>(window_);
    delayLeft_.assign(size, 0.0f);
    delayRight_.assign(size, 0.0f);
    queueIndex_.assign(size + 1, 0);
    queueValue_.assign(size + 1, 1.0f);
    averageRing_.assign(size, 1.0f);
    gains_.assign(static_cast<std::size_t>(std::clamp(maxBlockSize, 16, 1 << 16)), 1.0f);
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

SEICHE_DSP_KERNEL void Limiter::process(float* left, float* right, int frames) {
    if (delayLeft_.empty()) {  // not initialised: still honour the ceiling, by clamping
        for (int n = 0; n < frames; ++n) {
            left[n] = std::clamp(finiteSample(left[n]), -ceiling_, ceiling_);
            right[n] = std::clamp(finiteSample(right[n]), -ceiling_, ceiling_);
        }
        return;
    }
    const int chunk = static_cast<int>(gains_.size());
    for (int offset = 0; offset < frames; offset += chunk) {
        processChunk(left + offset, right + offset, std::min(chunk, frames - offset));
    }
}

void Limiter::processChunk(float* left, float* right, int frames) {
    // Three passes over the chunk, each with the per-sample arithmetic of the one loop
    // they replace: the required gains (in blocks the compiler vectorises), the running
    // minimum, follower and average (a recursion, sample by sample), then the delay and the
    // gain (in runs up to the ring's end).
    float* gains = gains_.data();
    const float ceiling = ceiling_;
    for (int n = 0; n < frames; ++n) {
        const float xl = finiteSample(left[n]);
        const float xr = finiteSample(right[n]);
        left[n] = xl;
        right[n] = xr;
        const float peak = std::max(std::fabs(xl), std::fabs(xr));
        // ceiling / peak where the peak is above the ceiling, else ceiling / ceiling = 1.
        gains[n] = ceiling / std::max(peak, ceiling);
    }

    const int capacity = static_cast<int>(queueIndex_.size());
    const int window = window_;
    const double inverseWindow = 1.0 / window;
    const double release = releaseCoefficient_;
    std::int64_t* queueIndex = queueIndex_.data();
    float* queueValue = queueValue_.data();
    float* ring = averageRing_.data();
    int head = queueHead_, queued = queueSize_, averageIndex = averageIndex_;
    std::int64_t frame = frame_;
    double follower = follower_, sum = averageSum_;
    for (int n = 0; n < frames; ++n) {
        const float required = gains[n];
        // Running minimum over the last `window` required gains (monotonic queue: values
        // increase from head to tail, so the head is the minimum).
        while (queued > 0) {
            int tail = head + queued - 1;
            if (tail >= capacity) tail -= capacity;
            if (queueValue[tail] < required) break;
            --queued;
        }
        int slot = head + queued;
        if (slot >= capacity) slot -= capacity;
        queueIndex[slot] = frame;
        queueValue[slot] = required;
        ++queued;
        while (queueIndex[head] <= frame - window) {
            if (++head >= capacity) head = 0;
            --queued;
        }
        const double minimum = queueValue[head];

        // Instant attack, exponential release towards 1, never above the window's minimum.
        follower = std::min(minimum, 1.0 - (1.0 - follower) * release);

        // Moving average over the window.
        const auto followed = static_cast<float>(follower);
        sum += static_cast<double>(followed) - ring[averageIndex];
        ring[averageIndex] = followed;
        if (++averageIndex >= window) {
            averageIndex = 0;
            // Re-add from scratch once per window so rounding cannot accumulate for hours.
            double fresh = 0.0;
            for (int i = 0; i < window; ++i) fresh += ring[i];
            sum = fresh;
        }
        gains[n] = static_cast<float>(std::min(1.0, sum * inverseWindow));
        ++frame;
    }
    queueHead_ = head;
    queueSize_ = queued;
    averageIndex_ = averageIndex;
    frame_ = frame;
    follower_ = follower;
    averageSum_ = sum;
    if (frames > 0) lastGain_ = gains[frames - 1];

    // Delay the audio by window - 1 frames, then apply the gain.
    const int length = window - 1;
    int n = 0;
    while (n < frames) {
        if (length < 1) {
            for (; n < frames; ++n) {
                left[n] = std::clamp(left[n] * gains[n], -ceiling, ceiling);
                right[n] = std::clamp(right[n] * gains[n], -ceiling, ceiling);
            }
            break;
        }
        const int d = delayIndex_;
        const int run = std::min(frames - n, length - d);
        float* lineLeft = delayLeft_.data() + d;
        float* lineRight = delayRight_.data() + d;
        float* outLeft = left + n;
        float* outRight = right + n;
        const float* gain = gains + n;
        for (int j = 0; j < run; ++j) {
            const float delayedLeft = lineLeft[j];
            lineLeft[j] = outLeft[j];
            outLeft[j] = std::clamp(delayedLeft * gain[j], -ceiling, ceiling);
        }
        for (int j = 0; j < run; ++j) {
            const float delayedRight = lineRight[j];
            lineRight[j] = outRight[j];
            outRight[j] = std::clamp(delayedRight * gain[j], -ceiling, ceiling);
        }
        delayIndex_ = d + run >= length ? 0 : d + run;
        n += run;
    }
}

}  // namespace seiche::audio::dsp
