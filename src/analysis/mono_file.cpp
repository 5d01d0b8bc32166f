#include "analysis/mono_file.hpp"

#include <cstddef>

#include "audio/sample_budget.hpp"
#include "audio/sample_loader.hpp"

namespace seiche::analysis {

audio::LoadResult<MonoSound> readMonoFile(const std::string& path, double rate) {
    using Result = audio::LoadResult<MonoSound>;
    audio::SampleLoadSettings settings;
    settings.targetRate = rate;
    settings.maxSeconds = kMaxAnalysisSeconds;
    // A budget of its own per call: callers on several threads share nothing. It
    // covers an hour of stereo at 96 kHz.
    audio::MemoryBudget budget(std::size_t{3} << 30);
    auto decoded = audio::loadSampleFile(path, path, settings, budget);
    if (!decoded) return Result::failure(decoded.error);

    const auto& sample = decoded.value->sample;
    const auto channels = static_cast<std::size_t>(sample.channels);
    MonoSound mono;
    mono.warnings = std::move(decoded.value->warnings);
    mono.samples.resize(sample.frames());
    for (std::size_t i = 0; i < mono.samples.size(); ++i) {
        float sum = 0;
        for (std::size_t c = 0; c < channels; ++c) sum += sample.data[i * channels + c];
        mono.samples[i] = sum / static_cast<float>(channels);
    }
    return Result::success(std::move(mono));
}

}  // namespace seiche::analysis
