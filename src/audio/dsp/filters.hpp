#pragma once
// Filters with SuperDirt's control meanings. All are mono: a stereo voice uses one per channel.
//
//   cutoff / resonance    LowpassFilter   RLPF(|cutoff|, rq = resonance.linexp(0,1, 1,0.001))
//   hcutoff / hresonance  HighpassFilter  RHPF(|hcutoff|, rq = hresonance.linexp(0,1, 1,0.001))
//   bandf / bandq         BandpassFilter  BPF(max(bandf,20), 1/max(bandq,1)) * max(bandq,1)
//   vowel (+ resonance)   VowelFilter     five formant band-passes, counter-tenor table
//
// Resonance 0..1 therefore means Q = 1000^resonance: 0 is a gentle Q of 1, 0.2 about 4,
// 0.5 about 32, 1 an almost self-oscillating Q of 1000, exactly as in SuperDirt. Cutoffs are
// clamped to [10 Hz, 0.49 * sampleRate]. A NaN or infinite control leaves the filter open
// (low-pass at the top, high-pass at the bottom); a NaN resonance counts as 0.
//
// The filters are TPT state-variable filters (Zavalishin/Simper): stable for any
// coefficient, even when modulated, and their responses match SuperCollider's bilinear
// two-pole filters. Parameter changes glide smoothly over 10 ms.
#include <array>
#include <optional>
#include <string_view>
#include <vector>

#include "audio/dsp/simd.hpp"

namespace seiche::audio::dsp {

// Q from SuperDirt's 0..1 `resonance`/`hresonance`: 1 / linexp(r, 0, 1, 1, 0.001).
double resonanceToQ(double resonance);

enum class SvfOutput {
    Lowpass,
    Highpass,
    Bandpass,       // peak gain Q (what SuperDirt's BPF * bandq amounts to)
    BandpassUnity,  // peak gain 1 (SuperCollider's BPF)
};

// The per-sample coefficients of one Svf, rounded to float.
struct SvfCoefficients {
    float k, a1, a2, a3;
};

// Two-pole state-variable filter; the building block of the others.
class Svf {
public:
    void init(double sampleRate);
    void reset();
    // Changes of cutoff or Q glide exponentially (constant rate in octaves) over this long,
    // whatever the block size, so a jump from 200 Hz to 8 kHz sweeps instead of clicking.
    static constexpr double kGlideSeconds = 0.01;

    // Clamped to [10 Hz, 0.49 sr] and Q to [0.05, 1000]. The first call after init/reset
    // takes effect at once; later calls glide over kGlideSeconds.
    void setTarget(double cutoffHz, double q);
    void process(float* buffer, int frames, SvfOutput output);

    // `count` filters (1 to kMaxLanes) side by side in groups of kLanes, each on its own
    // buffer, with exactly the arithmetic of process(): one filter's recursion waits on its
    // own previous sample, so running several voices' filters together keeps the processor
    // busy (and fills its SIMD lanes). A last group that is not full runs with silent lanes.
    // Every filter must be steady().
    static constexpr int kLanes = 4;
    static constexpr int kMaxLanes = 16;
    static void processLanes(Svf* const* filters, float* const* buffers, int frames, SvfOutput output,
                             int count = kLanes);
    bool steady() const { return glideRemaining_ == 0; }

    double sampleRate() const { return sampleRate_; }

private:
    void coefficients(double cutoffHz, double q, double& g, double& k) const;
    static SvfCoefficients coefficientsFor(double g, double k);
    void keepState(double g, double k, int glide, float ic1, float ic2);

