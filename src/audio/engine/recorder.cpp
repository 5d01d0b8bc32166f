#include "audio/engine/recorder.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <system_error>

namespace seiche::audio {

Recorder::Recorder(double sampleRate, double bufferSeconds)
    : sampleRate_(static_cast<int>(std::lround(sampleRate))),
      bufferSeconds_(std::isfinite(bufferSeconds) ? std::clamp(bufferSeconds, 0.1, 600.0) : 8.0) {}

Recorder::~Recorder() { stop(); }

std::string Recorder::start(const std::string& path) {
    std::lock_guard control(control_);
    if (writer_.joinable()) {
        if (const RecordingStatus now = status(); now.active) return "already recording to '" + now.path + "'";
        writer_.join();  // a recording that failed: its writer has finished
    }
    if (std::string why = file_.open(path, sampleRate_); !why.empty())
        return why;
    if (!ring_) {
        capacity_ = static_cast<uint64_t>(std::llround(bufferSeconds_ * sampleRate_));
        ring_ = std::make_unique<float[]>(capacity_ * 2);
    }
    // Nothing touches the ring now: capture is off and no write() is inside it.
    written_.store(0, std::memory_order_relaxed);
    read_.store(0, std::memory_order_relaxed);
    lost_.store(0, std::memory_order_relaxed);
    {
        std::lock_guard lock(statusMutex_);
        status_ = RecordingStatus{true, false, 0, path, ""};
    }
    {
        std::lock_guard lock(wakeMutex_);
        stopRequested_ = false;
    }
    try {
        writer_ = std::thread([this] { writerLoop(); });
    } catch (const std::system_error& e) {
        file_.close();
        std::lock_guard lock(statusMutex_);
        status_.active = false;
        return std::string("cannot start the recording's writer thread: ") + e.what();
    }
    capturing_.store(true, std::memory_order_seq_cst);  // publishes the reset counters too
    return "";
}

void Recorder::stop() {
    std::lock_guard control(control_);
    if (!writer_.joinable()) return;
    {
        std::lock_guard lock(wakeMutex_);
        stopRequested_ = true;
    }
    wake_.notify_all();
    writer_.join();
}

std::string Recorder::lossReason() const {
    return "the disk could not keep up: " + std::to_string(lost_.load()) + " frames lost (the file ends where they begin)";
}

RecordingStatus Recorder::status() const {
    std::lock_guard lock(statusMutex_);
    RecordingStatus s = status_;
    // Frames lost are a failure from that moment, even while the writer is still blocked
    // in a write that cannot finish (the very reason it fell behind).
    if (s.active && !s.failed && lost_.load(std::memory_order_relaxed) > 0) {
        s.failed = true;
        s.error = lossReason();
    }
    return s;
}

void Recorder::write(const float* left, const float* right, int frames) {
    inWrite_.store(true, std::memory_order_seq_cst);
    if (capturing_.load(std::memory_order_seq_cst) && frames > 0) {
        const auto n = static_cast<uint64_t>(frames);
        const uint64_t w = written_.load(std::memory_order_relaxed);
        // After a loss nothing more is kept: the file must not jump over the gap.
        if (lost_.load(std::memory_order_relaxed) > 0 || capacity_ - (w - read_.load(std::memory_order_acquire)) < n) {
            lost_.fetch_add(n, std::memory_order_relaxed);
        } else {
            for (uint64_t i = 0; i < n; ++i) {
                float* frame = &ring_[2 * ((w + i) % capacity_)];
                frame[0] = left[i];
                frame[1] = right[i];
            }
            written_.store(w + n, std::memory_order_release);
        }
    }
    inWrite_.store(false, std::memory_order_release);
}

void Recorder::endCapture() {
    capturing_.store(false, std::memory_order_seq_cst);
    // A write() that saw capture on finishes its copy (microseconds; it never blocks).
    for (int i = 0; i < 2000 && inWrite_.load(std::memory_order_seq_cst); ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

bool Recorder::drain() {
    const uint64_t w = written_.load(std::memory_order_acquire);
    uint64_t r = read_.load(std::memory_order_relaxed);
    while (r < w) {
        const uint64_t at = r % capacity_;
        const uint64_t n = std::min(w - r, capacity_ - at);  // up to where the ring wraps
        const bool written = file_.write(&ring_[2 * at], static_cast<int64_t>(n));
        {
            std::lock_guard lock(statusMutex_);
            status_.frames = file_.frames();  // a write cut short still leaves its frames in the file
        }
        if (!written) return false;
        r += n;
        read_.store(r, std::memory_order_release);
    }
    return true;
}

void Recorder::finish(std::string failure) {
    if (!failure.empty()) {
        // Seen at once, before the (possibly slow) close.
        std::lock_guard lock(statusMutex_);
        status_.failed = true;
        status_.error = failure;
    }
    endCapture();
    if (failure.empty() && !drain()) failure = file_.error();
    std::string closing = file_.close();
    if (failure.empty()) failure = std::move(closing);
    std::lock_guard lock(statusMutex_);
    if (!failure.empty()) {
        status_.failed = true;
        status_.error = std::move(failure);
    }
    status_.active = false;
}

void Recorder::writerLoop() {
    std::unique_lock lock(wakeMutex_);
    for (;;) {
        // The audio thread never signals (it must not lock): the writer looks every 20 ms.
        wake_.wait_for(lock, std::chrono::milliseconds(20), [this] { return stopRequested_; });
        const bool stopping = stopRequested_;
        lock.unlock();
        if (!drain()) return finish(file_.error());
        if (lost_.load(std::memory_order_relaxed) > 0) {
            endCapture();  // the count is final from here
            drain();       // what came before the loss is whole: keep it
            return finish(lossReason());
        }
        if (stopping) return finish("");
        lock.lock();
    }
}

}  // namespace seiche::audio
