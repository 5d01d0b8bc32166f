#include "audio/dsp/kit.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include "audio/dsp/dsp_math.hpp"
#include "audio/dsp/filters.hpp"
#include "audio/dsp/oscillators.hpp"
#include "audio/dsp/random.hpp"

namespace seiche::audio::dsp {

namespace {

using Buffer = std::vector<float>;

constexpr std::string_view kNames[] = {"bd", "sn",   "sd",   "hh",   "hc", "oh", "ho", "cp", "lt", "mt",
                                       "ht", "rim", "cb",   "cr",   "bass", "arpy", "perc", "tabla"};

// The TR-808's six cymbal/hi-hat square oscillators (Hz).
constexpr double kMetalHz[6] = {205.3, 304.4, 369.6, 522.7, 540.0, 800.0};
constexpr int kPentatonic[11] = {0, 2, 4, 7, 9, 12, 14, 16, 19, 21, 24};

std::string_view canonicalName(std::string_view name) {
    if (name == "sd") return "sn";
    if (name == "ho") return "oh";
    if (name == "hc") return "hh";
    return name;
}

int variantCount(std::string_view canonical) {
    if (canonical == "bd" || canonical == "sn") return 5;
    if (canonical == "hh" || canonical == "oh" || canonical == "cp" || canonical == "bass" ||
        canonical == "perc" || canonical == "tabla")
        return 4;
    if (canonical == "lt" || canonical == "mt" || canonical == "ht" || canonical == "rim" ||
        canonical == "cb" || canonical == "cr")
        return 3;
    if (canonical == "arpy") return 11;
    return 0;
}

// Offline rendering helpers. These allocate freely: the kit is rendered once, off the audio
// thread.
struct Render {
    double rate;
    Random random;

    Buffer make(double seconds) const {
        seconds = std::min(seconds, kKitMaxSeconds);
        return Buffer(static_cast<std::size_t>(std::max(1.0, std::floor(seconds * rate))), 0.0f);
    }
    double time(std::size_t i) const { return static_cast<double>(i) / rate; }

    void filter(Buffer& b, SvfOutput output, double hz, double q) const {
        Svf svf;
        svf.init(rate);
        svf.setTarget(hz, q);
        svf.process(b.data(), static_cast<int>(b.size()), output);
    }
    void lowpass(Buffer& b, double hz, double q = 0.707) const { filter(b, SvfOutput::Lowpass, hz, q); }
    void highpass(Buffer& b, double hz, double q = 0.707) const { filter(b, SvfOutput::Highpass, hz, q); }
    void bandpass(Buffer& b, double hz, double q) const { filter(b, SvfOutput::BandpassUnity, hz, q); }

    Buffer noise(double seconds) {
        Buffer b = make(seconds);
        for (float& x : b) x = random.bipolar();
        return b;
    }

    // Sum of the six 808 square oscillators, scaled in frequency.
    Buffer metal(double seconds, double scale) const {
        Buffer b = make(seconds);
        std::array<PulseOscillator, 6> oscillators{};
        for (std::size_t k = 0; k < 6; ++k) oscillators[k].reset(0.13 * static_cast<double>(k));
        for (float& x : b) {
            float sum = 0.0f;
            for (std::size_t k = 0; k < 6; ++k) sum += oscillators[k].tick(std::min(kMetalHz[k] * scale / rate, 0.45));
            x = sum / 6.0f;
        }
        return b;
    }

    // A sine whose frequency falls exponentially from start*base to base with time constant
    // `sweep` seconds.
    Buffer sweptSine(double seconds, double base, double startRatio, double sweep) const {
        Buffer b = make(seconds);
        double phase = 0.0;
        for (std::size_t i = 0; i < b.size(); ++i) {
            const double f = base * (1.0 + (startRatio - 1.0) * std::exp(-time(i) / sweep));
            b[i] = fastSin2Pi(phase);
            phase += f / rate;
            phase -= std::floor(phase);
        }
        return b;
    }

