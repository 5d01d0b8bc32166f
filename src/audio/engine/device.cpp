#include "audio/engine/device.hpp"

#include "audio/engine/audio_thread.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <mutex>
#include <thread>

#include <rtaudio/RtAudio.h>

#if defined(__SSE__)
#include <xmmintrin.h>
#endif

namespace seiche::audio {
namespace {

RtAudio::Api toRt(AudioApi api) {
    switch (api) {
        case AudioApi::Jack: return RtAudio::UNIX_JACK;
        case AudioApi::Pulse: return RtAudio::LINUX_PULSE;
        case AudioApi::Alsa: return RtAudio::LINUX_ALSA;
    }
    return RtAudio::UNSPECIFIED;
}

bool compiled(AudioApi api) {
    std::vector<RtAudio::Api> apis;
    RtAudio::getCompiledApi(apis);
    return std::find(apis.begin(), apis.end(), toRt(api)) != apis.end();
}

// libjack and alsa-lib print multi-line chatter to stderr when there is no
// server or card; while probing we keep stderr quiet and report one line ourselves.
class QuietStderr {
public:
    QuietStderr() {
        std::fflush(stderr);
        saved_ = ::dup(2);
        const int null = ::open("/dev/null", O_WRONLY);
        if (saved_ >= 0 && null >= 0) ::dup2(null, 2);
        if (null >= 0) ::close(null);
    }
    ~QuietStderr() {
        std::fflush(stderr);
        if (saved_ >= 0) {
            ::dup2(saved_, 2);
            ::close(saved_);
        }
    }
    QuietStderr(const QuietStderr&) = delete;
    QuietStderr& operator=(const QuietStderr&) = delete;

private:
    int saved_ = -1;
};

std::string oneLine(std::string s) {
    for (char& c : s)
        if (c == '\n' || c == '\r') c = ' ';
    while (!s.empty() && s.back() == ' ') s.pop_back();
    while (!s.empty() && s.front() == ' ') s.erase(s.begin());
    return s;
}

// Runtime stream errors (after open) arrive through RtAudio's error callback,
// which carries no user pointer.
std::mutex gStreamErrorMutex;
std::string gStreamError;

void onStreamError(RtAudioError::Type type, const std::string& text) {
    if (type == RtAudioError::WARNING || type == RtAudioError::DEBUG_WARNING) return;
    std::lock_guard lock(gStreamErrorMutex);
    gStreamError = oneLine(text);
}

// What RtAudio's callback is given: the device, and which of its streams calls.
struct StreamTicket {
    Device* device;
    uint64_t stream;
};

int trampoline(void* output, void* /*input*/, unsigned frames, double /*time*/, RtAudioStreamStatus status,
               void* user) {
    const auto* ticket = static_cast<const StreamTicket*>(user);
    return ticket->device->onAudio(ticket->stream, output, frames, (status & RTAUDIO_OUTPUT_UNDERFLOW) != 0);
}

}  // namespace

const char* apiName(AudioApi api) {
    switch (api) {
        case AudioApi::Jack: return "jack";
        case AudioApi::Pulse: return "pulse";
        case AudioApi::Alsa: return "alsa";
    }
    return "?";
}

std::optional<AudioApi> parseApi(std::string_view name) {
    if (name == "jack") return AudioApi::Jack;
    if (name == "pulse" || name == "pulseaudio") return AudioApi::Pulse;
    if (name == "alsa") return AudioApi::Alsa;
    return std::nullopt;
}

const std::vector<AudioApi>& apiPreference() {
    static const std::vector<AudioApi> order{AudioApi::Jack, AudioApi::Pulse, AudioApi::Alsa};
    return order;
}

std::vector<ApiListing> listDevices(std::optional<AudioApi> only) {
    std::vector<ApiListing> out;
    for (AudioApi api : apiPreference()) {
        if (only && *only != api) continue;
        ApiListing listing;
        listing.api = api;
        listing.compiled = compiled(api);
        if (!listing.compiled) {
            listing.error = "not compiled into this RtAudio";
            out.push_back(std::move(listing));
            continue;
        }
        try {
            QuietStderr quiet;
            RtAudio rt(toRt(api));
            rt.showWarnings(false);
            const unsigned count = rt.getDeviceCount();
            for (unsigned i = 0; i < count; ++i) {
                RtAudio::DeviceInfo info;
                try {
                    info = rt.getDeviceInfo(i);
                } catch (...) {
                    continue;
                }
                if (!info.probed || info.outputChannels == 0) continue;
                DeviceInfo d;
                d.api = api;
                d.index = static_cast<int>(i);
                d.name = info.name;
                d.outputChannels = static_cast<int>(info.outputChannels);
                d.isDefault = info.isDefaultOutput;
                d.sampleRates.assign(info.sampleRates.begin(), info.sampleRates.end());
                d.preferredRate = info.preferredSampleRate;
                listing.devices.push_back(std::move(d));
            }
            if (listing.devices.empty()) listing.error = api == AudioApi::Jack ? "no JACK server running" : "no output devices";
        } catch (const std::exception& e) {
            listing.error = oneLine(e.what());
        } catch (...) {
            listing.error = "unknown error";
        }
        out.push_back(std::move(listing));
    }
    return out;
}

struct Device::Impl {
    std::unique_ptr<RtAudio> rt;
    std::unique_ptr<StreamTicket> ticket;  // lives as long as the stream may call back
};

Device::Device() : impl_(std::make_unique<Impl>()) {}

Device::~Device() { stop(); }

void Device::setRenderFunction(RenderFunction function, void* context) {
    context_.store(context);
    function_.store(function);
}

int Device::onAudio(uint64_t stream, void* output, unsigned frames, bool underflow) {
    if (stream != stream_.load(std::memory_order_acquire)) {
        // An abandoned stream that came back to life: silence, and hands off the mixer.
        std::memset(output, 0, sizeof(float) * 2 * frames);
        return 0;
    }
    const auto started = std::chrono::steady_clock::now();
#if defined(__SSE__)
    // Flush denormals to zero on the audio thread (FTZ | DAZ): decaying filter and
    // reverb tails must not fall into the slow subnormal path.
    _mm_setcsr(_mm_getcsr() | 0x8040);
#endif
    const uint64_t number = stats_.callbacks.fetch_add(1, std::memory_order_relaxed) + 1;
    if (underflow) {
        stats_.xruns.fetch_add(1, std::memory_order_relaxed);
        if (stats_.firstXrunCallback.load(std::memory_order_relaxed) == 0)
            stats_.firstXrunCallback.store(number, std::memory_order_relaxed);
        stats_.lastXrunCallback.store(number, std::memory_order_relaxed);
    }
    float* left = static_cast<float*>(output);
    float* right = left + frames;  // RTAUDIO_NONINTERLEAVED: one channel after the other
    inCallback_.store(true, std::memory_order_seq_cst);
    RenderFunction f = function_.load(std::memory_order_seq_cst);
    if (f) {
        audio_thread::CallbackScope inCallback;
        f(context_.load(std::memory_order_relaxed), left, right, static_cast<int>(frames));
    } else {
        std::memset(output, 0, sizeof(float) * 2 * frames);
    }
    inCallback_.store(false, std::memory_order_release);
    const int64_t ns =
        std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - started).count();
    stats_.recordDuration(number, ns, static_cast<int>(frames), sampleRate_);
    return 0;
}

