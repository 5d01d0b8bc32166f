// The block-wise DSP paths give exactly (bit for bit) what their per-sample forms give.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <vector>

#include "audio/dsp/envelope.hpp"
#include "audio/dsp/filters.hpp"
#include "audio/dsp/oscillators.hpp"

using namespace seiche::audio::dsp;

namespace {

bool sameBits(float a, float b) { return std::memcmp(&a, &b, sizeof a) == 0; }

}  // namespace

// An oscillator's process() against its tick(), in blocks of 77 samples at increments from
// slow to near Nyquist, so blocks start and end at every kind of offset from an edge.
template <class Oscillator>
void expectBlocksMatchTicks(const char* name) {
    for (double dt : {0.0, 1e-5, 0.0123, 0.1, 0.2499, 0.45}) {
        Oscillator a, b;
        a.reset(0.3);
        b.reset(0.3);
        std::vector<float> block(1000, 0.25f), ticks(1000, 0.25f);
        for (int start = 0; start < 1000; start += 77) {
            const int n = std::min(77, 1000 - start);
            a.process(block.data() + start, n, dt, 0.6f);
            for (int i = 0; i < n; ++i) ticks[start + i] = b.tick(dt) * 0.6f;
        }
        for (int i = 0; i < 1000; ++i) ASSERT_TRUE(sameBits(block[i], ticks[i])) << name << " " << dt << " " << i;
    }
}

TEST(DspBlocks, SineBlockMatchesTicks) { expectBlocksMatchTicks<SineOscillator>("sine"); }

TEST(DspBlocks, TriangleBlockMatchesTicks) { expectBlocksMatchTicks<TriangleOscillator>("triangle"); }

TEST(DspBlocks, EnvelopeRenderMatchesNext) {
    for (double curve : {-3.0, 0.0, 2.0}) {
        const double levels[5] = {0.0, 1.0, 0.4, 0.4, 0.0};
        const double durations[4] = {0.001, 0.0, 0.0123, INFINITY};
        const double levelsB[4] = {0.0, 1.0, 0.7, 0.0};
        const double durationsB[3] = {0.0005, 0.002, 0.00301};
        for (int which = 0; which < 2; ++which) {
            CurvedEnvelope a, b;
            if (which == 0) {
                a.start(levels, durations, 4, curve, 48000.0);
                b.start(levels, durations, 4, curve, 48000.0);
            } else {
                a.start(levelsB, durationsB, 3, curve, 48000.0);
                b.start(levelsB, durationsB, 3, curve, 48000.0);
            }
            std::vector<float> block(2000);
            for (int start = 0, n = 1; start < 2000; start += n, n = n % 97 + 13) {
                a.render(block.data() + start, std::min(n, 2000 - start));
            }
            for (int i = 0; i < 2000; ++i) ASSERT_TRUE(sameBits(block[i], b.next())) << curve << " " << which << " " << i;
        }
    }
}

TEST(DspBlocks, LadderProcessMatchesTick) {
    LadderFilter a, b;
    a.init(48000.0);
    b.init(48000.0);
    for (LadderFilter* f : {&a, &b}) {
        f->setFeedback(3.2);
        f->setCutoff(1800.0);
    }
    std::vector<float> x(3000);
    for (int i = 0; i < 3000; ++i) x[i] = static_cast<float>(std::sin(i * 0.05) + ((i / 40) % 2 ? 0.5 : -0.5));
    std::vector<float> block = x;
    for (int start = 0; start < 3000; start += 61) a.process(block.data() + start, std::min(61, 3000 - start));
    for (int i = 0; i < 3000; ++i) ASSERT_TRUE(sameBits(block[i], b.tick(x[i]))) << i;
}
