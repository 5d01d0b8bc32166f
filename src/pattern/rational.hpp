#pragma once
// Exact time, in cycles. 64-bit numerator/denominator in lowest terms, with
// 128-bit intermediates so ordinary arithmetic cannot overflow silently.
#include <cstdint>
#include <limits>
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

    Rational floor() const { return Rational(floorInt()); }  // sam
    Rational ceil() const;
    Rational frac() const { return *this - floor(); }  // cyclePos
    int64_t floorInt() const {
        if (den_ == 1) return num_;
        int64_t q = num_ / den_;
        return (num_ % den_ != 0 && num_ < 0) ? q - 1 : q;
    }

    // Arithmetic stays in 64 bits and skips gcds where number theory allows
    // (Knuth, TAOCP 4.5.1); only an overflow takes the 128-bit path.
    friend Rational operator+(const Rational& a, const Rational& b) { return addScaled(a, b, 1); }
    friend Rational operator-(const Rational& a, const Rational& b) { return addScaled(a, b, -1); }
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
    static Rational addScaled(const Rational& a, const Rational& b, int sign);
    static Rational raw(int64_t n, int64_t d) {
        Rational r;
        r.num_ = n;
        r.den_ = d;
        return r;
    }

    int64_t num_ = 0;
    int64_t den_ = 1;
};

namespace detail {
// Binary gcd: no division at all; normalisation is the most frequent operation in a query.
inline uint64_t gcd64(uint64_t a, uint64_t b) {
    if (a == 1 || b == 1) return 1;  // integers and unit fractions: the usual musical times
    if (a == 0) return b;
    if (b == 0) return a;
    int shift = __builtin_ctzll(a | b);
    a >>= __builtin_ctzll(a);
    while (b != 0) {
        b >>= __builtin_ctzll(b);
        if (a > b) {
            uint64_t t = a;
            a = b;
            b = t;
        }
        b -= a;
    }
    return a << shift;
}
inline uint64_t magnitude(int64_t x) { return x < 0 ? 0 - static_cast<uint64_t>(x) : static_cast<uint64_t>(x); }
}  // namespace detail

inline Rational Rational::addScaled(const Rational& a, const Rational& b, int sign) {
    int64_t bn = b.num_;
    if (sign < 0 && __builtin_sub_overflow(0, bn, &bn)) return fromParts(static_cast<int128_t>(a.num_) * b.den_ - static_cast<int128_t>(b.num_) * a.den_, static_cast<int128_t>(a.den_) * b.den_);
    int64_t n;
    if (a.den_ == b.den_) {
        if (__builtin_add_overflow(a.num_, bn, &n)) return fromParts(static_cast<int128_t>(a.num_) + bn, a.den_);
        if (a.den_ == 1) return raw(n, 1);
        uint64_t g = detail::gcd64(detail::magnitude(n), static_cast<uint64_t>(a.den_));
        return raw(n / static_cast<int64_t>(g), a.den_ / static_cast<int64_t>(g));
    }
    // a/p + b/q with g = gcd(p, q): (a(q/g) + b(p/g)) / (p/g * q), and only gcd(t, g) can remain.
    const int64_t g = static_cast<int64_t>(detail::gcd64(static_cast<uint64_t>(a.den_), static_cast<uint64_t>(b.den_)));
    const int64_t pg = a.den_ / g, qg = b.den_ / g;
    int64_t x, y, d;
    if (__builtin_mul_overflow(a.num_, qg, &x) || __builtin_mul_overflow(bn, pg, &y) || __builtin_add_overflow(x, y, &n) ||
        __builtin_mul_overflow(pg, b.den_, &d))
        return fromParts(static_cast<int128_t>(a.num_) * qg + static_cast<int128_t>(bn) * pg, static_cast<int128_t>(pg) * b.den_);
    if (g == 1) return raw(n, d);
    const int64_t g2 = static_cast<int64_t>(detail::gcd64(detail::magnitude(n), static_cast<uint64_t>(g)));
    return g2 == 1 ? raw(n, d) : raw(n / g2, d / g2);
}

inline Rational operator*(const Rational& a, const Rational& b) {
    // Cross-cancel first; the result is then already in lowest terms.
    if (a.num_ == 0 || b.num_ == 0) return Rational(0);
    const int64_t g1 = static_cast<int64_t>(detail::gcd64(detail::magnitude(a.num_), static_cast<uint64_t>(b.den_)));
    const int64_t g2 = static_cast<int64_t>(detail::gcd64(detail::magnitude(b.num_), static_cast<uint64_t>(a.den_)));
    int64_t n, d;
    if (__builtin_mul_overflow(a.num_ / g1, b.num_ / g2, &n) || __builtin_mul_overflow(a.den_ / g2, b.den_ / g1, &d))
        return Rational::fromParts(static_cast<int128_t>(a.num_) * b.num_, static_cast<int128_t>(a.den_) * b.den_);
    return Rational::raw(n, d);
}

inline Rational operator/(const Rational& a, const Rational& b) {
    if (b.num_ == 0) throw std::domain_error("division by zero in time arithmetic");
    if (b.num_ == std::numeric_limits<int64_t>::min())
        return Rational::fromParts(static_cast<int128_t>(a.num_) * b.den_, static_cast<int128_t>(a.den_) * b.num_);
    // Multiply by the reciprocal, sign kept on the numerator.
    Rational inv = b.num_ < 0 ? Rational::raw(-b.den_, -b.num_) : Rational::raw(b.den_, b.num_);
    return a * inv;
}

inline Rational min(const Rational& a, const Rational& b) { return b < a ? b : a; }
inline Rational max(const Rational& a, const Rational& b) { return a < b ? b : a; }

using Time = Rational;

}  // namespace seiche
