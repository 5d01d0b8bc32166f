#pragma once
// A tiny deterministic random generator. Renders must be bit-identical from run to run and
// from machine to machine, so noise comes from integer arithmetic seeded explicitly, never
// from std::random_device or from the distributions of <random> (their output is
// implementation defined).
#include <cstdint>

namespace seiche::audio::dsp {

class Random {
public:
    explicit Random(std::uint64_t seed = 0) { reseed(seed); }

    // SplitMix64 spreads even small or similar seeds over the whole state space.
    void reseed(std::uint64_t seed) {
        std::uint64_t z = seed + 0x9E3779B97F4A7C15ull;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        state_ = (z ^ (z >> 31)) | 1ull;  // xorshift must not start at zero
    }

    // xorshift64*: good enough statistics for audio noise, one multiply per number.
    std::uint32_t nextU32() {
        state_ ^= state_ >> 12;
        state_ ^= state_ << 25;
        state_ ^= state_ >> 27;
        return static_cast<std::uint32_t>((state_ * 0x2545F4914F6CDD1Dull) >> 32);
    }

    // Uniform in [0, 1), exactly representable (24 bits), so identical on every platform.
    float unit() { return static_cast<float>(nextU32() >> 8) * (1.0f / 16777216.0f); }

    // Uniform in [-1, 1).
    float bipolar() { return unit() * 2.0f - 1.0f; }

private:
    std::uint64_t state_ = 1;
};

}  // namespace seiche::audio::dsp
