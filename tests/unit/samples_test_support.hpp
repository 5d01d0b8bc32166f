#pragma once
// Shared by the samples_*_test.cpp files: a temporary folder that cleans up after
// itself, real audio files written with libsndfile at test time (no binary fixtures
// in the repository), and measurements of what came back.
#include <sndfile.h>
#include <unistd.h>

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <numbers>
#include <string>
#include <vector>

#include "audio/sample.hpp"
#include "audio/sample_message.hpp"

namespace seiche::audio::testing {

class TempDir {
public:
    TempDir() {
        std::string pattern = (std::filesystem::temp_directory_path() / "seiche-samples-XXXXXX").string();
        if (mkdtemp(pattern.data()) == nullptr) std::abort();
        path_ = pattern;
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

private:
    std::filesystem::path path_;
};

struct SineSpec {
    int format = SF_FORMAT_WAV | SF_FORMAT_PCM_16;
    int sampleRate = 44100;
    int channels = 1;
    double seconds = 1.0;
    double frequency = 440.0;
    double amplitude = 0.5;
    // Channel c carries the sine times channelGain[c] (1 when absent).
    std::vector<double> channelGain;
};

// Writes a sine with libsndfile; false if libsndfile can't write this format here.
inline bool writeSine(const std::filesystem::path& file, const SineSpec& spec) {
    std::filesystem::create_directories(file.parent_path());
    SF_INFO info{};
    info.samplerate = spec.sampleRate;
    info.channels = spec.channels;
    info.format = spec.format;
    SNDFILE* out = sf_open(file.c_str(), SFM_WRITE, &info);
    if (out == nullptr) return false;
    const auto frames = static_cast<std::size_t>(std::llround(spec.seconds * spec.sampleRate));
    std::vector<float> data(frames * static_cast<std::size_t>(spec.channels));
    for (std::size_t n = 0; n < frames; ++n) {
        const double x = spec.amplitude * std::sin(2 * std::numbers::pi * spec.frequency * static_cast<double>(n) / spec.sampleRate);
        for (int c = 0; c < spec.channels; ++c) {
            const double gain = static_cast<std::size_t>(c) < spec.channelGain.size() ? spec.channelGain[static_cast<std::size_t>(c)] : 1.0;
            data[n * static_cast<std::size_t>(spec.channels) + static_cast<std::size_t>(c)] = static_cast<float>(x * gain);
        }
    }
    const bool ok = sf_writef_float(out, data.data(), static_cast<sf_count_t>(frames)) == static_cast<sf_count_t>(frames);
    sf_close(out);
    return ok;
}

inline void writeBytes(const std::filesystem::path& file, const std::string& bytes) {
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << bytes;
}

inline std::vector<float> channelOf(const Sample& s, int channel) {
    std::vector<float> out;
    out.reserve(s.frames());
    for (std::size_t f = 0; f < s.frames(); ++f) out.push_back(s.data[f * static_cast<std::size_t>(s.channels) + static_cast<std::size_t>(channel)]);
    return out;
}

// Frequency from the rising zero crossings of the middle 80% (edges hold codec and
// filter transients), each located by linear interpolation: accurate to a small
// fraction of a hertz for a clean sine.
inline double zeroCrossingFrequency(const std::vector<float>& x, double sampleRate) {
    const std::size_t from = x.size() / 10, to = x.size() - x.size() / 10;
    double first = -1, last = -1;
    int crossings = 0;
    for (std::size_t n = from + 1; n < to; ++n) {
        if (x[n - 1] < 0 && x[n] >= 0) {
            const double t = static_cast<double>(n - 1) + x[n - 1] / (x[n - 1] - x[n]);
            if (first < 0) first = t;
            last = t;
            ++crossings;
        }
    }
    if (crossings < 2) return 0;
    return (crossings - 1) * sampleRate / (last - first);
}

inline std::vector<SampleMessage> ofKind(const std::vector<SampleMessage>& messages, SampleMessage::Kind kind) {
    std::vector<SampleMessage> out;
    for (const auto& m : messages)
        if (m.kind == kind) out.push_back(m);
    return out;
}

inline double rms(const std::vector<float>& x) {
    double sum = 0;
    for (float v : x) sum += static_cast<double>(v) * v;
    return x.empty() ? 0 : std::sqrt(sum / static_cast<double>(x.size()));
}

}  // namespace seiche::audio::testing
