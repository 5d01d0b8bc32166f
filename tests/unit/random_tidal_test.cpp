// Tidal's randomness against real Tidal 1.7.10: the expected events were
// printed by ghci for the Haskell expression in the second column.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

#include "pattern/mini/mininotation.hpp"
#include "pattern/random.hpp"

using namespace seiche;
namespace rnd = seiche::random;

namespace {

Pattern mini(const char* s, mini::AtomType t) {
    auto r = mini::parse(s, t);
    if (!r.pattern) throw std::runtime_error("bad mini-notation");
    return *r.pattern;
}
Pattern S(const char* s) { return mini(s, mini::AtomType::String); }
Pattern D(const char* s) { return mini(s, mini::AtomType::Double); }
Pattern I(const char* s) { return mini(s, mini::AtomType::Int); }
Value str(const char* s) { return Value::string(s); }
Pattern fast2(const Pattern& p) { return fast(Time(2), p); }
Pattern segN(int64_t n, const Pattern& p) {
    return appLeft(fast(Time(n), pure(Value())), p, [](const Value&, const Value& b) { return b; });
}
Pattern seg4(const Pattern& p) { return segN(4, p); }
Pattern seg2(const Pattern& p) { return segN(2, p); }
// Tidal's sine: (sin (2 pi t) + 1) / 2, sampled at the query's midpoint.
Pattern sine() {
    return signal([](const Time& t) { return Value::dbl((std::sin(M_PI * 2 * t.toDouble()) + 1) / 2); });
}

struct Expect {
    const char* whole;
    const char* part;
    const char* value;
};
struct Case {
    const char* type;
    const char* haskell;
    std::function<Pattern()> make;
    const char* from;
    const char* to;
    std::vector<Expect> events;
};

Rational parseRat(const std::string& s) {
    auto slash = s.find('/');
    if (slash != std::string::npos)
        return Rational(std::stoll(s.substr(0, slash)), std::stoll(s.substr(slash + 1)));
    auto dot = s.find('.');
    if (dot == std::string::npos) return Rational(std::stoll(s));
    std::string digits = s.substr(0, dot) + s.substr(dot + 1);
    int64_t den = 1;
    for (size_t i = dot + 1; i < s.size(); ++i) den *= 10;
    return Rational(std::stoll(digits), den);
}

std::string spanStr(const Span& s) { return s.begin.str() + " " + s.end.str(); }
std::string normSpan(const std::string& s) {
    if (s == "~") return s;
    auto sp = s.find(' ');
    return parseRat(s.substr(0, sp)).str() + " " + parseRat(s.substr(sp + 1)).str();
}

const std::vector<Case>& cases() {
    static const std::vector<Case> c = {
    {"Double", "rand", [] { return rnd::rand(); }, "0.1", "0.3", {{"~", "1/10 3/10", "0.688254464417696"}}},
    {"Double", "rand", [] { return rnd::rand(); }, "-5.5", "-5.25", {{"~", "-11/2 -21/4", "0.8977299649268389"}}},
    {"Double", "rand", [] { return rnd::rand(); }, "12345.678", "12345.679", {{"~", "6172839/500 12345679/1000", "0.6193035412579775"}}},
    {"Double", "rand", [] { return rnd::rand(); }, "0", "1", {{"~", "0/1 1/1", "0.2591378428041935"}}},
    {"Double", "perlin", [] { return rnd::perlin(); }, "0", "0.5", {{"~", "0/1 1/2", "5.3597507256199606e-2"}}},
    {"Double", "perlin", [] { return rnd::perlin(); }, "3.3", "3.4", {{"~", "33/10 17/5", "0.6307997844407206"}}},
    {"Double", "irand 8", [] { return rnd::irand(pure(Value::integer(8))); }, "0", "2", {{"~", "0/1 1/1", "2.0"}, {"~", "1/1 2/1", "3.0"}}},
    {"String", "degradeBy 0.3 \"bd*8\"", [] { return rnd::degradeBy(pure(Value::dbl(0.3)), S("bd*8")); }, "0", "2", {{"1/8 1/4", "1/8 1/4", "bd"}, {"1/4 3/8", "1/4 3/8", "bd"}, {"3/8 1/2", "3/8 1/2", "bd"}, {"1/2 5/8", "1/2 5/8", "bd"}, {"5/8 3/4", "5/8 3/4", "bd"}, {"3/4 7/8", "3/4 7/8", "bd"}, {"7/8 1/1", "7/8 1/1", "bd"}, {"1/1 9/8", "1/1 9/8", "bd"}, {"9/8 5/4", "9/8 5/4", "bd"}, {"11/8 3/2", "11/8 3/2", "bd"}, {"3/2 13/8", "3/2 13/8", "bd"}, {"13/8 7/4", "13/8 7/4", "bd"}, {"7/4 15/8", "7/4 15/8", "bd"}, {"15/8 2/1", "15/8 2/1", "bd"}}},
    {"String", "unDegradeBy 0.3 \"bd*8\"", [] { return rnd::unDegradeBy(pure(Value::dbl(0.3)), S("bd*8")); }, "0", "2", {{"0/1 1/8", "0/1 1/8", "bd"}, {"5/4 11/8", "5/4 11/8", "bd"}}},
    {"String", "degrade \"bd*8\"", [] { return rnd::degrade(S("bd*8")); }, "0", "1", {{"1/8 1/4", "1/8 1/4", "bd"}, {"1/4 3/8", "1/4 3/8", "bd"}, {"3/8 1/2", "3/8 1/2", "bd"}, {"1/2 5/8", "1/2 5/8", "bd"}, {"3/4 7/8", "3/4 7/8", "bd"}, {"7/8 1/1", "7/8 1/1", "bd"}}},
    {"String", "degradeBy \"<0.2 0.8>\" \"bd*8\"", [] { return rnd::degradeBy(D("<0.2 0.8>"), S("bd*8")); }, "0", "2", {{"1/8 1/4", "1/8 1/4", "bd"}, {"1/4 3/8", "1/4 3/8", "bd"}, {"3/8 1/2", "3/8 1/2", "bd"}, {"1/2 5/8", "1/2 5/8", "bd"}, {"5/8 3/4", "5/8 3/4", "bd"}, {"3/4 7/8", "3/4 7/8", "bd"}, {"7/8 1/1", "7/8 1/1", "bd"}, {"9/8 5/4", "9/8 5/4", "bd"}, {"3/2 13/8", "3/2 13/8", "bd"}, {"15/8 2/1", "15/8 2/1", "bd"}}},
    {"String", "sometimesBy 0.5 (fast 2) \"bd*8\"", [] { return rnd::sometimesBy(pure(Value::dbl(0.5)), fast2, S("bd*8")); }, "0", "1", {{"1/8 1/4", "1/8 1/4", "bd"}, {"1/4 3/8", "1/4 3/8", "bd"}, {"3/8 1/2", "3/8 1/2", "bd"}, {"1/2 5/8", "1/2 5/8", "bd"}, {"3/4 7/8", "3/4 7/8", "bd"}, {"7/8 1/1", "7/8 1/1", "bd"}, {"0/1 1/16", "0/1 1/16", "bd"}, {"5/16 3/8", "5/16 3/8", "bd"}, {"1/2 9/16", "1/2 9/16", "bd"}, {"5/8 11/16", "5/8 11/16", "bd"}, {"11/16 3/4", "11/16 3/4", "bd"}}},
    {"String", "someCyclesBy 0.5 (fast 2) \"bd*4\"", [] { return rnd::someCyclesBy(pure(Value::dbl(0.5)), fast2, S("bd*4")); }, "0", "6", {{"0/1 1/8", "0/1 1/8", "bd"}, {"1/8 1/4", "1/8 1/4", "bd"}, {"1/4 3/8", "1/4 3/8", "bd"}, {"3/8 1/2", "3/8 1/2", "bd"}, {"1/2 5/8", "1/2 5/8", "bd"}, {"5/8 3/4", "5/8 3/4", "bd"}, {"3/4 7/8", "3/4 7/8", "bd"}, {"7/8 1/1", "7/8 1/1", "bd"}, {"1/1 5/4", "1/1 5/4", "bd"}, {"5/4 3/2", "5/4 3/2", "bd"}, {"3/2 7/4", "3/2 7/4", "bd"}, {"7/4 2/1", "7/4 2/1", "bd"}, {"2/1 17/8", "2/1 17/8", "bd"}, {"17/8 9/4", "17/8 9/4", "bd"}, {"9/4 19/8", "9/4 19/8", "bd"}, {"19/8 5/2", "19/8 5/2", "bd"}, {"5/2 21/8", "5/2 21/8", "bd"}, {"21/8 11/4", "21/8 11/4", "bd"}, {"11/4 23/8", "11/4 23/8", "bd"}, {"23/8 3/1", "23/8 3/1", "bd"}, {"3/1 13/4", "3/1 13/4", "bd"}, {"13/4 7/2", "13/4 7/2", "bd"}, {"7/2 15/4", "7/2 15/4", "bd"}, {"15/4 4/1", "15/4 4/1", "bd"}, {"4/1 33/8", "4/1 33/8", "bd"}, {"33/8 17/4", "33/8 17/4", "bd"}, {"17/4 35/8", "17/4 35/8", "bd"}, {"35/8 9/2", "35/8 9/2", "bd"}, {"9/2 37/8", "9/2 37/8", "bd"}, {"37/8 19/4", "37/8 19/4", "bd"}, {"19/4 39/8", "19/4 39/8", "bd"}, {"39/8 5/1", "39/8 5/1", "bd"}, {"5/1 41/8", "5/1 41/8", "bd"}, {"41/8 21/4", "41/8 21/4", "bd"}, {"21/4 43/8", "21/4 43/8", "bd"}, {"43/8 11/2", "43/8 11/2", "bd"}, {"11/2 45/8", "11/2 45/8", "bd"}, {"45/8 23/4", "45/8 23/4", "bd"}, {"23/4 47/8", "23/4 47/8", "bd"}, {"47/8 6/1", "47/8 6/1", "bd"}}},
    {"String", "randcat [\"a b\", \"c\", \"d e f\"]", [] { return rnd::randcat({S("a b"), S("c"), S("d e f")}); }, "0", "5", {{"0/1 1/2", "0/1 1/2", "a"}, {"1/2 1/1", "1/2 1/1", "b"}, {"1/1 4/3", "1/1 4/3", "d"}, {"4/3 5/3", "4/3 5/3", "e"}, {"5/3 2/1", "5/3 2/1", "f"}, {"2/1 5/2", "2/1 5/2", "a"}, {"5/2 3/1", "5/2 3/1", "b"}, {"3/1 4/1", "3/1 4/1", "c"}, {"4/1 9/2", "4/1 9/2", "a"}, {"9/2 5/1", "9/2 5/1", "b"}}},
    {"String", "wrandcat [(\"a b\", 1), (\"c\", 0.5), (\"d e f\", 2)]", [] { return rnd::wrandcat({{S("a b"), 1}, {S("c"), 0.5}, {S("d e f"), 2}}); }, "0", "5", {{"0/1 1/2", "0/1 1/2", "a"}, {"1/2 1/1", "1/2 1/1", "b"}, {"1/1 2/1", "1/1 2/1", "c"}, {"2/1 7/3", "2/1 7/3", "d"}, {"7/3 8/3", "7/3 8/3", "e"}, {"8/3 3/1", "8/3 3/1", "f"}, {"3/1 10/3", "3/1 10/3", "d"}, {"10/3 11/3", "10/3 11/3", "e"}, {"11/3 4/1", "11/3 4/1", "f"}, {"4/1 13/3", "4/1 13/3", "d"}, {"13/3 14/3", "13/3 14/3", "e"}, {"14/3 5/1", "14/3 5/1", "f"}}},
    {"String", "shuffle 4 \"a b c d\"", [] { return rnd::shuffle(pure(Value::integer(4)), S("a b c d")); }, "0", "3", {{"0/1 1/4", "0/1 1/4", "a"}, {"1/4 1/2", "1/4 1/2", "b"}, {"1/2 3/4", "1/2 3/4", "c"}, {"3/4 1/1", "3/4 1/1", "d"}, {"1/1 5/4", "1/1 5/4", "d"}, {"5/4 3/2", "5/4 3/2", "b"}, {"3/2 7/4", "3/2 7/4", "c"}, {"7/4 2/1", "7/4 2/1", "a"}, {"2/1 9/4", "2/1 9/4", "a"}, {"9/4 5/2", "9/4 5/2", "d"}, {"5/2 11/4", "5/2 11/4", "c"}, {"11/4 3/1", "11/4 3/1", "b"}}},
    {"String", "scramble 4 \"a b c d\"", [] { return rnd::scramble(pure(Value::integer(4)), S("a b c d")); }, "0", "3", {{"0/1 1/4", "0/1 1/4", "b"}, {"1/4 1/2", "1/4 1/2", "c"}, {"1/2 3/4", "1/2 3/4", "a"}, {"3/4 1/1", "3/4 1/1", "b"}, {"1/1 5/4", "1/1 5/4", "c"}, {"5/4 3/2", "5/4 3/2", "d"}, {"3/2 7/4", "3/2 7/4", "c"}, {"7/4 2/1", "7/4 2/1", "b"}, {"2/1 9/4", "2/1 9/4", "d"}, {"9/4 5/2", "9/4 5/2", "d"}, {"5/2 11/4", "5/2 11/4", "a"}, {"11/4 3/1", "11/4 3/1", "d"}}},
    {"String", "shuffle \"<2 4>\" \"a b c d\"", [] { return rnd::shuffle(I("<2 4>"), S("a b c d")); }, "0", "2", {{"0/1 1/4", "0/1 1/4", "a"}, {"1/4 1/2", "1/4 1/2", "b"}, {"1/2 3/4", "1/2 3/4", "c"}, {"3/4 1/1", "3/4 1/1", "d"}, {"1/1 5/4", "1/1 5/4", "d"}, {"5/4 3/2", "5/4 3/2", "b"}, {"3/2 7/4", "3/2 7/4", "c"}, {"7/4 2/1", "7/4 2/1", "a"}}},
    {"String", "segment 4 $ choose [\"a\",\"b\",\"c\"]", [] { return seg4(rnd::choose({str("a"), str("b"), str("c")})); }, "0", "2", {{"0/1 1/4", "0/1 1/4", "a"}, {"1/4 1/2", "1/4 1/2", "b"}, {"1/2 3/4", "1/2 3/4", "a"}, {"3/4 1/1", "3/4 1/1", "b"}, {"1/1 5/4", "1/1 5/4", "c"}, {"5/4 3/2", "5/4 3/2", "c"}, {"3/2 7/4", "3/2 7/4", "b"}, {"7/4 2/1", "7/4 2/1", "b"}}},
    {"String", "segment 4 $ wchoose [(\"a\",1),(\"b\",0.5),(\"c\",2)]", [] { return seg4(rnd::wchoose({{str("a"), 1}, {str("b"), 0.5}, {str("c"), 2}})); }, "0", "2", {{"0/1 1/4", "0/1 1/4", "b"}, {"1/4 1/2", "1/4 1/2", "c"}, {"1/2 3/4", "1/2 3/4", "a"}, {"3/4 1/1", "3/4 1/1", "b"}, {"1/1 5/4", "1/1 5/4", "c"}, {"5/4 3/2", "5/4 3/2", "c"}, {"3/2 7/4", "3/2 7/4", "c"}, {"7/4 2/1", "7/4 2/1", "b"}}},
    {"String", "segment 4 $ cycleChoose [\"a\",\"b\",\"c\"]", [] { return seg4(rnd::cycleChoose({str("a"), str("b"), str("c")})); }, "0", "3", {{"0/1 1/4", "0/1 1/4", "a"}, {"1/4 1/2", "1/4 1/2", "a"}, {"1/2 3/4", "1/2 3/4", "a"}, {"3/4 1/1", "3/4 1/1", "a"}, {"1/1 5/4", "1/1 5/4", "b"}, {"5/4 3/2", "5/4 3/2", "b"}, {"3/2 7/4", "3/2 7/4", "b"}, {"7/4 2/1", "7/4 2/1", "b"}, {"2/1 9/4", "2/1 9/4", "b"}, {"9/4 5/2", "9/4 5/2", "b"}, {"5/2 11/4", "5/2 11/4", "b"}, {"11/4 3/1", "11/4 3/1", "b"}}},
    {"String", "segment 2 $ chooseBy sine [\"a\",\"b\",\"c\"]", [] { return seg2(rnd::chooseBy(sine(), {str("a"), str("b"), str("c")})); }, "0", "2", {{"0/1 1/2", "0/1 1/2", "a"}, {"1/2 1/1", "1/2 1/1", "a"}, {"1/1 3/2", "1/1 3/2", "a"}, {"3/2 2/1", "3/2 2/1", "a"}}},
    };
    return c;
}

}  // namespace

