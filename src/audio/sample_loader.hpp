#pragma once
// Decoding one sound file into a Sample ready for the engine: any format libsndfile
// reads, as float, at most two channels, at the bank's rate. Everything that can be
// wrong with a file in the wild (empty, truncated, corrupt, not audio, too long, too
// big for the memory left) comes back as a reason, never as a crash or an exception.
#include <filesystem>
#include <string>
#include <vector>

#include "audio/resampler.hpp"
#include "audio/sample.hpp"
#include "audio/sample_budget.hpp"
#include "audio/sample_result.hpp"

namespace seiche::audio {

struct SampleLoadSettings {
    double targetRate = 48000;  // the engine's rate; every sample ends up at it
    double maxSeconds = 600;    // per-file limit, so one long recording can't eat the budget
    ResampleQuality quality = ResampleQuality::SincMedium;
};

struct DecodedSample {
    Sample sample;
    BudgetReservation memory;           // the bytes of sample.data, held against the budget
    std::vector<std::string> warnings;  // loaded anyway, but worth telling (e.g. NaNs silenced)
};

// What a file's header promises, read without decoding: enough to refuse a bad
// file early and to reserve its memory before any decoding starts (the bank admits
// a folder's files in order this way, so which files fit a tight budget does not
// depend on which decoder thread is faster).
struct SampleFileProbe {
    std::size_t expectedBytes = 0;  // float data after mixdown and resampling
    bool lengthKnown = true;        // false: the header gave no length; memory is charged as it grows
};
LoadResult<SampleFileProbe> probeSampleFile(const std::filesystem::path& file, const SampleLoadSettings& settings);

// Decodes `file` as sound `name` into memory already reserved (normally
// probe.expectedBytes); the reservation grows if the file holds more than its
// header said, and is released on failure.
LoadResult<DecodedSample> decodeSampleFile(const std::filesystem::path& file, std::string name,
                                           const SampleLoadSettings& settings, BudgetReservation memory);

// Probe, reserve in `budget`, decode: one file on its own.
LoadResult<DecodedSample> loadSampleFile(const std::filesystem::path& file, std::string name,
                                         const SampleLoadSettings& settings, MemoryBudget& budget);

// "would exceed the memory budget (...)": the reason given when `bytes` don't fit.
std::string memoryBudgetReason(std::size_t bytes, const MemoryBudget& budget);

// Brings a sample made in memory (the synthesized kit) to the same shape as a
// loaded one: at most two channels, at settings.targetRate, finite values.
LoadResult<DecodedSample> conformSample(Sample sample, const SampleLoadSettings& settings, MemoryBudget& budget);

}  // namespace seiche::audio
