// seiche-cli render: Tidal code to a WAV or FLAC file, offline and deterministic.
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

#include "audio/engine/builtin_kit.hpp"
#include "audio/engine/offline_renderer.hpp"
#include "audio/sample_bank.hpp"
#include "cli/verbs.hpp"
#include "pattern/lang/program.hpp"

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

bool parseNumber(const std::string& text, double& out) {
    char* end = nullptr;
    out = std::strtod(text.c_str(), &end);
    return end && *end == '\0' && !text.empty();
}

}  // namespace

int runRender(const std::vector<std::string>& args) {
    audio::RenderOptions options;
    std::vector<std::string> folders;
    bool kitOnly = false, json = false, haveCode = false;
    std::string code;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto value = [&]() -> const std::string* {
            if (i + 1 >= args.size()) {
                std::fprintf(stderr, "seiche-cli render: %s needs a value\n", a.c_str());
                return nullptr;
            }
            return &args[++i];
        };
        auto number = [&](std::optional<double>& slot) -> bool {
            const std::string* v = value();
            double x = 0;
            if (!v || !parseNumber(*v, x)) {
                if (v) std::fprintf(stderr, "seiche-cli render: %s needs a number, got '%s'\n", a.c_str(), v->c_str());
                return false;
            }
            slot = x;
            return true;
        };
        if (a == "--help" || a == "-h") {
            std::fputs(kRenderHelp, stdout);
            return 0;
        } else if (a == "--out") {
            const std::string* v = value();
            if (!v) return 2;
            options.out = *v;
        } else if (a == "--seconds") {
            if (!number(options.seconds)) return 2;
        } else if (a == "--cycles") {
            if (!number(options.cycles)) return 2;
        } else if (a == "--cps") {
            if (!number(options.cps)) return 2;
        } else if (a == "--rate") {
            std::optional<double> r;
            if (!number(r)) return 2;
            options.sampleRate = *r;
        } else if (a == "--samples") {
            const std::string* v = value();
            if (!v) return 2;
            folders.push_back(*v);
        } else if (a == "--kit-only") {
            kitOnly = true;
        } else if (a == "--json") {
            json = true;
        } else if (a == "--file") {
            const std::string* v = value();
            if (!v || !readFile(*v, code)) return 2;
            haveCode = true;
        } else if (!haveCode) {
            code = a;
            haveCode = true;
        } else {
            std::fprintf(stderr, "seiche-cli render: unexpected argument '%s' (quote the code as one argument)\n", a.c_str());
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
    audio::registerBuiltinKit(bank);
    if (!kitOnly) {
        bank.registerDirtSamples();
        bank.registerSonicPiSamples();
    }
    for (const auto& f : folders) bank.loadFolderAsync(f);
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
    if (json) {
        std::printf("{\"file\":\"%s\",\"seconds\":%.6f,\"frames\":%lld,\"triggers\":%llu,\"peak\":%.6f,\"peak_voices\":%d,"
                    "\"late_triggers\":%llu,\"dropped_triggers\":%llu,\"realtime_factor\":%.1f}\n",
                    options.out.c_str(), report.seconds, static_cast<long long>(report.frames),
                    static_cast<unsigned long long>(report.scheduler.triggers), report.peak, report.peakVoices,
                    static_cast<unsigned long long>(report.lateTriggers),
                    static_cast<unsigned long long>(report.scheduler.droppedTriggers), speed);
    } else {
        std::printf("%s: %.3f s, %llu sounds, peak %.3f, %d voices at most, %.0fx real time\n", options.out.c_str(),
                    report.seconds, static_cast<unsigned long long>(report.scheduler.triggers), report.peak,
                    report.peakVoices, speed);
    }
    return 0;
}

}  // namespace seiche::cli
