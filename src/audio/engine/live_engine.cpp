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
    : config_(config),
      mixer_(mixerConfig(config)),
      scheduler_(mixer_, bank, config.sampleRate, config.cps),
      recorder_(config.sampleRate, config.recordBufferSeconds) {
    config_.maxBlockSize = mixer_.config().maxBlockSize;
    scratchLeft_.assign(static_cast<size_t>(config_.maxBlockSize), 0.0f);
    scratchRight_.assign(static_cast<size_t>(config_.maxBlockSize), 0.0f);
}

LiveEngine::~LiveEngine() { stop(); }

void LiveEngine::evaluate(const lang::Program& program, uint64_t tag) {
    post([program, tag](Scheduler& scheduler) { scheduler.apply(program, tag); });
}

void LiveEngine::post(SchedulerCommand command) {
    {
        std::lock_guard inbox(inboxMutex_);
        inbox_.push_back(std::move(command));
    }
    {
        std::lock_guard lock(wakeMutex_);
        posted_.store(true);
    }
    wake_.notify_all();
}

void LiveEngine::runPosted() {
    {
        std::lock_guard inbox(inboxMutex_);
        posted_.store(false);
        draining_.swap(inbox_);
    }
    for (auto& command : draining_) command(scheduler_);
    draining_.clear();
}

void LiveEngine::renderTrampoline(void* context, float* left, float* right, int frames) {
    static_cast<LiveEngine*>(context)->render(left, right, frames);
}

