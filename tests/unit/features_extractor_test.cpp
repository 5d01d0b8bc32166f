// The per-sound feature vector: its shape, and what it does with the files and
// samples met in the wild (silence, DC, one sample, clipping, NaN, bad files).
#include <gtest/gtest.h>

#include <sndfile.h>

#include <cmath>
#include <fstream>
#include <limits>
#include <numbers>
#include <random>
#include <thread>

#include "analysis/feature_extractor.hpp"
#include "samples_test_support.hpp"

namespace seiche::analysis {
namespace {

using audio::testing::TempDir;

// Writes interleaved float samples as they are (NaN, inf and >1 included).
void writeFloats(const std::filesystem::path& file, const std::vector<float>& data, int channels = 1, int rate = 44100) {
    SF_INFO info{};
    info.samplerate = rate;
    info.channels = channels;
    info.format = SF_FORMAT_WAV | SF_FORMAT_FLOAT;
    SNDFILE* out = sf_open(file.c_str(), SFM_WRITE, &info);
    ASSERT_NE(out, nullptr) << sf_strerror(nullptr);
    sf_command(out, SFC_SET_CLIPPING, nullptr, SF_FALSE);
    ASSERT_EQ(sf_writef_float(out, data.data(), static_cast<sf_count_t>(data.size()) / channels),
              static_cast<sf_count_t>(data.size()) / channels);
    sf_close(out);
}

std::vector<float> sine(int frames, double hz, double amplitude, double rate = 44100) {
    std::vector<float> out(static_cast<std::size_t>(frames));
    for (int n = 0; n < frames; ++n) out[static_cast<std::size_t>(n)] = static_cast<float>(amplitude * std::sin(2 * std::numbers::pi * hz * n / rate));
    return out;
}

FeatureOptions withExtras() {
    FeatureOptions o;
    o.extra = true;
    return o;
}

void expectFinite(const SoundFeatures& f) {
    for (double v : f.vector()) EXPECT_TRUE(std::isfinite(v)) << v;
}

SoundFeatures extracted(std::span<const float> mono, double rate = 44100) {
    auto result = extractFeatures(mono, rate, withExtras());
    EXPECT_TRUE(result) << result.error;
    return result ? *result.value : SoundFeatures{};
}

TEST(FeaturesExtractor, VectorAndNamesHaveTheSameOrderAndLength) {
    const auto tone = sine(8000, 440, 0.5);
    const auto plain = extractFeatures(tone, 44100);
    ASSERT_TRUE(plain) << plain.error;
    EXPECT_EQ(plain.value->vector().size(), 26u);
    EXPECT_EQ(SoundFeatures::names({}).size(), 26u);
    EXPECT_EQ(SoundFeatures::names({}).front(), "mfcc_mean_0");
    EXPECT_EQ(SoundFeatures::names({})[13], "mfcc_var_0");

    const auto full = extracted(tone);
    const auto names = SoundFeatures::names(withExtras());
    ASSERT_EQ(full.vector().size(), 31u);
    ASSERT_EQ(names.size(), 31u);
    EXPECT_EQ(names[26], "duration");
    EXPECT_EQ(names[30], "onset_rate");
    EXPECT_EQ(full.vector()[26], full.duration);
    EXPECT_EQ(full.vector()[27], full.loudness);
    EXPECT_EQ(full.vector()[30], full.onsetRate);
    EXPECT_EQ(full.vector()[13], full.mfccVariance[0]);
}

TEST(FeaturesExtractor, SilenceGivesTheLogFloor) {
    const std::vector<float> silence(20000, 0.0f);
    const auto f = extracted(silence);
    // Every band at log(1e-10): only coefficient 0 is non-zero, and nothing varies.
    EXPECT_NEAR(f.mfccMean[0], std::sqrt(40.0) * std::log(1e-10), 1e-9);
    for (int k = 1; k < 13; ++k) EXPECT_NEAR(f.mfccMean[static_cast<std::size_t>(k)], 0.0, 1e-9);
    for (double v : f.mfccVariance) EXPECT_NEAR(v, 0.0, 1e-12);
    EXPECT_DOUBLE_EQ(f.loudness, -100.0);
    EXPECT_EQ(f.centroid, 0.0);
    EXPECT_EQ(f.flatness, 1.0);
    EXPECT_EQ(f.onsetRate, 0.0);
    EXPECT_NEAR(f.duration, 20000 / 44100.0, 1e-12);
}

TEST(FeaturesExtractor, DcIsLowAndSteady) {
    const std::vector<float> dc(44100, 0.5f);
    const auto f = extracted(dc);
    expectFinite(f);
    EXPECT_NEAR(f.loudness, 20 * std::log10(0.5), 1e-6);
    EXPECT_LT(f.centroid, 60.0);      // all energy in bins 0 and 1
    EXPECT_LT(f.flatness, 1e-3);
    EXPECT_EQ(f.onsetRate, 2.0);      // its start, and its abrupt end (a click)
}

TEST(FeaturesExtractor, OneSampleIsOnePaddedFrame) {
    const std::vector<float> one{0.25f};
    const auto f = extracted(one);
    expectFinite(f);
    for (double v : f.mfccVariance) EXPECT_EQ(v, 0.0);  // one frame varies by nothing
    EXPECT_NEAR(f.duration, 1 / 44100.0, 1e-15);
    EXPECT_GT(f.mfccMean[0], std::sqrt(40.0) * std::log(1e-10));  // not silence
    // An onset counted over one window's length, not over 23 microseconds.
    EXPECT_LE(f.onsetRate, 44100.0 / 1024.0);

    // At another rate it is resampled first, and still one finite frame.
    const auto resampled = extractFeatures(one, 22050, withExtras());
    ASSERT_TRUE(resampled) << resampled.error;
    expectFinite(*resampled.value);
    for (double v : resampled.value->mfccVariance) EXPECT_EQ(v, 0.0);
}

TEST(FeaturesExtractor, ClippedAndOverRangeFilesGiveFiniteFeatures) {
    TempDir dir;
    std::vector<float> hot = sine(30000, 200, 30.0);  // float WAV far beyond full scale
    writeFloats(dir / "hot.wav", hot);
    auto overRange = extractFeatures((dir / "hot.wav").string(), withExtras());
    ASSERT_TRUE(overRange) << overRange.error;
    expectFinite(*overRange.value);
    EXPECT_GT(overRange.value->loudness, 20.0);

    for (float& x : hot) x = std::clamp(x, -1.0f, 1.0f);  // a square-ish clipped wave
    writeFloats(dir / "clipped.wav", hot);
    auto clipped = extractFeatures((dir / "clipped.wav").string(), withExtras());
    ASSERT_TRUE(clipped) << clipped.error;
    expectFinite(*clipped.value);
    EXPECT_NEAR(clipped.value->loudness, 0.0, 0.5);
    // Clipping adds odd harmonics: the centroid sits well above the 200 Hz fundamental.
    EXPECT_GT(clipped.value->centroid, 400.0);

    std::vector<float> extreme(5000, std::numeric_limits<float>::max());
    auto huge = extractFeatures(extreme, 44100, withExtras());
    ASSERT_TRUE(huge) << huge.error;
    expectFinite(*huge.value);
}

TEST(FeaturesExtractor, NonFiniteSamplesAreSilencedWithAWarning) {
    TempDir dir;
    std::vector<float> withNan = sine(20000, 330, 0.5);
    std::vector<float> zeroed = withNan;
    for (std::size_t i = 3000; i < 3100; ++i) withNan[i] = std::numeric_limits<float>::quiet_NaN(), zeroed[i] = 0.0f;
    withNan[9000] = std::numeric_limits<float>::infinity(), zeroed[9000] = 0.0f;
    writeFloats(dir / "nan.wav", withNan);
    writeFloats(dir / "zeroed.wav", zeroed);

    const auto fromNan = extractFeatures((dir / "nan.wav").string(), withExtras());
    const auto fromZeroed = extractFeatures((dir / "zeroed.wav").string(), withExtras());
    ASSERT_TRUE(fromNan) << fromNan.error;
    ASSERT_TRUE(fromZeroed) << fromZeroed.error;
    expectFinite(*fromNan.value);
    EXPECT_EQ(fromNan.value->vector(), fromZeroed.value->vector());
    ASSERT_EQ(fromNan.warnings.size(), 1u);
    EXPECT_NE(fromNan.warnings[0].find("101 non-finite"), std::string::npos) << fromNan.warnings[0];
    EXPECT_TRUE(fromZeroed.warnings.empty());

    const auto inMemory = extractFeatures(withNan, 44100, withExtras());
    ASSERT_TRUE(inMemory);
    EXPECT_EQ(inMemory.value->vector(), fromZeroed.value->vector());
    EXPECT_EQ(inMemory.warnings.size(), 1u);

    const std::vector<float> allNan(4000, std::numeric_limits<float>::quiet_NaN());
    const auto nothing = extractFeatures(allNan, 44100, withExtras());
    ASSERT_TRUE(nothing);
    EXPECT_EQ(nothing.value->loudness, -100.0);
}

TEST(FeaturesExtractor, BadFilesAreErrorsNamingTheFile) {
    TempDir dir;
    const auto empty = (dir / "empty.wav").string();
    std::ofstream(empty).close();
    const auto corrupt = (dir / "corrupt.wav").string();
    {
        std::ofstream out(corrupt, std::ios::binary);
        std::mt19937 rng(1);
        for (int i = 0; i < 5000; ++i) out.put(static_cast<char>(rng()));
    }
    const auto noFrames = (dir / "no-frames.wav").string();
    writeFloats(noFrames, {});
    const auto missing = (dir / "missing.wav").string();

    for (const auto& [path, reason] : {std::pair{empty, "empty"}, std::pair{corrupt, "not readable"},
                                       std::pair{noFrames, "no audio"}, std::pair{missing, "No such file"}}) {
        const auto result = extractFeatures(path, withExtras());
        EXPECT_FALSE(result) << path;
        EXPECT_EQ(result.error.rfind(path + ": ", 0), 0u) << result.error;
        EXPECT_NE(result.error.find(reason), std::string::npos) << result.error;
    }
    EXPECT_FALSE(extractFeatures(std::span<const float>{}, 44100));
}

TEST(FeaturesExtractor, BadOptionsAreRefused) {
    const auto tone = sine(4000, 440, 0.5);
    for (auto change : {+[](FeatureOptions& o) { o.windowSize = 1000; }, +[](FeatureOptions& o) { o.hopSize = 0; },
                        +[](FeatureOptions& o) { o.coefficients = 41; }, +[](FeatureOptions& o) { o.melBands = 0; },
                        +[](FeatureOptions& o) { o.analysisRate = 100; }}) {
        FeatureOptions o;
        change(o);
        const auto result = extractFeatures(tone, 44100, o);
        EXPECT_FALSE(result);
        EXPECT_FALSE(result.error.empty());
    }
}

TEST(FeaturesExtractor, FileAndMemoryAgreeAndOtherRatesAreResampled) {
    TempDir dir;
    const auto tone = sine(30000, 440, 0.5);
    writeFloats(dir / "tone.wav", tone);
    const auto fromFile = extractFeatures((dir / "tone.wav").string(), withExtras());
    ASSERT_TRUE(fromFile) << fromFile.error;
    EXPECT_EQ(fromFile.value->vector(), extracted(tone).vector());

    // Stereo is mixed to the mean of its channels.
    std::vector<float> stereo;
    for (float x : tone) stereo.insert(stereo.end(), {x * 1.5f, x * 0.5f});
    writeFloats(dir / "stereo.wav", stereo, 2);
    const auto fromStereo = extractFeatures((dir / "stereo.wav").string(), withExtras());
    ASSERT_TRUE(fromStereo) << fromStereo.error;
    EXPECT_EQ(fromStereo.value->vector(), fromFile.value->vector());

    // The same tone at 22050 Hz lands on the same analysis grid, give or take the resampler.
    const auto slower = sine(15000, 440, 0.5, 22050);
    const auto resampled = extracted(slower, 22050);
    EXPECT_NEAR(resampled.duration, fromFile.value->duration, 0.01);
    // The centroid reads the window's leakage too, which the resampler's low-pass trims.
    EXPECT_NEAR(resampled.centroid, fromFile.value->centroid, 0.05 * fromFile.value->centroid);
    EXPECT_NEAR(resampled.mfccMean[1], fromFile.value->mfccMean[1], 0.5);
}

TEST(FeaturesExtractor, HalvingTheLevelOnlyShiftsCoefficientZero) {
    // Noise, so that no band is near the log floor (a pure tone's far bands are).
    std::mt19937 rng(8);
    std::normal_distribution<float> normal(0.0f, 0.3f);
    std::vector<float> loud(20000), quiet(20000);
    for (std::size_t i = 0; i < loud.size(); ++i) quiet[i] = (loud[i] = normal(rng)) * 0.5f;
    const auto a = extracted(loud), b = extracted(quiet);
    // Power falls by 4 in every band: log energies by log 4, so c0 by sqrt(40) log 4.
    EXPECT_NEAR(a.mfccMean[0] - b.mfccMean[0], std::sqrt(40.0) * std::log(4.0), 1e-3);
    for (int k = 1; k < 13; ++k) EXPECT_NEAR(a.mfccMean[static_cast<std::size_t>(k)], b.mfccMean[static_cast<std::size_t>(k)], 1e-3);
    EXPECT_NEAR(a.loudness - b.loudness, 20 * std::log10(2.0), 1e-4);
    EXPECT_NEAR(a.centroid, b.centroid, 1e-6);
}

TEST(FeaturesExtractor, ClicksGiveTheirRateAndNoiseIsFlat) {
    std::vector<float> clicks(44100 * 2, 0.0f);
    for (std::size_t i = 100; i < clicks.size(); i += 11025) clicks[i] = 0.9f;  // 4 per second
    EXPECT_NEAR(extracted(clicks).onsetRate, 4.0, 1e-9);

    std::mt19937 rng(4);
    std::normal_distribution<float> normal(0.0f, 0.2f);
    std::vector<float> noise(44100);
    for (float& x : noise) x = normal(rng);
    const auto f = extracted(noise);
    EXPECT_NEAR(f.flatness, std::exp(-0.5772156649), 0.05);  // white noise: e^-gamma
    EXPECT_NEAR(f.centroid, 11025.0, 600.0);
    EXPECT_EQ(f.onsetRate, 1.0);  // only its start
}

TEST(FeaturesExtractor, ParallelCallsGiveTheSameResultsAsSerialOnes) {
    std::vector<std::vector<float>> inputs;
    for (int i = 0; i < 4; ++i) inputs.push_back(sine(40000, 200.0 * (i + 1), 0.3));
    std::vector<std::vector<double>> serial, parallel(inputs.size());
    for (const auto& in : inputs) serial.push_back(extracted(in).vector());
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < inputs.size(); ++i)
        threads.emplace_back([&, i] { parallel[i] = extractFeatures(inputs[i], 44100, withExtras()).value->vector(); });
    for (auto& t : threads) t.join();
    EXPECT_EQ(parallel, serial);
}

}  // namespace
}  // namespace seiche::analysis
