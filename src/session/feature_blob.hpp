#pragma once
// Feature vectors are stored as BLOBs of IEEE-754 doubles, little-endian, so a
// database copied between machines reads back the same bits.
#include <optional>
#include <span>
#include <vector>

namespace seiche::session {

std::vector<unsigned char> encodeFeatures(std::span<const double> features);
// Empty optional when the blob's length is not a whole number of doubles.
std::optional<std::vector<double>> decodeFeatures(std::span<const unsigned char> blob);

}  // namespace seiche::session