void LiveEngine::render(float* left, float* right, int frames) {
    int64_t frame = frame_.load(std::memory_order_relaxed);
    for (int done = 0; done < frames;) {
        const int n = std::min(frames - done, config_.maxBlockSize);
        mixer_.process(frame, left + done, right + done, n);
        monitor_.write(left + done, right + done, n);
        recorder_.write(left + done, right + done, n);
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
    // The first window is queued before the clock starts, so nothing is late at frame 0;
    // what was evaluated before start() is applied first.
    runPosted();
    scheduler_.fillUntil(frame_.load() + lookahead);
    running_.store(true);
    schedulerThread_ = std::thread([this] { schedulerLoop(); });
    {
        std::lock_guard lock(deviceMutex_);
        device_ = device;
        baseline_ = device ? ClockCounters::of(device->stats()) : ClockCounters{};
    }
    onDevice_.store(false);
    if (device_ && !device_->isOpen()) {
        // No device yet: play on the silent clock and keep trying to open one, so a
        // JACK server or a sound card that turns up later is picked up.
        startSilentClock();
        startWatchdog();
    } else if (device_) {
        if (!handOver(device_, Release::Detach).empty()) {
            {
                std::lock_guard lock(deviceMutex_);
                device_ = nullptr;
            }
            stop();
            return false;
        }
        startWatchdog();
    } else {
        startSilentClock();
    }
    return true;
}

void LiveEngine::stop() {
    std::lock_guard control(controlMutex_);
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
    stopStage_.store("the recording");
    recorder_.stop();  // every frame played is in it now
    stopStage_.store("the scheduler");
    if (schedulerThread_.joinable()) schedulerThread_.join();
    stopStage_.store("");
    running_.store(false);
}

LiveEngine::ClockCounters LiveEngine::ClockCounters::of(const DeviceStats& d) {
    return {d.callbacks.load(), d.overruns.load(), d.xruns.load(), d.totalCallbackNs.load()};
}

LiveEngine::ClockCounters& LiveEngine::ClockCounters::operator+=(const ClockCounters& o) {
    callbacks += o.callbacks;
    overruns += o.overruns;
    xruns += o.xruns;
    totalNs += o.totalNs;
    return *this;
}

LiveEngine::ClockCounters LiveEngine::ClockCounters::operator-(const ClockCounters& o) const {
    return {callbacks - o.callbacks, overruns - o.overruns, xruns - o.xruns, totalNs - o.totalNs};
}

std::string LiveEngine::switchDevice(Device* next) {
    std::lock_guard control(controlMutex_);
    if (!running_.load()) return "the engine is not running: start() it with the device";
    if (next && !next->isOpen())
        return "the device is not open" + (next->error().empty() ? std::string() : ": " + next->error());
    const auto rate = static_cast<unsigned>(std::lround(config_.sampleRate));
    if (next && next->sampleRate() != rate)
        return "the device runs at " + std::to_string(next->sampleRate()) + " Hz, the engine at " + std::to_string(rate) +
               " Hz: another sample rate needs a restart of the engine";
    if (next == device_ && (next != nullptr) == onDevice_.load()) return "";  // already there
    stopWatchdog();  // from here this thread alone hands the device around
    Device* previous = device_;
    if (std::string why = handOver(next, Release::Detach); !why.empty()) {
        if (previous) startWatchdog();
        return why;
    }
    if (previous && previous != next) {
        previous->stop();  // it renders nothing any more; its callbacks stop here
        previous->setRenderFunction(nullptr, nullptr);
    }
    {
        std::lock_guard lock(deviceMutex_);
        if (previous && previous != next) {
            retired_ += ClockCounters::of(previous->stats()) - baseline_;
            const double maxUs = static_cast<double>(previous->stats().maxCallbackNs.load()) / 1000.0;
            if (maxUs >= retiredMaxCallbackUs_) {
                retiredMaxCallbackUs_ = maxUs;
                retiredMaxCallbackAt_ = previous->stats().maxCallbackAt.load();
            }
        }
        if (previous != next) baseline_ = next ? ClockCounters::of(next->stats()) : ClockCounters{};
        device_ = next;
    }
    if (next) startWatchdog();
    return "";
}

void LiveEngine::launch(std::thread& thread, bool& stopFlag, void (LiveEngine::*loop)()) {
    {
        std::lock_guard lock(wakeMutex_);
        stopFlag = false;
    }
    thread = std::thread([this, loop] { (this->*loop)(); });
}

void LiveEngine::end(std::thread& thread, bool& stopFlag) {
    {
        std::lock_guard lock(wakeMutex_);
        stopFlag = true;
    }
    wake_.notify_all();
    if (thread.joinable()) thread.join();
}

void LiveEngine::startWatchdog() { launch(supervisorThread_, watchdogStopping_, &LiveEngine::superviseDevice); }

void LiveEngine::stopWatchdog() { end(supervisorThread_, watchdogStopping_); }

std::string LiveEngine::handOver(Device* next, Release how) {
    const bool fromDevice = onDevice_.load();
    if (!next && !fromDevice) return "";  // the silent clock has it already
    if (next && !next->isRunning()) {
        next->setRenderFunction(nullptr, nullptr);  // silence until it takes over below
        if (!next->start()) return "cannot start: " + next->error();
    }
    if (fromDevice) {
        // The device that has the clock renders no more once this returns.
        if (how == Release::Abandon) device_->abandon();
        else device_->detach();
    } else {
        stopSilentClock();
    }
    if (next) {
        next->setRenderFunction(&LiveEngine::renderTrampoline, this);
        onDevice_.store(true);
    } else {
        onDevice_.store(false);
        startSilentClock();
    }
    return "";
}

void LiveEngine::startSilentClock() { launch(clockThread_, clockStopping_, &LiveEngine::silentClockLoop); }

void LiveEngine::stopSilentClock() { end(clockThread_, clockStopping_); }

void LiveEngine::superviseDevice() {
    using clock = std::chrono::steady_clock;
    const auto stall = std::chrono::duration<double>(config_.deviceStallSeconds);
    const auto retry = std::chrono::duration<double>(config_.deviceRetrySeconds);
    uint64_t lastCallbacks = device_->stats().callbacks.load();
    auto lastProgress = clock::now();
    auto nextAttempt = clock::now() + std::chrono::duration_cast<clock::duration>(retry);
    std::unique_lock lock(wakeMutex_);
    while (!stopping_ && !watchdogStopping_) {
        wake_.wait_for(lock, std::chrono::milliseconds(50), [this] { return stopping_ || watchdogStopping_; });
        if (stopping_ || watchdogStopping_) break;
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
    watchdogStage_.store("letting go of the lost stream and starting the silent clock");
    handOver(nullptr, Release::Abandon);
    deviceLosses_.fetch_add(1);
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
    // The silent clock plays on until the device's stream has started.
    if (std::string why = handOver(device_, Release::Detach); !why.empty()) {
        device_->stop();
        return failed(why);
    }
    deviceRecoveries_.fetch_add(1);
    return true;
}

void LiveEngine::schedulerLoop() {
    const auto lookahead = static_cast<int64_t>(std::llround(config_.lookaheadSeconds * config_.sampleRate));
    const auto period = std::chrono::microseconds(static_cast<int64_t>(config_.schedulerPeriodSeconds * 1e6));
    std::unique_lock lock(wakeMutex_);
    while (!stopping_) {
        lock.unlock();
        runPosted();
        scheduler_.fillUntil(frame_.load(std::memory_order_acquire) + lookahead);
        lock.lock();
        wake_.wait_for(lock, period, [this] { return stopping_ || posted_.load(); });
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
    std::lock_guard lock(deviceMutex_);  // the device stays the engine's while it is read
    const SchedulerStats sched = scheduler_.stats();
    const MixerStats& mix = mixer_.stats();
    s.lateEvents = mix.lateTriggers.load() + sched.lateEvents;
    s.peakVoices = mix.peakVoices.load();
    s.triggers = sched.triggers;
    s.droppedTriggers = sched.droppedTriggers;
    s.frames = frame_.load();
    // Counters add up over both clocks and every device the engine played on: a lost
    // device, or one switched away from, leaves its share behind.
    ClockCounters total = ClockCounters::of(silentStats_);
    total += retired_;
    if (device_) total += ClockCounters::of(device_->stats()) - baseline_;
    s.callbacks = total.callbacks;
    s.overruns = total.overruns;
    s.xruns = total.xruns;  // only devices report xruns
    const int64_t totalNs = total.totalNs;
    s.maxCallbackUs = retiredMaxCallbackUs_;
    s.maxCallbackAt = retiredMaxCallbackAt_;
    for (const DeviceStats* d : {&silentStats_, device_ ? &device_->stats() : nullptr}) {
        if (!d) continue;
        const double maxUs = static_cast<double>(d->maxCallbackNs.load()) / 1000.0;
        if (maxUs >= s.maxCallbackUs) {
            s.maxCallbackUs = maxUs;
            s.maxCallbackAt = d->maxCallbackAt.load();
        }
    }
    if (device_) {  // callback numbers of the device playing now
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
