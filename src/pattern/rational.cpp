#include "pattern/rational.hpp"

#include <cmath>
#include <limits>
#include <utility>

namespace seiche {
namespace {

int128_t gcd128(int128_t a, int128_t b) {
    if (a < 0) a = -a;
    if (b < 0) b = -b;
    while (b != 0) {
        int128_t t = a % b;
        a = b;
        b = t;
    }
    return a;
}

bool fits(int128_t v) {
    return v >= std::numeric_limits<int64_t>::min() && v <= std::numeric_limits<int64_t>::max();
}

}  // namespace

Rational::Rational(int64_t n, int64_t d) { *this = fromParts(n, d); }


Rational Rational::fromParts(int128_t n, int128_t d) {
    if (d == 0) throw std::domain_error("division by zero in time arithmetic");
    if (d < 0) { n = -n; d = -d; }
    if (d != 1) {
        if (fits(n) && fits(d) && n != std::numeric_limits<int64_t>::min()) {
            // The common case: both parts fit 64 bits, so reduce with 64-bit arithmetic.
            int64_t n64 = static_cast<int64_t>(n), d64 = static_cast<int64_t>(d);
            uint64_t g = detail::gcd64(static_cast<uint64_t>(n64 < 0 ? -n64 : n64), static_cast<uint64_t>(d64));
            Rational r;
            r.num_ = g > 1 ? n64 / static_cast<int64_t>(g) : n64;
            r.den_ = g > 1 ? d64 / static_cast<int64_t>(g) : d64;
            return r;
        }
        int128_t g = gcd128(n, d);
        if (g > 1) { n /= g; d /= g; }
    }
    if (!fits(n) || !fits(d)) throw TimeOverflow();
    Rational r;
    r.num_ = static_cast<int64_t>(n);
    r.den_ = static_cast<int64_t>(d);
    return r;
}

Rational Rational::fromDouble(double x) {
    if (!std::isfinite(x)) throw std::domain_error("time is not a finite number");
    if (x == std::floor(x) && std::fabs(x) < 9e18) return Rational(static_cast<int64_t>(x));
    int exp = 0;
    double mant = std::frexp(x, &exp);  // x = mant * 2^exp, 0.5 <= |mant| < 1
    // 53 significant bits; shift until integral or the denominator would overflow.
    int128_t n = static_cast<int128_t>(std::ldexp(mant, 53));
    int shift = 53 - exp;  // x = n / 2^shift
    while (shift > 0 && (n % 2) == 0) { n /= 2; --shift; }
    if (shift > 62) {  // tiny magnitudes: keep what 62 bits of denominator can hold
        int drop = shift - 62;
        n = drop >= 127 ? 0 : n >> drop;
        shift = 62;
    }
    if (shift <= 0) return fromParts(n << (-shift), 1);
    return fromParts(n, static_cast<int128_t>(1) << shift);
}

Rational Rational::ceil() const {
    int64_t f = floorInt();
    return (den_ == 1) ? *this : Rational(f + 1);
}

std::string Rational::str() const {
    if (den_ == 1) return std::to_string(num_);
    return std::to_string(num_) + "/" + std::to_string(den_);
}

}  // namespace seiche
