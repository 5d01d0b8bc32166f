// seiche-cli render: Tidal code to a WAV or FLAC file, offline and deterministic.
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

#include "audio/engine/sound_sources.hpp"
#include "audio/engine/offline_renderer.hpp"
#include "audio/sample_bank.hpp"
#include "cli/arguments.hpp"
#include "cli/verbs.hpp"
#include "pattern/lang/program.hpp"
#include "pattern/value.hpp"

namespace seiche::cli {
namespace {

const char* kRenderHelp =
    "usage: seiche-cli render [options] CODE | --file F\n"
    "\n"
    "Renders Tidal code offline through Seiche's audio engine to a file.\n"
    "  --out FILE        .wav or .flac (24-bit); default seiche-render.wav\n"
    "  --seconds S       length in seconds, or\n"
    "  --cycles N        length in cycles (default 4)\n"
    "  --cps X           tempo before the code's own setcps (default 0.5625)\n"
    "  --rate R          sample rate (default 48000)\n"
    "  --samples DIR     load a Dirt-Samples-style folder (repeatable)\n"
    "  --kit-only        only the built-in kit and synths (no system sample folders)\n"
    "  --json            print the report as JSON\n";

}  // namespace

int runRender(const std::vector<std::string>& args) {
    audio::RenderOptions options;
    audio::SoundSources sources;
    bool json = false, haveCode = false;
    std::string code;
    Arguments arg("render", args);
    while (arg.next()) {
        const auto sound = arg.soundOption(sources);
        if (sound == Arguments::Taken::Failed) return 2;
        if (sound == Arguments::Taken::Yes) continue;
        if (arg.is("--help") || arg.is("-h")) {
            std::fputs(kRenderHelp, stdout);
            return 0;
        } else if (arg.is("--out")) {
            const std::string* v = arg.value();
            if (!v) return 2;
            options.out = *v;
        } else if (arg.is("--seconds")) {
            if (!arg.number(options.seconds)) return 2;
        } else if (arg.is("--cycles")) {
            if (!arg.number(options.cycles)) return 2;
        } else if (arg.is("--cps")) {
            if (!arg.number(options.cps)) return 2;
        } else if (arg.is("--rate")) {
            if (!arg.number(options.sampleRate)) return 2;
        } else if (arg.is("--json")) {
            json = true;
        } else if (!arg.code(code, haveCode)) {
            return 2;
        }
    }
    if (!haveCode) {
        std::fputs(kRenderHelp, stderr);
        return 2;
    }
    if (options.seconds && options.cycles) {
        std::fputs("seiche-cli render: give --seconds or --cycles, not both\n", stderr);
        return 2;
    }
    auto program = lang::compile(code);
    if (!program) {
        std::fprintf(stderr, "%s\n", program.error->str().c_str());
        return 2;
    }

    audio::SampleBankOptions bankOptions;
    bankOptions.sampleRate = options.sampleRate;
    audio::SampleBank bank(bankOptions);
    audio::addSoundSources(bank, sources);
    bank.waitUntilIdle();  // a render must not depend on how fast files decode
    for (const auto& m : bank.takeMessages())
        if (m.kind == audio::SampleMessage::Kind::Skipped) std::fprintf(stderr, "seiche-cli render: %s\n", m.text().c_str());

    auto report = audio::renderToFile(*program.value, bank, options);
    if (!report.ok) {
        std::fprintf(stderr, "seiche-cli render: %s\n", report.error.c_str());
        return 1;
    }
    for (const auto& [name, count] : report.scheduler.unknownSounds)
        std::fprintf(stderr, "seiche-cli render: unknown sound '%s' (%llu events silent)\n", name.c_str(),
                     static_cast<unsigned long long>(count));
    const double speed = report.renderSeconds > 0 ? report.seconds / report.renderSeconds : 0;
    // What one voice sounding for one second costs, in microseconds of this render.
    const double voiceSeconds = report.meanVoices * report.seconds;
    const double usPerVoiceSecond = voiceSeconds > 0 ? report.renderSeconds * 1e6 / voiceSeconds : 0;
    if (json) {
        std::printf("{\"file\":%s,\"seconds\":%.6f,\"frames\":%lld,\"triggers\":%llu,\"peak\":%.6f,\"peak_voices\":%d,"
                    "\"late_triggers\":%llu,\"dropped_triggers\":%llu,\"realtime_factor\":%.1f,\"mean_voices\":%.1f,"
                    "\"us_per_voice_second\":%.1f}\n",
                    jsonQuote(options.out.string()).c_str(), report.seconds, static_cast<long long>(report.frames),
                    static_cast<unsigned long long>(report.scheduler.triggers), report.peak, report.peakVoices,
                    static_cast<unsigned long long>(report.lateTriggers),
                    static_cast<unsigned long long>(report.scheduler.droppedTriggers), speed, report.meanVoices,
                    usPerVoiceSecond);
    } else {
        std::printf("%s: %.3f s, %llu sounds, peak %.3f, %d voices at most, %.0fx real time\n", options.out.c_str(),
                    report.seconds, static_cast<unsigned long long>(report.scheduler.triggers), report.peak,
                    report.peakVoices, speed);
    }
    return 0;
}

}  // namespace seiche::cli
