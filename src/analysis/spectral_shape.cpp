#include "analysis/spectral_shape.hpp"

#include <cmath>

#include "analysis/mfcc.hpp"

namespace seiche::analysis {

void SpectralShape::init(int windowSize, double sampleRate) {
    binHz_ = Eigen::ArrayXd::LinSpaced(windowSize / 2 + 1, 0.0, sampleRate / 2.0);
    reset();
}

void SpectralShape::reset() {
    centroidSum_ = flatnessSum_ = 0;
    soundingFrames_ = 0;
}

void SpectralShape::process(const Eigen::Ref<const Eigen::ArrayXd>& magnitude, const Eigen::Ref<const Eigen::ArrayXd>& power) {
    if (power.sum() <= kSilentFramePower) return;
    centroidSum_ += (binHz_ * magnitude).sum() / magnitude.sum();
    // Geometric over arithmetic mean of the power, floored as the MFCC's log is.
    const double logMean = power.max(kLogFloor).log().mean();
    flatnessSum_ += std::exp(logMean) / power.max(kLogFloor).mean();
    ++soundingFrames_;
}

double SpectralShape::centroid() const { return soundingFrames_ > 0 ? centroidSum_ / soundingFrames_ : 0.0; }

double SpectralShape::flatness() const { return soundingFrames_ > 0 ? flatnessSum_ / soundingFrames_ : 1.0; }

}  // namespace seiche::analysis
