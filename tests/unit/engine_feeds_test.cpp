// The played-event feed the GUI lights code up with: every trigger that reaches the
// mixer, with its frames, channel, the evaluation's tag and the source refs of the
// mini-notation that made it; nothing that does not sound (muted, solo-excluded,
// unknown sounds, triggers the full ring refused).
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
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
constexpr int64_t kCycle = 96000;  // at cps 0.5

lang::Program compiled(const std::string& code) {
    auto program = lang::compile(code);
    EXPECT_TRUE(program) << program.error->str();
    return program ? *program.value : lang::Program{};
}

// The text a source ref points at, in `code`.
std::string sourceText(const lang::Program& program, const std::string& code, uint32_t id) {
    const auto& entry = program.sources.entries.at(id);
    return code.substr(entry.at.offset, entry.length);
}

struct Feed {
    SampleBank bank;
    Mixer mixer{MixerConfig{}};
    Scheduler scheduler{mixer, bank, kRate, 0.5};
    Feed() { registerBuiltinKit(bank); }
    std::vector<PlayedEvent> between(int64_t from, int64_t to) const {
        std::vector<PlayedEvent> out;
        scheduler.playedBetween(from, to, out);
        return out;
    }
};

}  // namespace

TEST(EngineFeeds, PlayedEventsCarryFramesChannelTagAndSource) {
    Feed feed;
    const std::string code = "d1 $ s \"bd sn\"\nd3 $ s \"hh*4\"";
    const lang::Program program = compiled(code);
    feed.scheduler.apply(program, 7);
    feed.scheduler.fillUntil(kCycle);
    const auto played = feed.between(0, kCycle);
    ASSERT_EQ(played.size(), 6u);
    std::vector<std::string> texts;
    for (size_t i = 0; i < played.size(); ++i) {
        const PlayedEvent& e = played[i];
        EXPECT_EQ(e.tag, 7u);
        if (i > 0) {
            EXPECT_LE(played[i - 1].frame, e.frame) << "oldest first";
        }
        ASSERT_NE(e.refs.a, 0u) << "every event of a mini-notation atom knows where it was written";
        texts.push_back(sourceText(program, code, e.refs.a));
        if (e.channel == 1) EXPECT_EQ(e.endFrame - e.frame, kCycle / 2);
        else EXPECT_EQ(e.endFrame - e.frame, kCycle / 4);
    }
    // At frame 0 d1's bd and d3's hh start (d1 first), then hh at 1/4, sn and hh at 1/2, hh at 3/4.
    EXPECT_EQ(played[0].channel, 1);
    EXPECT_EQ(texts[0], "bd");
    EXPECT_EQ(played[0].frame, 0);
    EXPECT_EQ(played[1].channel, 3);
    EXPECT_EQ(texts[1], "hh");
    EXPECT_EQ(played[2].frame, kCycle / 4);
    const auto sn = std::find(texts.begin(), texts.end(), "sn") - texts.begin();
    ASSERT_LT(sn, 6);
    EXPECT_EQ(played[static_cast<size_t>(sn)].frame, kCycle / 2);
    EXPECT_EQ(played[static_cast<size_t>(sn)].channel, 1);
}

TEST(EngineFeeds, AWindowFindsWhatSoundsInIt) {
    Feed feed;
    feed.scheduler.apply(compiled("d1 $ s \"bd sn\""), 1);
    feed.scheduler.fillUntil(kCycle);
    // bd sounds over [0, 48000), sn over [48000, 96000).
    auto at = [&](int64_t from, int64_t to) {
        std::vector<int64_t> frames;
        for (const PlayedEvent& e : feed.between(from, to)) frames.push_back(e.frame);
        return frames;
    };
    EXPECT_EQ(at(10, 11), std::vector<int64_t>{0}) << "an event that began before the window still sounds in it";
    EXPECT_EQ(at(47999, 48000), std::vector<int64_t>{0});
    EXPECT_EQ(at(48000, 48001), std::vector<int64_t>{48000}) << "bd ended where sn began";
    EXPECT_EQ(at(47999, 48001), (std::vector<int64_t>{0, 48000}));
    EXPECT_TRUE(at(96000, 100000).empty()) << "nothing was scheduled past the cycle";
    EXPECT_TRUE(at(5, 5).empty());
    std::vector<PlayedEvent> out(3);
    feed.scheduler.playedBetween(0, 1, out);
    EXPECT_EQ(out.size(), 4u) << "it appends";
}

