#pragma once
// The output device: RtAudio with the first API that works (JACK, PulseAudio,
// ALSA) or a requested one. The audio callback calls a plain function pointer
// with a context (nothing is allocated on the audio thread) and counts
// callbacks, xruns and the longest callback. RtAudio's exceptions never escape
// this class: failures become one-line messages in error().
#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace seiche::audio {

enum class AudioApi { Jack, Pulse, Alsa };

const char* apiName(AudioApi api);                         // "jack" | "pulse" | "alsa"
std::optional<AudioApi> parseApi(std::string_view name);  // the same names
const std::vector<AudioApi>& apiPreference();             // JACK, PulseAudio, ALSA

struct DeviceInfo {
    AudioApi api = AudioApi::Jack;
    int index = 0;                 // RtAudio's device index within the API (for --device)
    std::string name;
    int outputChannels = 0;
    bool isDefault = false;
    std::vector<unsigned> sampleRates;
    unsigned preferredRate = 0;
};

struct ApiListing {
    AudioApi api = AudioApi::Jack;
    bool compiled = false;         // RtAudio was built with this API
    std::string error;             // why it could not be probed, if it could not
    std::vector<DeviceInfo> devices;  // output-capable devices only
};

// Probes every API in preference order (or only `only`). Never throws.
std::vector<ApiListing> listDevices(std::optional<AudioApi> only = std::nullopt);

struct DeviceOptions {
    std::optional<AudioApi> api;        // none: first that works, in apiPreference() order
    std::optional<int> device;          // RtAudio index within the API; none: the default output
    std::optional<unsigned> sampleRate; // none: 48000 if the device offers it, else its preferred rate
    unsigned bufferFrames = 128;
};

// Audio-thread render function: fills `frames` frames of two planar channels.
using RenderFunction = void (*)(void* context, float* left, float* right, int frames);

struct DeviceStats {
    std::atomic<uint64_t> callbacks{0};
    std::atomic<uint64_t> xruns{0};
    std::atomic<int64_t> maxCallbackNs{0};
    std::atomic<int64_t> totalCallbackNs{0};     // for the mean
    std::atomic<uint64_t> maxCallbackAt{0};      // 1-based callback number of the longest one
    std::atomic<uint64_t> overruns{0};           // callbacks that took longer than their own period
    std::atomic<uint64_t> firstXrunCallback{0};  // 1-based callback number; 0: none
    std::atomic<uint64_t> lastXrunCallback{0};

    // Called by the thread that makes the callbacks (the only writer): how long callback
    // `number` took to mix `frames` frames at `sampleRate`.
    void recordDuration(uint64_t number, int64_t ns, int frames, double sampleRate) {
        if (sampleRate > 0 && static_cast<double>(ns) * sampleRate > static_cast<double>(frames) * 1e9)
            overruns.fetch_add(1, std::memory_order_relaxed);
        totalCallbackNs.fetch_add(ns, std::memory_order_relaxed);
        if (ns > maxCallbackNs.load(std::memory_order_relaxed)) {
            maxCallbackNs.store(ns, std::memory_order_relaxed);
            maxCallbackAt.store(number, std::memory_order_relaxed);
        }
    }
};

class Device {
public:
    Device();
    ~Device();
    Device(const Device&) = delete;
    Device& operator=(const Device&) = delete;

    // Opens a stereo float stream (not yet running). False: error() says why in one line.
    bool open(const DeviceOptions& options);
    // Set before start(); the function runs on the audio thread.
    void setRenderFunction(RenderFunction function, void* context);
    bool start();
    void stop();   // stops and closes the stream; safe to call twice
    // Opens again with the options of the last open(), on the API that worked
    // then, at `sampleRate` (the engine's rate cannot change under it).
    bool reopen(unsigned sampleRate);
    // Lets go of a stream that went away without stopping or closing it: RtAudio's
    // stop waits for one more callback, which a dead server never makes (and a quitting
    // JACK server makes RtAudio close the stream on a thread of its own). The stream
    // object is deliberately leaked, one per loss; the device can then be opened again.
    void abandon();
    // Stops rendering without stopping the stream: after it returns the render function
    // is not running and will not run again (the stream plays silence) until set anew.
    void detach();
    bool isOpen() const { return open_; }
    bool isRunning() const;

    const std::string& error() const { return error_; }
    AudioApi api() const { return api_; }
    const std::string& deviceName() const { return deviceName_; }
    unsigned sampleRate() const { return sampleRate_; }
    unsigned bufferFrames() const { return bufferFrames_; }
    const DeviceStats& stats() const { return stats_; }

    // RtAudio's C callback: public only so the .cpp's trampoline can reach it. `stream`
    // numbers the streams opened; an abandoned one's late callbacks only play silence.
    int onAudio(uint64_t stream, void* output, unsigned frames, bool underflow);

private:
    struct Impl;
    bool tryOpen(AudioApi api, const DeviceOptions& options, std::string& why);

    std::unique_ptr<Impl> impl_;
    std::atomic<RenderFunction> function_{nullptr};
    std::atomic<void*> context_{nullptr};
    std::atomic<bool> inCallback_{false};  // a callback is running the render function
    std::atomic<uint64_t> stream_{0};      // the stream that may render; abandon() moves on
    DeviceStats stats_;
    bool open_ = false;
    AudioApi api_ = AudioApi::Jack;
    std::string deviceName_;
    unsigned sampleRate_ = 0;
    unsigned bufferFrames_ = 0;
    std::string error_;
    DeviceOptions lastOptions_;
};

}  // namespace seiche::audio
