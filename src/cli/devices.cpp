// seiche-cli devices: the audio output devices RtAudio finds, per API.
#include <cstdio>
#include <string>
#include <vector>

#include "audio/engine/device.hpp"
#include "cli/verbs.hpp"
#include "pattern/value.hpp"

namespace seiche::cli {
namespace {

const char* kDevicesHelp =
    "usage: seiche-cli devices [--api jack|pulse|alsa] [--json]\n"
    "\n"
    "Lists the audio output devices per API, in the order `play` tries them\n"
    "(JACK, PulseAudio, ALSA). The index is what `play --device N` takes.\n"
    "  --api A   only this API\n"
    "  --json    one JSON object: {\"apis\":[{\"api\",\"compiled\",\"error\",\"devices\":[...]}]}\n";


}  // namespace

int runDevices(const std::vector<std::string>& args) {
    bool json = false;
    std::optional<audio::AudioApi> only;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--help" || a == "-h") {
            std::fputs(kDevicesHelp, stdout);
            return 0;
        } else if (a == "--json") {
            json = true;
        } else if (a == "--api") {
            if (i + 1 >= args.size()) {
                std::fputs("seiche-cli devices: --api needs a value\n", stderr);
                return 2;
            }
            only = audio::parseApi(args[++i]);
            if (!only) {
                std::fprintf(stderr, "seiche-cli devices: unknown --api '%s' (jack, pulse or alsa)\n", args[i].c_str());
                return 2;
            }
        } else {
            std::fprintf(stderr, "seiche-cli devices: unexpected argument '%s'\n", a.c_str());
            return 2;
        }
    }
    const auto listings = audio::listDevices(only);
    if (json) {
        std::string out = "{\"apis\":[";
        for (size_t k = 0; k < listings.size(); ++k) {
            const auto& l = listings[k];
            if (k) out += ',';
            out += "{\"api\":" + jsonQuote(audio::apiName(l.api)) + ",\"compiled\":" + (l.compiled ? "true" : "false") +
                   ",\"error\":" + (l.error.empty() ? "null" : jsonQuote(l.error)) + ",\"devices\":[";
            for (size_t j = 0; j < l.devices.size(); ++j) {
                const auto& d = l.devices[j];
                if (j) out += ',';
                out += "{\"index\":" + std::to_string(d.index) + ",\"name\":" + jsonQuote(d.name) +
                       ",\"output_channels\":" + std::to_string(d.outputChannels) +
                       ",\"default\":" + (d.isDefault ? "true" : "false") + ",\"sample_rates\":[";
                for (size_t r = 0; r < d.sampleRates.size(); ++r)
                    out += (r ? "," : "") + std::to_string(d.sampleRates[r]);
                out += "],\"preferred_rate\":" + std::to_string(d.preferredRate) + "}";
            }
            out += "]}";
        }
        out += "]}";
        std::puts(out.c_str());
        return 0;
    }
    bool any = false;
    for (const auto& l : listings) {
        std::printf("%s:%s%s\n", audio::apiName(l.api), l.error.empty() ? "" : " ", l.error.c_str());
        for (const auto& d : l.devices) {
            any = true;
            std::string rates;
            for (unsigned r : d.sampleRates) rates += (rates.empty() ? "" : ",") + std::to_string(r);
            std::printf("  %d  %s%s  %d ch  %s Hz\n", d.index, d.name.c_str(), d.isDefault ? " (default)" : "",
                        d.outputChannels, rates.empty() ? "?" : rates.c_str());
        }
    }
    if (!any) std::puts("no audio output devices: `seiche-cli play` runs on a silent clock");
    return 0;
}

}  // namespace seiche::cli
