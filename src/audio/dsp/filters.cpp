#include "audio/dsp/filters.hpp"

#include <algorithm>
#include <cmath>

#include "audio/dsp/dsp_math.hpp"
#include "audio/dsp/kernel.hpp"
#include "audio/dsp/simd.hpp"

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
    ic1_ = ic2_ = 0.0f;
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

using simd::Float4;

// One step of the trapezoidal SVF: T is float (one filter) or Float4 (four filters side by
// side, lane by lane the same arithmetic). Single precision is enough for this structure and
// halves the work of double: the benchmark mixes differ from double precision by at most
// -110 dB of their peak; dsp_lanes_test bounds the extreme cases. The output type is a
// template argument so the per-sample loops carry no switch.
template <SvfOutput kOutput, class T>
inline void svfStep(T& x, const T& k, const T& a1, const T& a2, const T& a3, T& ic1, T& ic2) {
    const T v0 = x;
    const T v3 = v0 - ic2;
    const T v1 = a1 * ic1 + a2 * v3;
    const T v2 = ic2 + a2 * ic1 + a3 * v3;
    ic1 = 2.0f * v1 - ic1;
    ic2 = 2.0f * v2 - ic2;
    if constexpr (kOutput == SvfOutput::Lowpass) x = v2;
    else if constexpr (kOutput == SvfOutput::Highpass) x = v0 - k * v1 - v2;
    else if constexpr (kOutput == SvfOutput::Bandpass) x = v1;
    else x = k * v1;  // BandpassUnity
}

template <SvfOutput kOutput>
void svfOne(float* buffer, int frames, const SvfCoefficients& c, float& ic1, float& ic2) {
    for (int i = 0; i < frames; ++i) svfStep<kOutput>(buffer[i], c.k, c.a1, c.a2, c.a3, ic1, ic2);
}

// The four coefficients and the two states of four filters, one lane each.
struct SvfQuad {
    Float4 k, a1, a2, a3, ic1, ic2;
};

// G groups of four filters, each filter over its own buffer. Four samples of each buffer
// are read at once and turned (transposed) into four steps of its group's filters. A step
// waits on the one before it in the same group, so several groups side by side keep the
// processor busy.
template <SvfOutput kOutput, int G>
void svfGroups(float* const* buffers, int frames, SvfQuad* quads) {
    auto step = [](Float4 x, SvfQuad& q) {
        svfStep<kOutput>(x, q.k, q.a1, q.a2, q.a3, q.ic1, q.ic2);
        return x;
    };
    int i = 0;
    for (; i + 4 <= frames; i += 4) {
        Float4 s[G][4];
        for (int g = 0; g < G; ++g) {
            for (int r = 0; r < 4; ++r) s[g][r] = simd::load4(buffers[4 * g + r] + i);
            simd::transpose(s[g][0], s[g][1], s[g][2], s[g][3]);  // s[g][n]: sample i + n of the group's buffers
        }
        for (int n = 0; n < 4; ++n)
            for (int g = 0; g < G; ++g) s[g][n] = step(s[g][n], quads[g]);
        for (int g = 0; g < G; ++g) {
            simd::transpose(s[g][0], s[g][1], s[g][2], s[g][3]);
            for (int r = 0; r < 4; ++r) simd::store4(buffers[4 * g + r] + i, s[g][r]);
        }
    }
    for (; i < frames; ++i) {
        for (int g = 0; g < G; ++g) {
            float* const* b = buffers + 4 * g;
            const Float4 out = step(Float4{b[0][i], b[1][i], b[2][i], b[3][i]}, quads[g]);
            for (int l = 0; l < 4; ++l) b[l][i] = out[l];
        }
    }
}

template <template <SvfOutput> class Run, class... Args>
void withOutput(SvfOutput output, Args&&... args) {
    switch (output) {
        case SvfOutput::Lowpass: return Run<SvfOutput::Lowpass>{}(args...);
        case SvfOutput::Highpass: return Run<SvfOutput::Highpass>{}(args...);
        case SvfOutput::Bandpass: return Run<SvfOutput::Bandpass>{}(args...);
        case SvfOutput::BandpassUnity: return Run<SvfOutput::BandpassUnity>{}(args...);
    }
}

template <SvfOutput kOutput>
struct RunOne {
    template <class... Args> void operator()(Args&... args) const { svfOne<kOutput>(args...); }
};

template <SvfOutput kOutput>
struct RunGroups {
    void operator()(float* const* buffers, int frames, SvfQuad* quads, int groups) const {
        switch (groups) {
            case 1: return svfGroups<kOutput, 1>(buffers, frames, quads);
            case 2: return svfGroups<kOutput, 2>(buffers, frames, quads);
            case 3: return svfGroups<kOutput, 3>(buffers, frames, quads);
            default: return svfGroups<kOutput, 4>(buffers, frames, quads);
        }
    }
};

}  // namespace

