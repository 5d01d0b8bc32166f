// The journal's schema step (version 3) from every older version: the old data stays,
// sessions from before the journal are never offered for restore, the journal works on
// the upgraded file, and the upgraded schema is the one a new file gets.
#include <gtest/gtest.h>

#include "journal_test_support.hpp"
#include "session/migrations.hpp"

namespace seiche::session {
namespace {

using testing::TempDir;

// The data each older version can hold, written with plain SQL as that version's code would.
void seed(Database& database, int version) {
    if (version >= 1) {
        ASSERT_TRUE(database.exec("INSERT INTO datasets (name) VALUES ('beats');"
                                  "INSERT INTO models (name, dataset_id, model_json) VALUES ('m', 1, '{}');"));
    }
    if (version >= 2) {
        ASSERT_TRUE(database.exec(
            "INSERT INTO sessions (title, ended_at) VALUES ('ended', '2026-01-01T10:00:00.000Z');"
            "INSERT INTO sessions (title) VALUES ('never ended');"
            "INSERT INTO journal (session_id, seconds, kind, payload) VALUES (2, 1.5, 'evaluate', '{\"code\":\"x\"}');"));
    }
}

std::string schemaOf(const std::filesystem::path& path) {
    auto database = Database::open(path);
    std::string all;
    auto select = database->prepare("SELECT type, name, sql FROM sqlite_master ORDER BY name");
    while (*select->step()) all += select->text(0) + " " + select->text(1) + " " + select->text(2) + "\n";
    return all;
}

TEST(JournalMigrations, EveryOlderVersionGainsTheJournalKeepingItsData) {
    ASSERT_GE(latestSchemaVersion(), 3);
    for (int version = 0; version < 3; ++version) {
        SCOPED_TRACE("from version " + std::to_string(version));
        TempDir dir;
        const auto path = dir / "old.db";
        {
            auto database = Database::open(path);
            ASSERT_TRUE(database);
            ASSERT_TRUE(migrate(*database, migrations(), version));
            seed(*database, version);
        }
        std::int64_t id = 0;
        {
            auto journal = Journal::open(path, "t");
            ASSERT_TRUE(journal) << journal.error->message;
            id = journal->sessionId();
            // Sessions from before the journal hold nothing to restore and are never offered.
            auto offered = Journal::unfinished(path, id);
            ASSERT_TRUE(offered) << offered.error->message;
            EXPECT_FALSE(*offered);
            journal->recordBuffer(testing::buffer("b1", "after the upgrade"));
        }
        EXPECT_EQ(testing::count(path, "PRAGMA user_version"), latestSchemaVersion());
        if (version >= 1) {
            EXPECT_EQ(testing::count(path, "SELECT count(*) FROM models WHERE dataset_id = 1"), 1);
        }
        if (version >= 2) {
            EXPECT_EQ(testing::count(path, "SELECT count(*) FROM journal WHERE session_id = 2"), 1);
            EXPECT_EQ(testing::count(path, "SELECT clean FROM sessions WHERE title = 'ended'"), 1);
            EXPECT_EQ(testing::count(path, "SELECT clean FROM sessions WHERE title = 'never ended'"), 0);
            EXPECT_EQ(testing::count(path, "SELECT count(*) FROM sessions WHERE restore_settled_at IS NULL"), 1);
        }
        auto offered = Journal::unfinished(path);
        ASSERT_TRUE(offered);
        ASSERT_TRUE(*offered);
        EXPECT_EQ((*offered)->sessionId, id);
        EXPECT_EQ((*offered)->buffers.at(0).text, "after the upgrade");
    }
}

TEST(JournalMigrations, UpgradedSchemaEqualsFreshSchema) {
    TempDir dir;
    ASSERT_TRUE(Journal::open(dir / "fresh.db", "t"));
    for (int version = 0; version < latestSchemaVersion(); ++version) {
        SCOPED_TRACE("from version " + std::to_string(version));
        const auto path = dir / ("v" + std::to_string(version) + ".db");
        {
            auto database = Database::open(path);
            ASSERT_TRUE(migrate(*database, migrations(), version));
        }
        ASSERT_TRUE(Journal::open(path, "t"));
        EXPECT_EQ(schemaOf(path), schemaOf(dir / "fresh.db"));
    }
}

}  // namespace
}  // namespace seiche::session
