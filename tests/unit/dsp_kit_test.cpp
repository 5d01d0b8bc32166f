// The synthesized drum kit behaves like a folder of samples: audible, bounded, deterministic.
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "audio/dsp/kit.hpp"
#include "audio/dsp/measure.hpp"

using namespace seiche::audio::dsp;
namespace m = seiche::audio::dsp::measure;

namespace {
constexpr double kRate = 48000.0;
}

TEST(DspKit, CoversTheDirtNamesPerformersTypeMost) {
    for (const char* name : {"bd", "sn", "sd", "hh", "oh", "ho", "hc", "cp", "lt", "mt", "ht", "rim", "cb", "cr",
                             "bass", "arpy"}) {
        bool found = false;
        for (std::string_view n : kitSoundNames()) found = found || n == name;
        EXPECT_TRUE(found) << name;
        EXPECT_GE(kitVariantCount(name), 3) << name;
    }
    EXPECT_EQ(kitVariantCount("nope"), 0);
    EXPECT_TRUE(synthesizeKitSound("nope", 0, kRate).empty());
    EXPECT_TRUE(synthesizeKitSound("", 0, kRate).empty());
    EXPECT_TRUE(synthesizeKitSound("BD", 0, kRate).empty());  // names are case-sensitive, as in Tidal
}

TEST(DspKit, EverySoundIsAudibleFiniteShortNormalisedAndEndsInSilence) {
    for (std::string_view name : kitSoundNames()) {
        for (int v = 0; v < kitVariantCount(name); ++v) {
            const auto x = synthesizeKitSound(name, v, kRate);
            const std::string label = std::string(name) + ":" + std::to_string(v);
            ASSERT_FALSE(x.empty()) << label;
            ASSERT_TRUE(m::allFinite(x)) << label;
            EXPECT_LE(x.size(), static_cast<std::size_t>(kKitMaxSeconds * kRate)) << label;
            EXPECT_GE(x.size(), static_cast<std::size_t>(0.05 * kRate)) << label;
            EXPECT_NEAR(m::peak(x), kKitPeak, 1e-6) << label;
            EXPECT_GT(m::rms(x), 0.03) << label;
            EXPECT_LT(std::fabs(x.back()), 1e-4f) << label;
        }
    }
}

TEST(DspKit, RendersAreDeterministicAndVariantsDiffer) {
    for (std::string_view name : kitSoundNames()) {
        const int count = kitVariantCount(name);
        std::vector<std::vector<float>> variants;
        for (int v = 0; v < count; ++v) {
            variants.push_back(synthesizeKitSound(name, v, kRate));
            EXPECT_EQ(variants.back(), synthesizeKitSound(name, v, kRate)) << name << ":" << v;
        }
        for (int a = 0; a < count; ++a) {
            for (int b = a + 1; b < count; ++b) {
                EXPECT_NE(variants[a], variants[b]) << name << ":" << a << " vs " << b;
            }
        }
    }
}

TEST(DspKit, VariantIndexWrapsAroundLikeTidal) {
    const int count = kitVariantCount("bd");
    EXPECT_EQ(synthesizeKitSound("bd", count, kRate), synthesizeKitSound("bd", 0, kRate));
    EXPECT_EQ(synthesizeKitSound("bd", -1, kRate), synthesizeKitSound("bd", count - 1, kRate));
    EXPECT_EQ(synthesizeKitSound("sd", 2, kRate), synthesizeKitSound("sn", 2, kRate));
    EXPECT_EQ(synthesizeKitSound("ho", 1, kRate), synthesizeKitSound("oh", 1, kRate));
}

TEST(DspKit, SoundsSitWhereTheirNamesSay) {
    const auto bd = synthesizeKitSound("bd", 0, kRate);
    const double bdLow = m::bandEnergy(bd.data(), bd.size(), kRate, 0.0, 200.0);
    const double bdAll = m::bandEnergy(bd.data(), bd.size(), kRate, 0.0, 24000.0);
    EXPECT_GT(bdLow / bdAll, 0.9);
    const auto hh = synthesizeKitSound("hh", 0, kRate);
    const double hhHigh = m::bandEnergy(hh.data(), hh.size(), kRate, 5000.0, 24000.0);
    const double hhAll = m::bandEnergy(hh.data(), hh.size(), kRate, 0.0, 24000.0);
    EXPECT_GT(hhHigh / hhAll, 0.9);
    const auto oh = synthesizeKitSound("oh", 0, kRate);
    EXPECT_GT(oh.size(), 3 * hh.size());  // open hats ring longer
    const auto lt = synthesizeKitSound("lt", 0, kRate);
    const auto ht = synthesizeKitSound("ht", 0, kRate);
    EXPECT_LT(m::dominantFrequency(lt.data(), lt.size(), kRate), m::dominantFrequency(ht.data(), ht.size(), kRate));
}

TEST(DspKit, PitchedSoundsSitOnTheirBaseNotes) {
    static constexpr int kPentatonic[] = {0, 2, 4, 7, 9, 12, 14, 16, 19, 21, 24};
    for (int v = 0; v < kitVariantCount("arpy"); ++v) {
        const auto x = synthesizeKitSound("arpy", v, kRate);
        const double expected = kArpyBaseHz * std::pow(2.0, kPentatonic[v] / 12.0);
        EXPECT_NEAR(m::dominantFrequency(x.data(), x.size(), kRate), expected, expected * 0.005) << "arpy:" << v;
    }
    for (int v = 0; v < kitVariantCount("bass"); ++v) {
        const auto x = synthesizeKitSound("bass", v, kRate);
        EXPECT_NEAR(m::dominantFrequency(x.data(), x.size(), kRate), kBassBaseHz, kBassBaseHz * 0.01) << "bass:" << v;
    }
}

TEST(DspKit, OtherSampleRatesKeepDurationsAndPitch) {
    for (double rate : {44100.0, 96000.0}) {
        const auto bd48 = synthesizeKitSound("bd", 1, kRate);
        const auto bd = synthesizeKitSound("bd", 1, rate);
        EXPECT_NEAR(bd.size() / rate, bd48.size() / kRate, 0.01) << rate;
        const auto arpy = synthesizeKitSound("arpy", 0, rate);
        EXPECT_NEAR(m::dominantFrequency(arpy.data(), arpy.size(), rate), kArpyBaseHz, kArpyBaseHz * 0.005) << rate;
    }
    const auto odd = synthesizeKitSound("hh", 0, NAN);  // falls back to 48 kHz
    EXPECT_FALSE(odd.empty());
    EXPECT_TRUE(m::allFinite(odd));
}
