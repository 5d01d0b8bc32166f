// Every method the audio thread calls must not allocate or free. This test executable (the
// dsp area's own) replaces the global allocation functions with versions that count calls made
// while a thread-local "forbidden" flag is set, then drives every process path with the flag
// set. Only this executable is affected.
#include <gtest/gtest.h>

#include <atomic>
#include <cmath>
#include <cstdlib>
#include <new>
#include <vector>

#include "audio/dsp/delay.hpp"
#include "audio/dsp/envelope.hpp"
#include "audio/dsp/filters.hpp"
#include "audio/dsp/gain.hpp"
#include "audio/dsp/limiter.hpp"
#include "audio/dsp/reverb.hpp"
#include "audio/dsp/synth.hpp"
#include "audio/dsp/voice_fx.hpp"

namespace {

thread_local bool tForbidden = false;
std::atomic<int> gAllocations{0};
std::atomic<int> gFrees{0};

void* allocate(std::size_t size, std::size_t alignment = 0) {
    if (tForbidden) gAllocations.fetch_add(1, std::memory_order_relaxed);
    if (size == 0) size = 1;
    void* p = nullptr;
    if (alignment > alignof(std::max_align_t)) {
        const std::size_t rounded = (size + alignment - 1) / alignment * alignment;
        p = std::aligned_alloc(alignment, rounded);
    } else {
        p = std::malloc(size);
    }
    return p;
}

void release(void* p) {
    if (p == nullptr) return;
    if (tForbidden) gFrees.fetch_add(1, std::memory_order_relaxed);
    std::free(p);
}

// Sets the flag for its lifetime; reports what happened inside.
class ForbidAllocation {
public:
    ForbidAllocation() {
        allocationsBefore_ = gAllocations.load();
        freesBefore_ = gFrees.load();
        tForbidden = true;
    }
    ~ForbidAllocation() { tForbidden = false; }
    int allocations() const { return gAllocations.load() - allocationsBefore_; }
    int frees() const { return gFrees.load() - freesBefore_; }

private:
    int allocationsBefore_ = 0;
    int freesBefore_ = 0;
};

}  // namespace