bool Device::tryOpen(AudioApi api, const DeviceOptions& options, std::string& why) {
    if (!compiled(api)) {
        why = "RtAudio was built without it";
        return false;
    }
    try {
        QuietStderr quiet;
        auto rt = std::make_unique<RtAudio>(toRt(api));
        rt->showWarnings(false);
        const unsigned count = rt->getDeviceCount();
        if (count == 0) {
            why = api == AudioApi::Jack ? "no JACK server is running" : "no audio devices";
            return false;
        }
        unsigned index = 0;
        if (options.device) {
            if (*options.device < 0 || static_cast<unsigned>(*options.device) >= count) {
                why = "no device " + std::to_string(*options.device) + " (there are " + std::to_string(count) +
                      "; see `seiche-cli devices`)";
                return false;
            }
            index = static_cast<unsigned>(*options.device);
        } else {
            index = rt->getDefaultOutputDevice();
            if (index >= count) index = 0;
        }
        RtAudio::DeviceInfo info = rt->getDeviceInfo(index);
        if (!info.probed || info.outputChannels < 2) {
            why = "device " + std::to_string(index) + " ('" + info.name + "') has no stereo output";
            return false;
        }
        unsigned rate = 48000;
        if (options.sampleRate) {
            rate = *options.sampleRate;
        } else if (!info.sampleRates.empty() &&
                   std::find(info.sampleRates.begin(), info.sampleRates.end(), 48000u) == info.sampleRates.end()) {
            rate = info.preferredSampleRate ? info.preferredSampleRate : info.sampleRates.back();
        }
        RtAudio::StreamParameters out;
        out.deviceId = index;
        out.nChannels = 2;
        out.firstChannel = 0;
        RtAudio::StreamOptions streamOptions;
        streamOptions.flags = RTAUDIO_NONINTERLEAVED | RTAUDIO_SCHEDULE_REALTIME;
        streamOptions.streamName = "seiche";
        unsigned frames = std::max(16u, options.bufferFrames);
        auto ticket = std::make_unique<StreamTicket>(StreamTicket{this, stream_.load()});
        rt->openStream(&out, nullptr, RTAUDIO_FLOAT32, rate, &frames, &trampoline, ticket.get(), &streamOptions,
                       &onStreamError);
        if (!rt->isStreamOpen()) {
            why = "the stream did not open";
            return false;
        }
        impl_->rt = std::move(rt);
        impl_->ticket = std::move(ticket);
        api_ = api;
        deviceName_ = info.name;
        sampleRate_ = impl_->rt->getStreamSampleRate() ? impl_->rt->getStreamSampleRate() : rate;
        bufferFrames_ = frames;
        open_ = true;
        return true;
    } catch (const std::exception& e) {
        why = oneLine(e.what());
    } catch (...) {
        why = "unknown error";
    }
    return false;
}