TEST(RandomTidal, MatchesGhci) {
    for (const Case& c : cases()) {
        SCOPED_TRACE(c.haskell);
        Events evs = c.make().query(Span{parseRat(c.from), parseRat(c.to)});
        struct Row {
            std::string key;
            std::string value;
        };
        std::vector<Row> got, want;
        bool numeric = std::string(c.type) != "String";
        for (const Event& e : evs)
            got.push_back({(e.whole ? spanStr(*e.whole) : "~") + " | " + spanStr(e.part),
                           numeric ? "" : e.value.asSymbol().str()});
        for (const Expect& e : c.events) want.push_back({normSpan(e.whole) + " | " + normSpan(e.part), numeric ? "" : e.value});
        ASSERT_EQ(got.size(), want.size());
        // same order as Tidal for these (no stacks), so compare pairwise
        for (size_t i = 0; i < got.size(); ++i) {
            EXPECT_EQ(got[i].key, want[i].key) << "event " << i;
            if (numeric) {
                EXPECT_NEAR(evs[i].value.asDouble(), std::strtod(c.events[i].value, nullptr), 1e-12) << "event " << i;
            } else {
                EXPECT_EQ(got[i].value, want[i].value) << "event " << i;
            }
        }
    }
}

TEST(RandomTidal, TimeToRandIsExactOnRationals) {
    // values printed by ghci: timeToRand (x :: Rational) :: Double
    EXPECT_EQ(rnd::timeToRand(Time(1, 2)), rnd::intSeedToRand(rnd::timeToIntSeed(Time(1, 2))));
    EXPECT_NEAR(rnd::timeToRand(Time(1, 5)), 0.688254464417696, 1e-15);
    EXPECT_NEAR(rnd::timeToRand(Time(-43, 8)), 0.8977299649268389, 1e-15);
    // huge times do not overflow
    (void)rnd::timeToRand(Time(INT64_MAX / 3, 7));
}

// perlin is perlinWith over the time signal, fused into one signal for speed:
// the two must agree exactly on any span (bit-identical doubles).
TEST(RandomFusion, PerlinEqualsPerlinWithOverTime) {
    Pattern reference = random::perlinWith(signal([](const Time& t) { return Value::dbl(t.toDouble()); }));
    for (int i = -40; i < 400; ++i) {
        Span s{Time(i, 7), Time(i + 3, 7)};
        Events a = random::perlin().query(s), b = reference.query(s);
        ASSERT_EQ(a.size(), 1u);
        ASSERT_EQ(b.size(), 1u);
        EXPECT_EQ(a[0].value.asDouble(), b[0].value.asDouble()) << i;
        EXPECT_EQ(a[0].part, b[0].part);
    }
}
