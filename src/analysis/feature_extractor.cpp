#include "analysis/feature_extractor.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

#include "analysis/mono_file.hpp"
#include "audio/resampler.hpp"

namespace seiche::analysis {
namespace {

constexpr double kLoudnessFloorPower = 1e-10;  // -100 dBFS

bool isPowerOfTwo(int n) { return n > 0 && (n & (n - 1)) == 0; }

}  // namespace

std::vector<double> SoundFeatures::vector() const {
    std::vector<double> out(mfccMean);
    out.insert(out.end(), mfccVariance.begin(), mfccVariance.end());
    if (hasExtra) out.insert(out.end(), {duration, loudness, centroid, flatness, onsetRate});
    return out;
}

std::vector<std::string> SoundFeatures::names(const FeatureOptions& options) {
    std::vector<std::string> out;
    for (const char* prefix : {"mfcc_mean_", "mfcc_var_"})
        for (int k = 0; k < options.coefficients; ++k) out.push_back(prefix + std::to_string(k));
    if (options.extra) out.insert(out.end(), {"duration", "loudness", "centroid", "flatness", "onset_rate"});
    return out;
}

std::string checkOptions(const FeatureOptions& o) {
    if (o.analysisRate < 8000 || o.analysisRate > 384000) return "analysis rate must be 8000 to 384000 Hz";
    if (!isPowerOfTwo(o.windowSize) || o.windowSize < 32 || o.windowSize > 65536)
        return "window size must be a power of two from 32 to 65536";
    if (o.hopSize < 1 || o.hopSize > o.windowSize) return "hop size must be 1 to the window size";
    if (o.melBands < 1 || o.melBands > o.windowSize / 2) return "mel bands must be 1 to half the window size";
    if (o.coefficients < 1 || o.coefficients > o.melBands) return "coefficients must be 1 to the number of mel bands";
    return {};
}

void FeatureExtractor::init(const FeatureOptions& options) {
    options_ = options;
    spectrum_.init(options.windowSize);
    const int bins = spectrum_.bins();
    mfcc_.init(options.melBands, options.coefficients, options.windowSize, options.analysisRate);
    shape_.init(options.windowSize, options.analysisRate);
    onsets_.init(bins, spectrum_.windowSum());
    moments_.init(options.coefficients);
    frame_.setZero(options.windowSize);
    magnitude_.setZero(bins);
    power_.setZero(bins);
    coefficients_.setZero(options.coefficients);
}

void FeatureExtractor::analyseFrame() {
    spectrum_.process(frame_, magnitude_);
    power_ = magnitude_.square();
    mfcc_.process(power_.matrix(), coefficients_);
    moments_.process(coefficients_);
    if (options_.extra) {
        shape_.process(magnitude_, power_);
        onsets_.process(magnitude_);
    }
}

SoundFeatures FeatureExtractor::process(std::span<const float> mono) {
    moments_.init(options_.coefficients);
    shape_.reset();
    onsets_.reset();

    // Frame k covers samples [k * hop, k * hop + window); the last one is padded
    // with zeros, and a sound shorter than the window is one padded frame.
    const auto length = static_cast<long>(mono.size());
    const long window = options_.windowSize, hop = options_.hopSize;
    const long frames = 1 + (std::max(0L, length - window) + hop - 1) / hop;
    for (long k = 0; k < frames; ++k) {
        const long start = k * hop;
        const long available = std::min(window, length - start);
        for (long n = 0; n < available; ++n) frame_[n] = mono[static_cast<std::size_t>(start + n)];
        frame_.tail(window - available).setZero();
        analyseFrame();
    }

    SoundFeatures out;
    const Eigen::VectorXd variance = moments_.variance();
    out.mfccMean.assign(moments_.mean().begin(), moments_.mean().end());
    out.mfccVariance.assign(variance.begin(), variance.end());
    if (options_.extra) {
        onsets_.finish();
        double squares = 0;
        for (float x : mono) squares += static_cast<double>(x) * x;
        out.hasExtra = true;
        out.duration = static_cast<double>(length) / options_.analysisRate;
        out.loudness = 10.0 * std::log10(std::max(squares / static_cast<double>(length), kLoudnessFloorPower));
        out.centroid = shape_.centroid();
        out.flatness = shape_.flatness();
        // A sound shorter than one window counts as one window long, so a click is
        // one onset per window rather than tens of thousands per second.
        const double seconds = std::max(out.duration, static_cast<double>(window) / options_.analysisRate);
        out.onsetRate = static_cast<double>(onsets_.onsets()) / seconds;
    }
    return out;
}

namespace {

FeatureResult<SoundFeatures> analyse(std::span<const float> mono, const FeatureOptions& options,
                                     std::vector<std::string> warnings) {
    FeatureExtractor extractor;
    extractor.init(options);
    FeatureResult<SoundFeatures> result;
    result.value = extractor.process(mono);
    result.warnings = std::move(warnings);
    return result;
}

FeatureResult<SoundFeatures> failure(std::string why) {
    FeatureResult<SoundFeatures> result;
    result.error = std::move(why);
    return result;
}

}  // namespace

FeatureResult<SoundFeatures> extractFeatures(const std::string& path, const FeatureOptions& options) {
    if (auto problem = checkOptions(options); !problem.empty()) return failure(problem);
    auto sound = readMonoFile(path, options.analysisRate);
    if (!sound) return failure(path + ": " + sound.error);
    return analyse(sound.value->samples, options, std::move(sound.value->warnings));
}

FeatureResult<SoundFeatures> extractFeatures(std::span<const float> mono, double sampleRate, const FeatureOptions& options) {
    if (auto problem = checkOptions(options); !problem.empty()) return failure(problem);
    if (mono.empty()) return failure("contains no audio");
    if (!(sampleRate > 0) || !std::isfinite(sampleRate)) return failure("sample rate must be positive");

    // Non-finite samples would poison every frame they touch; the file reader
    // takes them as silence too.
    std::vector<float> clean(mono.begin(), mono.end());
    std::size_t bad = 0;
    for (float& x : clean)
        if (!std::isfinite(x)) x = 0.0f, ++bad;
    std::vector<std::string> warnings;
    if (bad > 0) warnings.push_back(std::to_string(bad) + " non-finite values (NaN/inf) replaced by silence");

    if (sampleRate != options.analysisRate) {
        auto resampled = audio::resampleInterleaved(clean, 1, sampleRate, options.analysisRate);
        if (!resampled) return failure(resampled.error);
        if (resampled.value->empty()) return failure("too short to resample");
        clean = std::move(*resampled.value);
    }
    return analyse(clean, options, std::move(warnings));
}

}  // namespace seiche::analysis
