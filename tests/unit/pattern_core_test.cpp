#include <gtest/gtest.h>

#include <algorithm>

#include "pattern/pattern.hpp"

using namespace seiche;

namespace {

Value str(const char* s) { return Value::string(s); }

std::string show(Events es) {
    std::sort(es.begin(), es.end(), [](const Event& a, const Event& b) { return a.part.begin < b.part.begin; });
    std::string out;
    for (const auto& e : es) {
        out += e.whole ? e.whole->begin.str() + "-" + e.whole->end.str() : "~";
        out += "@" + e.part.begin.str() + "-" + e.part.end.str() + ":" + e.value.json() + " ";
    }
    return out;
}

}  // namespace

TEST(Rational, NormalisesAndOrders) {
    EXPECT_EQ(Rational(2, 4), Rational(1, 2));
    EXPECT_EQ(Rational(1, -2), Rational(-1, 2));
    EXPECT_EQ((Rational(1, 3) + Rational(1, 6)).str(), "1/2");
    EXPECT_EQ(Rational(-1, 3).floor(), Rational(-1));
    EXPECT_EQ(Rational(7, 2).frac(), Rational(1, 2));
    EXPECT_LT(Rational(1, 3), Rational(1, 2));
    EXPECT_THROW(Rational(1) / Rational(0), std::domain_error);
}

TEST(Rational, FromDoubleIsExactBinaryValue) {
    EXPECT_EQ(Rational::fromDouble(0.25), Rational(1, 4));
    EXPECT_EQ(Rational::fromDouble(-1.5), Rational(-3, 2));
    EXPECT_EQ(Rational::fromDouble(0.1).den(), int64_t(1) << 55);
}

TEST(Rational, OverflowIsReported) {
    Rational big(int64_t(1) << 62);
    EXPECT_THROW(big * big, TimeOverflow);
}

TEST(Pattern, PureSplitsAtCycles) {
    auto es = pure(str("a")).query(Span{Rational(1, 2), Rational(3, 2)});
    EXPECT_EQ(show(es), "0-1@1/2-1:\"a\" 1-2@1-3/2:\"a\" ");
}

TEST(Pattern, FastcatAndSlowcat) {
    auto p = fastcat({pure(str("a")), pure(str("b"))});
    EXPECT_EQ(show(p.query(Span{0, 1})), "0-1/2@0-1/2:\"a\" 1/2-1@1/2-1:\"b\" ");
    auto q = slowcat({pure(str("a")), pure(str("b"))});
    EXPECT_EQ(show(q.query(Span{1, 2})), "1-2@1-2:\"b\" ");
}

TEST(Pattern, RevMirrorsCycle) {
    auto p = rev(fastcat({pure(str("a")), pure(str("b")), pure(str("c"))}));
    EXPECT_EQ(show(p.query(Span{0, 1})), "0-1/3@0-1/3:\"c\" 1/3-2/3@1/3-2/3:\"b\" 2/3-1@2/3-1:\"a\" ");
}

TEST(Pattern, SlowKeepsWholesAcrossCycles) {
    auto p = slow(Rational(2), pure(str("a")));
    EXPECT_EQ(show(p.query(Span{1, 2})), "0-2@1-2:\"a\" ");
}

TEST(Pattern, AppLeftTakesStructureFromLeft) {
    auto a = fastcat({pure(Value::dbl(1)), pure(Value::dbl(2))});
    auto b = pure(Value::dbl(10));
    auto p = appLeft(a, b, [](const Value& x, const Value& y) { return applyNum(NumOp::Add, x, y); });
    EXPECT_EQ(show(p.query(Span{0, 1})), "0-1/2@0-1/2:11 1/2-1@1/2-1:12 ");
}

TEST(Pattern, CompressAndZoom) {
    auto ab = fastcat({pure(str("a")), pure(str("b"))});
    EXPECT_EQ(show(compress(Rational(1, 4), Rational(3, 4), ab).query(Span{0, 1})),
              "1/4-1/2@1/4-1/2:\"a\" 1/2-3/4@1/2-3/4:\"b\" ");
    EXPECT_EQ(show(zoom(Rational(0), Rational(1, 2), ab).query(Span{0, 1})), "0-1@0-1:\"a\" ");
}

TEST(Value, MapUnionAndArithmetic) {
    Symbol s("s"), n("n");
    auto a = Value::map({{s, str("bd")}, {n, Value::note(1)}});
    auto b = Value::map({{n, Value::note(2)}});
    EXPECT_EQ(applyNum(NumOp::Add, a, b).json(), "{\"n\":3,\"s\":\"bd\"}");
    EXPECT_EQ(unionPreferRight(a, b).json(), "{\"n\":2,\"s\":\"bd\"}");
    EXPECT_EQ(unionPreferLeft(a, b).json(), "{\"n\":1,\"s\":\"bd\"}");
}
