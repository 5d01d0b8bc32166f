#pragma once
// Measurement helpers for tests and offline checks (not for the audio thread: they allocate).
// They let a test assert what a sound does: where its energy is, how loud, how it decays.
#include <algorithm>
#include <cmath>
#include <complex>
#include <cstddef>
#include <vector>

#include "audio/dsp/dsp_math.hpp"

namespace seiche::audio::dsp::measure {

inline double peak(const float* x, std::size_t n) {
    double p = 0.0;
    for (std::size_t i = 0; i < n; ++i) p = std::max(p, static_cast<double>(std::fabs(x[i])));
    return p;
}
inline double peak(const std::vector<float>& x) { return peak(x.data(), x.size()); }

inline double rms(const float* x, std::size_t n) {
    if (n == 0) return 0.0;
    double sum = 0.0;
    for (std::size_t i = 0; i < n; ++i) sum += static_cast<double>(x[i]) * x[i];
    return std::sqrt(sum / static_cast<double>(n));
}
inline double rms(const std::vector<float>& x) { return rms(x.data(), x.size()); }

inline bool allFinite(const float* x, std::size_t n) {
    for (std::size_t i = 0; i < n; ++i) {
        if (!std::isfinite(x[i])) return false;
    }
    return true;
}
inline bool allFinite(const std::vector<float>& x) { return allFinite(x.data(), x.size()); }

// Power of one frequency (Goertzel), normalised so a sine of amplitude A gives about A^2/4
// when the window holds many cycles.
inline double goertzelPower(const float* x, std::size_t n, double frequencyHz, double sampleRate) {
    const double w = kTwoPi * frequencyHz / sampleRate;
    const double coefficient = 2.0 * std::cos(w);
    double s1 = 0.0, s2 = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        // Hann window keeps leakage from neighbouring components out of the measurement.
        const double window = 0.5 - 0.5 * std::cos(kTwoPi * static_cast<double>(i) / static_cast<double>(n));
        const double s0 = x[i] * window + coefficient * s1 - s2;
        s2 = s1;
        s1 = s0;
    }
    const double power = s1 * s1 + s2 * s2 - coefficient * s1 * s2;
    const double norm = static_cast<double>(n) * 0.5;  // Hann coherent gain
    return power / (norm * norm);
}

// Power spectrum (|X|^2 of a Hann-windowed radix-2 FFT) of the first power-of-two samples.
// Bin k is at k * sampleRate / size.
inline std::vector<double> powerSpectrum(const float* x, std::size_t n, std::size_t& size) {
    size = 1;
    while (size * 2 <= n) size *= 2;
    std::vector<std::complex<double>> a(size);
    for (std::size_t i = 0; i < size; ++i) {
        const double window = 0.5 - 0.5 * std::cos(kTwoPi * static_cast<double>(i) / static_cast<double>(size));
        a[i] = x[i] * window;
    }
    for (std::size_t i = 1, j = 0; i < size; ++i) {  // bit reversal
        std::size_t bit = size >> 1;
        for (; j & bit; bit >>= 1) j ^= bit;
        j ^= bit;
        if (i < j) std::swap(a[i], a[j]);
    }
    for (std::size_t length = 2; length <= size; length <<= 1) {
        const double angle = -kTwoPi / static_cast<double>(length);
        const std::complex<double> wl(std::cos(angle), std::sin(angle));
        for (std::size_t i = 0; i < size; i += length) {
            std::complex<double> w(1.0);
            for (std::size_t j = 0; j < length / 2; ++j) {
                const auto u = a[i + j];
                const auto v = a[i + j + length / 2] * w;
                a[i + j] = u + v;
                a[i + j + length / 2] = u - v;
                w *= wl;
            }
        }
    }
    std::vector<double> power(size / 2 + 1);
    for (std::size_t k = 0; k < power.size(); ++k) power[k] = std::norm(a[k]);
    return power;
}

// Energy between two frequencies (inclusive), from a power spectrum.
inline double bandEnergy(const std::vector<double>& power, std::size_t size, double sampleRate, double lowHz,
                         double highHz) {
    double sum = 0.0;
    for (std::size_t k = 0; k < power.size(); ++k) {
        const double f = static_cast<double>(k) * sampleRate / static_cast<double>(size);
        if (f >= lowHz && f <= highHz) sum += power[k];
    }
    return sum;
}

inline double bandEnergy(const float* x, std::size_t n, double sampleRate, double lowHz, double highHz) {
    std::size_t size = 0;
    const auto power = powerSpectrum(x, n, size);
    return bandEnergy(power, size, sampleRate, lowHz, highHz);
}

// Frequency of the strongest bin between lowHz and highHz.
inline double dominantFrequency(const float* x, std::size_t n, double sampleRate, double lowHz = 20.0,
                                double highHz = 20000.0) {
    std::size_t size = 0;
    const auto power = powerSpectrum(x, n, size);
    std::size_t best = 0;
    double bestPower = -1.0;
    for (std::size_t k = 1; k < power.size(); ++k) {
        const double f = static_cast<double>(k) * sampleRate / static_cast<double>(size);
        if (f < lowHz || f > highHz) continue;
        if (power[k] > bestPower) {
            bestPower = power[k];
            best = k;
        }
    }
    // Parabolic interpolation between neighbouring bins for sub-bin accuracy.
    double offset = 0.0;
    if (best > 0 && best + 1 < power.size()) {
        const double a = std::log(power[best - 1] + 1e-300);
        const double b = std::log(power[best] + 1e-300);
        const double c = std::log(power[best + 1] + 1e-300);
        const double d = a - 2.0 * b + c;
        if (d != 0.0) offset = 0.5 * (a - c) / d;
    }
    return (static_cast<double>(best) + offset) * sampleRate / static_cast<double>(size);
}

// Total power of the harmonics 2..count of `fundamentalHz`, relative to the fundamental's (a
// THD-like ratio; 0 for a pure sine).
inline double harmonicRatio(const float* x, std::size_t n, double fundamentalHz, double sampleRate, int count = 10) {
    const double fundamental = goertzelPower(x, n, fundamentalHz, sampleRate);
    double harmonics = 0.0;
    for (int h = 2; h <= count; ++h) {
        const double f = fundamentalHz * h;
        if (f >= sampleRate * 0.5) break;
        harmonics += goertzelPower(x, n, f, sampleRate);
    }
    return fundamental > 0.0 ? harmonics / fundamental : 0.0;
}

}  // namespace seiche::audio::dsp::measure
