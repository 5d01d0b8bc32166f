// Orbit effects: reverb, delay and the master limiter, measured on real signals.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "audio/dsp/delay.hpp"
#include "audio/dsp/limiter.hpp"
#include "audio/dsp/measure.hpp"
#include "audio/dsp/random.hpp"
#include "audio/dsp/reverb.hpp"

using namespace seiche::audio::dsp;
namespace m = seiche::audio::dsp::measure;

namespace {

constexpr double kRate = 48000.0;
constexpr int kBlock = 256;

struct Stereo {
    std::vector<float> left, right;
    explicit Stereo(std::size_t n, float value = 0.0f) : left(n, value), right(n, value) {}
    std::size_t size() const { return left.size(); }
};

Stereo sine(double hz, double amplitude, std::size_t n) {
    Stereo s(n);
    for (std::size_t i = 0; i < n; ++i) {
        s.left[i] = s.right[i] = static_cast<float>(amplitude * std::sin(kTwoPi * hz * i / kRate));
    }
    return s;
}

template <typename Effect>
Stereo runEffect(Effect& effect, const Stereo& in) {
    Stereo out(in.size());
    for (std::size_t i = 0; i < in.size(); i += kBlock) {
        const int n = static_cast<int>(std::min<std::size_t>(kBlock, in.size() - i));
        effect.process(in.left.data() + i, in.right.data() + i, out.left.data() + i, out.right.data() + i, n);
    }
    return out;
}

void runLimiter(Limiter& limiter, Stereo& s) {
    for (std::size_t i = 0; i < s.size(); i += kBlock) {
        const int n = static_cast<int>(std::min<std::size_t>(kBlock, s.size() - i));
        limiter.process(s.left.data() + i, s.right.data() + i, n);
    }
}

double db(double amplitudeRatio) { return 20.0 * std::log10(amplitudeRatio); }

}  // namespace

// ---- Limiter -----------------------------------------------------------------------------

TEST(DspLimiter, HundredTimesOverLevelStaysUnderTheCeilingWithoutClipping) {
    Limiter limiter;
    limiter.init(kRate, kBlock);
    const float ceiling = limiter.ceiling();
    EXPECT_NEAR(ceiling, std::pow(10.0, -0.3 / 20.0), 1e-6);
    auto s = sine(440.0, 100.0, 96000);
    runLimiter(limiter, s);
    EXPECT_LE(m::peak(s.left), ceiling);
    EXPECT_LE(m::peak(s.right), ceiling);
    // Turned down, not clipped: a hard clip of a 100x sine is nearly a square wave (third
    // harmonic at -9.5 dB); the limited sine stays clean.
    const double thd = m::harmonicRatio(s.left.data() + 48000, 32768, 440.0, kRate);
    EXPECT_LT(10.0 * std::log10(thd), -40.0);
    EXPECT_GT(m::peak(s.left.data() + 48000, 32768), 0.9 * ceiling);
}

TEST(DspLimiter, ImpulsesAndBurstsNeverExceedTheCeiling) {
    Limiter limiter;
    limiter.init(kRate, kBlock);
    Random random(9);
    Stereo s(96000);
    for (std::size_t i = 0; i < s.size(); ++i) {
        const float level = (i / 4800) % 2 ? 300.0f : 0.2f;  // alternating loud and quiet bursts
        s.left[i] = random.bipolar() * level;
        s.right[i] = random.bipolar() * level * 0.5f;
    }
    s.left[50000] = 1e30f;  // a single absurd sample
    runLimiter(limiter, s);
    EXPECT_LE(m::peak(s.left), limiter.ceiling());
    EXPECT_LE(m::peak(s.right), limiter.ceiling());
    EXPECT_TRUE(m::allFinite(s.left));
}

TEST(DspLimiter, QuietSignalPassesUnchangedAfterTheLatency) {
    Limiter limiter;
    limiter.init(kRate, kBlock);
    const auto in = sine(440.0, 0.5, 48000);
    auto s = in;
    runLimiter(limiter, s);
    const int latency = limiter.latencyFrames();
    EXPECT_EQ(latency, 239);  // 5 ms at 48 kHz, minus one
    for (std::size_t i = static_cast<std::size_t>(latency); i < s.size(); ++i) {
        ASSERT_EQ(s.left[i], in.left[i - static_cast<std::size_t>(latency)]) << i;
    }
}

TEST(DspLimiter, ReleasesAfterALoudPassage) {
    Limiter limiter;
    limiter.init(kRate, kBlock);
    auto loud = sine(440.0, 10.0, 24000);
    runLimiter(limiter, loud);
    EXPECT_LT(limiter.currentGain(), 0.2f);
    auto quiet = sine(440.0, 0.1, 48000);
    runLimiter(limiter, quiet);
    EXPECT_GT(limiter.currentGain(), 0.99f);  // 100 ms release: recovered within a second
}

