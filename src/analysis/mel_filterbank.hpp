#pragma once
// Triangular mel filters on the Slaney (Auditory Toolbox) mel scale, each scaled
// to unit area in Hz, applied to a power spectrum. The exact definition is in
// docs/analysis.md; init() builds the weights once, process() is a product.
#include <vector>

#include <Eigen/Core>

namespace seiche::analysis {

// Slaney's mel scale: linear below 1 kHz (3 mels per 200 Hz), logarithmic above.
double hzToMel(double hz);
double melToHz(double mel);

class MelFilterbank {
public:
    // bands filters spread evenly in mel between lowHz and highHz, over the
    // windowSize / 2 + 1 bins of a windowSize-point FFT at sampleRate.
    void init(int bands, int windowSize, double sampleRate, double lowHz, double highHz);
    int bands() const { return static_cast<int>(weights_.rows()); }
    int bins() const { return static_cast<int>(weights_.cols()); }
    const Eigen::MatrixXd& weights() const { return weights_; }

    // power: bins() values; energies: bands() values.
    void process(const Eigen::Ref<const Eigen::VectorXd>& power, Eigen::Ref<Eigen::VectorXd> energies) const;

private:
    Eigen::MatrixXd weights_;  // bands x bins
    // Each filter's non-zero bins, [first, first + count): a filter covers a few
    // bins of 513, so the product only visits those.
    struct Span {
        Eigen::Index first = 0, count = 0;
    };
    std::vector<Span> spans_;
};

}  // namespace seiche::analysis