SEICHE_DSP_KERNEL void Svf::process(float* buffer, int frames, SvfOutput output) {
    if (frames <= 0) return;
    double g = g_, k = k_;
    SvfCoefficients c = coefficientsFor(g, k);
    float ic1 = ic1_, ic2 = ic2_;
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
        c = coefficientsFor(g, k);
        withOutput<RunOne>(output, buffer + i, 1, c, ic1, ic2);
    }
    if (i < frames) withOutput<RunOne>(output, buffer + i, frames - i, c, ic1, ic2);
    keepState(g, k, glide, ic1, ic2);
}

SvfCoefficients Svf::coefficientsFor(double g, double k) {
    // In double, then rounded once: the same coefficients for one filter and for lanes.
    const double a1 = 1.0 / (1.0 + g * (g + k));
    const double a2 = g * a1;
    const double a3 = g * a2;
    return {static_cast<float>(k), static_cast<float>(a1), static_cast<float>(a2), static_cast<float>(a3)};
}

void Svf::keepState(double g, double k, int glide, float ic1, float ic2) {
    g_ = g;
    k_ = k;
    glideRemaining_ = glide;
    // A non-finite input would otherwise keep the integrators poisoned for ever.
    if (!std::isfinite(ic1) || !std::isfinite(ic2)) {
        ic1 = ic2 = 0.0f;
    }
    ic1_ = flushDenormal(ic1);
    ic2_ = flushDenormal(ic2);
}

