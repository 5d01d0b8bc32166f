#pragma once
// The bank's background thread: runs queued loading jobs one after another, so the
// GUI and the scheduler never wait on the disk or a decoder. Started on the first
// job; stopping (destruction) drops what is still queued and lets the running job
// end at its next check of the stop token.
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <stop_token>
#include <thread>

namespace seiche::audio {

class SampleLoadWorker {
public:
    using Job = std::function<void(std::stop_token)>;

    SampleLoadWorker() = default;
    SampleLoadWorker(const SampleLoadWorker&) = delete;
    SampleLoadWorker& operator=(const SampleLoadWorker&) = delete;
    ~SampleLoadWorker();

    void post(Job job);
    // True when no job is queued or running.
    bool idle() const;
    // Blocks until idle. The timed form returns false if time ran out first.
    void waitUntilIdle() const;
    bool waitUntilIdle(std::chrono::milliseconds timeout) const;
    // Jobs queued or running.
    std::size_t pending() const;

private:
    void run(std::stop_token stop);

    mutable std::mutex mutex_;
    mutable std::condition_variable_any changed_;
    std::deque<Job> queue_;
    bool running_ = false;  // a job is executing right now
    std::jthread thread_;   // last: joined first, while the queue it reads still exists
};

}  // namespace seiche::audio
