// The level meter and the scope the GUI draws: written by the audio thread without a
// lock, read by the GUI thread. A known signal comes back exactly; the engine's own
// output on the silent clock moves the meter and fills the scope, without allocating.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "audio/engine/audio_thread.hpp"
#include "audio/engine/builtin_kit.hpp"
#include "audio/engine/live_engine.hpp"
#include "audio/engine/output_monitor.hpp"
#include "audio/sample_bank.hpp"
#include "live/live_support.hpp"
#include "pattern/lang/program.hpp"

using namespace seiche;
using namespace seiche::audio;

TEST(LiveMonitor, AKnownSignalComesBackExactly) {
    OutputMonitor monitor;
    std::vector<float> out(OutputMonitor::kScopeSamples, -9.0f);
    EXPECT_EQ(monitor.scope(out.data(), 100), 0) << "nothing played yet";
    // Left a rising ramp, right its negative plus a constant: mono = (L+R)/2 = 0.25.
    auto left = [](int i) { return static_cast<float>(i % 1000) / 1000.0f; };
    auto right = [&](int i) { return 0.5f - left(i); };
    std::vector<float> l(128), r(128);
    int written = 0;
    const long before = audioCallbackAllocations();
    auto play = [&](int blocks, float loudLeftAt) {
        for (int b = 0; b < blocks; ++b) {
            for (int i = 0; i < 128; ++i) {
                l[static_cast<size_t>(i)] = left(written + i);
                r[static_cast<size_t>(i)] = right(written + i);
            }
            if (written <= loudLeftAt && loudLeftAt < written + 128) l[static_cast<size_t>(loudLeftAt - written)] = -1.5f;
            audio_thread::CallbackScope inCallback;
            monitor.write(l.data(), r.data(), 128);
            written += 128;
        }
    };
    play(3, 200);  // 384 samples
    EXPECT_EQ(audioCallbackAllocations(), before) << "write() allocates nothing";
    ASSERT_EQ(monitor.scope(out.data(), 1000), 384) << "fewer at the start";
    EXPECT_FLOAT_EQ(out[0], 0.25f);
    EXPECT_FLOAT_EQ(out[200], 0.5f * (-1.5f + right(200)));
    MeterReading m = monitor.takeMeter();
    EXPECT_FLOAT_EQ(m.peakLeft, 1.5f);
    EXPECT_FLOAT_EQ(m.peakRight, 0.5f);  // right(0) = 0.5
    m = monitor.takeMeter();
    EXPECT_EQ(m.peakLeft, 0.0f) << "a reading covers only what came since the previous one";
    EXPECT_EQ(m.peakRight, 0.0f);

    play(40, -1);  // 5504 samples in all: the ring has wrapped
    ASSERT_EQ(monitor.scope(out.data(), 5000), OutputMonitor::kScopeSamples) << "at most 2048";
    ASSERT_EQ(monitor.scope(out.data(), 300), 300);
    // The latest 300, oldest first: written-300 .. written-1, all 0.25 but the one loud sample.
    for (int i = 0; i < 300; ++i) ASSERT_FLOAT_EQ(out[static_cast<size_t>(i)], 0.25f) << i;
    m = monitor.takeMeter();
    EXPECT_FLOAT_EQ(m.peakLeft, 0.999f);
    EXPECT_FLOAT_EQ(m.peakRight, 0.5f);
}

TEST(LiveMonitor, TheEnginesMeterAndScopeFollowTheMusic) {
    KitEngine kit("d1 $ s \"bd*4\" # gain 1.2");
    LiveEngine& engine = *kit.engine;
    const long before = audioCallbackAllocations();
    ASSERT_TRUE(engine.start(nullptr));
    float loudest = 0;
    ASSERT_TRUE(eventually([&] {
        const MeterReading m = engine.takeMeter();
        loudest = std::max({loudest, m.peakLeft, m.peakRight});
        return loudest > 0.3f;
    })) << "the meter never moved: " << loudest;
    EXPECT_LE(loudest, 0.97f) << "after the limiter (ceiling -0.3 dBFS)";
    std::vector<float> scope(2048);
    ASSERT_TRUE(eventually([&] { return engine.scope(scope.data(), 2048) == 2048; }));
    ASSERT_TRUE(eventually([&] {
        engine.scope(scope.data(), 2048);
        return std::any_of(scope.begin(), scope.end(), [](float x) { return std::abs(x) > 0.01f; });
    })) << "the scope shows the kick drum";

    auto hush = lang::compile("hush");
    ASSERT_TRUE(hush);
    engine.evaluate(*hush.value);
    EXPECT_TRUE(eventually([&] {
        const MeterReading m = engine.takeMeter();
        return m.peakLeft == 0.0f && m.peakRight == 0.0f;
    })) << "silence after hush reads as zero";
    engine.stop();
    EXPECT_EQ(audioCallbackAllocations(), before) << "the audio thread allocated";
}
