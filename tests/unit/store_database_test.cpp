// The SQLite layer on real files: WAL, transactions, and the failures a user meets.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include "session/database.hpp"
#include "session/migrations.hpp"
#include "store_test_support.hpp"

namespace seiche::session {
namespace {

using testing::TempDir;

TEST(StoreDatabase, OpensInWalModeAndCreatesTheFile) {
    TempDir dir;
    auto database = Database::open(dir / "a.db");
    ASSERT_TRUE(database) << database.error->message;
    auto mode = database->prepare("PRAGMA journal_mode");
    ASSERT_TRUE(mode);
    ASSERT_TRUE(*mode->step());
    EXPECT_EQ(mode->text(0), "wal");
    EXPECT_TRUE(std::filesystem::exists(dir / "a.db"));
}

TEST(StoreDatabase, TransactionRollsBackUnlessCommitted) {
    TempDir dir;
    auto database = Database::open(dir / "a.db");
    ASSERT_TRUE(database);
    ASSERT_TRUE(database->exec("CREATE TABLE t (x INTEGER)"));
    {
        auto transaction = Transaction::begin(*database);
        ASSERT_TRUE(transaction);
        ASSERT_TRUE(database->exec("INSERT INTO t VALUES (1)"));
    }
    {
        auto transaction = Transaction::begin(*database);
        ASSERT_TRUE(transaction);
        ASSERT_TRUE(database->exec("INSERT INTO t VALUES (2)"));
        ASSERT_TRUE(transaction->commit());
    }
    auto sum = database->prepare("SELECT count(*), sum(x) FROM t");
    ASSERT_TRUE(sum);
    ASSERT_TRUE(*sum->step());
    EXPECT_EQ(sum->integer(0), 1);
    EXPECT_EQ(sum->integer(1), 2);
}

TEST(StoreDatabase, GarbageFileIsReportedCorrupt) {
    TempDir dir;
    std::string garbage;
    for (int i = 0; i < 8192; ++i) garbage.push_back(static_cast<char>((i * 7919) % 251));
    testing::writeFile(dir / "garbage.db", garbage);
    auto store = Store::open(dir / "garbage.db");
    ASSERT_FALSE(store);
    EXPECT_EQ(store.error->kind, StoreErrorKind::Corrupt) << store.error->message;
    EXPECT_NE(store.error->message.find("garbage.db"), std::string::npos);
    // The file is left as it was: never "repaired" by overwriting what the user had.
    std::ifstream in(dir / "garbage.db", std::ios::binary);
    std::string after((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_EQ(after, garbage);
}

TEST(StoreDatabase, TruncatedDatabaseIsReportedNotCrashed) {
    TempDir dir;
    {
        auto store = Store::open(dir / "a.db");
        ASSERT_TRUE(store);
        for (int i = 0; i < 200; ++i)
            ASSERT_TRUE(store->putExample("d", testing::example("s" + std::to_string(i), "good", i, 200)));
        ASSERT_TRUE(store->database().exec("PRAGMA wal_checkpoint(TRUNCATE)"));
    }
    // Keep the header page, lose the rest: SQLite must notice when reading.
    std::filesystem::resize_file(dir / "a.db", 4096 + 100);
    auto store = Store::open(dir / "a.db");
    if (!store) {
        EXPECT_EQ(store.error->kind, StoreErrorKind::Corrupt) << store.error->message;
        return;
    }
    auto examples = store->examples("d");
    ASSERT_FALSE(examples);
    EXPECT_EQ(examples.error->kind, StoreErrorKind::Corrupt) << examples.error->message;
}

TEST(StoreDatabase, DirectoryInsteadOfFileIsRefused) {
    TempDir dir;
    auto store = Store::open(dir.path());
    ASSERT_FALSE(store);
    EXPECT_EQ(store.error->kind, StoreErrorKind::CannotOpen);
}

TEST(StoreDatabase, MissingDirectoryCannotOpen) {
    TempDir dir;
    auto store = Store::open(dir / "no/such/dir/a.db");
    ASSERT_FALSE(store);
    EXPECT_EQ(store.error->kind, StoreErrorKind::CannotOpen) << store.error->message;
}

TEST(StoreDatabase, WriterWaitingPastTheBusyTimeoutGetsLocked) {
    TempDir dir;
    auto holder = Store::open(dir / "a.db");
    ASSERT_TRUE(holder);
    DatabaseOptions impatient;
    impatient.busyTimeout = std::chrono::milliseconds(20);
    auto other = Store::open(dir / "a.db", impatient);
    ASSERT_TRUE(other) << other.error->message;

    auto transaction = Transaction::begin(holder->database());
    ASSERT_TRUE(transaction);
    auto put = other->putExample("d", testing::example("kick.wav", "good", 1));
    ASSERT_FALSE(put);
    EXPECT_EQ(put.error->kind, StoreErrorKind::Locked) << put.error->message;

    // Readers are not blocked by a writer in WAL mode.
    EXPECT_TRUE(other->datasets());
    ASSERT_TRUE(transaction->commit());
    EXPECT_TRUE(other->putExample("d", testing::example("kick.wav", "good", 1)));
}

// Root ignores directory permissions, so the check runs as 'nobody' in a child process.
int openAsUnprivileged(const std::filesystem::path& path) {
    const pid_t child = fork();
    if (child == 0) {
        if (geteuid() == 0 && (setgid(65534) != 0 || setuid(65534) != 0)) _exit(100);
        auto store = Store::open(path);
        if (store) _exit(0);
        _exit(1 + static_cast<int>(store.error->kind));
    }
    int status = 0;
    waitpid(child, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 200;
}

TEST(StoreDatabase, ReadOnlyDirectoryIsReportedReadOnly) {
    TempDir dir;
    const auto locked = dir / "ro";
    std::filesystem::create_directory(locked);
    std::filesystem::permissions(dir.path(), std::filesystem::perms::owner_all | std::filesystem::perms::others_exec);
    std::filesystem::permissions(locked, std::filesystem::perms::owner_read | std::filesystem::perms::owner_exec |
                                             std::filesystem::perms::others_read | std::filesystem::perms::others_exec);
    EXPECT_EQ(openAsUnprivileged(locked / "a.db"), 1 + static_cast<int>(StoreErrorKind::ReadOnly));
    EXPECT_FALSE(std::filesystem::exists(locked / "a.db"));
}

TEST(StoreDatabase, ReadOnlyFileIsReportedReadOnly) {
    TempDir dir;
    {
        auto store = Store::open(dir / "a.db");
        ASSERT_TRUE(store);
    }
    std::filesystem::permissions(dir.path(), std::filesystem::perms::owner_all | std::filesystem::perms::others_all);
    std::filesystem::permissions(dir / "a.db", std::filesystem::perms::owner_read | std::filesystem::perms::others_read);
    const int result = openAsUnprivileged(dir / "a.db");
    EXPECT_TRUE(result == 1 + static_cast<int>(StoreErrorKind::ReadOnly)) << "exit " << result;
}

}  // namespace
}  // namespace seiche::session