    // amplitude *= attack ramp then exp(-t / tau).
    void decay(Buffer& b, double tau, double attack = 0.0005) const {
        for (std::size_t i = 0; i < b.size(); ++i) {
            const double t = time(i);
            const double a = attack > 0.0 ? std::min(1.0, t / attack) : 1.0;
            b[i] = static_cast<float>(b[i] * a * std::exp(-t / tau));
        }
    }

    static void mix(Buffer& into, const Buffer& from, double gain) {
        const std::size_t n = std::min(into.size(), from.size());
        for (std::size_t i = 0; i < n; ++i) into[i] += static_cast<float>(gain * from[i]);
    }

    static void drive(Buffer& b, double amount) {
        const double norm = std::tanh(amount);
        for (float& x : b) x = static_cast<float>(std::tanh(amount * x) / norm);
    }
};

// Trims the inaudible tail, fades the last few milliseconds to zero and normalises the peak.
Buffer finish(Buffer b, double rate) {
    float peak = 0.0f;
    for (float x : b) peak = std::max(peak, std::fabs(x));
    if (peak <= 0.0f || !std::isfinite(peak)) return Buffer(static_cast<std::size_t>(rate * 0.01), 0.0f);
    std::size_t end = b.size();
    const float floor = peak * 1e-4f;  // -80 dB
    while (end > 1 && std::fabs(b[end - 1]) < floor) --end;
    end = std::min(b.size(), end + static_cast<std::size_t>(0.002 * rate));
    b.resize(end);
    const std::size_t fade = std::min(b.size(), static_cast<std::size_t>(0.005 * rate));
    for (std::size_t i = 0; i < fade; ++i) {
        // i counts back from the last sample, which ends at exactly zero.
        const double pos = static_cast<double>(i) / static_cast<double>(fade);
        b[b.size() - 1 - i] *= static_cast<float>(0.5 - 0.5 * std::cos(kPi * pos));
    }
    const float scale = kKitPeak / peak;
    for (float& x : b) x *= scale;
    return b;
}

Buffer kick(Render& r, int v) {
    struct Recipe { double base, start, sweep, tau, length, click, drive; };
    static constexpr Recipe recipes[5] = {
        {52, 3.0, 0.045, 0.40, 1.2, 0.25, 1.2},  // round 808-like
        {60, 4.0, 0.025, 0.16, 0.5, 0.55, 2.0},  // punchy
        {48, 5.0, 0.030, 0.28, 0.8, 0.45, 5.0},  // hard, distorted
        {72, 2.0, 0.020, 0.11, 0.4, 0.20, 1.0},  // soft and short
        {42, 3.0, 0.060, 0.70, 1.9, 0.15, 1.5},  // long boom
    };
    const Recipe& k = recipes[v];
    Buffer body = r.sweptSine(k.length, k.base, k.start, k.sweep);
    r.decay(body, k.tau, 0.001);
    Buffer click = r.noise(0.02);
    r.highpass(click, 2500.0);
    r.decay(click, 0.003);
    Render::mix(body, click, k.click);
    Render::drive(body, k.drive);
    return body;
}

Buffer snare(Render& r, int v) {
    struct Recipe { double f1, f2, toneTau, noiseTau, hp, lp, tone, length, drive; };
    static constexpr Recipe recipes[5] = {
        {185, 330, 0.06, 0.16, 1500, 9000, 0.50, 0.5, 1.0},
        {200, 350, 0.05, 0.22, 1000, 7000, 0.35, 0.6, 1.0},
        {160, 280, 0.08, 0.12, 2500, 12000, 0.60, 0.4, 1.0},
        {220, 400, 0.03, 0.30, 800, 6000, 0.30, 0.8, 1.0},
        {180, 320, 0.05, 0.18, 1800, 10000, 0.45, 0.5, 3.0},
    };
    const Recipe& s = recipes[v];
    Buffer tone = r.sweptSine(s.length, s.f1, 1.3, 0.01);
    Render::mix(tone, r.sweptSine(s.length, s.f2, 1.2, 0.01), 0.6);
    r.decay(tone, s.toneTau);
    Buffer rattle = r.noise(s.length);
    r.highpass(rattle, s.hp);
    r.lowpass(rattle, s.lp);
    r.decay(rattle, s.noiseTau, 0.001);
    Buffer out = r.make(s.length);
    Render::mix(out, tone, s.tone);
    Render::mix(out, rattle, 1.0 - s.tone + 0.2);
    if (s.drive > 1.0) Render::drive(out, s.drive);
    return out;
}

Buffer hat(Render& r, int v, bool open) {
    struct Recipe { double scale, noise, hp, closedTau, openTau; };
    static constexpr Recipe recipes[4] = {
        {1.00, 0.3, 7000, 0.035, 0.25},
        {1.10, 0.6, 6000, 0.050, 0.35},
        {0.90, 0.2, 9000, 0.020, 0.18},
        {1.25, 0.5, 5000, 0.080, 0.50},
    };
    const Recipe& h = recipes[v];
    const double tau = open ? h.openTau : h.closedTau;
    const double length = std::min(kKitMaxSeconds, tau * 7.0 + 0.01);
    Buffer out = r.metal(length, h.scale * 2.0);
    Render::mix(out, r.noise(length), h.noise);
    r.bandpass(out, 10000.0, 0.8);
    r.highpass(out, h.hp, 0.8);
    r.highpass(out, h.hp, 0.8);
    r.decay(out, tau, 0.0005);
    return out;
}

Buffer clap(Render& r, int v) {
    struct Recipe { double spacing; int bursts; double tail, center; };
    static constexpr Recipe recipes[4] = {
        {0.010, 3, 0.12, 1200}, {0.008, 4, 0.18, 1000}, {0.013, 3, 0.08, 1600}, {0.011, 4, 0.25, 900}};
    const Recipe& c = recipes[v];
    const double length = c.spacing * c.bursts + c.tail * 6.0;
    Buffer out = r.noise(length);
    const double tailStart = c.spacing * (c.bursts - 1);
    for (std::size_t i = 0; i < out.size(); ++i) {
        const double t = r.time(i);
        double env;
        if (t < tailStart) {
            const double since = std::fmod(t, c.spacing);
            env = std::exp(-since / 0.004);
        } else {
            env = std::exp(-(t - tailStart) / c.tail);
        }
        out[i] = static_cast<float>(out[i] * env);
    }
    r.bandpass(out, c.center, 1.5);
    r.highpass(out, 600.0);
    return out;
}

Buffer tom(Render& r, int v, double base, double tau) {
    static constexpr double pitch[3] = {1.0, 0.87, 1.2};
    static constexpr double length[3] = {1.0, 1.15, 0.85};
    const double f = base * pitch[v];
    const double t = tau * length[v];
    Buffer body = r.sweptSine(std::min(kKitMaxSeconds, t * 4.5), f, 1.5, 0.05);
    r.decay(body, t, 0.001);
    Buffer skin = r.noise(0.05);
    r.lowpass(skin, 3000.0);
    r.decay(skin, 0.008);
    Render::mix(body, skin, 0.25);
    return body;
}

Buffer rim(Render& r, int v) {
    static constexpr double scale[3] = {1.0, 1.2, 0.85};
    static constexpr double tau[3] = {0.012, 0.008, 0.018};
    Buffer low = r.sweptSine(0.12, 500.0 * scale[v], 1.0, 1.0);
    r.decay(low, tau[v]);
    Buffer high = r.sweptSine(0.12, 1700.0 * scale[v], 1.0, 1.0);
    r.decay(high, tau[v] * 0.7);
    Buffer click = r.noise(0.02);
    r.highpass(click, 2000.0);
    r.decay(click, 0.002);
    Buffer out = r.make(0.12);
    Render::mix(out, low, 0.6);
    Render::mix(out, high, 0.8);
    Render::mix(out, click, 0.5);
    Render::drive(out, 3.0);
    return out;
}

Buffer cowbell(Render& r, int v) {
    static constexpr double scale[3] = {1.0, 1.12, 0.9};
    static constexpr double tail[3] = {0.25, 0.18, 0.35};
    const double length = 0.02 + tail[v] * 5.0;
    Buffer out = r.make(length);
    PulseOscillator a, b;
    for (float& x : out) {
        x = 0.5f * a.tick(540.0 * scale[v] / r.rate) + 0.5f * b.tick(800.0 * scale[v] / r.rate);
    }
    r.bandpass(out, 1000.0 * scale[v], 1.2);
    r.highpass(out, 400.0);
    for (std::size_t i = 0; i < out.size(); ++i) {
        const double t = r.time(i);
        out[i] = static_cast<float>(out[i] * std::min(1.0, t / 0.0005) *
                                    (0.6 * std::exp(-t / 0.015) + 0.4 * std::exp(-t / tail[v])));
    }
    return out;
}

Buffer crash(Render& r, int v) {
    static constexpr double tau[3] = {0.50, 0.40, 0.60};
    static constexpr double scale[3] = {2.0, 2.3, 1.8};
    Buffer out = r.metal(kKitMaxSeconds, scale[v] * 2.0);
    Render::mix(out, r.noise(kKitMaxSeconds), 0.6);
    r.highpass(out, 4000.0, 0.7);
    r.highpass(out, 3000.0, 0.7);
    r.lowpass(out, 14000.0);
    r.decay(out, tau[v], 0.001);
    // Reach silence smoothly inside the two seconds.
    const std::size_t fade = static_cast<std::size_t>(0.4 * r.rate);
    for (std::size_t i = 0; i < fade && i < out.size(); ++i) {
        const double pos = static_cast<double>(i) / static_cast<double>(fade);
        out[out.size() - 1 - i] *= static_cast<float>(pos);
    }
    return out;
}

Buffer bass(Render& r, int v) {
    const double f = kBassBaseHz;
    Buffer out;
    switch (v) {
        case 0: {  // filtered saw pluck
            out = r.make(1.0);
            SawOscillator saw;
            for (float& x : out) x = saw.tick(f / r.rate);
            Svf svf;
            svf.init(r.rate);
            const int block = 64;
            for (std::size_t i = 0; i < out.size(); i += block) {
                svf.setTarget(200.0 + 2500.0 * std::exp(-r.time(i) / 0.08), 3.0);
                const int n = static_cast<int>(std::min<std::size_t>(block, out.size() - i));
                svf.process(out.data() + i, n, SvfOutput::Lowpass);
            }
            r.decay(out, 0.5, 0.002);
            break;
        }
        case 1: {  // square reinforced by a sine at its fundamental
            out = r.make(0.9);
            PulseOscillator square;
            double phase = 0.0;
            for (float& x : out) {
                x = 0.5f * square.tick(f / r.rate) + 0.7f * fastSin2Pi(phase);
                phase += f / r.rate;
                phase -= std::floor(phase);
            }
            r.lowpass(out, 800.0);
            r.decay(out, 0.35, 0.002);
            break;
        }
        case 2: {  // two-operator FM with a decaying index
            out = r.make(1.0);
            double carrier = 0.0, modulator = 0.0;
            for (std::size_t i = 0; i < out.size(); ++i) {
                const double index = 2.5 * std::exp(-r.time(i) / 0.1);
                out[i] = fastSin2Pi(carrier + index * fastSin2Pi(modulator) / kTwoPi);
                carrier += f / r.rate;
                modulator += f / r.rate;
                carrier -= std::floor(carrier);
                modulator -= std::floor(modulator);
            }
            r.decay(out, 0.4, 0.002);
            break;
        }
        default: {  // sub bass: sine, a little second harmonic, a click
            out = r.make(1.5);
            double phase = 0.0;
            for (float& x : out) {
                x = fastSin2Pi(phase) + 0.25f * fastSin2Pi(2.0 * phase);
                phase += f / r.rate;
                phase -= std::floor(phase);
            }
            r.decay(out, 0.8, 0.003);
            Buffer click = r.noise(0.01);
            r.lowpass(click, 2000.0);
            r.decay(click, 0.002);
            Render::mix(out, click, 0.3);
            break;
        }
    }
    return out;
}

// Karplus-Strong plucked string tuned with a first-order all-pass for the fractional delay.
Buffer pluck(Render& r, double frequency, double t60) {
    Buffer out = r.make(1.2);
    // Loop delay = integer line + all-pass fraction + half a sample for the averaging filter.
    const double period = r.rate / frequency - 0.5;
    int length = static_cast<int>(std::floor(period));
    double fraction = period - length;
    if (fraction < 0.1) {  // keep the all-pass coefficient away from its unstable edge
        fraction += 1.0;
        length -= 1;
    }
    length = std::max(length, 2);
    const double c = (1.0 - fraction) / (1.0 + fraction);
    const double loss = std::pow(10.0, -3.0 / (t60 * frequency));
    Buffer line(static_cast<std::size_t>(length), 0.0f);
    // The initial shape of a string plucked at 30 % of its length (a triangle, whose
    // harmonics fall as 1/n^2, so the fundamental dominates) with a little softened noise
    // for the attack's grain; mean removed so no DC circulates.
    double lp = 0.0, mean = 0.0;
    const double pluckPoint = 0.3 * length;
    for (int i = 0; i < length; ++i) {
        const double pos = static_cast<double>(i);
        const double shape = pos < pluckPoint ? pos / pluckPoint : (length - pos) / (length - pluckPoint);
        lp += 0.5 * (r.random.bipolar() - lp);
        const double x = 0.8 * shape + 0.25 * lp;
        line[static_cast<std::size_t>(i)] = static_cast<float>(x);
        mean += x;
    }
    mean /= length;
    for (float& x : line) x = static_cast<float>(x - mean);
    std::size_t index = 0;
    double previous = 0.0, apIn = 0.0, apOut = 0.0;
    for (float& y : out) {
        const double current = line[index];
        const double averaged = loss * 0.5 * (current + previous);
        previous = current;
        const double tuned = c * averaged + apIn - c * apOut;  // first-order all-pass
        apIn = averaged;
        apOut = tuned;
        line[index] = static_cast<float>(flushDenormal(tuned));
        index = (index + 1) % line.size();
        y = static_cast<float>(current);
    }
    r.decay(out, 10.0, 0.001);
    return out;
}

Buffer perc(Render& r, int v) {
    switch (v) {
        case 0: {  // woodblock
            Buffer out = r.sweptSine(0.2, 800.0, 1.1, 0.005);
            Render::mix(out, r.sweptSine(0.2, 1630.0, 1.0, 1.0), 0.5);
            r.decay(out, 0.03);
            return out;
        }
        case 1: {  // small bell: inharmonic partials
            Buffer out = r.make(1.5);
            static constexpr double ratios[4] = {1.0, 2.76, 5.40, 8.93};
            for (int k = 0; k < 4; ++k) {
                Buffer partial = r.sweptSine(1.5, 600.0 * ratios[k], 1.0, 1.0);
                r.decay(partial, 0.4 / (1.0 + k), 0.0005);
                Render::mix(out, partial, 1.0 / (1.0 + k));
            }
            return out;
        }
        case 2: {  // shaker
            Buffer out = r.noise(0.3);
            r.highpass(out, 5000.0);
            for (std::size_t i = 0; i < out.size(); ++i) {
                const double t = r.time(i);
                out[i] = static_cast<float>(out[i] * std::min(1.0, t / 0.01) * std::exp(-std::max(0.0, t - 0.01) / 0.05));
            }
            return out;
        }
        default: {  // conga-like
            Buffer out = r.sweptSine(0.9, 220.0, 1.4, 0.02);
            r.decay(out, 0.15, 0.0005);
            Buffer slap = r.noise(0.02);
            r.bandpass(slap, 2000.0, 1.0);
            r.decay(slap, 0.004);
            Render::mix(out, slap, 0.3);
            return out;
        }
    }
}

Buffer tabla(Render& r, int v) {
    switch (v) {
        case 0: {  // na: bright ringing stroke, nearly harmonic partials
            Buffer out = r.make(1.2);
            for (int k = 1; k <= 4; ++k) {
                Buffer partial = r.sweptSine(1.2, 350.0 * k * (1.0 + 0.01 * k), 1.0, 1.0);
                r.decay(partial, 0.25 / k, 0.0005);
                Render::mix(out, partial, 1.0 / k);
            }
            Buffer snap = r.noise(0.02);
            r.highpass(snap, 3000.0);
            r.decay(snap, 0.003);
            Render::mix(out, snap, 0.3);
            return out;
        }
        case 1: {  // ge: bass stroke whose pitch bends upwards
            Buffer out = r.make(1.6);
            double phase = 0.0;
            for (std::size_t i = 0; i < out.size(); ++i) {
                const double t = r.time(i);
                const double f = 90.0 * (1.0 + 0.35 * (1.0 - std::exp(-t / 0.12)));
                out[i] = fastSin2Pi(phase);
                phase += f / r.rate;
                phase -= std::floor(phase);
            }
            r.decay(out, 0.4, 0.002);
            return out;
        }
        case 2: {  // tin
            Buffer out = r.sweptSine(0.8, 500.0, 1.05, 0.01);
            Render::mix(out, r.sweptSine(0.8, 1010.0, 1.0, 1.0), 0.4);
            r.decay(out, 0.15, 0.0005);
            return out;
        }
        default: {  // ka: dry slap
            Buffer out = r.noise(0.2);
            r.lowpass(out, 2000.0);
            r.decay(out, 0.03, 0.0005);
            return out;
        }
    }
}

}  // namespace

std::span<const std::string_view> kitSoundNames() {
    return {kNames, std::size(kNames)};
}

int kitVariantCount(std::string_view name) {
    return variantCount(canonicalName(name));
}

std::vector<float> synthesizeKitSound(std::string_view name, int variant, double sampleRate) {
    const std::string_view canonical = canonicalName(name);
    const int count = variantCount(canonical);
    if (count == 0) return {};
    int v = variant % count;
    if (v < 0) v += count;
    const double rate = clampFinite(sampleRate, 8000.0, 384000.0, 48000.0);
    const std::uint32_t seed = fnv1a(canonical.data(), canonical.size()) ^ (static_cast<std::uint32_t>(v) * 0x9E3779B9u);
    Render r{rate, Random(seed)};

    Buffer out;
    if (canonical == "bd") out = kick(r, v);
    else if (canonical == "sn") out = snare(r, v);
    else if (canonical == "hh") out = hat(r, v, false);
    else if (canonical == "oh") out = hat(r, v, true);
    else if (canonical == "cp") out = clap(r, v);
    else if (canonical == "lt") out = tom(r, v, 85.0, 0.35);
    else if (canonical == "mt") out = tom(r, v, 125.0, 0.28);
    else if (canonical == "ht") out = tom(r, v, 180.0, 0.22);
    else if (canonical == "rim") out = rim(r, v);
    else if (canonical == "cb") out = cowbell(r, v);
    else if (canonical == "cr") out = crash(r, v);
    else if (canonical == "bass") out = bass(r, v);
    else if (canonical == "arpy") out = pluck(r, kArpyBaseHz * std::pow(2.0, kPentatonic[v] / 12.0), 1.2);
    else if (canonical == "perc") out = perc(r, v);
    else if (canonical == "tabla") out = tabla(r, v);
    return finish(std::move(out), rate);
}

}  // namespace seiche::audio::dsp
