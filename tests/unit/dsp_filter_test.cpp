// Filters and voice effects, measured on real signals.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "audio/dsp/filters.hpp"
#include "audio/dsp/gain.hpp"
#include "audio/dsp/measure.hpp"
#include "audio/dsp/random.hpp"
#include "audio/dsp/voice_fx.hpp"

using namespace seiche::audio::dsp;
namespace m = seiche::audio::dsp::measure;

namespace {

constexpr double kRate = 48000.0;
constexpr int kBlock = 256;
constexpr std::size_t kLength = 65536;

std::vector<float> whiteNoise(std::size_t n, std::uint64_t seed = 1) {
    Random random(seed);
    std::vector<float> x(n);
    for (float& v : x) v = random.bipolar() * 0.5f;
    return x;
}

std::vector<float> sine(double hz, double amplitude, std::size_t n = kLength) {
    std::vector<float> x(n);
    for (std::size_t i = 0; i < n; ++i) x[i] = static_cast<float>(amplitude * std::sin(kTwoPi * hz * i / kRate));
    return x;
}

std::vector<float> saw(double hz, std::size_t n = kLength) {
    std::vector<float> x(n);
    for (std::size_t i = 0; i < n; ++i) {
        const double phase = std::fmod(hz * i / kRate, 1.0);
        x[i] = static_cast<float>(0.5 * (2.0 * phase - 1.0));
    }
    return x;
}

template <typename Filter>
void runBlocks(Filter& filter, std::vector<float>& x) {
    for (std::size_t i = 0; i < x.size(); i += kBlock) {
        filter.process(x.data() + i, static_cast<int>(std::min<std::size_t>(kBlock, x.size() - i)));
    }
}

double db(double ratio) { return 10.0 * std::log10(ratio); }

}  // namespace

TEST(DspFilter, ResonanceMapsLikeSuperDirt) {
    EXPECT_NEAR(resonanceToQ(0.0), 1.0, 1e-9);
    EXPECT_NEAR(resonanceToQ(0.5), std::sqrt(1000.0), 1e-6);
    EXPECT_NEAR(resonanceToQ(1.0), 1000.0, 1e-6);
    EXPECT_NEAR(resonanceToQ(7.0), 1000.0, 1e-6);
    EXPECT_NEAR(resonanceToQ(NAN), 1.0, 1e-9);
}

TEST(DspFilter, Lowpass300LeavesLittleAbove1kOnWhiteNoise) {
    auto x = whiteNoise(kLength);
    const double before = m::bandEnergy(x.data(), x.size(), kRate, 1000.0, 24000.0);
    LowpassFilter lp;
    lp.init(kRate);
    lp.setParams(300.0, 0.0);
    runBlocks(lp, x);
    const double below = m::bandEnergy(x.data(), x.size(), kRate, 0.0, 300.0);
    const double above = m::bandEnergy(x.data(), x.size(), kRate, 1000.0, 24000.0);
    EXPECT_LT(db(above / below), -20.0);
    EXPECT_LT(db(above / before), -35.0);
}

TEST(DspFilter, Highpass3000LeavesLittleBelow1kOnWhiteNoise) {
    auto x = whiteNoise(kLength);
    HighpassFilter hp;
    hp.init(kRate);
    hp.setParams(3000.0, 0.0);
    runBlocks(hp, x);
    const double below = m::bandEnergy(x.data(), x.size(), kRate, 0.0, 1000.0);
    const double above = m::bandEnergy(x.data(), x.size(), kRate, 3000.0, 24000.0);
    EXPECT_LT(db(below / above), -30.0);
}

TEST(DspFilter, ResonancePeaksAtTheCutoff) {
    auto x = whiteNoise(kLength);
    LowpassFilter lp;
    lp.init(kRate);
    lp.setParams(2000.0, 0.6);
    runBlocks(lp, x);
    EXPECT_NEAR(m::dominantFrequency(x.data(), x.size(), kRate), 2000.0, 40.0);
}

TEST(DspFilter, NegativeCutoffIsItsMagnitude) {
    auto a = whiteNoise(8192);
    auto b = a;
    LowpassFilter one, two;
    one.init(kRate);
    two.init(kRate);
    one.setParams(500.0, 0.1);
    two.setParams(-500.0, 0.1);
    runBlocks(one, a);
    runBlocks(two, b);
    EXPECT_EQ(a, b);
}

