#include "session/feature_set.hpp"

#include <cstdint>
#include <cstdio>

namespace seiche::session {
namespace {

// Bump when the extractor's numbers change for the same settings.
constexpr int kExtractorFeatureVersion = 1;

}  // namespace

std::string featureSetName(const analysis::FeatureOptions& options) {
    return "seiche-mfcc/v" + std::to_string(kExtractorFeatureVersion) + " " + std::to_string(options.coefficients) +
           "c " + std::to_string(options.melBands) + "m " + std::to_string(options.windowSize) + "w " +
           std::to_string(options.hopSize) + "h " + std::to_string(options.analysisRate) + "Hz" +
           (options.extra ? " extra" : "");
}

std::string importedFeatureSetName(const std::vector<std::string>& columns) {
    // FNV-1a of the header keeps the name short yet different for different columns.
    std::uint64_t hash = 14695981039346656037ull;
    for (const auto& column : columns) {
        for (unsigned char c : column + '\n') hash = (hash ^ c) * 1099511628211ull;
    }
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
    return "imported/" + std::to_string(columns.size()) + " columns " + hex;
}

std::optional<analysis::FeatureOptions> extractorOptionsOf(const std::string& featureSet) {
    analysis::FeatureOptions options;
    int version = 0;
    char extra[8] = {};
    const int read = std::sscanf(featureSet.c_str(), "seiche-mfcc/v%d %dc %dm %dw %dh %dHz %7s", &version,
                                 &options.coefficients, &options.melBands, &options.windowSize, &options.hopSize,
                                 &options.analysisRate, extra);
    if (read < 6 || version != kExtractorFeatureVersion) return std::nullopt;
    options.extra = read == 7 && std::string(extra) == "extra";
    if (featureSetName(options) != featureSet) return std::nullopt;
    return options;
}

}  // namespace seiche::session
