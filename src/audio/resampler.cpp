#include "audio/resampler.hpp"

#include <samplerate.h>

#include <cmath>
#include <string>

namespace seiche::audio {

namespace {

constexpr std::size_t kScratchFrames = 8192;

int converterFor(ResampleQuality quality) {
    switch (quality) {
        case ResampleQuality::SincBest: return SRC_SINC_BEST_QUALITY;
        case ResampleQuality::SincFastest: return SRC_SINC_FASTEST;
        case ResampleQuality::SincMedium: break;
    }
    return SRC_SINC_MEDIUM_QUALITY;
}

}  // namespace

struct Resampler::State {
    SRC_STATE* src = nullptr;
    ~State() {
        if (src != nullptr) src_delete(src);
    }
};

LoadResult<Resampler> Resampler::create(int channels, double fromRate, double toRate, ResampleQuality quality) {
    if (channels < 1) return LoadResult<Resampler>::failure("cannot resample " + std::to_string(channels) + " channels");
    if (!(fromRate > 0) || !(toRate > 0) || !std::isfinite(fromRate) || !std::isfinite(toRate))
        return LoadResult<Resampler>::failure("invalid sample rate");
    const double ratio = toRate / fromRate;
    if (src_is_valid_ratio(ratio) == 0)
        return LoadResult<Resampler>::failure("cannot convert " + std::to_string(static_cast<long>(fromRate)) +
                                              " Hz to " + std::to_string(static_cast<long>(toRate)) +
                                              " Hz (ratio beyond 1/256..256)");
    auto state = std::make_unique<State>();
    int error = 0;
    state->src = src_new(converterFor(quality), channels, &error);
    if (state->src == nullptr) return LoadResult<Resampler>::failure(std::string("resampler: ") + src_strerror(error));
    return LoadResult<Resampler>::success(Resampler(std::move(state), channels, ratio));
}

Resampler::Resampler(std::unique_ptr<State> state, int channels, double ratio)
    : state_(std::move(state)), channels_(channels), ratio_(ratio),
      scratch_(kScratchFrames * static_cast<std::size_t>(channels)) {}

Resampler::Resampler(Resampler&&) noexcept = default;
Resampler& Resampler::operator=(Resampler&&) noexcept = default;
Resampler::~Resampler() = default;

std::string Resampler::process(std::span<const float> interleaved, std::vector<float>& out) {
    return run(interleaved, false, out);
}

std::string Resampler::finish(std::vector<float>& out) { return run({}, true, out); }

std::string Resampler::run(std::span<const float> interleaved, bool endOfInput, std::vector<float>& out) {
    const auto channels = static_cast<std::size_t>(channels_);
    // libsamplerate ignores end_of_input when data_in is null (prepare_data returns
    // early), which would silently drop the last filter-length of output.
    static const float kNoInput = 0.0f;
    const float* in = interleaved.empty() ? &kNoInput : interleaved.data();
    long framesLeft = static_cast<long>(interleaved.size() / channels);
    // libsamplerate consumes input and produces output at its own pace; loop until
    // all input is taken and, at the end, until the filter has nothing more to give.
    while (true) {
        SRC_DATA block{};
        block.data_in = in;
        block.input_frames = framesLeft;
        block.data_out = scratch_.data();
        block.output_frames = static_cast<long>(kScratchFrames);
        block.end_of_input = endOfInput ? 1 : 0;
        block.src_ratio = ratio_;
        if (int error = src_process(state_->src, &block); error != 0) return std::string("resampler: ") + src_strerror(error);
        const auto made = static_cast<std::size_t>(block.output_frames_gen) * channels;
        out.insert(out.end(), scratch_.begin(), scratch_.begin() + static_cast<std::ptrdiff_t>(made));
        in += static_cast<std::size_t>(block.input_frames_used) * channels;
        framesLeft -= block.input_frames_used;
        if (framesLeft > 0) {
            if (block.input_frames_used == 0 && block.output_frames_gen == 0) return "resampler made no progress";
            continue;
        }
        if (!endOfInput || block.output_frames_gen == 0) break;
    }
    return {};
}

std::size_t resampledFrames(std::size_t frames, double fromRate, double toRate) {
    if (!(fromRate > 0) || !(toRate > 0) || fromRate == toRate) return frames;
    return static_cast<std::size_t>(std::llround(static_cast<double>(frames) * toRate / fromRate));
}

LoadResult<std::vector<float>> resampleInterleaved(std::span<const float> interleaved, int channels, double fromRate,
                                                   double toRate, ResampleQuality quality) {
    using Out = LoadResult<std::vector<float>>;
    if (channels < 1) return Out::failure("cannot resample " + std::to_string(channels) + " channels");
    if (fromRate == toRate && fromRate > 0) return Out::success(std::vector<float>(interleaved.begin(), interleaved.end()));
    auto resampler = Resampler::create(channels, fromRate, toRate, quality);
    if (!resampler) return Out::failure(resampler.error);
    std::vector<float> out;
    const auto frames = interleaved.size() / static_cast<std::size_t>(channels);
    out.reserve((resampledFrames(frames, fromRate, toRate) + 16) * static_cast<std::size_t>(channels));
    if (auto error = resampler.value->process(interleaved, out); !error.empty()) return Out::failure(error);
    if (auto error = resampler.value->finish(out); !error.empty()) return Out::failure(error);
    return Out::success(std::move(out));
}

}  // namespace seiche::audio
