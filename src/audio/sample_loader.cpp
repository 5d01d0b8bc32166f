#include "audio/sample_loader.hpp"

#include <sndfile.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <memory>
#include <optional>
#include <system_error>
#include <utility>

#include "audio/sample_header_check.hpp"
#include "audio/sample_mixdown.hpp"

namespace seiche::audio {

namespace {

using Result = LoadResult<DecodedSample>;

constexpr sf_count_t kBlockFrames = 4096;

// RAII for libsndfile's handle.
class SoundFile {
public:
    explicit SoundFile(const std::filesystem::path& path) { handle_ = sf_open(path.c_str(), SFM_READ, &info_); }
    SoundFile(const SoundFile&) = delete;
    SoundFile& operator=(const SoundFile&) = delete;
    ~SoundFile() {
        if (handle_ != nullptr) sf_close(handle_);
    }

    bool isOpen() const { return handle_ != nullptr; }
    SNDFILE* get() const { return handle_; }
    const SF_INFO& info() const { return info_; }

    std::string log() const {
        std::string text(16384, '\0');
        sf_command(handle_, SFC_GET_LOG_INFO, text.data(), static_cast<int>(text.size()));
        text.resize(text.find('\0') == std::string::npos ? text.size() : text.find('\0'));
        return text;
    }

    // libsndfile's channel labels, when the format carries them.
    std::vector<int> channelPositions() const {
        std::vector<int> positions(static_cast<std::size_t>(info_.channels));
        const int size = static_cast<int>(positions.size() * sizeof(int));
        if (sf_command(handle_, SFC_GET_CHANNEL_MAP_INFO, positions.data(), size) == SF_FALSE) positions.clear();
        return positions;
    }

private:
    SF_INFO info_{};
    SNDFILE* handle_ = nullptr;
};

std::string formatSeconds(double seconds) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f s", seconds);
    return text;
}

std::string formatMiB(std::size_t bytes) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f MiB", static_cast<double>(bytes) / (1024.0 * 1024.0));
    return text;
}

std::string budgetReason(std::size_t needed, const MemoryBudget& budget) {
    return "would exceed the memory budget (" + formatMiB(needed) + " needed, " + formatMiB(budget.available()) +
           " left of " + formatMiB(budget.limit()) + ")";
}

// Some headers lie a little (a padding byte, a rounded size); a real truncation
// loses far more. Up to 1% (and at most `cap`) missing is tolerated with a warning.
std::uint64_t tolerance(std::uint64_t declared, std::uint64_t cap) { return std::min(declared / 100, cap); }

bool lengthIsKnown(sf_count_t frames) { return frames > 0 && frames < std::numeric_limits<sf_count_t>::max() / 2; }

// Silences NaN and infinity: one of them would poison every filter it passes through.
std::size_t silenceNonFinite(std::vector<float>& data) {
    std::size_t count = 0;
    for (float& x : data) {
        if (!std::isfinite(x)) {
            x = 0.0f;
            ++count;
        }
    }
    return count;
}

// Charges the buffer's real size (its capacity) to the reservation.
bool chargeCapacity(const std::vector<float>& data, BudgetReservation& memory) {
    const std::size_t bytes = data.capacity() * sizeof(float);
    return bytes <= memory.bytes() || memory.resize(bytes);
}

// Drops spare capacity when it is worth a copy, then charges the exact size.
void settle(std::vector<float>& data, BudgetReservation& memory) {
    if (data.capacity() - data.size() > data.size() / 64) data.shrink_to_fit();
    memory.resize(data.capacity() * sizeof(float));  // shrinking never fails
}

// Turns blocks of source frames into blocks of output frames: mixdown, then resampling.
class Conversion {
public:
    static LoadResult<Conversion> create(int channels, std::span<const int> positions, double fromRate,
                                         const SampleLoadSettings& settings) {
        Conversion c;
        c.outChannels_ = std::min(channels, 2);
        if (channels > 2) c.gains_ = stereoGainsFor(channels, positions);
        if (fromRate != settings.targetRate) {
            auto resampler = Resampler::create(c.outChannels_, fromRate, settings.targetRate, settings.quality);
            if (!resampler) return LoadResult<Conversion>::failure(resampler.error);
            c.resampler_ = std::move(resampler.value);
        }
        return LoadResult<Conversion>::success(std::move(c));
    }

