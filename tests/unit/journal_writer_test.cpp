// The Journal's writer: what the GUI records reaches the database in order, with its
// times; a clean end is marked only by finish(); a locked database shows in lastError()
// and loses nothing.
#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <regex>
#include <thread>

#include "journal_test_support.hpp"
#include "session/journal_reader.hpp"
#include "session/migrations.hpp"

namespace seiche::session {
namespace {

using testing::TempDir;

TEST(JournalWriter, RecordsReachTheDatabaseInOrderWithTheirTimes) {
    TempDir dir;
    const auto path = dir / "data" / "seiche.db";  // the data directory is created on first use
    auto journal = Journal::open(path, "0.1.0-test");
    ASSERT_TRUE(journal) << journal.error->message;
    EXPECT_GT(journal->sessionId(), 0);

    journal->recordBuffer(testing::buffer("b1", "d1 $ s \"bd\""));
    journal->recordEvaluation(testing::evaluation("d1 $ s \"bd\""));
    journal->recordBuffer(testing::buffer("b1", "d1 $ s \"bd sn\""), EngineTime{"7/4", 77175});
    journal->recordTransport("setcps", 0.75, EngineTime{"2", 88200});
    journal->recordTransport("stop", 0.75);
    journal->recordEvaluation(testing::evaluation("d1 $ nope", false));
    journal->flush();
    EXPECT_EQ(journal->lastError(), "");

    auto database = Database::open(path);
    ASSERT_TRUE(database);
    const auto id = journal->sessionId();
    auto buffers = journalLatestBuffers(*database, id);
    ASSERT_TRUE(buffers) << buffers.error->message;
    ASSERT_EQ(buffers->size(), 1u);
    EXPECT_EQ((*buffers)[0].buffer.text, "d1 $ s \"bd sn\"");
    EXPECT_EQ((*buffers)[0].buffer.cursor, 14);
    EXPECT_EQ((*buffers)[0].stamp.seq, 3);

    auto evaluations = journalEvaluations(*database, id);
    ASSERT_TRUE(evaluations);
    ASSERT_EQ(evaluations->size(), 2u);
    const auto& first = (*evaluations)[0];
    EXPECT_EQ(first.stamp.seq, 2);
    EXPECT_EQ(first.evaluation.code, "d1 $ s \"bd\"");
    EXPECT_EQ(first.evaluation.cycle, "3/2");
    EXPECT_EQ(first.evaluation.frame, 66150);
    EXPECT_DOUBLE_EQ(first.evaluation.cps, 0.5625);
    EXPECT_TRUE(first.evaluation.ok);
    EXPECT_FALSE((*evaluations)[1].evaluation.ok);
    EXPECT_EQ((*evaluations)[1].evaluation.error, "1:1: something is wrong");
    EXPECT_EQ((*evaluations)[1].stamp.seq, 6);

    auto transport = journalTransport(*database, id);
    ASSERT_TRUE(transport);
    ASSERT_EQ(transport->size(), 2u);
    EXPECT_EQ((*transport)[0].what, "setcps");
    ASSERT_TRUE((*transport)[0].engine);
    EXPECT_EQ((*transport)[0].engine->cycle, "2");
    EXPECT_EQ((*transport)[0].engine->frame, 88200);
    EXPECT_FALSE((*transport)[1].engine);

    // Every snapshot is kept as history, with the engine's time when the app gave it.
    EXPECT_EQ(testing::count(path, "SELECT count(*) FROM buffer_snapshots"), 2);
    EXPECT_EQ(testing::count(path, "SELECT count(*) FROM buffer_snapshots WHERE frame IS NULL AND cycle IS NULL"), 1);
    EXPECT_EQ(testing::count(path, "SELECT frame FROM buffer_snapshots WHERE seq = 3"), 77175);

    const std::regex iso(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)");
    EXPECT_TRUE(std::regex_match(first.stamp.at, iso)) << first.stamp.at;
    EXPECT_LE(first.stamp.sessionMs, (*transport)[1].stamp.sessionMs);
    EXPECT_GE(first.stamp.sessionMs, 0);

    auto session = journalSession(*database, id);
    ASSERT_TRUE(session);
    EXPECT_TRUE(std::regex_match(session->startedAt, iso)) << session->startedAt;
    EXPECT_EQ(session->appVersion, "0.1.0-test");
    EXPECT_FALSE(session->clean);
    EXPECT_EQ(session->buffers, 1);
    EXPECT_EQ(session->evaluations, 2);
    EXPECT_GE(session->lastActivityAt, first.stamp.at);
}

TEST(JournalWriter, OnlyFinishMarksACleanEnd) {
    TempDir dir;
    const auto path = dir / "seiche.db";
    std::int64_t unfinished = 0, finished = 0;
    {
        auto journal = Journal::open(path, "t");
        ASSERT_TRUE(journal);
        unfinished = journal->sessionId();
        journal->recordBuffer(testing::buffer("b1", "hello"));
    }  // destroyed without finish(): what it recorded is written, the end is not clean
    {
        auto journal = Journal::open(path, "t");
        ASSERT_TRUE(journal);
        finished = journal->sessionId();
        journal->recordBuffer(testing::buffer("b1", "bye"));
        journal->finish();
    }
    EXPECT_NE(unfinished, finished);
    EXPECT_EQ(testing::count(path, "SELECT count(*) FROM buffer_snapshots"), 2);
    EXPECT_EQ(testing::count(path, "SELECT clean FROM sessions WHERE id = " + std::to_string(unfinished)), 0);
    EXPECT_EQ(testing::count(path, "SELECT ended_at IS NULL FROM sessions WHERE id = " + std::to_string(unfinished)),
              1);
    EXPECT_EQ(testing::count(path, "SELECT clean FROM sessions WHERE id = " + std::to_string(finished)), 1);
    EXPECT_EQ(testing::count(path, "SELECT ended_at IS NOT NULL FROM sessions WHERE id = " + std::to_string(finished)),
              1);
}

// A journal that gives up on a lock quickly, and another program (seiche-cli, the sqlite3
// shell) holding the write lock.
class JournalLocked : public ::testing::Test {
protected:
    void SetUp() override {
        JournalOptions impatient;
        impatient.busyTimeout = std::chrono::milliseconds(20);
        impatient.retryAfter = std::chrono::milliseconds(20);
        auto opened = Journal::open(path, "t", impatient);
        ASSERT_TRUE(opened);
        journal.emplace(std::move(*opened));
        auto other = Database::open(path);
        ASSERT_TRUE(other);
        holder.emplace(std::move(*other));
        auto transaction = Transaction::begin(*holder);
        ASSERT_TRUE(transaction);
        lock.emplace(std::move(*transaction));
    }
    TempDir dir;
    const std::filesystem::path path = dir / "seiche.db";
    std::optional<Journal> journal;
    std::optional<Database> holder;
    std::optional<Transaction> lock;
};

TEST_F(JournalLocked, TheRecordsAreKeptAndLastErrorSaysWhy) {
    journal->recordBuffer(testing::buffer("b1", "written while locked"));
    journal->recordEvaluation(testing::evaluation("d1 $ s \"hh*4\""));
    journal->flush();  // returns after a failed try instead of hanging
    EXPECT_NE(journal->lastError().find("locked"), std::string::npos) << journal->lastError();
    EXPECT_EQ(testing::count(path, "SELECT count(*) FROM buffer_snapshots"), 0);

    journal->recordBuffer(testing::buffer("b1", "and more while locked"));
    ASSERT_TRUE(lock->commit());
    journal->flush();
    EXPECT_EQ(journal->lastError(), "");
    EXPECT_EQ(testing::count(path, "SELECT count(*) FROM buffer_snapshots"), 2);
    EXPECT_EQ(testing::count(path, "SELECT count(*) FROM evaluations"), 1);
    EXPECT_EQ(testing::count(path, "SELECT max(seq) FROM buffer_snapshots"), 3);
}

TEST_F(JournalLocked, WritesKeepTryingWithoutAFlush) {
    journal->recordBuffer(testing::buffer("b1", "x"));
    journal->flush();
    EXPECT_NE(journal->lastError(), "");
    lock.reset();  // released; nobody asks the journal to flush
    for (int i = 0; i < 500 && testing::count(path, "SELECT count(*) FROM buffer_snapshots") != 1; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    EXPECT_EQ(testing::count(path, "SELECT count(*) FROM buffer_snapshots"), 1);
    journal->flush();
    EXPECT_EQ(journal->lastError(), "");
}

TEST(JournalWriter, AMovedJournalKeepsRecordingAndTheOldOneIsInert) {
    TempDir dir;
    const auto path = dir / "seiche.db";
    auto opened = Journal::open(path, "t");
    ASSERT_TRUE(opened);
    Journal journal = std::move(*opened);
    const auto id = journal.sessionId();
    opened->recordBuffer(testing::buffer("b1", "ignored"));  // moved-from: does nothing, does not crash
    EXPECT_EQ(opened->sessionId(), 0);
    journal.recordBuffer(testing::buffer("b1", "kept"));
    journal.flush();
    EXPECT_EQ(testing::count(path, "SELECT count(*) FROM buffer_snapshots WHERE session_id = " + std::to_string(id)),
              1);
}

TEST(JournalWriter, ClosedBuffersAreHistoryNotOpenTabs) {
    TempDir dir;
    const auto path = dir / "seiche.db";
    auto journal = Journal::open(path, "t");
    ASSERT_TRUE(journal);
    journal->recordBuffer(testing::buffer("b2", "second", 1));
    journal->recordBuffer(testing::buffer("b1", "first", 0));
    journal->recordBuffer(testing::buffer("b3", "closed", 2));
    journal->closeBuffer("b3");
    journal->recordBuffer(testing::buffer("b4", "closed then opened again", 3));
    journal->closeBuffer("b4");
    journal->recordBuffer(testing::buffer("b4", "closed then opened again", 3));
    journal->flush();
    auto database = Database::open(path);
    ASSERT_TRUE(database);
    auto buffers = journalLatestBuffers(*database, journal->sessionId());
    ASSERT_TRUE(buffers);
    ASSERT_EQ(buffers->size(), 4u);
    EXPECT_EQ((*buffers)[0].buffer.id, "b1");
    EXPECT_EQ((*buffers)[1].buffer.id, "b2");
    EXPECT_EQ((*buffers)[2].buffer.id, "b3");
    EXPECT_TRUE((*buffers)[2].closed);
    EXPECT_EQ((*buffers)[3].buffer.id, "b4");
    EXPECT_FALSE((*buffers)[3].closed);
}

TEST(JournalWriter, ADatabaseFromANewerSeicheIsRefusedWithAReason) {
    TempDir dir;
    const auto path = dir / "seiche.db";
    ASSERT_TRUE(Journal::open(path, "t"));
    auto database = Database::open(path);
    ASSERT_TRUE(database);
    ASSERT_TRUE(database->setUserVersion(latestSchemaVersion() + 1));
    auto journal = Journal::open(path, "t");
    ASSERT_FALSE(journal);
    EXPECT_EQ(journal.error->kind, StoreErrorKind::NewerSchema);
    auto plan = Journal::unfinished(path);
    ASSERT_FALSE(plan);
    EXPECT_EQ(plan.error->kind, StoreErrorKind::NewerSchema);
}

// Root writes anywhere, so the journal opens as 'nobody' in a child; the exit status is
// 0 when it opened, else 1 + the error's kind.
int openJournalAsUnprivileged(const std::filesystem::path& path) {
    const pid_t child = fork();
    if (child == 0) {
        if (geteuid() == 0 && (setgid(65534) != 0 || setuid(65534) != 0)) _exit(100);
        auto journal = Journal::open(path, "t");
        _exit(journal ? 0 : 1 + static_cast<int>(journal.error->kind));
    }
    int status = 0;
    waitpid(child, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 200;
}

TEST(JournalWriter, AReadOnlyDatabaseIsRefusedAtOpenWithAReason) {
    TempDir dir;
    const auto path = dir / "seiche.db";
    {
        auto journal = Journal::open(path, "t");
        ASSERT_TRUE(journal);
        journal->recordBuffer(testing::buffer("b1", "kept"));
    }
    namespace fs = std::filesystem;
    fs::permissions(dir.path(), fs::perms::owner_all | fs::perms::others_all);
    fs::permissions(path, fs::perms::owner_read | fs::perms::others_read);
    EXPECT_EQ(openJournalAsUnprivileged(path), 1 + static_cast<int>(StoreErrorKind::ReadOnly));
    EXPECT_EQ(testing::count(path, "SELECT count(*) FROM sessions"), 1);
}

}  // namespace
}  // namespace seiche::session
