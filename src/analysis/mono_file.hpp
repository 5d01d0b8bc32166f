#pragma once
// Reading a sound file for analysis: decoded by the sample loader (so every file
// the engine accepts is accepted here, with the same reasons for refusing one),
// resampled to the analysis rate and mixed to mono as the mean of its channels.
#include <string>
#include <vector>

#include "audio/sample_result.hpp"

namespace seiche::analysis {

struct MonoSound {
    std::vector<float> samples;         // finite, at the requested rate
    std::vector<std::string> warnings;  // e.g. non-finite values taken as silence
};

inline constexpr double kMaxAnalysisSeconds = 3600;

audio::LoadResult<MonoSound> readMonoFile(const std::string& path, double rate);

}  // namespace seiche::analysis
