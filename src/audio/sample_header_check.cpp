#include "audio/sample_header_check.hpp"

#include <charconv>

namespace seiche::audio {

namespace {

std::string_view trimLeft(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    return s;
}

std::optional<std::uint64_t> parseNumber(std::string_view& s) {
    s = trimLeft(s);
    std::uint64_t value = 0;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (ec != std::errc{}) return std::nullopt;
    s.remove_prefix(static_cast<std::size_t>(end - s.data()));
    return value;
}

bool isPlaceholderSize(std::uint64_t size) { return size == 0 || size == 0xFFFFFFFFu || size == 0x7FFFFFFFu; }

// One log line such as "data : 176400 (should be 88178)".
std::optional<ChunkShortfall> shortfallInLine(std::string_view line) {
    line = trimLeft(line);
    const bool audioChunk = line.starts_with("data") || line.starts_with("SSND");
    if (!audioChunk) return std::nullopt;
    line.remove_prefix(4);
    line = trimLeft(line);
    if (!line.starts_with(":")) return std::nullopt;
    line.remove_prefix(1);
    auto declared = parseNumber(line);
    if (!declared) return std::nullopt;
    line = trimLeft(line);
    constexpr std::string_view kShouldBe = "(should be";
    if (!line.starts_with(kShouldBe)) return std::nullopt;
    line.remove_prefix(kShouldBe.size());
    auto present = parseNumber(line);
    if (!present || *present >= *declared || isPlaceholderSize(*declared)) return std::nullopt;
    return ChunkShortfall{*declared, *present};
}

}  // namespace

std::optional<ChunkShortfall> audioChunkShortfall(std::string_view log) {
    while (!log.empty()) {
        const auto newline = log.find('\n');
        const auto line = log.substr(0, newline);
        if (auto shortfall = shortfallInLine(line)) return shortfall;
        if (newline == std::string_view::npos) break;
        log.remove_prefix(newline + 1);
    }
    return std::nullopt;
}

}  // namespace seiche::audio
