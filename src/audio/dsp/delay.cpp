#include "audio/dsp/delay.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>

#include "audio/dsp/dsp_math.hpp"
#include "audio/dsp/kernel.hpp"

namespace seiche::audio::dsp {

void StereoDelay::init(double sampleRate, int /*maxBlockSize*/, double maxDelaySeconds) {
    sampleRate_ = clampFinite(sampleRate, 1000.0, 1e6, 48000.0);
    const double maxSeconds = clampFinite(maxDelaySeconds, 0.01, 60.0, kDefaultMaxDelaySeconds);
    maxDelayFrames_ = maxSeconds * sampleRate_;
    // Room for the longest tap plus the interpolation neighbour.
    const auto size = static_cast<std::size_t>(std::ceil(maxDelayFrames_)) + 4;
    left_.assign(size, 0.0f);
    right_.assign(size, 0.0f);
    feedbackSmoothing_ = std::exp(-1.0 / (0.02 * sampleRate_));
    levelSmoothing_ = std::exp(-1.0 / (0.01 * sampleRate_));
    fadeStep_ = 1.0 / (kSwitchSeconds * sampleRate_);
    currentDelay_ = targetDelay_ = fadingTo_ = std::min(0.25 * sampleRate_, maxDelayFrames_);
    reset();
}

void StereoDelay::reset() {
    std::fill(left_.begin(), left_.end(), 0.0f);
    std::fill(right_.begin(), right_.end(), 0.0f);
    writeIndex_ = 0;
    currentDelay_ = fadingTo_ = targetDelay_;
    fade_ = -1.0;
    feedback_ = feedbackTarget_;
    level_ = levelTarget_;
}

void StereoDelay::setDelayTime(double seconds) {
    if (left_.empty()) return;  // not initialised: there is no line to bound the time by
    // NaN keeps the current time; everything is bounded by the line's length.
    const double frames = finiteOr(seconds, targetDelay_ / sampleRate_) * sampleRate_;
    targetDelay_ = std::clamp(frames, kMinDelaySeconds * sampleRate_, maxDelayFrames_);
}

void StereoDelay::setFeedback(double feedback) {
    feedbackTarget_ = clampFinite(feedback, 0.0, kMaxFeedback, 0.0);
}

void StereoDelay::setLevel(double delay) {
    levelTarget_ = clampFinite(delay, 0.0, 4.0, 0.0);
}

StereoDelay::Tap StereoDelay::tapAt(int writeIndex, double delayFrames, int size) {
    double position = static_cast<double>(writeIndex) - delayFrames;
    if (position < 0.0) position += size;
    Tap tap;
    tap.i0 = static_cast<int>(position);
    tap.frac = static_cast<float>(position - tap.i0);
    if (tap.i0 >= size) tap.i0 -= size;
    tap.i1 = tap.i0 + 1;
    if (tap.i1 >= size) tap.i1 -= size;
    return tap;
}

float StereoDelay::read(const std::vector<float>& line, double delayFrames) const {
    const Tap tap = tapAt(writeIndex_, delayFrames, static_cast<int>(line.size()));
    const float a = line[static_cast<std::size_t>(tap.i0)];
    const float b = line[static_cast<std::size_t>(tap.i1)];
    return a + (b - a) * tap.frac;
}

SEICHE_DSP_KERNEL void StereoDelay::process(const float* inLeft, const float* inRight, float* outLeft,
                                            float* outRight, int frames) {
    if (left_.empty()) return;
    const int size = static_cast<int>(left_.size());
    int i = 0;
    // Sample by sample while a cross-fade runs or is about to start. The asked-for time does
    // not change during a block, so once no fade runs and none is due, none starts before
    // the block ends: the rest goes to the steady loop.
    for (; i < frames && !(fade_ < 0.0 && !(std::fabs(targetDelay_ - currentDelay_) > 0.01)); ++i) {
        // Start a cross-fade when the asked-for time differs from the tap in use.
        if (fade_ < 0.0 && std::fabs(targetDelay_ - currentDelay_) > 0.01) {
            fadingTo_ = targetDelay_;
            fade_ = 0.0;
        }
        feedback_ = feedbackTarget_ + feedbackSmoothing_ * (feedback_ - feedbackTarget_);
        level_ = levelTarget_ + levelSmoothing_ * (level_ - levelTarget_);

        float echoLeft = read(left_, currentDelay_);
        float echoRight = read(right_, currentDelay_);
        if (fade_ >= 0.0) {
            const auto t = static_cast<float>(fade_);
            echoLeft += t * (read(left_, fadingTo_) - echoLeft);
            echoRight += t * (read(right_, fadingTo_) - echoRight);
            fade_ += fadeStep_;
            if (fade_ >= 1.0) {
                currentDelay_ = fadingTo_;
                fade_ = -1.0;
            }
        }
        const auto fb = static_cast<float>(feedback_);
        const float xl = finiteSample(inLeft[i]);
        const float xr = finiteSample(inRight[i]);
        left_[static_cast<std::size_t>(writeIndex_)] = flushDenormal(xl + fb * echoLeft);
        right_[static_cast<std::size_t>(writeIndex_)] = flushDenormal(xr + fb * echoRight);
        if (++writeIndex_ >= size) writeIndex_ = 0;

        const auto level = static_cast<float>(level_);
        outLeft[i] += level * echoLeft;
        outRight[i] += level * echoRight;
    }
    if (i >= frames) return;
    // The level and feedback glides are exponential and end at a fixed point of their
    // update; once both stay put the steady loop need not run them.
    const auto settled = [](double value, double target, double smoothing) {
        return std::bit_cast<std::uint64_t>(target + smoothing * (value - target)) ==
               std::bit_cast<std::uint64_t>(value);
    };
    if (settled(feedback_, feedbackTarget_, feedbackSmoothing_) && settled(level_, levelTarget_, levelSmoothing_)) {
        processSteady<false>(inLeft, inRight, outLeft, outRight, i, frames);
    } else {
        processSteady<true>(inLeft, inRight, outLeft, outRight, i, frames);
    }
}

template <bool kGliding>
void StereoDelay::processSteady(const float* inLeft, const float* inRight, float* outLeft, float* outRight,
                                int begin, int frames) {
    // The sample loop above with the one tap: its arithmetic, in its order, with the
    // position worked out once for both lines and the state kept in locals.
    float* lineLeft = left_.data();
    float* lineRight = right_.data();
    const int size = static_cast<int>(left_.size());
    const double delay = currentDelay_;
    const double feedbackTarget = feedbackTarget_, feedbackSmoothing = feedbackSmoothing_;
    const double levelTarget = levelTarget_, levelSmoothing = levelSmoothing_;
    double feedback = feedback_, level = level_;
    auto fb = static_cast<float>(feedback);
    auto gain = static_cast<float>(level);
    int w = writeIndex_;
    // Without glides, in runs: all of a run's taps first, then its writes and outputs, in
    // loops the compiler vectorises. A run stays clear of the line's end and is shorter than
    // the delay, so none of its taps reads what it writes (the taps trail the writes by
    // more than the run).
    const int longestRun = std::min(kSteadyRun, static_cast<int>(delay) - 2);
    for (int i = begin; i < frames;) {
        if constexpr (!kGliding) {
            const int run = std::min({frames - i, size - w, longestRun});
            if (run >= 8 && steadyRun(inLeft + i, inRight + i, outLeft + i, outRight + i, run, w, fb, gain)) {
                w += run;
                if (w >= size) w = 0;
                i += run;
                continue;
            }
        }
        if constexpr (kGliding) {
            feedback = feedbackTarget + feedbackSmoothing * (feedback - feedbackTarget);
            level = levelTarget + levelSmoothing * (level - levelTarget);
            fb = static_cast<float>(feedback);
            gain = static_cast<float>(level);
        }
        const Tap tap = tapAt(w, delay, size);
        const float al = lineLeft[tap.i0], bl = lineLeft[tap.i1];
        const float ar = lineRight[tap.i0], br = lineRight[tap.i1];
        const float echoLeft = al + (bl - al) * tap.frac;
        const float echoRight = ar + (br - ar) * tap.frac;
        const float xl = finiteSample(inLeft[i]);
        const float xr = finiteSample(inRight[i]);
        lineLeft[w] = flushDenormal(xl + fb * echoLeft);
        lineRight[w] = flushDenormal(xr + fb * echoRight);
        if (++w >= size) w = 0;
        outLeft[i] += gain * echoLeft;
        outRight[i] += gain * echoRight;
        ++i;
    }
    writeIndex_ = w;
    feedback_ = feedback;
    level_ = level;
}

bool StereoDelay::steadyRun(const float* inLeft, const float* inRight, float* outLeft, float* outRight, int run,
                            int w, float fb, float gain) {
    // The taps of processSteady's sample loop for `run` samples from write index w: where
    // their first neighbours are consecutive slots, as they are unless rounding of the
    // position says otherwise, the loads need no wrap and run contiguously. If not, this
    // writes nothing and says so.
    // The channels go one after the other (one channel's loop vectorises, both together do
    // not), which is the sample loop's order unless the right input overlaps the left output.
    if (run < 1 || run > kSteadyRun) return false;
    const auto address = [](const float* p) { return reinterpret_cast<std::uintptr_t>(p); };
    const std::uintptr_t bytes = static_cast<std::uintptr_t>(run) * sizeof(float);
    if (address(inRight) < address(outLeft) + bytes && address(outLeft) < address(inRight) + bytes) return false;
    const int size = static_cast<int>(left_.size());
    const double delay = currentDelay_;
    const auto wrap = static_cast<double>(size);
    int index[kSteadyRun];
    float frac[kSteadyRun];
    for (int j = 0; j < run; ++j) {
        // As `if (position < 0) position += size`: position is never -0, so adding 0 keeps it.
        double position = static_cast<double>(w + j) - delay;
        position += position < 0.0 ? wrap : 0.0;
        const int i0 = static_cast<int>(position);
        index[j] = i0;
        frac[j] = static_cast<float>(position - i0);
    }
    const int first = index[0];
    int misplaced = 0;
    for (int j = 0; j < run; ++j) misplaced |= index[j] - j - first;
    if (misplaced != 0 || first < 0 || first + run >= size) return false;

    float echoLeft[kSteadyRun], echoRight[kSteadyRun];
    const float* a = left_.data() + first;
    const float* b = a + 1;
    for (int j = 0; j < run; ++j) echoLeft[j] = a[j] + (b[j] - a[j]) * frac[j];
    a = right_.data() + first;
    b = a + 1;
    for (int j = 0; j < run; ++j) echoRight[j] = a[j] + (b[j] - a[j]) * frac[j];

    float* lineLeft = left_.data() + w;
    float* lineRight = right_.data() + w;
    for (int j = 0; j < run; ++j) {
        const float xl = finiteSample(inLeft[j]);
        lineLeft[j] = flushDenormal(xl + fb * echoLeft[j]);
        outLeft[j] += gain * echoLeft[j];
    }
    for (int j = 0; j < run; ++j) {
        const float xr = finiteSample(inRight[j]);
        lineRight[j] = flushDenormal(xr + fb * echoRight[j]);
        outRight[j] += gain * echoRight[j];
    }
    return true;
}

}  // namespace seiche::audio::dsp