TEST(EngineFeeds, EachChannelKeepsTheTagOfTheProgramThatSetIt) {
    Feed feed;
    feed.scheduler.apply(compiled("d1 $ s \"bd\"\nd2 $ s \"sn\""), 1);
    feed.scheduler.apply(compiled("d2 $ s \"cp\"\nonce $ s \"hh\""), 2);
    feed.scheduler.fillUntil(kCycle);
    const auto played = feed.between(0, kCycle);
    ASSERT_EQ(played.size(), 3u);
    EXPECT_EQ(played[0].channel, 1);
    EXPECT_EQ(played[1].channel, 2);
    EXPECT_EQ(played[2].channel, 0) << "once plays on no channel";
    for (const PlayedEvent& e : played) {
        EXPECT_EQ(e.tag, e.channel == 1 ? 1u : 2u) << "channel " << e.channel;
    }
}

TEST(EngineFeeds, OnlyWhatReachesTheMixerIsRecorded) {
    Feed feed;
    feed.scheduler.apply(compiled("d1 $ s \"bd*2\"\nd2 $ s \"nosuchsound*4\"\nd3 $ s \"hh*8\"\nd4 $ s \"cp\""), 1);
    feed.scheduler.setMute(3, true);
    feed.scheduler.fillUntil(kCycle);
    auto channels = [&](int64_t from, int64_t to) {
        std::vector<int> c;
        for (const PlayedEvent& e : feed.between(from, to)) c.push_back(e.channel);
        return c;
    };
    EXPECT_EQ(channels(0, kCycle), (std::vector<int>{1, 4, 1})) << "no muted channel, no unknown sound";
    feed.scheduler.setMute(3, false);
    feed.scheduler.setSolo(4, true);
    feed.scheduler.fillUntil(2 * kCycle);
    EXPECT_EQ(channels(kCycle, 2 * kCycle), std::vector<int>{4}) << "solo leaves the others out";

    // A full trigger ring refuses triggers: they never sound, so they are not in the feed.
    MixerConfig tiny;
    tiny.ringCapacity = 4;
    Mixer mixer(tiny);
    SampleBank bank;
    registerBuiltinKit(bank);
    Scheduler scheduler(mixer, bank, kRate, 0.5);
    scheduler.apply(compiled("d1 $ s \"hh*16\""), 1);
    scheduler.fillUntil(kCycle);
    std::vector<PlayedEvent> out;
    scheduler.playedBetween(0, kCycle, out);
    EXPECT_EQ(scheduler.stats().droppedTriggers, 12u);
    ASSERT_EQ(out.size(), 4u);
    EXPECT_EQ(out.back().frame, 3 * kCycle / 16);
}

TEST(EngineFeeds, TheHistoryIsBoundedAndStaysInOrder) {
    Feed feed;
    feed.scheduler.apply(compiled("d1 $ s \"hh*64\"\nd2 $ slow 4 $ s \"bd\" # legato 8"), 1);
    std::vector<float> left(kCycle / 4), right(kCycle / 4);
    // 160 cycles: 10280 triggers, more than the history holds; the mixer drains its ring.
    for (int64_t frame = 0; frame < 160 * kCycle; frame += kCycle / 4) {
        feed.scheduler.fillUntil(frame + kCycle / 4);
        feed.mixer.process(frame, left.data(), right.data(), static_cast<int>(kCycle / 4));
    }
    std::vector<PlayedEvent> all;
    feed.scheduler.playedBetween(0, 160 * kCycle, all);
    ASSERT_EQ(all.size(), Scheduler::kPlayedHistory);
    for (size_t i = 1; i < all.size(); ++i) ASSERT_LE(all[i - 1].frame, all[i].frame);
    EXPECT_EQ(all.back().frame, 160 * kCycle - kCycle / 64);
    EXPECT_TRUE(feed.between(0, 30 * kCycle).empty()) << "the oldest are forgotten";
    // A long event is found from a window near its end: d2's bd of cycle 156 lasts 4 cycles
    // (the event's own length: legato lengthens the sound, not the event).
    const auto late = feed.between(159 * kCycle + 10, 159 * kCycle + 11);
    ASSERT_EQ(late.size(), 2u);
    EXPECT_EQ(late[0].channel, 2);
    EXPECT_EQ(late[0].frame, 156 * kCycle);
    EXPECT_EQ(late[0].endFrame, 160 * kCycle);
    EXPECT_EQ(late[1].channel, 1);
}
