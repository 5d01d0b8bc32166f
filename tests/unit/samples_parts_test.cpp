// The sample bank's small parts on their own: resampler, stereo mixdown, memory
// budget, truncated-header detection.
#include <gtest/gtest.h>
#include <sndfile.h>

#include <cmath>
#include <numbers>
#include <thread>
#include <vector>

#include "audio/resampler.hpp"
#include "audio/sample_budget.hpp"
#include "audio/sample_header_check.hpp"
#include "audio/sample_mixdown.hpp"
#include "samples_test_support.hpp"

using namespace seiche::audio;
using namespace seiche::audio::testing;

namespace {

std::vector<float> sine(double frequency, double rate, std::size_t frames, int channels = 1) {
    std::vector<float> x(frames * static_cast<std::size_t>(channels));
    for (std::size_t n = 0; n < frames; ++n)
        for (int c = 0; c < channels; ++c)
            x[n * static_cast<std::size_t>(channels) + static_cast<std::size_t>(c)] =
                static_cast<float>(0.5 * std::sin(2 * std::numbers::pi * frequency * static_cast<double>(n) / rate));
    return x;
}

std::vector<float> channel(const std::vector<float>& x, int channels, int c) {
    std::vector<float> out;
    for (std::size_t i = static_cast<std::size_t>(c); i < x.size(); i += static_cast<std::size_t>(channels)) out.push_back(x[i]);
    return out;
}

}  // namespace

TEST(SamplesResampler, LengthAndPitchSurvive44100To48000) {
    const auto in = sine(1000.0, 44100, 44100);
    auto out = resampleInterleaved(in, 1, 44100, 48000);
    ASSERT_TRUE(out) << out.error;
    EXPECT_NEAR(static_cast<double>(out.value->size()), 48000.0, 2.0);
    EXPECT_NEAR(zeroCrossingFrequency(*out.value, 48000), 1000.0, 0.05);
    EXPECT_NEAR(rms(*out.value), 0.5 / std::sqrt(2.0), 0.01);  // level kept
}

TEST(SamplesResampler, Downsampling96000KeepsStereoChannelsApart) {
    // Left a 440 Hz sine, right silent: nothing may leak across.
    std::vector<float> in(96000 * 2);
    const auto left = sine(440.0, 96000, 96000);
    for (std::size_t n = 0; n < 96000; ++n) in[2 * n] = left[n];
    auto out = resampleInterleaved(in, 2, 96000, 48000, ResampleQuality::SincBest);
    ASSERT_TRUE(out) << out.error;
    EXPECT_NEAR(static_cast<double>(out.value->size() / 2), 48000.0, 2.0);
    EXPECT_NEAR(zeroCrossingFrequency(channel(*out.value, 2, 0), 48000), 440.0, 0.05);
    EXPECT_LT(rms(channel(*out.value, 2, 1)), 1e-6);
}

TEST(SamplesResampler, StreamingInBlocksMatchesOneShot) {
    const auto in = sine(300.0, 22050, 22050);
    auto whole = resampleInterleaved(in, 1, 22050, 48000);
    ASSERT_TRUE(whole);
    auto streaming = Resampler::create(1, 22050, 48000);
    ASSERT_TRUE(streaming) << streaming.error;
    std::vector<float> out;
    for (std::size_t at = 0; at < in.size(); at += 1000) {
        const std::size_t n = std::min<std::size_t>(1000, in.size() - at);
        ASSERT_EQ(streaming.value->process(std::span<const float>(in.data() + at, n), out), "");
    }
    ASSERT_EQ(streaming.value->finish(out), "");
    ASSERT_EQ(out.size(), whole.value->size());
    for (std::size_t i = 0; i < out.size(); ++i) ASSERT_NEAR(out[i], (*whole.value)[i], 1e-5) << "at " << i;
}

TEST(SamplesResampler, EqualRatesCopyAndImpossibleRatiosFail) {
    const auto in = sine(100.0, 48000, 480);
    auto same = resampleInterleaved(in, 1, 48000, 48000);
    ASSERT_TRUE(same);
    EXPECT_EQ(*same.value, in);
    auto impossible = resampleInterleaved(in, 1, 100, 48000);  // 480x, beyond libsamplerate's 256
    EXPECT_FALSE(impossible);
    EXPECT_NE(impossible.error.find("ratio"), std::string::npos) << impossible.error;
    EXPECT_FALSE(Resampler::create(0, 44100, 48000));
    EXPECT_EQ(resampledFrames(44100, 44100, 48000), 48000u);
}

