#include "audio/sample_mixdown.hpp"

#include <sndfile.h>

#include <cstddef>

namespace seiche::audio {

namespace {

constexpr float kFull = 1.0f;
constexpr float kHalfPower = 0.70710678f;  // -3 dB: equal power when a channel feeds both sides

using Gain = std::array<float, 2>;

// nullopt-like sentinel for "label not understood": placed by index instead.
constexpr Gain kUnknown{-1.0f, -1.0f};

Gain gainForLabel(int position) {
    switch (position) {
        case SF_CHANNEL_MAP_LEFT:
        case SF_CHANNEL_MAP_FRONT_LEFT: return {kFull, 0};
        case SF_CHANNEL_MAP_RIGHT:
        case SF_CHANNEL_MAP_FRONT_RIGHT: return {0, kFull};
        case SF_CHANNEL_MAP_MONO:
        case SF_CHANNEL_MAP_CENTER:
        case SF_CHANNEL_MAP_FRONT_CENTER:
        case SF_CHANNEL_MAP_REAR_CENTER:
        case SF_CHANNEL_MAP_TOP_CENTER:
        case SF_CHANNEL_MAP_TOP_FRONT_CENTER:
        case SF_CHANNEL_MAP_TOP_REAR_CENTER:
        case SF_CHANNEL_MAP_AMBISONIC_B_W: return {kHalfPower, kHalfPower};
        case SF_CHANNEL_MAP_FRONT_LEFT_OF_CENTER: return {kFull * 0.9f, kFull * 0.3f};
        case SF_CHANNEL_MAP_FRONT_RIGHT_OF_CENTER: return {kFull * 0.3f, kFull * 0.9f};
        case SF_CHANNEL_MAP_REAR_LEFT:
        case SF_CHANNEL_MAP_SIDE_LEFT:
        case SF_CHANNEL_MAP_TOP_FRONT_LEFT:
        case SF_CHANNEL_MAP_TOP_REAR_LEFT: return {kHalfPower, 0};
        case SF_CHANNEL_MAP_REAR_RIGHT:
        case SF_CHANNEL_MAP_SIDE_RIGHT:
        case SF_CHANNEL_MAP_TOP_FRONT_RIGHT:
        case SF_CHANNEL_MAP_TOP_REAR_RIGHT: return {0, kHalfPower};
        case SF_CHANNEL_MAP_LFE: return {0, 0};
        // B-format's directional components carry no level of their own.
        case SF_CHANNEL_MAP_AMBISONIC_B_X:
        case SF_CHANNEL_MAP_AMBISONIC_B_Y:
        case SF_CHANNEL_MAP_AMBISONIC_B_Z: return {0, 0};
        default: return kUnknown;
    }
}

// WAVE's default speaker order: FL FR FC LFE BL BR, then for 7.1 SL SR.
Gain gainForUnlabelled(int index, int channels) {
    static constexpr int kSurround51[] = {SF_CHANNEL_MAP_FRONT_LEFT, SF_CHANNEL_MAP_FRONT_RIGHT,
                                          SF_CHANNEL_MAP_FRONT_CENTER, SF_CHANNEL_MAP_LFE,
                                          SF_CHANNEL_MAP_REAR_LEFT, SF_CHANNEL_MAP_REAR_RIGHT,
                                          SF_CHANNEL_MAP_SIDE_LEFT, SF_CHANNEL_MAP_SIDE_RIGHT};
    if ((channels == 6 || channels == 8) && index < channels) return gainForLabel(kSurround51[index]);
    const float level = index < 2 ? kFull : kHalfPower;
    return index % 2 == 0 ? Gain{level, 0} : Gain{0, level};
}

}  // namespace

StereoGains stereoGainsFor(int channels, std::span<const int> positions) {
    StereoGains gains;
    if (channels <= 0) return gains;
    gains.reserve(static_cast<std::size_t>(channels));
    if (channels == 1) {
        gains.push_back({kFull, kFull});
        return gains;
    }
    const bool labelled = positions.size() == static_cast<std::size_t>(channels);
    for (int i = 0; i < channels; ++i) {
        Gain g = labelled ? gainForLabel(positions[static_cast<std::size_t>(i)]) : kUnknown;
        if (g == kUnknown) g = gainForUnlabelled(i, channels);
        gains.push_back(g);
    }
    return gains;
}

void mixDownToStereo(std::span<const float> interleaved, const StereoGains& gains, std::vector<float>& out) {
    const std::size_t channels = gains.size();
    if (channels == 0) return;
    const std::size_t frames = interleaved.size() / channels;
    out.reserve(out.size() + frames * 2);
    for (std::size_t f = 0; f < frames; ++f) {
        const float* frame = interleaved.data() + f * channels;
        float left = 0, right = 0;
        for (std::size_t c = 0; c < channels; ++c) {
            left += frame[c] * gains[c][0];
            right += frame[c] * gains[c][1];
        }
        out.push_back(left);
        out.push_back(right);
    }
}

}  // namespace seiche::audio
