#pragma once
// The per-sound feature vector of the taste classifier: mean and variance over
// frames of each MFCC, and optionally duration, loudness, spectral centroid,
// flatness and onset rate. The exact definition is in docs/analysis.md.
//
// extractFeatures() holds no shared state, so workers may call it in parallel;
// FeatureExtractor is the reusable, allocation-free-per-frame engine behind it.
#include <optional>
#include <span>
#include <string>
#include <vector>

#include <Eigen/Core>

#include "analysis/magnitude_spectrum.hpp"
#include "analysis/mfcc.hpp"
#include "analysis/onset_detector.hpp"
#include "analysis/running_moments.hpp"
#include "analysis/spectral_shape.hpp"

namespace seiche::analysis {

struct FeatureOptions {
    int analysisRate = 44100;  // every input is resampled to this first
    int windowSize = 1024;     // a power of two
    int hopSize = 512;
    int melBands = 40;
    int coefficients = 13;     // at most melBands; coefficient 0 included
    bool extra = false;        // also the five extra features
};

struct SoundFeatures {
    std::vector<double> mfccMean;      // `coefficients` values
    std::vector<double> mfccVariance;  // `coefficients` values
    bool hasExtra = false;
    double duration = 0;   // seconds
    double loudness = 0;   // RMS level in dBFS, floored at -100
    double centroid = 0;   // Hz
    double flatness = 0;   // 0..1
    double onsetRate = 0;  // onsets per second

    // Means, then variances, then (if hasExtra) the five extras in the order above.
    std::vector<double> vector() const;
    // Column names matching vector() for these options.
    static std::vector<std::string> names(const FeatureOptions& options);
};

template <typename T>
struct FeatureResult {
    std::optional<T> value;
    std::string error;                  // set exactly when value is empty; names the file if there is one
    std::vector<std::string> warnings;  // extracted anyway, but worth telling (e.g. NaNs taken as silence)

    explicit operator bool() const { return value.has_value(); }
};

// Empty when the options can be used, else why not.
std::string checkOptions(const FeatureOptions& options);

// Any file libsndfile reads, mixed to mono and resampled to options.analysisRate.
FeatureResult<SoundFeatures> extractFeatures(const std::string& path, const FeatureOptions& options = {});
// Samples already in memory at sampleRate.
FeatureResult<SoundFeatures> extractFeatures(std::span<const float> mono, double sampleRate,
                                             const FeatureOptions& options = {});

class FeatureExtractor {
public:
    // options must pass checkOptions().
    void init(const FeatureOptions& options);
    // mono: finite samples at options.analysisRate, at least one.
    SoundFeatures process(std::span<const float> mono);

private:
    void analyseFrame();

    FeatureOptions options_;
    MagnitudeSpectrum spectrum_;
    Mfcc mfcc_;
    SpectralShape shape_;
    OnsetDetector onsets_;
    RunningMoments moments_;
    Eigen::ArrayXd frame_, magnitude_, power_;
    Eigen::VectorXd coefficients_;
};

}  // namespace seiche::analysis
