// What a session that did not end cleanly leaves to restore: which evaluations are still
// in effect (the worked examples of docs/journal.md), which session is offered, and that
// an answered offer is not made again.
#include <gtest/gtest.h>

#include "journal_test_support.hpp"
#include "session/restore_planner.hpp"

namespace seiche::session {
namespace {

using testing::TempDir;
using Codes = std::vector<std::string>;

// A timeline of evaluations (code, or "!code" for a failed one) and transport events ("@what cps").
RestoreOutcome plan(const std::vector<std::string>& timeline, double cps = 0) {
    std::vector<RecordedEvaluation> evaluations;
    std::vector<RecordedTransport> transport;
    std::int64_t seq = 0;
    for (const auto& item : timeline) {
        ++seq;
        if (item.rfind('@', 0) == 0) {
            const auto space = item.find(' ');
            transport.push_back({{seq, "", seq}, item.substr(1, space - 1), std::stod(item.substr(space + 1)), {}});
            continue;
        }
        const bool ok = item.rfind('!', 0) != 0;
        auto e = testing::evaluation(ok ? item : item.substr(1), ok);
        e.cps = cps;
        evaluations.push_back({{seq, "", seq}, e});
    }
    return planRestore(evaluations, transport);
}

TEST(JournalRestore, AChannelSetAgainDropsTheEarlierEvaluation) {
    auto outcome = plan({"d1 $ s \"bd\"", "d2 $ s \"hh*2\"", "d1 $ s \"sn\""});
    EXPECT_EQ(outcome.evaluations, (Codes{"d2 $ s \"hh*2\"", "d1 $ s \"sn\""}));
    EXPECT_EQ(outcome.playingChannels, (std::vector<int>{1, 2}));
}

TEST(JournalRestore, FailedEvaluationsAndOnceAreNotReplayed) {
    auto outcome = plan({"d1 $ s \"bd\"", "!d1 $ s \"sn", "once $ s \"crash\"", "d1 $ s \"bd\" # speed"});
    // The last one is recorded as successful yet no longer compiles: it sets nothing.
    EXPECT_EQ(outcome.evaluations, (Codes{"d1 $ s \"bd\""}));
    EXPECT_EQ(outcome.playingChannels, (std::vector<int>{1}));
}

TEST(JournalRestore, HushClearsEverythingBeforeIt) {
    auto outcome = plan({"d1 $ s \"bd\"", "d2 $ s \"hh\"", "hush", "d3 $ s \"cp\""});
    EXPECT_EQ(outcome.evaluations, (Codes{"d3 $ s \"cp\""}));
    EXPECT_EQ(outcome.playingChannels, (std::vector<int>{3}));
    auto transportHush = plan({"d1 $ s \"bd\"", "@hush 0.5625"});
    EXPECT_TRUE(transportHush.playingChannels.empty());
    EXPECT_EQ(transportHush.evaluations, (Codes{"setcps 0.5625"}));
}

TEST(JournalRestore, AnEvaluationStaysWhileAnyChannelItSetIsStillItsOwn) {
    auto outcome = plan({"d1 $ s \"bd\"\nd2 $ s \"hh\"", "d1 $ s \"sn\""});
    EXPECT_EQ(outcome.evaluations, (Codes{"d1 $ s \"bd\"\nd2 $ s \"hh\"", "d1 $ s \"sn\""}));
    auto superseded = plan({"d1 $ s \"bd\"\nd2 $ s \"hh\"", "d1 $ s \"sn\"", "d2 $ s \"cp\""});
    EXPECT_EQ(superseded.evaluations, (Codes{"d1 $ s \"sn\"", "d2 $ s \"cp\""}));
}

TEST(JournalRestore, SilencingKeepsOnlyWhatIsNeededToUndoAnEarlierEvaluation) {
    // d1 silenced on its own: nothing to replay for it.
    auto alone = plan({"d1 $ s \"bd\"", "d1 $ silence"});
    EXPECT_TRUE(alone.evaluations.empty());
    EXPECT_TRUE(alone.playingChannels.empty());
    // The first evaluation stays for d2, and would bring d1 back: the silence must follow it.
    auto needed = plan({"d1 $ s \"bd\"\nd2 $ s \"hh\"", "d1 $ silence"});
    EXPECT_EQ(needed.evaluations, (Codes{"d1 $ s \"bd\"\nd2 $ s \"hh\"", "d1 $ silence"}));
    EXPECT_EQ(needed.playingChannels, (std::vector<int>{2}));
    // A pattern of rests is silence too.
    auto rests = plan({"d1 $ s \"bd\"", "d1 $ s \"~ ~\""});
    EXPECT_TRUE(rests.evaluations.empty());
}

TEST(JournalRestore, TheTempoAtTheEndComesBack) {
    auto evaluated = plan({"setcps 0.7", "d1 $ s \"bd\""});
    EXPECT_EQ(evaluated.evaluations, (Codes{"setcps 0.7", "d1 $ s \"bd\""}));
    EXPECT_DOUBLE_EQ(evaluated.cps, 0.7);
    // A later tempo from the GUI's controls is appended as code.
    auto fromControls = plan({"setcps 0.7", "d1 $ s \"bd\"", "@setcps 0.8"});
    EXPECT_EQ(fromControls.evaluations, (Codes{"d1 $ s \"bd\"", "setcps 0.8"}));
    EXPECT_DOUBLE_EQ(fromControls.cps, 0.8);
    // The tempo survives a hush, as it does in the engine.
    auto afterHush = plan({"setcps 0.7", "hush", "d1 $ s \"bd\""});
    EXPECT_EQ(afterHush.evaluations, (Codes{"d1 $ s \"bd\"", "setcps 0.7"}));
}

TEST(JournalRestore, MuteAndSoloDecideWhatIsPlaying) {
    auto muted = plan({"d1 $ s \"bd\"", "d2 $ s \"hh\"", "mute 2"});
    EXPECT_EQ(muted.evaluations, (Codes{"d1 $ s \"bd\"", "d2 $ s \"hh\"", "mute 2"}));
    EXPECT_EQ(muted.playingChannels, (std::vector<int>{1}));
    auto unmuted = plan({"d1 $ s \"bd\"", "mute 1", "unmute 1"});
    EXPECT_EQ(unmuted.evaluations, (Codes{"d1 $ s \"bd\""}));
    auto soloed = plan({"d1 $ s \"bd\"", "d2 $ s \"hh\"", "d3 $ s \"cp\"", "solo 3"});
    EXPECT_EQ(soloed.playingChannels, (std::vector<int>{3}));
}

TEST(JournalRestore, StopIsReportedNotForgotten) {
    EXPECT_TRUE(plan({"d1 $ s \"bd\"", "@stop 0.5625"}).transportStopped);
    EXPECT_FALSE(plan({"d1 $ s \"bd\"", "@stop 0.5625", "@play 0.5625"}).transportStopped);
}

TEST(JournalRestore, TheNewestUnfinishedSessionIsOfferedUntilDismissed) {
    TempDir dir;
    const auto path = dir / "seiche.db";
    auto none = Journal::unfinished(dir / "missing.db");
    ASSERT_TRUE(none);
    EXPECT_FALSE(*none);
    EXPECT_FALSE(std::filesystem::exists(dir / "missing.db"));  // asking creates nothing

    std::int64_t older = 0, newer = 0;
    {
        auto journal = Journal::open(path, "t");
        older = journal->sessionId();
        journal->recordBuffer(testing::buffer("b1", "older"));
    }
    {
        auto journal = Journal::open(path, "t");
        newer = journal->sessionId();
        journal->recordBuffer(testing::buffer("b2", "second tab", 1));
        journal->recordBuffer(testing::buffer("b1", "first tab, first version", 0));
        journal->recordEvaluation(testing::evaluation("d1 $ s \"bd*2\""));
        journal->recordBuffer(testing::buffer("b1", "first tab, latest", 0));
        journal->recordBuffer(testing::buffer("b3", "closed tab", 2));
        journal->closeBuffer("b3");
    }
    {
        auto journal = Journal::open(path, "t");  // an empty session is never offered
        journal->finish();
    }
    {
        auto running = Journal::open(path, "t");
        ASSERT_TRUE(running);
        running->recordBuffer(testing::buffer("b1", "the running session"));
        running->flush();

        auto offered = Journal::unfinished(path, running->sessionId());
        ASSERT_TRUE(offered) << offered.error->message;
        ASSERT_TRUE(*offered);
        const RestorePlan& plan = **offered;
        EXPECT_EQ(plan.sessionId, newer);
        ASSERT_EQ(plan.buffers.size(), 2u);
        EXPECT_EQ(plan.buffers[0].id, "b1");
        EXPECT_EQ(plan.buffers[0].text, "first tab, latest");
        EXPECT_EQ(plan.buffers[1].text, "second tab");
        // The recorded tempo comes back last, as no evaluation set it.
        EXPECT_EQ(plan.evaluations, (Codes{"d1 $ s \"bd*2\"", "setcps 0.5625"}));
        EXPECT_DOUBLE_EQ(plan.cps, 0.5625);
        EXPECT_EQ(plan.playingChannels, (std::vector<int>{1}));
        EXPECT_EQ(plan.appVersion, "t");
        EXPECT_FALSE(plan.startedAt.empty());
        EXPECT_GE(plan.lastActivityAt, plan.startedAt);

        // Asking marks nothing.
        EXPECT_EQ((*Journal::unfinished(path, running->sessionId()))->sessionId, newer);
        ASSERT_TRUE(Journal::dismiss(path, newer));
        auto next = Journal::unfinished(path, running->sessionId());
        ASSERT_TRUE(next);
        ASSERT_TRUE(*next);
        EXPECT_EQ((*next)->sessionId, older);
        ASSERT_TRUE(Journal::dismiss(path, older));
        EXPECT_FALSE(*Journal::unfinished(path, running->sessionId()));
        running->finish();
    }
    EXPECT_FALSE(*Journal::unfinished(path));
    auto unknown = Journal::dismiss(path, 999);
    ASSERT_FALSE(unknown);
    EXPECT_EQ(unknown.error->kind, StoreErrorKind::NotFound);
}

}  // namespace
}  // namespace seiche::session
