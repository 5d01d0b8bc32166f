// The mixer runs voices' filters four at a time (Svf::processLanes); the sound must be
// exactly what the voices make one by one.
#include <gtest/gtest.h>

#include <utility>
#include <vector>

#include "audio/engine/builtin_kit.hpp"
#include "audio/engine/mixer.hpp"
#include "audio/engine/scheduler.hpp"
#include "audio/sample_bank.hpp"
#include "pattern/lang/program.hpp"

using namespace seiche;
using namespace seiche::audio;

// Whatever mix of filters, start offsets and tempo the voices have.
TEST(EngineLanes, FilterLanesRenderExactlyWhatVoicesRenderAlone) {
    SampleBank bank;
    registerBuiltinKit(bank);
    auto program = lang::compile(
        "d1 $ n \"[0,4,7,11,14]*8\" # s \"sine tri\" # cutoff \"<3000 800>\" # legato 3\n"
        "d2 $ s \"hh*16\" # hcutoff \"2000 4000\" # cutoff 9000\n"
        "d3 $ s \"bass*8\" # bandf \"<400 900>\" # bandq 4 # hcutoff 80\n"
        "d4 $ n \"c'maj'ii*4\" # s \"saw\" # cutoff (range 300 4000 sine) # resonance 0.3 # legato 2");
    ASSERT_TRUE(program) << program.error->str();
    auto render = [&](bool lanes) {
        MixerConfig config;
        config.maxBlockSize = 256;
        config.filterLanes = lanes;
        Mixer mixer(config);
        Scheduler scheduler(mixer, bank, config.sampleRate, 0.9);
        scheduler.apply(*program.value);
        std::vector<float> out, left(256), right(256);
        for (int64_t frame = 0; frame < 48000 * 8; frame += 256) {
            scheduler.fillUntil(frame + 256 + 2400);
            mixer.process(frame, left.data(), right.data(), 256);
            out.insert(out.end(), left.begin(), left.end());
            out.insert(out.end(), right.begin(), right.end());
        }
        return std::make_pair(out, mixer.stats().peakVoices.load());
    };
    const auto [laned, voices] = render(true);
    const auto [alone, voicesAlone] = render(false);
    EXPECT_GE(voices, 24);  // enough voices to fill several lanes of every filter
    EXPECT_EQ(voices, voicesAlone);
    ASSERT_EQ(laned.size(), alone.size());
    EXPECT_TRUE(laned == alone) << "filter lanes changed the sound";
}
