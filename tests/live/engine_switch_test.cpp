// switchDevice without a sound card: to the silent clock, and the refusals that leave
// the engine playing as it did (tests/live/jack_switch_test.cpp switches between JACK servers).
#include <gtest/gtest.h>

#include "audio/engine/builtin_kit.hpp"
#include "audio/engine/device.hpp"
#include "audio/engine/live_engine.hpp"
#include "audio/sample_bank.hpp"
#include "live/live_support.hpp"
#include "pattern/lang/program.hpp"

using namespace seiche;
using namespace seiche::audio;

TEST(LiveSwitch, RefusalsLeaveTheEnginePlaying) {
    KitEngine kit("d1 $ s \"hh*8\"");
    LiveEngine& engine = *kit.engine;
    Device closed;  // never opened
    EXPECT_NE(engine.switchDevice(nullptr), "") << "not running yet";
    ASSERT_TRUE(engine.start(nullptr));
    EXPECT_EQ(engine.switchDevice(nullptr), "") << "already on the silent clock";
    const std::string why = engine.switchDevice(&closed);
    EXPECT_NE(why.find("not open"), std::string::npos) << why;
    const int64_t frame = engine.currentFrame();
    const uint64_t triggers = engine.stats().triggers;
    EXPECT_TRUE(eventually([&] { return engine.currentFrame() > frame + 48000 && engine.stats().triggers > triggers + 4; }))
        << "the silent clock plays on";
    EXPECT_TRUE(engine.stats().silentClock);
    engine.stop();
}
