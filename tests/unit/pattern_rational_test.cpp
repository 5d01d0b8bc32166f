// Rational arithmetic against a slow, obviously-correct 128-bit reference,
// over random operands that include overflow-prone magnitudes.
#include <gtest/gtest.h>

#include <random>

#include "pattern/rational.hpp"

using seiche::Rational;
using seiche::TimeOverflow;

namespace {

int128_t absolute(int128_t x) { return x < 0 ? -x : x; }
int128_t gcdReference(int128_t a, int128_t b) {
    a = absolute(a);
    b = absolute(b);
    while (b) {
        int128_t t = a % b;
        a = b;
        b = t;
    }
    return a;
}

// Expected result of n/d as (num, den) in lowest terms, or nothing when it does not fit.
std::optional<std::pair<int64_t, int64_t>> reference(int128_t n, int128_t d) {
    if (d < 0) { n = -n; d = -d; }
    int128_t g = gcdReference(n, d);
    if (g > 1) { n /= g; d /= g; }
    if (n == 0) d = 1;
    auto fits = [](int128_t v) { return v >= INT64_MIN && v <= INT64_MAX; };
    if (!fits(n) || !fits(d)) return std::nullopt;
    return std::pair<int64_t, int64_t>{int64_t(n), int64_t(d)};
}

void expectMatches(const char* what, const Rational& a, const Rational& b, int128_t n, int128_t d,
                   Rational (*op)(const Rational&, const Rational&)) {
    auto want = reference(n, d);
    SCOPED_TRACE(std::string(what) + " " + a.str() + " " + b.str());
    if (!want) {
        EXPECT_THROW(op(a, b), TimeOverflow);
        return;
    }
    Rational got = op(a, b);
    EXPECT_EQ(got.num(), want->first);
    EXPECT_EQ(got.den(), want->second);
}

Rational randomRational(std::mt19937_64& rng) {
    // Mostly musical sizes, sometimes huge, so both fast and overflow paths run.
    std::uniform_int_distribution<int> pick(0, 9);
    auto draw = [&](int64_t limit) { return std::uniform_int_distribution<int64_t>(-limit, limit)(rng); };
    int kind = pick(rng);
    int64_t limit = kind < 6 ? 64 : kind < 8 ? (int64_t(1) << 31) : INT64_MAX;
    int64_t n = draw(limit);
    int64_t d = 0;
    while (d <= 0) d = kind < 6 ? std::uniform_int_distribution<int64_t>(1, 48)(rng) : draw(limit);
    return Rational(n, d);
}

}  // namespace

TEST(Rational, ArithmeticMatchesReference) {
    std::mt19937_64 rng(7);
    for (int i = 0; i < 200000; ++i) {
        Rational a = randomRational(rng), b = randomRational(rng);
        int128_t an = a.num(), ad = a.den(), bn = b.num(), bd = b.den();
        expectMatches("+", a, b, an * bd + bn * ad, ad * bd, [](const Rational& x, const Rational& y) { return x + y; });
        expectMatches("-", a, b, an * bd - bn * ad, ad * bd, [](const Rational& x, const Rational& y) { return x - y; });
        expectMatches("*", a, b, an * bn, ad * bd, [](const Rational& x, const Rational& y) { return x * y; });
        if (bn != 0)
            expectMatches("/", a, b, an * bd, ad * bn, [](const Rational& x, const Rational& y) { return x / y; });
        if (HasFailure()) break;
    }
}

TEST(Rational, EdgeValues) {
    Rational big(INT64_MAX), tiny(1, INT64_MAX), minimum(INT64_MIN);
    EXPECT_THROW(big + Rational(1), TimeOverflow);
    EXPECT_THROW(minimum - Rational(1), TimeOverflow);
    EXPECT_THROW(-minimum, TimeOverflow);
    EXPECT_EQ((big * tiny), Rational(1));
    EXPECT_EQ((tiny - tiny), Rational(0));
    EXPECT_EQ((Rational(0) * big).den(), 1);
    EXPECT_EQ((Rational(0) / Rational(-3, 7)).den(), 1);
    EXPECT_EQ(Rational(1, 3) / Rational(-2, 3), Rational(-1, 2));
    EXPECT_THROW(Rational(1) / minimum, TimeOverflow);  // 2^63 does not fit a denominator
    EXPECT_THROW(Rational(1) / Rational(0), std::domain_error);
}
