#pragma once
// Tidal's deterministic randomness (UI.hs in Tidal 1.7.10). Random values are
// a pure function of time: the time is stretched over a 300-cycle window,
// scaled to 29 bits and scrambled with one xorshift round. Everything here
// reproduces Tidal's numbers bit for bit, so patterns that use randomness
// give the same events as Tidal does.
#include <cstdint>
#include <utility>
#include <vector>

#include "pattern/pattern.hpp"

namespace seiche::random {

// One xorshift round on a 64-bit signed integer (Tidal's xorwise).
int64_t xorwise(int64_t x);
// The integer seed of a time: exact on rational time (Tidal's timeToIntSeed at type Rational).
int64_t timeToIntSeed(const Time& t);
// The same for a Double time (Tidal's timeToIntSeed at type Double: the
// division by 300 is rounded like Haskell's Double arithmetic).
int64_t timeToIntSeed(double t);
double intSeedToRand(int64_t seed);
double timeToRand(const Time& t);
double timeToRand(double t);
// n successive random numbers from one time's seed (Tidal's timeToRands).
std::vector<double> timeToRands(const Time& t, int64_t n);

// --- continuous random patterns
Pattern rand();                       // doubles in [0, 1)
Pattern irand(const Pattern& n);      // Pattern Int -> whole numbers 0..n-1 (as doubles), via unwrap
Pattern irandConst(int64_t n);        // Tidal's _irand
Pattern perlinWith(const Pattern& p);
Pattern perlin();
Pattern brandBy(double prob);         // Tidal's _brandBy

// --- choosing
Pattern chooseBy(const Pattern& f, std::vector<Value> xs);
Pattern choose(std::vector<Value> xs);
Pattern wchooseBy(const Pattern& f, std::vector<std::pair<Value, double>> pairs);
Pattern wchoose(std::vector<std::pair<Value, double>> pairs);
Pattern cycleChoose(std::vector<Value> xs);
Pattern segment1(const Pattern& p);   // Tidal's `segment 1`

// --- degrading
Pattern degradeByUsing(const Pattern& prand, double amount, const Pattern& p);  // _degradeByUsing
// _degradeByUsing with `rotL shift rand`, computed directly (the mini-notation's `?`).
Pattern degradeByShifted(const Time& shift, double amount, const Pattern& p);
Pattern degradeByConst(double amount, const Pattern& p);                         // _degradeBy
Pattern unDegradeByConst(double amount, const Pattern& p);                       // _unDegradeBy
Pattern degradeBy(const Pattern& amount, const Pattern& p);                      // tParam _degradeBy
Pattern unDegradeBy(const Pattern& amount, const Pattern& p);
Pattern degrade(const Pattern& p);
using Transform = std::function<Pattern(const Pattern&)>;
Pattern sometimesBy(const Pattern& amount, const Transform& f, const Pattern& p);
Pattern sometimesByPrime(const Pattern& amount, const Transform& f, const Pattern& p);  // sometimesBy'
Pattern someCyclesBy(const Pattern& amount, const Transform& f, const Pattern& p);

// --- random sequencing
Pattern randcat(std::vector<Pattern> ps);
Pattern wrandcat(std::vector<std::pair<Pattern, double>> ps);
// The mini-notation's `|`: one of the patterns per cycle, using `rotL (seed/10000) rand`.
Pattern cycleChooseSeeded(int seed, std::vector<Pattern> ps);
Pattern randrun(int64_t n);
Pattern shuffle(const Pattern& n, const Pattern& p);
Pattern scramble(const Pattern& n, const Pattern& p);
Pattern shuffleConst(int64_t n, const Pattern& p);
Pattern scrambleConst(int64_t n, const Pattern& p);

}  // namespace seiche::random
