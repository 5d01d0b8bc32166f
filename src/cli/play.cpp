// seiche-cli play: Tidal code through the audio device in real time, then one line of statistics.
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "audio/engine/sound_sources.hpp"
#include "audio/engine/device.hpp"
#include "audio/engine/live_engine.hpp"
#include "audio/sample_bank.hpp"
#include "cli/arguments.hpp"
#include "cli/verbs.hpp"
#include "pattern/value.hpp"
#include "pattern/lang/program.hpp"

namespace seiche::cli {
namespace {

const char* kPlayHelp =
    "usage: seiche-cli play [options] CODE | --file F\n"
    "\n"
    "Plays Tidal code on the audio device in real time, then prints one line of\n"
    "statistics. With no device at all it says so and runs on a silent clock. A device\n"
    "that goes away while playing hands over to the silent clock, and it is reopened\n"
    "every second until it comes back (a device that was missing at the start is\n"
    "looked for the same way); both moments are reported on stderr.\n"
    "  --seconds S       how long to play (default 8)\n"
    "  --api A           jack, pulse or alsa (default: the first that works, in that order)\n"
    "  --device N        device index within the API (see `seiche-cli devices`)\n"
    "  --rate R          sample rate (default 48000, or the device's own rate)\n"
    "  --buffer N        buffer size in frames (default 128)\n"
    "  --no-device       run on the silent clock without opening a device\n"
    "  --lookahead S     scheduler lookahead in seconds (default 0.05)\n"
    "  --samples DIR     load a Dirt-Samples-style folder (repeatable)\n"
    "  --kit-only        only the built-in kit and synths (no system sample folders)\n"
    "  --record FILE     record the performance to FILE (.wav or .flac, 24-bit, the\n"
    "                    engine's rate): exactly the frames played; a failure (a path that\n"
    "                    cannot be written, a full disk) is reported at once on stderr\n"
    "  --json            print the statistics as JSON:\n"
    "                    {\"callbacks\",\"xruns\",\"late_events\",\"max_callback_us\",\"peak_voices\",...}\n"
    "exit status: 0 played, 1 the requested --api could not be opened, 2 bad options or code,\n"
    "3 the recording failed (the statistics are printed all the same)\n";



}  // namespace

int runPlay(const std::vector<std::string>& args) {
    double seconds = 8, lookahead = 0.05;
    std::optional<double> rate, buffer, deviceIndex;
    std::optional<audio::AudioApi> api;
    audio::SoundSources sources;
    bool json = false, haveCode = false, noDevice = false;
    std::string code, recordPath;
    Arguments arg("play", args);
    while (arg.next()) {
        const auto sound = arg.soundOption(sources);
        if (sound == Arguments::Taken::Failed) return 2;
        if (sound == Arguments::Taken::Yes) continue;
        if (arg.is("--help") || arg.is("-h")) {
            std::fputs(kPlayHelp, stdout);
            return 0;
        } else if (arg.is("--seconds")) {
            if (!arg.number(seconds)) return 2;
        } else if (arg.is("--lookahead")) {
            if (!arg.number(lookahead)) return 2;
        } else if (arg.is("--rate")) {
            if (!arg.number(rate)) return 2;
        } else if (arg.is("--buffer")) {
            if (!arg.number(buffer)) return 2;
        } else if (arg.is("--device")) {
            if (!arg.number(deviceIndex)) return 2;
        } else if (arg.is("--api")) {
            const std::string* v = arg.value();
            if (!v) return 2;
            api = audio::parseApi(*v);
            if (!api) {
                std::fprintf(stderr, "seiche-cli play: unknown --api '%s' (jack, pulse or alsa)\n", v->c_str());
                return 2;
            }
        } else if (arg.is("--json")) {
            json = true;
        } else if (arg.is("--no-device")) {
            noDevice = true;
        } else if (arg.is("--record")) {
            const std::string* v = arg.value();
            if (!v) return 2;
            recordPath = *v;
        } else if (!arg.code(code, haveCode)) {
            return 2;
        }
    }
    if (!haveCode) {
        std::fputs(kPlayHelp, stderr);
        return 2;
    }
    if (!(seconds > 0) || seconds > 24 * 3600) {
        std::fputs("seiche-cli play: --seconds must be between 0 and 24 hours\n", stderr);
        return 2;
    }
    if (rate && (*rate < 8000 || *rate > 384000)) {
        std::fputs("seiche-cli play: --rate must be between 8000 and 384000\n", stderr);
        return 2;
    }
    if (buffer && (*buffer < 16 || *buffer > 8192)) {
        std::fputs("seiche-cli play: --buffer must be between 16 and 8192 frames\n", stderr);
        return 2;
    }
    if (!(lookahead > 0) || lookahead > 10) {
        std::fputs("seiche-cli play: --lookahead must be between 0 and 10 seconds\n", stderr);
        return 2;
    }
    auto program = lang::compile(code);
    if (!program) {
        std::fprintf(stderr, "%s\n", program.error->str().c_str());
        return 2;
    }

    // The device decides the rate (a JACK server runs at its own), so open it first.
    audio::DeviceOptions deviceOptions;
    deviceOptions.api = api;
    if (deviceIndex) deviceOptions.device = static_cast<int>(*deviceIndex);
    if (rate) deviceOptions.sampleRate = static_cast<unsigned>(std::lround(*rate));
    if (buffer) deviceOptions.bufferFrames = static_cast<unsigned>(std::lround(*buffer));
    audio::Device device;
    bool haveDevice = !noDevice && device.open(deviceOptions);
    if (!noDevice && !haveDevice) {
        if (api) {
            std::fprintf(stderr, "seiche-cli play: cannot open %s (%s)\n", audio::apiName(*api), device.error().c_str());
            return 1;
        }
        std::fprintf(stderr, "seiche-cli play: no audio device (%s); running on a silent clock until one appears\n",
                     device.error().c_str());
    }
    const double engineRate = haveDevice ? device.sampleRate() : rate.value_or(48000);

    audio::SampleBankOptions bankOptions;
    bankOptions.sampleRate = engineRate;
    audio::SampleBank bank(bankOptions);
    audio::addSoundSources(bank, sources);

    audio::LiveEngineConfig config;
    config.sampleRate = engineRate;
    config.lookaheadSeconds = lookahead;
    config.maxBlockSize = std::max(1024, haveDevice ? static_cast<int>(device.bufferFrames()) : 1024);
    config.silentBlockFrames = buffer ? static_cast<int>(std::lround(*buffer)) : 128;
    audio::LiveEngine engine(bank, config);
    engine.evaluate(*program.value);
    // Opened before the clock starts, so the file holds the performance from its first frame.
    if (!recordPath.empty()) {
        if (const std::string why = engine.startRecording(recordPath); !why.empty()) {
            std::fprintf(stderr, "seiche-cli play: cannot record: %s\n", why.c_str());
            return 3;
        }
    }
    if (!engine.start(noDevice ? nullptr : &device)) {
        if (api) {
            std::fprintf(stderr, "seiche-cli play: cannot start %s (%s)\n", audio::apiName(*api), device.error().c_str());
            return 1;
        }
        std::fprintf(stderr, "seiche-cli play: the %s stream would not start (%s); running on a silent clock\n",
                     audio::apiName(device.api()), device.error().c_str());
        haveDevice = false;
        if (!engine.start(nullptr)) {
            std::fputs("seiche-cli play: the silent clock would not start\n", stderr);
            return 1;
        }
    }

    const auto until = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    uint64_t losses = 0, recoveries = 0;
    bool recordFailureSaid = false;
    auto sayRecordFailure = [&] {
        const audio::RecordingStatus r = engine.recordingStatus();
        if (!r.failed || recordFailureSaid) return;
        recordFailureSaid = true;
        std::fprintf(stderr, "seiche-cli play: the recording to '%s' failed and stopped: %s\n", r.path.c_str(),
                     r.error.c_str());
    };
    while (std::chrono::steady_clock::now() < until) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        const audio::LiveStats now = engine.stats();
        if (now.deviceLosses != losses)
            std::fprintf(stderr, "seiche-cli play: the audio device went away; the music goes on on a silent clock\n");
        if (now.deviceRecoveries != recoveries)
            std::fprintf(stderr, "seiche-cli play: playing through %s '%s'\n", audio::apiName(device.api()),
                         device.deviceName().c_str());
        losses = now.deviceLosses;
        recoveries = now.deviceRecoveries;
        sayRecordFailure();
        for (const auto& m : bank.takeMessages())
            if (m.kind == audio::SampleMessage::Kind::Skipped)
                std::fprintf(stderr, "seiche-cli play: %s\n", m.text().c_str());
    }
    // How the performance went: one line (JSON with --json), and the sounds nobody heard.
    auto report = [&](const audio::LiveStats& s) {
        const audio::RecordingStatus recording = engine.recordingStatus();
        for (const auto& [name, count] : engine.scheduler().stats().unknownSounds)
            std::fprintf(stderr, "seiche-cli play: unknown sound '%s' (%llu events silent)\n", name.c_str(),
                         static_cast<unsigned long long>(count));

        const bool onDevice = !s.silentClock;  // how it ended: a device can come and go while playing
        const std::string apiText = onDevice ? audio::apiName(device.api()) : "none";
        const std::string deviceText = onDevice ? device.deviceName() : "";
        const unsigned bufferFrames = onDevice ? device.bufferFrames() : static_cast<unsigned>(config.silentBlockFrames);
        if (json) {
            std::printf("{\"callbacks\":%llu,\"xruns\":%llu,\"late_events\":%llu,\"max_callback_us\":%.1f,\"peak_voices\":%d,"
                        "\"api\":%s,\"device\":%s,\"silent_clock\":%s,\"sample_rate\":%.0f,\"buffer_frames\":%u,"
                        "\"seconds\":%.3f,\"triggers\":%llu,\"dropped_triggers\":%llu,\"first_xrun_callback\":%llu,"
                        "\"last_xrun_callback\":%llu,\"max_callback_at\":%llu,\"overruns\":%llu,\"device_losses\":%llu,"
                        "\"device_recoveries\":%llu,\"mean_callback_us\":%.1f,\"device_attempts\":%llu,"
                        "\"last_device_error\":%s,\"record_file\":%s,\"record_frames\":%lld,\"record_error\":%s}\n",
                        static_cast<unsigned long long>(s.callbacks), static_cast<unsigned long long>(s.xruns),
                        static_cast<unsigned long long>(s.lateEvents), s.maxCallbackUs, s.peakVoices,
                        jsonQuote(apiText).c_str(), jsonQuote(deviceText).c_str(), s.silentClock ? "true" : "false",
                        engineRate, bufferFrames, static_cast<double>(s.frames) / engineRate,
                        static_cast<unsigned long long>(s.triggers), static_cast<unsigned long long>(s.droppedTriggers),
                        static_cast<unsigned long long>(s.firstXrunCallback),
                        static_cast<unsigned long long>(s.lastXrunCallback),
                        static_cast<unsigned long long>(s.maxCallbackAt), static_cast<unsigned long long>(s.overruns),
                        static_cast<unsigned long long>(s.deviceLosses),
                        static_cast<unsigned long long>(s.deviceRecoveries), s.meanCallbackUs,
                        static_cast<unsigned long long>(s.deviceAttempts), jsonQuote(engine.lastDeviceError()).c_str(),
                        jsonQuote(recording.path).c_str(), static_cast<long long>(recording.frames),
                        jsonQuote(recording.error).c_str());
        } else {
            std::printf("%s%s%s: %.3f s at %.0f Hz, %u-frame buffers: %llu callbacks, %llu xruns, %llu late events, "
                        "longest callback %.1f us, %d voices at most\n",
                        onDevice ? apiText.c_str() : "silent clock", onDevice ? " " : "",
                        onDevice ? ("'" + deviceText + "'").c_str() : "", static_cast<double>(s.frames) / engineRate,
                        engineRate, bufferFrames, static_cast<unsigned long long>(s.callbacks),
                        static_cast<unsigned long long>(s.xruns), static_cast<unsigned long long>(s.lateEvents),
                        s.maxCallbackUs, s.peakVoices);
        }
    };
    // A driver can hang on a server that died at the wrong moment; the command must still
    // end. After a grace period it reports and exits without waiting any longer.
    std::mutex stopMutex;
    std::condition_variable stopped;
    bool done = false;
    std::thread deadline([&] {
        std::unique_lock lock(stopMutex);
        if (stopped.wait_for(lock, std::chrono::seconds(5), [&] { return done; })) return;
        const std::string stage = engine.stopStage();
        std::fprintf(stderr, "seiche-cli play: %s did not stop within 5 s; exiting without it\n",
                     stage.empty() ? "the engine" : stage.c_str());
        report(engine.stats());
        std::fflush(stdout);
        std::fflush(stderr);
        std::_Exit(engine.recordingStatus().failed ? 3 : 0);
    });
    const std::string watchdogAtEnd = engine.watchdogStage();  // before stop() joins it
    engine.stop();
    {
        std::lock_guard lock(stopMutex);
        done = true;
    }
    stopped.notify_all();
    deadline.join();
    const audio::LiveStats last = engine.stats();
    if (last.deviceLosses > 0 && last.silentClock) {
        if (last.deviceAttempts > 0)
            std::fprintf(stderr, "seiche-cli play: the audio device did not come back in %llu tries (last: %s)\n",
                         static_cast<unsigned long long>(last.deviceAttempts), engine.lastDeviceError().c_str());
        else
            std::fprintf(stderr, "seiche-cli play: the audio device did not come back: no try was made (the watchdog was %s)\n",
                         watchdogAtEnd.empty() ? "waiting" : watchdogAtEnd.c_str());
    }
    sayRecordFailure();
    const audio::RecordingStatus recording = engine.recordingStatus();
    if (!recordPath.empty() && !recording.failed)
        std::fprintf(stderr, "seiche-cli play: recorded %.3f s to '%s'\n", static_cast<double>(recording.frames) / engineRate,
                     recording.path.c_str());
    report(last);
    return recording.failed ? 3 : 0;
}

}  // namespace seiche::cli
