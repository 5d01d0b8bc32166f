#include "session/feature_blob.hpp"

#include <bit>
#include <cstdint>

namespace seiche::session {

std::vector<unsigned char> encodeFeatures(std::span<const double> features) {
    std::vector<unsigned char> blob;
    blob.reserve(features.size() * 8);
    for (double x : features) {
        const auto bits = std::bit_cast<std::uint64_t>(x);
        for (int byte = 0; byte < 8; ++byte) blob.push_back(static_cast<unsigned char>(bits >> (8 * byte)));
    }
    return blob;
}

std::optional<std::vector<double>> decodeFeatures(std::span<const unsigned char> blob) {
    if (blob.size() % 8 != 0) return std::nullopt;
    std::vector<double> features(blob.size() / 8);
    for (size_t i = 0; i < features.size(); ++i) {
        std::uint64_t bits = 0;
        for (int byte = 0; byte < 8; ++byte) bits |= std::uint64_t{blob[i * 8 + byte]} << (8 * byte);
        features[i] = std::bit_cast<double>(bits);
    }
    return features;
}

}  // namespace seiche::session
