// The promise the journal exists for: a performer's app killed outright (kill -9, power
// button, crash) loses nothing recorded a moment before. A child process records as the
// app would and is killed with SIGKILL, without flush() or a destructor; the parent then
// finds everything in the restore plan.
#include <gtest/gtest.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "journal_test_support.hpp"

namespace seiche::session {
namespace {

using testing::TempDir;

// Runs in the forked child: records, says so through `ready`, then keeps typing until killed.
[[noreturn]] void performUntilKilled(const std::filesystem::path& path, int ready) {
    auto journal = Journal::open(path, "kill-test");
    if (!journal) {
        (void)!write(ready, "f", 1);
        _exit(1);
    }
    journal->recordBuffer(testing::buffer("b1", "d1 $ s \"bd\"", 0));
    journal->recordBuffer(testing::buffer("b2", "d2 $ s \"hh*4\"", 1));
    journal->recordEvaluation(testing::evaluation("d1 $ s \"bd\""));
    journal->recordEvaluation(testing::evaluation("d2 $ s \"hh*4\"", true, "b2"));
    journal->recordBuffer(testing::buffer("b1", "d1 $ s \"bd sn\"", 0));
    journal->recordEvaluation(testing::evaluation("d1 $ s \"bd sn\""));
    journal->recordEvaluation(testing::evaluation("d2 $ s \"hh*", false, "b2"));
    journal->recordTransport("setcps", 0.6);
    (void)!write(ready, "r", 1);
    // Still typing in a third tab when the kill comes.
    for (int i = 0;; ++i) {
        journal->recordBuffer(testing::buffer("b3", "typing " + std::to_string(i), 2));
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
}

TEST(JournalKill, EverythingRecordedBeforeASigkillIsRestored) {
    TempDir dir;
    const auto path = dir / "seiche.db";
    int pipeEnds[2];
    ASSERT_EQ(pipe(pipeEnds), 0);
    const pid_t child = fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        close(pipeEnds[0]);
        performUntilKilled(path, pipeEnds[1]);
    }
    close(pipeEnds[1]);
    char said = 0;
    ASSERT_EQ(read(pipeEnds[0], &said, 1), 1);
    close(pipeEnds[0]);
    ASSERT_EQ(said, 'r') << "the child could not open the journal";
    // The promise is ~0.2 s; a little more leaves room for a loaded machine.
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    ASSERT_EQ(kill(child, SIGKILL), 0);
    int status = 0;
    ASSERT_EQ(waitpid(child, &status, 0), child);
    ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);

    auto offered = Journal::unfinished(path);
    ASSERT_TRUE(offered) << offered.error->message;
    ASSERT_TRUE(*offered) << "the killed session is not offered for restore";
    const RestorePlan& plan = **offered;
    ASSERT_EQ(plan.buffers.size(), 3u);
    EXPECT_EQ(plan.buffers[0].text, "d1 $ s \"bd sn\"");
    EXPECT_EQ(plan.buffers[1].text, "d2 $ s \"hh*4\"");
    EXPECT_EQ(plan.buffers[2].id, "b3");
    EXPECT_EQ(plan.buffers[2].text.rfind("typing ", 0), 0u) << plan.buffers[2].text;
    EXPECT_EQ(plan.evaluations,
              (std::vector<std::string>{"d2 $ s \"hh*4\"", "d1 $ s \"bd sn\"", "setcps 0.6"}));
    EXPECT_EQ(plan.playingChannels, (std::vector<int>{1, 2}));
    EXPECT_DOUBLE_EQ(plan.cps, 0.6);

    // The file is whole, and the next run carries on with it.
    EXPECT_EQ(testing::count(path, "SELECT count(*) FROM pragma_integrity_check WHERE integrity_check = 'ok'"), 1);
    auto next = Journal::open(path, "kill-test");
    ASSERT_TRUE(next) << next.error->message;
    EXPECT_GT(next->sessionId(), plan.sessionId);
    ASSERT_TRUE(Journal::dismiss(path, plan.sessionId));
}

}  // namespace
}  // namespace seiche::session
