#pragma once
// Exact time, in cycles. 64-bit numerator/denominator in lowest terms, with
// 128-bit intermediates so ordinary arithmetic cannot overflow silently.
#include <cstdint>
#include <stdexcept>
#include <string>

// 128-bit intermediates are a GCC/Clang extension; both compilers we support have them.
__extension__ typedef __int128 int128_t;

namespace seiche {

// Thrown (only inside the pattern module) when a time no longer fits 64 bits;
// the query front door turns it into an error result.
struct TimeOverflow : std::overflow_error {
    TimeOverflow() : std::overflow_error("time value out of range") {}
};

class Rational {
public:
    constexpr Rational() = default;
    constexpr Rational(int64_t n) : num_(n), den_(1) {}  // NOLINT: numbers are times
    Rational(int64_t n, int64_t d);

    static Rational fromDouble(double x);  // exact binary value, like Haskell's toRational

    constexpr int64_t num() const { return num_; }
    constexpr int64_t den() const { return den_; }
    double toDouble() const { return double(num_) / double(den_); }

    Rational floor() const;    // sam
    Rational ceil() const;
    Rational frac() const { return *this - floor(); }  // cyclePos
    int64_t floorInt() const;

    friend Rational operator+(const Rational& a, const Rational& b);
    friend Rational operator-(const Rational& a, const Rational& b);
    friend Rational operator*(const Rational& a, const Rational& b);
    friend Rational operator/(const Rational& a, const Rational& b);
    Rational operator-() const { return fromParts(-static_cast<int128_t>(num_), den_); }
    Rational& operator+=(const Rational& o) { return *this = *this + o; }
    Rational& operator-=(const Rational& o) { return *this = *this - o; }
    Rational& operator*=(const Rational& o) { return *this = *this * o; }
    Rational& operator/=(const Rational& o) { return *this = *this / o; }

    friend bool operator==(const Rational& a, const Rational& b) { return a.num_ == b.num_ && a.den_ == b.den_; }
    friend bool operator<(const Rational& a, const Rational& b) {
        if (a.den_ == b.den_) return a.num_ < b.num_;
        return static_cast<int128_t>(a.num_) * b.den_ < static_cast<int128_t>(b.num_) * a.den_;
    }
    friend bool operator>(const Rational& a, const Rational& b) { return b < a; }
    friend bool operator<=(const Rational& a, const Rational& b) { return !(b < a); }
    friend bool operator>=(const Rational& a, const Rational& b) { return !(a < b); }
    friend bool operator!=(const Rational& a, const Rational& b) { return !(a == b); }

    std::string str() const;  // "n" or "n/d"

    // Builds a normalised value from 128-bit parts; throws TimeOverflow if it does not fit.
    static Rational fromParts(int128_t n, int128_t d);

private:
    int64_t num_ = 0;
    int64_t den_ = 1;
};

inline Rational min(const Rational& a, const Rational& b) { return b < a ? b : a; }
inline Rational max(const Rational& a, const Rational& b) { return a < b ? b : a; }

using Time = Rational;

}  // namespace seiche
