#pragma once
// Spotting a truncated WAV/AIFF (an interrupted download or copy). libsndfile opens
// such a file without complaint and quietly plays the part that exists; only its
// parser log says that the audio chunk's declared size is larger than the file.
#include <cstdint>
#include <optional>
#include <string_view>

namespace seiche::audio {

struct ChunkShortfall {
    std::uint64_t declaredBytes = 0;  // audio chunk size written in the header
    std::uint64_t presentBytes = 0;   // what the file actually holds
};

// Reads libsndfile's log (SFC_GET_LOG_INFO) for an audio chunk (WAV "data", AIFF
// "SSND") declared longer than the file. Streaming writers'
// placeholder sizes (0, 0xFFFFFFFF, 0x7FFFFFFF) are not a shortfall.
std::optional<ChunkShortfall> audioChunkShortfall(std::string_view libsndfileLog);

}  // namespace seiche::audio
