// Datasets, labelled examples and models through the Store API, on a real file.
#include <gtest/gtest.h>

#include <cmath>

#include "session/data_dir.hpp"
#include "session/feature_blob.hpp"
#include "store_test_support.hpp"

namespace seiche::session {
namespace {

using testing::example;
using testing::TempDir;

TEST(StoreExamples, FeatureBlobRoundTripsExactBits) {
    const std::vector<double> values{0.0, -0.0, 1e-300, -123.456, 6.02214076e23, std::nextafter(1.0, 2.0)};
    const auto blob = encodeFeatures(values);
    ASSERT_EQ(blob.size(), values.size() * 8);
    auto back = decodeFeatures(blob);
    ASSERT_TRUE(back);
    for (size_t i = 0; i < values.size(); ++i)
        EXPECT_EQ(std::signbit((*back)[i]), std::signbit(values[i])) << i;
    EXPECT_EQ(*back, values);
    EXPECT_EQ(blob[0x08 * 3], 0x77);  // little-endian: the lowest byte of -123.456 comes first
    EXPECT_FALSE(decodeFeatures(std::vector<unsigned char>(7)));
}

TEST(StoreExamples, AddListRelabelAndRemoveSurviveReopening) {
    TempDir dir;
    {
        auto store = Store::open(dir / "a.db");
        ASSERT_TRUE(store);
        ASSERT_TRUE(store->putExample("beats", example("kick.wav", "good", 1)));
        ASSERT_TRUE(store->putExample("beats", example("pad.wav", "bad", 2)));
        ASSERT_TRUE(store->putExample("beats", example("kick.wav", "bad", 3)));  // relabel replaces
        ASSERT_TRUE(store->putExample("beats", example("hat.wav", "good", 4)));
        ASSERT_TRUE(store->removeExample("beats", "pad.wav"));
    }
    auto store = Store::open(dir / "a.db");
    ASSERT_TRUE(store);
    auto examples = store->examples("beats");
    ASSERT_TRUE(examples);
    ASSERT_EQ(examples->size(), 2u);
    EXPECT_EQ((*examples)[0].sound, "kick.wav");
    EXPECT_EQ((*examples)[0].label, "bad");
    EXPECT_EQ((*examples)[0].features, example("kick.wav", "bad", 3).features);
    EXPECT_EQ((*examples)[1].sound, "hat.wav");
    EXPECT_FALSE((*examples)[1].addedAt.empty());

    auto info = store->dataset("beats");
    ASSERT_TRUE(info);
    EXPECT_EQ(info->examples, 2);
    EXPECT_EQ(info->featureSet, "mfcc13-meanvar/1");
}

TEST(StoreExamples, MissingThingsAreNotFound) {
    TempDir dir;
    auto store = Store::open(dir / "a.db");
    ASSERT_TRUE(store);
    EXPECT_EQ(store->examples("nope").error->kind, StoreErrorKind::NotFound);
    EXPECT_EQ(store->removeDataset("nope").error->kind, StoreErrorKind::NotFound);
    ASSERT_TRUE(store->createDataset("beats"));
    EXPECT_EQ(store->removeExample("beats", "x.wav").error->kind, StoreErrorKind::NotFound);
    EXPECT_EQ(store->model("m").error->kind, StoreErrorKind::NotFound);
    EXPECT_EQ(store->removeModel("m").error->kind, StoreErrorKind::NotFound);
    EXPECT_EQ(store->putModel("m", "{}", "nope").error->kind, StoreErrorKind::NotFound);
}

TEST(StoreExamples, BadExamplesAreRefusedAndABatchIsAllOrNothing) {
    TempDir dir;
    auto store = Store::open(dir / "a.db");
    ASSERT_TRUE(store);
    ASSERT_TRUE(store->putExample("beats", example("kick.wav", "good", 1)));

    EXPECT_EQ(store->putExample("beats", example("a.wav", "", 1)).error->kind, StoreErrorKind::Invalid);
    EXPECT_EQ(store->putExample("beats", example("", "good", 1)).error->kind, StoreErrorKind::Invalid);
    EXPECT_EQ(store->putExample("", example("a.wav", "good", 1)).error->kind, StoreErrorKind::Invalid);
    auto nan = example("a.wav", "good", 1);
    nan.features[3] = std::nan("");
    EXPECT_EQ(store->putExample("beats", nan).error->kind, StoreErrorKind::Invalid);
    auto shorter = store->putExample("beats", example("a.wav", "good", 1, 31));
    ASSERT_FALSE(shorter);
    EXPECT_NE(shorter.error->message.find("26 values"), std::string::npos) << shorter.error->message;
    auto otherSet = example("a.wav", "good", 1);
    otherSet.featureSet = "other/2";
    EXPECT_EQ(store->putExample("beats", otherSet).error->kind, StoreErrorKind::Invalid);

    // The third example is bad, so the first two must not be stored either.
    auto batch = store->putExamples("beats", {example("b.wav", "good", 1), example("c.wav", "bad", 2),
                                              example("d.wav", "good", 3, 5)});
    EXPECT_FALSE(batch);
    EXPECT_EQ(store->examples("beats")->size(), 1u);
    // Nor does a refused example into a new dataset leave the dataset behind.
    EXPECT_FALSE(store->putExample("fresh", example("a.wav", "", 1)));
    EXPECT_EQ(store->dataset("fresh").error->kind, StoreErrorKind::NotFound);
}

TEST(StoreExamples, RelabellingWithADifferentLayoutIsAllowedForTheOnlyExample) {
    TempDir dir;
    auto store = Store::open(dir / "a.db");
    ASSERT_TRUE(store);
    ASSERT_TRUE(store->putExample("beats", example("kick.wav", "good", 1)));
    EXPECT_TRUE(store->putExample("beats", example("kick.wav", "good", 1, 31)));
    EXPECT_EQ(store->examples("beats")->front().features.size(), 31u);
}

TEST(StoreExamples, KnownFeaturesAreFoundAcrossDatasets) {
    TempDir dir;
    auto store = Store::open(dir / "a.db");
    ASSERT_TRUE(store);
    ASSERT_TRUE(store->putExample("beats", example("/s/kick.wav", "good", 9)));
    auto known = store->knownFeatures("/s/kick.wav", "mfcc13-meanvar/1");
    ASSERT_TRUE(known);
    ASSERT_TRUE(known->has_value());
    EXPECT_EQ(**known, example("x", "y", 9).features);
    EXPECT_FALSE(store->knownFeatures("/s/kick.wav", "other/1")->has_value());
    EXPECT_FALSE(store->knownFeatures("/s/snare.wav", "mfcc13-meanvar/1")->has_value());
}

TEST(StoreExamples, ModelsAreSavedReplacedListedAndOutliveTheirDataset) {
    TempDir dir;
    auto store = Store::open(dir / "a.db");
    ASSERT_TRUE(store);
    ASSERT_TRUE(store->createDataset("beats"));
    ASSERT_TRUE(store->putModel("taste", "{\"a\":1}", "beats"));
    ASSERT_TRUE(store->putModel("other", "{\"b\":2}"));
    auto first = store->model("taste");
    ASSERT_TRUE(first);
    ASSERT_TRUE(store->putModel("taste", "{\"a\":2}", "beats"));
    auto replaced = store->model("taste");
    EXPECT_EQ(replaced->json, "{\"a\":2}");
    EXPECT_EQ(replaced->createdAt, first->createdAt);
    EXPECT_GE(replaced->updatedAt, first->updatedAt);

    auto all = store->models();
    ASSERT_TRUE(all);
    ASSERT_EQ(all->size(), 2u);
    EXPECT_EQ((*all)[0].name, "other");
    EXPECT_EQ((*all)[1].dataset, "beats");

    ASSERT_TRUE(store->removeDataset("beats"));
    EXPECT_EQ(store->model("taste")->dataset, "");
    ASSERT_TRUE(store->removeModel("other"));
    EXPECT_EQ(store->models()->size(), 1u);
    EXPECT_EQ(store->putModel("", "{}").error->kind, StoreErrorKind::Invalid);
}

TEST(StoreExamples, RemovingADatasetRemovesItsExamples) {
    TempDir dir;
    auto store = Store::open(dir / "a.db");
    ASSERT_TRUE(store);
    ASSERT_TRUE(store->putExample("beats", example("kick.wav", "good", 1)));
    ASSERT_TRUE(store->removeDataset("beats"));
    auto count = store->database().prepare("SELECT count(*) FROM examples");
    ASSERT_TRUE(*count->step());
    EXPECT_EQ(count->integer(0), 0);
}

TEST(StoreDataDir, FlagBeatsEnvironmentBeatsSettingsFileBeatsDefault) {
    TempDir dir;
    DataDirEnvironment environment{"", (dir / "config").string(), "", "/home/someone"};
    EXPECT_EQ(resolveDataDir(std::nullopt, environment), "/home/someone/.local/share/seiche");
    environment.xdgDataHome = "/xdg/data";
    EXPECT_EQ(resolveDataDir(std::nullopt, environment), "/xdg/data/seiche");
    environment.xdgDataHome = "relative/is/ignored";
    EXPECT_EQ(resolveDataDir(std::nullopt, environment), "/home/someone/.local/share/seiche");

    std::filesystem::create_directories(dir / "config/seiche");
    testing::writeFile(dir / "config/seiche/settings.conf",
                       "# Seiche settings\nSEICHE_LLM_MODEL = llama\n  SEICHE_DATA_DIR = /from/file  \n");
    EXPECT_EQ(settingsFilePath(environment), dir / "config/seiche/settings.conf");
    EXPECT_EQ(resolveDataDir(std::nullopt, environment), "/from/file");
    environment.seicheDataDir = "/from/env";
    EXPECT_EQ(resolveDataDir(std::nullopt, environment), "/from/env");
    EXPECT_EQ(resolveDataDir(std::string("/from/flag"), environment), "/from/flag");
    EXPECT_EQ(databasePath("/d"), "/d/seiche.db");
}

}  // namespace
}  // namespace seiche::session
