#include "audio/dsp/synth.hpp"

#include <algorithm>
#include <cmath>

#include "audio/dsp/dsp_math.hpp"
#include "audio/dsp/kernel.hpp"
#include "audio/dsp/simd.hpp"

namespace seiche::audio::dsp {

namespace {

using simd::Double2;

constexpr std::string_view kNames[] = {"sine",      "saw",         "square",     "tri", "supersaw",
                                       "supersquare", "superpiano", "fm",         "noise"};

constexpr double kMiddleC = 261.6255653005986;  // Tidal's note 0
constexpr int kControlInterval = 16;            // samples between LFO/cutoff updates
constexpr int kPianoGlideInterval = 32;         // samples between piano pitch updates

// Output levels chosen so the synths sit at similar loudness and peak below 0.9.
constexpr float kSineLevel = 0.6f;
constexpr float kSawLevel = 0.65f;
constexpr float kSquareLevel = 0.4f;
constexpr float kTriLevel = 0.65f;
constexpr float kSuperLevel = 0.45f;  // applied after SuperDirt's tanh(x) * 2
constexpr float kFmLevel = 0.6f;
constexpr float kNoiseLevel = 0.5f;   // Strudel's WhiteNoise.ar(mul: 0.5)
constexpr double kPianoPeak = 0.85;

// SuperCollider's LFTri with its phase in cycles: 0 at phase 0, 1 at 1/4, -1 at 3/4.
double lfoTriangle(double phase) {
    const double q = 4.0 * (phase - std::floor(phase));
    if (q < 1.0) return q;
    if (q < 3.0) return 2.0 - q;
    return q - 4.0;
}

}  // namespace

std::optional<SynthKind> synthKindFromName(std::string_view name) {
    for (std::size_t i = 0; i < std::size(kNames); ++i) {
        if (name == kNames[i]) return static_cast<SynthKind>(i);
    }
    if (name == "sawtooth") return SynthKind::Saw;
    if (name == "triangle") return SynthKind::Tri;
    if (name == "white") return SynthKind::Noise;
    return std::nullopt;
}

std::span<const std::string_view> synthNames() {
    return {kNames, std::size(kNames)};
}

std::string_view synthName(SynthKind kind) {
    return kNames[static_cast<std::size_t>(kind)];
}

void Synth::init(double sampleRate, int /*maxBlockSize*/) {
    sampleRate_ = clampFinite(sampleRate, 1000.0, 1e6, 48000.0);
    ladder_.init(sampleRate_);
    reset();
}

void Synth::reset() {
    frame_ = 0;
    totalFrames_ = 0;
}

void Synth::start(SynthKind kind, double frequencyHz, const SynthParams& params) {
    kind_ = kind;
    const SynthParams defaults{};
    params_ = params;
    // Sanitise every control once, here, so the per-sample code can trust them.
    params_.sustain = clampFinite(params.sustain, 0.0, 3600.0, 0.0);
    params_.accelerate = clampFinite(params.accelerate, -1000.0, 1000.0, 0.0);
    params_.voice = clampFinite(params.voice, 0.0, 1000.0, defaults.voice);
    params_.decay = clampFinite(params.decay, 0.0, 1.0, defaults.decay);
    params_.semitone = clampFinite(params.semitone, -96.0, 96.0, defaults.semitone);
    params_.resonance = clampFinite(params.resonance, 0.0, 1.0, defaults.resonance);
    params_.lfo = clampFinite(params.lfo, 0.0, 100.0, defaults.lfo);
    params_.pitch1 = clampFinite(params.pitch1, 0.0, 1000.0, defaults.pitch1);
    params_.speed = clampFinite(params.speed, -1000.0, 1000.0, defaults.speed);
    params_.velocity = clampFinite(params.velocity, 0.0, 1.0, defaults.velocity);
    params_.detune = clampFinite(params.detune, 0.0, 1.0, defaults.detune);
    params_.fmi = clampFinite(params.fmi, 0.0, 100.0, defaults.fmi);
    params_.fmh = clampFinite(params.fmh, 0.0, 32.0, defaults.fmh);

    nyquistGuard_ = 0.45;
    baseFrequency_ = clampFinite(frequencyHz, 0.0, nyquistGuard_ * sampleRate_, kMiddleC);
    frame_ = 0;
    const double sustainFrames = params_.sustain * sampleRate_;
    totalFrames_ = sustainFrames < Envelope::kMinSustainFrames
                       ? 0
                       : static_cast<std::int64_t>(std::llround(sustainFrames));
    glidePerFrame_ = totalFrames_ > 0 ? params_.accelerate / static_cast<double>(totalFrames_) : 0.0;

    for (auto& saw : saws_) saw.reset(0.0);
    for (auto& pulse : pulses_) pulse.reset(0.0);
    sine_.reset(0.0);
    modulator_.reset(0.0);
    random_.reseed(params_.seed);
    lfoPhase_ = 0.0;

    switch (kind_) {
        case SynthKind::Supersaw:
        case SynthKind::Supersquare: {
            ladder_.reset();
            ladder_.setFeedback(params_.resonance * 4.0);
            // LFTri's iphase is in quarter cycles (0..4): voice 0.5 starts 1/8 into the cycle.
            triangle_.reset(params_.voice / 4.0);
            secondRatio_ = std::pow(2.0, params_.semitone / 12.0);
            if (kind_ == SynthKind::Supersquare) secondRatio_ = 1.0 / secondRatio_;
            pulseWidth_ = params_.voice;
            lfoPhase_ = kind_ == SynthKind::Supersaw ? 0.5 / 4.0 : 0.0;
            // Env.pairs([[0,0],[0.05,1],[0.2,1-decay],[0.95,1-decay],[1,0]], -3) * sustain
            const double s = params_.sustain;
            const double level = 1.0 - params_.decay;
            const double levels[5] = {0.0, 1.0, level, level, 0.0};
            const double durations[4] = {0.05 * s, 0.15 * s, 0.75 * s, 0.05 * s};
            shapeEnvelope_.start(levels, durations, 4, -3.0, sampleRate_);
            break;
        }
        case SynthKind::Superpiano: {
            // Env.linen(0.002, 0.996, 0.002, 1, -3) * sustain
            const double s = params_.sustain;
            const double levels[4] = {0.0, 1.0, 1.0, 0.0};
            const double durations[3] = {0.002 * s, 0.996 * s, 0.002 * s};
            shapeEnvelope_.start(levels, durations, 3, -3.0, sampleRate_);
            startPiano(baseFrequency_);
            break;
        }
        case SynthKind::Tri: triangle_.reset(0.25); break;  // start at 0, rising
        default: break;
    }
}

void Synth::startPiano(double f0) {
    const double velocity = params_.velocity;
    // Stiff strings: partial n sits at n * f0 * sqrt(1 + B n^2); `detune` stretches it.
    const double inharmonicity = 0.00005 + 0.0008 * params_.detune;
    // Harder blows excite more upper partials.
    const double tilt = std::exp(-(0.55 - 0.4 * velocity));
    // Low strings ring for many seconds, high ones for less than one.
    const double baseT60 = std::clamp(7.0 * std::pow(kMiddleC / std::max(f0, 1.0), 0.55), 0.3, 16.0);
    // The two strings of a note are tuned a third of a cent apart: their beating and the
    // slower decay of the second give the piano's two-stage decay.
    const double unison = std::pow(2.0, 0.35 / 1200.0) - 1.0;
    // A hammer striking at 1/7.7 of the string weakens the partials near the 8th.
    const double strikePosition = 1.0 / 7.7;

    // The level is normalised against the brightest (velocity 1) spectrum, so a soft blow is
    // both darker and quieter.
    const double brightTilt = std::exp(-0.15);
    partialCount_ = 0;
    double amplitudeSum = 0.0;
    for (int n = 1; n <= kMaxPartials; ++n) {
        const double ratio = n * std::sqrt(1.0 + inharmonicity * n * n);
        if (f0 * ratio * (1.0 + unison) >= nyquistGuard_ * sampleRate_) break;
        const double a = (0.15 + 0.85 * std::fabs(std::sin(kPi * n * strikePosition))) /
                         std::pow(static_cast<double>(n), 0.7) * std::pow(tilt, n - 1);
        const double t60 = baseT60 / (1.0 + 0.35 * (n - 1));
        for (int string = 0; string < 2; ++string) {
            const int k = 2 * partialCount_ + string;
            ratio_[k] = ratio * (string == 0 ? 1.0 - unison : 1.0 + unison);
            const double stringT60 = string == 0 ? t60 : 3.0 * t60;
            damping_[k] = std::pow(10.0, -3.0 / (stringT60 * sampleRate_));
            amplitude_[k] = static_cast<float>(a * (string == 0 ? 0.55 : 0.45));
            re_[k] = 1.0;
            im_[k] = 0.0;
        }
        amplitudeSum += a / std::pow(tilt, n - 1) * std::pow(brightTilt, n - 1);
        ++partialCount_;
    }
    updatePianoRotations(1.0);
    const double loudness = 0.3 + 0.7 * velocity;
    pianoGain_ = amplitudeSum > 0.0 ? kPianoPeak * loudness / amplitudeSum : 0.0;
    // Felt hammer: a few milliseconds of low-passed noise, brighter when struck harder.
    hammerLevel_ = 0.35 * loudness;
    hammerDecay_ = std::exp(-1.0 / (0.003 * sampleRate_));
    hammerLowpass_ = std::exp(-kTwoPi * (1500.0 + 4000.0 * velocity) / sampleRate_);
    hammerState_ = 0.0;
}

void Synth::updatePianoRotations(double frequencyMultiplier) {
    const double f0 = baseFrequency_ * frequencyMultiplier;
    for (int k = 0; k < 2 * partialCount_; ++k) {
        const double f = f0 * ratio_[k];
        if (f >= nyquistGuard_ * sampleRate_) {  // glided past Nyquist: silence the partial
            rotRe_[k] = rotIm_[k] = 0.0;
            continue;
        }
        const double w = kTwoPi * f / sampleRate_;
        rotRe_[k] = damping_[k] * std::cos(w);
        rotIm_[k] = damping_[k] * std::sin(w);
    }
}

void Synth::updateSuperControl(double m) {
    // SuperDirt: lfof1 = min(basefreq*10*pitch1, 22000), lfof2 = min(lfof1*(lfo+1), 22000),
    // LFO at basefreq/64*speed (LFTri for supersaw, SinOsc for supersquare).
    const double f = baseFrequency_ * m;
    const double low = std::min(f * 10.0 * params_.pitch1, 22000.0);
    const double high = std::min(low * (params_.lfo + 1.0), 22000.0);
    const double shape = kind_ == SynthKind::Supersaw ? lfoTriangle(lfoPhase_) : fastSin2Pi(lfoPhase_);
    ladder_.setCutoff(low + (high - low) * 0.5 * (shape + 1.0));
    lfoPhase_ += kControlInterval * f / 64.0 * params_.speed / sampleRate_;
    lfoPhase_ -= std::floor(lfoPhase_);
}

Synth::SuperSteps Synth::superSteps(double dt) const {
    SuperSteps steps;
    steps.main = dt;
    const double spread = params_.voice / 50.0;
    for (int s = 0; s < 3; ++s) steps.saw[s] = std::min(dt * (1.0 + (s - 1) * spread), nyquistGuard_);
    steps.second = std::min(dt * secondRatio_, nyquistGuard_);
    return steps;
}

float Synth::superSource(const SuperSteps& steps) {
    if (kind_ == SynthKind::Supersaw) {
        float saws = 0.0f;
        for (int s = 0; s < 3; ++s) saws += saws_[static_cast<std::size_t>(s)].tick(steps.saw[s]);
        return 0.5f * saws + 0.5f * triangle_.tick(steps.second);
    }
    return 0.7f * pulses_[0].tick(steps.main, pulseWidth_) + 0.3f * pulses_[1].tick(steps.second, pulseWidth_);
}

void Synth::processSuperSteady(float* out, int frames) {
    // tickSuper's arithmetic for a constant pitch, one stage at a time over a chunk: the
    // oscillators, then the ladder, soft clip and envelope between control updates.
    const double dt = std::min(baseFrequency_ / sampleRate_, nyquistGuard_);
    const double m = dt * sampleRate_ / std::max(baseFrequency_, 1e-9);
    const SuperSteps steps = superSteps(dt);
    constexpr int kChunk = 64;
    float envelope[kChunk];
    int done = 0;
    while (done < frames) {
        const int n = std::min(frames - done, kChunk);
        float* x = out + done;
        for (int i = 0; i < n; ++i) x[i] = superSource(steps);
        shapeEnvelope_.render(envelope, n);
        int i = 0;
        while (i < n) {
            if (frame_ % kControlInterval == 0) updateSuperControl(m);
            const int span = std::min(n - i, kControlInterval - static_cast<int>(frame_ % kControlInterval));
            ladder_.process(x + i, span);
            for (int j = i; j < i + span; ++j) x[j] = softClip(x[j]) * 2.0f * kSuperLevel * envelope[j];
            i += span;
            frame_ += span;
        }
        done += n;
    }
}

float Synth::tickSuper(double dt) {
    const double m = dt * sampleRate_ / std::max(baseFrequency_, 1e-9);  // current glide factor
    if (frame_ % kControlInterval == 0) updateSuperControl(m);
    const float y = softClip(ladder_.tick(superSource(superSteps(dt)))) * 2.0f;
    return y * kSuperLevel * shapeEnvelope_.next();
}

void Synth::processPiano(float* out, int frames) {
    // Each partial runs through a whole chunk with its rotator in registers, adding into
    // four per-sample lanes (partial k goes to lane k % 4, the odd pair at the end to lane
    // 0), which are summed as (0 + 1) + (2 + 3). Chunks end where accelerate's glide
    // updates the rotations.
    constexpr int kChunk = kPianoGlideInterval;
    const int count = 2 * partialCount_;
    int done = 0;
    while (done < frames) {
        if (glidePerFrame_ != 0.0 && frame_ % kPianoGlideInterval == 0) {
            updatePianoRotations(std::max(0.0, 1.0 + glidePerFrame_ * static_cast<double>(frame_)));
        }
        const int n = std::min(frames - done, kChunk - static_cast<int>(frame_ % kChunk));
        // lanes[i][0] holds lanes 0 and 1 of sample i, lanes[i][1] lanes 2 and 3.
        Double2 lanes[kChunk][2];
        for (int i = 0; i < n; ++i) lanes[i][0] = lanes[i][1] = Double2{0.0, 0.0};
        int k = 0;
        for (; k + 4 <= count; k += 4) {
            Double2 re[2], im[2], rotRe[2], rotIm[2], amplitude[2];
            for (int h = 0; h < 2; ++h) {
                re[h] = simd::load2(&re_[k + 2 * h]);
                im[h] = simd::load2(&im_[k + 2 * h]);
                rotRe[h] = simd::load2(&rotRe_[k + 2 * h]);
                rotIm[h] = simd::load2(&rotIm_[k + 2 * h]);
                amplitude[h] = simd::load2(&amplitude_[k + 2 * h]);
            }
            for (int i = 0; i < n; ++i) {
                for (int h = 0; h < 2; ++h) {
                    const Double2 r = re[h] * rotRe[h] - im[h] * rotIm[h];
                    const Double2 m = re[h] * rotIm[h] + im[h] * rotRe[h];
                    re[h] = r;
                    im[h] = m;
                    lanes[i][h] += amplitude[h] * m;
                }
            }
            for (int h = 0; h < 2; ++h) {
                simd::store2(&re_[k + 2 * h], re[h]);
                simd::store2(&im_[k + 2 * h], im[h]);
            }
        }
        for (; k < count; ++k) {
            double re = re_[k], im = im_[k];
            const double rotRe = rotRe_[k], rotIm = rotIm_[k], amplitude = amplitude_[k];
            for (int i = 0; i < n; ++i) {
                const double r = re * rotRe - im * rotIm;
                const double m = re * rotIm + im * rotRe;
                re = r;
                im = m;
                lanes[i][0][0] += amplitude * m;
            }
            re_[k] = re;
            im_[k] = im;
        }
        float envelope[kChunk];
        shapeEnvelope_.render(envelope, n);
        for (int i = 0; i < n; ++i) {
            const double sum = (lanes[i][0][0] + lanes[i][0][1]) + (lanes[i][1][0] + lanes[i][1][1]);
            // Hammer noise; once level and state are both zero it stays silent (the state
            // is never -0: flushDenormal returns +0), and the noise is no longer drawn.
            if (hammerLevel_ != 0.0 || hammerState_ != 0.0) {
                const double noise = random_.bipolar() * hammerLevel_;
                hammerLevel_ = flushDenormal(hammerLevel_ * hammerDecay_);
                hammerState_ = flushDenormal(noise + hammerLowpass_ * (hammerState_ - noise));
            }
            out[done + i] =
                static_cast<float>(sum * pianoGain_ + hammerState_ * kPianoPeak) * envelope[i];
        }
        done += n;
        frame_ += n;
    }
}

float Synth::tickFm(double dt) {
    const double modulation = params_.fmi * fastSin2Pi(modulator_.phase()) / kTwoPi;
    modulator_.tick(std::min(dt * params_.fmh, nyquistGuard_));
    const float y = fastSin2Pi(sine_.phase() + modulation);
    sine_.tick(dt);
    return y * kFmLevel;
}

float Synth::tick() {
    const double glide = std::max(0.0, 1.0 + glidePerFrame_ * static_cast<double>(frame_));
    const double dt = std::min(baseFrequency_ * glide / sampleRate_, nyquistGuard_);
    switch (kind_) {
        case SynthKind::Sine: return sine_.tick(dt) * kSineLevel;
        case SynthKind::Saw: return saws_[0].tick(dt) * kSawLevel;
        case SynthKind::Square: return pulses_[0].tick(dt, 0.5) * kSquareLevel;
        case SynthKind::Tri: return triangle_.tick(dt) * kTriLevel;
        case SynthKind::Supersaw:
        case SynthKind::Supersquare: return tickSuper(dt);
        case SynthKind::Superpiano: break;  // rendered block by block by processPiano
        case SynthKind::Fm: return tickFm(dt);
        case SynthKind::Noise: return random_.bipolar() * kNoiseLevel;
    }
    return 0.0f;
}

SEICHE_DSP_KERNEL void Synth::process(float* out, int frames) {
    const int live = static_cast<int>(std::clamp<std::int64_t>(totalFrames_ - frame_, 0, frames));
    // Without accelerate the step is constant over the block: the simple oscillators
    // then run in tight loops of their own instead of through tick()'s switch.
    const bool steady = glidePerFrame_ == 0.0;
    const double dt = std::min(baseFrequency_ / sampleRate_, nyquistGuard_);
    auto run = [&](auto&& oscillator, float level) {
        for (int i = 0; i < live; ++i) out[i] = oscillator() * level;
        frame_ += live;
    };
    if (steady && kind_ == SynthKind::Sine) {
        sine_.process(out, live, dt, kSineLevel);
        frame_ += live;
    } else if (steady && kind_ == SynthKind::Tri) {
        triangle_.process(out, live, dt, kTriLevel);
        frame_ += live;
    } else if (steady && kind_ == SynthKind::Saw) {
        run([&] { return saws_[0].tick(dt); }, kSawLevel);
    } else if (steady && kind_ == SynthKind::Square) {
        run([&] { return pulses_[0].tick(dt, 0.5); }, kSquareLevel);
    } else if (steady && (kind_ == SynthKind::Supersaw || kind_ == SynthKind::Supersquare)) {
        processSuperSteady(out, live);
    } else if (kind_ == SynthKind::Superpiano) {
        processPiano(out, live);
    } else {
        for (int i = 0; i < live; ++i) {
            out[i] = tick();  // reads frame_ for accelerate's glide
            ++frame_;
        }
    }
    std::fill(out + live, out + frames, 0.0f);
}

SEICHE_DSP_KERNEL void Synth::processAdding(float* out, int frames, float gain) {
    constexpr int kChunk = 64;
    float buffer[kChunk];
    for (int i = 0; i < frames && frame_ < totalFrames_; i += kChunk) {
        const int n = static_cast<int>(std::min<std::int64_t>({kChunk, frames - i, totalFrames_ - frame_}));
        process(buffer, n);
        for (int j = 0; j < n; ++j) out[i + j] += gain * buffer[j];
    }
}

}  // namespace seiche::audio::dsp
