// The add-one-and-retrain loop on a real store file: features stored once, models
// stored as JSON that loads back, warm starts after the first training.
#include <gtest/gtest.h>

#include "analysis/model_json.hpp"
#include "session/feature_set.hpp"
#include "session/stored_dataset.hpp"
#include "session/taste_trainer.hpp"
#include "store_test_support.hpp"

namespace seiche::session {
namespace {

using testing::TempDir;

const std::vector<std::string> kColumns{"a", "b", "c", "d"};

// Two well separated clusters: "good" near +1, "bad" near -1, with a deterministic wobble.
std::vector<double> point(bool good, int i) {
    const double centre = good ? 1.0 : -1.0;
    return {centre + 0.1 * ((i * 7) % 5 - 2), centre - 0.1 * ((i * 3) % 5 - 2), 0.05 * (i % 4), centre * 0.5};
}

void addClusters(TasteTrainer& trainer, int perLabel) {
    for (int i = 0; i < perLabel; ++i) {
        ASSERT_TRUE(trainer.addFeatures("good" + std::to_string(i), "good", "test/1", kColumns, point(true, i)));
        ASSERT_TRUE(trainer.addFeatures("bad" + std::to_string(i), "bad", "test/1", kColumns, point(false, i)));
    }
}

TEST(StoreTrainer, RetrainStoresAModelThatClassifiesItsData) {
    TempDir dir;
    auto store = Store::open(dir / "a.db");
    ASSERT_TRUE(store);
    TasteTrainer trainer(*store, "beats", "beats-taste");
    addClusters(trainer, 40);
    auto report = trainer.retrain();
    ASSERT_TRUE(report) << report.error->message;
    EXPECT_EQ(report->examples, 80u);
    EXPECT_EQ(report->labels, (std::vector<std::string>{"bad", "good"}));
    EXPECT_FALSE(report->warmStarted);

    auto stored = store->model("beats-taste");
    ASSERT_TRUE(stored);
    EXPECT_EQ(stored->dataset, "beats");
    auto model = analysis::modelFromJson(stored->json);
    ASSERT_TRUE(model) << model.error;
    EXPECT_EQ(model.value->featureNames, kColumns);
    Eigen::MatrixXd probes(2, 4);
    const auto good = point(true, 99), bad = point(false, 99);
    for (int c = 0; c < 4; ++c) {
        probes(0, c) = good[static_cast<size_t>(c)];
        probes(1, c) = bad[static_cast<size_t>(c)];
    }
    auto predictions = model.value->classify(probes);
    ASSERT_TRUE(predictions) << predictions.error;
    EXPECT_EQ((*predictions.value)[0].label, "good");
    EXPECT_EQ((*predictions.value)[1].label, "bad");
}

TEST(StoreTrainer, LaterRetrainsStartFromThePreviousModelEvenInANewSession) {
    TempDir dir;
    {
        auto store = Store::open(dir / "a.db");
        ASSERT_TRUE(store);
        TasteTrainer trainer(*store, "beats", "taste");
        addClusters(trainer, 30);
        ASSERT_TRUE(trainer.retrain());
        ASSERT_TRUE(trainer.addFeatures("g100", "good", "test/1", kColumns, point(true, 100)));
        auto again = trainer.retrain();
        ASSERT_TRUE(again);
        EXPECT_TRUE(again->warmStarted);
        EXPECT_EQ(again->examples, 61u);
    }
    auto store = Store::open(dir / "a.db");
    ASSERT_TRUE(store);
    TasteTrainer trainer(*store, "beats", "taste");
    ASSERT_TRUE(trainer.addFeatures("b100", "bad", "test/1", kColumns, point(false, 100)));
    auto report = trainer.retrain();
    ASSERT_TRUE(report) << report.error->message;
    EXPECT_TRUE(report->warmStarted);
    EXPECT_EQ(report->examples, 62u);
}

TEST(StoreTrainer, OneLabelOnlyIsAClearErrorAndStoresNoModel) {
    TempDir dir;
    auto store = Store::open(dir / "a.db");
    ASSERT_TRUE(store);
    TasteTrainer trainer(*store, "beats", "taste");
    for (int i = 0; i < 5; ++i)
        ASSERT_TRUE(trainer.addFeatures("g" + std::to_string(i), "good", "test/1", kColumns, point(true, i)));
    auto report = trainer.retrain();
    ASSERT_FALSE(report);
    EXPECT_EQ(report.error->kind, StoreErrorKind::Invalid);
    EXPECT_NE(report.error->message.find("beats"), std::string::npos) << report.error->message;
    EXPECT_EQ(store->model("taste").error->kind, StoreErrorKind::NotFound);
}

TEST(StoreTrainer, MismatchedColumnsAreRefused) {
    TempDir dir;
    auto store = Store::open(dir / "a.db");
    ASSERT_TRUE(store);
    TasteTrainer trainer(*store, "beats", "taste");
    EXPECT_FALSE(trainer.addFeatures("g", "good", "test/1", {"a", "b"}, point(true, 1)));
    ASSERT_TRUE(trainer.addFeatures("g", "good", "test/1", kColumns, point(true, 1)));
    auto renamed = trainer.addFeatures("h", "good", "test/1", {"w", "x", "y", "z"}, point(true, 2));
    ASSERT_FALSE(renamed);
    EXPECT_NE(renamed.error->message.find("other columns"), std::string::npos);
}

TEST(StoreTrainer, AFileIsAnalysedOnceAndItsStoredFeaturesReused) {
    TempDir dir;
    auto store = Store::open(dir / "a.db");
    ASSERT_TRUE(store);
    TasteTrainerOptions options;
    const std::string featureSet = featureSetName(options.features);
    const auto columns = analysis::SoundFeatures::names(options.features);
    // A path with no file behind it: only stored features can make the add succeed.
    const std::string gone = (dir / "deleted-since.wav").string();
    TasteTrainer first(*store, "first", "m1", options);
    ASSERT_TRUE(first.addFeatures(gone, "good", featureSet, columns, std::vector<double>(columns.size(), 0.5)));
    TasteTrainer second(*store, "second", "m2", options);
    auto reused = second.addFile(gone, "bad");
    ASSERT_TRUE(reused) << reused.error->message;
    EXPECT_EQ(store->examples("second")->front().features, std::vector<double>(columns.size(), 0.5));

    auto missing = second.addFile((dir / "never-was.wav").string(), "bad");
    ASSERT_FALSE(missing);
    EXPECT_NE(missing.error->message.find("never-was.wav"), std::string::npos) << missing.error->message;
}

TEST(StoreTrainer, RealSampleIsAnalysedAndStoredWithItsFeatureSet) {
    const std::string kick = "/usr/share/sonic-pi/samples/bd_haus.flac";
    ASSERT_TRUE(std::filesystem::exists(kick)) << "install sonic-pi-samples (scripts/test does)";
    TempDir dir;
    auto store = Store::open(dir / "a.db");
    ASSERT_TRUE(store);
    TasteTrainer trainer(*store, "beats", "taste");
    ASSERT_TRUE(trainer.addFile(kick, "good"));
    auto data = loadStoredDataset(*store, "beats");
    ASSERT_TRUE(data);
    EXPECT_EQ(data->featureNames, analysis::SoundFeatures::names({}));
    auto direct = analysis::extractFeatures(kick);
    ASSERT_TRUE(direct);
    const auto expected = direct.value->vector();
    for (size_t c = 0; c < expected.size(); ++c) EXPECT_EQ(data->features(0, static_cast<Eigen::Index>(c)), expected[c]);
}

TEST(StoreTrainer, FeatureSetNamesRoundTrip) {
    analysis::FeatureOptions options;
    options.extra = true;
    options.coefficients = 20;
    const auto name = featureSetName(options);
    auto back = extractorOptionsOf(name);
    ASSERT_TRUE(back);
    EXPECT_TRUE(back->extra);
    EXPECT_EQ(back->coefficients, 20);
    EXPECT_EQ(featureSetName(*back), name);
    EXPECT_FALSE(extractorOptionsOf("seiche-mfcc/v999 13c 40m 1024w 512h 44100Hz"));
    EXPECT_FALSE(extractorOptionsOf(importedFeatureSetName({"x", "y"})));
    EXPECT_NE(importedFeatureSetName({"x", "y"}), importedFeatureSetName({"x", "z"}));
}

}  // namespace
}  // namespace seiche::session
