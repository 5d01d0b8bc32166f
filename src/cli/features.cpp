// seiche-cli features: the taste classifier's feature vector of sound files.
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "analysis/feature_extractor.hpp"
#include "cli/arguments.hpp"
#include "cli/verbs.hpp"

namespace seiche::cli {
namespace {

const char* kFeaturesHelp =
    "usage: seiche-cli features [options] FILE...\n"
    "\n"
    "Prints the mean and variance over frames of each MFCC of every sound file\n"
    "(any format libsndfile reads), as defined in docs/analysis.md.\n"
    "  --extra           also duration (s), loudness (dBFS RMS), spectral centroid (Hz),\n"
    "                    flatness (0..1) and onset rate (per second)\n"
    "  --rate R          analysis sample rate (default 44100); files are resampled to it\n"
    "  --window N        FFT window, a power of two (default 1024)\n"
    "  --hop N           hop between frames (default 512)\n"
    "  --bands N         mel bands (default 40)\n"
    "  --coefficients N  MFCCs kept, coefficient 0 included (default 13)\n"
    "  --json            one JSON document: {\"names\": [...], \"files\": [{\"file\", \"vector\", ...}]}\n"
    "A file that cannot be analysed is reported on stderr (and with \"error\" in JSON);\n"
    "the others are still analysed, and the exit status is 1.\n";

bool integerOption(Arguments& arg, int& out) {
    const std::string flag = arg.current();
    double x = 0;
    if (!arg.number(x)) return false;
    if (x != std::floor(x) || x < 1 || x > 1e7) {
        std::fprintf(stderr, "seiche-cli features: %s needs a whole number, got %g\n", flag.c_str(), x);
        return false;
    }
    out = static_cast<int>(x);
    return true;
}

nlohmann::json toJson(const std::string& file, const analysis::SoundFeatures& f) {
    nlohmann::json out = {{"file", file}, {"vector", f.vector()}, {"mfcc_mean", f.mfccMean}, {"mfcc_var", f.mfccVariance}};
    if (f.hasExtra) {
        out["duration"] = f.duration;
        out["loudness"] = f.loudness;
        out["centroid"] = f.centroid;
        out["flatness"] = f.flatness;
        out["onset_rate"] = f.onsetRate;
    }
    return out;
}

void printRow(const char* label, const std::vector<double>& values) {
    std::printf("  %-9s", label);
    for (double v : values) std::printf(" %.4f", v);
    std::printf("\n");
}

void printHuman(const std::string& file, const analysis::SoundFeatures& f) {
    std::printf("%s\n", file.c_str());
    printRow("mfcc mean", f.mfccMean);
    printRow("mfcc var", f.mfccVariance);
    if (f.hasExtra)
        std::printf("  %.3f s, %.1f dBFS, centroid %.0f Hz, flatness %.4f, %.2f onsets/s\n", f.duration, f.loudness,
                    f.centroid, f.flatness, f.onsetRate);
}

}  // namespace

int runFeatures(const std::vector<std::string>& args) {
    analysis::FeatureOptions options;
    bool json = false;
    std::vector<std::string> files;
    Arguments arg("features", args);
    while (arg.next()) {
        if (arg.is("--help") || arg.is("-h")) {
            std::fputs(kFeaturesHelp, stdout);
            return 0;
        } else if (arg.is("--json")) {
            json = true;
        } else if (arg.is("--extra")) {
            options.extra = true;
        } else if (arg.is("--rate")) {
            if (!integerOption(arg, options.analysisRate)) return 2;
        } else if (arg.is("--window")) {
            if (!integerOption(arg, options.windowSize)) return 2;
        } else if (arg.is("--hop")) {
            if (!integerOption(arg, options.hopSize)) return 2;
        } else if (arg.is("--bands")) {
            if (!integerOption(arg, options.melBands)) return 2;
        } else if (arg.is("--coefficients")) {
            if (!integerOption(arg, options.coefficients)) return 2;
        } else if (arg.current().starts_with("--")) {
            std::fprintf(stderr, "seiche-cli features: unknown option '%s'\n", arg.current().c_str());
            return 2;
        } else {
            files.push_back(arg.current());
        }
    }
    if (files.empty()) {
        std::fputs(kFeaturesHelp, stderr);
        return 2;
    }
    if (auto problem = analysis::checkOptions(options); !problem.empty()) {
        std::fprintf(stderr, "seiche-cli features: %s\n", problem.c_str());
        return 2;
    }

    int status = 0;
    nlohmann::json report = {{"names", analysis::SoundFeatures::names(options)}, {"files", nlohmann::json::array()}};
    for (const auto& file : files) {
        const auto result = analysis::extractFeatures(file, options);
        for (const auto& warning : result.warnings) std::fprintf(stderr, "seiche-cli features: %s: %s\n", file.c_str(), warning.c_str());
        if (!result) {
            std::fprintf(stderr, "seiche-cli features: %s\n", result.error.c_str());
            if (json) report["files"].push_back({{"file", file}, {"error", result.error}});
            status = 1;
        } else if (json) {
            report["files"].push_back(toJson(file, *result.value));
        } else {
            printHuman(file, *result.value);
        }
    }
    if (json) std::printf("%s\n", report.dump().c_str());
    return status;
}

}  // namespace seiche::cli
