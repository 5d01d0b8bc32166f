#include "audio/engine/live_engine.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>

#include "audio/engine/device.hpp"

namespace seiche::audio {
namespace {

MixerConfig mixerConfig(const LiveEngineConfig& c) {
    MixerConfig m;
    m.sampleRate = c.sampleRate;
    m.maxBlockSize = std::max({16, c.maxBlockSize, c.silentBlockFrames});
    m.voices = c.voices;
    return m;
}

}  // namespace

LiveEngine::LiveEngine(const SampleBank& bank, const LiveEngineConfig& config)
    : config_(config), mixer_(mixerConfig(config)), scheduler_(mixer_, bank, config.sampleRate, config.cps) {
    config_.maxBlockSize = mixer_.config().maxBlockSize;
    scratchLeft_.assign(static_cast<size_t>(config_.maxBlockSize), 0.0f);
    scratchRight_.assign(static_cast<size_t>(config_.maxBlockSize), 0.0f);
}

LiveEngine::~LiveEngine() { stop(); }

void LiveEngine::evaluate(const lang::Program& program) { scheduler_.apply(program); }

void LiveEngine::renderTrampoline(void* context, float* left, float* right, int frames) {
    static_cast<LiveEngine*>(context)->render(left, right, frames);
}

void LiveEngine::render(float* left, float* right, int frames) {
    int64_t frame = frame_.load(std::memory_order_relaxed);
    for (int done = 0; done < frames;) {
        const int n = std::min(frames - done, config_.maxBlockSize);
        mixer_.process(frame, left + done, right + done, n);
        frame += n;
        done += n;
    }
    frame_.store(frame, std::memory_order_release);
}

bool LiveEngine::start(Device* device) {
    if (running_.load()) return true;
    {
        std::lock_guard lock(wakeMutex_);
        stopping_ = false;
    }
    const auto lookahead = static_cast<int64_t>(std::llround(config_.lookaheadSeconds * config_.sampleRate));
    // The first window is queued before the clock starts, so nothing is late at frame 0.
    scheduler_.fillUntil(frame_.load() + lookahead);
    running_.store(true);
    schedulerThread_ = std::thread([this] { schedulerLoop(); });
    device_ = device;
    if (device_) {
        device_->setRenderFunction(&LiveEngine::renderTrampoline, this);
        if (!device_->start()) {
            device_->setRenderFunction(nullptr, nullptr);
            device_ = nullptr;
            stop();
            return false;
        }
    } else {
        clockThread_ = std::thread([this] { silentClockLoop(); });
    }
    return true;
}

void LiveEngine::stop() {
    if (device_) {
        device_->stop();  // the callback no longer runs after this
        device_->setRenderFunction(nullptr, nullptr);
    }
    {
        std::lock_guard lock(wakeMutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    if (clockThread_.joinable()) clockThread_.join();
    if (schedulerThread_.joinable()) schedulerThread_.join();
    running_.store(false);
}

void LiveEngine::schedulerLoop() {
    const auto lookahead = static_cast<int64_t>(std::llround(config_.lookaheadSeconds * config_.sampleRate));
    const auto period = std::chrono::microseconds(static_cast<int64_t>(config_.schedulerPeriodSeconds * 1e6));
    std::unique_lock lock(wakeMutex_);
    while (!stopping_) {
        lock.unlock();
        scheduler_.fillUntil(frame_.load(std::memory_order_acquire) + lookahead);
        lock.lock();
        wake_.wait_for(lock, period, [this] { return stopping_; });
    }
}

void LiveEngine::silentClockLoop() {
    using clock = std::chrono::steady_clock;
    const int block = std::min(config_.silentBlockFrames, config_.maxBlockSize);
    const auto t0 = clock::now();
    const int64_t frame0 = frame_.load();
    std::unique_lock lock(wakeMutex_);
    while (!stopping_) {
        lock.unlock();
        // Mix every block whose time has come, so the clock keeps real time even after a stall.
        const double elapsed = std::chrono::duration<double>(clock::now() - t0).count();
        const auto due = frame0 + static_cast<int64_t>(elapsed * config_.sampleRate);
        while (frame_.load(std::memory_order_relaxed) + block <= due) {
            const auto started = clock::now();
            render(scratchLeft_.data(), scratchRight_.data(), block);
            const uint64_t number = silentBlocks_.fetch_add(1, std::memory_order_relaxed) + 1;
            const int64_t ns = std::chrono::duration_cast<std::chrono::nanoseconds>(clock::now() - started).count();
            if (static_cast<double>(ns) * config_.sampleRate > static_cast<double>(block) * 1e9)
                silentOverruns_.fetch_add(1, std::memory_order_relaxed);
            if (ns > silentMaxNs_.load(std::memory_order_relaxed)) {
                silentMaxNs_.store(ns, std::memory_order_relaxed);
                silentMaxAt_.store(number, std::memory_order_relaxed);
            }
        }
        const int64_t next = frame_.load(std::memory_order_relaxed) + block - frame0;
        const auto wakeAt = t0 + std::chrono::duration_cast<clock::duration>(
                                     std::chrono::duration<double>(static_cast<double>(next) / config_.sampleRate));
        lock.lock();
        wake_.wait_until(lock, wakeAt, [this] { return stopping_; });
    }
}

LiveStats LiveEngine::stats() const {
    LiveStats s;
    const SchedulerStats sched = scheduler_.stats();
    const MixerStats& mix = mixer_.stats();
    s.lateEvents = mix.lateTriggers.load() + sched.lateEvents;
    s.peakVoices = mix.peakVoices.load();
    s.triggers = sched.triggers;
    s.droppedTriggers = sched.droppedTriggers;
    s.frames = frame_.load();
    if (device_) {
        s.callbacks = device_->stats().callbacks.load();
        s.xruns = device_->stats().xruns.load();
        s.firstXrunCallback = device_->stats().firstXrunCallback.load();
        s.lastXrunCallback = device_->stats().lastXrunCallback.load();
        s.maxCallbackUs = static_cast<double>(device_->stats().maxCallbackNs.load()) / 1000.0;
        s.maxCallbackAt = device_->stats().maxCallbackAt.load();
        s.overruns = device_->stats().overruns.load();
    } else {
        s.silentClock = true;
        s.callbacks = silentBlocks_.load();
        s.maxCallbackUs = static_cast<double>(silentMaxNs_.load()) / 1000.0;
        s.maxCallbackAt = silentMaxAt_.load();
        s.overruns = silentOverruns_.load();
    }
    return s;
}

}  // namespace seiche::audio
