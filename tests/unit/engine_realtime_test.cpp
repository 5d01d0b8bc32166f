// The audio thread's contract: Mixer::process never allocates or frees. Every
// global allocation function in this executable checks a thread-local flag that
// is raised only around process(); one allocation there fails the test.
#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <new>
#include <vector>

#include "alloc_trap/replaced_operators.hpp"
#include "audio/engine/builtin_kit.hpp"
#include "audio/engine/mixer.hpp"
#include "audio/engine/scheduler.hpp"
#include "audio/sample_bank.hpp"
#include "pattern/lang/program.hpp"

namespace {
thread_local bool onAudioThread = false;
std::atomic<long> audioAllocations{0};
}  // namespace

void* trackedAllocate(std::size_t n) {
    if (onAudioThread) audioAllocations.fetch_add(1);
    void* p = std::malloc(n ? n : 1);
    if (!p) throw std::bad_alloc();
    return p;
}
void trackedRelease(void* p) noexcept {
    if (onAudioThread && p) audioAllocations.fetch_add(1);
    std::free(p);
}

using namespace seiche;
using namespace seiche::audio;

TEST(EngineRealtime, TrapCatchesAnAllocation) {
    onAudioThread = true;
    auto* p = new std::vector<int>(10);
    delete p;
    onAudioThread = false;
    EXPECT_GE(audioAllocations.exchange(0), 2);
}

TEST(EngineRealtime, MixerNeverAllocatesDuringALongDenseRender) {
    SampleBank bank;
    registerBuiltinKit(bank);
    auto program = lang::compile(
        "d1 $ s \"bd*8 [sn cp]*4\" # room 0.4 # size 0.8 # cut \"<0 1>\"\n"
        "d2 $ n (\"0 .. 15\" + \"<0 5 7>\") # s \"supersaw superpiano\" # cutoff 2000 # resonance 0.3 # legato 2\n"
        "d3 $ jux rev $ chop 4 $ s \"arpy*8\" # speed \"1 -1 2\" # shape 0.5 # crush 6 # coarse 3 # orbit 1\n"
        "d4 $ s \"hh*16\" # pan sine # hcutoff 3000 # delay 0.5 # delaytime 0.125 # delayfeedback 0.6 # lock 1\n"
        "d5 $ s \"bass*4\" # vowel \"<a e i o u>\" # squiz 2 # bandf 800 # accelerate \"-1\" # begin 0.1 # end 0.8\n"
        "d6 $ n \"c e g\" # s \"fm sine square tri saw noise supersquare\" # attack 0.01 # release 0.2 # orbit 2");
    ASSERT_TRUE(program) << program.error->str();
    MixerConfig config;
    config.maxBlockSize = 128;
    Mixer mixer(config);
    Scheduler scheduler(mixer, bank, config.sampleRate, 1.5);
    scheduler.apply(*program.value);
    std::vector<float> left(128), right(128);
    const int64_t total = 48000 * 60;  // one minute of very dense music
    for (int64_t frame = 0; frame < total; frame += 128) {
        scheduler.fillUntil(frame + 128 + 2400);  // 50 ms lookahead, as the device thread does
        onAudioThread = true;
        mixer.process(frame, left.data(), right.data(), 128);
        onAudioThread = false;
    }
    EXPECT_EQ(audioAllocations.load(), 0);
    EXPECT_GT(scheduler.stats().triggers, 5000u);
    EXPECT_GT(mixer.stats().peakVoices.load(), 32);
    EXPECT_EQ(mixer.stats().lateTriggers.load(), 0u);
    EXPECT_LE(mixer.stats().peakLevel.load(), 0.97f);  // the limiter's ceiling
}
