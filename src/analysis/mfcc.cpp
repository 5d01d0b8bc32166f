#include "analysis/mfcc.hpp"

namespace seiche::analysis {

void Mfcc::init(int bands, int coefficients, int windowSize, double sampleRate) {
    filters_.init(bands, windowSize, sampleRate, 0.0, sampleRate / 2.0);
    dct_.init(bands, coefficients);
    energies_.setZero(bands);
}

void Mfcc::process(const Eigen::Ref<const Eigen::VectorXd>& power, Eigen::Ref<Eigen::VectorXd> out) {
    filters_.process(power, energies_);
    energies_ = energies_.array().max(kLogFloor).log().matrix();
    dct_.process(energies_, out);
}

}  // namespace seiche::analysis
