// The allocation trap of the live-engine tests: every global allocation and free made
// inside the audio callback is counted (not aborted on, so a test can say where), and
// each test asserts the count stayed zero while its engine played.
#include <atomic>
#include <cstdlib>
#include <new>

#include "alloc_trap/replaced_operators.hpp"
#include "audio/engine/audio_thread.hpp"
#include "live/live_support.hpp"

namespace {
std::atomic<long> gCallbackAllocations{0};
}

long audioCallbackAllocations() { return gCallbackAllocations.load(); }

void* trackedAllocate(std::size_t n) {
    if (seiche::audio::audio_thread::inCallback()) gCallbackAllocations.fetch_add(1);
    void* p = std::malloc(n ? n : 1);
    if (!p) throw std::bad_alloc();
    return p;
}

void trackedRelease(void* p) noexcept {
    if (p && seiche::audio::audio_thread::inCallback()) gCallbackAllocations.fetch_add(1);
    std::free(p);
}
