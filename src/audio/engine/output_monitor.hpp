#pragma once
// What the GUI shows of the engine's output: a level meter (peaks since the last look)
// and a scope (the latest samples). The audio thread writes, the GUI thread reads, and
// neither locks: every shared value is an atomic (relaxed where a torn picture only
// draws one odd frame), so there is no data race and the audio thread never waits.
#include <array>
#include <atomic>
#include <cstdint>

namespace seiche::audio {

struct MeterReading {
    float peakLeft = 0, peakRight = 0;
};

class OutputMonitor {
public:
    static constexpr int kScopeSamples = 2048;  // the most scope() returns

    // Audio thread: one block of the final output (after the limiter). No allocation, no lock.
    void write(const float* left, const float* right, int frames);

    // GUI thread: the peaks since the previous takeMeter() (each an atomic exchange, so a
    // peak written meanwhile lands in this reading or the next, never nowhere).
    MeterReading takeMeter();
    // GUI thread: the latest n (<= kScopeSamples) samples, mono (L+R)/2, oldest first;
    // returns how many were written to out (fewer before that many were played). A block
    // written meanwhile may tear the picture; it is only drawn.
    int scope(float* out, int n) const;

private:
    static void raise(std::atomic<float>& peak, float value);

    std::atomic<float> peakLeft_{0}, peakRight_{0};
    // Twice the largest read, so a reader rarely overlaps the samples being written.
    static constexpr int kRing = 2 * kScopeSamples;
    std::array<std::atomic<float>, kRing> ring_{};
    std::atomic<uint64_t> written_{0};  // samples ever written; ring_[i % kRing]
};

}  // namespace seiche::audio
