#pragma once
// Folding files with more than two channels into stereo. Voices play mono or stereo
// only, so a 5.1 or 8-channel file must keep what each channel contributes without
// losing any of them to a naive "first two channels" cut.
#include <array>
#include <span>
#include <vector>

namespace seiche::audio {

// Left and right gain for each source channel.
using StereoGains = std::vector<std::array<float, 2>>;

// Gains for `channels` source channels. `positions` holds libsndfile's
// SF_CHANNEL_MAP_* labels when the file has them (WAVEX, CAF, ...), else is empty.
// Labelled channels are placed by label (front at 1, centre at 0.707 to both,
// side/rear at 0.707 to their side, LFE dropped as ffmpeg's default downmix does).
// Unlabelled 6- and 8-channel files are read as 5.1 / 7.1 in WAVE order; other
// unlabelled counts alternate left/right, so stereo pairs stay pairs.
StereoGains stereoGainsFor(int channels, std::span<const int> positions = {});

// Mixes interleaved frames of gains.size() channels into interleaved stereo, appended to `out`.
void mixDownToStereo(std::span<const float> interleaved, const StereoGains& gains, std::vector<float>& out);

}  // namespace seiche::audio
