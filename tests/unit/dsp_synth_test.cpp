// Synths and envelopes: measured as sound (spectra, levels, timing), not as code paths.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "audio/dsp/envelope.hpp"
#include "audio/dsp/measure.hpp"
#include "audio/dsp/oscillators.hpp"
#include "audio/dsp/synth.hpp"

using namespace seiche::audio::dsp;
namespace m = seiche::audio::dsp::measure;

namespace {

constexpr double kRate = 48000.0;
constexpr int kBlock = 256;

std::vector<float> render(SynthKind kind, double hz, SynthParams params = {}) {
    Synth synth;
    synth.init(kRate, kBlock);
    synth.start(kind, hz, params);
    std::vector<float> out(static_cast<std::size_t>(params.sustain * kRate) + 1000, 1.0f);
    for (std::size_t i = 0; i < out.size(); i += kBlock) {
        synth.process(out.data() + i, static_cast<int>(std::min<std::size_t>(kBlock, out.size() - i)));
    }
    return out;
}

double db(double ratio) { return 10.0 * std::log10(ratio); }

}  // namespace

TEST(DspSynth, NamesRoundTripAndAliases) {
    ASSERT_EQ(synthNames().size(), 9u);
    for (std::string_view name : synthNames()) {
        const auto kind = synthKindFromName(name);
        ASSERT_TRUE(kind.has_value()) << name;
        EXPECT_EQ(synthName(*kind), name);
    }
    EXPECT_EQ(synthKindFromName("sawtooth"), SynthKind::Saw);
    EXPECT_EQ(synthKindFromName("triangle"), SynthKind::Tri);
    EXPECT_EQ(synthKindFromName("white"), SynthKind::Noise);
    EXPECT_FALSE(synthKindFromName("bd").has_value());
    EXPECT_FALSE(synthKindFromName("").has_value());
}

TEST(DspSynth, SineAt440HasItsEnergyAt440) {
    const auto x = render(SynthKind::Sine, 440.0);
    const std::size_t n = 32768;
    EXPECT_NEAR(m::dominantFrequency(x.data(), n, kRate), 440.0, 0.5);
    const double fundamental = m::goertzelPower(x.data(), n, 440.0, kRate);
    EXPECT_GT(fundamental, 0.05);
    EXPECT_LT(db(m::harmonicRatio(x.data(), n, 440.0, kRate)), -90.0);
    EXPECT_LT(db(m::goertzelPower(x.data(), n, 1000.0, kRate) / fundamental), -90.0);
}

TEST(DspSynth, SawHasAllHarmonicsFallingAsOneOverN) {
    const auto x = render(SynthKind::Saw, 220.0);
    const std::size_t n = 32768;
    const double p1 = m::goertzelPower(x.data(), n, 220.0, kRate);
    for (int h = 2; h <= 6; ++h) {
        const double ph = m::goertzelPower(x.data(), n, 220.0 * h, kRate);
        EXPECT_NEAR(db(ph / p1), db(1.0 / (h * h)), 0.5) << "harmonic " << h;
    }
}

TEST(DspSynth, SquareHasOddHarmonicsOnly) {
    const auto x = render(SynthKind::Square, 220.0);
    const std::size_t n = 32768;
    const double p1 = m::goertzelPower(x.data(), n, 220.0, kRate);
    EXPECT_NEAR(db(m::goertzelPower(x.data(), n, 660.0, kRate) / p1), db(1.0 / 9.0), 0.5);
    EXPECT_LT(db(m::goertzelPower(x.data(), n, 440.0, kRate) / p1), -60.0);
}

TEST(DspSynth, TriangleHarmonicsFallAsOneOverNSquared) {
    const auto x = render(SynthKind::Tri, 220.0);
    const std::size_t n = 32768;
    const double p1 = m::goertzelPower(x.data(), n, 220.0, kRate);
    EXPECT_NEAR(db(m::goertzelPower(x.data(), n, 660.0, kRate) / p1), db(1.0 / 81.0), 1.0);
    EXPECT_LT(db(m::goertzelPower(x.data(), n, 440.0, kRate) / p1), -60.0);
}

// Energy that is not at a harmonic of f0 (within +-2 bins) is aliasing.
static double aliasingRatio(const std::vector<float>& x, double f0) {
    std::size_t size = 0;
    const auto power = m::powerSpectrum(x.data(), x.size(), size);
    double harmonic = 0.0, other = 0.0;
    const double binHz = kRate / static_cast<double>(size);
    for (std::size_t k = 1; k < power.size(); ++k) {
        const double f = k * binHz;
        const double nearest = std::round(f / f0) * f0;
        if (nearest > 0 && std::fabs(f - nearest) <= 2.5 * binHz) harmonic += power[k];
        else other += power[k];
    }
    return other / harmonic;
}

