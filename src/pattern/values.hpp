#pragma once
// Value-level patterns and functions of Tidal 1.7.10: continuous signals,
// numeric ranges, run / scan, scales, arpeggios, and fix / contrast.
#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

#include "pattern/pattern.hpp"

namespace seiche {

// --- continuous signals (Doubles, sampled at the middle of each query)
Pattern sineSignal();    // 0..1
Pattern sine2Signal();   // -1..1
Pattern cosineSignal();  // sine shifted by a quarter cycle
Pattern cosine2Signal();
Pattern sawSignal();     // rises 0..1 each cycle
Pattern saw2Signal();
Pattern isawSignal();    // falls 1..0
Pattern isaw2Signal();
Pattern triSignal();     // 0..1..0
Pattern tri2Signal();
Pattern squareSignal();  // 0 for the first half cycle, 1 for the second
Pattern square2Signal();
Pattern envLSignal();    // 0 to 1 over the first cycle, then 1
Pattern envLRSignal();   // 1 - envL
Pattern envEqSignal();   // equal-power fade
Pattern envEqRSignal();

// range lo hi p: p (0..1) scaled into lo..hi; structure from p.
Pattern range(const Pattern& lo, const Pattern& hi, const Pattern& p);
// rangex lo hi p: exponential range (exp of the range of the logs).
Pattern rangex(double lo, double hi, const Pattern& p);
// quantise n p: round(v * n) / n (round half to even, like Haskell).
Pattern quantise(double n, const Pattern& p);
// qfloor / qceiling: the same with floor or ceiling instead of rounding.
Pattern qfloor(double n, const Pattern& p);
Pattern qceiling(double n, const Pattern& p);

// run n: 0 .. n-1 squeezed into each cycle; scan n: run 1, run 2, .. run n, one per cycle.
Pattern run(const Pattern& n);
Pattern scan(const Pattern& n);
Pattern runOf(const Value& n);
Pattern scanOf(const Value& n);

// scale name degrees: degrees mapped to semitones (Doubles) in the named scale.
Pattern scale(const Pattern& names, const Pattern& degrees);
// toScale' octave steps degrees / toScale steps degrees.
Pattern toScaleWith(int64_t octave, const std::vector<Value>& steps, const Pattern& degrees);

// arp mode p: events sharing a whole are spread across it in the order of `mode`.
Pattern arp(const Pattern& modes, const Pattern& p);
Pattern arpWithMode(std::string_view mode, const Pattern& p);
// The names of arp's modes, in Tidal's order.
const std::vector<std::string_view>& arpModes();

// contrast f g test p: events of p whose controls include all of one of
// test's maps (at the event's onset) go through f, the rest through g.
using PatternFn = std::function<Pattern(const Pattern&)>;
Pattern contrast(const PatternFn& f, const PatternFn& g, const Pattern& test, const Pattern& p);
Pattern fix(const PatternFn& f, const Pattern& test, const Pattern& p);
Pattern unfix(const PatternFn& f, const Pattern& test, const Pattern& p);

// Tidal's Eq on control values (Double and Note never compare equal).
bool tidalValueEq(const Value& a, const Value& b);

}  // namespace seiche
