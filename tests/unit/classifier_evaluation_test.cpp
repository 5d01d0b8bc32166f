// Evaluation: the metrics on hand-made confusion matrices, stratified folds that
// keep the labels' proportions, and cross-validation that tests every example once.
#include <gtest/gtest.h>

#include "analysis/evaluation.hpp"
#include "classifier_test_support.hpp"

using namespace seiche::analysis;
using seiche::analysis::testing::blobs;

TEST(ClassifierEvaluation, BalancedAccuracyIsTheMeanRecall) {
    ConfusionMatrix m({"bad", "good"});
    for (int i = 0; i < 90; ++i) m.add(1, 1);  // 90 good, all right
    for (int i = 0; i < 10; ++i) m.add(0, 1);  // 10 bad, all called good
    EXPECT_DOUBLE_EQ(m.accuracy(), 0.9);
    EXPECT_DOUBLE_EQ(m.balancedAccuracy(), 0.5);
    EXPECT_EQ(m.total(), 100);
}

TEST(ClassifierEvaluation, StratifiedFoldsKeepProportions) {
    Dataset data = blobs(2, 30, 2, 1.0, 1);
    for (int i = 0; i < 20; ++i) data.labels[static_cast<size_t>(2 * i + 1)] = "label0";  // 50 vs 10
    const auto folds = stratifiedFolds(data, 5, 3);
    std::vector<int> minority(5, 0), all(5, 0);
    for (size_t r = 0; r < data.size(); ++r) {
        ++all[static_cast<size_t>(folds[r])];
        minority[static_cast<size_t>(folds[r])] += data.labels[r] == "label1";
    }
    for (int f = 0; f < 5; ++f) {
        EXPECT_EQ(all[static_cast<size_t>(f)], 12);
        EXPECT_EQ(minority[static_cast<size_t>(f)], 2);
    }
}

TEST(ClassifierEvaluation, LeaveOneOutTestsEveryExampleOnce) {
    const Dataset data = blobs(2, 8, 3, 4.0, 2);
    const auto result = crossValidate(data, 1000, TrainOptions{});
    ASSERT_TRUE(result) << result.error;
    EXPECT_EQ(result.value->method, "leave-one-out");
    EXPECT_EQ(result.value->confusion.total(), 16);
    EXPECT_EQ(result.value->foldAccuracies.size(), 16u);
    EXPECT_GE(result.value->confusion.accuracy(), 0.9);  // well separated
    EXPECT_EQ(result.value->maxPcaComponents, 3);
}

TEST(ClassifierEvaluation, NoiseLabelsScoreNearChance) {
    Dataset data = blobs(2, 60, 4, 0.0, 6);  // both labels drawn from the same cloud
    const auto result = crossValidate(data, 5, TrainOptions{});
    ASSERT_TRUE(result) << result.error;
    EXPECT_EQ(result.value->method, "k-fold");
    EXPECT_EQ(result.value->confusion.total(), 120);
    EXPECT_LT(result.value->confusion.accuracy(), 0.7);
}

TEST(ClassifierEvaluation, HoldoutRefusesMismatchedTestData) {
    const Dataset training = blobs(2, 10, 3, 3.0, 1);
    EXPECT_NE(evaluateHoldout(training, blobs(2, 5, 4, 3.0, 2), TrainOptions{}).error.find("4 features"), std::string::npos);
    EXPECT_NE(evaluateHoldout(training, blobs(3, 5, 3, 3.0, 2), TrainOptions{}).error.find("'label2'"), std::string::npos);
    const auto ok = evaluateHoldout(training, blobs(2, 5, 3, 3.0, 2), TrainOptions{});
    ASSERT_TRUE(ok) << ok.error;
    EXPECT_EQ(ok.value->confusion.total(), 10);
    EXPECT_EQ(ok.value->examples, 30u);
}
