#include "pattern/span.hpp"

namespace seiche {

std::optional<Span> Span::intersection(const Span& o) const {
    Span s = sect(o);
    if (s.begin > s.end) return std::nullopt;
    if (s.begin == s.end) {
        // Tidal: a zero-width result at the end of either (non-zero-width) span is excluded.
        if (s.begin == end && begin < end) return std::nullopt;
        if (s.begin == o.end && o.begin < o.end) return std::nullopt;
    }
    return s;
}

}  // namespace seiche
