#pragma once
// Small numeric helpers shared by the DSP classes. Everything here is inline, allocation
// free and safe to call on the audio thread.
#include <algorithm>
#include <cmath>
#include <cstdint>

namespace seiche::audio::dsp {

inline constexpr double kPi = 3.14159265358979323846;
inline constexpr double kTwoPi = 2.0 * kPi;

// Controls arrive from patterns typed live; any of them may be NaN or infinite. Every setter
// funnels its value through one of these before it reaches a coefficient.
inline double finiteOr(double value, double fallback) {
    return std::isfinite(value) ? value : fallback;
}

inline double clampFinite(double value, double lo, double hi, double fallback) {
    return std::isfinite(value) ? std::clamp(value, lo, hi) : fallback;
}

// Feedback loops decay towards zero and would otherwise spend a long time in the subnormal
// range, where some CPUs are a hundred times slower. Values this small are inaudible.
inline float flushDenormal(float x) {
    return std::fabs(x) < 1e-20f ? 0.0f : x;
}

inline double flushDenormal(double x) {
    return std::fabs(x) < 1e-30 ? 0.0 : x;
}

// A NaN or an infinity that reaches a recursive filter would poison it for ever, so inputs
// of feedback structures are sanitised sample by sample.
inline float finiteSample(float x) {
    return std::isfinite(x) ? x : 0.0f;
}

// SuperCollider's linlin/linexp with their default clipping of the input range, used where
// SuperDirt maps a 0..1 control onto a physical range.
inline double linlin(double x, double inMin, double inMax, double outMin, double outMax) {
    const double t = std::clamp((x - inMin) / (inMax - inMin), 0.0, 1.0);
    return outMin + (outMax - outMin) * t;
}

inline double linexp(double x, double inMin, double inMax, double outMin, double outMax) {
    const double t = std::clamp((x - inMin) / (inMax - inMin), 0.0, 1.0);
    return outMin * std::pow(outMax / outMin, t);
}

inline double dbToAmplitude(double db) {
    return std::pow(10.0, db / 20.0);
}

inline double amplitudeToDb(double amplitude) {
    return 20.0 * std::log10(std::max(amplitude, 1e-30));
}

inline double midiToHz(double midiNote) {
    return 440.0 * std::pow(2.0, (midiNote - 69.0) / 12.0);
}

// The shape SuperCollider's Env gives a segment of numeric curvature `curve`: the fraction of
// the way from start to end level after `pos` (0..1) of the segment. SuperDirt's envelopes use
// curve -3 (fast start, slow finish).
inline double envCurve(double pos, double curve) {
    if (std::fabs(curve) < 1e-4) return pos;
    return (1.0 - std::exp(curve * pos)) / (1.0 - std::exp(curve));
}

// tanh by a Pade approximant, exact at 0 and joined continuously to +-1 at |x| = 3; its
// error (< 0.025) only colours the saturation, which is all it is used for.
inline float softClip(float x) {
    if (x <= -3.0f) return -1.0f;
    if (x >= 3.0f) return 1.0f;
    const float x2 = x * x;
    return x * (27.0f + x2) / (27.0f + 9.0f * x2);
}

// 32-bit FNV-1a, used to derive deterministic seeds from sound names.
inline std::uint32_t fnv1a(const char* data, std::size_t size, std::uint32_t hash = 2166136261u) {
    for (std::size_t i = 0; i < size; ++i) {
        hash ^= static_cast<unsigned char>(data[i]);
        hash *= 16777619u;
    }
    return hash;
}

// Sine of 2*pi*x for x already in [0, 1), by an odd polynomial on the folded quarter
// wave. Its error is below 4e-6 (-108 dB), far cheaper than std::sin in per-sample loops.
inline float fastSin2PiUnit(double x) {
    // Fold onto [-0.25, 0.25] of a cycle, where the Taylor series converges quickly. As
    // selects, not branches, so that loops over many phases vectorise.
    x = x > 0.75 ? x - 1.0 : (x > 0.25 ? 0.5 - x : x);
    const double r = x * kTwoPi;  // [-pi/2, pi/2]
    const double r2 = r * r;
    const double s = r * (1.0 + r2 * (-1.0 / 6.0 + r2 * (1.0 / 120.0 + r2 * (-1.0 / 5040.0 +
                                                                           r2 * (1.0 / 362880.0)))));
    return static_cast<float>(s);
}

// The same for any phase.
inline float fastSin2Pi(double phase) { return fastSin2PiUnit(phase - std::floor(phase)); }

}  // namespace seiche::audio::dsp
