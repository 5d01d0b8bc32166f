// Schema migrations: every older version reaches the latest with its data intact,
// a failing step changes nothing, and a newer database is refused untouched.
#include <gtest/gtest.h>

#include <thread>

#include "session/feature_blob.hpp"
#include "session/migrations.hpp"
#include "store_test_support.hpp"

namespace seiche::session {
namespace {

using testing::TempDir;

// Writes, with plain SQL as that version's code would have, data every version holds.
void seedVersion(Database& database, int version) {
    if (version >= 1) {
        const auto blob = encodeFeatures(std::vector<double>{1.5, -2.25, 3.0});
        ASSERT_TRUE(database.exec("INSERT INTO datasets (name) VALUES ('beats')"));
        auto insert = database.prepare(
            "INSERT INTO examples (dataset_id, sound, label, feature_set, features) VALUES (1, 'kick.wav', 'good', "
            "'test/1', ?1)");
        ASSERT_TRUE(insert);
        insert->bindBlob(1, blob);
        ASSERT_TRUE(insert->run());
        ASSERT_TRUE(database.exec("INSERT INTO models (name, dataset_id, model_json) VALUES ('m', 1, '{\"v\":1}')"));
    }
    if (version >= 2) {
        ASSERT_TRUE(database.exec("INSERT INTO sessions (title) VALUES ('gig')"));
        ASSERT_TRUE(database.exec("INSERT INTO journal (session_id, seconds, kind) VALUES (1, 0.5, 'evaluate')"));
    }
}

void expectSeededData(Store& store, int version) {
    if (version >= 1) {
        auto examples = store.examples("beats");
        ASSERT_TRUE(examples) << examples.error->message;
        ASSERT_EQ(examples->size(), 1u);
        EXPECT_EQ((*examples)[0].sound, "kick.wav");
        EXPECT_EQ((*examples)[0].features, (std::vector<double>{1.5, -2.25, 3.0}));
        auto model = store.model("m");
        ASSERT_TRUE(model);
        EXPECT_EQ(model->json, "{\"v\":1}");
        EXPECT_EQ(model->dataset, "beats");
    }
    if (version >= 2) {
        auto count = store.database().prepare("SELECT count(*) FROM journal");
        ASSERT_TRUE(count);
        ASSERT_TRUE(*count->step());
        EXPECT_EQ(count->integer(0), 1);
    }
}

TEST(StoreMigrations, VersionsAreNumberedOneByOne) {
    int expected = 1;
    for (const auto& step : migrations()) EXPECT_EQ(step.version, expected++);
    EXPECT_EQ(latestSchemaVersion(), static_cast<int>(migrations().size()));
}

TEST(StoreMigrations, EveryOlderVersionMigratesToLatestKeepingItsData) {
    for (int version = 0; version < latestSchemaVersion(); ++version) {
        SCOPED_TRACE("from version " + std::to_string(version));
        TempDir dir;
        {
            auto database = Database::open(dir / "old.db");
            ASSERT_TRUE(database);
            ASSERT_TRUE(migrate(*database, migrations(), version));
            ASSERT_EQ(*database->userVersion(), version);
            seedVersion(*database, version);
        }
        auto store = Store::open(dir / "old.db");
        ASSERT_TRUE(store) << store.error->message;
        EXPECT_EQ(*store->database().userVersion(), latestSchemaVersion());
        expectSeededData(*store, version);
        // The upgraded store works like a new one.
        ASSERT_TRUE(store->putExample("beats2", testing::example("snare.wav", "bad", 2)));
        EXPECT_EQ(store->examples("beats2")->size(), 1u);
    }
}

TEST(StoreMigrations, MigratedSchemaEqualsFreshSchema) {
    TempDir dir;
    auto schemaOf = [](Database& database) {
        std::string all;
        auto select = database.prepare("SELECT type, name, sql FROM sqlite_master ORDER BY name");
        while (*select->step()) all += select->text(0) + " " + select->text(1) + " " + select->text(2) + "\n";
        return all;
    };
    auto fresh = Store::open(dir / "fresh.db");
    ASSERT_TRUE(fresh);
    {
        auto old = Database::open(dir / "old.db");
        ASSERT_TRUE(migrate(*old, migrations(), 1));
    }
    auto upgraded = Store::open(dir / "old.db");
    ASSERT_TRUE(upgraded);
    EXPECT_EQ(schemaOf(upgraded->database()), schemaOf(fresh->database()));
}

TEST(StoreMigrations, FailingStepLeavesThePreviousVersionIntact) {
    TempDir dir;
    auto database = Database::open(dir / "a.db");
    ASSERT_TRUE(database);
    const std::vector<Migration> steps{
        {1, "a table", "CREATE TABLE a (x INTEGER); INSERT INTO a VALUES (7);"},
        {2, "half a step, then a mistake", "CREATE TABLE b (y INTEGER); INSERT INTO no_such_table VALUES (1);"},
    };
    auto result = migrate(*database, steps);
    ASSERT_FALSE(result);
    EXPECT_NE(result.error->message.find("schema step 2"), std::string::npos) << result.error->message;
    EXPECT_EQ(*database->userVersion(), 1);
    auto tables = database->prepare("SELECT group_concat(name) FROM sqlite_master WHERE type = 'table'");
    ASSERT_TRUE(*tables->step());
    EXPECT_EQ(tables->text(0), "a");  // b was rolled back with the failed step
}

TEST(StoreMigrations, NewerDatabaseIsRefusedUntouched) {
    TempDir dir;
    {
        auto store = Store::open(dir / "a.db");
        ASSERT_TRUE(store);
        ASSERT_TRUE(store->putExample("d", testing::example("x.wav", "good", 1)));
        ASSERT_TRUE(store->database().setUserVersion(latestSchemaVersion() + 5));
    }
    auto store = Store::open(dir / "a.db");
    ASSERT_FALSE(store);
    EXPECT_EQ(store.error->kind, StoreErrorKind::NewerSchema);
    EXPECT_NE(store.error->message.find("newer Seiche"), std::string::npos) << store.error->message;
    auto database = Database::open(dir / "a.db");
    ASSERT_TRUE(database);
    EXPECT_EQ(*database->userVersion(), latestSchemaVersion() + 5);
}

TEST(StoreMigrations, AnotherProgramsDatabaseIsRefusedAndKept) {
    TempDir dir;
    {
        auto database = Database::open(dir / "theirs.db");
        ASSERT_TRUE(database);
        ASSERT_TRUE(database->exec("CREATE TABLE datasets (x TEXT); INSERT INTO datasets VALUES ('precious');"));
    }
    auto store = Store::open(dir / "theirs.db");
    ASSERT_FALSE(store);
    EXPECT_NE(store.error->message.find("schema step 1"), std::string::npos) << store.error->message;
    auto database = Database::open(dir / "theirs.db");
    ASSERT_TRUE(database);
    EXPECT_EQ(*database->userVersion(), 0);
    auto row = database->prepare("SELECT x FROM datasets");
    ASSERT_TRUE(*row->step());
    EXPECT_EQ(row->text(0), "precious");
}

TEST(StoreMigrations, ProgramsOpeningANewFileTogetherBothSucceed) {
    TempDir dir;
    std::vector<std::thread> openers;
    std::vector<std::string> errors(4);
    for (size_t i = 0; i < errors.size(); ++i)
        openers.emplace_back([&, i] {
            auto store = Store::open(dir / "shared.db");
            if (!store) errors[i] = store.error->message;
        });
    for (auto& opener : openers) opener.join();
    for (const auto& error : errors) EXPECT_EQ(error, "");
    auto store = Store::open(dir / "shared.db");
    ASSERT_TRUE(store);
    EXPECT_EQ(*store->database().userVersion(), latestSchemaVersion());
}

TEST(StoreMigrations, OpeningTwiceIsHarmless) {
    TempDir dir;
    ASSERT_TRUE(Store::open(dir / "a.db"));
    auto again = Store::open(dir / "a.db");
    ASSERT_TRUE(again) << again.error->message;
    EXPECT_EQ(*again->database().userVersion(), latestSchemaVersion());
}

}  // namespace
}  // namespace seiche::session
