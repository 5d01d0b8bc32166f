#pragma once
// Sample manipulation on control patterns (Tidal 1.7.10 Control.hs / UI.hs):
// functions that cut samples into parts through the begin / end / speed /
// unit controls.
#include <cstdint>
#include <vector>

#include "pattern/pattern.hpp"

namespace seiche {

// `#` on control patterns: structure from the left, values from the right win.
Pattern unionRight(const Pattern& left, const Pattern& right);

// chop n: each event is cut into n parts in place, each playing the matching
// part of the sample (begin/end subdivided within any existing begin/end).
Pattern chopBy(int64_t n, const Pattern& p);
Pattern chop(const Pattern& n, const Pattern& p);

// striate n: n copies of the cycle squeezed one after another, copy i playing
// part i of every sample.
Pattern striateBy(int64_t n, const Pattern& p);
Pattern striate(const Pattern& n, const Pattern& p);

// striateBy n f: like striate, but each part is f long (parts may overlap).
Pattern striateLenBy(int64_t n, double f, const Pattern& p);
Pattern striateLen(const Pattern& n, const Pattern& f, const Pattern& p);

// slice n i: plays part (i mod n) of n of the sample, with the structure of i.
Pattern slice(const Pattern& n, const Pattern& i, const Pattern& p);
// slice with constant arguments (Tidal's _slice).
Pattern sliceAt(int64_t n, int64_t i, const Pattern& p);

// randslice n: each cycle of each event plays a random one of n parts (Tidal's _irand).
Pattern randslice(const Pattern& n, const Pattern& p);

// splice: like slice, but sets speed so each part fills its event (unit "c").
Pattern splice(const Pattern& bits, const Pattern& i, const Pattern& p);

// loopAt n: slows the pattern by n and sets speed 1/n with unit "c".
Pattern loopAt(const Pattern& n, const Pattern& p);

// chew: like bite, but speeds the squeezed parts up or down to fit.
Pattern chew(const Pattern& n, const Pattern& i, const Pattern& p);

// smash n xs: striate n, then play it at each slow factor in xs in turn.
Pattern smash(const Pattern& n, const std::vector<Pattern>& xs, const Pattern& p);
// smash' n xs: the same with chop.
Pattern smashChop(int64_t n, const std::vector<Pattern>& xs, const Pattern& p);

// gap n: like chop, but only every other part sounds. (Tidal 1.7.10 also sets
// n to the Int 1 where the pattern has no n: its mask is the ValueMap `1`.)
Pattern gapBy(int64_t n, const Pattern& p);
Pattern gap(const Pattern& n, const Pattern& p);

// spin n: n copies, copy i shifted i/n earlier and panned to i/n.
Pattern spin(const Pattern& n, const Pattern& p);

// splat n e p: chop n p, with the controls of e squeezed into each event.
Pattern splat(const Pattern& slices, const Pattern& e, const Pattern& p);

// interlace a b: weave 16 (shape (sine * 0.9)) [a, b].
Pattern interlace(const Pattern& a, const Pattern& b);

}  // namespace seiche
