#pragma once
// Band-limited oscillator building blocks (two-point PolyBLEP / PolyBLAMP). Phases are in
// cycles, [0, 1); increments are cycles per sample, expected in [0, 0.5).
//
// A naive sawtooth folds its harmonics above Nyquist back into the audible band; the
// polynomial residuals below replace the discontinuity (or the corner, for the triangle) by
// a short band-limited transition, which removes most of the aliasing for a few operations.
#include <cmath>

#include "audio/dsp/dsp_math.hpp"

namespace seiche::audio::dsp {

// Back into [0, 1) after an increment; the common case (one wrap) costs a comparison.
inline double wrapPhase(double phase) {
    if (phase >= 1.0) {
        phase -= 1.0;
        if (phase >= 1.0) phase -= std::floor(phase);
    } else if (phase < 0.0) {
        phase -= std::floor(phase);
    }
    return phase;
}

// The phases of the next `n` samples from `phase` at a constant increment, into `phases`;
// `phase` moves on past them. A serial recurrence: block paths compute it first and then
// run their arithmetic over the whole array.
inline void phaseRun(double& phase, double dt, double* phases, int n) {
    double p = phase;
    for (int i = 0; i < n; ++i) {
        phases[i] = p;
        p = wrapPhase(p + dt);
    }
    phase = p;
}

// Distance, in samples, from phase `t` to an edge at phase `edge`, taking the nearer of the
// two occurrences around the cycle.
inline double edgeDistance(double t, double edge, double dt) {
    double d = t - edge;
    if (d >= 0.5) d -= 1.0;
    if (d < -0.5) d += 1.0;
    return d / dt;
}

// Whether phase `t` lies within one sample (`dt`) of an edge at phase `edge`, around the
// cycle: only there do the residuals below differ from zero, so elsewhere they are skipped.
inline bool nearEdge(double t, double edge, double dt) {
    const double d = std::fabs(t - edge);
    return d < dt || d > 1.0 - dt;
}

// Band-limited minus naive, for a unit step at distance x samples (x < 0: before the step).
inline double blepResidual(double x) {
    if (x >= 1.0 || x <= -1.0) return 0.0;
    if (x < 0.0) return 0.5 * (x + 1.0) * (x + 1.0);
    return -0.5 * (1.0 - x) * (1.0 - x);
}

// Band-limited minus naive, for a unit change of slope (per sample) at distance x samples:
// the integral of the step residual.
inline double blampResidual(double x) {
    const double a = 1.0 - std::fabs(x);
    return a > 0.0 ? a * a * a / 6.0 : 0.0;
}

class SawOscillator {
public:
    void reset(double phase = 0.0) { phase_ = phase - std::floor(phase); }
    // Rising ramp -1..1, one drop of -2 per cycle.
    float tick(double dt) {
        const double t = phase_;
        double y = 2.0 * t - 1.0;
        // The residual vanishes more than one sample away from the drop at phase 0.
        if (dt > 0.0 && nearEdge(t, 0.0, dt)) y += -2.0 * blepResidual(edgeDistance(t, 0.0, dt));
        advance(dt);
        return static_cast<float>(y);
    }

private:
    void advance(double dt) { phase_ = wrapPhase(phase_ + dt); }
    double phase_ = 0.0;
};

class PulseOscillator {
public:
    void reset(double phase = 0.0) { phase_ = phase - std::floor(phase); }
    // +1 for the first `width` of the cycle, -1 after. width is clamped to [0.01, 0.99].
    float tick(double dt, double width = 0.5) {
        width = std::clamp(width, 0.01, 0.99);
        const double t = phase_;
        double y = t < width ? 1.0 : -1.0;
        if (dt > 0.0) {
            if (nearEdge(t, 0.0, dt)) y += 2.0 * blepResidual(edgeDistance(t, 0.0, dt));
            if (nearEdge(t, width, dt)) y -= 2.0 * blepResidual(edgeDistance(t, width, dt));
        }
        phase_ = wrapPhase(phase_ + dt);
        return static_cast<float>(y);
    }

private:
    double phase_ = 0.0;
};

class TriangleOscillator {
public:
    void reset(double phase = 0.0) { phase_ = phase - std::floor(phase); }
    // -1 at phase 0, +1 at phase 0.5.
    float tick(double dt) {
        const double t = phase_;
        double y = t < 0.5 ? 4.0 * t - 1.0 : 3.0 - 4.0 * t;
        // The residuals vanish more than one sample away from the corners (at 0 and 0.5),
        // which is where nearly every sample of a note lies.
        if (dt > 0.0 && (nearEdge(t, 0.0, dt) || nearEdge(t, 0.5, dt))) {
            // Slope changes by +8 cycles^-1 at phase 0 and by -8 at phase 0.5.
            const double kink = 8.0 * dt;
            y += kink * blampResidual(edgeDistance(t, 0.0, dt));
            y -= kink * blampResidual(edgeDistance(t, 0.5, dt));
        }
        phase_ = wrapPhase(phase_ + dt);
        return static_cast<float>(y);
    }
    // `frames` samples at a constant increment, times `level`, exactly as tick() gives
    // them: the phases first, the plain triangle on all of them (it vectorises), then the
    // corrections, on the few samples next to a corner.
    void process(float* out, int frames, double dt, float level) {
        constexpr int kChunk = 64;
        double phases[kChunk], ys[kChunk];
        const double kink = 8.0 * dt;
        for (int done = 0; done < frames; done += kChunk) {
            const int n = frames - done < kChunk ? frames - done : kChunk;
            phaseRun(phase_, dt, phases, n);
            for (int i = 0; i < n; ++i) ys[i] = phases[i] < 0.5 ? 4.0 * phases[i] - 1.0 : 3.0 - 4.0 * phases[i];
            for (int i = 0; dt > 0.0 && i < n; ++i) {
                const double t = phases[i];
                if (!nearEdge(t, 0.0, dt) && !nearEdge(t, 0.5, dt)) continue;
                ys[i] += kink * blampResidual(edgeDistance(t, 0.0, dt));
                ys[i] -= kink * blampResidual(edgeDistance(t, 0.5, dt));
            }
            for (int i = 0; i < n; ++i) out[done + i] = static_cast<float>(ys[i]) * level;
        }
    }

private:
    double phase_ = 0.0;
};

class SineOscillator {
public:
    void reset(double phase = 0.0) { phase_ = phase - std::floor(phase); }
    float tick(double dt) {
        const float y = fastSin2PiUnit(phase_);  // the phase stays in [0, 1)
        phase_ = wrapPhase(phase_ + dt);
        return y;
    }
    // `frames` samples at a constant increment, times `level`: the phases first (a serial
    // recurrence), then the polynomial on all of them, which vectorises.
    void process(float* out, int frames, double dt, float level) {
        constexpr int kChunk = 64;
        double phases[kChunk];
        for (int done = 0; done < frames; done += kChunk) {
            const int n = frames - done < kChunk ? frames - done : kChunk;
            phaseRun(phase_, dt, phases, n);
            for (int i = 0; i < n; ++i) out[done + i] = fastSin2PiUnit(phases[i]) * level;  // vectorises
        }
    }
    double phase() const { return phase_; }

private:
    double phase_ = 0.0;
};

}  // namespace seiche::audio::dsp
