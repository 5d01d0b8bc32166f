#include "analysis/mel_filterbank.hpp"

#include <algorithm>
#include <cmath>

namespace seiche::analysis {
namespace {

constexpr double kHzPerLinearMel = 200.0 / 3.0;
constexpr double kBreakHz = 1000.0;
constexpr double kBreakMel = kBreakHz / kHzPerLinearMel;  // 15
const double kMelsPerLogStep = std::log(6.4) / 27.0;      // 27 mels per factor 6.4 above 1 kHz

}  // namespace

double hzToMel(double hz) {
    if (hz < kBreakHz) return hz / kHzPerLinearMel;
    return kBreakMel + std::log(hz / kBreakHz) / kMelsPerLogStep;
}

double melToHz(double mel) {
    if (mel < kBreakMel) return mel * kHzPerLinearMel;
    return kBreakHz * std::exp((mel - kBreakMel) * kMelsPerLogStep);
}

void MelFilterbank::init(int bands, int windowSize, double sampleRate, double lowHz, double highHz) {
    const int bins = windowSize / 2 + 1;
    weights_.setZero(bands, bins);
    // bands + 2 edge frequencies: filter m rises from edge m to m + 1 and falls to m + 2.
    Eigen::VectorXd edges(bands + 2);
    const double lowMel = hzToMel(lowHz), highMel = hzToMel(highHz);
    for (int i = 0; i < bands + 2; ++i) edges[i] = melToHz(lowMel + (highMel - lowMel) * i / (bands + 1));
    for (int m = 0; m < bands; ++m) {
        const double left = edges[m], centre = edges[m + 1], right = edges[m + 2];
        const double area = 2.0 / (right - left);  // equal area: wide high filters don't dominate
        for (int k = 0; k < bins; ++k) {
            const double hz = k * sampleRate / windowSize;
            const double rising = (hz - left) / (centre - left);
            const double falling = (right - hz) / (right - centre);
            weights_(m, k) = std::max(0.0, std::min(rising, falling)) * area;
        }
    }
    spans_.assign(static_cast<std::size_t>(bands), {});
    for (int m = 0; m < bands; ++m) {
        Span& span = spans_[static_cast<std::size_t>(m)];
        Eigen::Index last = -1;
        for (Eigen::Index k = 0; k < bins; ++k)
            if (weights_(m, k) > 0) {
                if (last < 0) span.first = k;
                last = k;
            }
        span.count = last < 0 ? 0 : last - span.first + 1;
    }
}

void MelFilterbank::process(const Eigen::Ref<const Eigen::VectorXd>& power, Eigen::Ref<Eigen::VectorXd> energies) const {
    for (int m = 0; m < bands(); ++m) {
        const Span& span = spans_[static_cast<std::size_t>(m)];
        energies[m] = weights_.row(m).segment(span.first, span.count).dot(power.segment(span.first, span.count).transpose());
    }
}

}  // namespace seiche::analysis