TEST(DspFilter, BandpassPassesItsBandAmplifiedByBandq) {
    // SuperDirt: BPF(bandf, 1/bandq) * bandq, so a sine at bandf comes out bandq times louder.
    auto center = sine(1000.0, 0.05);
    BandpassFilter bp;
    bp.init(kRate);
    bp.setParams(1000.0, 10.0);
    runBlocks(bp, center);
    EXPECT_NEAR(m::peak(center.data() + 8000, 20000), 0.5, 0.01);
    auto off = sine(3000.0, 0.05);
    bp.reset();
    bp.setParams(1000.0, 10.0);
    runBlocks(bp, off);
    EXPECT_LT(m::peak(off.data() + 8000, 20000), 0.05);
}

TEST(DspFilter, ParameterChangesGlideWithoutJumps) {
    auto x = sine(100.0, 0.5, 8192);
    LowpassFilter lp;
    lp.init(kRate);
    lp.setParams(200.0, 0.3);
    float maxStep = 0.0f;
    for (std::size_t i = 0; i < x.size(); i += kBlock) {
        if (i == 4096) lp.setParams(8000.0, 0.3);
        lp.process(x.data() + i, kBlock);
    }
    for (std::size_t i = 1; i < x.size(); ++i) maxStep = std::max(maxStep, std::fabs(x[i] - x[i - 1]));
    // A 100 Hz sine of amplitude ~0.5 moves at most 2*pi*100/48000*0.5 = 0.0065 per sample.
    EXPECT_LT(maxStep, 0.02f);
}

TEST(DspFilter, VowelsPutEnergyAtTheirFormants) {
    ASSERT_EQ(vowelFromName("a"), Vowel::A);
    ASSERT_EQ(vowelFromName("u"), Vowel::U);
    EXPECT_FALSE(vowelFromName("x").has_value());
    EXPECT_FALSE(vowelFromName("").has_value());
    const auto input = saw(110.0);
    for (Vowel v : {Vowel::A, Vowel::E, Vowel::I, Vowel::O, Vowel::U}) {
        auto x = input;
        VowelFilter filter;
        filter.init(kRate, kBlock);
        filter.setParams(v, 0.5);
        filter.process(x.data(), static_cast<int>(x.size()));  // longer than a block: chunked
        ASSERT_TRUE(m::allFinite(x));
        // The filter's gain at each harmonic of the saw peaks at the first formant.
        int best = 0;
        double bestGain = 0.0;
        for (int h = 1; h <= 40; ++h) {
            const double gain = m::goertzelPower(x.data(), x.size(), 110.0 * h, kRate) /
                                m::goertzelPower(input.data(), input.size(), 110.0 * h, kRate);
            if (gain > bestGain) {
                bestGain = gain;
                best = h;
            }
        }
        const double f1 = vowelFormants(v)[0].frequencyHz;
        EXPECT_NEAR(best * 110.0, f1, 110.0) << "vowel " << static_cast<int>(v);
        EXPECT_GT(db(bestGain), 20.0);  // SuperDirt's levels: the formants are loud
    }
}

TEST(DspFilter, LadderHasUnityDcGainWithoutFeedbackAndStaysStableAtMax) {
    LadderFilter ladder;
    ladder.init(kRate);
    ladder.setCutoff(1000.0);
    float y = 0.0f;
    for (int i = 0; i < 48000; ++i) y = ladder.tick(1.0f);
    EXPECT_NEAR(y, 1.0f, 1e-4f);
    ladder.setFeedback(4.0);  // MoogFF's gain; clamped just below self-oscillation
    for (int i = 0; i < 48000; ++i) y = ladder.tick(1.0f);
    EXPECT_NEAR(y, 1.0f / (1.0f + 3.96f), 1e-3f);
    auto x = whiteNoise(48000);
    for (float& v : x) v = ladder.tick(v);
    EXPECT_TRUE(m::allFinite(x));
    EXPECT_LT(m::peak(x), 10.0);
}

// The ladder runs as its one-sample matrix. Against the four stages run one after the other
// (the zero-delay-feedback form, written out here), ten seconds of noise through a swept,
// resonant ladder agree to within rounding: the matrix is derived, not approximated.
TEST(DspFilter, LadderMatrixMatchesTheStagesRunInTurn) {
    for (const double feedback : {0.0, 2.0, 3.96}) {
        LadderFilter ladder;
        ladder.init(kRate);
        ladder.setFeedback(feedback);
        double s[4] = {0.0, 0.0, 0.0, 0.0};
        const auto x = whiteNoise(480000);
        double worst = 0.0, peak = 0.0, cutoff = 0.0;
        for (size_t i = 0; i < x.size(); ++i) {
            if (i % 64 == 0) {  // a control-rate sweep from 60 Hz to 7.7 kHz, as supersaw's LFO does
                cutoff = 60.0 * std::pow(2.0, 7.0 * (0.5 + 0.5 * std::sin(static_cast<double>(i) / 20000.0)));
                ladder.setCutoff(cutoff);
            }
            const double g = std::tan(3.14159265358979323846 * cutoff / kRate);
            const double G = g / (1.0 + g);
            const double loopGain = 1.0 / (1.0 + feedback * G * G * G * G);
            const double sigma = (1.0 - G) * (((G * s[0] + s[1]) * G + s[2]) * G + s[3]);
            double u = (static_cast<double>(x[i]) - feedback * sigma) * loopGain;
            for (double& state : s) {
                const double v = (u - state) * G;
                const double y = v + state;
                state = y + v;
                u = y;
            }
            const float matrix = ladder.tick(x[i]);
            peak = std::max(peak, std::fabs(u));
            worst = std::max(worst, std::fabs(u - static_cast<double>(matrix)));
        }
        EXPECT_GT(peak, 0.05) << feedback;
        EXPECT_LT(worst, 1e-5 * peak) << "feedback " << feedback << ": " << 20.0 * std::log10(worst / peak) << " dB";
    }
}

