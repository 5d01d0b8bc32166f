// Svf::processLanes runs four filters side by side; each lane must give exactly, bit
// for bit, what the filter gives on its own, so renders do not depend on how the mixer
// groups voices.
#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "audio/dsp/filters.hpp"

using namespace seiche::audio::dsp;

namespace {

std::vector<float> noise(int frames, uint32_t seed) {
    std::vector<float> out(static_cast<size_t>(frames));
    for (float& x : out) {
        seed = seed * 1664525u + 1013904223u;
        x = static_cast<float>(seed >> 8) / 16777216.0f - 0.5f;
    }
    return out;
}

}  // namespace

TEST(DspLanes, FourFiltersSideBySideEqualEachAlone) {
    constexpr int kFrames = 4096;
    const double cutoffs[4] = {120.0, 900.0, 3000.0, 15000.0};
    const double qs[4] = {0.7, 2.0, 12.0, 1.0};
    for (const SvfOutput output : {SvfOutput::Lowpass, SvfOutput::Highpass, SvfOutput::Bandpass, SvfOutput::BandpassUnity}) {
        std::array<Svf, 4> alone, laned;
        std::array<std::vector<float>, 4> expected, actual;
        for (int l = 0; l < 4; ++l) {
            for (Svf* f : {&alone[l], &laned[l]}) {
                f->init(48000);
                f->setTarget(cutoffs[l], qs[l]);
            }
            expected[l] = actual[l] = noise(kFrames, 17u + static_cast<uint32_t>(l));
        }
        // Blocks of different sizes, as the mixer's spans are; the state carries over.
        for (int start = 0, block = 64; start < kFrames; start += block, block = block == 64 ? 203 : 64) {
            const int n = std::min(block, kFrames - start);
            Svf* filters[4];
            float* buffers[4];
            for (int l = 0; l < 4; ++l) {
                alone[l].process(expected[l].data() + start, n, output);
                ASSERT_TRUE(laned[l].steady());
                filters[l] = &laned[l];
                buffers[l] = actual[l].data() + start;
            }
            Svf::processLanes(filters, buffers, n, output);
        }
        for (int l = 0; l < 4; ++l) {
            ASSERT_EQ(actual[l], expected[l]) << "lane " << l << ", output " << static_cast<int>(output);
            EXPECT_NE(actual[l], noise(kFrames, 17u + static_cast<uint32_t>(l))) << "the filter did something";
        }
    }
}

// Any number of filters up to Svf::kMaxLanes: a last group that is not full runs beside
// silent lanes, and each filter still gives exactly what it gives alone.
TEST(DspLanes, AnyCountOfFiltersEqualsEachAlone) {
    constexpr int kFrames = 1000;
    for (const int count : {1, 2, 3, 5, 8, 11, 16}) {
        std::vector<Svf> alone(static_cast<size_t>(count)), laned(static_cast<size_t>(count));
        std::vector<std::vector<float>> expected, actual;
        Svf* filters[Svf::kMaxLanes];
        float* buffers[Svf::kMaxLanes];
        for (int l = 0; l < count; ++l) {
            for (Svf* f : {&alone[static_cast<size_t>(l)], &laned[static_cast<size_t>(l)]}) {
                f->init(48000);
                f->setTarget(200.0 + 700.0 * l, 0.5 + 0.4 * l);
            }
            expected.push_back(noise(kFrames, 5u + static_cast<uint32_t>(l)));
            actual.push_back(expected.back());
        }
        for (int l = 0; l < count; ++l) {
            alone[static_cast<size_t>(l)].process(expected[static_cast<size_t>(l)].data(), kFrames, SvfOutput::Highpass);
            filters[l] = &laned[static_cast<size_t>(l)];
            buffers[l] = actual[static_cast<size_t>(l)].data();
        }
        Svf::processLanes(filters, buffers, kFrames, SvfOutput::Highpass, count);
        for (int l = 0; l < count; ++l)
            ASSERT_EQ(actual[static_cast<size_t>(l)], expected[static_cast<size_t>(l)]) << "count " << count << ", lane " << l;
    }
}

TEST(DspLanes, AGlidingFilterIsNotSteady) {
    Svf f;
    f.init(48000);
    f.setTarget(500.0, 1.0);
    EXPECT_TRUE(f.steady());  // the first target takes effect at once
    f.setTarget(5000.0, 1.0);
    EXPECT_FALSE(f.steady());
    std::vector<float> buffer(1000, 0.0f);
    f.process(buffer.data(), 1000, SvfOutput::Lowpass);  // the 10 ms glide is 480 frames
    EXPECT_TRUE(f.steady());
}

// The filters run in single precision. Against the same trapezoidal SVF in double precision
// (written out here) fed ten seconds of a loud saw, a plain low-pass stays within -100 dB of
// its peak at any cutoff. With resonance 0.9 (Q 500) the rounding detunes the ringing by a
// hair, so samples drift apart slowly: the first half second stays within -60 dB and the
// level within 0.1 dB (measured: -66 dB and 0.03 dB at 20 Hz, the worst case).
TEST(DspLanes, SinglePrecisionFilterTracksDoublePrecision) {
    constexpr double kRate = 48000.0;
    constexpr int kFrames = 480000;
    for (const double cutoff : {20.0, 80.0, 1000.0, 12000.0}) {
        for (const double resonance : {0.0, 0.9}) {
            LowpassFilter filter;
            filter.init(kRate);
            filter.setParams(cutoff, resonance);
            std::vector<float> signal(kFrames);
            for (int i = 0; i < kFrames; ++i) signal[static_cast<size_t>(i)] = static_cast<float>(std::fmod(i * 55.0 / kRate, 1.0) * 1.8 - 0.9);
            std::vector<float> single = signal;
            filter.process(single.data(), kFrames);

            const double g = std::tan(3.14159265358979323846 * cutoff / kRate);
            const double k = 1.0 / resonanceToQ(resonance);
            const double a1 = 1.0 / (1.0 + g * (g + k)), a2 = g * a1, a3 = g * a2;
            double ic1 = 0.0, ic2 = 0.0, peak = 0.0, worst = 0.0, worstFirst = 0.0, energyDouble = 0.0, energySingle = 0.0;
            for (int i = 0; i < kFrames; ++i) {
                const double v3 = signal[static_cast<size_t>(i)] - ic2;
                const double v1 = a1 * ic1 + a2 * v3;
                const double v2 = ic2 + a2 * ic1 + a3 * v3;
                ic1 = 2.0 * v1 - ic1;
                ic2 = 2.0 * v2 - ic2;
                peak = std::max(peak, std::fabs(v2));
                worst = std::max(worst, std::fabs(v2 - single[static_cast<size_t>(i)]));
                if (i < 24000) worstFirst = worst;
                energyDouble += v2 * v2;
                energySingle += double(single[static_cast<size_t>(i)]) * single[static_cast<size_t>(i)];
            }
            ASSERT_GT(peak, 0.05) << cutoff;
            const std::string what = "cutoff " + std::to_string(cutoff) + " resonance " + std::to_string(resonance);
            if (resonance == 0.0) {
                EXPECT_LT(worst, peak * 1e-5) << what << ": " << 20.0 * std::log10(worst / peak) << " dB";
            } else {
                EXPECT_LT(worstFirst, peak * 1e-3) << what;
                EXPECT_LT(std::fabs(10.0 * std::log10(energySingle / energyDouble)), 0.1) << what;
            }
        }
    }
}