TEST(DspSynth, PolyBlepSawAliasesFarLessThanNaiveSaw) {
    const double f0 = 1234.5;  // aliases fall between harmonics
    const auto blep = render(SynthKind::Saw, f0);
    std::vector<float> naive(blep.size());
    double phase = 0.0;
    for (float& v : naive) {
        v = static_cast<float>(2.0 * phase - 1.0);
        phase += f0 / kRate;
        phase -= std::floor(phase);
    }
    const std::vector<float> a(blep.begin(), blep.begin() + 32768);
    const std::vector<float> b(naive.begin(), naive.begin() + 32768);
    const double blepAliasing = aliasingRatio(a, f0);
    const double naiveAliasing = aliasingRatio(b, f0);
    EXPECT_LT(db(blepAliasing), db(naiveAliasing) - 10.0)
        << "blep " << db(blepAliasing) << " dB, naive " << db(naiveAliasing) << " dB";
}

TEST(DspSynth, EverySynthIsFiniteAudibleBoundedAndLastsItsSustain) {
    for (std::string_view name : synthNames()) {
        SynthParams params;
        params.sustain = 0.5;
        const auto x = render(*synthKindFromName(name), 220.0, params);
        ASSERT_TRUE(m::allFinite(x)) << name;
        const std::size_t sustainFrames = 24000;
        EXPECT_GT(m::rms(x.data(), sustainFrames), 0.02) << name;
        EXPECT_LE(m::peak(x), 0.95) << name;
        for (std::size_t i = sustainFrames; i < x.size(); ++i) ASSERT_EQ(x[i], 0.0f) << name << " at " << i;
    }
}

TEST(DspSynth, RendersAreDeterministic) {
    for (std::string_view name : synthNames()) {
        SynthParams params;
        params.sustain = 0.2;
        params.seed = 7;
        EXPECT_EQ(render(*synthKindFromName(name), 330.0, params), render(*synthKindFromName(name), 330.0, params))
            << name;
    }
    SynthParams a, b;
    a.seed = 1;
    b.seed = 2;
    EXPECT_NE(render(SynthKind::Noise, 0, a), render(SynthKind::Noise, 0, b));
}

TEST(DspSynth, FinishedAfterSustainAndDropsTooShortNotes) {
    Synth synth;
    synth.init(kRate, kBlock);
    SynthParams params;
    params.sustain = 0.01;  // 480 frames
    synth.start(SynthKind::Saw, 100.0, params);
    std::vector<float> block(256);
    synth.process(block.data(), 256);
    EXPECT_FALSE(synth.finished());
    synth.process(block.data(), 256);
    EXPECT_TRUE(synth.finished());
    params.sustain = 5.0 / kRate;  // SuperDirt drops events shorter than 8 samples
    synth.start(SynthKind::Saw, 100.0, params);
    EXPECT_TRUE(synth.finished());
}

TEST(DspSynth, AccelerateGlidesThePitch) {
    SynthParams params;
    params.sustain = 1.0;
    params.accelerate = 1.0;  // 440 -> 880 over the note
    const auto x = render(SynthKind::Sine, 440.0, params);
    const std::size_t window = 4096;
    EXPECT_NEAR(m::dominantFrequency(x.data(), window, kRate), 440.0 * (1.0 + 0.5 * window / kRate), 15.0);
    EXPECT_LT(m::dominantFrequency(x.data(), window, kRate), 500.0);
    const std::size_t endStart = 48000 - window;
    const double centre = (static_cast<double>(endStart) + 0.5 * window) / kRate;
    EXPECT_NEAR(m::dominantFrequency(x.data() + endStart, window, kRate), 440.0 * (1.0 + centre), 15.0);
}

