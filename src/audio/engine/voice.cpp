#include "audio/engine/voice.hpp"

#include <algorithm>
#include <cmath>

#include "audio/dsp/gain.hpp"
#include "audio/dsp/kernel.hpp"

namespace seiche::audio {

void Voice::init(double sampleRate, int maxBlockSize) {
    sampleRate_ = sampleRate;
    blockRoom_ = maxBlockSize;
    buffer_.assign(2 * static_cast<size_t>(maxBlockSize), 0.0f);
    synth_.init(sampleRate, maxBlockSize);
    envelope_.init(sampleRate);
    lowpass_.init(sampleRate);
    highpass_.init(sampleRate);
    bandpass_.init(sampleRate);
    vowel_.init(sampleRate, maxBlockSize);
    squiz_.init(sampleRate, maxBlockSize);
    fadeLength_ = std::max(1, static_cast<int>(sampleRate * 0.01));
}

void Voice::start(const Trigger& t, int offsetInBlock) {
    trigger_ = t;
    offset_ = offsetInBlock;
    fadeRemaining_ = -1;
    active_ = true;

    double sustain = t.sustain;
    if (t.sample) {
        const double frames = static_cast<double>(t.sample->frames());
        const double b = std::clamp(t.begin, 0.0, 1.0), e = std::clamp(t.end, 0.0, 1.0);
        firstFrame_ = std::min(b, e) * frames;
        lastFrame_ = std::max(b, e) * frames;
        const double rate = std::isfinite(t.rate) ? t.rate : 1.0;
        step_ = rate == 0 ? 0 : rate;
        position_ = step_ < 0 ? lastFrame_ - 1 : firstFrame_;
        loopsLeft_ = std::max(1.0, std::isfinite(t.loops) ? t.loops : 1.0);
        const double natural = step_ == 0 ? 0 : (lastFrame_ - firstFrame_) * loopsLeft_ / std::abs(step_) / sampleRate_;
        if (sustain < 0) sustain = natural;
        // accelerate: the rate glides from speed to speed × (1 + accelerate) over the sound.
        const double totalFrames = std::max(1.0, sustain * sampleRate_);
        stepGlide_ = std::isfinite(t.accelerate) ? step_ * t.accelerate / totalFrames : 0;
    } else {
        dsp::SynthParams params = t.synthParams;
        if (sustain < 0) sustain = 1.0;
        params.sustain = sustain;
        params.accelerate = t.accelerate;
        synth_.reset();
        synth_.start(t.synth, t.frequency, params);
    }

    dsp::EnvelopeParams env;
    env.sustain = std::max(0.0, sustain);
    if (t.attack >= 0) env.attack = t.attack;
    env.hold = std::max(0.0, t.hold);
    if (t.release >= 0) env.release = t.release;
    env.fadeIn = t.sample && t.begin > 0;
    envelope_.reset();
    envelope_.start(env);

    if (t.cutoff > 0) { lowpass_.reset(); lowpass_.setParams(t.cutoff, t.resonance); }
    if (t.hcutoff > 0) { highpass_.reset(); highpass_.setParams(t.hcutoff, t.hresonance); }
    if (t.bandf > 0) { bandpass_.reset(); bandpass_.setParams(t.bandf, t.bandq > 0 ? t.bandq : dsp::BandpassFilter::kDefaultBandQ); }
    if (t.vowel >= 0) { vowel_.reset(); vowel_.setParams(static_cast<dsp::Vowel>(t.vowel), t.resonance > 0 ? t.resonance : dsp::VowelFilter::kDefaultResonance); }
    shaper_.setAmount(t.shape);
    crusher_.setBits(t.crush);
    decimator_.reset();
    decimator_.setFactor(t.coarse);
    if (t.squiz > 0) { squiz_.reset(); squiz_.setRatio(t.squiz); }
}

void Voice::fadeOut() {
    if (active_ && fadeRemaining_ < 0) fadeRemaining_ = fadeLength_;
}

namespace {

// Cubic Hermite through four neighbours at fraction x of the way from y1 to y2; integer
// positions (x == 0, whole-number speeds) take y1 as it is.
inline float hermite(float x, float y0, float y1, float y2, float y3) {
    if (x == 0.0f) return y1;
    const float c1 = 0.5f * (y2 - y0);
    const float c2 = y0 - 2.5f * y1 + 2.0f * y2 - 0.5f * y3;
    const float c3 = 0.5f * (y3 - y0) + 1.5f * (y1 - y2);
    return ((c3 * x + c2) * x + c1) * x + y1;
}

}  // namespace

template <int kChannels>
int Voice::hermiteRun(const float* data, float* out, int produced, int frames, double lo, double hi) {
    double p = position_;
    const double step = step_;
    while (produced < frames && p < hi && p >= lo) {
        const auto i = static_cast<int64_t>(p);  // p >= 1: truncation is floor
        const float x = static_cast<float>(p - static_cast<double>(i));
        const float* f = data + (i - 1) * kChannels;
        if constexpr (kChannels == 2) {
            out[produced++] = hermite(x, 0.5f * (f[0] + f[1]), 0.5f * (f[2] + f[3]), 0.5f * (f[4] + f[5]), 0.5f * (f[6] + f[7]));
        } else {
            out[produced++] = hermite(x, f[0], f[1], f[2], f[3]);
        }
        p += step;
    }
    position_ = p;
    return produced;
}

SEICHE_DSP_KERNEL int Voice::renderSample(float* out, int frames) {
    const Sample& s = *trigger_.sample;
    const float* data = s.data.data();
    const int channels = s.channels;
    const int64_t count = static_cast<int64_t>(s.frames());
    auto at = [&](int64_t i) -> float {
        if (i < 0 || i >= count) return 0.0f;
        const float* f = data + i * channels;
        return channels == 2 ? 0.5f * (f[0] + f[1]) : f[0];
    };
    int produced = 0;
    while (produced < frames) {
        const bool forward = step_ >= 0;
        if (step_ == 0 || (forward && position_ >= lastFrame_) || (!forward && position_ < firstFrame_)) {
            if (step_ != 0 && loopsLeft_ > 1) {
                loopsLeft_ -= 1;
                position_ = forward ? position_ - (lastFrame_ - firstFrame_) : position_ + (lastFrame_ - firstFrame_);
                continue;
            }
            std::fill(out + produced, out + frames, 0.0f);
            return produced;
        }
        // Speed 1 from a whole frame (most drum hits): a straight copy up to the end,
        // with no interpolation at all.
        if (step_ == 1.0 && stepGlide_ == 0.0 && position_ == std::floor(position_) && position_ >= 0) {
            const auto from = static_cast<int64_t>(position_);
            const auto end = std::min<int64_t>(count, static_cast<int64_t>(std::ceil(lastFrame_)));
            const int n = static_cast<int>(std::min<int64_t>(frames - produced, end - from));
            if (n > 0) {
                const float* f = data + from * channels;
                if (channels == 2) {
                    for (int k = 0; k < n; ++k) out[produced + k] = 0.5f * (f[2 * k] + f[2 * k + 1]);
                } else {
                    std::copy(f, f + n, out + produced);
                }
                produced += n;
                position_ += n;
                continue;
            }
        }
        // Inside the sample at a constant speed (pitched, reversed and chopped playback): a
        // run with no end, bounds or channel checks per sample, the arithmetic below.
        if (stepGlide_ == 0.0) {
            const double hi = forward ? std::min(lastFrame_, static_cast<double>(count - 2)) : static_cast<double>(count - 2);
            const double lo = forward ? 1.0 : std::max(firstFrame_, 1.0);
            const int before = produced;
            if (channels == 2) produced = hermiteRun<2>(data, out, produced, frames, lo, hi);
            else produced = hermiteRun<1>(data, out, produced, frames, lo, hi);
            if (produced > before) continue;
        }
        // Cubic Hermite between the four neighbours: clean at any playback rate.
        // Inside the sample (the usual case) the taps are read without bounds checks.
        const double p = position_;
        // floor(p) without a libm call (x86-64's baseline has no rounding instruction); p is
        // finite and far inside int64's range.
        int64_t i = static_cast<int64_t>(p);
        if (static_cast<double>(i) > p) --i;
        const float x = static_cast<float>(p - static_cast<double>(i));
        float y0, y1, y2, y3;
        if (i >= 1 && i + 2 < count) {
            const float* f = data + (i - 1) * channels;
            if (channels == 2) {
                y0 = 0.5f * (f[0] + f[1]); y1 = 0.5f * (f[2] + f[3]); y2 = 0.5f * (f[4] + f[5]); y3 = 0.5f * (f[6] + f[7]);
            } else {
                y0 = f[0]; y1 = f[1]; y2 = f[2]; y3 = f[3];
            }
        } else {
            y0 = at(i - 1); y1 = at(i); y2 = at(i + 1); y3 = at(i + 2);
        }
        out[produced++] = hermite(x, y0, y1, y2, y3);
        position_ += step_;
        step_ += stepGlide_;
    }
    return produced;
}

// Sample data mostly comes from memory, not cache: dozens of voices each read a fresh stretch
// of their sample every block. The mixer asks for a voice's stretch a few voices before its
// turn, so those loads overlap the work on the voices in between.
void Voice::prefetchBlock(int frames) const {
    if (!active_ || !trigger_.sample) return;
    const Sample& s = *trigger_.sample;
    const auto count = static_cast<double>(s.frames());
    // A hint, not a promise: at most 8 KiB, however fast the voice runs through its sample.
    const double reach = std::min(std::abs(step_) * frames + 4, 2048.0 / s.channels);
    const double from = std::clamp(step_ >= 0 ? position_ - 1 : position_ - reach, 0.0, count);
    const double to = std::clamp(from + reach + 1, 0.0, count);
    const auto first = static_cast<std::size_t>(from) * static_cast<std::size_t>(s.channels);
    const auto bytes = (static_cast<std::size_t>(to) * static_cast<std::size_t>(s.channels) - first) * sizeof(float);
    const char* begin = reinterpret_cast<const char*>(s.data.data() + first);
    for (std::size_t offset = 0; offset < bytes; offset += 64) __builtin_prefetch(begin + offset, 0, 3);
}

void Voice::renderChainBeforeFilters(float* buffer, int frames) {
    envelope_.apply(buffer, frames);
    if (trigger_.crush > 0) crusher_.process(buffer, frames);
    if (trigger_.coarse > 1) decimator_.process(buffer, frames);
    if (trigger_.shape > 0) shaper_.process(buffer, frames);
    if (trigger_.squiz > 0) squiz_.process(buffer, frames);
}

void Voice::prepare(int frames) {
    preparedStart_ = std::min(offset_, frames);
    offset_ -= preparedStart_;
    preparedFrames_ = frames - preparedStart_;
    if (!active_ || preparedFrames_ <= 0) {
        preparedFrames_ = 0;
        return;
    }
    float* buf = buffer();
    if (trigger_.sample) {
        renderSample(buf, preparedFrames_);
    } else {
        synth_.process(buf, preparedFrames_);
    }
    renderChainBeforeFilters(buf, preparedFrames_);
}

bool Voice::usesFilter(FilterStage stage) const {
    switch (stage) {
        case kLowpass: return trigger_.cutoff > 0;
        case kHighpass: return trigger_.hcutoff > 0;
        case kBandpass: return trigger_.bandf > 0;
        default: return false;
    }
}

dsp::Svf& Voice::filter(FilterStage stage) {
    return stage == kLowpass ? lowpass_.svf() : stage == kHighpass ? highpass_.svf() : bandpass_.svf();
}

dsp::SvfOutput Voice::filterOutput(FilterStage stage) {
    return stage == kLowpass ? dsp::SvfOutput::Lowpass
           : stage == kHighpass ? dsp::SvfOutput::Highpass
                                : dsp::SvfOutput::Bandpass;
}

dsp::Svf* Voice::laneFilter(FilterStage stage, const Filters& done) {
    if (preparedFrames_ == 0 || !usesFilter(stage)) return nullptr;
    // The chain's order holds: a stage runs early only after every earlier one it uses.
    for (int earlier = 0; earlier < stage; ++earlier) {
        const auto e = static_cast<FilterStage>(earlier);
        if (usesFilter(e) && !done.done[e]) return nullptr;
    }
    dsp::Svf& svf = filter(stage);
    return svf.steady() ? &svf : nullptr;
}

float* Voice::laneBuffer() {
    float* head = buffer() - preparedStart_;
    std::fill(head, buffer(), 0.0f);
    return head;
}

bool Voice::finish(float* busLeft, float* busRight, Filters done) {
    if (!active_) return false;
    const int n = preparedFrames_;
    if (n <= 0) return true;
    float* buf = buffer();
    for (int i = 0; i < kFilterStages; ++i) {
        const auto stage = static_cast<FilterStage>(i);
        if (usesFilter(stage) && !done.done[stage]) filter(stage).process(buf, n, filterOutput(stage));
    }
    if (trigger_.vowel >= 0) vowel_.process(buf, n);
    if (fadeRemaining_ >= 0) {
        for (int i = 0; i < n; ++i) {
            buf[i] *= static_cast<float>(std::max(0, fadeRemaining_)) / static_cast<float>(fadeLength_);
            if (fadeRemaining_ > 0) --fadeRemaining_;
        }
    }
    const int start = preparedStart_;
    dsp::panMonoAdding(buf, busLeft + start, busRight + start, n, dsp::panGains(trigger_.pan), trigger_.amplitude);
    if (envelope_.finished() || fadeRemaining_ == 0 || (!trigger_.sample && synth_.finished())) active_ = false;
    return active_;
}

}  // namespace seiche::audio
