#pragma once
// Structural combinators of Tidal 1.7.10 (mostly Sound.Tidal.UI, some of
// Core and Control): every, within, jux, off, euclid, chunk, ply, ...
//
// Patterned arguments are joined the way 1.7.10 joins them (innerJoin via
// tParam, the monadic bind where Tidal uses `do`, squeezeJoin where it
// squeezes). Argument patterns carry Values: numbers are read with
// asRational()/asInt()/asDouble(), booleans with `truthy`.
#include <functional>
#include <vector>

#include "pattern/pattern.hpp"

namespace seiche {

using PatternFn = std::function<Pattern(const Pattern&)>;

// --- helpers shared with the registrations
bool truthy(const Value& v);                       // Bool, or a non-zero number
int64_t haskellMod(int64_t x, int64_t m);          // Haskell `mod` (throws on m == 0)
std::vector<bool> bjorklund(int64_t k, int64_t n); // Tidal's Bjorklund.bjorklund (k, n)
// tParam with three patterned arguments (Tidal's tParam3: <$> a <*> b <*> c, innerJoin).
Pattern tParam3(const Pattern& a, const Pattern& b, const Pattern& c,
                std::function<Pattern(const Value&, const Value&, const Value&)> f);

// --- patterned core helpers (tParam versions of the Time-taking core functions)
Pattern fastP(const Pattern& r, const Pattern& p);
Pattern slowP(const Pattern& r, const Pattern& p);
Pattern rotRP(const Pattern& t, const Pattern& p);   // `~>`
Pattern fastGapP(const Pattern& r, const Pattern& p);
Pattern fastSqueeze(const Pattern& r, const Pattern& p);
Pattern slowSqueeze(const Pattern& r, const Pattern& p);

// --- conditional application
Pattern every(const Pattern& n, PatternFn f, const Pattern& p);
Pattern everyOffset(const Pattern& n, const Pattern& o, PatternFn f, const Pattern& p);  // every'
Pattern foldEvery(const std::vector<int64_t>& ns, PatternFn f, const Pattern& p);
Pattern whenmod(const Pattern& a, const Pattern& b, PatternFn f, const Pattern& p);
Pattern whenT(std::function<bool(const Time&)> test, PatternFn f, const Pattern& p);
Pattern ifp(std::function<bool(int64_t)> test, PatternFn f1, PatternFn f2, const Pattern& p);
Pattern within(const Time& s, const Time& e, PatternFn f, const Pattern& p);
Pattern withinPrime(const Time& s, const Time& e, PatternFn f, const Pattern& p);  // within'
Pattern inside(const Pattern& n, PatternFn f, const Pattern& p);
Pattern outside(const Pattern& n, PatternFn f, const Pattern& p);
Pattern whileP(const Pattern& b, PatternFn f, const Pattern& p);  // while
Pattern chunk(const Pattern& n, PatternFn f, const Pattern& p);
Pattern chunkPrime(const Pattern& n, PatternFn f, const Pattern& p);  // chunk'
Pattern pickF(const Pattern& i, std::vector<PatternFn> fs, const Pattern& p);
Pattern selectF(const Pattern& x, std::vector<PatternFn> fs, const Pattern& p);

// --- layering
Pattern superimpose(PatternFn f, const Pattern& p);
Pattern off(const Pattern& t, PatternFn f, const Pattern& p);
Pattern layer(const std::vector<PatternFn>& fs, const Pattern& p);
Pattern juxBy(const Pattern& n, PatternFn f, const Pattern& p);
Pattern jux(PatternFn f, const Pattern& p);
Pattern stut(const Pattern& count, const Pattern& feedback, const Pattern& steptime, const Pattern& p);
Pattern stutWith(const Pattern& n, const Pattern& t, PatternFn f, const Pattern& p);  // = 1.9 echoWith
Pattern stutter(int64_t n, const Time& t, const Pattern& p);
Pattern echo(const Time& t, const Pattern& p);  // 1.7.10: stutter 2
Pattern echo19(const Pattern& count, const Pattern& time, const Pattern& feedback, const Pattern& p);  // 1.9 echo
Pattern ghostWith(const Time& a, PatternFn f, const Pattern& p);  // ghost'' (1.9: ghostWith)
Pattern ghostPrime(const Time& a, const Pattern& p);              // ghost'
Pattern ghost(const Pattern& p);
Pattern hurry(const Pattern& r, const Pattern& p);

// --- time structure
Pattern ply(const Pattern& n, const Pattern& p);
Pattern plyWith(const Pattern& n, PatternFn f, const Pattern& p);
Pattern arpeggiate(const Pattern& p);  // arpWith id: events sharing a whole spread across it
Pattern iter(const Pattern& n, const Pattern& p);
Pattern iterPrime(const Pattern& n, const Pattern& p);  // iter'
Pattern palindrome(const Pattern& p);
Pattern brak(const Pattern& p);
Pattern linger(const Pattern& n, const Pattern& p);
Pattern press(const Pattern& p);                      // pressBy 0.5
Pattern pressBy(const Pattern& r, const Pattern& p);  // each event starts r of the way into itself
Pattern segment(const Pattern& n, const Pattern& p);
Pattern trunc(const Pattern& t, const Pattern& p);
Pattern rot(const Pattern& n, const Pattern& p);
Pattern swingBy(const Pattern& x, const Pattern& n, const Pattern& p);
Pattern swing(const Pattern& n, const Pattern& p);
Pattern spaceOut(const std::vector<Time>& xs, const Pattern& p);
Pattern stretch(const Pattern& p);
Pattern weaveWith(const Time& t, const Pattern& p, const std::vector<PatternFn>& fs);
Pattern weave(const Time& t, const Pattern& p, const std::vector<Pattern>& ps);
Pattern wedge(const Pattern& t, const Pattern& a, const Pattern& b);

// --- selection
Pattern fit(const Pattern& step, std::vector<Value> xs, const Pattern& ipat);
Pattern fitPrime(const Pattern& cyc, int64_t n, const Pattern& from, const Pattern& to, const Pattern& p);  // fit'
Pattern bite(const Pattern& n, const Pattern& ipat, const Pattern& p);
Pattern squeeze(const Pattern& ipat, std::vector<Pattern> ps);
Pattern selectP(const Pattern& x, std::vector<Pattern> ps);  // select

// --- boolean structure
Pattern inv(const Pattern& b);
Pattern structP(const Pattern& b, const Pattern& p);  // struct
Pattern mask(const Pattern& b, const Pattern& p);
Pattern substruct(const Pattern& b, const Pattern& p);
Pattern substructPrime(const Pattern& s, const Pattern& p);  // substruct'
Pattern stripe(const Pattern& n, const Pattern& p);      // n repeats a cycle, of random lengths
Pattern slowstripe(const Pattern& n, const Pattern& p);  // stripe, n times slower
Pattern sew(const Pattern& b, const Pattern& x, const Pattern& y);
Pattern stitch(const Pattern& b, const Pattern& x, const Pattern& y);
Pattern euclid(const Pattern& n, const Pattern& k, const Pattern& p);
Pattern euclidInv(const Pattern& n, const Pattern& k, const Pattern& p);
Pattern euclidFull(const Pattern& n, const Pattern& k, const Pattern& p, const Pattern& p2);
Pattern euclidOff(const Pattern& n, const Pattern& k, const Pattern& s, const Pattern& p);
Pattern euclidOffBool(const Pattern& n, const Pattern& k, const Pattern& s, const Pattern& b);
Pattern necklace(const Time& perCycle, const std::vector<int64_t>& xs);

}  // namespace seiche
