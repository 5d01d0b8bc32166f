#include "analysis/magnitude_spectrum.hpp"

#include <cmath>
#include <numbers>

#include <unsupported/Eigen/FFT>

namespace seiche::analysis {

// Eigen's FFT with its default kissfft backend: plans are per object, so there is
// no global planner to lock (see docs/analysis.md for why not FFTW).
struct MagnitudeSpectrum::Fft {
    Eigen::FFT<double> transform;
};

MagnitudeSpectrum::MagnitudeSpectrum() : fft_(std::make_unique<Fft>()) {}
MagnitudeSpectrum::MagnitudeSpectrum(MagnitudeSpectrum&&) noexcept = default;
MagnitudeSpectrum& MagnitudeSpectrum::operator=(MagnitudeSpectrum&&) noexcept = default;
MagnitudeSpectrum::~MagnitudeSpectrum() = default;

void MagnitudeSpectrum::init(int windowSize) {
    // Periodic Hann (denominator N, not N - 1): the form that sums to a constant
    // at 50 % overlap, as spectral analysis libraries use it.
    window_.resize(windowSize);
    for (int n = 0; n < windowSize; ++n)
        window_[n] = 0.5 - 0.5 * std::cos(2.0 * std::numbers::pi * n / windowSize);
    windowed_.setZero(windowSize);
    spectrum_.assign(static_cast<std::size_t>(bins()), {});
    fft_->transform.SetFlag(Eigen::FFT<double>::HalfSpectrum);
    // The first transform of a size builds kissfft's plan and scratch buffers;
    // doing it here keeps process() free of allocation.
    fft_->transform.fwd(spectrum_.data(), windowed_.data(), windowSize);
}

void MagnitudeSpectrum::process(const Eigen::Ref<const Eigen::ArrayXd>& frame, Eigen::Ref<Eigen::ArrayXd> magnitude) {
    windowed_ = frame * window_;
    fft_->transform.fwd(spectrum_.data(), windowed_.data(), windowed_.size());
    // sqrt of the squared norm rather than std::abs, whose overflow-safe hypot is
    // several times slower and buys nothing at these magnitudes.
    for (int k = 0; k < bins(); ++k) magnitude[k] = std::sqrt(std::norm(spectrum_[static_cast<std::size_t>(k)]));
}

}  // namespace seiche::analysis
