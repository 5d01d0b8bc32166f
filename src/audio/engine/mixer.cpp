#include "audio/engine/mixer.hpp"

#include <algorithm>
#include <bit>
#include <cmath>

#include "audio/dsp/kernel.hpp"

namespace seiche::audio {

Mixer::Mixer(const MixerConfig& config) : config_(config), ring_(config.ringCapacity) {
    voices_.resize(static_cast<size_t>(std::max(1, config.voices)));
    activeBits_.assign((voices_.size() + 63) / 64, 0);
    serials_.assign(voices_.size(), 0);
    for (Voice& v : voices_) v.init(config.sampleRate, config.maxBlockSize);
    sounding_.reserve(voices_.size());
    filtersDone_.resize(voices_.size());
    orbits_.resize(static_cast<size_t>(std::max(1, config.orbits)));
    for (Orbit& o : orbits_) {
        for (auto* buf : {&o.left, &o.right, &o.wetLeft, &o.wetRight}) buf->assign(static_cast<size_t>(config.maxBlockSize), 0.0f);
        o.reverb.init(config.sampleRate, config.maxBlockSize);
        o.delay.init(config.sampleRate, config.maxBlockSize);
    }
    limiter_.init(config.sampleRate, config.maxBlockSize);
}

void Mixer::markActive(std::size_t index, bool active) {
    const uint64_t bit = uint64_t{1} << (index % 64);
    if (active) activeBits_[index / 64] |= bit;
    else activeBits_[index / 64] &= ~bit;
}

std::size_t Mixer::freeVoice() {
    for (std::size_t word = 0; word < activeBits_.size(); ++word) {
        if (activeBits_[word] == ~uint64_t{0}) continue;
        const std::size_t index = word * 64 + static_cast<std::size_t>(std::countr_one(activeBits_[word]));
        if (index < voices_.size()) return index;
    }
    std::size_t oldest = 0;
    for (std::size_t i = 1; i < serials_.size(); ++i)
        if (serials_[i] < serials_[oldest]) oldest = i;
    stats_.stolenVoices.fetch_add(1, std::memory_order_relaxed);
    return oldest;
}

void Mixer::startTrigger(const Trigger& t, int offset) {
    const size_t orbitIndex = std::min<size_t>(t.orbit, orbits_.size() - 1);
    Orbit& orbit = orbits_[orbitIndex];
    // Orbit effects follow the latest event that sets them, as SuperDirt's global effects do.
    if (t.room >= 0) { orbit.reverb.setRoom(t.room); orbit.reverbOn = orbit.reverbOn || t.room > 0; }
    if (t.size >= 0) orbit.reverb.setSize(t.size);
    if (t.dry >= 0) orbit.reverb.setDry(t.dry);
    if (t.delay >= 0) { orbit.delay.setLevel(t.delay); orbit.delayOn = orbit.delayOn || t.delay > 0; }
    if (t.delayTime >= 0) orbit.delay.setDelayTime(t.delayTime);
    if (t.delayFeedback >= 0) orbit.delay.setFeedback(t.delayFeedback);
    if (t.cut != 0) {
        forEachActive([&](std::size_t i) {
            Voice& v = voices_[i];
            if (v.cutGroup() == t.cut && v.orbit() == t.orbit) v.fadeOut();
        });
    }
    Trigger copy = t;
    copy.orbit = static_cast<uint8_t>(orbitIndex);
    const std::size_t index = freeVoice();
    voices_[index].start(copy, offset);
    serials_[index] = ++serial_;
    markActive(index, true);
}

void Mixer::process(int64_t firstFrame, float* left, float* right, int frames) {
    std::fill(left, left + frames, 0.0f);
    std::fill(right, right + frames, 0.0f);
    int done = 0;
    while (done < frames) {
        const int chunk = std::min(frames - done, config_.maxBlockSize);
        const int64_t chunkStart = firstFrame + done;
        // Start every trigger due in this chunk at its own sample offset.
        while (const Trigger* t = ring_.peek()) {
            if (t->frame >= chunkStart + chunk) break;
            int offset = 0;
            if (t->frame < chunkStart) stats_.lateTriggers.fetch_add(1, std::memory_order_relaxed);
            else offset = static_cast<int>(t->frame - chunkStart);
            startTrigger(*t, offset);
            ring_.pop();
        }
        renderSpan(left + done, right + done, chunk);
        done += chunk;
    }
    stats_.blocks.fetch_add(1, std::memory_order_relaxed);
}

void Mixer::runFilterLanes(int frames) {
    constexpr int kMaxLanes = dsp::Svf::kMaxLanes;
    dsp::Svf* filters[kMaxLanes];
    float* buffers[kMaxLanes];
    size_t owners[kMaxLanes];
    auto run = [&](Voice::FilterStage stage, int filled) {
        dsp::Svf::processLanes(filters, buffers, frames, Voice::filterOutput(stage), filled);
        for (int l = 0; l < filled; ++l) filtersDone_[owners[l]].done[stage] = true;
    };
    // One pass per filter, in the chain's order.
    for (int stage = 0; stage < Voice::kFilterStages; ++stage) {
        const auto which = static_cast<Voice::FilterStage>(stage);
        int filled = 0;
        for (size_t i = 0; i < sounding_.size(); ++i) {
            dsp::Svf* svf = sounding_[i]->laneFilter(which, filtersDone_[i]);
            if (!svf) continue;
            filters[filled] = svf;
            buffers[filled] = sounding_[i]->laneBuffer();
            owners[filled] = i;
            if (++filled < kMaxLanes) continue;
            run(which, filled);
            filled = 0;
        }
        // What is left over: a lane costs less than a filter run alone, except for one.
        if (filled >= 2) run(which, filled);
    }
}

SEICHE_DSP_KERNEL void Mixer::renderSpan(float* left, float* right, int frames) {
    // Most of the twelve orbits are silent most of the time: only those a voice wrote to
    // are cleared and summed.
    for (Orbit& o : orbits_) {
        if (!o.holdsSound) continue;
        std::fill(o.left.begin(), o.left.begin() + frames, 0.0f);
        std::fill(o.right.begin(), o.right.begin() + frames, 0.0f);
        o.holdsSound = false;
    }
    sounding_.clear();  // keeps its capacity: no allocation here
    forEachActive([&](std::size_t i) {
        filtersDone_[sounding_.size()] = {};
        sounding_.push_back(&voices_[i]);
    });
    // Sample data mostly comes from memory: each voice asks for its block's stretch a few
    // voices before its turn, so the loads overlap the voices in between.
    constexpr std::size_t kPrefetchAhead = 3;
    for (std::size_t i = 0; i < std::min(kPrefetchAhead, sounding_.size()); ++i) sounding_[i]->prefetchBlock(frames);
    for (std::size_t i = 0; i < sounding_.size(); ++i) {
        if (i + kPrefetchAhead < sounding_.size()) sounding_[i + kPrefetchAhead]->prefetchBlock(frames);
        sounding_[i]->prepare(frames);
    }
    if (config_.filterLanes) runFilterLanes(frames);
    int active = 0;
    for (size_t i = 0; i < sounding_.size(); ++i) {
        Voice& v = *sounding_[i];
        Orbit& o = orbits_[v.orbit()];
        o.holdsSound = true;
        if (v.finish(o.left.data(), o.right.data(), filtersDone_[i])) ++active;
        else markActive(static_cast<std::size_t>(&v - voices_.data()), false);
    }
    stats_.activeVoices.store(active, std::memory_order_relaxed);
    stats_.voiceFrames.fetch_add(static_cast<uint64_t>(active) * static_cast<uint64_t>(frames), std::memory_order_relaxed);
    if (active > stats_.peakVoices.load(std::memory_order_relaxed)) stats_.peakVoices.store(active, std::memory_order_relaxed);

    for (Orbit& o : orbits_) {
        if (o.holdsSound) {
            for (int i = 0; i < frames; ++i) {
                left[i] += o.left[static_cast<size_t>(i)];
                right[i] += o.right[static_cast<size_t>(i)];
            }
        }
        // Effects read the orbit's dry mix and add their wet signal to the output.
        if (o.reverbOn) o.reverb.process(o.left.data(), o.right.data(), left, right, frames);
        if (o.delayOn) o.delay.process(o.left.data(), o.right.data(), left, right, frames);
    }
    limiter_.process(left, right, frames);
    float peak = stats_.peakLevel.load(std::memory_order_relaxed);
    for (int i = 0; i < frames; ++i) peak = std::max({peak, std::abs(left[i]), std::abs(right[i])});
    stats_.peakLevel.store(peak, std::memory_order_relaxed);
}

}  // namespace seiche::audio
