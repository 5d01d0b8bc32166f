#pragma once
// Per-voice distortions with SuperDirt's control meanings. All are mono and in place; a
// stereo voice uses one instance per channel.
//
//   shape 0..1   Shaper       y = (1+k) x / (1 + k|x|), k = 2 shape / (1 - shape); shape is
//                             clamped to [0, 1 - 4e-10] as SuperDirt does. No gain
//                             compensation: more shape is louder, as in SuperDirt.
//   crush 1..32  BitCrusher   x rounded to steps of 0.5^(crush - 1) (SuperDirt >= 1.7):
//                             crush 1 leaves three levels (-1, 0, 1), 16 is nearly
//                             transparent. Fractional values work; values below 1 are
//                             clamped to 1, NaN disables the effect.
//   coarse >= 1  Decimator    sample-and-hold every `coarse` samples (Latch at sr/coarse);
//                             SuperDirt applies it only for coarse > 1; fractional periods
//                             are honoured. Clamped to [1, 4096].
//   squiz >= 1   Squiz        the behaviour of sc3-plugins' Squiz UGen, which SuperDirt's
//                             `squiz` runs (pitchratio = squiz, one zero crossing per chunk,
//                             0.1 s of memory): the input is written into a memory that
//                             restarts at every upward zero crossing, while a play head reads
//                             it `squiz` times faster from the start of the fragment, then
//                             falls silent at the end of the memory. For periodic input that
//                             raises the pitch by `squiz` with gaps: a crude pitch-raiser
//                             between filter, ring modulator and pitch shifter. 1 (or less)
//                             leaves the sound unchanged; clamped to [1, 100] (NaN: 1).
#include <cstdint>
#include <vector>

namespace seiche::audio::dsp {

class Shaper {
public:
    void setAmount(double shape);
    void process(float* buffer, int frames) const;
    bool active() const { return k_ > 0.0; }

private:
    double k_ = 0.0;
};

class BitCrusher {
public:
    void setBits(double crush);
    void process(float* buffer, int frames) const;
    bool active() const { return step_ > 0.0; }

private:
    double step_ = 0.0;  // 0: off
};

class Decimator {
public:
    void reset();
    void setFactor(double coarse);
    void process(float* buffer, int frames);

private:
    double period_ = 1.0;
    double counter_ = 1e9;  // first sample is always taken
    float held_ = 0.0f;
};

class Squiz {
public:
    // Memory for one fragment: SuperDirt's Squiz runs with memlen 0.1 s.
    static constexpr double kMemorySeconds = 0.1;

    void init(double sampleRate, int maxBlockSize);
    void reset();
    void setRatio(double squiz);
    void process(float* buffer, int frames);

private:
    std::vector<float> memory_;
    std::int64_t writePosition_ = 0;
    double readPosition_ = 0.0;
    double ratio_ = 1.0;
    float previous_ = 0.0f;
};

}  // namespace seiche::audio::dsp
