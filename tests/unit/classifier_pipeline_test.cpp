// The numerical parts of the classifier, each checked against values worked out
// independently: the scaler's population statistics, PCA's geometry, the network's
// forward pass and gradients, and training that finds known answers and repeats.
#include <gtest/gtest.h>

#include <cmath>

#include "analysis/classifier_training.hpp"
#include "analysis/mlp_training.hpp"
#include "analysis/pca.hpp"
#include "analysis/standard_scaler.hpp"
#include "classifier_test_support.hpp"

using namespace seiche::analysis;
using seiche::analysis::testing::blobs;

TEST(ClassifierScaler, UsesPopulationStdAndLeavesConstantColumnsCentred) {
    Eigen::MatrixXd data(4, 2);
    data << 1, 5, 2, 5, 3, 5, 6, 5;
    StandardScaler scaler;
    scaler.fit(data);
    EXPECT_DOUBLE_EQ(scaler.mean()[0], 3.0);
    EXPECT_DOUBLE_EQ(scaler.std()[0], std::sqrt(3.5));  // (4+1+0+9)/4, not /3
    EXPECT_DOUBLE_EQ(scaler.std()[1], 0.0);
    const Eigen::MatrixXd out = scaler.process(data);
    EXPECT_NEAR(out(3, 0), 3.0 / std::sqrt(3.5), 1e-15);
    EXPECT_TRUE(out.col(1).isZero());
    EXPECT_TRUE(out.allFinite());
}

TEST(ClassifierPca, FindsTheLineThePointsLieOnAndCapsComponents) {
    // Points on the line y = 2x: one direction holds all the variance.
    Eigen::MatrixXd data(5, 2);
    for (int i = 0; i < 5; ++i) data.row(i) << i, 2.0 * i + 1;
    Pca pca;
    pca.fit(data, 2);
    const Eigen::Vector2d direction = Eigen::Vector2d(1, 2).normalized();
    EXPECT_NEAR(std::abs(pca.bases().col(0).dot(direction)), 1.0, 1e-12);
    EXPECT_GT(pca.bases().col(0).maxCoeff(), 0.0);  // sign fixed: largest entry positive
    EXPECT_NEAR(pca.values()[1], 0.0, 1e-9);
    EXPECT_NEAR((pca.bases().transpose() * pca.bases() - Eigen::Matrix2d::Identity()).norm(), 0.0, 1e-12);
    const Eigen::MatrixXd projected = pca.process(data);
    EXPECT_NEAR(projected(4, 0) - projected(0, 0), 4.0 * std::sqrt(5.0), 1e-12);
    EXPECT_EQ(Pca::maxComponents(100, 13), 13);
    EXPECT_EQ(Pca::maxComponents(5, 13), 4);
}

TEST(ClassifierMlp, ForwardPassMatchesHandArithmetic) {
    Mlp mlp;
    DenseLayer hidden{Eigen::MatrixXd(2, 2), Eigen::VectorXd(2), Activation::Relu};
    hidden.weights << 1, -1, 2, 0.5;
    hidden.biases << 0.5, -3;
    DenseLayer output{Eigen::MatrixXd(2, 2), Eigen::VectorXd(2), Activation::Softmax};
    output.weights << 1, 0, 0, 1;
    output.biases << 0, 1;
    mlp.init({hidden, output});
    Eigen::MatrixXd x(1, 2);
    x << 1, 2;
    // hidden: [1+4+0.5, -1+1-3] = [5.5, -3] → relu [5.5, 0]; output logits [5.5, 1].
    const Eigen::MatrixXd y = mlp.process(x);
    const double expected = std::exp(5.5) / (std::exp(5.5) + std::exp(1.0));
    EXPECT_NEAR(y(0, 0), expected, 1e-14);
    EXPECT_NEAR(y(0, 1), 1 - expected, 1e-14);
}

TEST(ClassifierMlp, GradientsMatchFiniteDifferences) {
    Mlp mlp;
    mlp.initRandom(3, {4, 3}, 3, Activation::Tanh, Activation::Softmax, 7);
    LabelledRows rows;
    rows.inputs = Eigen::MatrixXd::Random(6, 3);
    rows.labels = {0, 1, 2, 0, 1, 2};
    std::vector<LayerGradient> gradients;
    crossEntropy(mlp, rows, 0.3, &gradients);
    const double h = 1e-6;
    for (size_t layer = 0; layer < mlp.layers().size(); ++layer)
        for (Eigen::Index i = 0; i < mlp.layers()[layer].weights.size(); ++i) {
            Mlp plus = mlp, minus = mlp;
            plus.layers()[layer].weights.data()[i] += h;
            minus.layers()[layer].weights.data()[i] -= h;
            const double numeric = (crossEntropy(plus, rows, 0.3, nullptr) - crossEntropy(minus, rows, 0.3, nullptr)) / (2 * h);
            EXPECT_NEAR(gradients[layer].weights.data()[i], numeric, 1e-7) << "layer " << layer << " weight " << i;
        }
}