TEST(DspLimiter, NonFiniteInputBecomesSilenceAndParametersAreClamped) {
    Limiter limiter;
    limiter.init(kRate, kBlock, NAN);
    limiter.setCeilingDb(NAN);
    limiter.setReleaseSeconds(-1.0);
    Stereo s(4096, 0.5f);
    s.left[100] = NAN;
    s.right[200] = INFINITY;
    s.left[300] = -INFINITY;
    runLimiter(limiter, s);
    EXPECT_TRUE(m::allFinite(s.left));
    EXPECT_TRUE(m::allFinite(s.right));
    limiter.setCeilingDb(50.0);  // clamped to 0 dB
    EXPECT_LE(limiter.ceiling(), 1.0f);
}

// ---- Reverb ------------------------------------------------------------------------------

TEST(DspReverb, TailIsFiniteDecaysAtTheSizesRate) {
    for (double size : {0.1, 0.3, 0.6}) {
        Reverb reverb;
        reverb.init(kRate, kBlock);
        reverb.setRoom(1.0);
        reverb.setSize(size);
        reverb.reset();
        Stereo impulse(static_cast<std::size_t>(kRate * 4));
        impulse.left[0] = impulse.right[0] = 1.0f;
        const auto out = runEffect(reverb, impulse);
        ASSERT_TRUE(m::allFinite(out.left));
        ASSERT_TRUE(m::allFinite(out.right));
        // Measure the decay between two windows a second apart (after the damping has taken
        // the fastest high frequencies out) and compare with the expected T60.
        const double t60 = Reverb::decaySecondsForSize(size);
        const auto window = static_cast<std::size_t>(0.2 * kRate);
        const double a = m::rms(out.left.data() + static_cast<std::size_t>(0.4 * kRate), window);
        const double b = m::rms(out.left.data() + static_cast<std::size_t>(1.4 * kRate), window);
        const double measuredT60 = 60.0 / (db(a) - db(b));
        EXPECT_NEAR(measuredT60, t60, 0.25 * t60) << "size " << size;
        EXPECT_GT(a, 1e-4) << "size " << size;
    }
}

TEST(DspReverb, RoomSendsDrySilencesAndOutputIsStereo) {
    const auto input = sine(300.0, 0.5, 24000);
    Reverb reverb;
    reverb.init(kRate, kBlock);
    reverb.setSize(0.3);
    reverb.setRoom(0.0);
    reverb.reset();
    EXPECT_EQ(m::peak(runEffect(reverb, input).left), 0.0);
    reverb.setRoom(0.5);
    reverb.setDry(1.0);  // SuperDirt: `dry 1` removes the reverb
    reverb.reset();
    EXPECT_EQ(m::peak(runEffect(reverb, input).left), 0.0);
    reverb.setDry(0.0);
    reverb.reset();
    const auto wet = runEffect(reverb, input);
    EXPECT_GT(m::rms(wet.left), 0.05);
    reverb.setRoom(0.25);
    reverb.reset();
    const auto half = runEffect(reverb, input);
    EXPECT_NEAR(m::rms(half.left) / m::rms(wet.left), 0.5, 0.01);
    // Left and right differ: the reverb widens a mono input.
    double lr = 0, ll = 0, rr = 0;
    for (std::size_t i = 0; i < wet.size(); ++i) {
        lr += wet.left[i] * wet.right[i];
        ll += wet.left[i] * wet.left[i];
        rr += wet.right[i] * wet.right[i];
    }
    EXPECT_LT(lr / std::sqrt(ll * rr), 0.9);
}

TEST(DspReverb, LargestSizeStillDecaysAndHostileControlsStayFinite) {
    Reverb reverb;
    reverb.init(kRate, kBlock);
    reverb.setRoom(1.0);
    reverb.setSize(1e9);  // clamped to 1: T60 of 20 s, still a decay
    reverb.reset();
    Stereo burst(static_cast<std::size_t>(kRate * 6));
    Random random(4);
    for (std::size_t i = 0; i < 4800; ++i) burst.left[i] = burst.right[i] = random.bipolar();
    const auto out = runEffect(reverb, burst);
    ASSERT_TRUE(m::allFinite(out.left));
    const double early = m::rms(out.left.data() + 48000, 24000);
    const double late = m::rms(out.left.data() + 5 * 48000, 24000);
    EXPECT_LT(late, early);
    EXPECT_NEAR(db(early) - db(late), 60.0 * 4.0 / 20.0, 4.0);

    const double bad[] = {NAN, INFINITY, -INFINITY, 1e300, -1e300};
    for (double v : bad) {
        Reverb r;
        r.init(kRate, kBlock);
        r.setRoom(v);
        r.setSize(v);
        r.setDry(v);
        Stereo in(9600, 0.5f);
        in.left[10] = NAN;
        in.right[20] = INFINITY;
        const auto o = runEffect(r, in);
        ASSERT_TRUE(m::allFinite(o.left)) << v;
        ASSERT_TRUE(m::allFinite(o.right)) << v;
        EXPECT_LT(m::peak(o.left), 100.0) << v;
    }
}

// ---- Delay -------------------------------------------------------------------------------