TEST(DspFilter, HostileControlsGiveFiniteOutput) {
    const double bad[] = {NAN, INFINITY, -INFINITY, 1e300, -1e300, 0.0, -1.0, 1e-300};
    for (double v : bad) {
        for (double w : bad) {
            auto a = whiteNoise(2048);
            auto b = a, c = a, d = a;
            LowpassFilter lp;
            HighpassFilter hp;
            BandpassFilter bp;
            VowelFilter vowel;
            lp.init(kRate);
            hp.init(kRate);
            bp.init(kRate);
            vowel.init(kRate, kBlock);
            lp.setParams(v, w);
            hp.setParams(v, w);
            bp.setParams(v, w);
            vowel.setParams(Vowel::O, w);
            runBlocks(lp, a);
            runBlocks(hp, b);
            runBlocks(bp, c);
            runBlocks(vowel, d);
            ASSERT_TRUE(m::allFinite(a)) << v << " " << w;
            ASSERT_TRUE(m::allFinite(b)) << v << " " << w;
            ASSERT_TRUE(m::allFinite(c)) << v << " " << w;
            ASSERT_TRUE(m::allFinite(d)) << v << " " << w;
        }
    }
    // A NaN sample in the input must not poison the filter for ever.
    LowpassFilter lp;
    lp.init(kRate);
    lp.setParams(1000.0, 0.2);
    std::vector<float> x(kBlock, 0.1f);
    x[3] = NAN;
    lp.process(x.data(), kBlock);
    std::vector<float> y(kBlock, 0.1f);
    lp.process(y.data(), kBlock);
    lp.process(y.data(), kBlock);
    EXPECT_TRUE(m::allFinite(y));
}

// ---- Voice effects -----------------------------------------------------------------------

TEST(DspVoiceFx, ShapeAddsHarmonicsAndZeroLeavesTheSoundAlone) {
    auto x = sine(440.0, 0.8);
    const double clean = m::harmonicRatio(x.data(), x.size(), 440.0, kRate);
    Shaper off;
    off.setAmount(0.0);
    auto same = x;
    off.process(same.data(), static_cast<int>(same.size()));
    EXPECT_EQ(same, x);
    Shaper shaper;
    shaper.setAmount(0.5);
    shaper.process(x.data(), static_cast<int>(x.size()));
    const double shaped = m::harmonicRatio(x.data(), x.size(), 440.0, kRate);
    EXPECT_LT(db(clean), -80.0);
    EXPECT_GT(db(shaped), -25.0);
    // SuperDirt's curve: k = 2*0.5/0.5 = 2, y(0.8) = 3*0.8 / (1 + 1.6).
    EXPECT_NEAR(m::peak(x), 3.0 * 0.8 / 2.6, 1e-3);
}

TEST(DspVoiceFx, CrushFourAddsHarmonicsSixteenIsNearlyTransparent) {
    auto x = sine(440.0, 0.8);
    auto original = x;
    BitCrusher crush4;
    crush4.setBits(4.0);
    crush4.process(x.data(), static_cast<int>(x.size()));
    EXPECT_GT(db(m::harmonicRatio(x.data(), x.size(), 440.0, kRate)), -40.0);  // clean: < -80
    for (float v : x) {  // steps of 0.5^3
        ASSERT_NEAR(v * 8.0f, std::round(v * 8.0f), 1e-5f);
    }
    auto y = original;
    BitCrusher crush16;
    crush16.setBits(16.0);
    crush16.process(y.data(), static_cast<int>(y.size()));
    for (std::size_t i = 0; i < y.size(); ++i) ASSERT_NEAR(y[i], original[i], std::pow(0.5, 15.0));
}

