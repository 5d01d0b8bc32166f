#pragma once
// The language's front door: code in, a checked and evaluated program out.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pattern/lang/diagnostic.hpp"
#include "pattern/pattern.hpp"

namespace seiche::lang {

// Where each mini-notation atom came from, for live highlighting: id → position.
struct SourceMap {
    struct Entry { Position at; size_t length; };
    std::vector<Entry> entries{Entry{}};  // id 0 = no location
};

struct Action {
    enum Kind { Play, Hush, SetCps, Once, Solo, Unsolo, Mute, Unmute } kind;
    Position at;
    int channel = 0;        // Play (and Solo…): 1..16; 0 for a bare expression
    Pattern pattern;        // Play, Once
    double cps = 0;         // SetCps
    bool isControl = true;  // Play: false when a bare expression is not a control pattern
};

struct Program {
    std::vector<Action> actions;
    SourceMap sources;
};

template <typename T>
struct Result {
    std::optional<T> value;
    std::optional<Diagnostic> error;
    explicit operator bool() const { return value.has_value(); }
};

// Parses, type-checks and evaluates a block of Tidal code. Never throws.
Result<Program> compile(std::string_view code);

// Queries a pattern over [from, to) with a cap on the number of events
// (patterns such as `fast 1e9` are legal but cannot be listed). Never throws.
Result<Events> queryChecked(const Pattern& p, const Span& span, size_t maxEvents = 2'000'000);

}  // namespace seiche::lang