    int outChannels() const { return outChannels_; }

    std::string push(std::span<const float> block, std::vector<float>& out) {
        std::span<const float> shaped = block;
        if (!gains_.empty()) {
            mixed_.clear();
            mixDownToStereo(block, gains_, mixed_);
            shaped = mixed_;
        }
        if (resampler_) return resampler_->process(shaped, out);
        out.insert(out.end(), shaped.begin(), shaped.end());
        return {};
    }

    std::string finish(std::vector<float>& out) { return resampler_ ? resampler_->finish(out) : std::string{}; }

private:
    int outChannels_ = 1;
    StereoGains gains_;
    std::vector<float> mixed_;
    std::optional<Resampler> resampler_;
};

std::optional<std::string> checkFileOnDisk(const std::filesystem::path& file) {
    std::error_code ec;
    const auto status = std::filesystem::status(file, ec);
    if (ec) return "cannot read: " + ec.message();
    if (!std::filesystem::is_regular_file(status)) return std::string("not a regular file");
    const auto size = std::filesystem::file_size(file, ec);
    if (ec) return "cannot read: " + ec.message();
    if (size == 0) return std::string("empty file (0 bytes)");
    return std::nullopt;
}

std::optional<std::string> checkShape(const SF_INFO& info, const SampleLoadSettings& settings) {
    if (info.channels < 1) return std::string("no audio channels");
    if (info.samplerate < 1) return "invalid sample rate " + std::to_string(info.samplerate);
    if (lengthIsKnown(info.frames)) {
        const double seconds = static_cast<double>(info.frames) / info.samplerate;
        if (seconds > settings.maxSeconds)
            return "too long: " + formatSeconds(seconds) + " (the per-file limit is " + formatSeconds(settings.maxSeconds) + ")";
    }
    return std::nullopt;
}

}  // namespace

namespace {

// A file opened and checked as far as its header allows.
struct OpenedFile {
    std::unique_ptr<SoundFile> sound;
    std::vector<std::string> warnings;
    std::size_t expectedFrames = 0;  // at the target rate, slack included; 0 when unknown
    int outChannels = 1;
};

LoadResult<OpenedFile> openChecked(const std::filesystem::path& file, const SampleLoadSettings& settings) {
    using Out = LoadResult<OpenedFile>;
    if (auto problem = checkFileOnDisk(file)) return Out::failure(*problem);

    OpenedFile opened;
    opened.sound = std::make_unique<SoundFile>(file);
    if (!opened.sound->isOpen()) return Out::failure(std::string("not readable as audio: ") + sf_strerror(nullptr));
    const SF_INFO& info = opened.sound->info();
    if (auto problem = checkShape(info, settings)) return Out::failure(*problem);

    if (auto shortfall = audioChunkShortfall(opened.sound->log())) {
        const std::uint64_t missing = shortfall->declaredBytes - shortfall->presentBytes;
        const std::string detail = "header declares " + std::to_string(shortfall->declaredBytes) +
                                   " bytes of audio, the file holds " + std::to_string(shortfall->presentBytes);
        if (missing > tolerance(shortfall->declaredBytes, 4096)) return Out::failure("truncated: " + detail);
        opened.warnings.push_back("slightly short: " + detail);
    }
    const double ratio = settings.targetRate / info.samplerate;
    if (ratio < 1.0 / 256 || ratio > 256)
        return Out::failure("cannot convert " + std::to_string(info.samplerate) + " Hz to the engine's rate");

    opened.outChannels = std::min(info.channels, 2);
    if (lengthIsKnown(info.frames)) {
        // Resampling may give a frame or two more than the ratio says; a little
        // slack avoids a reallocation (a full copy) at the very end.
        const std::size_t slack = info.samplerate != settings.targetRate ? 64 : 0;
        opened.expectedFrames =
            resampledFrames(static_cast<std::size_t>(info.frames), info.samplerate, settings.targetRate) + slack;
    }
    return Out::success(std::move(opened));
}

}  // namespace