void* operator new(std::size_t size) {
    if (void* p = allocate(size)) return p;
    throw std::bad_alloc();
}
void* operator new[](std::size_t size) {
    if (void* p = allocate(size)) return p;
    throw std::bad_alloc();
}
void* operator new(std::size_t size, const std::nothrow_t&) noexcept { return allocate(size); }
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept { return allocate(size); }
void* operator new(std::size_t size, std::align_val_t a) {
    if (void* p = allocate(size, static_cast<std::size_t>(a))) return p;
    throw std::bad_alloc();
}
void* operator new[](std::size_t size, std::align_val_t a) {
    if (void* p = allocate(size, static_cast<std::size_t>(a))) return p;
    throw std::bad_alloc();
}
void* operator new(std::size_t size, std::align_val_t a, const std::nothrow_t&) noexcept {
    return allocate(size, static_cast<std::size_t>(a));
}
void* operator new[](std::size_t size, std::align_val_t a, const std::nothrow_t&) noexcept {
    return allocate(size, static_cast<std::size_t>(a));
}
void operator delete(void* p) noexcept { release(p); }
void operator delete[](void* p) noexcept { release(p); }
void operator delete(void* p, std::size_t) noexcept { release(p); }
void operator delete[](void* p, std::size_t) noexcept { release(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { release(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { release(p); }
void operator delete(void* p, std::align_val_t) noexcept { release(p); }
void operator delete[](void* p, std::align_val_t) noexcept { release(p); }
void operator delete(void* p, std::size_t, std::align_val_t) noexcept { release(p); }
void operator delete[](void* p, std::size_t, std::align_val_t) noexcept { release(p); }
void operator delete(void* p, std::align_val_t, const std::nothrow_t&) noexcept { release(p); }
void operator delete[](void* p, std::align_val_t, const std::nothrow_t&) noexcept { release(p); }

using namespace seiche::audio::dsp;

namespace {
constexpr double kRate = 48000.0;
constexpr int kBlock = 256;
const double kValues[] = {0.0, 0.3, 1.0, 440.0, -1.0, 1e300, NAN, INFINITY};
}  // namespace

TEST(DspAllocation, TheDetectorCatchesAllocations) {
    int allocations = 0, frees = 0;
    {
        ForbidAllocation guard;
        void* p = ::operator new(64);
        ::operator delete(p);
        allocations = guard.allocations();
        frees = guard.frees();
    }
    EXPECT_EQ(allocations, 1);
    EXPECT_EQ(frees, 1);
}

TEST(DspAllocation, SynthsAndEnvelopesNeverAllocate) {
    Synth synth;
    synth.init(kRate, kBlock);
    Envelope envelope;
    envelope.init(kRate);
    std::vector<float> buffer(kBlock), gains(kBlock);
    ForbidAllocation guard;
    for (std::string_view name : synthNames()) {
        const SynthKind kind = *synthKindFromName(name);
        for (double v : kValues) {
            SynthParams params;
            params.sustain = 0.02;
            params.accelerate = params.voice = params.decay = params.resonance = params.fmi = v;
            synth.start(kind, v, params);
            for (int b = 0; b < 5; ++b) synth.process(buffer.data(), kBlock);
            synth.start(kind, 220.0, SynthParams{});
            synth.processAdding(buffer.data(), kBlock, 0.5f);
            (void)synth.finished();
        }
    }
    synth.reset();
    for (double v : kValues) {
        EnvelopeParams params;
        params.sustain = 0.05;
        params.attack = v;
        params.hold = v;
        params.release = v;
        params.fadeIn = true;
        envelope.start(params);
        for (int b = 0; b < 12; ++b) {
            envelope.apply(buffer.data(), kBlock);
            envelope.render(gains.data(), kBlock);
        }
    }
    envelope.reset();
    EXPECT_EQ(guard.allocations(), 0);
    EXPECT_EQ(guard.frees(), 0);
}

TEST(DspAllocation, FiltersAndVoiceEffectsNeverAllocate) {
    LowpassFilter lp;
    HighpassFilter hp;
    BandpassFilter bp;
    VowelFilter vowel;
    LadderFilter ladder;
    Svf svf;
    Shaper shaper;
    BitCrusher crusher;
    Decimator coarse;
    Squiz squiz;
    lp.init(kRate);
    hp.init(kRate);
    bp.init(kRate);
    vowel.init(kRate, kBlock);
    ladder.init(kRate);
    svf.init(kRate);
    squiz.init(kRate, kBlock);
    std::vector<float> buffer(4 * kBlock, 0.25f), left(kBlock), right(kBlock);
    ForbidAllocation guard;
    for (double v : kValues) {
        lp.setParams(v, v);
        hp.setParams(v, v);
        bp.setParams(v, v);
        vowel.setParams(Vowel::E, v);
        ladder.setCutoff(v);
        ladder.setFeedback(v);
        svf.setTarget(v, v);
        shaper.setAmount(v);
        crusher.setBits(v);
        coarse.setFactor(v);
        squiz.setRatio(v + 2.0);
        lp.process(buffer.data(), kBlock);
        hp.process(buffer.data(), kBlock);
        bp.process(buffer.data(), kBlock);
        vowel.process(buffer.data(), 4 * kBlock);  // longer than its scratch: processed in pieces
        for (int i = 0; i < kBlock; ++i) buffer[static_cast<std::size_t>(i)] = ladder.tick(buffer[static_cast<std::size_t>(i)]);
        svf.process(buffer.data(), kBlock, SvfOutput::BandpassUnity);
        shaper.process(buffer.data(), kBlock);
        crusher.process(buffer.data(), kBlock);
        coarse.process(buffer.data(), kBlock);
        squiz.process(buffer.data(), kBlock);
        panMonoAdding(buffer.data(), left.data(), right.data(), kBlock, panGains(v), static_cast<float>(dirtAmplitude(v)));
        (void)vowelFromName("o");
        (void)resonanceToQ(v);
        (void)gainToAmplitude(v);
    }
    lp.reset();
    hp.reset();
    bp.reset();
    vowel.reset();
    ladder.reset();
    svf.reset();
    coarse.reset();
    squiz.reset();
    EXPECT_EQ(guard.allocations(), 0);
    EXPECT_EQ(guard.frees(), 0);
}

TEST(DspAllocation, OrbitEffectsAndLimiterNeverAllocate) {
    Reverb reverb;
    StereoDelay delay;
    Limiter limiter;
    reverb.init(kRate, kBlock);
    delay.init(kRate, kBlock);
    limiter.init(kRate, kBlock);
    std::vector<float> inL(kBlock, 0.3f), inR(kBlock, -0.3f), outL(kBlock), outR(kBlock);
    ForbidAllocation guard;
    for (double v : kValues) {
        reverb.setRoom(v);
        reverb.setSize(v);
        reverb.setDry(v);
        delay.setDelayTime(v);
        delay.setFeedback(v);
        delay.setLevel(v);
        limiter.setCeilingDb(v);
        limiter.setReleaseSeconds(v);
        for (int b = 0; b < 20; ++b) {
            reverb.process(inL.data(), inR.data(), outL.data(), outR.data(), kBlock);
            delay.process(inL.data(), inR.data(), outL.data(), outR.data(), kBlock);
            for (float& x : outL) x *= 50.0f;
            limiter.process(outL.data(), outR.data(), kBlock);
        }
    }
    reverb.reset();
    delay.reset();
    limiter.reset();
    EXPECT_EQ(guard.allocations(), 0);
    EXPECT_EQ(guard.frees(), 0);
}
