#include "audio/dsp/gain.hpp"

#include <algorithm>
#include <cmath>

#include "audio/dsp/dsp_math.hpp"
#include "audio/dsp/kernel.hpp"

namespace seiche::audio::dsp {

double gainToAmplitude(double gain) {
    const double g = clampFinite(gain, 0.0, kMaxGain, 0.0);
    const double g2 = g * g;
    return g2 * g2;
}

double dirtAmplitude(double gain, double amp) {
    return gainToAmplitude(gain) * clampFinite(amp, 0.0, 256.0, 0.0);
}

StereoGains panGains(double pan) {
    // pan * 2 - 1, folded into [-1, 1] like SuperCollider's fold (a triangle of period 4).
    double position = finiteOr(pan, 0.5) * 2.0 - 1.0;
    double t = std::fmod(position + 1.0, 4.0);
    if (t < 0.0) t += 4.0;
    if (t > 2.0) t = 4.0 - t;
    position = t - 1.0;
    const double angle = (position + 1.0) * kPi / 4.0;
    return {static_cast<float>(std::cos(angle)), static_cast<float>(std::sin(angle))};
}

SEICHE_DSP_KERNEL void panMonoAdding(const float* in, float* left, float* right, int frames, StereoGains gains,
                                     float amplitude) {
    const float l = gains.left * amplitude;
    const float r = gains.right * amplitude;
    for (int i = 0; i < frames; ++i) {
        left[i] += in[i] * l;
        right[i] += in[i] * r;
    }
}

}  // namespace seiche::audio::dsp
