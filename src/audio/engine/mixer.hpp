#pragma once
// The audio thread's whole world: triggers arrive through a lock-free ring,
// start voices at exact sample offsets, voices sum into orbit buses, each orbit
// has its reverb and delay, and a master limiter guards the output. Everything
// is sized in the constructor; process() never allocates, locks, logs or does I/O.
#include <atomic>
#include <bit>
#include <cstdint>
#include <vector>

#include "audio/dsp/delay.hpp"
#include "audio/dsp/limiter.hpp"
#include "audio/dsp/reverb.hpp"
#include "audio/engine/spsc_ring.hpp"
#include "audio/engine/trigger.hpp"
#include "audio/engine/voice.hpp"

namespace seiche::audio {

struct MixerConfig {
    double sampleRate = 48000;
    int maxBlockSize = 1024;
    int voices = 512;
    int orbits = 12;
    size_t ringCapacity = 8192;
    bool filterLanes = true;  // run voices' filters four at a time (same result; off for tests)
};

struct MixerStats {
    std::atomic<uint64_t> blocks{0};
    std::atomic<uint64_t> lateTriggers{0};  // arrived after their frame: started at once
    std::atomic<uint64_t> stolenVoices{0};
    std::atomic<int> activeVoices{0};
    std::atomic<int> peakVoices{0};
    std::atomic<uint64_t> voiceFrames{0};  // sum over blocks of sounding voices x frames: the load
    std::atomic<float> peakLevel{0};  // since the last resetPeaks(), after the limiter
};

class Mixer {
public:
    explicit Mixer(const MixerConfig& config);

    // Scheduler side: false when the ring is full.
    bool schedule(const Trigger& t) { return ring_.push(t); }

    // Audio side: renders frames [firstFrame, firstFrame + frames) into two channel buffers.
    void process(int64_t firstFrame, float* left, float* right, int frames);

    const MixerStats& stats() const { return stats_; }
    void resetPeaks() { stats_.peakLevel.store(0); }
    const MixerConfig& config() const { return config_; }
    int latencyFrames() const { return limiter_.latencyFrames(); }

private:
    struct Orbit {
        std::vector<float> left, right, wetLeft, wetRight;
        dsp::Reverb reverb;
        dsp::StereoDelay delay;
        bool reverbOn = false, delayOn = false;
        bool holdsSound = false;  // left/right hold voices' sound (else they are all zero)
    };

    void startTrigger(const Trigger& t, int offset);
    std::size_t freeVoice();
    void renderSpan(float* left, float* right, int frames);
    // Runs the lowpass, highpass and bandpass filters of the sounding voices side by side in
    // lanes (Svf::processLanes), stage by stage in the chain's order.
    void runFilterLanes(int frames);

    MixerConfig config_;
    SpscRing<Trigger> ring_;
    std::vector<Voice> voices_;
    // Which voices are active, one bit each in voice order: finding them must not touch
    // every Voice (hundreds of kilobytes, a cache miss each) once a block and per trigger.
    std::vector<uint64_t> activeBits_;
    std::vector<uint64_t> serials_;  // each voice's start serial, for stealing the oldest without visiting them
    void markActive(std::size_t index, bool active);
    template <class Visit>
    void forEachActive(Visit visit) const {  // active voices' indices, in voice order
        for (std::size_t word = 0; word < activeBits_.size(); ++word)
            for (uint64_t bits = activeBits_[word]; bits != 0; bits &= bits - 1)
                visit(word * 64 + static_cast<std::size_t>(std::countr_zero(bits)));
    }
    std::vector<Voice*> sounding_;                 // this span's active voices (capacity: all)
    std::vector<Voice::Filters> filtersDone_;      // per entry of sounding_
    std::vector<Orbit> orbits_;
    dsp::Limiter limiter_;
    MixerStats stats_;
    uint64_t serial_ = 0;
};

}  // namespace seiche::audio
