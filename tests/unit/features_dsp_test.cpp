// The building blocks of the MFCC, each against a property its definition implies.
#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <random>

#include "analysis/dct.hpp"
#include "analysis/magnitude_spectrum.hpp"
#include "analysis/mel_filterbank.hpp"
#include "analysis/onset_detector.hpp"
#include "analysis/running_moments.hpp"

namespace seiche::analysis {
namespace {

TEST(FeaturesDsp, FullDctIsOrthonormal) {
    Dct dct;
    dct.init(40, 40);
    Eigen::MatrixXd basis(40, 40);
    for (int n = 0; n < 40; ++n) {
        Eigen::VectorXd unit = Eigen::VectorXd::Unit(40, n), column(40);
        dct.process(unit, column);
        basis.col(n) = column;
    }
    EXPECT_TRUE((basis * basis.transpose()).isIdentity(1e-12));
}

TEST(FeaturesDsp, DctOfConstantIsOnlyCoefficientZero) {
    Dct dct;
    dct.init(40, 13);
    Eigen::VectorXd out(13);
    dct.process(Eigen::VectorXd::Constant(40, 2.0), out);
    EXPECT_NEAR(out[0], 2.0 * std::sqrt(40.0), 1e-12);
    EXPECT_NEAR(out.tail(12).cwiseAbs().maxCoeff(), 0.0, 1e-12);
}

TEST(FeaturesDsp, SlaneyMelScaleIsLinearBelowOneKilohertz) {
    EXPECT_DOUBLE_EQ(hzToMel(1000.0), 15.0);
    EXPECT_DOUBLE_EQ(hzToMel(200.0), 3.0);
    EXPECT_NEAR(hzToMel(6400.0), 42.0, 1e-12);  // 27 mels per factor 6.4
    for (double hz : {0.0, 50.0, 999.0, 1000.0, 4321.0, 22050.0}) EXPECT_NEAR(melToHz(hzToMel(hz)), hz, 1e-9 * (1 + hz));
}

TEST(FeaturesDsp, MelFiltersAreNonEmptyTrianglesOfEqualArea) {
    MelFilterbank bank;
    bank.init(40, 1024, 44100, 0, 22050);
    ASSERT_EQ(bank.bands(), 40);
    ASSERT_EQ(bank.bins(), 513);
    const auto& w = bank.weights();
    EXPECT_GE(w.minCoeff(), 0.0);
    for (int m = 0; m < 40; ++m) {
        EXPECT_GT(w.row(m).maxCoeff(), 0.0) << "band " << m;
        // The triangle's area in Hz is 1 by construction; summing bins samples it coarsely.
        const double areaHz = w.row(m).sum() * 44100.0 / 1024.0;
        EXPECT_NEAR(areaHz, 1.0, m < 20 ? 0.4 : 0.05) << "band " << m;
    }
    // Higher bands peak lower, since they are wider and of the same area.
    EXPECT_GT(w.row(5).maxCoeff(), w.row(35).maxCoeff());
}

TEST(FeaturesDsp, SineAtABinCentreShowsItsAmplitudeInThatBin) {
    MagnitudeSpectrum spectrum;
    spectrum.init(1024);
    EXPECT_DOUBLE_EQ(spectrum.windowSum(), 512.0);
    Eigen::ArrayXd frame(1024), magnitude(513);
    for (int n = 0; n < 1024; ++n) frame[n] = 0.8 * std::sin(2 * std::numbers::pi * 64 * n / 1024.0);
    spectrum.process(frame, magnitude);
    Eigen::Index peak = 0;
    magnitude.maxCoeff(&peak);
    EXPECT_EQ(peak, 64);
    EXPECT_NEAR(magnitude[64], 0.8 * spectrum.windowSum() / 2, 1e-9);
    EXPECT_NEAR(magnitude[63], magnitude[64] / 2, 1e-9);  // Hann's main lobe: half at the neighbours
    EXPECT_LT(magnitude[70], 1e-9);
}

TEST(FeaturesDsp, RunningMomentsMatchTwoPasses) {
    std::mt19937 rng(3);
    std::normal_distribution<double> normal(5.0, 2.0);
    Eigen::MatrixXd rows(200, 3);
    for (int i = 0; i < rows.size(); ++i) rows.data()[i] = normal(rng);
    RunningMoments moments;
    moments.init(3);
    for (int i = 0; i < 200; ++i) moments.process(rows.row(i).transpose());
    const Eigen::VectorXd mean = rows.colwise().mean().transpose();
    const Eigen::VectorXd variance = (rows.rowwise() - mean.transpose()).array().square().colwise().mean().transpose();
    EXPECT_TRUE(moments.mean().isApprox(mean, 1e-12));
    EXPECT_TRUE(moments.variance().isApprox(variance, 1e-12));
}

long onsetsOf(const std::vector<Eigen::ArrayXd>& frames) {
    OnsetDetector detector;
    detector.init(static_cast<int>(frames.front().size()), 2.0);  // scale 1: magnitudes as given
    for (const auto& f : frames) detector.process(f);
    detector.finish();
    return detector.onsets();
}

TEST(FeaturesDsp, OnsetDetectorCountsSeparateRisesOnce) {
    std::vector<Eigen::ArrayXd> frames(60, Eigen::ArrayXd::Zero(8));
    for (int hit : {0, 20, 40}) {
        frames[hit].setConstant(1.0);
        frames[hit + 1].setConstant(0.9);  // a decay is no rise
    }
    EXPECT_EQ(onsetsOf(frames), 3);
}

TEST(FeaturesDsp, OnsetDetectorCountsOnlyTheStartOfSteadyNoise) {
    EXPECT_EQ(onsetsOf(std::vector<Eigen::ArrayXd>(30, Eigen::ArrayXd::Zero(8))), 0);
    std::mt19937 rng(9);
    std::uniform_real_distribution<double> level(0.9, 1.1);
    std::vector<Eigen::ArrayXd> frames(200, Eigen::ArrayXd::Zero(256));
    for (auto& f : frames)
        for (auto& x : f) x = level(rng);
    EXPECT_EQ(onsetsOf(frames), 1);  // the rise from nothing before the first frame
}

}  // namespace
}  // namespace seiche::analysis
