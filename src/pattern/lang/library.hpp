#pragma once
// The table of builtin functions the language knows: name, Haskell-style type
// signature (checked by the type checker), implementation, and help text.
//
// Signatures use Tidal's own spelling: `Pattern Time -> Pattern a -> Pattern a`,
// `ControlPattern`, `[Pattern a]`, `(Time, Time)`, `(Pattern a -> Pattern a)`,
// constraints `Num a =>`, `Fractional a =>`. Types: Pattern, Time (= Rational),
// Double, Int (Integer is read as Int), String, Bool, Note, ValueMap; lower-case
// names are type variables.
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "pattern/lang/runtime.hpp"

namespace seiche::lang {

using PatternTransform = std::function<Pattern(const Pattern&)>;

// Typed access to a saturated builtin's arguments.
class Args {
public:
    explicit Args(const RList& v) : v_(v) {}
    size_t size() const { return v_.size(); }
    const RValue& operator[](size_t i) const { return v_[i]; }

    const Pattern& pat(size_t i) const { return v_[i].pattern(); }
    const Value& value(size_t i) const { return v_[i].value(); }
    double num(size_t i) const { return v_[i].value().asDouble(); }
    int64_t integer(size_t i) const { return v_[i].value().asInt(); }
    Time time(size_t i) const { return v_[i].value().asRational(); }
    const RList& items(size_t i) const { return v_[i].items(); }
    std::vector<Pattern> patterns(size_t i) const;         // a list of patterns
    PatternTransform transform(size_t i) const;             // a Pattern a -> Pattern b function
    std::pair<Time, Time> timePair(size_t i) const;         // a (Time, Time) tuple

private:
    const RList& v_;
};

using BuiltinImpl = std::function<RValue(const Args&)>;

struct Builtin {
    std::string name;
    std::string signature;
    BuiltinImpl impl;
    std::string doc;      // one line: what it does
    std::string example;  // a line of Tidal code that uses it
};

class Library {
public:
    void add(std::string name, std::string signature, BuiltinImpl impl, std::string doc = {},
             std::string example = {});
    void alias(const std::string& alias, const std::string& target);
    const Builtin* find(std::string_view name) const;
    std::vector<std::string> names() const;

private:
    std::map<std::string, Builtin, std::less<>> builtins_;
};

// The full library (built once, read-only afterwards, safe to share between threads).
const Library& standardLibrary();

// Registration units, one per area (src/pattern/lib/*.cpp).
void registerCoreFunctions(Library& lib);      // operators, cat/stack, time, arithmetic helpers
void registerStructureFunctions(Library& lib); // every, within, jux, off, euclid, chunk, ...
void registerRandomFunctions(Library& lib);    // rand, irand, degradeBy, sometimesBy, shuffle, ...
void registerControlFunctions(Library& lib);   // s, n, speed, ... and sample functions (chop, striate, ...)
void registerValueFunctions(Library& lib);     // signals, range, run, scan, scale, arp, ...

}  // namespace seiche::lang
