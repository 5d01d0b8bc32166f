#pragma once
// Per-frame spectral centroid and flatness, averaged over the frames that sound.
// A frame whose total power is at most kSilentFramePower is silent: it has no
// centroid, and leaving it out keeps a sound's trailing silence from dragging
// its centroid towards 0 Hz.
#include <Eigen/Core>

namespace seiche::analysis {

inline constexpr double kSilentFramePower = 1e-10;

class SpectralShape {
public:
    // bins of a windowSize-point FFT at sampleRate.
    void init(int windowSize, double sampleRate);
    void reset();

    // One frame: its magnitude and power spectra (windowSize / 2 + 1 bins each).
    void process(const Eigen::Ref<const Eigen::ArrayXd>& magnitude, const Eigen::Ref<const Eigen::ArrayXd>& power);

    // Mean centroid in Hz over sounding frames; 0 when none sounded.
    double centroid() const;
    // Mean flatness (0..1) over sounding frames; 1 when none sounded, the value
    // the floored, perfectly flat spectrum of silence has.
    double flatness() const;

private:
    Eigen::ArrayXd binHz_;
    double centroidSum_ = 0, flatnessSum_ = 0;
    long soundingFrames_ = 0;
};

}  // namespace seiche::analysis
