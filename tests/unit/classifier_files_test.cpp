// Model files, data CSVs, FluCoMa imports and the registry: what is written reads
// back identically, and every kind of bad file is refused with a reason.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "analysis/classifier_training.hpp"
#include "analysis/data_csv.hpp"
#include "analysis/flucoma_import.hpp"
#include "analysis/model_json.hpp"
#include "analysis/model_registry.hpp"
#include "classifier_test_support.hpp"

using namespace seiche::analysis;
using seiche::analysis::testing::blobs;

namespace {

Classifier trained(int labels = 2, std::uint64_t seed = 1) {
    TrainOptions options;
    options.seed = seed;
    options.name = "taste";
    auto result = train(blobs(labels, 20, 4, 3.0, seed), options);
    EXPECT_TRUE(result) << result.error;
    return std::move(*result.model);
}

std::string withField(const std::string& json, const char* key, const nlohmann::json& value) {
    auto j = nlohmann::json::parse(json);
    j[key] = value;
    return j.dump();
}

}  // namespace

TEST(ClassifierModelJson, RoundTripGivesTheSamePredictions) {
    const Classifier model = trained(3);
    const auto text = modelToJson(model);
    const auto back = modelFromJson(text);
    ASSERT_TRUE(back) << back.error;
    EXPECT_EQ(back.value->name, "taste");
    EXPECT_EQ(back.value->labels, model.labels);
    EXPECT_EQ(back.value->featureNames, model.featureNames);
    EXPECT_EQ(back.value->training.seed, 1u);
    const Eigen::MatrixXd probe = blobs(3, 5, 4, 3.0, 42).features;
    EXPECT_EQ(back.value->scores(probe), model.scores(probe));  // 17 digits: exact
    const auto j = nlohmann::json::parse(text);
    EXPECT_EQ(j["format"], "seiche-classifier");
    EXPECT_EQ(j["version"], 1);
}

TEST(ClassifierModelJson, RefusesCorruptOrForeignFiles) {
    const auto text = modelToJson(trained());
    EXPECT_NE(modelFromJson("{\"format\": ").error.find("not valid JSON"), std::string::npos);
    EXPECT_NE(modelFromJson("[1,2]").error.find("not a Seiche classifier"), std::string::npos);
    EXPECT_NE(modelFromJson(withField(text, "version", 2)).error.find("version 2"), std::string::npos);
    EXPECT_NE(modelFromJson(withField(text, "labels", {"only"})).error.find("two labels"), std::string::npos);
    EXPECT_NE(modelFromJson(withField(text, "features", {"a", "b"})).error.find("standardizer has 4"), std::string::npos);
    auto j = nlohmann::json::parse(text);
    j["mlp"]["layers"][0]["activation"] = "swish";
    EXPECT_NE(modelFromJson(j.dump()).error.find("unknown activation"), std::string::npos);
    j = nlohmann::json::parse(text);
    j["mlp"]["layers"][1]["weights"][0].push_back(1.0);
    EXPECT_NE(modelFromJson(j.dump()).error.find("rows of different lengths"), std::string::npos);
    j = nlohmann::json::parse(text);
    j["scaler"]["std"][0] = "x";
    EXPECT_NE(modelFromJson(j.dump()).error.find("scaler.std[0]"), std::string::npos);
    j = nlohmann::json::parse(text);
    j.erase("pca");
    EXPECT_NE(modelFromJson(j.dump()).error.find("missing 'pca'"), std::string::npos);
    EXPECT_NE(loadModelFile("/nonexistent/model.json").error.find("cannot open"), std::string::npos);
}

TEST(ClassifierDataCsv, ReadsIdsLabelsAndFeatures) {
    const auto data = parseDataCsv("path,label,a,b\r\n\"x, y.wav\",good,1.5,-2\r\n\nz.wav,bad,3e2, 4\r\n", "t.csv");
    ASSERT_TRUE(data) << data.error;
    EXPECT_EQ(data.value->ids, (std::vector<std::string>{"x, y.wav", "z.wav"}));
    EXPECT_EQ(data.value->labels, (std::vector<std::string>{"good", "bad"}));
    EXPECT_EQ(data.value->featureNames, (std::vector<std::string>{"a", "b"}));
    EXPECT_EQ(data.value->features(1, 0), 300.0);
    EXPECT_EQ(data.value->features(1, 1), 4.0);
}

TEST(ClassifierDataCsv, ErrorsNameTheFileAndLine) {
    EXPECT_EQ(parseDataCsv("", "e.csv").error, "e.csv: empty file (no header)");
    EXPECT_EQ(parseDataCsv("id,label\n", "e.csv").error, "e.csv: no examples after the header");
    EXPECT_EQ(parseDataCsv("id\n", "e.csv").error, "e.csv:1: the header needs an id (or path) column and a label column");
    EXPECT_EQ(parseDataCsv("id,label,a\n1,good,2\n2,bad\n", "e.csv").error, "e.csv:3: expected 3 fields, got 2");
    EXPECT_EQ(parseDataCsv("id,label,a\n1,good,nan\n", "e.csv").error, "e.csv:2: column 'a': 'nan' is not a finite number");
    EXPECT_EQ(parseDataCsv("id,label,a\n1,good,1x\n", "e.csv").error, "e.csv:2: column 'a': '1x' is not a finite number");
    EXPECT_EQ(parseDataCsv("id,label,a\n1,,1\n", "e.csv").error, "e.csv:2: no label");
    EXPECT_EQ(parseDataCsv("id,label,a\n\"1,good,1\n", "e.csv").error, "e.csv:2: unclosed quote");
    DataCsvOptions unlabelled;
    unlabelled.requireLabels = false;
    EXPECT_TRUE(parseDataCsv("id,label,a\n1,,1\n", "e.csv", unlabelled));
}

