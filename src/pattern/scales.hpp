#pragma once
// The named scales of Tidal 1.7.10 (Sound.Tidal.Scales), in Tidal's own order,
// as semitone offsets from the root. Some Arabic scales use quarter tones.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace seiche {

struct ScaleInfo {
    std::string_view name;
    std::vector<double> steps;
};

// Every scale, in the order Tidal lists them (`scaleList` joins these names).
const std::vector<ScaleInfo>& scaleTable();

// The steps of a named scale, or nullptr when the name is unknown.
const std::vector<double>* findScale(std::string_view name);

// Tidal's `scaleList`: all names separated by single spaces.
const std::string& scaleList();

// Degree `degree` of `steps`, wrapping into higher or lower octaves of
// `octave` semitones (Tidal's noteInScale: steps !!! d + octave * (d `div` len)).
double noteInScale(const std::vector<double>& steps, int64_t degree, int64_t octave = 12);

}  // namespace seiche
