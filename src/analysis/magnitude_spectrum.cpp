#include "analysis/magnitude_spectrum.hpp"

#include <fftw3.h>

#include <cmath>
#include <mutex>
#include <numbers>

namespace seiche::analysis {
namespace {

// FFTW's planner is global state: creating and destroying plans must not run on
// two threads at once. Executing different plans concurrently is safe, so only
// init() and destruction take this lock (see docs/analysis.md).
std::mutex& plannerLock() {
    static std::mutex lock;
    return lock;
}

}  // namespace

struct MagnitudeSpectrum::Fft {
    explicit Fft(int points) : size(points) {
        std::lock_guard guard(plannerLock());
        input = fftw_alloc_real(static_cast<std::size_t>(size));
        output = fftw_alloc_complex(static_cast<std::size_t>(size / 2 + 1));
        // FFTW_ESTIMATE: the plan depends on the size alone, not on timing
        // measurements, so every run computes exactly the same thing.
        plan = fftw_plan_dft_r2c_1d(size, input, output, FFTW_ESTIMATE);
    }
    ~Fft() {
        std::lock_guard guard(plannerLock());
        fftw_destroy_plan(plan);
        fftw_free(output);
        fftw_free(input);
    }
    Fft(const Fft&) = delete;
    Fft& operator=(const Fft&) = delete;

    int size;
    double* input = nullptr;
    fftw_complex* output = nullptr;
    fftw_plan plan = nullptr;
};

MagnitudeSpectrum::MagnitudeSpectrum() = default;
MagnitudeSpectrum::MagnitudeSpectrum(MagnitudeSpectrum&&) noexcept = default;
MagnitudeSpectrum& MagnitudeSpectrum::operator=(MagnitudeSpectrum&&) noexcept = default;
MagnitudeSpectrum::~MagnitudeSpectrum() = default;

void MagnitudeSpectrum::init(int windowSize) {
    // Periodic Hann (denominator N, not N - 1): the form that sums to a constant
    // at 50 % overlap, as spectral analysis libraries use it.
    window_.resize(windowSize);
    for (int n = 0; n < windowSize; ++n)
        window_[n] = 0.5 - 0.5 * std::cos(2.0 * std::numbers::pi * n / windowSize);
    fft_ = std::make_unique<Fft>(windowSize);
}

void MagnitudeSpectrum::process(const Eigen::Ref<const Eigen::ArrayXd>& frame, Eigen::Ref<Eigen::ArrayXd> magnitude) {
    Eigen::Map<Eigen::ArrayXd>(fft_->input, fft_->size) = frame * window_;
    fftw_execute(fft_->plan);
    for (int k = 0; k < bins(); ++k) {
        const double re = fft_->output[k][0], im = fft_->output[k][1];
        magnitude[k] = std::sqrt(re * re + im * im);
    }
}

}  // namespace seiche::analysis
