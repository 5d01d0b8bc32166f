#pragma once
// The value an event carries. Tidal patterns are typed (Pattern Double,
// Pattern String, ControlPattern…); the language front end checks those types,
// and at run time one small tagged value serves them all.
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "pattern/rational.hpp"
#include "pattern/symbol.hpp"

namespace seiche {

enum class ValueKind : uint8_t { Double, Note, Int, Rational, String, Bool, Map };

class Value;
// Controls of one event (Tidal's ValueMap), sorted by symbol id. Built as a
// vector; stored inside a Value as one immutable, reference-counted block.
using ControlMap = std::vector<std::pair<Symbol, Value>>;
struct MapStorage;

class MapView;

class Value {
public:
    Value() : kind_(ValueKind::Double), f_(0) {}
    Value(const Value& o) : kind_(o.kind_) { copyPayload(o); }
    Value(Value&& o) noexcept : kind_(o.kind_) {
        copyPayload(o, false);
        o.kind_ = ValueKind::Double;
        o.f_ = 0;
    }
    Value& operator=(const Value& o) {
        if (this != &o) {
            Value copy(o);
            swap(copy);
        }
        return *this;
    }
    Value& operator=(Value&& o) noexcept {
        Value moved(std::move(o));
        swap(moved);
        return *this;
    }
    ~Value() { if (kind_ == ValueKind::Map) release(); }
    void swap(Value& o) noexcept;
    static Value dbl(double x) { Value v; v.kind_ = ValueKind::Double; v.f_ = x; return v; }
    static Value note(double x) { Value v; v.kind_ = ValueKind::Note; v.f_ = x; return v; }
    static Value integer(int64_t x) { Value v; v.kind_ = ValueKind::Int; v.i_ = x; return v; }
    static Value rational(const Rational& r) { Value v; v.kind_ = ValueKind::Rational; v.r_ = r; return v; }
    static Value string(Symbol s) { Value v; v.kind_ = ValueKind::String; v.s_ = s; return v; }
    static Value string(std::string_view s) { return string(Symbol(s)); }
    static Value boolean(bool b) { Value v; v.kind_ = ValueKind::Bool; v.b_ = b; return v; }
    static Value map(ControlMap m);
    static Value map(std::initializer_list<std::pair<Symbol, Value>> entries);  // no vector on the way
    // Builds a map of at most `capacity` entries in place, in one allocation:
    // fill(Entry* out) constructs entries in key order and returns how many.
    template <typename Fill>
    static Value mapInPlace(size_t capacity, Fill&& fill);  // Fill: size_t(std::pair<Symbol, Value>* out)

    ValueKind kind() const { return kind_; }
    bool isNumeric() const { return kind_ <= ValueKind::Rational; }

    double asDouble() const;     // any numeric kind (Tidal's getF)
    int64_t asInt() const;       // floor of any numeric kind (Tidal's getI)
    Rational asRational() const; // exact for Int and Rational; binary-exact for doubles
    Symbol asSymbol() const { return s_; }
    bool asBool() const { return b_; }
    MapView asMap() const;

    // Controls: lookup by name; nullptr when absent.
    const Value* find(Symbol key) const;

    std::string json() const;  // this value as JSON (maps as objects, keys sorted)

    friend bool operator==(const Value& a, const Value& b);
    friend bool operator!=(const Value& a, const Value& b) { return !(a == b); }
    friend bool operator<(const Value& a, const Value& b);  // Tidal's Ord Value

private:
    void copyPayload(const Value& o, bool addRef = true);
    void release();
    static MapStorage* allocateMap(size_t capacity);
    static Value adoptMap(MapStorage* m);
    static std::pair<Symbol, Value>* entries(MapStorage* m);
    static void setSize(MapStorage* m, size_t n);
    static void discardMap(MapStorage* m);  // after a throwing fill

    ValueKind kind_;
    union {
        double f_;
        int64_t i_;
        Symbol s_;
        bool b_;
        Rational r_;
        MapStorage* m_;
    };
};

// Read-only view of a Value's controls, sorted by symbol id.
class MapView {
public:
    using Entry = std::pair<Symbol, Value>;
    MapView(const Entry* b, size_t n) : begin_(b), size_(n) {}
    const Entry* begin() const { return begin_; }
    const Entry* end() const { return begin_ + size_; }
    size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }
    const Entry& operator[](size_t i) const { return begin_[i]; }
    ControlMap toVector() const { return ControlMap(begin(), end()); }

private:
    const Entry* begin_;
    size_t size_;
};

template <typename Fill>
Value Value::mapInPlace(size_t capacity, Fill&& fill) {
    MapStorage* m = allocateMap(capacity);
    try {
        setSize(m, fill(entries(m)));
    } catch (...) {
        discardMap(m);
        throw;
    }
    return adoptMap(m);
}

// Tidal's `fNum2`-style arithmetic on values of the same family; maps combine
// key by key (unionWith), with the left value kept where the op does not apply.
enum class NumOp { Add, Sub, Mul, Div, Mod, Pow, Min, Max };
Value applyNum(NumOp op, const Value& a, const Value& b);

// A copy of a map with some keys set (Haskell's Map.insert, repeatedly).
Value insertKeys(const Value& map, std::initializer_list<std::pair<Symbol, Value>> entries);

// `#`/`|>`: union of two maps preferring the right (or left) values.
Value unionPreferRight(const Value& left, const Value& right);
Value unionPreferLeft(const Value& left, const Value& right);

std::string jsonNumber(double x);
std::string jsonQuote(const std::string& s);  // s as a JSON string literal

}  // namespace seiche