SEICHE_DSP_KERNEL void Svf::processLanes(Svf* const* filters, float* const* buffers, int frames, SvfOutput output,
                                         int count) {
    if (frames <= 0 || count <= 0 || count > kMaxLanes) return;
    // Lanes past `count` in the last group have zero coefficients and states: silence in,
    // silence out, exactly.
    SvfQuad quads[kMaxLanes / kLanes] = {};
    for (int l = 0; l < count; ++l) {
        const Svf& f = *filters[l];
        const SvfCoefficients c = coefficientsFor(f.g_, f.k_);
        SvfQuad& q = quads[l / kLanes];
        const int lane = l % kLanes;
        q.k[lane] = c.k;
        q.a1[lane] = c.a1;
        q.a2[lane] = c.a2;
        q.a3[lane] = c.a3;
        q.ic1[lane] = f.ic1_;
        q.ic2[lane] = f.ic2_;
    }
    const int groups = (count + kLanes - 1) / kLanes;
    if (count % kLanes == 0) {
        withOutput<RunGroups>(output, buffers, frames, quads, groups);
    } else {
        // The empty lanes read and write a short run of silence, so the whole block goes
        // through in chunks of that length.
        constexpr int kChunk = 64;
        float silence[kChunk] = {};
        float* lanes[kMaxLanes];
        for (int l = count; l < groups * kLanes; ++l) lanes[l] = silence;
        for (int start = 0; start < frames; start += kChunk) {
            int n = std::min(kChunk, frames - start);
            for (int l = 0; l < count; ++l) lanes[l] = buffers[l] + start;
            withOutput<RunGroups>(output, lanes, n, quads, groups);
        }
    }
    for (int l = 0; l < count; ++l) {
        const SvfQuad& q = quads[l / kLanes];
        filters[l]->keepState(filters[l]->g_, filters[l]->k_, 0, q.ic1[l % kLanes], q.ic2[l % kLanes]);
    }
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
    chunk_ = std::max(maxBlockSize, 16);
    scratch_.assign(static_cast<std::size_t>(chunk_) * bands_.size(), 0.0f);  // a piece per band
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

SEICHE_DSP_KERNEL void VowelFilter::process(float* buffer, int frames) {
    if (chunk_ == 0) return;  // not initialised: leave the sound unchanged
    for (int offset = 0; offset < frames; offset += chunk_) {
        processChunk(buffer + offset, std::min(chunk_, frames - offset));
    }
}

void VowelFilter::processChunk(float* buffer, int frames) {
    constexpr int kBands = 5;
    static_assert(std::tuple_size_v<decltype(bands_)> == kBands);
    float* pieces[kBands];
    for (int b = 0; b < kBands; ++b) {
        pieces[b] = scratch_.data() + static_cast<std::size_t>(b) * static_cast<std::size_t>(chunk_);
        std::copy(buffer, buffer + frames, pieces[b]);
    }
    // Each band filters its own copy of the input. Steady bands (the usual case: a voice's
    // vowel is set once, at its start) run side by side in lanes, with process()'s
    // arithmetic; otherwise one by one.
    bool steady = true;
    for (const Svf& band : bands_) steady = steady && band.steady();
    int b = 0;
    if (steady) {
        Svf* lanes[kBands];
        for (int l = 0; l < kBands; ++l) lanes[l] = &bands_[static_cast<std::size_t>(l)];
        Svf::processLanes(lanes, pieces, frames, SvfOutput::BandpassUnity, kBands);
        b = kBands;
    }
    for (; b < kBands; ++b) bands_[static_cast<std::size_t>(b)].process(pieces[b], frames, SvfOutput::BandpassUnity);
    // The bands summed in their order, from 0, then cross-faded with the dry sound.
    const float g0 = bandGains_[0], g1 = bandGains_[1], g2 = bandGains_[2], g3 = bandGains_[3],
                g4 = bandGains_[4];
    const float* p0 = pieces[0];
    const float* p1 = pieces[1];
    const float* p2 = pieces[2];
    const float* p3 = pieces[3];
    const float* p4 = pieces[4];
    const float dry = dryGain_, wetGain = wetGain_;
    for (int i = 0; i < frames; ++i) {
        float wet = 0.0f;
        wet += g0 * p0[i];
        wet += g1 * p1[i];
        wet += g2 * p2[i];
        wet += g3 * p3[i];
        wet += g4 * p4[i];
        buffer[i] = dry * buffer[i] + wetGain * wet;
    }
}

// ---- Ladder ------------------------------------------------------------------------------

void LadderFilter::init(double sampleRate) {
    sampleRate_ = clampFinite(sampleRate, 1000.0, 1e6, 48000.0);
    reset();
    setCutoff(1000.0);
}

void LadderFilter::reset() {
    s_ = simd::Double4{};
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

namespace {

// One sample of the ladder as its stages run. Zero-delay feedback: solve the loop for the
// input of the first stage, then run the four trapezoidal one-poles. Used only to find the
// matrix of the filter (updateLoop); each stage here waits on the one before.
double ladderStep(double x, double G, double feedback, double (&s)[4]) {
    const double loopGain = 1.0 / (1.0 + feedback * G * G * G * G);
    const double beta = 1.0 - G;  // 1 / (1 + g)
    const double sigma = beta * (((G * s[0] + s[1]) * G + s[2]) * G + s[3]);
    double u = (x - feedback * sigma) * loopGain;
    for (double& state : s) {
        const double v = (u - state) * G;
        const double y = v + state;
        state = y + v;
        u = y;
    }
    return u;
}

// One sample by the matrix: the four new states depend on the old ones only through one
// multiply and a short sum.
inline float ladderMatrixStep(float x, const simd::Double4 (&stateColumn)[4], const simd::Double4& inputColumn,
                              const simd::Double4& outputRow, double outputFromInput, simd::Double4& s) {
    const double in = x;
    const simd::Double4 weighted = outputRow * s;
    const double y = ((weighted[0] + weighted[1]) + (weighted[2] + weighted[3])) + outputFromInput * in;
    s = ((stateColumn[0] * s[0] + stateColumn[1] * s[1]) + (stateColumn[2] * s[2] + stateColumn[3] * s[3])) +
        inputColumn * in;
    return static_cast<float>(y);
}

// Denormal states would slow every later sample; once per block is enough to keep them away.
inline void flushLadderState(simd::Double4& s) {
    for (int k = 0; k < 4; ++k) s[k] = flushDenormal(s[k]);
}

}  // namespace

void LadderFilter::updateLoop() {
    // Column k: where state k alone leads in one sample; the input column: where x = 1 leads.
    for (int k = 0; k <= 4; ++k) {
        double s[4] = {0.0, 0.0, 0.0, 0.0};
        if (k < 4) s[k] = 1.0;
        const double y = ladderStep(k < 4 ? 0.0 : 1.0, G_, feedback_, s);
        const simd::Double4 next = {s[0], s[1], s[2], s[3]};
        if (k < 4) {
            stateColumn_[k] = next;
            outputRow_[k] = y;
        } else {
            inputColumn_ = next;
            outputFromInput_ = y;
        }
    }
}

float LadderFilter::tick(float x) {
    const float y = ladderMatrixStep(x, stateColumn_, inputColumn_, outputRow_, outputFromInput_, s_);
    flushLadderState(s_);
    return y;
}

SEICHE_DSP_KERNEL void LadderFilter::process(float* buffer, int frames) {
    // The state and the matrix in locals, so they stay in registers across the block.
    simd::Double4 s = s_;
    const simd::Double4 columns[4] = {stateColumn_[0], stateColumn_[1], stateColumn_[2], stateColumn_[3]};
    const simd::Double4 input = inputColumn_, output = outputRow_;
    const double direct = outputFromInput_;
    for (int i = 0; i < frames; ++i) buffer[i] = ladderMatrixStep(buffer[i], columns, input, output, direct, s);
    flushLadderState(s);
    s_ = s;
}

}  // namespace seiche::audio::dsp
