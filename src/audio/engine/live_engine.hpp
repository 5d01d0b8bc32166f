#pragma once
// Real-time playing: a Mixer and a Scheduler driven either by an audio Device's
// callback or, with no device, by a silent clock that advances in real time
// (so statistics and recording still work). A scheduler thread keeps the
// trigger ring filled `lookahead` ahead of the audio thread's frame counter.
// For the GUI it also keeps a level meter and a scope of the output, records the
// output to a file on request, and moves to another device without stopping the clock.
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "audio/engine/device.hpp"
#include "audio/engine/mixer.hpp"
#include "audio/engine/output_monitor.hpp"
#include "audio/engine/recorder.hpp"
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
    // How far live recording's writer may fall behind before frames are lost (a failure).
    double recordBufferSeconds = 8.0;
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

    // Any thread: the program's statements take effect at the next scheduler window. The
    // events of the channels it sets carry `tag` in the played-event feed. Never waits for
    // a pattern query: it is handed to the scheduler thread (see post()).
    void evaluate(const lang::Program& program, uint64_t tag = 0);
    // Any thread; returns at once. The scheduler thread runs `command` before its next
    // window (at once if it is waiting), so a GUI never waits for a long pattern query to
    // finish to hush, mute or change tempo. Commands run in the order they were posted;
    // posted before start(), they run before the first window.
    using SchedulerCommand = std::function<void(Scheduler&)>;
    void post(SchedulerCommand command);

    // An open `device` must run at config.sampleRate. A device that is not open (its
    // open() failed) starts the silent clock, and the engine keeps trying to open it
    // with the same options at config.sampleRate; nullptr only runs the silent clock.
    // False when an open device's stream would not start.
    bool start(Device* device);
    void stop();  // stops the device, joins the threads, finishes a recording; safe to call twice

    // Hands the running engine to another device (nullptr: the silent clock) without
    // stopping the music: the frame clock goes on from where it is and the patterns play
    // on. `device` must be open (Device::open) at the engine's sample rate; its stream is
    // started before the current device lets go, so a stream that will not start changes
    // nothing. A different sample rate needs a restart of the engine (stop(), a new
    // LiveEngine at the new rate, start()): the clock, the sample bank and the effects all
    // run at it. The engine stops and closes the previous device's stream itself before
    // returning, so the caller may then destroy it; the new device is watched like the one
    // given to start(). "" or why not (the engine then plays on as it did). Not at the
    // same time as start() or stop().
    std::string switchDevice(Device* device);
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
    // Frames between the clock (currentFrame) and the sound leaving the mixer: the
    // limiter's look-ahead. The device's own buffering comes on top.
    int latencyFrames() const { return mixer_.latencyFrames(); }
    Scheduler& scheduler() { return scheduler_; }
    const Mixer& mixer() const { return mixer_; }

    // The played-event feed (Scheduler::playedBetween), for highlighting code as it plays.
    void playedBetween(int64_t fromFrame, int64_t toFrame, std::vector<PlayedEvent>& out) const {
        scheduler_.playedBetween(fromFrame, toFrame, out);
    }
    // Peaks of the output (after the limiter) since the previous call. Any one thread.
    MeterReading takeMeter() { return monitor_.takeMeter(); }
    // The latest n (<= 2048) output samples, mono (L+R)/2, oldest first; how many were written.
    int scope(float* out, int n) const { return monitor_.scope(out, n); }

    // Live recording of exactly the frames the device or the silent clock plays, 24-bit
    // stereo WAV or FLAC (by extension) at the engine's rate (see Recorder). The file is
    // opened now: "" or a one-line reason. A write that fails later stops the recording by
    // itself and shows in recordingStatus() at once.
    std::string startRecording(const std::string& path) { return recorder_.start(path); }
    RecordingStatus recordingStatus() const { return recorder_.status(); }
    void stopRecording() { recorder_.stop(); }  // finishes the file; safe when not recording

private:
    static void renderTrampoline(void* context, float* left, float* right, int frames);
    void render(float* left, float* right, int frames);  // audio thread
    void schedulerLoop();
    void runPosted();  // scheduler thread: the commands posted so far
    void silentClockLoop();
    void startSilentClock();
    void stopSilentClock();
    void superviseDevice();          // watchdog thread, only with a device
    void startWatchdog();
    void stopWatchdog();
    // The silent clock and the watchdog come and go while the engine runs: each is a thread
    // with a flag (under wakeMutex_) that asks it to end.
    void launch(std::thread& thread, bool& stopFlag, void (LiveEngine::*loop)());
    void end(std::thread& thread, bool& stopFlag);
    void abandonDevice();            // device lost: hand the clock to the silent one
    bool resumeDevice();             // reopened: hand the clock back to the device
    // The one way the clock changes hands, between the device that has it (or the silent
    // clock) and `next` (nullptr: the silent clock), used by start(), the watchdog and
    // switchDevice(). `next`'s stream starts first (playing silence) and the current owner
    // lets go only then, so nothing changes when it will not start: "" or why. A lost
    // device is abandoned (Device::abandon), a healthy one only detached.
    enum class Release { Detach, Abandon };
    std::string handOver(Device* next, Release how);

    LiveEngineConfig config_;
    Mixer mixer_;
    Scheduler scheduler_;
    OutputMonitor monitor_;
    Recorder recorder_;
    // Written by start(), stop() and switchDevice() under deviceMutex_ (stats() reads it from
    // any thread); the watchdog reads it unlocked, and switchDevice() stops the watchdog first.
    Device* device_ = nullptr;
    mutable std::mutex deviceMutex_;
    std::mutex controlMutex_;  // one switchDevice() or stop() at a time
    // Devices switched away from leave their counters behind: what they counted while they
    // were the engine's, and the current device's counters when it became the engine's.
    struct ClockCounters {
        uint64_t callbacks = 0, overruns = 0, xruns = 0;
        int64_t totalNs = 0;
        static ClockCounters of(const DeviceStats& d);
        ClockCounters& operator+=(const ClockCounters& o);
        ClockCounters operator-(const ClockCounters& o) const;
    };
    ClockCounters retired_, baseline_;
    double retiredMaxCallbackUs_ = 0;
    uint64_t retiredMaxCallbackAt_ = 0;
    std::atomic<bool> onDevice_{false};  // who calls render(): the device, or the silent clock
    std::atomic<int64_t> frame_{0};
    std::atomic<bool> running_{false};
    std::mutex inboxMutex_;
    std::vector<SchedulerCommand> inbox_, draining_;  // draining_: the scheduler thread's batch
    std::atomic<bool> posted_{false};
    std::mutex wakeMutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
    std::atomic<const char*> stopStage_{""};
    std::atomic<const char*> watchdogStage_{""};
    bool clockStopping_ = false;
    bool watchdogStopping_ = false;
    std::thread schedulerThread_, clockThread_, supervisorThread_;
    std::atomic<uint64_t> deviceLosses_{0}, deviceRecoveries_{0}, deviceAttempts_{0};
    mutable std::mutex deviceErrorMutex_;
    std::string lastDeviceError_;
    // The silent clock counts its blocks as the device counts its callbacks.
    DeviceStats silentStats_;
    std::vector<float> scratchLeft_, scratchRight_;
};

}  // namespace seiche::audio