TEST(ClassifierTraining, LearnsThreeSeparableLabelsWithSoftmax) {
    const Dataset data = blobs(3, 30, 5, 4.0, 11);
    TrainOptions options;
    options.pcaComponents = 20;  // more than the 5 columns: capped
    const auto result = train(data, options);
    ASSERT_TRUE(result) << result.error;
    EXPECT_EQ(result.pcaComponents, 5);
    const auto& model = *result.model;
    EXPECT_EQ(model.labels, (std::vector<std::string>{"label0", "label1", "label2"}));
    EXPECT_GE(model.training.trainingAccuracy, 0.97);
    const Dataset unseen = blobs(3, 20, 5, 4.0, 99);
    const auto predictions = model.classify(unseen.features);
    ASSERT_TRUE(predictions) << predictions.error;
    int correct = 0;
    for (size_t i = 0; i < unseen.size(); ++i) {
        const auto& p = (*predictions.value)[i];
        correct += p.label == unseen.labels[i];
        double total = 0;
        for (double s : p.scores) total += s;
        EXPECT_NEAR(total, 1.0, 1e-12);
    }
    EXPECT_GE(correct, 57);  // of 60
}

TEST(ClassifierTraining, SameSeedRepeatsAndAnotherSeedDiffers) {
    const Dataset data = blobs(2, 40, 4, 1.0, 3);
    TrainOptions options;
    const auto a = train(data, options), b = train(data, options);
    options.seed = 2;
    const auto c = train(data, options);
    ASSERT_TRUE(a && b && c);
    EXPECT_EQ(a.model->mlp.layers()[0].weights, b.model->mlp.layers()[0].weights);
    EXPECT_NE(a.model->mlp.layers()[0].weights, c.model->mlp.layers()[0].weights);
}

TEST(ClassifierTraining, EarlyStoppingHoldsOutAStratifiedValidationSet) {
    const Dataset data = blobs(2, 150, 4, 2.0, 5);
    TrainOptions options;
    const auto result = train(data, options);
    ASSERT_TRUE(result);
    EXPECT_EQ(result.validationExamples, 46);  // 15% of each label's 150, rounded
    EXPECT_TRUE(std::isfinite(result.model->training.validationLoss));
    EXPECT_LE(result.model->training.bestEpoch, result.model->training.epochs);
}

TEST(ClassifierTraining, WarmStartReusesTheNetworkWhenShapesAgree) {
    Dataset data = blobs(2, 150, 6, 2.0, 8);
    TrainOptions options;
    const auto first = train(data, options);
    ASSERT_TRUE(first);
    data.add("extra", "label1", Eigen::VectorXd::Constant(6, 0.5));
    const auto warm = train(data, options, &*first.model);
    ASSERT_TRUE(warm);
    EXPECT_TRUE(warm.warmStarted);
    EXPECT_GE(warm.model->training.trainingAccuracy, first.model->training.trainingAccuracy - 0.02);

    data.add("third", "label2", Eigen::VectorXd::Constant(6, 0.5));  // a new label changes the output layer
    const auto cold = train(data, options, &*first.model);
    ASSERT_TRUE(cold);
    EXPECT_FALSE(cold.warmStarted);
    EXPECT_EQ(cold.model->labels.size(), 3u);
}

TEST(ClassifierTraining, RefusesDataItCannotLearnFrom) {
    TrainOptions options;
    Dataset empty;
    EXPECT_NE(train(empty, options).error.find("no examples"), std::string::npos);
    Dataset one = blobs(1, 5, 3, 1.0, 1);
    EXPECT_NE(train(one, options).error.find("only one label"), std::string::npos);
    Dataset nan = blobs(2, 5, 3, 1.0, 1);
    nan.features(2, 1) = std::nan("");
    EXPECT_NE(train(nan, options).error.find("finite"), std::string::npos);
    Dataset unlabelled = blobs(2, 5, 3, 1.0, 1);
    unlabelled.labels[3].clear();
    EXPECT_NE(train(unlabelled, options).error.find("no label"), std::string::npos);
    Dataset huge = blobs(2, 5, 3, 1.0, 1);
    huge.features.col(0).setConstant(1e308);
    huge.features(0, 0) = -1e308;
    EXPECT_NE(train(huge, options).error.find("too large"), std::string::npos);
    options.hidden = {14, 0};
    EXPECT_FALSE(train(blobs(2, 5, 3, 1.0, 1), options));
}

TEST(ClassifierTraining, ClassifyRefusesTheWrongNumberOfFeatures) {
    const auto result = train(blobs(2, 10, 3, 3.0, 1), TrainOptions{});
    ASSERT_TRUE(result);
    const auto wrong = result.model->classify(Eigen::MatrixXd::Zero(1, 4));
    EXPECT_FALSE(wrong);
    EXPECT_NE(wrong.error.find("expects 3 features"), std::string::npos);
    Eigen::MatrixXd nan = Eigen::MatrixXd::Zero(1, 3);
    nan(0, 0) = std::nan("");
    EXPECT_FALSE(result.model->classify(nan));
}
