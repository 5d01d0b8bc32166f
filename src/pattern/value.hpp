#pragma once
// The value an event carries. Tidal patterns are typed (Pattern Double,
// Pattern String, ControlPattern…); the language front end checks those types,
// and at run time one small tagged value serves them all.
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "pattern/rational.hpp"
#include "pattern/symbol.hpp"

namespace seiche {

enum class ValueKind : uint8_t { Double, Note, Int, Rational, String, Bool, Map };

class Value;
// Controls of one event (Tidal's ValueMap), sorted by symbol id.
using ControlMap = std::vector<std::pair<Symbol, Value>>;

class Value {
public:
    Value() : kind_(ValueKind::Double), f_(0) {}
    static Value dbl(double x) { Value v; v.kind_ = ValueKind::Double; v.f_ = x; return v; }
    static Value note(double x) { Value v; v.kind_ = ValueKind::Note; v.f_ = x; return v; }
    static Value integer(int64_t x) { Value v; v.kind_ = ValueKind::Int; v.i_ = x; return v; }
    static Value rational(const Rational& r) { Value v; v.kind_ = ValueKind::Rational; v.r_ = r; return v; }
    static Value string(Symbol s) { Value v; v.kind_ = ValueKind::String; v.s_ = s; return v; }
    static Value string(std::string_view s) { return string(Symbol(s)); }
    static Value boolean(bool b) { Value v; v.kind_ = ValueKind::Bool; v.b_ = b; return v; }
    static Value map(ControlMap m);

    ValueKind kind() const { return kind_; }
    bool isNumeric() const { return kind_ <= ValueKind::Rational; }

    double asDouble() const;     // any numeric kind (Tidal's getF)
    int64_t asInt() const;       // floor of any numeric kind (Tidal's getI)
    Rational asRational() const; // exact for Int and Rational; binary-exact for doubles
    Symbol asSymbol() const { return s_; }
    bool asBool() const { return b_; }
    const ControlMap& asMap() const { return *map_; }

    // Controls: lookup by name; nullptr when absent.
    const Value* find(Symbol key) const;

    std::string json() const;  // this value as JSON (maps as objects, keys sorted)

    friend bool operator==(const Value& a, const Value& b);
    friend bool operator!=(const Value& a, const Value& b) { return !(a == b); }
    friend bool operator<(const Value& a, const Value& b);  // Tidal's Ord Value

private:
    ValueKind kind_;
    union {
        double f_;
        int64_t i_;
        Symbol s_;
        bool b_;
        Rational r_;
    };
    std::shared_ptr<const ControlMap> map_;
};

// Tidal's `fNum2`-style arithmetic on values of the same family; maps combine
// key by key (unionWith), with the left value kept where the op does not apply.
enum class NumOp { Add, Sub, Mul, Div, Mod, Pow, Min, Max };
Value applyNum(NumOp op, const Value& a, const Value& b);

// `#`/`|>`: union of two maps preferring the right (or left) values.
Value unionPreferRight(const Value& left, const Value& right);
Value unionPreferLeft(const Value& left, const Value& right);

std::string jsonNumber(double x);

}  // namespace seiche
