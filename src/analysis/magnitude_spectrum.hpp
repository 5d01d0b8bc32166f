#pragma once
// The magnitude spectrum of one frame: periodic Hann window, real FFT, |X[k]| for
// the windowSize/2 + 1 bins from DC to Nyquist. Sizes are fixed by init(), so
// process() never allocates and one instance per thread needs no locking.
#include <memory>

#include <Eigen/Core>

namespace seiche::analysis {

class MagnitudeSpectrum {
public:
    MagnitudeSpectrum();
    MagnitudeSpectrum(MagnitudeSpectrum&&) noexcept;
    MagnitudeSpectrum& operator=(MagnitudeSpectrum&&) noexcept;
    ~MagnitudeSpectrum();

    // windowSize: a power of two, at least 4 (checked by the caller).
    void init(int windowSize);
    int windowSize() const { return static_cast<int>(window_.size()); }
    int bins() const { return windowSize() / 2 + 1; }
    // The window's sum: a sine of amplitude A shows as A * windowSum() / 2 in its bin.
    double windowSum() const { return window_.sum(); }

    // frame: windowSize() samples, not yet windowed; magnitude: bins() values.
    void process(const Eigen::Ref<const Eigen::ArrayXd>& frame, Eigen::Ref<Eigen::ArrayXd> magnitude);

private:
    struct Fft;  // the FFTW plan and its buffers, kept out of every includer
    std::unique_ptr<Fft> fft_;
    Eigen::ArrayXd window_;
};

}  // namespace seiche::analysis
