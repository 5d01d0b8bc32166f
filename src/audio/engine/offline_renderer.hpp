#pragma once
// Renders a program to a WAV or FLAC file (by extension) through the same
// scheduler and mixer the device uses, block by block on the calling thread.
// Deterministic: the same code and sounds give bit-identical files.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "audio/engine/scheduler.hpp"
#include "pattern/lang/program.hpp"

namespace seiche::audio {

class SampleBank;

struct RenderOptions {
    double sampleRate = 48000;
    std::optional<double> cps;      // overrides the default before the program's own setcps
    std::optional<double> seconds;  // one of seconds / cycles; default 4 cycles
    std::optional<double> cycles;
    int blockSize = 512;
    // How far ahead the patterns are queried at a time (0: block by block). The file is the
    // same whatever it is; longer spans cost fewer queries.
    double queryAheadSeconds = 0.25;
    std::filesystem::path out = "seiche-render.wav";
};

struct RenderReport {
    bool ok = false;
    std::string error;        // one line: why nothing (or not everything) was written
    int64_t frames = 0;
    double seconds = 0;
    double renderSeconds = 0; // wall time spent
    float peak = 0;
    int peakVoices = 0;
    double meanVoices = 0;     // voices sounding on average over the file
    SchedulerStats scheduler;
    uint64_t lateTriggers = 0;
};

RenderReport renderToFile(const lang::Program& program, const SampleBank& bank, const RenderOptions& options);

}  // namespace seiche::audio