TEST(DspDelay, EchoesArriveAtDelaytimeScaledByFeedback) {
    StereoDelay delay;
    delay.init(kRate, kBlock);
    delay.setDelayTime(0.1);
    delay.setFeedback(0.5);
    delay.setLevel(1.0);
    delay.reset();
    Stereo impulse(24000);
    impulse.left[0] = 1.0f;
    impulse.right[100] = 1.0f;
    const auto out = runEffect(delay, impulse);
    for (std::size_t i = 0; i < 4800; ++i) ASSERT_EQ(out.left[i], 0.0f) << i;
    EXPECT_NEAR(out.left[4800], 1.0f, 1e-6f);
    EXPECT_NEAR(out.left[9600], 0.5f, 1e-6f);
    EXPECT_NEAR(out.left[14400], 0.25f, 1e-6f);
    EXPECT_NEAR(out.left[19200], 0.125f, 1e-6f);
    EXPECT_NEAR(out.right[4900], 1.0f, 1e-6f);  // channels are independent
    EXPECT_NEAR(out.right[4800], 0.0f, 1e-6f);
    double between = 0.0;
    for (std::size_t i = 4801; i < 9600; ++i) between = std::max(between, static_cast<double>(std::fabs(out.left[i])));
    EXPECT_EQ(between, 0.0);
}

TEST(DspDelay, LevelScalesAndTimeChangesCrossFade) {
    StereoDelay delay;
    delay.init(kRate, kBlock);
    delay.setDelayTime(0.05);
    delay.setFeedback(0.0);
    delay.setLevel(0.25);
    delay.reset();
    Stereo impulse(48000);
    impulse.left[0] = 1.0f;
    auto out = runEffect(delay, impulse);
    EXPECT_NEAR(out.left[2400], 0.25f, 1e-6f);

    // A steady tone through the delay, then a new delay time: no jump bigger than the tone's
    // own slope, and the echo of a later impulse comes at the new time.
    delay.setLevel(1.0);
    delay.reset();
    auto tone = sine(200.0, 0.5, 48000);
    Stereo tonal(48000);
    for (std::size_t i = 0; i < 48000; i += kBlock) {
        if (i == 24064) delay.setDelayTime(0.0731);
        const int n = static_cast<int>(std::min<std::size_t>(kBlock, 48000 - i));
        delay.process(tone.left.data() + i, tone.right.data() + i, tonal.left.data() + i, tonal.right.data() + i, n);
    }
    float maxStep = 0.0f;
    for (std::size_t i = 2401; i < tonal.size(); ++i) maxStep = std::max(maxStep, std::fabs(tonal.left[i] - tonal.left[i - 1]));
    EXPECT_LT(maxStep, 0.03f);  // the tone moves at most 0.013 per sample
    EXPECT_NEAR(delay.delayTimeSeconds(), 0.0731, 1e-9);
    delay.reset();
    out = runEffect(delay, impulse);
    // 0.0731 s is 3508.8 frames: the echo is shared by the two neighbouring samples.
    EXPECT_NEAR(out.left[3508], 0.2f, 1e-4f);
    EXPECT_NEAR(out.left[3509], 0.8f, 1e-4f);
}

TEST(DspDelay, FeedbackIsClampedBelowOneAndHostileControlsStayFinite) {
    StereoDelay delay;
    delay.init(kRate, kBlock);
    delay.setDelayTime(0.01);
    delay.setFeedback(5.0);  // clamped to 0.99
    delay.setLevel(1.0);
    delay.reset();
    Stereo impulse(static_cast<std::size_t>(kRate * 5));
    impulse.left[0] = 1.0f;
    const auto out = runEffect(delay, impulse);
    EXPECT_LE(m::peak(out.left), 1.0 + 1e-6);
    EXPECT_LT(m::peak(out.left.data() + out.size() - 4800, 4800), 0.01);  // 0.99^490

    const double bad[] = {NAN, INFINITY, -INFINITY, 1e300, -1e300, 0.0};
    for (double v : bad) {
        StereoDelay d;
        d.init(kRate, kBlock, v);
        d.setDelayTime(v);
        d.setFeedback(v);
        d.setLevel(v);
        Stereo in(9600, 0.5f);
        in.left[10] = NAN;
        const auto o = runEffect(d, in);
        ASSERT_TRUE(m::allFinite(o.left)) << v;
        ASSERT_TRUE(m::allFinite(o.right)) << v;
        EXPECT_LT(m::peak(o.left), 1000.0) << v;
    }
}

TEST(DspDelay, DefaultTimeRespectsAShortMaximum) {
    StereoDelay delay;
    delay.init(kRate, kBlock, 0.01);  // a 10 ms line: the 0.25 s default must shrink to fit
    delay.setLevel(1.0);
    delay.setDelayTime(NAN);  // keeps the current time
    delay.reset();
    EXPECT_LE(delay.delayTimeSeconds(), 0.01 + 1e-12);
    Stereo impulse(2048);
    impulse.left[0] = 1.0f;
    const auto out = runEffect(delay, impulse);
    EXPECT_NEAR(out.left[480], 1.0f, 1e-6f);
    ASSERT_TRUE(m::allFinite(out.left));
}
