#include "audio/engine/output_monitor.hpp"

#include <algorithm>
#include <cmath>

namespace seiche::audio {

static_assert(std::atomic<float>::is_always_lock_free, "the audio thread must not lock");
static_assert(std::atomic<uint64_t>::is_always_lock_free, "the audio thread must not lock");

void OutputMonitor::raise(std::atomic<float>& peak, float value) {
    // A compare-exchange, not load-then-store: a takeMeter() between the two would
    // otherwise be undone by the store, and the next reading would repeat an old peak.
    float seen = peak.load(std::memory_order_relaxed);
    while (value > seen && !peak.compare_exchange_weak(seen, value, std::memory_order_relaxed)) {
    }
}

void OutputMonitor::write(const float* left, const float* right, int frames) {
    float peakLeft = 0, peakRight = 0;
    uint64_t at = written_.load(std::memory_order_relaxed);
    for (int i = 0; i < frames; ++i) {
        peakLeft = std::max(peakLeft, std::abs(left[i]));
        peakRight = std::max(peakRight, std::abs(right[i]));
        ring_[static_cast<std::size_t>(at++ % kRing)].store(0.5f * (left[i] + right[i]), std::memory_order_relaxed);
    }
    written_.store(at, std::memory_order_release);
    raise(peakLeft_, peakLeft);
    raise(peakRight_, peakRight);
}

MeterReading OutputMonitor::takeMeter() {
    MeterReading r;
    r.peakLeft = peakLeft_.exchange(0, std::memory_order_relaxed);
    r.peakRight = peakRight_.exchange(0, std::memory_order_relaxed);
    return r;
}

int OutputMonitor::scope(float* out, int n) const {
    const uint64_t end = written_.load(std::memory_order_acquire);
    const auto count = static_cast<int>(std::min<uint64_t>(static_cast<uint64_t>(std::clamp(n, 0, kScopeSamples)), end));
    for (int i = 0; i < count; ++i)
        out[i] = ring_[static_cast<std::size_t>((end - static_cast<uint64_t>(count) + static_cast<uint64_t>(i)) % kRing)]
                     .load(std::memory_order_relaxed);
    return count;
}

}  // namespace seiche::audio
