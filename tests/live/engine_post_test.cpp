// Evaluating, hushing and changing tempo never wait for a pattern query: the GUI
// posts them and the scheduler thread runs them before its next window.
#include <gtest/gtest.h>

#include <condition_variable>
#include <atomic>
#include <future>
#include <mutex>

#include "live/live_support.hpp"

using namespace seiche;
using namespace seiche::audio;

namespace {

// A pattern whose query stops until released: a stand-in for a runaway pattern that
// takes its time, with the scheduler's lock held the whole while.
struct Gate {
    std::mutex mutex;
    std::condition_variable changed;
    bool entered = false, open = false;

    Pattern pattern() {
        return Pattern([this](const State&, Events&) {
            std::unique_lock lock(mutex);
            entered = true;
            changed.notify_all();
            changed.wait(lock, [this] { return open; });
        });
    }
    void release() {
        std::lock_guard lock(mutex);
        open = true;
        changed.notify_all();
    }
};

}  // namespace

TEST(LivePost, EvaluationAndHushReturnWhileAQueryRuns) {
    KitEngine kit("d1 $ s \"bd*4\"");
    LiveEngine& engine = *kit.engine;
    ASSERT_TRUE(engine.start(nullptr));
    Gate gate;
    engine.post([&gate](Scheduler& s) { s.setChannel(2, gate.pattern()); });
    {
        std::unique_lock lock(gate.mutex);
        ASSERT_TRUE(gate.changed.wait_for(lock, std::chrono::seconds(30), [&] { return gate.entered; }));
    }
    // The scheduler thread is inside the query now. Each call must come back by itself
    // (the deadline only turns a deadlock into a failure; it measures nothing).
    auto program = lang::compile("d1 $ s \"sn*2\"\nsetcps 0.7");
    ASSERT_TRUE(program);
    auto calls = std::async(std::launch::async, [&] {
        engine.evaluate(*program.value, 7);
        engine.post([](Scheduler& s) { s.hush(); });
    });
    const bool returned = calls.wait_for(std::chrono::seconds(20)) == std::future_status::ready;
    gate.release();
    calls.wait();
    EXPECT_TRUE(returned) << "evaluate() or post() waited for the running query";
    // Once the query is over, both take effect in the order they were posted.
    std::atomic<bool> ran{false};
    engine.post([&ran](Scheduler&) { ran = true; });
    EXPECT_TRUE(eventually([&] { return ran.load(); }));
    EXPECT_EQ(engine.scheduler().cps(), 0.7);
    // What was queued before the hush (0.2 s ahead) has played out by then.
    const int64_t after = engine.currentFrame() + 48000 / 4;
    EXPECT_TRUE(eventually([&] { return engine.currentFrame() > after + 48000; }));
    std::vector<PlayedEvent> played;
    engine.scheduler().playedBetween(after, engine.currentFrame(), played);
    int onsets = 0;
    for (const auto& e : played) onsets += e.frame >= after;
    EXPECT_EQ(onsets, 0) << "hush came after the evaluation";
    engine.stop();
}