TEST(DspVoiceFx, CoarseHoldsEveryNthSample) {
    auto x = sine(440.0, 0.8, 4096);
    auto original = x;
    Decimator coarse;
    coarse.setFactor(4.0);
    coarse.process(x.data(), 1000);
    coarse.process(x.data() + 1000, 3096);
    for (std::size_t i = 0; i < x.size(); ++i) ASSERT_EQ(x[i], original[i - i % 4]) << i;
    Decimator one;
    one.setFactor(1.0);
    auto y = original;
    one.process(y.data(), 4096);
    EXPECT_EQ(y, original);
}

TEST(DspVoiceFx, SquizRaisesThePitchOfASine) {
    auto x = sine(200.0, 0.8);
    Squiz squiz;
    squiz.init(kRate, kBlock);
    squiz.setRatio(2.0);
    runBlocks(squiz, x);
    ASSERT_TRUE(m::allFinite(x));
    EXPECT_NEAR(m::dominantFrequency(x.data() + 4800, 32768, kRate), 400.0, 3.0);
    auto y = sine(200.0, 0.8);
    auto original = y;
    squiz.setRatio(1.0);
    runBlocks(squiz, y);
    EXPECT_EQ(y, original);
}

TEST(DspVoiceFx, HostileControlsGiveFiniteOutput) {
    const double bad[] = {NAN, INFINITY, -INFINITY, 1e300, -1e300, 0.0, -1.0, 0.99999999999};
    for (double v : bad) {
        auto x = sine(300.0, 1e30, 4096);  // absurdly loud input too
        Shaper shaper;
        BitCrusher crusher;
        Decimator coarse;
        Squiz squiz;
        squiz.init(kRate, kBlock);
        shaper.setAmount(v);
        crusher.setBits(v);
        coarse.setFactor(v);
        squiz.setRatio(v);
        shaper.process(x.data(), 4096);
        crusher.process(x.data(), 4096);
        coarse.process(x.data(), 4096);
        runBlocks(squiz, x);
        ASSERT_TRUE(m::allFinite(x)) << v;
    }
}

// ---- Gain and pan ------------------------------------------------------------------------

TEST(DspGain, FollowsSuperDirtsFourthPowerCurve) {
    EXPECT_DOUBLE_EQ(gainToAmplitude(1.0), 1.0);
    EXPECT_DOUBLE_EQ(gainToAmplitude(0.5), 0.0625);
    EXPECT_NEAR(gainToAmplitude(1.2), 2.0736, 1e-12);
    EXPECT_DOUBLE_EQ(dirtAmplitude(1.0), 0.4);
    EXPECT_DOUBLE_EQ(dirtAmplitude(0.0), 0.0);
    EXPECT_DOUBLE_EQ(gainToAmplitude(-1.0), 0.0);
    EXPECT_DOUBLE_EQ(gainToAmplitude(NAN), 0.0);
    EXPECT_DOUBLE_EQ(gainToAmplitude(1e300), 256.0);
    EXPECT_TRUE(std::isfinite(dirtAmplitude(INFINITY, INFINITY)));
}

TEST(DspGain, PanIsEqualPowerAndFolds) {
    const auto left = panGains(0.0);
    EXPECT_NEAR(left.left, 1.0f, 1e-6f);
    EXPECT_NEAR(left.right, 0.0f, 1e-6f);
    const auto right = panGains(1.0);
    EXPECT_NEAR(right.left, 0.0f, 1e-6f);
    EXPECT_NEAR(right.right, 1.0f, 1e-6f);
    const auto centre = panGains(0.5);
    EXPECT_NEAR(centre.left, std::sqrt(0.5f), 1e-6f);
    EXPECT_NEAR(centre.right, std::sqrt(0.5f), 1e-6f);
    for (double p = -2.0; p <= 3.0; p += 0.05) {
        const auto g = panGains(p);
        EXPECT_NEAR(g.left * g.left + g.right * g.right, 1.0f, 1e-5f) << p;
    }
    const auto folded = panGains(1.25);
    const auto mirror = panGains(0.75);
    EXPECT_NEAR(folded.left, mirror.left, 1e-6f);
    EXPECT_NEAR(folded.right, mirror.right, 1e-6f);
    const auto nan = panGains(NAN);
    EXPECT_NEAR(nan.left, centre.left, 1e-6f);
    const auto huge = panGains(1e300);
    EXPECT_TRUE(std::isfinite(huge.left) && std::isfinite(huge.right));

    std::vector<float> mono(16, 1.0f), l(16, 0.0f), r(16, 0.0f);
    panMonoAdding(mono.data(), l.data(), r.data(), 16, panGains(0.0), 0.5f);
    EXPECT_NEAR(l[5], 0.5f, 1e-6f);
    EXPECT_NEAR(r[5], 0.0f, 1e-6f);
}
