#pragma once
// Real-time playing: a Mixer and a Scheduler driven either by an audio Device's
// callback or, with no device, by a silent clock that advances in real time
// (so statistics and recording still work). A scheduler thread keeps the
// trigger ring filled `lookahead` ahead of the audio thread's frame counter.
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "audio/engine/device.hpp"
#include "audio/engine/mixer.hpp"
#include "audio/engine/scheduler.hpp"
#include "pattern/lang/program.hpp"

namespace seiche::audio {

class SampleBank;

struct LiveEngineConfig {
    double sampleRate = 48000;
    double cps = 0.5625;
    double lookaheadSeconds = 0.05;
    double schedulerPeriodSeconds = 0.005;
    int maxBlockSize = 1024;      // larger device buffers are mixed in chunks
    int silentBlockFrames = 128;  // block size of the silent clock
    int voices = 512;
    // Device watchdog: a stream that stops by itself, or whose callbacks stall this
    // long, is lost; the silent clock takes over and the device is reopened every retry period.
    double deviceStallSeconds = 0.5;
    double deviceRetrySeconds = 1.0;
};

struct LiveStats {
    uint64_t callbacks = 0;       // device callbacks, or silent-clock blocks
    uint64_t xruns = 0;
    uint64_t firstXrunCallback = 0;  // 1-based; 0: no xrun
    uint64_t lastXrunCallback = 0;
    uint64_t lateEvents = 0;      // mixer late triggers + scheduler late events
    double maxCallbackUs = 0;
    double meanCallbackUs = 0;
    uint64_t maxCallbackAt = 0;      // 1-based number of the longest callback
    uint64_t overruns = 0;           // callbacks longer than their own period
    int peakVoices = 0;
    uint64_t triggers = 0;
    uint64_t droppedTriggers = 0;
    int64_t frames = 0;           // the engine clock
    bool silentClock = false;     // the silent clock is driving the engine right now
    uint64_t deviceLosses = 0;    // times the device went away while playing
    uint64_t deviceRecoveries = 0;  // times it came back
    uint64_t deviceAttempts = 0;    // times it was tried again (each recovery is one)
};

class LiveEngine {
public:
    LiveEngine(const SampleBank& bank, const LiveEngineConfig& config);
    ~LiveEngine();
    LiveEngine(const LiveEngine&) = delete;
    LiveEngine& operator=(const LiveEngine&) = delete;

    // Any thread: the program's statements take effect at the next scheduler window.
    void evaluate(const lang::Program& program);

    // An open `device` must run at config.sampleRate. A device that is not open (its
    // open() failed) starts the silent clock, and the engine keeps trying to open it
    // with the same options at config.sampleRate; nullptr only runs the silent clock.
    // False when an open device's stream would not start.
    bool start(Device* device);
    void stop();  // stops the device, joins the threads; safe to call twice
    // What stop() is waiting on, for a caller that gives up on it ("" when not stopping).
    const char* stopStage() const { return stopStage_.load(); }
    // Why the last attempt to get the lost device back failed ("" if none failed): a
    // performer (and a test) can see why it is not coming back.
    std::string lastDeviceError() const;
    // What the device watchdog is doing right now ("" while it only watches or waits).
    const char* watchdogStage() const { return watchdogStage_.load(); }
    bool running() const { return running_.load(); }

    LiveStats stats() const;
    int64_t currentFrame() const { return frame_.load(std::memory_order_acquire); }
    Scheduler& scheduler() { return scheduler_; }
    const Mixer& mixer() const { return mixer_; }

private:
    static void renderTrampoline(void* context, float* left, float* right, int frames);
    void render(float* left, float* right, int frames);  // audio thread
    void schedulerLoop();
    void silentClockLoop();
    void startSilentClock();
    void stopSilentClock();
    void superviseDevice();          // watchdog thread, only with a device
    void abandonDevice();            // device lost: hand the clock to the silent one
    bool resumeDevice();             // reopened: hand the clock back to the device
    bool playOnDevice();             // starts the device's stream rendering this engine

    LiveEngineConfig config_;
    Mixer mixer_;
    Scheduler scheduler_;
    Device* device_ = nullptr;
    std::atomic<bool> onDevice_{false};  // who calls render(): the device, or the silent clock
    std::atomic<int64_t> frame_{0};
    std::atomic<bool> running_{false};
    std::mutex wakeMutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
    std::atomic<const char*> stopStage_{""};
    std::atomic<const char*> watchdogStage_{""};
    bool clockStopping_ = false;
    std::thread schedulerThread_, clockThread_, supervisorThread_;
    std::atomic<uint64_t> deviceLosses_{0}, deviceRecoveries_{0}, deviceAttempts_{0};
    mutable std::mutex deviceErrorMutex_;
    std::string lastDeviceError_;
    // The silent clock counts its blocks as the device counts its callbacks.
    DeviceStats silentStats_;
    std::vector<float> scratchLeft_, scratchRight_;
};

}  // namespace seiche::audio
