#pragma once
// Tidal 1.7.10's chord table (Chords.hs) and note names ("c", "cs5", "ef3"...).
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace seiche {

// Intervals of a named chord ("major", "maj", "m7", "13"...), nothing if unknown.
std::optional<std::vector<double>> chordNotes(std::string_view name);
// Every chord name with its intervals, in Tidal's order (first match wins on lookup).
const std::vector<std::pair<std::string, std::vector<double>>>& chordTable();

// A complete note name: letter c d e f g a b, any number of modifiers s (sharp),
// f (flat), n (natural), then an optional octave (default 5); c5 = 0, a4 = -3.
std::optional<double> noteNameValue(std::string_view name);

}  // namespace seiche
