#pragma once
// The built-in drum kit: sounds synthesized once (at start-up, by the sample bank) into
// buffers, so that they behave exactly like samples (speed, begin/end, cut, loop...).
//
// Names are the Dirt-Samples names performers type most. Each has several variants, chosen
// by `n` or `s "name:i"` (the bank wraps the index; synthesizeKitSound wraps it too):
//
//   bd   kick: 808-like, punchy, distorted, short, long boom            5 variants
//   sn   snare (alias sd): tone + noise, from tight to trashy           5
//   hh   closed hi-hat (aliases hc): six-oscillator metal + noise       4
//   oh   open hi-hat (alias ho)                                         4
//   cp   hand clap: three or four bursts and a tail                     4
//   lt mt ht  low / mid / high tom                                      3 each
//   rim  rim shot                                                       3
//   cb   cowbell (808-style, two square oscillators)                    3
//   cr   crash cymbal (2 s)                                             3
//   bass bass notes at C2 (65.41 Hz): filtered saw, square, FM, sub      4
//   arpy plucked string (Karplus-Strong): variant i plays the i-th note
//        of a major pentatonic scale from C4 (261.63 Hz): 0 2 4 7 9 12
//        14 16 19 21 24 semitones, so `speed`/`up` transpose it like
//        Dirt's arpy                                                     11
//   perc woodblock, bell, shaker, conga                                  4
//   tabla na, ge (bending bass stroke), tin, ka                          4
//
// Every sound is mono, at most 2 s long, peak-normalised to 0.9, fades to zero at its end,
// and is deterministic: the same name, variant and sample rate always give the same samples.
#include <span>
#include <string_view>
#include <vector>

namespace seiche::audio::dsp {

// All names, aliases included (sd, ho, hc).
std::span<const std::string_view> kitSoundNames();

// Number of distinct variants of a name (0 for an unknown name).
int kitVariantCount(std::string_view name);

// Renders one sound at `sampleRate` (clamped to [8000, 384000]); an unknown name gives an
// empty vector. `variant` wraps around (negative too), as Tidal's sample index does.
// Allocates: call it off the audio thread.
std::vector<float> synthesizeKitSound(std::string_view name, int variant, double sampleRate);

inline constexpr float kKitPeak = 0.9f;
inline constexpr double kKitMaxSeconds = 2.0;
inline constexpr double kArpyBaseHz = 261.6255653005986;  // C4, arpy variant 0
inline constexpr double kBassBaseHz = 65.40639132514966;  // C2, every bass variant

}  // namespace seiche::audio::dsp
