#pragma once
// A decoded sound, resampled to the engine's rate. Immutable once published to the
// bank: the audio thread reads it without locks, so nothing may change or free it
// while the engine runs.
#include <cstddef>
#include <string>
#include <vector>

namespace seiche::audio {

struct Sample {
    std::string name;        // sound name as typed in `s`, e.g. "bd"
    std::string path;        // file it came from; "builtin:bd" for the synthesized kit
    int channels = 1;        // 1 or 2; more are mixed down to stereo on load
    double sampleRate = 0;   // always the bank's (engine's) rate after loading
    std::vector<float> data; // interleaved frames

    std::size_t frames() const { return channels > 0 ? data.size() / static_cast<std::size_t>(channels) : 0; }
    double seconds() const { return sampleRate > 0 ? static_cast<double>(frames()) / sampleRate : 0; }
};

}  // namespace seiche::audio