TEST(DspSynth, SupersawFollowsSuperDirtsEnvelopeAndDecay) {
    SynthParams params;
    params.sustain = 1.0;
    params.voice = 0.0;  // no detune: the saws do not beat, so the level follows the envelope
    params.lfo = 0.0;    // and the filter stands still
    const auto steady = render(SynthKind::Supersaw, 110.0, params);
    // Env.pairs: rises over the first 5 %, full until 95 %, then falls.
    const double early = m::rms(steady.data(), 480);             // first 1 %
    const double middle = m::rms(steady.data() + 14400, 19200);  // 30 % .. 70 %
    const double late = m::rms(steady.data() + 47500, 480);      // last 1 %
    EXPECT_LT(early, 0.5 * middle);
    EXPECT_LT(late, 0.5 * middle);
    params.decay = 0.8;
    const auto decayed = render(SynthKind::Supersaw, 110.0, params);
    EXPECT_LT(m::rms(decayed.data() + 14400, 19200), 0.5 * middle);
    // Three saws detuned by +-1 % (voice 0.5): energy at 110 * 1.01, not only at 110.
    params = SynthParams{};
    const auto x = render(SynthKind::Supersaw, 110.0, params);
    const std::size_t n = 32768;
    const double side = m::goertzelPower(x.data() + 8000, n, 111.1, kRate);
    const double between = m::goertzelPower(x.data() + 8000, n, 113.5, kRate);
    EXPECT_GT(side, 10.0 * between);
}

TEST(DspSynth, SupersquareIsAPulseWithItsSubOscillator) {
    SynthParams params;
    params.sustain = 1.0;
    params.pitch1 = 10.0;  // open the filter so the partials are visible
    const auto x = render(SynthKind::Supersquare, 220.0, params);
    const std::size_t n = 32768;
    const double p1 = m::goertzelPower(x.data() + 4000, n, 220.0, kRate);
    EXPECT_GT(m::goertzelPower(x.data() + 4000, n, 110.0, kRate), 0.01 * p1);  // semitone 12 below
    EXPECT_GT(m::goertzelPower(x.data() + 4000, n, 660.0, kRate), 0.01 * p1);  // odd harmonic
}

TEST(DspSynth, PianoIsPitchedDecaysAndRespondsToVelocity) {
    SynthParams params;
    params.sustain = 2.0;
    const auto x = render(SynthKind::Superpiano, 261.63, params);
    EXPECT_NEAR(m::dominantFrequency(x.data() + 2000, 32768, kRate, 100.0, 2000.0), 261.63, 2.6);
    EXPECT_LT(m::rms(x.data() + 80000, 4800), 0.5 * m::rms(x.data() + 2000, 4800));  // decays
    // Stiff strings: the 6th partial sits above 6 * f0.
    std::size_t size = 0;
    const auto power = m::powerSpectrum(x.data() + 2000, 65536, size);
    const double binHz = kRate / size;
    std::size_t best = 0;
    for (std::size_t k = static_cast<std::size_t>(6 * 261.63 * 0.99 / binHz);
         k < static_cast<std::size_t>(6 * 261.63 * 1.02 / binHz); ++k) {
        if (best == 0 || power[k] > power[best]) best = k;
    }
    EXPECT_GT(best * binHz, 6 * 261.63 + 0.5);
    params.velocity = 0.2;
    const auto soft = render(SynthKind::Superpiano, 261.63, params);
    EXPECT_LT(m::rms(soft.data(), 24000), 0.6 * m::rms(x.data(), 24000));
}

TEST(DspSynth, FmIndexAddsSidebands) {
    SynthParams params;
    params.fmi = 0.0;
    const auto pure = render(SynthKind::Fm, 440.0, params);
    EXPECT_LT(db(m::harmonicRatio(pure.data(), 32768, 440.0, kRate)), -80.0);
    params.fmi = 2.0;
    const auto rich = render(SynthKind::Fm, 440.0, params);
    EXPECT_GT(m::harmonicRatio(rich.data(), 32768, 440.0, kRate), 0.3);
}

TEST(DspSynth, NoiseIsWhite) {
    const auto x = render(SynthKind::Noise, 0.0);
    const double low = m::bandEnergy(x.data(), 32768, kRate, 500.0, 1500.0);
    const double high = m::bandEnergy(x.data(), 32768, kRate, 15000.0, 16000.0);
    EXPECT_NEAR(db(low / high), 0.0, 1.5);
}

TEST(DspSynth, HostileControlsGiveFiniteBoundedOutput) {
    const double bad[] = {NAN, INFINITY, -INFINITY, 1e300, -1e300, 0.0, -1.0};
    for (std::string_view name : synthNames()) {
        for (double v : bad) {
            SynthParams p;
            p.sustain = 0.05;
            p.accelerate = p.voice = p.decay = p.semitone = p.resonance = p.lfo = p.pitch1 = p.speed = v;
            p.velocity = p.detune = p.fmi = p.fmh = v;
            const auto x = render(*synthKindFromName(name), v, p);
            ASSERT_TRUE(m::allFinite(x)) << name << " " << v;
            EXPECT_LE(m::peak(x), 1.0) << name << " " << v;
        }
    }
}

// ---- Envelope ----------------------------------------------------------------------------

