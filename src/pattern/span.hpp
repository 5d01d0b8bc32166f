#pragma once
// A time span [begin, end) in cycles — Tidal's Arc.
#include <optional>
#include <vector>

#include "pattern/rational.hpp"

namespace seiche {

struct Span {
    Time begin;
    Time end;

    Span withTime(auto&& f) const { return {f(begin), f(end)}; }
    // Tidal's `sect`: the overlap, possibly negative-width.
    Span sect(const Span& o) const { return {max(begin, o.begin), min(end, o.end)}; }
    // Tidal's `subArc`: the overlap, or nothing when the spans do not touch.
    // A zero-width overlap at the end of a non-zero span is not an overlap.
    std::optional<Span> intersection(const Span& o) const {
        Span s = sect(o);
        if (s.end < s.begin) return std::nullopt;
        if (s.begin == s.end) {
            // Tidal: a zero-width result at the end of a non-zero-width span is no overlap.
            if (s.begin == end && begin < end) return std::nullopt;
            if (s.begin == o.end && o.begin < o.end) return std::nullopt;
        }
        return s;
    }
    bool operator==(const Span& o) const { return begin == o.begin && end == o.end; }
    bool operator!=(const Span& o) const { return !(*this == o); }
};

// The whole cycle that `t` falls in.
inline Span cycleOf(const Time& t) {
    Time s = t.floor();
    return {s, s + 1};
}
inline Time sam(const Time& t) { return t.floor(); }
inline Time nextSam(const Time& t) { return t.floor() + 1; }

// Splits a span at cycle boundaries (Tidal's arcCyclesZW): a zero-width span stays one span.
template <typename F>
void forEachCycle(const Span& s, F&& f) {
    if (s.begin == s.end) {
        f(s);
        return;
    }
    Time b = s.begin;
    while (b < s.end) {
        Time next = nextSam(b);
        Time e = min(next, s.end);
        f(Span{b, e});
        b = e;
    }
}

}  // namespace seiche