std::string memoryBudgetReason(std::size_t bytes, const MemoryBudget& budget) { return budgetReason(bytes, budget); }

LoadResult<SampleFileProbe> probeSampleFile(const std::filesystem::path& file, const SampleLoadSettings& settings) {
    auto opened = openChecked(file, settings);
    if (!opened) return LoadResult<SampleFileProbe>::failure(opened.error);
    SampleFileProbe probe;
    probe.lengthKnown = lengthIsKnown(opened.value->sound->info().frames);
    probe.expectedBytes = opened.value->expectedFrames * static_cast<std::size_t>(opened.value->outChannels) * sizeof(float);
    return LoadResult<SampleFileProbe>::success(probe);
}

LoadResult<DecodedSample> loadSampleFile(const std::filesystem::path& file, std::string name,
                                         const SampleLoadSettings& settings, MemoryBudget& budget) {
    auto probe = probeSampleFile(file, settings);
    if (!probe) return Result::failure(probe.error);
    // Reserve the whole result before allocating it: a load that can't fit fails
    // here, without having touched the memory other samples need.
    auto memory = budget.reserve(probe.value->expectedBytes);
    if (!memory) return Result::failure(budgetReason(probe.value->expectedBytes, budget));
    return decodeSampleFile(file, std::move(name), settings, std::move(*memory));
}

LoadResult<DecodedSample> decodeSampleFile(const std::filesystem::path& file, std::string name,
                                           const SampleLoadSettings& settings, BudgetReservation memory) {
    auto opened = openChecked(file, settings);  // again: the file may have changed since the probe
    if (!opened) return Result::failure(opened.error);
    SoundFile& sound = *opened.value->sound;
    const SF_INFO& info = sound.info();
    std::vector<std::string> warnings = std::move(opened.value->warnings);

    auto conversion = Conversion::create(info.channels, sound.channelPositions(), info.samplerate, settings);
    if (!conversion) return Result::failure(conversion.error);
    const auto outChannels = static_cast<std::size_t>(conversion.value->outChannels());
    const bool knownLength = lengthIsKnown(info.frames);

    auto grow = [&](const std::vector<float>& data) -> std::optional<std::string> {
        if (chargeCapacity(data, memory)) return std::nullopt;
        const std::size_t bytes = data.capacity() * sizeof(float);
        return memory.budget() != nullptr ? budgetReason(bytes, *memory.budget())
                                          : "would exceed the memory reserved for it (" + formatMiB(bytes) + ")";
    };

    std::vector<float> out;
    const std::size_t expectedSamples = opened.value->expectedFrames * outChannels;
    if (const std::size_t bytes = expectedSamples * sizeof(float); bytes > memory.bytes() && !memory.resize(bytes))
        return Result::failure(memory.budget() != nullptr ? budgetReason(bytes, *memory.budget())
                                                          : "no memory reserved for it (" + formatMiB(bytes) + " needed)");
    out.reserve(expectedSamples);
    std::vector<float> block(static_cast<std::size_t>(kBlockFrames) * static_cast<std::size_t>(info.channels));
    const double maxFrames = settings.maxSeconds * info.samplerate;
    sf_count_t framesRead = 0;
    while (true) {
        const sf_count_t got = sf_readf_float(sound.get(), block.data(), kBlockFrames);
        if (got <= 0) break;
        framesRead += got;
        if (static_cast<double>(framesRead) > maxFrames)  // a length the header did not announce
            return Result::failure("too long: more than " + formatSeconds(settings.maxSeconds) + " (the per-file limit)");
        const std::span<const float> frames(block.data(), static_cast<std::size_t>(got) * static_cast<std::size_t>(info.channels));
        if (auto error = conversion.value->push(frames, out); !error.empty()) return Result::failure(error);
        if (auto problem = grow(out)) return Result::failure(*problem);
    }
    if (auto error = conversion.value->finish(out); !error.empty()) return Result::failure(error);
    if (auto problem = grow(out)) return Result::failure(*problem);

    const int decodeError = sf_error(sound.get());
    const std::string decoderSays = decodeError != SF_ERR_NO_ERROR ? sf_strerror(sound.get()) : "";
    if (knownLength && framesRead < info.frames) {
        const auto declared = static_cast<std::uint64_t>(info.frames);
        const auto missing = declared - static_cast<std::uint64_t>(framesRead);
        // MPEG files without a Xing/LAME header only have an estimated length.
        const bool estimated = (info.format & SF_FORMAT_TYPEMASK) == SF_FORMAT_MPEG;
        const std::uint64_t allowed = estimated ? declared / 10 : tolerance(declared, 4096);
        const std::string detail = "decoded " + std::to_string(framesRead) + " of " + std::to_string(declared) + " frames";
        if (missing > allowed)
            return Result::failure("truncated or corrupt: " + detail + (decoderSays.empty() ? "" : " (" + decoderSays + ")"));
        if (!estimated) warnings.push_back("slightly short: " + detail);
    }
    if (!decoderSays.empty()) return Result::failure("decoding failed: " + decoderSays);
    if (framesRead == 0) return Result::failure("contains no audio");

    if (std::size_t bad = silenceNonFinite(out); bad > 0)
        warnings.push_back(std::to_string(bad) + " non-finite values (NaN/inf) replaced by silence");
    settle(out, memory);

    DecodedSample decoded;
    decoded.sample.name = std::move(name);
    decoded.sample.path = file.string();
    decoded.sample.channels = static_cast<int>(outChannels);
    decoded.sample.sampleRate = settings.targetRate;
    decoded.sample.data = std::move(out);
    decoded.memory = std::move(memory);
    decoded.warnings = std::move(warnings);
    return Result::success(std::move(decoded));
}

