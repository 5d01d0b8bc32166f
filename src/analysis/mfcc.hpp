#pragma once
// Mel-frequency cepstral coefficients of one power spectrum: mel filterbank,
// natural log with a floor, orthonormal DCT-II, the first `coefficients` values.
#include <Eigen/Core>

#include "analysis/dct.hpp"
#include "analysis/mel_filterbank.hpp"

namespace seiche::analysis {

// Energies below this are taken as this before the log, so silence is finite.
inline constexpr double kLogFloor = 1e-10;

class Mfcc {
public:
    // Filters span 0 Hz to sampleRate / 2.
    void init(int bands, int coefficients, int windowSize, double sampleRate);
    int coefficients() const { return dct_.outputs(); }

    // power: windowSize / 2 + 1 bins; out: coefficients() values.
    void process(const Eigen::Ref<const Eigen::VectorXd>& power, Eigen::Ref<Eigen::VectorXd> out);

private:
    MelFilterbank filters_;
    Dct dct_;
    Eigen::VectorXd energies_;
};

}  // namespace seiche::analysis
