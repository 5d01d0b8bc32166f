#pragma once
// One sounding note: a sample or a synth, through SuperDirt's per-voice chain
// (envelope, crush, coarse, shape, squiz, filters, vowel), panned into an
// orbit's stereo bus. Every buffer is sized in init(); start() and render()
// never allocate.
#include <vector>

#include "audio/dsp/envelope.hpp"
#include "audio/dsp/filters.hpp"
#include "audio/dsp/synth.hpp"
#include "audio/dsp/voice_fx.hpp"
#include "audio/engine/trigger.hpp"

namespace seiche::audio {

class Voice {
public:
    void init(double sampleRate, int maxBlockSize);
    void start(const Trigger& t, int offsetInBlock);
    // A block in two phases, so the mixer can run several voices' filters side by side
    // in between. prepare() renders the source and the chain up to the filters into the
    // voice's buffer; finish() runs the filters not already run, fades, adds the block
    // panned into the orbit bus, and returns false once the voice has finished.
    enum FilterStage { kLowpass, kHighpass, kBandpass, kFilterStages };
    struct Filters {
        bool done[kFilterStages] = {false, false, false};
    };
    void prepare(int frames);
    bool finish(float* busLeft, float* busRight, Filters done);
    // After prepare(): the filter of `stage` if it may run in lanes this block (the filter
    // active and not gliding, every earlier stage the voice has already done), else nullptr.
    dsp::Svf* laneFilter(FilterStage stage, const Filters& done);
    static dsp::SvfOutput filterOutput(FilterStage stage);
    // After prepare(): the whole block's worth of this voice for a lane pass. A voice that
    // starts inside the block is preceded by silence there; its filters are fresh (zero
    // state), and zeros through a zero-state filter stay zeros, exactly.
    float* laneBuffer();
    void fadeOut();  // cut groups: a 10 ms fade instead of a click
    void prefetchBlock(int frames) const;  // asks for the sample data the next `frames` frames read

    bool active() const { return active_; }
    uint8_t orbit() const { return trigger_.orbit; }
    int32_t cutGroup() const { return trigger_.cut; }

private:
    // renderSample's steady case: samples while the position stays in [lo, hi), with no
    // other check; returns the new count of frames produced.
    template <int kChannels>
    int hermiteRun(const float* data, float* out, int produced, int frames, double lo, double hi);
    int renderSample(float* out, int frames);
    void renderChainBeforeFilters(float* buffer, int frames);
    bool usesFilter(FilterStage stage) const;
    dsp::Svf& filter(FilterStage stage);

    double sampleRate_ = 48000;
    std::vector<float> buffer_;  // room for a block of silence, then the voice's block
    int blockRoom_ = 0;
    float* buffer() { return buffer_.data() + blockRoom_; }
    Trigger trigger_{};
    bool active_ = false;
    int offset_ = 0;  // frames to wait in the first block
    int preparedStart_ = 0, preparedFrames_ = 0;  // this block's part, after prepare()

    // Sample playback: position in frames of the source, step per output frame.
    double position_ = 0, step_ = 1, stepGlide_ = 0, firstFrame_ = 0, lastFrame_ = 0;
    double loopsLeft_ = 1;
    int fadeRemaining_ = -1;  // >= 0 while fading out after a cut
    int fadeLength_ = 480;

    dsp::Synth synth_;
    dsp::Envelope envelope_;
    dsp::LowpassFilter lowpass_;
    dsp::HighpassFilter highpass_;
    dsp::BandpassFilter bandpass_;
    dsp::VowelFilter vowel_;
    dsp::Shaper shaper_;
    dsp::BitCrusher crusher_;
    dsp::Decimator decimator_;
    dsp::Squiz squiz_;
};

}  // namespace seiche::audio
