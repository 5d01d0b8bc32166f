#include "audio/engine/live_engine.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>

#include "audio/engine/audio_thread.hpp"
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
    onDevice_.store(false);
    if (device_ && !device_->isOpen()) {
        // No device yet: play on the silent clock and keep trying to open one, so a
        // JACK server or a sound card that turns up later is picked up.
        startSilentClock();
        supervisorThread_ = std::thread([this] { superviseDevice(); });
    } else if (device_) {
        if (!playOnDevice()) {
            device_ = nullptr;
            stop();
            return false;
        }
        supervisorThread_ = std::thread([this] { superviseDevice(); });
    } else {
        startSilentClock();
    }
    return true;
}

void LiveEngine::stop() {
    {
        std::lock_guard lock(wakeMutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    stopStage_.store("the device watchdog");
    if (supervisorThread_.joinable()) supervisorThread_.join();
    if (device_) {
        stopStage_.store("the audio device's stream");
        device_->stop();  // the callback no longer runs after this
        device_->setRenderFunction(nullptr, nullptr);
    }
    // onDevice_ keeps saying how the performance ended, for stats().
    stopStage_.store("the silent clock");
    if (clockThread_.joinable()) clockThread_.join();
    stopStage_.store("the scheduler");
    if (schedulerThread_.joinable()) schedulerThread_.join();
    stopStage_.store("");
    running_.store(false);
}

void LiveEngine::startSilentClock() {
    {
        std::lock_guard lock(wakeMutex_);
        clockStopping_ = false;
    }
    clockThread_ = std::thread([this] { silentClockLoop(); });
}

void LiveEngine::stopSilentClock() {
    {
        std::lock_guard lock(wakeMutex_);
        clockStopping_ = true;
    }
    wake_.notify_all();
    if (clockThread_.joinable()) clockThread_.join();
}

void LiveEngine::superviseDevice() {
    using clock = std::chrono::steady_clock;
    const auto stall = std::chrono::duration<double>(config_.deviceStallSeconds);
    const auto retry = std::chrono::duration<double>(config_.deviceRetrySeconds);
    uint64_t lastCallbacks = device_->stats().callbacks.load();
    auto lastProgress = clock::now();
    auto nextAttempt = clock::now() + std::chrono::duration_cast<clock::duration>(retry);
    std::unique_lock lock(wakeMutex_);
    while (!stopping_) {
        wake_.wait_for(lock, std::chrono::milliseconds(50), [this] { return stopping_; });
        if (stopping_) break;
        lock.unlock();
        const auto now = clock::now();
        if (onDevice_.load()) {
            const uint64_t callbacks = device_->stats().callbacks.load();
            if (callbacks != lastCallbacks) {
                lastCallbacks = callbacks;
                lastProgress = now;
            }
            if (!device_->isRunning() || now - lastProgress > stall) {
                abandonDevice();
                nextAttempt = now + std::chrono::duration_cast<clock::duration>(retry);
            }
        } else if (now >= nextAttempt) {
            nextAttempt = now + std::chrono::duration_cast<clock::duration>(retry);
            if (resumeDevice()) {
                lastCallbacks = device_->stats().callbacks.load();
                lastProgress = clock::now();
            }
        }
        lock.lock();
    }
}

void LiveEngine::abandonDevice() {
    // Never stop a lost stream (that can wait for ever): let go of it and take the clock.
    watchdogStage_.store("letting go of the lost stream");
    device_->abandon();
    onDevice_.store(false);
    deviceLosses_.fetch_add(1);
    watchdogStage_.store("starting the silent clock");
    startSilentClock();
    watchdogStage_.store("");
}

std::string LiveEngine::lastDeviceError() const {
    std::lock_guard lock(deviceErrorMutex_);
    return lastDeviceError_;
}

bool LiveEngine::resumeDevice() {
    deviceAttempts_.fetch_add(1);
    auto failed = [this](std::string why) {
        std::lock_guard lock(deviceErrorMutex_);
        lastDeviceError_ = std::move(why);
        return false;
    };
    const auto rate = static_cast<unsigned>(std::lround(config_.sampleRate));
    watchdogStage_.store("reopening the device");
    const bool reopened = device_->reopen(rate);
    watchdogStage_.store("");
    if (!reopened) return failed("cannot open: " + device_->error());
    if (device_->sampleRate() != rate) {  // the engine's clock cannot change rate under the music
        const unsigned deviceRate = device_->sampleRate();
        device_->stop();
        return failed("the device runs at " + std::to_string(deviceRate) + " Hz, the engine at " + std::to_string(rate) + " Hz");
    }
    stopSilentClock();
    if (!playOnDevice()) {
        const std::string why = "cannot start: " + device_->error();
        device_->stop();
        startSilentClock();
        return failed(why);
    }
    deviceRecoveries_.fetch_add(1);
    return true;
}

bool LiveEngine::playOnDevice() {
    device_->setRenderFunction(&LiveEngine::renderTrampoline, this);
    if (!device_->start()) {
        device_->setRenderFunction(nullptr, nullptr);
        return false;
    }
    onDevice_.store(true);
    return true;
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
    while (!stopping_ && !clockStopping_) {
        lock.unlock();
        // Mix every block whose time has come, so the clock keeps real time even after a stall.
        const double elapsed = std::chrono::duration<double>(clock::now() - t0).count();
        const auto due = frame0 + static_cast<int64_t>(elapsed * config_.sampleRate);
        while (frame_.load(std::memory_order_relaxed) + block <= due) {
            const auto started = clock::now();
            const uint64_t number = silentStats_.callbacks.fetch_add(1, std::memory_order_relaxed) + 1;
            {
                audio_thread::CallbackScope inCallback;
                render(scratchLeft_.data(), scratchRight_.data(), block);
            }
            const int64_t ns = std::chrono::duration_cast<std::chrono::nanoseconds>(clock::now() - started).count();
            silentStats_.recordDuration(number, ns, block, config_.sampleRate);
        }
        const int64_t next = frame_.load(std::memory_order_relaxed) + block - frame0;
        const auto wakeAt = t0 + std::chrono::duration_cast<clock::duration>(
                                     std::chrono::duration<double>(static_cast<double>(next) / config_.sampleRate));
        lock.lock();
        wake_.wait_until(lock, wakeAt, [this] { return stopping_ || clockStopping_; });
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
    // Counters add up over both clocks: a lost device leaves its share behind.
    int64_t totalNs = 0;
    for (const DeviceStats* d : {&silentStats_, device_ ? &device_->stats() : nullptr}) {
        if (!d) continue;
        s.callbacks += d->callbacks.load();
        s.overruns += d->overruns.load();
        totalNs += d->totalCallbackNs.load();
        const double maxUs = static_cast<double>(d->maxCallbackNs.load()) / 1000.0;
        if (maxUs >= s.maxCallbackUs) {
            s.maxCallbackUs = maxUs;
            s.maxCallbackAt = d->maxCallbackAt.load();
        }
    }
    if (device_) {  // only a device reports xruns
        s.xruns = device_->stats().xruns.load();
        s.firstXrunCallback = device_->stats().firstXrunCallback.load();
        s.lastXrunCallback = device_->stats().lastXrunCallback.load();
    }
    if (s.callbacks > 0) s.meanCallbackUs = static_cast<double>(totalNs) / 1000.0 / static_cast<double>(s.callbacks);
    s.silentClock = !onDevice_.load();
    s.deviceLosses = deviceLosses_.load();
    s.deviceRecoveries = deviceRecoveries_.load();
    s.deviceAttempts = deviceAttempts_.load();
    return s;
}

}  // namespace seiche::audio