    double sampleRate_ = 48000.0;
    double g_ = 0.1, k_ = 1.0;              // current
    double targetG_ = 0.1, targetK_ = 1.0;  // where the glide goes
    double stepG_ = 1.0, stepK_ = 1.0;      // per-sample ratios while gliding
    int glideRemaining_ = 0;
    int glideFrames_ = 480;
    bool primed_ = false;
    float ic1_ = 0.0f, ic2_ = 0.0f;         // integrator states
};

class LowpassFilter {
public:
    void init(double sampleRate) { svf_.init(sampleRate); }
    void reset() { svf_.reset(); }
    void setParams(double cutoffHz, double resonance);  // SuperDirt `cutoff`, `resonance`
    void process(float* buffer, int frames) { svf_.process(buffer, frames, SvfOutput::Lowpass); }
    Svf& svf() { return svf_; }  // the filter underneath, run with SvfOutput::Lowpass

private:
    Svf svf_;
};

class HighpassFilter {
public:
    void init(double sampleRate) { svf_.init(sampleRate); }
    void reset() { svf_.reset(); }
    void setParams(double cutoffHz, double resonance);  // SuperDirt `hcutoff`, `hresonance`
    void process(float* buffer, int frames) { svf_.process(buffer, frames, SvfOutput::Highpass); }
    Svf& svf() { return svf_; }  // the filter underneath, run with SvfOutput::Highpass

private:
    Svf svf_;
};

class BandpassFilter {
public:
    // SuperDirt's dirt_bpf has bandq = 10 when only `bandf` is given.
    static constexpr double kDefaultBandQ = 10.0;
    // SuperDirt does not bound bandq; beyond this the filter only rings longer and louder.
    static constexpr double kMaxBandQ = 1000.0;

    void init(double sampleRate) { svf_.init(sampleRate); }
    void reset() { svf_.reset(); }
    void setParams(double centerHz, double bandq = kDefaultBandQ);  // SuperDirt `bandf`, `bandq`
    void process(float* buffer, int frames) { svf_.process(buffer, frames, SvfOutput::Bandpass); }
    Svf& svf() { return svf_; }  // the filter underneath, run with SvfOutput::Bandpass

private:
    Svf svf_;
};

enum class Vowel { A, E, I, O, U };
// "a", "e", "i", "o", "u" (as typed in `vowel "a"`); anything else has no vowel, and
// SuperDirt then leaves the sound unchanged.
std::optional<Vowel> vowelFromName(std::string_view name);

struct Formant {
    double frequencyHz;
    double bandwidthHz;
    double gainDb;
};
// The counter-tenor formants SuperDirt uses (Vowel quark, register \counterTenor; the values
// of the Csound manual's formant table).
const std::array<Formant, 5>& vowelFormants(Vowel vowel);

// SuperDirt's dirt_vowel: the sum of five band-passes at the vowel's formants, with
// bandwidths divided by resonance.linlin(0,1, 0.1,0.5) and levels multiplied by
// resonance.linlin(0,1, 50,200), cross-faded (equal power, XFade2 at
// resonance.linlin(0,1, -0.5,1), level 0.25) with the dry sound. `resonance` defaults to
// 0.5 in SuperDirt when not given.
class VowelFilter {
public:
    static constexpr double kDefaultResonance = 0.5;

    // maxBlockSize fixes the scratch buffer; longer blocks are processed in pieces.
    void init(double sampleRate, int maxBlockSize);
    void reset();
    void setParams(Vowel vowel, double resonance = kDefaultResonance);
    void process(float* buffer, int frames);

private:
    void processChunk(float* buffer, int frames);

    std::array<Svf, 5> bands_{};
    std::array<float, 5> bandGains_{};
    float dryGain_ = 1.0f;
    float wetGain_ = 0.0f;
    int chunk_ = 0;               // frames per piece (maxBlockSize, at least 16)
    std::vector<float> scratch_;  // one piece per band
    double sampleRate_ = 48000.0;
};

// Four-pole low-pass ladder (zero-delay feedback, linear) standing in for SuperCollider's
// MoogFF inside the supersaw/supersquare synths. `feedback` is MoogFF's gain, 0..4
// (clamped below 3.96 to stay clear of self-oscillation).
class LadderFilter {
public:
    void init(double sampleRate);
    void reset();
    void setCutoff(double cutoffHz);  // clamped to [10 Hz, 0.45 sr]
    void setFeedback(double feedback);
    float tick(float x);
    // `frames` samples through the filter, in place: the same as tick() on each.
    void process(float* buffer, int frames);

private:
    void updateLoop();

    double sampleRate_ = 48000.0;
    double G_ = 0.1;        // g / (1 + g)
    double feedback_ = 0.0;
    // The ladder is linear, so one sample of it is a matrix: new state = sum over k of
    // stateColumn_[k] * s[k] + inputColumn_ * x, output = outputRow_ . s + outputFromInput_ * x.
    // The four stages then update at once instead of each waiting on the one before.
    simd::Double4 stateColumn_[4] = {};
    simd::Double4 inputColumn_ = {};
    simd::Double4 outputRow_ = {};
    double outputFromInput_ = 0.0;
    simd::Double4 s_ = {};
};

}  // namespace seiche::audio::dsp
