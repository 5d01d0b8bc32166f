#include "audio/sample_load_worker.hpp"

#include <utility>

namespace seiche::audio {

SampleLoadWorker::~SampleLoadWorker() {
    if (thread_.joinable()) {
        thread_.request_stop();  // wakes the wait in run() through its stop token
        thread_.join();
    }
}

void SampleLoadWorker::post(Job job) {
    std::lock_guard lock(mutex_);
    queue_.push_back(std::move(job));
    if (!thread_.joinable()) thread_ = std::jthread([this](std::stop_token stop) { run(stop); });
    changed_.notify_all();
}

bool SampleLoadWorker::idle() const {
    std::lock_guard lock(mutex_);
    return queue_.empty() && !running_;
}

void SampleLoadWorker::waitUntilIdle() const {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [this] { return queue_.empty() && !running_; });
}

bool SampleLoadWorker::waitUntilIdle(std::chrono::milliseconds timeout) const {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, timeout, [this] { return queue_.empty() && !running_; });
}

std::size_t SampleLoadWorker::pending() const {
    std::lock_guard lock(mutex_);
    return queue_.size() + (running_ ? 1 : 0);
}

void SampleLoadWorker::run(std::stop_token stop) {
    std::unique_lock lock(mutex_);
    while (true) {
        changed_.wait(lock, stop, [this] { return !queue_.empty(); });
        if (stop.stop_requested()) break;
        Job job = std::move(queue_.front());
        queue_.pop_front();
        running_ = true;
        lock.unlock();
        try {
            job(stop);
        } catch (...) {
            // Jobs report their own failures; this only keeps the thread (and waiters) alive.
        }
        lock.lock();
        running_ = false;
        changed_.notify_all();
    }
    queue_.clear();
    running_ = false;
    changed_.notify_all();  // nobody should be waiting while the owner is destroyed, but be kind
}

}  // namespace seiche::audio
