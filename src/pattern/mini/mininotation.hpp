#pragma once
// Tidal's mini-notation ("bd*2 [sn cp]", "<0 3>(3,8)", "c'maj e4?"...),
// parsed with the exact grammar of Tidal 1.7.10's ParseBP, including its
// quirks, and turned into patterns with Tidal's exact timing and randomness.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "pattern/pattern.hpp"

namespace seiche::mini {

enum class AtomType { String, Double, Int, Time, Bool, Note };  // the type the context needs

struct Context {
    // May be empty: a source-ref id for an atom (put into Event::refs.a).
    std::function<uint32_t(size_t offset, size_t length)> locate;
    // May be empty: "LINE:COL" of an offset, for messages.
    std::function<std::string(size_t offset)> where;
};

struct Error {
    size_t offset;  // into the text
    std::string message;
};

struct Result {
    std::optional<Pattern> pattern;
    std::optional<Error> error;
};

// Never throws; an empty (or all-blank) text is silence.
Result parse(std::string_view text, AtomType type, const Context& ctx = {});

// Limits (errors beyond these, instead of hanging or exhausting memory).
inline constexpr int kMaxNesting = 200;
inline constexpr double kMaxFactor = 1e6;

}  // namespace seiche::mini