bool Device::open(const DeviceOptions& options) {
    stop();
    error_.clear();
    lastOptions_ = options;
    std::string reasons;
    for (AudioApi api : apiPreference()) {
        if (options.api && *options.api != api) continue;
        std::string why;
        if (tryOpen(api, options, why)) return true;
        if (options.api) {
            reasons = why;
            break;
        }
        if (!reasons.empty()) reasons += "; ";
        reasons += std::string(apiName(api)) + ": " + why;
    }
    error_ = reasons.empty() ? "no audio API" : reasons;
    return false;
}

bool Device::reopen(unsigned sampleRate) {
    DeviceOptions options = lastOptions_;
    options.sampleRate = sampleRate;
    return open(options);
}

void Device::detach() {
    setRenderFunction(nullptr, nullptr);
    // A callback already inside the render function finishes it (it never blocks) before
    // anyone else may render: a stalled stream's thread may only have been descheduled.
    for (int i = 0; i < 2000 && inCallback_.load(std::memory_order_seq_cst); ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

void Device::abandon() {
    detach();
    // Its callbacks, should they come back, now find a stale ticket and play silence.
    stream_.fetch_add(1, std::memory_order_acq_rel);
    if (impl_ && impl_->rt) {
        static_cast<void>(impl_->rt.release());
        static_cast<void>(impl_->ticket.release());
    }
    open_ = false;
}

bool Device::start() {
    if (!open_) return false;
    {
        std::lock_guard lock(gStreamErrorMutex);
        gStreamError.clear();
    }
    try {
        impl_->rt->startStream();
    } catch (const std::exception& e) {
        error_ = oneLine(e.what());
        return false;
    } catch (...) {
        error_ = "unknown error starting the stream";
        return false;
    }
    std::lock_guard lock(gStreamErrorMutex);
    if (!gStreamError.empty() || !impl_->rt->isStreamRunning()) {
        error_ = gStreamError.empty() ? "the stream did not start" : gStreamError;
        return false;
    }
    return true;
}

bool Device::isRunning() const {
    try {
        return open_ && impl_->rt && impl_->rt->isStreamRunning();
    } catch (...) {
        return false;
    }
}

void Device::stop() {
    if (!impl_ || !impl_->rt) {
        open_ = false;
        return;
    }
    try {
        if (impl_->rt->isStreamRunning()) impl_->rt->stopStream();
    } catch (...) {
    }
    try {
        if (impl_->rt->isStreamOpen()) impl_->rt->closeStream();
    } catch (...) {
    }
    try {
        impl_->rt.reset();
    } catch (...) {
    }
    impl_->ticket.reset();  // after the stream: it can no longer call back
    open_ = false;
}

}  // namespace seiche::audio