TEST(SamplesMixdown, SurroundChannelsLandOnTheirSide) {
    // Unlabelled 6 channels are 5.1 in WAVE order: L R C LFE Ls Rs.
    const auto gains = stereoGainsFor(6);
    ASSERT_EQ(gains.size(), 6u);
    EXPECT_FLOAT_EQ(gains[0][0], 1.0f);
    EXPECT_FLOAT_EQ(gains[0][1], 0.0f);
    EXPECT_FLOAT_EQ(gains[1][1], 1.0f);
    EXPECT_FLOAT_EQ(gains[1][0], 0.0f);
    EXPECT_FLOAT_EQ(gains[2][0], gains[2][1]);  // centre to both
    EXPECT_GT(gains[2][0], 0.5f);
    EXPECT_FLOAT_EQ(gains[3][0] + gains[3][1], 0.0f);  // LFE dropped
    EXPECT_GT(gains[4][0], 0.5f);
    EXPECT_FLOAT_EQ(gains[4][1], 0.0f);

    // Three unlabelled channels: none is lost.
    for (const auto& g : stereoGainsFor(3)) EXPECT_GT(g[0] + g[1], 0.5f);

    // Labels win over position.
    const int labels[] = {SF_CHANNEL_MAP_RIGHT, SF_CHANNEL_MAP_LEFT, SF_CHANNEL_MAP_CENTER};
    const auto labelled = stereoGainsFor(3, labels);
    EXPECT_FLOAT_EQ(labelled[0][1], 1.0f);
    EXPECT_FLOAT_EQ(labelled[1][0], 1.0f);

    std::vector<float> frames = {1, 0, 0, 0, 0, 0, /* */ 0, 0, 1, 0, 0, 0};
    std::vector<float> out;
    mixDownToStereo(frames, gains, out);
    ASSERT_EQ(out.size(), 4u);
    EXPECT_FLOAT_EQ(out[0], 1.0f);
    EXPECT_FLOAT_EQ(out[1], 0.0f);
    EXPECT_NEAR(out[2], 0.7071f, 1e-4);
    EXPECT_NEAR(out[3], 0.7071f, 1e-4);
}

TEST(SamplesBudget, ReservationsAreBoundedReturnedAndCommitted) {
    MemoryBudget budget(1000);
    auto a = budget.reserve(600);
    ASSERT_TRUE(a);
    EXPECT_FALSE(budget.reserve(500));  // 600 + 500 > 1000
    {
        auto b = budget.reserve(400);
        ASSERT_TRUE(b);
        EXPECT_EQ(budget.available(), 0u);
    }  // b returned
    EXPECT_EQ(budget.reserved(), 600u);
    EXPECT_FALSE(a->resize(1001));
    EXPECT_EQ(a->bytes(), 600u);
    EXPECT_TRUE(a->resize(300));
    a->commit();
    EXPECT_EQ(budget.used(), 300u);
    EXPECT_EQ(budget.reserved(), 0u);
    a.reset();  // a committed reservation gives nothing back
    EXPECT_EQ(budget.used(), 300u);
    EXPECT_EQ(budget.available(), 700u);
}

TEST(SamplesBudget, ConcurrentReservationsNeverOvershoot) {
    MemoryBudget budget(100 * 1000);
    std::vector<std::thread> threads;
    std::atomic<int> granted{0};
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&] {
            for (int i = 0; i < 1000; ++i)
                if (auto r = budget.reserve(1000)) {
                    r->commit();
                    granted.fetch_add(1);
                }
        });
    for (auto& t : threads) t.join();
    EXPECT_EQ(granted.load(), 100);
    EXPECT_EQ(budget.used(), 100u * 1000u);
}

TEST(SamplesHeaderCheck, FindsADataChunkLongerThanTheFile) {
    const char* truncatedWav =
        "File : t.wav\nLength : 88222\nRIFF : 176436 (should be 88214)\nWAVE\nfmt  : 16\n"
        "data : 176400 (should be 88178)\nEnd\n";
    auto shortfall = audioChunkShortfall(truncatedWav);
    ASSERT_TRUE(shortfall);
    EXPECT_EQ(shortfall->declaredBytes, 176400u);
    EXPECT_EQ(shortfall->presentBytes, 88178u);

    const char* truncatedAiff = " COMM : 18\n SSND : 66158 (should be 33056)\n";
    ASSERT_TRUE(audioChunkShortfall(truncatedAiff));
    EXPECT_EQ(audioChunkShortfall(truncatedAiff)->presentBytes, 33056u);

    EXPECT_FALSE(audioChunkShortfall("RIFF : 176436\nWAVE\ndata : 176400\nEnd\n"));  // intact
    EXPECT_FALSE(audioChunkShortfall("data : 4294967295 (should be 1000)\n"));      // streaming placeholder
    EXPECT_FALSE(audioChunkShortfall("data : 1000 (should be 2000)\n"));            // trailing bytes, not missing ones
    EXPECT_FALSE(audioChunkShortfall(""));
}
