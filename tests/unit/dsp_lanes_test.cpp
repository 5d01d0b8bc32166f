// Svf::processLanes runs four filters side by side; each lane must give exactly, bit
// for bit, what the filter gives on its own, so renders do not depend on how the mixer
// groups voices.
#include <gtest/gtest.h>

#include <array>
#include <cstdint>
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
        for (int start = 0, block = 64; start < kFrames; start += block, block = block == 64 ? 200 : 64) {
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