TEST(ClassifierDataCsv, WrittenFeaturesReadBackExactly) {
    Dataset data = blobs(2, 3, 3, 1.0, 4);
    data.ids[0] = "a \"quoted\", name.wav";
    const auto path = std::filesystem::temp_directory_path() / "seiche_classifier_roundtrip.csv";
    ASSERT_EQ(writeDataCsv(data, path.string()), "");
    const auto back = readDataCsv(path.string());
    std::filesystem::remove(path);
    ASSERT_TRUE(back) << back.error;
    EXPECT_EQ(back.value->ids, data.ids);
    EXPECT_EQ(back.value->features, data.features);
}

// A 2-input FluCoMa triple small enough to work out by hand.
TEST(ClassifierFlucomaImport, ReproducesTheForwardPassByHand) {
    const std::string standardizer = R"({"cols":2,"mean":[1,2],"std":[2,4]})";
    const std::string pca = R"({"bases":[[0,1],[1,0]],"values":[3,1],"mean":[0.5,0],"rows":2})";
    const std::string model = R"({"labels":{"labels":["yes","no"],"rows":2},"mlp":{"layers":[
        {"activation":2,"biases":[0,-1],"cols":2,"rows":1,"weights":[[2,-1]]},
        {"activation":1,"biases":[0.5,0],"cols":2,"rows":2,"weights":[[1,-1],[3,1]]}]}})";
    const auto imported = importFlucoma(standardizer, pca, model, "hand");
    ASSERT_TRUE(imported) << imported.error;
    EXPECT_EQ(imported.value->pca.components(), 1);  // k from the first layer's inputs
    Eigen::MatrixXd x(1, 2);
    x << 3, 10;
    // standardise: [(3-1)/2, (10-2)/4] = [1, 2]; minus pca mean: [0.5, 2]; · bases[:, :1] = 2
    // layer 1: relu([4, -3]) = [4, 0]; layer 2: sigmoid([4.5, -4])
    const auto p = imported.value->classify(x);
    ASSERT_TRUE(p);
    EXPECT_NEAR(p.value->front().scores[0], 1 / (1 + std::exp(-4.5)), 1e-15);
    EXPECT_NEAR(p.value->front().scores[1], 1 / (1 + std::exp(4.0)), 1e-15);
    EXPECT_EQ(p.value->front().label, "yes");
    EXPECT_NE(importFlucoma(standardizer, pca, "{\"labels\":{}}", "x").error.find("missing 'labels'"), std::string::npos);
    EXPECT_NE(importFlucoma(standardizer, "nope", model, "x").error.find("pca is not valid JSON"), std::string::npos);
}

TEST(ClassifierFlucomaImport, ReadsTheMirlcaAgent) {
    const auto dir = seiche::analysis::testing::mirlcaAgent();
    const auto agent = importFlucomaDirectory(dir.string(), "mirlca");
    ASSERT_TRUE(agent) << agent.error;
    EXPECT_EQ(agent.value->labels, (std::vector<std::string>{"good", "bad"}));
    EXPECT_EQ(agent.value->featureNames.size(), 26u);
    EXPECT_EQ(agent.value->featureNames[13], "mfcc_var_0");
    EXPECT_EQ(agent.value->pca.components(), 20);
    EXPECT_EQ(agent.value->mlp.layers()[1].activation, Activation::Sigmoid);
    const auto gerard = importFlucomaDirectory(dir.string(), "gerard", "model-gerard.JSON");
    ASSERT_TRUE(gerard) << gerard.error;
    EXPECT_EQ(gerard.value->labels, (std::vector<std::string>{"bad", "good"}));
    // Back through Seiche's own format, it still computes the same.
    const auto again = modelFromJson(modelToJson(*agent.value));
    ASSERT_TRUE(again) << again.error;
    const Eigen::MatrixXd probe = Eigen::MatrixXd::Random(4, 26) * 50;
    EXPECT_EQ(again.value->scores(probe), agent.value->scores(probe));
}

TEST(ClassifierRegistry, HoldsSeveralNamedModels) {
    ModelRegistry registry;
    registry.add(trained(2, 1), "taste");
    registry.add(trained(3, 2), "instrument");
    EXPECT_EQ(registry.names(), (std::vector<std::string>{"instrument", "taste"}));
    const auto all = registry.classify(Eigen::RowVectorXd::Constant(4, 3.0));
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(all[0].model, "instrument");
    EXPECT_EQ(all[0].prediction.scores.size(), 3u);
    std::vector<std::string> errors;
    EXPECT_TRUE(registry.classify(Eigen::RowVectorXd::Zero(5), &errors).empty());
    EXPECT_EQ(errors.size(), 2u);
    EXPECT_TRUE(registry.unload("taste"));
    EXPECT_FALSE(registry.unload("taste"));
    EXPECT_EQ(registry.find("taste"), nullptr);
    EXPECT_NE(registry.load("/nonexistent.json", "x").find("cannot open"), std::string::npos);
    EXPECT_EQ(registry.size(), 1u);
}
