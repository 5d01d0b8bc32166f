#pragma once
// Loudness and panning with SuperDirt's curves.
//
// Gain: SuperDirt's DirtEvent computes the voice amplitude as `amp = pow(gain, 4) * amp`
// (classes/DirtEvent.sc, playSynths), with the orbit's default `amp` of 0.4
// (DirtOrbit.makeDefaultParentEvent). So `gain 1` is amplitude 0.4, `gain 0.8` about 0.16
// (-8 dB), `gain 1.2` about 0.83 (+6.3 dB). The fourth power has been SuperDirt's curve
// for as long as the event-based DirtEvent has existed; `velocity` is not part of it (it is a
// parameter of some synths, e.g. superpiano).
//
// Pan: Tidal's `pan` is unipolar (0 hard left, 0.5 centre, 1 hard right); SuperDirt turns it
// into pan * 2 - 1, folds it into [-1, 1] (so 1.25 comes back to 0.75), and pans mono sounds
// with Pan2 (equal power: left = cos, right = sin of (pos + 1) * pi / 4, each 0.707 at the
// centre). Stereo sounds go through Balance2, which uses the same gains per channel.

namespace seiche::audio::dsp {

inline constexpr double kDefaultAmp = 0.4;  // DirtOrbit's ~amp
inline constexpr double kMaxGain = 4.0;     // 4^4 = 256: plenty, and keeps amplitudes finite

// gain^4; gain clamped to [0, kMaxGain]; NaN gives 0 (silence).
double gainToAmplitude(double gain);

// The amplitude SuperDirt gives a voice: gain^4 * amp. amp is clamped to [0, 256], NaN 0.
double dirtAmplitude(double gain, double amp = kDefaultAmp);

struct StereoGains {
    float left = 0.0f;
    float right = 0.0f;
};

// Tidal's pan 0..1 (folded if outside; NaN is the centre) to equal-power channel gains.
StereoGains panGains(double pan);

// Mixes `frames` mono samples into a stereo pair: left += in * gains.left * amplitude, etc.
void panMonoAdding(const float* in, float* left, float* right, int frames, StereoGains gains,
                   float amplitude);

}  // namespace seiche::audio::dsp
