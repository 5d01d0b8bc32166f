// The engine's clock is a frame counter and cycle positions are exact rationals,
// so nothing drifts: after an hour of frames the cycle is exactly where the tempo
// says, across tempo changes, and every onset of an hour of music is scheduled on
// time.
#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

#include "audio/engine/builtin_kit.hpp"
#include "audio/engine/mixer.hpp"
#include "audio/engine/scheduler.hpp"
#include "audio/sample_bank.hpp"
#include "pattern/lang/program.hpp"

using namespace seiche;
using namespace seiche::audio;

namespace {
constexpr int64_t kRate = 48000;
constexpr int64_t kHour = kRate * 3600;
}  // namespace

TEST(EngineClock, AnHourOfFramesIsExactlyAnHourOfCycles) {
    SampleBank bank;
    Mixer mixer(MixerConfig{});
    Scheduler tidalDefault(mixer, bank, kRate);  // cps 0.5625
    EXPECT_EQ(tidalDefault.cycleAt(kHour), Time(2025));
    EXPECT_EQ(tidalDefault.cycleAt(kHour + 1), Time(2025) + Time(9, 16 * kRate));

    Scheduler odd(mixer, bank, kRate, 0.7);
    EXPECT_EQ(odd.cycleAt(kHour), Time(2520));
    Scheduler atCdRate(mixer, bank, 44100, 0.5625);
    EXPECT_EQ(atCdRate.cycleAt(44100 * 3600), Time(2025));
}

TEST(EngineClock, TempoChangesKeepThePositionAndStayExact) {
    SampleBank bank;
    Mixer mixer(MixerConfig{});
    Scheduler scheduler(mixer, bank, kRate);
    scheduler.fillUntil(kRate * 60);  // one minute at 0.5625: 33.75 cycles
    const Time atChange = scheduler.cycleAt(kRate * 60);
    EXPECT_EQ(atChange, Time(135, 4));
    scheduler.setCps(0.7);
    scheduler.fillUntil(kRate * 60 + 1);  // the new tempo takes effect at the next window
    EXPECT_EQ(scheduler.cycleAt(kRate * 60), atChange);  // no jump in position
    EXPECT_EQ(scheduler.cycleAt(kRate * 60 + kHour), atChange + Time(2520));
}

TEST(EngineClock, ANewEngineCarriesOnFromTheCycleReached) {
    // A restart for a new sample rate: frame 0 of the new clock is where the old one was.
    SampleBank bank;
    Mixer mixer(MixerConfig{});
    Scheduler scheduler(mixer, bank, 44100);
    scheduler.continueFrom(Time(135, 4));
    EXPECT_EQ(scheduler.cycleAt(0), Time(135, 4));
    EXPECT_EQ(scheduler.cycleAt(44100 * 3600), Time(135, 4) + Time(2025));
    auto program = lang::compile("d1 $ s \"sine\"");  // a synth: the bank here is empty
    ASSERT_TRUE(program);
    scheduler.apply(*program.value);
    scheduler.fillUntil(44100 * 2);  // the next onset is cycle 34, a quarter cycle on
    std::vector<PlayedEvent> played;
    scheduler.playedBetween(0, 44100 * 2, played);
    ASSERT_FALSE(played.empty());
    EXPECT_EQ(played.front().frame, 19600);  // 0.25 cycle / 0.5625 cps = 0.444 s at 44.1 kHz
}

TEST(EngineClock, AnHourOfOnsetsIsScheduledOnTime) {
    SampleBank bank;
    registerBuiltinKit(bank);
    MixerConfig config;
    config.sampleRate = kRate;
    config.maxBlockSize = 4800;
    Mixer mixer(config);
    Scheduler scheduler(mixer, bank, kRate);
    auto program = lang::compile("d1 $ s \"bd*4\" # gain 0.5");
    ASSERT_TRUE(program) << program.error->str();
    scheduler.apply(*program.value);
    std::vector<float> left(4800), right(4800);
    for (int64_t frame = 0; frame < kHour; frame += 4800) {
        scheduler.fillUntil(std::min(frame + 4800 + 2400, kHour));
        mixer.process(frame, left.data(), right.data(), 4800);
    }
    // 2025 cycles of four onsets before the hour, none late, none dropped...
    EXPECT_EQ(scheduler.stats().triggers, 8100u);
    EXPECT_EQ(scheduler.stats().lateEvents, 0u);
    EXPECT_EQ(scheduler.stats().droppedTriggers, 0u);
    EXPECT_EQ(mixer.stats().lateTriggers.load(), 0u);
    // ...and the first onset of cycle 2025 falls on the hour's very frame.
    scheduler.fillUntil(kHour + 1);
    EXPECT_EQ(scheduler.stats().triggers, 8101u);
    EXPECT_EQ(scheduler.cycleAt(kHour), Time(2025));
}
