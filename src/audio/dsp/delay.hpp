#pragma once
// The orbit's stereo feedback delay, with SuperDirt's controls:
//
//   delay          output level of the echoes (SuperDirt's delayAmp, set from the last
//                  event's `delay`), 0..1 (clamped to [0, 4]); glides over 10 ms
//   delaytime      seconds between echoes; the caller converts cycles to seconds when `lock`
//                  is 1 (delaytime / cps). Clamped to [1 ms, maxDelaySeconds] (SuperDirt: 4 s);
//                  NaN keeps the current time (0.25 s after init)
//   delayfeedback  level ratio of each echo to the previous one, clamped to [0, 0.99]
//
// Echo k (k = 1, 2, ...) arrives k * delaytime after the input with amplitude
// delay * delayfeedback^(k-1): the input itself is not passed through (the orbit adds its dry
// sound separately). A delaytime change cross-fades from the old tap to the new one over
// 30 ms, like SuperDirt's SwitchDelay, instead of gliding the pitch.
#include <vector>

namespace seiche::audio::dsp {

class StereoDelay {
public:
    static constexpr double kDefaultMaxDelaySeconds = 4.0;
    static constexpr double kMinDelaySeconds = 0.001;
    static constexpr double kMaxFeedback = 0.99;
    static constexpr double kSwitchSeconds = 0.03;

    // Allocates the delay lines (maxDelaySeconds, clamped to [0.01, 60]).
    void init(double sampleRate, int maxBlockSize, double maxDelaySeconds = kDefaultMaxDelaySeconds);
    void reset();

    void setDelayTime(double seconds);
    void setFeedback(double feedback);
    void setLevel(double delay);

    // Adds the echoes of (inLeft, inRight) into (outLeft, outRight). In and out may alias.
    void process(const float* inLeft, const float* inRight, float* outLeft, float* outRight, int frames);

    double delayTimeSeconds() const { return targetDelay_ / sampleRate_; }

private:
    // Where a tap `delayFrames` behind write index `writeIndex` falls: the two neighbouring
    // slots of a line of `size` and the fraction between them.
    struct Tap {
        int i0 = 0, i1 = 0;
        float frac = 0.0f;
    };
    static Tap tapAt(int writeIndex, double delayFrames, int size);
    float read(const std::vector<float>& line, double delayFrames) const;
    // process() once no cross-fade runs or is due: the one tap, the level and feedback
    // glides only if kGliding.
    template <bool kGliding>
    void processSteady(const float* inLeft, const float* inRight, float* outLeft, float* outRight, int begin,
                       int frames);
    static constexpr int kSteadyRun = 64;  // the longest run steadyRun takes at once
    // `run` (<= kSteadyRun) samples of processSteady<false> from write index w, if their taps
    // are consecutive slots clear of the line's end; false (and nothing done) otherwise.
    bool steadyRun(const float* inLeft, const float* inRight, float* outLeft, float* outRight, int run, int w,
                   float fb, float gain);

    double sampleRate_ = 48000.0;
    std::vector<float> left_;
    std::vector<float> right_;
    int writeIndex_ = 0;
    double maxDelayFrames_ = 0.0;

    double currentDelay_ = 0.0;  // frames, the tap in use
    double targetDelay_ = 0.0;   // frames, the tap asked for
    double fadingTo_ = 0.0;      // frames, the tap being faded in
    double fade_ = -1.0;         // 0..1 while cross-fading, < 0 otherwise
    double fadeStep_ = 0.0;

    double feedback_ = 0.0, feedbackTarget_ = 0.0;
    double level_ = 0.0, levelTarget_ = 0.0;
    double feedbackSmoothing_ = 0.0, levelSmoothing_ = 0.0;
};

}  // namespace seiche::audio::dsp