namespace {

std::vector<float> envelopeCurve(const EnvelopeParams& params, std::size_t frames) {
    Envelope env;
    env.init(kRate);
    env.start(params);
    std::vector<float> gains(frames);
    for (std::size_t i = 0; i < frames; i += kBlock) {
        env.render(gains.data() + i, static_cast<int>(std::min<std::size_t>(kBlock, frames - i)));
    }
    return gains;
}

}  // namespace

TEST(DspEnvelope, GateLastsSustainWithOneMillisecondSineFadeOut) {
    EnvelopeParams p;
    p.sustain = 0.5;
    const auto g = envelopeCurve(p, 30000);
    EXPECT_EQ(g[0], 1.0f);  // no fade-in when begin is 0
    EXPECT_EQ(g[20000], 1.0f);
    const std::size_t fadeStart = 24000 - 48;
    EXPECT_EQ(g[fadeStart - 1], 1.0f);
    EXPECT_NEAR(g[fadeStart + 24], 0.5f, 0.02f);
    EXPECT_GT(g[23999], 0.0f);
    EXPECT_LT(g[23999], 0.01f);
    for (std::size_t i = 24000; i < g.size(); ++i) ASSERT_EQ(g[i], 0.0f);
}

TEST(DspEnvelope, FadeInOnlyWhenAsked) {
    EnvelopeParams p;
    p.sustain = 0.5;
    p.fadeIn = true;
    const auto g = envelopeCurve(p, 100);
    EXPECT_EQ(g[0], 0.0f);
    EXPECT_NEAR(g[24], 0.5f, 0.02f);
    EXPECT_EQ(g[60], 1.0f);
}

TEST(DspEnvelope, AttackHoldReleaseUseCurveMinusThree) {
    // Env curve -3 at half the segment: (1 - e^-1.5) / (1 - e^-3) = 0.8176.
    const double half = (1.0 - std::exp(-1.5)) / (1.0 - std::exp(-3.0));
    EnvelopeParams p;
    p.sustain = 1.0;
    p.attack = 0.1;
    p.hold = 0.1;
    p.release = 0.2;
    const auto g = envelopeCurve(p, 48000);
    EXPECT_NEAR(g[2400], half, 0.002);          // half-way up the attack
    EXPECT_NEAR(g[7200], 1.0, 1e-6);            // holding
    EXPECT_NEAR(g[9600 + 4800], 1.0 - half, 0.002);  // half-way down the release
    EXPECT_NEAR(g[9600 + 9700], 0.0, 1e-6);     // released before the gate ends
}

TEST(DspEnvelope, ReleaseAloneDecaysFromTheStartAttackAloneNeverDecays) {
    EnvelopeParams p;
    p.sustain = 1.0;
    p.release = 0.5;
    const auto r = envelopeCurve(p, 48000);
    EXPECT_NEAR(r[0], 1.0, 1e-6);
    EXPECT_LT(r[12000], 0.5);
    EnvelopeParams q;
    q.sustain = 1.0;
    q.attack = 0.01;
    const auto a = envelopeCurve(q, 48000);
    EXPECT_NEAR(a[40000], 1.0, 1e-6);
}

TEST(DspEnvelope, ApplyMultipliesAndTooShortIsDropped) {
    Envelope env;
    env.init(kRate);
    EnvelopeParams p;
    p.sustain = 0.25;
    p.release = 0.25;
    env.start(p);
    std::vector<float> x(256, 0.5f);
    env.apply(x.data(), 256);
    EXPECT_NEAR(x[0], 0.5f, 1e-6);
    EXPECT_LT(x[255], 0.5f);
    EXPECT_FALSE(env.finished());
    p.sustain = 4.0 / kRate;
    env.start(p);
    EXPECT_TRUE(env.finished());
    env.apply(x.data(), 256);
    EXPECT_EQ(x[0], 0.0f);
}

TEST(DspEnvelope, HostileParametersStayFinite) {
    const double bad[] = {NAN, INFINITY, -INFINITY, 1e300, -5.0, 0.0};
    for (double v : bad) {
        EnvelopeParams p;
        p.sustain = v;
        p.attack = v;
        p.hold = v;
        p.release = v;
        p.fadeTime = v;
        const auto g = envelopeCurve(p, 4096);
        ASSERT_TRUE(m::allFinite(g)) << v;
        EXPECT_LE(m::peak(g), 1.0) << v;
        EnvelopeParams q;
        q.attack = v;
        q.release = v;
        q.hold = v;
        const auto h = envelopeCurve(q, 4096);
        ASSERT_TRUE(m::allFinite(h)) << v;
        EXPECT_LE(m::peak(h), 1.0) << v;
    }
}
