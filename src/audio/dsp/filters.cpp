#include "audio/dsp/filters.hpp"

#include <algorithm>
#include <cmath>

#include "audio/dsp/dsp_math.hpp"

namespace seiche::audio::dsp {

namespace {

constexpr double kMinCutoffHz = 10.0;
constexpr double kMaxCutoffRatio = 0.49;  // of the sample rate
constexpr double kMinQ = 0.05;
constexpr double kMaxQ = 1000.0;

}  // namespace

double resonanceToQ(double resonance) {
    const double r = clampFinite(resonance, 0.0, 1.0, 0.0);
    return 1.0 / linexp(r, 0.0, 1.0, 1.0, 0.001);
}

// ---- Svf -------------------------------------------------------------------------------

void Svf::init(double sampleRate) {
    sampleRate_ = clampFinite(sampleRate, 1000.0, 1e6, 48000.0);
    glideFrames_ = std::max(1, static_cast<int>(std::lround(kGlideSeconds * sampleRate_)));
    reset();
}

void Svf::reset() {
    ic1_ = ic2_ = 0.0;
    primed_ = false;
    glideRemaining_ = 0;
}

void Svf::coefficients(double cutoffHz, double q, double& g, double& k) const {
    const double fc = std::clamp(cutoffHz, kMinCutoffHz, kMaxCutoffRatio * sampleRate_);
    g = std::tan(kPi * fc / sampleRate_);
    k = 1.0 / std::clamp(q, kMinQ, kMaxQ);
}

void Svf::setTarget(double cutoffHz, double q) {
    // NaN cutoffs are resolved by the wrappers; here only make sure nothing non-finite lands.
    cutoffHz = finiteOr(cutoffHz, kMaxCutoffRatio * sampleRate_);
    q = finiteOr(q, 1.0);
    coefficients(cutoffHz, q, targetG_, targetK_);
    if (!primed_) {
        g_ = targetG_;
        k_ = targetK_;
        glideRemaining_ = 0;
        primed_ = true;
        return;
    }
    if (g_ == targetG_ && k_ == targetK_) {
        glideRemaining_ = 0;
        return;
    }
    // Geometric steps: g is nearly proportional to the cutoff, so this glides at a constant
    // number of octaves per second.
    const double inverse = 1.0 / glideFrames_;
    stepG_ = std::pow(targetG_ / g_, inverse);
    stepK_ = std::pow(targetK_ / k_, inverse);
    glideRemaining_ = glideFrames_;
}

namespace {

// L filters side by side (L = 1: one filter), each over its own buffer, with fixed
// coefficients. The output type is a template argument so the per-sample loop carries
// no switch.
template <SvfOutput kOutput, int L>
void svfLanes(float* const* buffers, int frames, const double* k, const double* a1, const double* a2,
              const double* a3, double* ic1, double* ic2) {
    for (int i = 0; i < frames; ++i) {
        double v0[L], y[L];
        for (int l = 0; l < L; ++l) v0[l] = buffers[l][i];
        for (int l = 0; l < L; ++l) {
            const double v3 = v0[l] - ic2[l];
            const double v1 = a1[l] * ic1[l] + a2[l] * v3;
            const double v2 = ic2[l] + a2[l] * ic1[l] + a3[l] * v3;
            ic1[l] = 2.0 * v1 - ic1[l];
            ic2[l] = 2.0 * v2 - ic2[l];
            if constexpr (kOutput == SvfOutput::Lowpass) y[l] = v2;
            else if constexpr (kOutput == SvfOutput::Highpass) y[l] = v0[l] - k[l] * v1 - v2;
            else if constexpr (kOutput == SvfOutput::Bandpass) y[l] = v1;
            else y[l] = k[l] * v1;  // BandpassUnity
        }
        for (int l = 0; l < L; ++l) buffers[l][i] = static_cast<float>(y[l]);
    }
}

template <int L>
void svfLanes(SvfOutput output, float* const* buffers, int frames, const double* k, const double* a1,
              const double* a2, const double* a3, double* ic1, double* ic2) {
    switch (output) {
        case SvfOutput::Lowpass: return svfLanes<SvfOutput::Lowpass, L>(buffers, frames, k, a1, a2, a3, ic1, ic2);
        case SvfOutput::Highpass: return svfLanes<SvfOutput::Highpass, L>(buffers, frames, k, a1, a2, a3, ic1, ic2);
        case SvfOutput::Bandpass: return svfLanes<SvfOutput::Bandpass, L>(buffers, frames, k, a1, a2, a3, ic1, ic2);
        case SvfOutput::BandpassUnity:
            return svfLanes<SvfOutput::BandpassUnity, L>(buffers, frames, k, a1, a2, a3, ic1, ic2);
    }
}

}  // namespace

void Svf::process(float* buffer, int frames, SvfOutput output) {
    if (frames <= 0) return;
    double g = g_, k = k_;
    double a1 = 1.0 / (1.0 + g * (g + k));
    double a2 = g * a1;
    double a3 = g * a2;
    double ic1 = ic1_, ic2 = ic2_;
    int glide = glideRemaining_;
    int i = 0;
    // While gliding the coefficients move every sample.
    for (; i < frames && glide > 0; ++i) {
        if (--glide == 0) {
            g = targetG_;
            k = targetK_;
        } else {
            g *= stepG_;
            k *= stepK_;
        }
        a1 = 1.0 / (1.0 + g * (g + k));
        a2 = g * a1;
        a3 = g * a2;
        float* sample = buffer + i;
        svfLanes<1>(output, &sample, 1, &k, &a1, &a2, &a3, &ic1, &ic2);
    }
    float* rest = buffer + i;
    if (i < frames) svfLanes<1>(output, &rest, frames - i, &k, &a1, &a2, &a3, &ic1, &ic2);
    keepState(g, k, glide, ic1, ic2);
}

void Svf::keepState(double g, double k, int glide, double ic1, double ic2) {
    g_ = g;
    k_ = k;
    glideRemaining_ = glide;
    // A non-finite input would otherwise keep the integrators poisoned for ever.
    if (!std::isfinite(ic1) || !std::isfinite(ic2)) {
        ic1 = ic2 = 0.0;
    }
    ic1_ = flushDenormal(ic1);
    ic2_ = flushDenormal(ic2);
}

void Svf::processLanes(Svf* const* filters, float* const* buffers, int frames, SvfOutput output) {
    if (frames <= 0) return;
    double k[kLanes], a1[kLanes], a2[kLanes], a3[kLanes], ic1[kLanes], ic2[kLanes];
    for (int l = 0; l < kLanes; ++l) {
        const Svf& f = *filters[l];
        k[l] = f.k_;
        a1[l] = 1.0 / (1.0 + f.g_ * (f.g_ + f.k_));
        a2[l] = f.g_ * a1[l];
        a3[l] = f.g_ * a2[l];
        ic1[l] = f.ic1_;
        ic2[l] = f.ic2_;
    }
    svfLanes<kLanes>(output, buffers, frames, k, a1, a2, a3, ic1, ic2);
    for (int l = 0; l < kLanes; ++l) filters[l]->keepState(filters[l]->g_, filters[l]->k_, 0, ic1[l], ic2[l]);
}

// ---- SuperDirt filters -------------------------------------------------------------------

void LowpassFilter::setParams(double cutoffHz, double resonance) {
    const double fc = std::isfinite(cutoffHz) ? std::fabs(cutoffHz) : 1e9;  // NaN: open
    svf_.setTarget(fc, resonanceToQ(resonance));
}

void HighpassFilter::setParams(double cutoffHz, double resonance) {
    const double fc = std::isfinite(cutoffHz) ? std::fabs(cutoffHz) : 0.0;  // NaN: open
    svf_.setTarget(fc, resonanceToQ(resonance));
}

void BandpassFilter::setParams(double centerHz, double bandq) {
    const double fc = std::max(20.0, finiteOr(centerHz, 1000.0));
    const double q = clampFinite(bandq, 1.0, kMaxBandQ, kDefaultBandQ);
    svf_.setTarget(fc, q);  // band output has peak gain Q = SuperDirt's BPF * bandq
}

// ---- Vowels ------------------------------------------------------------------------------

std::optional<Vowel> vowelFromName(std::string_view name) {
    if (name == "a") return Vowel::A;
    if (name == "e") return Vowel::E;
    if (name == "i") return Vowel::I;
    if (name == "o") return Vowel::O;
    if (name == "u") return Vowel::U;
    return std::nullopt;
}

const std::array<Formant, 5>& vowelFormants(Vowel vowel) {
    // Counter-tenor: frequency (Hz), bandwidth (Hz), level (dB).
    static const std::array<std::array<Formant, 5>, 5> table = {{
        {{{660, 80, 0}, {1120, 90, -6}, {2750, 120, -23}, {3000, 130, -24}, {3350, 140, -38}}},
        {{{440, 70, 0}, {1800, 80, -14}, {2700, 100, -18}, {3000, 120, -20}, {3300, 120, -20}}},
        {{{270, 40, 0}, {1850, 90, -24}, {2900, 100, -24}, {3350, 120, -36}, {3590, 120, -36}}},
        {{{430, 40, 0}, {820, 80, -10}, {2700, 100, -26}, {3000, 120, -22}, {3300, 120, -34}}},
        {{{370, 40, 0}, {630, 60, -20}, {2750, 100, -23}, {3000, 120, -30}, {3400, 120, -34}}},
    }};
    return table[static_cast<std::size_t>(vowel)];
}

void VowelFilter::init(double sampleRate, int maxBlockSize) {
    sampleRate_ = clampFinite(sampleRate, 1000.0, 1e6, 48000.0);
    const std::size_t size = static_cast<std::size_t>(std::max(maxBlockSize, 16));
    scratch_.assign(size, 0.0f);
    wet_.assign(size, 0.0f);
    for (auto& band : bands_) band.init(sampleRate_);
    setParams(Vowel::A, kDefaultResonance);
}

void VowelFilter::reset() {
    for (auto& band : bands_) band.reset();
}

void VowelFilter::setParams(Vowel vowel, double resonance) {
    const double r = clampFinite(resonance, 0.0, 1.0, kDefaultResonance);
    const auto& formants = vowelFormants(vowel);
    const double widthDivisor = linlin(r, 0.0, 1.0, 0.1, 0.5);
    const double levelScale = linlin(r, 0.0, 1.0, 50.0, 200.0);
    for (std::size_t i = 0; i < formants.size(); ++i) {
        const double f = std::min(formants[i].frequencyHz, 0.49 * sampleRate_);
        const double rq = formants[i].bandwidthHz / formants[i].frequencyHz / widthDivisor;
        bands_[i].setTarget(f, 1.0 / rq);
        bandGains_[i] = static_cast<float>(dbToAmplitude(formants[i].gainDb) * levelScale);
    }
    // XFade2(dry, voweled, pan, level 0.25): equal-power cross-fade.
    const double pan = linlin(r, 0.0, 1.0, -0.5, 1.0);
    const double angle = (pan + 1.0) * kPi / 4.0;
    dryGain_ = static_cast<float>(0.25 * std::cos(angle));
    wetGain_ = static_cast<float>(0.25 * std::sin(angle));
}

void VowelFilter::process(float* buffer, int frames) {
    const int chunk = static_cast<int>(scratch_.size());
    if (chunk == 0) return;  // not initialised: leave the sound unchanged
    for (int offset = 0; offset < frames; offset += chunk) {
        processChunk(buffer + offset, std::min(chunk, frames - offset));
    }
}

void VowelFilter::processChunk(float* buffer, int frames) {
    float* wet = wet_.data();
    float* scratch = scratch_.data();
    std::fill(wet, wet + frames, 0.0f);
    for (std::size_t b = 0; b < bands_.size(); ++b) {
        std::copy(buffer, buffer + frames, scratch);
        bands_[b].process(scratch, frames, SvfOutput::BandpassUnity);
        const float gain = bandGains_[b];
        for (int i = 0; i < frames; ++i) wet[i] += gain * scratch[i];
    }
    for (int i = 0; i < frames; ++i) buffer[i] = dryGain_ * buffer[i] + wetGain_ * wet[i];
}

// ---- Ladder ------------------------------------------------------------------------------

void LadderFilter::init(double sampleRate) {
    sampleRate_ = clampFinite(sampleRate, 1000.0, 1e6, 48000.0);
    reset();
    setCutoff(1000.0);
}

void LadderFilter::reset() {
    for (double& s : s_) s = 0.0;
}

void LadderFilter::setCutoff(double cutoffHz) {
    const double fc = clampFinite(cutoffHz, 10.0, 0.45 * sampleRate_, 0.45 * sampleRate_);
    const double g = std::tan(kPi * fc / sampleRate_);
    G_ = g / (1.0 + g);
    updateLoop();
}

void LadderFilter::setFeedback(double feedback) {
    feedback_ = clampFinite(feedback, 0.0, 3.96, 0.0);
    updateLoop();
}

void LadderFilter::updateLoop() {
    const double G = G_;
    loopGain_ = 1.0 / (1.0 + feedback_ * G * G * G * G);
}

namespace {

// One sample of the ladder. Zero-delay feedback: solve the loop for the input of the first
// stage, then run the four trapezoidal one-poles.
inline float ladderStep(float x, double G, double feedback, double loopGain, double (&s)[4]) {
    const double beta = 1.0 - G;  // 1 / (1 + g)
    const double sigma = beta * (((G * s[0] + s[1]) * G + s[2]) * G + s[3]);
    double u = (static_cast<double>(x) - feedback * sigma) * loopGain;
    for (double& state : s) {
        const double v = (u - state) * G;
        const double y = v + state;
        state = flushDenormal(y + v);
        u = y;
    }
    return static_cast<float>(u);
}

}  // namespace

float LadderFilter::tick(float x) {
    return ladderStep(x, G_, feedback_, loopGain_, s_);
}

void LadderFilter::process(float* buffer, int frames) {
    // The state in locals, so it stays in registers across the block.
    double s[4] = {s_[0], s_[1], s_[2], s_[3]};
    const double G = G_, feedback = feedback_, loopGain = loopGain_;
    for (int i = 0; i < frames; ++i) buffer[i] = ladderStep(buffer[i], G, feedback, loopGain, s);
    for (int k = 0; k < 4; ++k) s_[k] = s[k];
}

}  // namespace seiche::audio::dsp