LoadResult<DecodedSample> conformSample(Sample sample, const SampleLoadSettings& settings, MemoryBudget& budget) {
    if (sample.channels < 1) return Result::failure("no audio channels");
    const auto channels = static_cast<std::size_t>(sample.channels);
    if (sample.data.size() % channels != 0) return Result::failure("data is not a whole number of frames");
    if (sample.data.empty()) return Result::failure("contains no audio");
    if (sample.sampleRate <= 0) sample.sampleRate = settings.targetRate;  // made for the engine
    if (static_cast<double>(sample.frames()) / sample.sampleRate > settings.maxSeconds)
        return Result::failure("too long: " + formatSeconds(sample.seconds()) + " (the per-file limit is " +
                               formatSeconds(settings.maxSeconds) + ")");

    std::vector<std::string> warnings;
    if (std::size_t bad = silenceNonFinite(sample.data); bad > 0)
        warnings.push_back(std::to_string(bad) + " non-finite values (NaN/inf) replaced by silence");

    if (sample.channels > 2 || sample.sampleRate != settings.targetRate) {
        auto conversion = Conversion::create(sample.channels, {}, sample.sampleRate, settings);
        if (!conversion) return Result::failure(conversion.error);
        std::vector<float> out;
        const std::size_t outChannels = static_cast<std::size_t>(conversion.value->outChannels());
        out.reserve((resampledFrames(sample.frames(), sample.sampleRate, settings.targetRate) + 64) * outChannels);
        if (auto error = conversion.value->push(sample.data, out); !error.empty()) return Result::failure(error);
        if (auto error = conversion.value->finish(out); !error.empty()) return Result::failure(error);
        sample.data = std::move(out);
        sample.channels = static_cast<int>(outChannels);
        sample.sampleRate = settings.targetRate;
    }
    sample.data.shrink_to_fit();
    const std::size_t bytes = sample.data.capacity() * sizeof(float);
    auto memory = budget.reserve(bytes);
    if (!memory) return Result::failure(budgetReason(bytes, budget));

    DecodedSample decoded;
    decoded.sample = std::move(sample);
    decoded.memory = std::move(*memory);
    decoded.warnings = std::move(warnings);
    return Result::success(std::move(decoded));
}

}  // namespace seiche::audio
