// Structure combinators against Tidal 1.7.10. Every expected string below was
// printed by the real Tidal 1.7.10 in ghci (queryArc, events sorted as text):
// WHOLE@PART:VALUE, times as exact rationals, "~" for no whole.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "structure_test_support.hpp"
#include "pattern/structure.hpp"

using namespace seiche;

namespace {

// A small subset of mini-notation, resolved the way Tidal resolves it:
// sequences are timecat, <..> is slow n of the sequence, *n / /n are
// (cycle-split) fast / slow, ~ is silence, `,` stacks, @w weights a step.
class Mini {
public:
    Mini(std::string s, std::function<Value(const std::string&)> atom) : s_(std::move(s)), atom_(std::move(atom)) {}
    Pattern parse() { return stackOf(0); }

private:
    std::string s_;
    size_t i_ = 0;
    std::function<Value(const std::string&)> atom_;

    void ws() {
        while (i_ < s_.size() && s_[i_] == ' ') ++i_;
    }
    bool at(char c) {
        ws();
        return i_ < s_.size() && s_[i_] == c;
    }
    static bool wordChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '%' || c == '_' || c == ':' || c == '#'; }
    std::string word() {
        ws();
        size_t b = i_;
        while (i_ < s_.size() && wordChar(s_[i_])) ++i_;
        return s_.substr(b, i_ - b);
    }
    static Time number(const std::string& w) {
        auto pct = w.find('%');
        if (pct != std::string::npos) return Time(std::stoll(w.substr(0, pct)), std::stoll(w.substr(pct + 1)));
        auto dot = w.find('.');
        if (dot == std::string::npos) return Time(std::stoll(w));
        std::string digits = w.substr(0, dot) + w.substr(dot + 1);
        int64_t den = 1;
        for (size_t k = dot + 1; k < w.size(); ++k) den *= 10;
        return Time(std::stoll(digits), den);
    }
    // Returns the steps of one layer with their weights.
    std::vector<std::pair<Time, Pattern>> steps(char close) {
        std::vector<std::pair<Time, Pattern>> out;
        while (true) {
            ws();
            if (i_ >= s_.size() || s_[i_] == close || s_[i_] == ',') break;
            Pattern p;
            if (s_[i_] == '[') {
                ++i_;
                p = stackOf(']');
                ++i_;
            } else if (s_[i_] == '<') {
                ++i_;
                auto st = steps('>');
                ++i_;
                Time n(int64_t(st.size()));
                p = slow(n, timecat(st));
            } else if (s_[i_] == '~') {
                ++i_;
                p = silence();
            } else {
                size_t offset = i_;
                std::string w = word();
                if (w.empty()) throw std::runtime_error("mini: bad input at " + std::to_string(i_) + " in " + s_);
                // Source refs stand for Tidal's contexts: ids in source order.
                auto id = uint32_t(offset + 1);
                p = withEvents(pure(atom_(w)), [id](Events& es, size_t from) {
                    for (size_t k = from; k < es.size(); ++k) es[k].refs.a = id;
                });
            }
            Time weight(1);
            while (true) {
                if (at('*')) {
                    ++i_;
                    Time r = number(word());
                    p = splitQueries(fast(r, p));
                } else if (at('/')) {
                    ++i_;
                    Time r = number(word());
                    p = splitQueries(slow(r, p));
                } else if (at('@')) {
                    ++i_;
                    weight = number(word());
                } else {
                    break;
                }
            }
            out.emplace_back(weight, p);
        }
        return out;
    }
    Pattern stackOf(char close) {
        std::vector<Pattern> layers;
        while (true) {
            auto st = steps(close);
            layers.push_back(timecat(st));
            if (at(',')) {
                ++i_;
                continue;
            }
            break;
        }
        return layers.size() == 1 ? layers[0] : stack(layers);
    }
};

// Tidal reads "0.1" in a rational pattern through a Double (toRational), "1%3" exactly.
Time numberOf(const std::string& w) {
    auto pct = w.find('%');
    if (pct != std::string::npos) return Time(std::stoll(w.substr(0, pct)), std::stoll(w.substr(pct + 1)));
    if (w.find('.') == std::string::npos) return Time(std::stoll(w));
    return Rational::fromDouble(std::stod(w));
}

Value ctl(const char* k, Value v) { return Value::map({{Symbol(k), std::move(v)}}); }

Pattern S(const std::string& s) {
    return Mini(s, [](const std::string& w) { return ctl("s", Value::string(w)); }).parse();
}
Pattern N(const std::string& s) {
    return Mini(s, [](const std::string& w) { return ctl("n", Value::note(numberOf(w).toDouble())); }).parse();
}
Pattern Str(const std::string& s) {
    return Mini(s, [](const std::string& w) { return Value::string(w); }).parse();
}
Pattern I(const std::string& s) {
    return Mini(s, [](const std::string& w) { return Value::integer(std::stoll(w)); }).parse();
}
Pattern R(const std::string& s) {
    return Mini(s, [](const std::string& w) { return Value::rational(numberOf(w)); }).parse();
}
Pattern D(const std::string& s) {
    return Mini(s, [](const std::string& w) { return Value::dbl(numberOf(w).toDouble()); }).parse();
}
Pattern B(const std::string& s) {
    return Mini(s, [](const std::string& w) { return Value::boolean(w == "t" || w == "1" || w == "true"); }).parse();
}

// `# name x` and `|* name x` with pure right-hand sides.
PatternFn setT(const char* k, double x) {
    return [k, x](const Pattern& p) { return appLeft(p, pure(ctl(k, Value::dbl(x))), unionPreferRight); };
}
PatternFn mulT(const char* k, double x) {
    return [k, x](const Pattern& p) {
        return appLeft(p, pure(ctl(k, Value::dbl(x))), [](const Value& a, const Value& b) { return applyNum(NumOp::Mul, a, b); });
    };
}
PatternFn fastT(Time r) {
    return [r](const Pattern& p) { return splitQueries(fast(r, p)); };
}
PatternFn slowT(Time r) {
    return [r](const Pattern& p) { return splitQueries(slow(r, p)); };
}
PatternFn rotRT(Time r) {
    return [r](const Pattern& p) { return splitQueries(rotR(r, p)); };
}
PatternFn rotLT(Time r) {
    return [r](const Pattern& p) { return splitQueries(rotL(r, p)); };
}
PatternFn revT() {
    return [](const Pattern& p) { return rev(p); };
}

std::string show(const Pattern& p, Time from, Time to) { return showEvents(p.query(Span{from, to})); }

}  // namespace

// every 2 (fast 2) $ s "bd sn"
TEST(Structure, Every) {
    EXPECT_EQ(show(every(I("2"), fastT(2), S("bd sn")), Time(0), Time(4)),
              "0-1/4@0-1/4:{\"s\":\"bd\"} 1-3/2@1-3/2:{\"s\":\"bd\"} 1/2-3/4@1/2-3/4:{\"s\":\"bd\"} 1/4-1/2@1/4-1/2:{\"s\":\"sn\"} 11/4-3@11/4-3:{\"s\":\"sn\"} 2-9/4@2-9/4:{\"s\":\"bd\"} 3-7/2@3-7/2:{\"s\":\"bd\"} 3/2-2@3/2-2:{\"s\":\"sn\"} 3/4-1@3/4-1:{\"s\":\"sn\"} 5/2-11/4@5/2-11/4:{\"s\":\"bd\"} 7/2-4@7/2-4:{\"s\":\"sn\"} 9/4-5/2@9/4-5/2:{\"s\":\"sn\"}");
}

// every "<2 3>" (fast 2) $ s "bd sn"
TEST(Structure, EveryPatterned) {
    EXPECT_EQ(show(every(I("<2 3>"), fastT(2), S("bd sn")), Time(0), Time(6)),
              "0-1/4@0-1/4:{\"s\":\"bd\"} 1-3/2@1-3/2:{\"s\":\"bd\"} 1/2-3/4@1/2-3/4:{\"s\":\"bd\"} 1/4-1/2@1/4-1/2:{\"s\":\"sn\"} 11/2-6@11/2-6:{\"s\":\"sn\"} 11/4-3@11/4-3:{\"s\":\"sn\"} 13/4-7/2@13/4-7/2:{\"s\":\"sn\"} 15/4-4@15/4-4:{\"s\":\"sn\"} 17/4-9/2@17/4-9/2:{\"s\":\"sn\"} 19/4-5@19/4-5:{\"s\":\"sn\"} 2-9/4@2-9/4:{\"s\":\"bd\"} 3-13/4@3-13/4:{\"s\":\"bd\"} 3/2-2@3/2-2:{\"s\":\"sn\"} 3/4-1@3/4-1:{\"s\":\"sn\"} 4-17/4@4-17/4:{\"s\":\"bd\"} 5-11/2@5-11/2:{\"s\":\"bd\"} 5/2-11/4@5/2-11/4:{\"s\":\"bd\"} 7/2-15/4@7/2-15/4:{\"s\":\"bd\"} 9/2-19/4@9/2-19/4:{\"s\":\"bd\"} 9/4-5/2@9/4-5/2:{\"s\":\"sn\"}");
}

// every "<0 -2>" rev $ s "bd sn hh"
TEST(Structure, EveryZeroAndNegative) {
    EXPECT_EQ(show(every(I("<0 -2>"), revT(), S("bd sn hh")), Time(-3), Time(3)),
              "-1--2/3@-1--2/3:{\"s\":\"bd\"} -1/3-0@-1/3-0:{\"s\":\"hh\"} -2--5/3@-2--5/3:{\"s\":\"bd\"} -2/3--1/3@-2/3--1/3:{\"s\":\"sn\"} -3--8/3@-3--8/3:{\"s\":\"bd\"} -4/3--1@-4/3--1:{\"s\":\"hh\"} -5/3--4/3@-5/3--4/3:{\"s\":\"sn\"} -7/3--2@-7/3--2:{\"s\":\"hh\"} -8/3--7/3@-8/3--7/3:{\"s\":\"sn\"} 0-1/3@0-1/3:{\"s\":\"bd\"} 1-4/3@1-4/3:{\"s\":\"bd\"} 1/3-2/3@1/3-2/3:{\"s\":\"sn\"} 2-7/3@2-7/3:{\"s\":\"bd\"} 2/3-1@2/3-1:{\"s\":\"hh\"} 4/3-5/3@4/3-5/3:{\"s\":\"sn\"} 5/3-2@5/3-2:{\"s\":\"hh\"} 7/3-8/3@7/3-8/3:{\"s\":\"sn\"} 8/3-3@8/3-3:{\"s\":\"hh\"}");
}

// every "2 3" (fast 2) $ s "bd sn hh"
TEST(Structure, EverySplitArg) {
    EXPECT_EQ(show(every(I("2 3"), fastT(2), S("bd sn hh")), Time(0), Time(2)),
              "0-1/6@0-1/6:{\"s\":\"bd\"} 1-4/3@1-4/3:{\"s\":\"bd\"} 1/2-2/3@1/2-2/3:{\"s\":\"bd\"} 1/3-1/2@1/3-1/2:{\"s\":\"hh\"} 1/6-1/3@1/6-1/3:{\"s\":\"sn\"} 2/3-5/6@2/3-5/6:{\"s\":\"sn\"} 4/3-5/3@3/2-5/3:{\"s\":\"sn\"} 4/3-5/3@4/3-3/2:{\"s\":\"sn\"} 5/3-2@5/3-2:{\"s\":\"hh\"} 5/6-1@5/6-1:{\"s\":\"hh\"}");
}

// every' 3 1 (fast 2) $ s "bd sn"
TEST(Structure, EveryPrime) {
    EXPECT_EQ(show(everyOffset(I("3"), I("1"), fastT(2), S("bd sn")), Time(0), Time(6)),
              "0-1/2@0-1/2:{\"s\":\"bd\"} 1-5/4@1-5/4:{\"s\":\"bd\"} 1/2-1@1/2-1:{\"s\":\"sn\"} 11/2-6@11/2-6:{\"s\":\"sn\"} 17/4-9/2@17/4-9/2:{\"s\":\"sn\"} 19/4-5@19/4-5:{\"s\":\"sn\"} 2-5/2@2-5/2:{\"s\":\"bd\"} 3-7/2@3-7/2:{\"s\":\"bd\"} 3/2-7/4@3/2-7/4:{\"s\":\"bd\"} 4-17/4@4-17/4:{\"s\":\"bd\"} 5-11/2@5-11/2:{\"s\":\"bd\"} 5/2-3@5/2-3:{\"s\":\"sn\"} 5/4-3/2@5/4-3/2:{\"s\":\"sn\"} 7/2-4@7/2-4:{\"s\":\"sn\"} 7/4-2@7/4-2:{\"s\":\"sn\"} 9/2-19/4@9/2-19/4:{\"s\":\"bd\"}");
}

// every' 2 "<0 1>" (0.25 ~>) $ s "bd/2 sn"
TEST(Structure, EveryPrimeBindCutsWholes) {
    EXPECT_EQ(show(everyOffset(I("2"), I("<0 1>"), rotRT(Time(1, 4)), S("bd/2 sn")), Time(0), Time(4)),
              "0-1/4@0-1/4:{\"s\":\"sn\"} 1-5/4@1-5/4:{\"s\":\"sn\"} 1-5/4@5/4-7/4:{\"s\":\"bd\"} 1/4-1@1/4-3/4:{\"s\":\"bd\"} 11/4-3@11/4-3:{\"s\":\"sn\"} 15/4-4@15/4-4:{\"s\":\"sn\"} 2-9/4@2-9/4:{\"s\":\"sn\"} 3-13/4@13/4-15/4:{\"s\":\"bd\"} 3-13/4@3-13/4:{\"s\":\"sn\"} 3/4-1@3/4-1:{\"s\":\"sn\"} 7/4-2@7/4-2:{\"s\":\"sn\"} 9/4-3@9/4-11/4:{\"s\":\"bd\"}");
}

// foldEvery [2,3] (0.25 ~>) $ s "bd sn"
TEST(Structure, FoldEvery) {
    EXPECT_EQ(show(foldEvery({2, 3}, rotRT(Time(1, 4)), S("bd sn")), Time(0), Time(6)),
              "-1/4-1/4@0-1/4:{\"s\":\"sn\"} 0-1/2@1/4-1/2:{\"s\":\"sn\"} 1-3/2@1-3/2:{\"s\":\"bd\"} 1/2-1@1/2-1:{\"s\":\"bd\"} 11/2-6@11/2-6:{\"s\":\"sn\"} 11/4-13/4@11/4-3:{\"s\":\"sn\"} 11/4-13/4@3-13/4:{\"s\":\"sn\"} 13/4-15/4@13/4-15/4:{\"s\":\"bd\"} 15/4-17/4@15/4-4:{\"s\":\"sn\"} 17/4-19/4@17/4-19/4:{\"s\":\"bd\"} 19/4-21/4@19/4-5:{\"s\":\"sn\"} 3/2-2@3/2-2:{\"s\":\"sn\"} 4-9/2@4-17/4:{\"s\":\"sn\"} 5-11/2@5-11/2:{\"s\":\"bd\"} 7/4-9/4@2-9/4:{\"s\":\"sn\"} 9/4-11/4@9/4-11/4:{\"s\":\"bd\"}");
}

// whenmod 4 2 (fast 2) $ s "bd sn"
TEST(Structure, Whenmod) {
    EXPECT_EQ(show(whenmod(R("4"), R("2"), fastT(2), S("bd sn")), Time(0), Time(8)),
              "0-1/2@0-1/2:{\"s\":\"bd\"} 1-3/2@1-3/2:{\"s\":\"bd\"} 1/2-1@1/2-1:{\"s\":\"sn\"} 11/2-6@11/2-6:{\"s\":\"sn\"} 11/4-3@11/4-3:{\"s\":\"sn\"} 13/2-27/4@13/2-27/4:{\"s\":\"bd\"} 13/4-7/2@13/4-7/2:{\"s\":\"sn\"} 15/2-31/4@15/2-31/4:{\"s\":\"bd\"} 15/4-4@15/4-4:{\"s\":\"sn\"} 2-9/4@2-9/4:{\"s\":\"bd\"} 25/4-13/2@25/4-13/2:{\"s\":\"sn\"} 27/4-7@27/4-7:{\"s\":\"sn\"} 29/4-15/2@29/4-15/2:{\"s\":\"sn\"} 3-13/4@3-13/4:{\"s\":\"bd\"} 3/2-2@3/2-2:{\"s\":\"sn\"} 31/4-8@31/4-8:{\"s\":\"sn\"} 4-9/2@4-9/2:{\"s\":\"bd\"} 5-11/2@5-11/2:{\"s\":\"bd\"} 5/2-11/4@5/2-11/4:{\"s\":\"bd\"} 6-25/4@6-25/4:{\"s\":\"bd\"} 7-29/4@7-29/4:{\"s\":\"bd\"} 7/2-15/4@7/2-15/4:{\"s\":\"bd\"} 9/2-5@9/2-5:{\"s\":\"sn\"} 9/4-5/2@9/4-5/2:{\"s\":\"sn\"}");
}

// whenmod 1.5 0.5 (# speed 2) $ s "bd sn hh"
TEST(Structure, WhenmodFractional) {
    EXPECT_EQ(show(whenmod(R("1.5"), R("0.5"), setT("speed", 2), S("bd sn hh")), Time(0), Time(3)),
              "0-1/3@0-1/3:{\"s\":\"bd\"} 1-4/3@1-4/3:{\"s\":\"bd\",\"speed\":2} 1/3-2/3@1/3-2/3:{\"s\":\"sn\"} 2-7/3@2-7/3:{\"s\":\"bd\",\"speed\":2} 2/3-1@2/3-1:{\"s\":\"hh\"} 4/3-5/3@4/3-5/3:{\"s\":\"sn\",\"speed\":2} 5/3-2@5/3-2:{\"s\":\"hh\",\"speed\":2} 7/3-8/3@7/3-8/3:{\"s\":\"sn\",\"speed\":2} 8/3-3@8/3-3:{\"s\":\"hh\",\"speed\":2}");
}

// within (0, 0.5) (fast 2) $ s "bd*2 sn lt mt"
TEST(Structure, Within) {
    EXPECT_EQ(show(within(Time(0), Time(1, 2), fastT(2), S("bd*2 sn lt mt")), Time(0), Time(2)),
              "0-1/16@0-1/16:{\"s\":\"bd\"} 1-17/16@1-17/16:{\"s\":\"bd\"} 1/16-1/8@1/16-1/8:{\"s\":\"bd\"} 1/2-3/4@1/2-3/4:{\"s\":\"lt\"} 1/4-3/8@1/4-3/8:{\"s\":\"lt\"} 1/8-1/4@1/8-1/4:{\"s\":\"sn\"} 11/8-3/2@11/8-3/2:{\"s\":\"mt\"} 17/16-9/8@17/16-9/8:{\"s\":\"bd\"} 3/2-7/4@3/2-7/4:{\"s\":\"lt\"} 3/4-1@3/4-1:{\"s\":\"mt\"} 3/8-1/2@3/8-1/2:{\"s\":\"mt\"} 5/4-11/8@5/4-11/8:{\"s\":\"lt\"} 7/4-2@7/4-2:{\"s\":\"mt\"} 9/8-5/4@9/8-5/4:{\"s\":\"sn\"}");
}

// within' (0, 0.25) (fast 2) $ s "bd hh cp sd"
TEST(Structure, WithinPrime) {
    EXPECT_EQ(show(withinPrime(Time(0), Time(1, 4), fastT(2), S("bd hh cp sd")), Time(0), Time(2)),
              "0-1/8@0-1/8:{\"s\":\"bd\"} 1-9/8@1-9/8:{\"s\":\"bd\"} 1/2-3/4@1/2-3/4:{\"s\":\"cp\"} 1/4-1/2@1/4-1/2:{\"s\":\"hh\"} 1/8-1/4@1/8-1/4:{\"s\":\"bd\"} 3/2-7/4@3/2-7/4:{\"s\":\"cp\"} 3/4-1@3/4-1:{\"s\":\"sd\"} 5/4-3/2@5/4-3/2:{\"s\":\"hh\"} 7/4-2@7/4-2:{\"s\":\"sd\"} 9/8-5/4@9/8-5/4:{\"s\":\"bd\"}");
}

// inside 2 rev $ n "0 1 2 3 4 5 6 7"
TEST(Structure, Inside) {
    EXPECT_EQ(show(inside(R("2"), revT(), N("0 1 2 3 4 5 6 7")), Time(0), Time(1)),
              "0-1/8@0-1/8:{\"n\":3} 1/2-5/8@1/2-5/8:{\"n\":7} 1/4-3/8@1/4-3/8:{\"n\":1} 1/8-1/4@1/8-1/4:{\"n\":2} 3/4-7/8@3/4-7/8:{\"n\":5} 3/8-1/2@3/8-1/2:{\"n\":0} 5/8-3/4@5/8-3/4:{\"n\":6} 7/8-1@7/8-1:{\"n\":4}");
}

// inside "<2 4>" rev $ n "0 1 2 3 4 5 6 7"
TEST(Structure, InsidePatterned) {
    EXPECT_EQ(show(inside(R("<2 4>"), revT(), N("0 1 2 3 4 5 6 7")), Time(0), Time(2)),
              "0-1/8@0-1/8:{\"n\":3} 1-9/8@1-9/8:{\"n\":1} 1/2-5/8@1/2-5/8:{\"n\":7} 1/4-3/8@1/4-3/8:{\"n\":1} 1/8-1/4@1/8-1/4:{\"n\":2} 11/8-3/2@11/8-3/2:{\"n\":2} 13/8-7/4@13/8-7/4:{\"n\":4} 15/8-2@15/8-2:{\"n\":6} 3/2-13/8@3/2-13/8:{\"n\":5} 3/4-7/8@3/4-7/8:{\"n\":5} 3/8-1/2@3/8-1/2:{\"n\":0} 5/4-11/8@5/4-11/8:{\"n\":3} 5/8-3/4@5/8-3/4:{\"n\":6} 7/4-15/8@7/4-15/8:{\"n\":7} 7/8-1@7/8-1:{\"n\":4} 9/8-5/4@9/8-5/4:{\"n\":0}");
}

// outside 2 rev $ s "<[bd sn] [hh cp]>"
TEST(Structure, Outside) {
    EXPECT_EQ(show(outside(R("2"), revT(), S("<[bd sn] [hh cp]>")), Time(0), Time(4)),
              "0-1/2@0-1/2:{\"s\":\"cp\"} 1-3/2@1-3/2:{\"s\":\"sn\"} 1/2-1@1/2-1:{\"s\":\"hh\"} 2-5/2@2-5/2:{\"s\":\"cp\"} 3-7/2@3-7/2:{\"s\":\"sn\"} 3/2-2@3/2-2:{\"s\":\"bd\"} 5/2-3@5/2-3:{\"s\":\"hh\"} 7/2-4@7/2-4:{\"s\":\"bd\"}");
}

// while "1 0" (fast 2) $ s "bd sn hh"
TEST(Structure, While) {
    EXPECT_EQ(show(whileP(B("1 0"), fastT(2), S("bd sn hh")), Time(0), Time(2)),
              "0-1/6@0-1/6:{\"s\":\"bd\"} 1-7/6@1-7/6:{\"s\":\"bd\"} 1/3-1/2@1/3-1/2:{\"s\":\"hh\"} 1/3-2/3@1/2-2/3:{\"s\":\"sn\"} 1/6-1/3@1/6-1/3:{\"s\":\"sn\"} 2/3-1@2/3-1:{\"s\":\"hh\"} 4/3-3/2@4/3-3/2:{\"s\":\"hh\"} 4/3-5/3@3/2-5/3:{\"s\":\"sn\"} 5/3-2@5/3-2:{\"s\":\"hh\"} 7/6-4/3@7/6-4/3:{\"s\":\"sn\"}");
}

// chunk 4 (# speed 2) $ s "bd hh sn cp"
TEST(Structure, Chunk) {
    EXPECT_EQ(show(chunk(I("4"), setT("speed", 2), S("bd hh sn cp")), Time(0), Time(4)),
              "0-1/4@0-1/4:{\"s\":\"bd\",\"speed\":2} 1-5/4@1-5/4:{\"s\":\"bd\"} 1/2-3/4@1/2-3/4:{\"s\":\"sn\"} 1/4-1/2@1/4-1/2:{\"s\":\"hh\"} 11/4-3@11/4-3:{\"s\":\"cp\"} 13/4-7/2@13/4-7/2:{\"s\":\"hh\"} 15/4-4@15/4-4:{\"s\":\"cp\",\"speed\":2} 2-9/4@2-9/4:{\"s\":\"bd\"} 3-13/4@3-13/4:{\"s\":\"bd\"} 3/2-7/4@3/2-7/4:{\"s\":\"sn\"} 3/4-1@3/4-1:{\"s\":\"cp\"} 5/2-11/4@5/2-11/4:{\"s\":\"sn\",\"speed\":2} 5/4-3/2@5/4-3/2:{\"s\":\"hh\",\"speed\":2} 7/2-15/4@7/2-15/4:{\"s\":\"sn\"} 7/4-2@7/4-2:{\"s\":\"cp\"} 9/4-5/2@9/4-5/2:{\"s\":\"hh\"}");
}

// chunk "<3 2>" (fast 2) $ s "bd hh sn"
TEST(Structure, ChunkFast) {
    EXPECT_EQ(show(chunk(I("<3 2>"), fastT(2), S("bd hh sn")), Time(0), Time(3)),
              "0-1/6@0-1/6:{\"s\":\"bd\"} 1-4/3@1-4/3:{\"s\":\"bd\"} 1/3-2/3@1/3-2/3:{\"s\":\"hh\"} 1/6-1/3@1/6-1/3:{\"s\":\"hh\"} 11/6-2@11/6-2:{\"s\":\"sn\"} 17/6-3@17/6-3:{\"s\":\"sn\"} 2-7/3@2-7/3:{\"s\":\"bd\"} 2/3-1@2/3-1:{\"s\":\"sn\"} 3/2-5/3@3/2-5/3:{\"s\":\"bd\"} 4/3-5/3@4/3-5/3:{\"s\":\"hh\"} 5/3-11/6@5/3-11/6:{\"s\":\"hh\"} 7/3-8/3@7/3-8/3:{\"s\":\"hh\"} 8/3-17/6@8/3-17/6:{\"s\":\"hh\"}");
}

// chunk' 4 (# speed 2) $ s "bd hh sn cp"
TEST(Structure, ChunkPrime) {
    EXPECT_EQ(show(chunkPrime(I("4"), setT("speed", 2), S("bd hh sn cp")), Time(0), Time(4)),
              "0-1/4@0-1/4:{\"s\":\"bd\"} 1-5/4@1-5/4:{\"s\":\"bd\"} 1/2-3/4@1/2-3/4:{\"s\":\"sn\"} 1/4-1/2@1/4-1/2:{\"s\":\"hh\"} 11/4-3@11/4-3:{\"s\":\"cp\"} 13/4-7/2@13/4-7/2:{\"s\":\"hh\"} 15/4-4@15/4-4:{\"s\":\"cp\"} 2-9/4@2-9/4:{\"s\":\"bd\"} 3-13/4@3-13/4:{\"s\":\"bd\",\"speed\":2} 3/2-7/4@3/2-7/4:{\"s\":\"sn\",\"speed\":2} 3/4-1@3/4-1:{\"s\":\"cp\",\"speed\":2} 5/2-11/4@5/2-11/4:{\"s\":\"sn\"} 5/4-3/2@5/4-3/2:{\"s\":\"hh\"} 7/2-15/4@7/2-15/4:{\"s\":\"sn\"} 7/4-2@7/4-2:{\"s\":\"cp\"} 9/4-5/2@9/4-5/2:{\"s\":\"hh\",\"speed\":2}");
}

// chunk' 3 ((1/6) ~>) $ s "bd hh/2 sn"
TEST(Structure, ChunkPrimeBind) {
    EXPECT_EQ(show(chunkPrime(I("3"), rotRT(Time(1, 6)), S("bd hh/2 sn")), Time(0), Time(3)),
              "0-1/3@0-1/3:{\"s\":\"bd\"} 0-1/6@0-1/6:{\"s\":\"sn\"} 1-4/3@1-4/3:{\"s\":\"bd\"} 1-7/6@3/2-11/6:{\"s\":\"hh\"} 1/3-1@1/3-2/3:{\"s\":\"hh\"} 13/6-5/2@13/6-5/2:{\"s\":\"bd\"} 5/3-2@5/3-2:{\"s\":\"sn\"} 5/6-1@5/6-1:{\"s\":\"sn\"} 7/3-3@7/3-8/3:{\"s\":\"hh\"} 8/3-3@8/3-3:{\"s\":\"sn\"}");
}

// pickF "<0 1 2>" [fast 2, rev] $ s "bd sn hh"
TEST(Structure, PickF) {
    EXPECT_EQ(show(pickF(I("<0 1 2>"), {fastT(2), revT()}, S("bd sn hh")), Time(0), Time(3)),
              "0-1/6@0-1/6:{\"s\":\"bd\"} 1-4/3@1-4/3:{\"s\":\"hh\"} 1/2-2/3@1/2-2/3:{\"s\":\"bd\"} 1/3-1/2@1/3-1/2:{\"s\":\"hh\"} 1/6-1/3@1/6-1/3:{\"s\":\"sn\"} 13/6-7/3@13/6-7/3:{\"s\":\"sn\"} 17/6-3@17/6-3:{\"s\":\"hh\"} 2-13/6@2-13/6:{\"s\":\"bd\"} 2/3-5/6@2/3-5/6:{\"s\":\"sn\"} 4/3-5/3@4/3-5/3:{\"s\":\"sn\"} 5/2-8/3@5/2-8/3:{\"s\":\"bd\"} 5/3-2@5/3-2:{\"s\":\"bd\"} 5/6-1@5/6-1:{\"s\":\"hh\"} 7/3-5/2@7/3-5/2:{\"s\":\"hh\"} 8/3-17/6@8/3-17/6:{\"s\":\"sn\"}");
}

// selectF "<0 0.5 1>" [fast 2, rev] $ s "bd sn hh"
TEST(Structure, SelectF) {
    EXPECT_EQ(show(selectF(D("<0 0.5 1>"), {fastT(2), revT()}, S("bd sn hh")), Time(0), Time(3)),
              "0-1/6@0-1/6:{\"s\":\"bd\"} 1-4/3@1-4/3:{\"s\":\"hh\"} 1/2-2/3@1/2-2/3:{\"s\":\"bd\"} 1/3-1/2@1/3-1/2:{\"s\":\"hh\"} 1/6-1/3@1/6-1/3:{\"s\":\"sn\"} 2-7/3@2-7/3:{\"s\":\"hh\"} 2/3-5/6@2/3-5/6:{\"s\":\"sn\"} 4/3-5/3@4/3-5/3:{\"s\":\"sn\"} 5/3-2@5/3-2:{\"s\":\"bd\"} 5/6-1@5/6-1:{\"s\":\"hh\"} 7/3-8/3@7/3-8/3:{\"s\":\"sn\"} 8/3-3@8/3-3:{\"s\":\"bd\"}");
}

// superimpose (fast 2) $ s "bd sn"
TEST(Structure, Superimpose) {
    EXPECT_EQ(show(superimpose(fastT(2), S("bd sn")), Time(0), Time(1)),
              "0-1/2@0-1/2:{\"s\":\"bd\"} 0-1/4@0-1/4:{\"s\":\"bd\"} 1/2-1@1/2-1:{\"s\":\"sn\"} 1/2-3/4@1/2-3/4:{\"s\":\"bd\"} 1/4-1/2@1/4-1/2:{\"s\":\"sn\"} 3/4-1@3/4-1:{\"s\":\"sn\"}");
}

// off 0.25 (# crush 4) $ s "bd sn"
TEST(Structure, Off) {
    EXPECT_EQ(show(off(R("0.25"), setT("crush", 4), S("bd sn")), Time(0), Time(2)),
              "-1/4-1/4@0-1/4:{\"crush\":4,\"s\":\"sn\"} 0-1/2@0-1/2:{\"s\":\"bd\"} 1-3/2@1-3/2:{\"s\":\"bd\"} 1/2-1@1/2-1:{\"s\":\"sn\"} 1/4-3/4@1/4-3/4:{\"crush\":4,\"s\":\"bd\"} 3/2-2@3/2-2:{\"s\":\"sn\"} 3/4-5/4@1-5/4:{\"crush\":4,\"s\":\"sn\"} 3/4-5/4@3/4-1:{\"crush\":4,\"s\":\"sn\"} 5/4-7/4@5/4-7/4:{\"crush\":4,\"s\":\"bd\"} 7/4-9/4@7/4-2:{\"crush\":4,\"s\":\"sn\"}");
}

// off "<0.25 0.125>" (# crush 4) $ s "bd sn"
TEST(Structure, OffPatterned) {
    EXPECT_EQ(show(off(R("<0.25 0.125>"), setT("crush", 4), S("bd sn")), Time(1, 3), Time(7, 3)),
              "0-1/2@1/3-1/2:{\"s\":\"bd\"} 1-3/2@1-3/2:{\"s\":\"bd\"} 1/2-1@1/2-1:{\"s\":\"sn\"} 1/4-3/4@1/3-3/4:{\"crush\":4,\"s\":\"bd\"} 13/8-17/8@13/8-2:{\"crush\":4,\"s\":\"sn\"} 2-5/2@2-7/3:{\"s\":\"bd\"} 3/2-2@3/2-2:{\"s\":\"sn\"} 3/4-5/4@3/4-1:{\"crush\":4,\"s\":\"sn\"} 5/8-9/8@1-9/8:{\"crush\":4,\"s\":\"sn\"} 7/4-9/4@2-9/4:{\"crush\":4,\"s\":\"sn\"} 9/4-11/4@9/4-7/3:{\"crush\":4,\"s\":\"bd\"} 9/8-13/8@9/8-13/8:{\"crush\":4,\"s\":\"bd\"}");
}

// layer [rev, fast 2] $ s "bd sn"
TEST(Structure, Layer) {
    EXPECT_EQ(show(layer({revT(), fastT(2)}, S("bd sn")), Time(0), Time(1)),
              "0-1/2@0-1/2:{\"s\":\"sn\"} 0-1/4@0-1/4:{\"s\":\"bd\"} 1/2-1@1/2-1:{\"s\":\"bd\"} 1/2-3/4@1/2-3/4:{\"s\":\"bd\"} 1/4-1/2@1/4-1/2:{\"s\":\"sn\"} 3/4-1@3/4-1:{\"s\":\"sn\"}");
}

// jux rev $ s "bd sn hh"
TEST(Structure, Jux) {
    EXPECT_EQ(show(jux(revT(), S("bd sn hh")), Time(0), Time(1)),
              "0-1/3@0-1/3:{\"pan\":0,\"s\":\"bd\"} 0-1/3@0-1/3:{\"pan\":1,\"s\":\"hh\"} 1/3-2/3@1/3-2/3:{\"pan\":0,\"s\":\"sn\"} 1/3-2/3@1/3-2/3:{\"pan\":1,\"s\":\"sn\"} 2/3-1@2/3-1:{\"pan\":0,\"s\":\"hh\"} 2/3-1@2/3-1:{\"pan\":1,\"s\":\"bd\"}");
}

// juxBy 0.5 (fast 2) $ s "bd sn"
TEST(Structure, JuxBy) {
    EXPECT_EQ(show(juxBy(D("0.5"), fastT(2), S("bd sn") ), Time(0), Time(2)),
              "0-1/2@0-1/2:{\"pan\":0.25,\"s\":\"bd\"} 0-1/4@0-1/4:{\"pan\":0.75,\"s\":\"bd\"} 1-3/2@1-3/2:{\"pan\":0.25,\"s\":\"bd\"} 1-5/4@1-5/4:{\"pan\":0.75,\"s\":\"bd\"} 1/2-1@1/2-1:{\"pan\":0.25,\"s\":\"sn\"} 1/2-3/4@1/2-3/4:{\"pan\":0.75,\"s\":\"bd\"} 1/4-1/2@1/4-1/2:{\"pan\":0.75,\"s\":\"sn\"} 3/2-2@3/2-2:{\"pan\":0.25,\"s\":\"sn\"} 3/2-7/4@3/2-7/4:{\"pan\":0.75,\"s\":\"bd\"} 3/4-1@3/4-1:{\"pan\":0.75,\"s\":\"sn\"} 5/4-3/2@5/4-3/2:{\"pan\":0.75,\"s\":\"sn\"} 7/4-2@7/4-2:{\"pan\":0.75,\"s\":\"sn\"}");
}

// juxBy "0.3 0.6" rev $ s "bd sn" # pan "0.2 0.9"
TEST(Structure, JuxByExistingPan) {
    EXPECT_EQ(show(juxBy(D("0.3 0.6"), revT(), appLeft(S("bd sn"), D("0.2 0.9"), [](const Value& a, const Value& b) { return unionPreferRight(a, ctl("pan", b)); })), Time(0), Time(1)),
              "0-1/2@0-1/2:{\"pan\":0.5499999999999999,\"s\":\"bd\"} 0-1/2@0-1/2:{\"pan\":1.7,\"s\":\"sn\"} 1/2-1@1/2-1:{\"pan\":0.85,\"s\":\"bd\"} 1/2-1@1/2-1:{\"pan\":1.0999999999999999,\"s\":\"sn\"}");
}

// stut 3 0.5 0.125 $ s "bd sn"
TEST(Structure, Stut) {
    EXPECT_EQ(show(stut(I("3"), D("0.5"), R("0.125"), S("bd sn")), Time(0), Time(2)),
              "-1/4-1/4@0-1/4:{\"gain\":0.6666666666666666,\"s\":\"sn\"} -3/8-1/8@0-1/8:{\"gain\":0.8333333333333333,\"s\":\"sn\"} 0-1/2@0-1/2:{\"s\":\"bd\"} 1-3/2@1-3/2:{\"s\":\"bd\"} 1/2-1@1/2-1:{\"s\":\"sn\"} 1/4-3/4@1/4-3/4:{\"gain\":0.6666666666666666,\"s\":\"bd\"} 1/8-5/8@1/8-5/8:{\"gain\":0.8333333333333333,\"s\":\"bd\"} 13/8-17/8@13/8-2:{\"gain\":0.8333333333333333,\"s\":\"sn\"} 3/2-2@3/2-2:{\"s\":\"sn\"} 3/4-5/4@1-5/4:{\"gain\":0.6666666666666666,\"s\":\"sn\"} 3/4-5/4@3/4-1:{\"gain\":0.6666666666666666,\"s\":\"sn\"} 5/4-7/4@5/4-7/4:{\"gain\":0.6666666666666666,\"s\":\"bd\"} 5/8-9/8@1-9/8:{\"gain\":0.8333333333333333,\"s\":\"sn\"} 5/8-9/8@5/8-1:{\"gain\":0.8333333333333333,\"s\":\"sn\"} 7/4-9/4@7/4-2:{\"gain\":0.6666666666666666,\"s\":\"sn\"} 9/8-13/8@9/8-13/8:{\"gain\":0.8333333333333333,\"s\":\"bd\"}");
}

// stut "<2 3>" 0.3 "<0.25 0.1>" $ s "bd ~ sn ~"
TEST(Structure, StutPatterned) {
    EXPECT_EQ(show(stut(I("<2 3>"), D("0.3"), R("<0.25 0.1>"), S("bd ~ sn ~")), Time(0), Time(2)),
              "0-1/4@0-1/4:{\"s\":\"bd\"} 1-5/4@1-5/4:{\"s\":\"bd\"} 1/2-3/4@1/2-3/4:{\"s\":\"sn\"} 1/4-1/2@1/4-1/2:{\"gain\":0.6499999999999999,\"s\":\"bd\"} 21617278211378381/18014398509481984-26120877838748877/18014398509481984@21617278211378381/18014398509481984-26120877838748877/18014398509481984:{\"gain\":0.5333333333333333,\"s\":\"bd\"} 3/2-7/4@3/2-7/4:{\"s\":\"sn\"} 3/4-1@3/4-1:{\"gain\":0.6499999999999999,\"s\":\"sn\"} 30624477466119373/18014398509481984-35128077093489869/18014398509481984@30624477466119373/18014398509481984-35128077093489869/18014398509481984:{\"gain\":0.5333333333333333,\"s\":\"sn\"} 39631676720860365/36028797018963968-48638875975601357/36028797018963968@39631676720860365/36028797018963968-48638875975601357/36028797018963968:{\"gain\":0.7666666666666666,\"s\":\"bd\"} 57646075230342349/36028797018963968-66653274485083341/36028797018963968@57646075230342349/36028797018963968-66653274485083341/36028797018963968:{\"gain\":0.7666666666666666,\"s\":\"sn\"}");
}

// stutWith 3 (1/8) (|* speed 2) $ s "bd sn"
TEST(Structure, StutWith) {
    EXPECT_EQ(show(stutWith(I("3"), R("1%8"), mulT("speed", 2), S("bd sn")), Time(0), Time(2)),
              "-1/4-1/4@0-1/8:{\"s\":\"sn\",\"speed\":4} -1/4-1/4@1/8-1/4:{\"s\":\"sn\",\"speed\":4} -3/8-1/8@0-1/8:{\"s\":\"sn\",\"speed\":2} 0-1/2@0-1/2:{\"s\":\"bd\"} 1-3/2@1-3/2:{\"s\":\"bd\"} 1/2-1@1/2-1:{\"s\":\"sn\"} 1/4-3/4@1/4-3/4:{\"s\":\"bd\",\"speed\":4} 1/8-5/8@1/8-5/8:{\"s\":\"bd\",\"speed\":2} 13/8-17/8@13/8-2:{\"s\":\"sn\",\"speed\":2} 3/2-2@3/2-2:{\"s\":\"sn\"} 3/4-5/4@1-9/8:{\"s\":\"sn\",\"speed\":4} 3/4-5/4@3/4-1:{\"s\":\"sn\",\"speed\":4} 3/4-5/4@9/8-5/4:{\"s\":\"sn\",\"speed\":4} 5/4-7/4@5/4-7/4:{\"s\":\"bd\",\"speed\":4} 5/8-9/8@1-9/8:{\"s\":\"sn\",\"speed\":2} 5/8-9/8@5/8-1:{\"s\":\"sn\",\"speed\":2} 7/4-9/4@7/4-2:{\"s\":\"sn\",\"speed\":4} 9/8-13/8@9/8-13/8:{\"s\":\"bd\",\"speed\":2}");
}

// stutWith "<2 3>" "0.25 0.5" (|* speed 2) $ s "bd sn"
TEST(Structure, StutWithPatterned) {
    EXPECT_EQ(show(stutWith(I("<2 3>"), R("0.25 0.5"), mulT("speed", 2), S("bd sn")), Time(0), Time(2)),
              "-1/4-1/4@0-1/4:{\"s\":\"sn\",\"speed\":2} 0-1/2@0-1/2:{\"s\":\"bd\"} 1-3/2@1-3/2:{\"s\":\"bd\"} 1-3/2@1-5/4:{\"s\":\"sn\",\"speed\":4} 1-3/2@5/4-3/2:{\"s\":\"sn\",\"speed\":4} 1/2-1@1/2-1:{\"s\":\"bd\",\"speed\":2} 1/2-1@1/2-1:{\"s\":\"sn\"} 1/4-3/4@1/4-1/2:{\"s\":\"bd\",\"speed\":2} 3/2-2@3/2-2:{\"s\":\"bd\",\"speed\":2} 3/2-2@3/2-2:{\"s\":\"sn\",\"speed\":4} 3/2-2@3/2-2:{\"s\":\"sn\"} 3/4-5/4@1-5/4:{\"s\":\"sn\",\"speed\":2} 5/4-7/4@5/4-3/2:{\"s\":\"bd\",\"speed\":2}");
}

// stutter 4 (1/16) $ s "bd sn"
TEST(Structure, Stutter) {
    EXPECT_EQ(show(stutter(4, Time(1, 16), S("bd sn")), Time(0), Time(1)),
              "-3/8-1/8@0-1/8:{\"s\":\"sn\"} -5/16-3/16@0-3/16:{\"s\":\"sn\"} -7/16-1/16@0-1/16:{\"s\":\"sn\"} 0-1/2@0-1/2:{\"s\":\"bd\"} 1/16-9/16@1/16-9/16:{\"s\":\"bd\"} 1/2-1@1/2-1:{\"s\":\"sn\"} 1/8-5/8@1/8-5/8:{\"s\":\"bd\"} 11/16-19/16@11/16-1:{\"s\":\"sn\"} 3/16-11/16@3/16-11/16:{\"s\":\"bd\"} 5/8-9/8@5/8-1:{\"s\":\"sn\"} 9/16-17/16@9/16-1:{\"s\":\"sn\"}");
}

// echo 0.2 $ s "bd sn"
TEST(Structure, Echo1710) {
    EXPECT_EQ(show(echo(Time(1, 5), S("bd sn")), Time(0), Time(2)),
              "-3/10-1/5@0-1/5:{\"s\":\"sn\"} 0-1/2@0-1/2:{\"s\":\"bd\"} 1-3/2@1-3/2:{\"s\":\"bd\"} 1/2-1@1/2-1:{\"s\":\"sn\"} 1/5-7/10@1/5-7/10:{\"s\":\"bd\"} 17/10-11/5@17/10-2:{\"s\":\"sn\"} 3/2-2@3/2-2:{\"s\":\"sn\"} 6/5-17/10@6/5-17/10:{\"s\":\"bd\"} 7/10-6/5@7/10-6/5:{\"s\":\"sn\"}");
}

// ghost'' (1/16) (|* gain 1.1) $ s "~ sn"
TEST(Structure, GhostWith) {
    EXPECT_EQ(show(ghostWith(Time(1, 16), mulT("gain", 1.1), S("~ sn")), Time(0), Time(1)),
              "-1/4-1/4@0-5/32:{\"gain\":1.2100000000000002,\"s\":\"sn\"} -1/4-1/4@5/32-1/4:{\"gain\":1.2100000000000002,\"s\":\"sn\"} -11/32-5/32@0-5/32:{\"gain\":1.1,\"s\":\"sn\"} -13/32-3/32@0-3/32:{\"gain\":1.1,\"s\":\"sn\"} 1/2-1@1/2-1:{\"s\":\"sn\"} 19/32-35/32@19/32-1:{\"gain\":1.1,\"s\":\"sn\"} 21/32-37/32@21/32-1:{\"gain\":1.1,\"s\":\"sn\"} 3/4-5/4@3/4-1:{\"gain\":1.2100000000000002,\"s\":\"sn\"}");
}

// ghost' (1/8) $ s "bd/2 sn"
TEST(Structure, GhostPrime) {
    EXPECT_EQ(show(ghostPrime(Time(1, 8), S("bd/2 sn")), Time(0), Time(2)),
              "-3/16-5/16@0-5/16:{\"end\":0.2,\"gain\":0.7,\"s\":\"sn\",\"speed\":1.25} -5/16-3/16@0-3/16:{\"end\":0.2,\"gain\":0.7,\"s\":\"sn\",\"speed\":1.25} 0-1@0-1/2:{\"s\":\"bd\"} 0-1@1-3/2:{\"s\":\"bd\"} 0-5/16@0-5/16:{\"end\":0.2,\"gain\":0.48999999999999994,\"s\":\"sn\",\"speed\":1.5625} 1-21/16@1-21/16:{\"end\":0.2,\"gain\":0.48999999999999994,\"s\":\"sn\",\"speed\":1.5625} 1/2-1@1/2-1:{\"s\":\"sn\"} 1/2-21/16@1/2-1:{\"end\":0.2,\"gain\":0.48999999999999994,\"s\":\"bd\",\"speed\":1.5625} 11/16-19/16@11/16-19/16:{\"end\":0.2,\"gain\":0.7,\"s\":\"sn\",\"speed\":1.25} 13/16-21/16@13/16-21/16:{\"end\":0.2,\"gain\":0.7,\"s\":\"sn\",\"speed\":1.25} 21/16-3/2@21/16-3/2:{\"end\":0.2,\"gain\":0.48999999999999994,\"s\":\"sn\",\"speed\":1.5625} 27/16-35/16@27/16-2:{\"end\":0.2,\"gain\":0.7,\"s\":\"sn\",\"speed\":1.25} 29/16-37/16@29/16-2:{\"end\":0.2,\"gain\":0.7,\"s\":\"sn\",\"speed\":1.25} 3/16-19/16@3/16-11/16:{\"end\":0.2,\"gain\":0.7,\"s\":\"bd\",\"speed\":1.25} 3/2-2@3/2-2:{\"s\":\"sn\"} 5/16-1/2@5/16-1/2:{\"end\":0.2,\"gain\":0.48999999999999994,\"s\":\"sn\",\"speed\":1.5625} 5/16-21/16@5/16-13/16:{\"end\":0.2,\"gain\":0.7,\"s\":\"bd\",\"speed\":1.25}");
}

// ghost $ s "~ sn" # speed 2
TEST(Structure, Ghost) {
    EXPECT_EQ(show(ghost(appLeft(S("~ sn"), D("2"), [](const Value& a, const Value& b) { return unionPreferRight(a, ctl("speed", b)); })), Time(0), Time(1)),
              "-3/16-5/16@0-5/16:{\"end\":0.2,\"gain\":0.7,\"s\":\"sn\",\"speed\":2.5} -5/16-3/16@0-3/16:{\"end\":0.2,\"gain\":0.7,\"s\":\"sn\",\"speed\":2.5} 0-5/16@0-5/16:{\"end\":0.2,\"gain\":0.48999999999999994,\"s\":\"sn\",\"speed\":3.125} 1/2-1@1/2-1:{\"s\":\"sn\",\"speed\":2} 11/16-19/16@11/16-1:{\"end\":0.2,\"gain\":0.7,\"s\":\"sn\",\"speed\":2.5} 13/16-21/16@13/16-1:{\"end\":0.2,\"gain\":0.7,\"s\":\"sn\",\"speed\":2.5} 5/16-1/2@5/16-1/2:{\"end\":0.2,\"gain\":0.48999999999999994,\"s\":\"sn\",\"speed\":3.125}");
}

// hurry "<1 2>" $ s "bd sn"
TEST(Structure, Hurry) {
    EXPECT_EQ(show(hurry(R("<1 2>"), S("bd sn")), Time(0), Time(2)),
              "0-1/2@0-1/2:{\"s\":\"bd\",\"speed\":1} 1-5/4@1-5/4:{\"s\":\"bd\",\"speed\":2} 1/2-1@1/2-1:{\"s\":\"sn\",\"speed\":1} 3/2-7/4@3/2-7/4:{\"s\":\"bd\",\"speed\":2} 5/4-3/2@5/4-3/2:{\"s\":\"sn\",\"speed\":2} 7/4-2@7/4-2:{\"s\":\"sn\",\"speed\":2}");
}

// hurry "2 0.5" $ s "bd sn" # speed 1.5
TEST(Structure, HurrySplit) {
    EXPECT_EQ(show(hurry(R("2 0.5"), appLeft(S("bd sn"), D("1.5"), [](const Value& a, const Value& b) { return unionPreferRight(a, ctl("speed", b)); })), Time(0), Time(1)),
              "0-1/4@0-1/4:{\"s\":\"bd\",\"speed\":3} 0-1@1/2-1:{\"s\":\"bd\",\"speed\":0.75} 1/4-1/2@1/4-1/2:{\"s\":\"sn\",\"speed\":3}");
}

// fastGap "<2 3>" $ s "bd sn"
TEST(Structure, FastGap) {
    EXPECT_EQ(show(fastGapP(R("<2 3>"), S("bd sn")), Time(0), Time(2)),
              "0-1/4@0-1/4:{\"s\":\"bd\"} 1-7/6@1-7/6:{\"s\":\"bd\"} 1/4-1/2@1/4-1/2:{\"s\":\"sn\"} 7/6-4/3@7/6-4/3:{\"s\":\"sn\"}");
}

// fastGap (-2) $ s "bd sn"
TEST(Structure, FastGapNegative) {
    EXPECT_EQ(show(fastGapP(R("-2"), S("bd sn")), Time(0), Time(1)),
              "0-1/2@0-1/2:{\"s\":\"bd\"} 1/2-1@1/2-1:{\"s\":\"sn\"}");
}

// fastSqueeze "1 2" $ s "bd sn"
TEST(Structure, FastSqueeze) {
    EXPECT_EQ(show(fastSqueeze(R("1 2"), S("bd sn")), Time(0), Time(1)),
              "0-1/4@0-1/4:{\"s\":\"bd\"} 1/2-5/8@1/2-5/8:{\"s\":\"bd\"} 1/4-1/2@1/4-1/2:{\"s\":\"sn\"} 3/4-7/8@3/4-7/8:{\"s\":\"bd\"} 5/8-3/4@5/8-3/4:{\"s\":\"sn\"} 7/8-1@7/8-1:{\"s\":\"sn\"}");
}

// slowSqueeze "1 2" $ s "bd sn hh cp"
TEST(Structure, SlowSqueeze) {
    EXPECT_EQ(show(slowSqueeze(R("1 2"), S("bd sn hh cp")), Time(0), Time(2)),
              "0-1/8@0-1/8:{\"s\":\"bd\"} 1-9/8@1-9/8:{\"s\":\"bd\"} 1/2-3/4@1/2-3/4:{\"s\":\"bd\"} 1/4-3/8@1/4-3/8:{\"s\":\"hh\"} 1/8-1/4@1/8-1/4:{\"s\":\"sn\"} 11/8-3/2@11/8-3/2:{\"s\":\"cp\"} 3/2-7/4@3/2-7/4:{\"s\":\"hh\"} 3/4-1@3/4-1:{\"s\":\"sn\"} 3/8-1/2@3/8-1/2:{\"s\":\"cp\"} 5/4-11/8@5/4-11/8:{\"s\":\"hh\"} 7/4-2@7/4-2:{\"s\":\"cp\"} 9/8-5/4@9/8-5/4:{\"s\":\"sn\"}");
}

// ply "<2 3>" $ s "bd ~ sn"
TEST(Structure, Ply) {
    EXPECT_EQ(show(ply(R("<2 3>"), S("bd ~ sn")), Time(0), Time(2)),
              "0-1/6@0-1/6:{\"s\":\"bd\"} 1-10/9@1-10/9:{\"s\":\"bd\"} 1/6-1/3@1/6-1/3:{\"s\":\"bd\"} 10/9-11/9@10/9-11/9:{\"s\":\"bd\"} 11/9-4/3@11/9-4/3:{\"s\":\"bd\"} 16/9-17/9@16/9-17/9:{\"s\":\"sn\"} 17/9-2@17/9-2:{\"s\":\"sn\"} 2/3-5/6@2/3-5/6:{\"s\":\"sn\"} 5/3-16/9@5/3-16/9:{\"s\":\"sn\"} 5/6-1@5/6-1:{\"s\":\"sn\"}");
}

// ply 1.5 $ s "bd sn"
TEST(Structure, PlyFractional) {
    EXPECT_EQ(show(ply(R("1.5"), S("bd sn")), Time(0), Time(1)),
              "0-1/3@0-1/3:{\"s\":\"bd\"} 1/2-5/6@1/2-5/6:{\"s\":\"sn\"} 1/3-1/2@1/3-1/2:{\"s\":\"bd\"} 5/6-1@5/6-1:{\"s\":\"sn\"}");
}

// plyWith (3 :: Pattern Double) (|* gain 0.8) $ s "bd sn"
TEST(Structure, PlyWith) {
    EXPECT_EQ(show(plyWith(D("3"), mulT("gain", 0.8), S("bd sn")), Time(0), Time(1)),
              "0-1/6@0-1/6:{\"s\":\"bd\"} 1/2-2/3@1/2-2/3:{\"s\":\"sn\"} 1/3-1/2@1/3-1/2:{\"gain\":0.6400000000000001,\"s\":\"bd\"} 1/6-1/3@1/6-1/3:{\"gain\":0.8,\"s\":\"bd\"} 2/3-5/6@2/3-5/6:{\"gain\":0.8,\"s\":\"sn\"} 5/6-1@5/6-1:{\"gain\":0.6400000000000001,\"s\":\"sn\"}");
}

// plyWith ("<2 2.5>" :: Pattern Double) (fast 2) $ s "bd [sn hh]"
TEST(Structure, PlyWithPartial) {
    EXPECT_EQ(show(plyWith(D("<2 2.5>"), fastT(2), S("bd [sn hh]")), Time(1, 3), Time(5, 4)),
              "0-1/2@1/3-1/2:{\"s\":\"bd\"} 1-3/2@1-5/4:{\"s\":\"bd\"} 1-5/4@1-5/4:{\"s\":\"bd\"} 1-9/8@1-9/8:{\"s\":\"bd\"} 1/2-5/8@1/2-5/8:{\"s\":\"sn\"} 1/4-3/8@1/3-3/8:{\"s\":\"sn\"} 19/16-5/4@19/16-5/4:{\"s\":\"hh\"} 3/4-1@3/4-1:{\"s\":\"hh\"} 3/4-7/8@3/4-7/8:{\"s\":\"sn\"} 3/8-1/2@3/8-1/2:{\"s\":\"hh\"} 5/8-3/4@5/8-3/4:{\"s\":\"bd\"} 7/8-1@7/8-1:{\"s\":\"hh\"} 9/8-19/16@9/8-19/16:{\"s\":\"sn\"}");
}

// iter 4 $ s "bd hh sn cp"
TEST(Structure, Iter) {
    EXPECT_EQ(show(iter(I("4"), S("bd hh sn cp")), Time(0), Time(4)),
              "0-1/4@0-1/4:{\"s\":\"bd\"} 1-5/4@1-5/4:{\"s\":\"hh\"} 1/2-3/4@1/2-3/4:{\"s\":\"sn\"} 1/4-1/2@1/4-1/2:{\"s\":\"hh\"} 11/4-3@11/4-3:{\"s\":\"hh\"} 13/4-7/2@13/4-7/2:{\"s\":\"bd\"} 15/4-4@15/4-4:{\"s\":\"sn\"} 2-9/4@2-9/4:{\"s\":\"sn\"} 3-13/4@3-13/4:{\"s\":\"cp\"} 3/2-7/4@3/2-7/4:{\"s\":\"cp\"} 3/4-1@3/4-1:{\"s\":\"cp\"} 5/2-11/4@5/2-11/4:{\"s\":\"bd\"} 5/4-3/2@5/4-3/2:{\"s\":\"sn\"} 7/2-15/4@7/2-15/4:{\"s\":\"hh\"} 7/4-2@7/4-2:{\"s\":\"bd\"} 9/4-5/2@9/4-5/2:{\"s\":\"cp\"}");
}

// iter' "<3 2>" $ s "bd hh sn"
TEST(Structure, IterPrime) {
    EXPECT_EQ(show(iterPrime(I("<3 2>"), S("bd hh sn")), Time(0), Time(3)),
              "0-1/3@0-1/3:{\"s\":\"bd\"} 1/3-2/3@1/3-2/3:{\"s\":\"hh\"} 11/6-13/6@11/6-2:{\"s\":\"hh\"} 2-7/3@2-7/3:{\"s\":\"hh\"} 2/3-1@2/3-1:{\"s\":\"sn\"} 3/2-11/6@3/2-11/6:{\"s\":\"bd\"} 5/6-7/6@1-7/6:{\"s\":\"hh\"} 7/3-8/3@7/3-8/3:{\"s\":\"sn\"} 7/6-3/2@7/6-3/2:{\"s\":\"sn\"} 8/3-3@8/3-3:{\"s\":\"bd\"}");
}

// palindrome $ s "bd hh sn"
TEST(Structure, Palindrome) {
    EXPECT_EQ(show(palindrome(S("bd hh sn")), Time(0), Time(3)),
              "0-1/3@0-1/3:{\"s\":\"bd\"} 1-4/3@1-4/3:{\"s\":\"sn\"} 1/3-2/3@1/3-2/3:{\"s\":\"hh\"} 2-7/3@2-7/3:{\"s\":\"bd\"} 2/3-1@2/3-1:{\"s\":\"sn\"} 4/3-5/3@4/3-5/3:{\"s\":\"hh\"} 5/3-2@5/3-2:{\"s\":\"bd\"} 7/3-8/3@7/3-8/3:{\"s\":\"hh\"} 8/3-3@8/3-3:{\"s\":\"sn\"}");
}

// brak $ s "bd sn"
TEST(Structure, Brak) {
    EXPECT_EQ(show(brak(S("bd sn")), Time(-1), Time(2)),
              "-1/2--1/4@-1/2--1/4:{\"s\":\"sn\"} -3/4--1/2@-3/4--1/2:{\"s\":\"bd\"} 0-1/2@0-1/2:{\"s\":\"bd\"} 1/2-1@1/2-1:{\"s\":\"sn\"} 3/2-7/4@3/2-7/4:{\"s\":\"sn\"} 5/4-3/2@5/4-3/2:{\"s\":\"bd\"}");
}

// linger "<0.25 0.5>" $ s "bd sn hh cp"
TEST(Structure, Linger) {
    EXPECT_EQ(show(linger(R("<0.25 0.5>"), S("bd sn hh cp")), Time(0), Time(2)),
              "0-1/4@0-1/4:{\"s\":\"bd\"} 1-5/4@1-5/4:{\"s\":\"bd\"} 1/2-3/4@1/2-3/4:{\"s\":\"bd\"} 1/4-1/2@1/4-1/2:{\"s\":\"bd\"} 3/2-7/4@3/2-7/4:{\"s\":\"bd\"} 3/4-1@3/4-1:{\"s\":\"bd\"} 5/4-3/2@5/4-3/2:{\"s\":\"sn\"} 7/4-2@7/4-2:{\"s\":\"sn\"}");
}

// linger (-0.25) $ s "bd sn hh [cp lt]"
TEST(Structure, LingerNegative) {
    EXPECT_EQ(show(linger(R("-0.25"), S("bd sn hh [cp lt]")), Time(0), Time(1)),
              "0-1/8@0-1/8:{\"s\":\"lt\"} 1/2-5/8@1/2-5/8:{\"s\":\"lt\"} 1/4-3/8@1/4-3/8:{\"s\":\"lt\"} 1/8-1/4@1/8-1/4:{\"s\":\"cp\"} 3/4-7/8@3/4-7/8:{\"s\":\"lt\"} 3/8-1/2@3/8-1/2:{\"s\":\"cp\"} 5/8-3/4@5/8-3/4:{\"s\":\"cp\"} 7/8-1@7/8-1:{\"s\":\"cp\"}");
}

// segment 4 $ s "bd sn"
TEST(Structure, Segment) {
    EXPECT_EQ(show(segment(R("4"), S("bd sn")), Time(0), Time(1)),
              "0-1/4@0-1/4:{\"s\":\"bd\"} 1/2-3/4@1/2-3/4:{\"s\":\"sn\"} 1/4-1/2@1/4-1/2:{\"s\":\"bd\"} 3/4-1@3/4-1:{\"s\":\"sn\"}");
}

// segment "<1 3>" $ s "bd sn"
TEST(Structure, SegmentPatterned) {
    EXPECT_EQ(show(segment(R("<1 3>"), S("bd sn")), Time(0), Time(2)),
              "0-1@0-1/2:{\"s\":\"bd\"} 0-1@1/2-1:{\"s\":\"sn\"} 1-4/3@1-4/3:{\"s\":\"bd\"} 4/3-5/3@3/2-5/3:{\"s\":\"sn\"} 4/3-5/3@4/3-3/2:{\"s\":\"bd\"} 5/3-2@5/3-2:{\"s\":\"sn\"}");
}

// trunc "<0.75 0.3>" $ s "bd sn hh cp"
TEST(Structure, Trunc) {
    EXPECT_EQ(show(trunc(R("<0.75 0.3>"), S("bd sn hh cp")), Time(0), Time(2)),
              "0-1/4@0-1/4:{\"s\":\"bd\"} 1-5/4@1-5/4:{\"s\":\"bd\"} 1/2-3/4@1/2-3/4:{\"s\":\"hh\"} 1/4-1/2@1/4-1/2:{\"s\":\"sn\"} 5/4-3/2@5/4-23418718062326579/18014398509481984:{\"s\":\"sn\"}");
}

// rot "<0 1 -1>" $ s "a b c d"
TEST(Structure, Rot) {
    EXPECT_EQ(show(rot(I("<0 1 -1>"), S("a b c d")), Time(0), Time(3)),
              "0-1/4@0-1/4:{\"s\":\"a\"} 1-5/4@1-5/4:{\"s\":\"b\"} 1/2-3/4@1/2-3/4:{\"s\":\"c\"} 1/4-1/2@1/4-1/2:{\"s\":\"b\"} 11/4-3@11/4-3:{\"s\":\"c\"} 2-9/4@2-9/4:{\"s\":\"d\"} 3/2-7/4@3/2-7/4:{\"s\":\"d\"} 3/4-1@3/4-1:{\"s\":\"d\"} 5/2-11/4@5/2-11/4:{\"s\":\"b\"} 5/4-3/2@5/4-3/2:{\"s\":\"c\"} 7/4-2@7/4-2:{\"s\":\"a\"} 9/4-5/2@9/4-5/2:{\"s\":\"a\"}");
}

// rot 1 $ s "a b/2 c"
TEST(Structure, RotPartialAndSlow) {
    EXPECT_EQ(show(rot(I("1"), S("a b/2 c")), Time(1, 4), Time(7, 4)),
              "0-1/3@1/4-1/3:{\"s\":\"b\"} 1-4/3@1-4/3:{\"s\":\"b\"} 1/3-1@1/3-2/3:{\"s\":\"c\"} 1/3-1@4/3-5/3:{\"s\":\"c\"} 2/3-1@2/3-1:{\"s\":\"a\"} 5/3-2@5/3-7/4:{\"s\":\"a\"}");
}

// rot "-5 6" $ s "a b c"
TEST(Structure, RotLarge) {
    EXPECT_EQ(show(rot(I("-5 6"), S("a b c")), Time(0), Time(1)),
              "0-1/3@0-1/3:{\"s\":\"a\"} 1/3-2/3@1/2-2/3:{\"s\":\"b\"} 1/3-2/3@1/3-1/2:{\"s\":\"b\"} 2/3-1@2/3-1:{\"s\":\"c\"}");
}

// swingBy (1/3) 4 $ s "hh*8"
TEST(Structure, SwingBy) {
    EXPECT_EQ(show(swingBy(R("1%3"), R("4"), S("hh*8")), Time(0), Time(1)),
              "-1/24-1/12@0-1/12:{\"s\":\"hh\"} 0-1/8@0-1/8:{\"s\":\"hh\"} 1/2-5/8@1/2-5/8:{\"s\":\"hh\"} 1/4-3/8@1/4-3/8:{\"s\":\"hh\"} 11/24-7/12@1/2-7/12:{\"s\":\"hh\"} 11/24-7/12@11/24-1/2:{\"s\":\"hh\"} 17/24-5/6@17/24-3/4:{\"s\":\"hh\"} 17/24-5/6@3/4-5/6:{\"s\":\"hh\"} 23/24-13/12@23/24-1:{\"s\":\"hh\"} 3/4-7/8@3/4-7/8:{\"s\":\"hh\"} 5/24-1/3@1/4-1/3:{\"s\":\"hh\"} 5/24-1/3@5/24-1/4:{\"s\":\"hh\"}");
}

// swing 2 $ s "hh*4"
TEST(Structure, Swing) {
    EXPECT_EQ(show(swing(R("2"), S("hh*4")), Time(0), Time(1)),
              "-1/12-1/6@0-1/6:{\"s\":\"hh\"} 0-1/4@0-1/4:{\"s\":\"hh\"} 1/2-3/4@1/2-3/4:{\"s\":\"hh\"} 11/12-7/6@11/12-1:{\"s\":\"hh\"} 5/12-2/3@1/2-2/3:{\"s\":\"hh\"} 5/12-2/3@5/12-1/2:{\"s\":\"hh\"}");
}

// spaceOut [1, 0.5, 2] $ s "bd sn"
TEST(Structure, SpaceOut) {
    EXPECT_EQ(show(spaceOut({Time(1), Time(1, 2), Time(2)}, S("bd sn")), Time(0), Time(4)),
              "0-1/2@0-1/2:{\"s\":\"bd\"} 1-5/4@1-5/4:{\"s\":\"bd\"} 1/2-1@1/2-1:{\"s\":\"sn\"} 3/2-5/2@3/2-5/2:{\"s\":\"bd\"} 5/2-7/2@5/2-7/2:{\"s\":\"sn\"} 5/4-3/2@5/4-3/2:{\"s\":\"sn\"} 7/2-4@7/2-4:{\"s\":\"bd\"}");
}

// stretch $ s "~ bd sn ~ ~"
TEST(Structure, Stretch) {
    EXPECT_EQ(show(stretch(S("~ bd sn ~ ~")), Time(0), Time(2)),
              "0-1/2@0-1/2:{\"s\":\"bd\"} 1-3/2@1-3/2:{\"s\":\"bd\"} 1/2-1@1/2-1:{\"s\":\"sn\"} 3/2-2@3/2-2:{\"s\":\"sn\"}");
}

// weave 2 (n "0 1") [s "bd sn", s "hh*3"]
TEST(Structure, Weave) {
    EXPECT_EQ(show(weave(Time(2), N("0 1"), {S("bd sn"), S("hh*3")}), Time(0), Time(2)),
              "0-1/2@0-1/2:{\"n\":0,\"s\":\"bd\"} 0-1/3@0-1/3:{\"n\":1,\"s\":\"hh\"} 1-3/2@1-3/2:{\"n\":1,\"s\":\"bd\"} 1-4/3@1-4/3:{\"n\":0,\"s\":\"hh\"} 1/2-1@1/2-1:{\"n\":0,\"s\":\"sn\"} 1/3-2/3@1/3-2/3:{\"n\":1,\"s\":\"hh\"} 2/3-1@2/3-1:{\"n\":1,\"s\":\"hh\"} 3/2-2@3/2-2:{\"n\":1,\"s\":\"sn\"} 4/3-5/3@4/3-5/3:{\"n\":0,\"s\":\"hh\"} 5/3-2@5/3-2:{\"n\":0,\"s\":\"hh\"}");
}

// weaveWith 3 (s "bd [sn cp]") [fast 2, (# speed 0.5), rev]
TEST(Structure, WeaveWith) {
    EXPECT_EQ(show(weaveWith(Time(3), S("bd [sn cp]"), {fastT(2), setT("speed", 0.5), revT()}), Time(0), Time(3)),
              "-1-1/2@0-1/2:{\"s\":\"bd\",\"speed\":0.5} 0-3/4@0-3/4:{\"s\":\"bd\"} 0-3/4@0-3/4:{\"s\":\"cp\"} 1/2-2@1-2:{\"s\":\"bd\"} 1/2-5/4@1-5/4:{\"s\":\"sn\",\"speed\":0.5} 1/2-5/4@1/2-1:{\"s\":\"sn\",\"speed\":0.5} 2-7/2@2-3:{\"s\":\"bd\",\"speed\":0.5} 21/8-3@21/8-3:{\"s\":\"cp\"} 3/2-9/4@2-9/4:{\"s\":\"bd\"} 3/2-9/4@3/2-2:{\"s\":\"bd\"} 3/4-3/2@3/4-1:{\"s\":\"sn\"} 3/4-9/8@1-9/8:{\"s\":\"sn\"} 3/4-9/8@3/4-1:{\"s\":\"sn\"} 5/2-4@5/2-3:{\"s\":\"bd\"} 5/4-2@5/4-2:{\"s\":\"cp\",\"speed\":0.5} 7/4-5/2@2-5/2:{\"s\":\"sn\"} 9/4-21/8@9/4-21/8:{\"s\":\"sn\"} 9/8-3/2@9/8-3/2:{\"s\":\"cp\"}");
}

// wedge "<0.25 0.5>" (s "bd*2") (s "hh*3")
TEST(Structure, Wedge) {
    EXPECT_EQ(show(wedge(R("<0.25 0.5>"), S("bd*2"), S("hh*3")), Time(0), Time(2)),
              "0-1/8@0-1/8:{\"s\":\"bd\"} 1-5/4@1-5/4:{\"s\":\"bd\"} 1/2-3/4@1/2-3/4:{\"s\":\"hh\"} 1/4-1/2@1/4-1/2:{\"s\":\"hh\"} 1/8-1/4@1/8-1/4:{\"s\":\"bd\"} 11/6-2@11/6-2:{\"s\":\"hh\"} 3/2-5/3@3/2-5/3:{\"s\":\"hh\"} 3/4-1@3/4-1:{\"s\":\"hh\"} 5/3-11/6@5/3-11/6:{\"s\":\"hh\"} 5/4-3/2@5/4-3/2:{\"s\":\"bd\"}");
}

// fit 3 ["bd", "sn", "arpy", "arpy:1", "casio"] "0 [~ 1] 2 1"
TEST(Structure, Fit) {
    EXPECT_EQ(show(fit(I("3"), {Value::string("bd"), Value::string("sn"), Value::string("arpy"), Value::string("arpy:1"), Value::string("casio")}, I("0 [~ 1] 2 1")), Time(0), Time(2)),
              "0-1/4@0-1/4:\"bd\" 1-5/4@1-5/4:\"arpy:1\" 1/2-3/4@1/2-3/4:\"arpy\" 11/8-3/2@11/8-3/2:\"casio\" 3/2-7/4@3/2-7/4:\"bd\" 3/4-1@3/4-1:\"sn\" 3/8-1/2@3/8-1/2:\"sn\" 7/4-2@7/4-2:\"casio\"");
}

// fit "<1 2>" ["a", "b", "c"] "0 1/2"
TEST(Structure, FitSlow) {
    EXPECT_EQ(show(fit(I("<1 2>"), {Value::string("a"), Value::string("b"), Value::string("c")}, I("0 1/2")), Time(0), Time(3)),
              "0-1/2@0-1/2:\"a\" 1-3/2@1-3/2:\"c\" 1/2-3/2@1/2-1:\"b\" 1/2-3/2@3/2-2:\"a\" 2-5/2@2-5/2:\"c\" 5/2-7/2@5/2-3:\"a\"");
}

// fit' 1 2 "0 1" "1 0" $ s "bd sn"
TEST(Structure, FitPrime) {
    EXPECT_EQ(show(fitPrime(R("1"), 2, I("0 1"), I("1 0"), S("bd sn")), Time(0), Time(2)),
              "0-1/2@0-1/2:{\"s\":\"sn\"} 1-3/2@1-3/2:{\"s\":\"sn\"} 1/2-1@1/2-1:{\"s\":\"bd\"} 3/2-2@3/2-2:{\"s\":\"bd\"}");
}

// fit' 1 4 "0 1 2 3" "[0 3*2 2 1]/2" $ n "0 1 2 3"
TEST(Structure, FitPrimeComplex) {
    EXPECT_EQ(show(fitPrime(R("1"), 4, I("0 1 2 3"), I("[0 3*2 2 1]/2"), N("0 1 2 3")), Time(0), Time(2)),
              "0-1/2@0-1/2:{\"n\":0} 1-3/2@1-3/2:{\"n\":2} 1/2-3/4@1/2-3/4:{\"n\":3} 3/2-2@3/2-2:{\"n\":1} 3/4-1@3/4-1:{\"n\":3}");
}

// bite 4 "0 2*2" $ n "0 1 2 3 4 5 6 7"
TEST(Structure, Bite) {
    EXPECT_EQ(show(bite(I("4"), I("0 2*2"), N("0 1 2 3 4 5 6 7")), Time(0), Time(1)),
              "0-1/4@0-1/4:{\"n\":0} 1/2-5/8@1/2-5/8:{\"n\":4} 1/4-1/2@1/4-1/2:{\"n\":1} 3/4-7/8@3/4-7/8:{\"n\":4} 5/8-3/4@5/8-3/4:{\"n\":5} 7/8-1@7/8-1:{\"n\":5}");
}

// bite "<2 4>" "0 [1 -1]" $ n "0 1 2 3 4 5 6 7"
TEST(Structure, BitePatterned) {
    EXPECT_EQ(show(bite(I("<2 4>"), I("0 [1 -1]"), N("0 1 2 3 4 5 6 7")), Time(0), Time(2)),
              "0-1/8@0-1/8:{\"n\":0} 1-5/4@1-5/4:{\"n\":0} 1/2-9/16@1/2-9/16:{\"n\":4} 1/4-3/8@1/4-3/8:{\"n\":2} 1/8-1/4@1/8-1/4:{\"n\":1} 11/16-3/4@11/16-3/4:{\"n\":7} 13/16-7/8@13/16-7/8:{\"n\":5} 13/8-7/4@13/8-7/4:{\"n\":3} 15/16-1@15/16-1:{\"n\":7} 15/8-2@15/8-2:{\"n\":7} 3/2-13/8@3/2-13/8:{\"n\":2} 3/4-13/16@3/4-13/16:{\"n\":4} 3/8-1/2@3/8-1/2:{\"n\":3} 5/4-3/2@5/4-3/2:{\"n\":1} 5/8-11/16@5/8-11/16:{\"n\":6} 7/4-15/8@7/4-15/8:{\"n\":6} 7/8-15/16@7/8-15/16:{\"n\":6} 9/16-5/8@9/16-5/8:{\"n\":5}");
}

// squeeze "<0 1> 2" [s "bd sn", s "hh*3", s "cp"]
TEST(Structure, Squeeze) {
    EXPECT_EQ(show(squeeze(I("<0 1> 2"), {S("bd sn"), S("hh*3"), S("cp")}), Time(0), Time(2)),
              "0-1/4@0-1/4:{\"s\":\"bd\"} 1-7/6@1-7/6:{\"s\":\"hh\"} 1/2-1@1/2-1:{\"s\":\"cp\"} 1/4-1/2@1/4-1/2:{\"s\":\"sn\"} 3/2-2@3/2-2:{\"s\":\"cp\"} 4/3-3/2@4/3-3/2:{\"s\":\"hh\"} 7/6-4/3@7/6-4/3:{\"s\":\"hh\"}");
}

// select "<0 0.5 1>" [s "bd*2", s "hh*3", s "cp"]
TEST(Structure, Select) {
    EXPECT_EQ(show(selectP(D("<0 0.5 1>"), {S("bd*2"), S("hh*3"), S("cp")}), Time(0), Time(3)),
              "0-1/2@0-1/2:{\"s\":\"bd\"} 1-4/3@1-4/3:{\"s\":\"hh\"} 1/2-1@1/2-1:{\"s\":\"bd\"} 2-3@2-3:{\"s\":\"cp\"} 4/3-5/3@4/3-5/3:{\"s\":\"hh\"} 5/3-2@5/3-2:{\"s\":\"hh\"}");
}

// inv "t f t t"
TEST(Structure, Inv) {
    EXPECT_EQ(show(inv(B("t f t t")), Time(0), Time(1)),
              "0-1/4@0-1/4:false 1/2-3/4@1/2-3/4:false 1/4-1/2@1/4-1/2:true 3/4-1@3/4-1:false");
}

// struct "t ~ t f t" $ s "<bd sn>"
TEST(Structure, Struct) {
    EXPECT_EQ(show(structP(B("t ~ t f t"), S("<bd sn>")), Time(0), Time(2)),
              "0-1/5@0-1/5:{\"s\":\"bd\"} 1-6/5@1-6/5:{\"s\":\"sn\"} 2/5-3/5@2/5-3/5:{\"s\":\"bd\"} 4/5-1@4/5-1:{\"s\":\"bd\"} 7/5-8/5@7/5-8/5:{\"s\":\"sn\"} 9/5-2@9/5-2:{\"s\":\"sn\"}");
}

// struct "t t t" $ s "bd/2 sn"
TEST(Structure, StructSlowValue) {
    EXPECT_EQ(show(structP(B("t t t"), S("bd/2 sn")), Time(0), Time(2)),
              "0-1/3@0-1/3:{\"s\":\"bd\"} 1-4/3@1-4/3:{\"s\":\"bd\"} 1/3-2/3@1/2-2/3:{\"s\":\"sn\"} 1/3-2/3@1/3-1/2:{\"s\":\"bd\"} 2/3-1@2/3-1:{\"s\":\"sn\"} 4/3-5/3@3/2-5/3:{\"s\":\"sn\"} 4/3-5/3@4/3-3/2:{\"s\":\"bd\"} 5/3-2@5/3-2:{\"s\":\"sn\"}");
}

// mask "1 0 1 1" $ s "hh*8"
TEST(Structure, Mask) {
    EXPECT_EQ(show(mask(B("1 0 1 1"), S("hh*8")), Time(0), Time(1)),
              "0-1/8@0-1/8:{\"s\":\"hh\"} 1/2-5/8@1/2-5/8:{\"s\":\"hh\"} 1/8-1/4@1/8-1/4:{\"s\":\"hh\"} 3/4-7/8@3/4-7/8:{\"s\":\"hh\"} 5/8-3/4@5/8-3/4:{\"s\":\"hh\"} 7/8-1@7/8-1:{\"s\":\"hh\"}");
}

// mask "1 0 1" $ s "bd sn"
TEST(Structure, MaskFragments) {
    EXPECT_EQ(show(mask(B("1 0 1"), S("bd sn")), Time(0), Time(1)),
              "0-1/2@0-1/3:{\"s\":\"bd\"} 1/2-1@2/3-1:{\"s\":\"sn\"}");
}

// substruct "t ~ t" $ s "bd sn"
TEST(Structure, Substruct) {
    EXPECT_EQ(show(substruct(B("t ~ t"), S("bd sn")), Time(0), Time(2)),
              "0-1/6@0-1/6:{\"s\":\"bd\"} 1-7/6@1-7/6:{\"s\":\"bd\"} 1/6-1/3@1/6-1/3:{\"s\":\"sn\"} 11/6-2@11/6-2:{\"s\":\"sn\"} 2/3-5/6@2/3-5/6:{\"s\":\"bd\"} 5/3-11/6@5/3-11/6:{\"s\":\"bd\"} 5/6-1@5/6-1:{\"s\":\"sn\"} 7/6-4/3@7/6-4/3:{\"s\":\"sn\"}");
}

// substruct "t f" $ s "bd sn hh"
TEST(Structure, SubstructPartialQuery) {
    EXPECT_EQ(show(substruct(B("t f"), S("bd sn hh")), Time(1, 4), Time(3, 4)),
              "0-1/6@0-1/6:{\"s\":\"bd\"} 1/3-1/2@1/3-1/2:{\"s\":\"hh\"} 1/6-1/3@1/6-1/3:{\"s\":\"sn\"}");
}

// substruct' "0 1 2" $ s "bd sn hh"
TEST(Structure, SubstructPrime) {
    EXPECT_EQ(show(substructPrime(I("0 1 2"), S("bd sn hh")), Time(0), Time(2)),
              "0-1/9@0-1/9:{\"s\":\"bd\"} 1-10/9@1-10/9:{\"s\":\"bd\"} 1/3-4/9@1/3-4/9:{\"s\":\"bd\"} 1/9-2/9@1/9-2/9:{\"s\":\"sn\"} 10/9-11/9@10/9-11/9:{\"s\":\"sn\"} 11/9-4/3@11/9-4/3:{\"s\":\"hh\"} 13/9-14/9@13/9-14/9:{\"s\":\"sn\"} 14/9-5/3@14/9-5/3:{\"s\":\"hh\"} 16/9-17/9@16/9-17/9:{\"s\":\"sn\"} 17/9-2@17/9-2:{\"s\":\"hh\"} 2/3-7/9@2/3-7/9:{\"s\":\"bd\"} 2/9-1/3@2/9-1/3:{\"s\":\"hh\"} 4/3-13/9@4/3-13/9:{\"s\":\"bd\"} 4/9-5/9@4/9-5/9:{\"s\":\"sn\"} 5/3-16/9@5/3-16/9:{\"s\":\"bd\"} 5/9-2/3@5/9-2/3:{\"s\":\"hh\"} 7/9-8/9@7/9-8/9:{\"s\":\"sn\"} 8/9-1@8/9-1:{\"s\":\"hh\"}");
}

// substruct' "2 ~ 0 1" $ s "bd sn [hh cp]"
TEST(Structure, SubstructPrimeShifted) {
    EXPECT_EQ(show(substructPrime(I("2 ~ 0 1"), S("bd sn [hh cp]")), Time(0), Time(1)),
              "0-1/12@0-1/12:{\"s\":\"bd\"} 1/12-1/6@1/12-1/6:{\"s\":\"sn\"} 1/2-7/12@1/2-7/12:{\"s\":\"bd\"} 1/6-5/24@1/6-5/24:{\"s\":\"hh\"} 11/12-23/24@11/12-23/24:{\"s\":\"hh\"} 17/24-3/4@17/24-3/4:{\"s\":\"cp\"} 2/3-17/24@2/3-17/24:{\"s\":\"hh\"} 23/24-1@23/24-1:{\"s\":\"cp\"} 3/4-5/6@3/4-5/6:{\"s\":\"bd\"} 5/24-1/4@5/24-1/4:{\"s\":\"cp\"} 5/6-11/12@5/6-11/12:{\"s\":\"sn\"} 7/12-2/3@7/12-2/3:{\"s\":\"sn\"}");
}

// sew "t f" (n "0*4") (n "1*8")
TEST(Structure, Sew) {
    EXPECT_EQ(show(sew(B("t f"), N("0*4"), N("1*8")), Time(0), Time(1)),
              "0-1/4@0-1/4:{\"n\":0} 1/2-5/8@1/2-5/8:{\"n\":1} 1/4-1/2@1/4-1/2:{\"n\":0} 3/4-7/8@3/4-7/8:{\"n\":1} 5/8-3/4@5/8-3/4:{\"n\":1} 7/8-1@7/8-1:{\"n\":1}");
}

// sew "t <f t> f" (n "0 1") (n "2")
TEST(Structure, SewFragments) {
    EXPECT_EQ(show(sew(B("t <f t> f"), N("0 1"), N("2")), Time(0), Time(1)),
              "0-1/2@0-1/3:{\"n\":0} 0-1@1/3-2/3:{\"n\":2} 0-1@2/3-1:{\"n\":2}");
}

// stitch "t f t t" (s "bd") (s "sn")
TEST(Structure, Stitch) {
    EXPECT_EQ(show(stitch(B("t f t t"), S("bd"), S("sn")), Time(0), Time(1)),
              "0-1/4@0-1/4:{\"s\":\"bd\"} 1/2-3/4@1/2-3/4:{\"s\":\"bd\"} 1/4-1/2@1/4-1/2:{\"s\":\"sn\"} 3/4-1@3/4-1:{\"s\":\"bd\"}");
}

// euclid 3 8 $ s "bd"
TEST(Structure, Euclid) {
    EXPECT_EQ(show(euclid(I("3"), I("8"), S("bd")), Time(0), Time(1)),
              "0-1/8@0-1/8:{\"s\":\"bd\"} 3/4-7/8@3/4-7/8:{\"s\":\"bd\"} 3/8-1/2@3/8-1/2:{\"s\":\"bd\"}");
}

// euclid "<3 5>" "8 <8 16>" $ s "bd"
TEST(Structure, EuclidPatterned) {
    EXPECT_EQ(show(euclid(I("<3 5>"), I("8 <8 16>"), S("bd")), Time(0), Time(2)),
              "0-1/8@0-1/8:{\"s\":\"bd\"} 1-9/8@1-9/8:{\"s\":\"bd\"} 11/8-3/2@11/8-3/2:{\"s\":\"bd\"} 25/16-13/8@25/16-13/8:{\"s\":\"bd\"} 3/4-7/8@3/4-7/8:{\"s\":\"bd\"} 3/8-1/2@3/8-1/2:{\"s\":\"bd\"} 5/4-11/8@5/4-11/8:{\"s\":\"bd\"} 7/4-29/16@7/4-29/16:{\"s\":\"bd\"}");
}

// euclid "5 7 -1" "12 4 3" $ s "x"
TEST(Structure, EuclidOdd) {
    EXPECT_EQ(show(euclid(I("5 7 -1"), I("12 4 3"), S("x")), Time(0), Time(1)),
              "0-1/12@0-1/12:{\"s\":\"x\"} 1/4-1/3@1/4-1/3:{\"s\":\"x\"} 2/7-3/7@1/3-3/7:{\"s\":\"x\"} 3/7-4/7@3/7-4/7:{\"s\":\"x\"} 4/7-5/7@4/7-2/3:{\"s\":\"x\"}");
}

// euclidInv 3 8 $ s "bd"
TEST(Structure, EuclidInv) {
    EXPECT_EQ(show(euclidInv(I("3"), I("8"), S("bd")), Time(0), Time(1)),
              "1/2-5/8@1/2-5/8:{\"s\":\"bd\"} 1/4-3/8@1/4-3/8:{\"s\":\"bd\"} 1/8-1/4@1/8-1/4:{\"s\":\"bd\"} 5/8-3/4@5/8-3/4:{\"s\":\"bd\"} 7/8-1@7/8-1:{\"s\":\"bd\"}");
}

// euclidFull 3 8 (s "bd") (s "hh")
TEST(Structure, EuclidFull) {
    EXPECT_EQ(show(euclidFull(I("3"), I("8"), S("bd"), S("hh")), Time(0), Time(1)),
              "0-1/8@0-1/8:{\"s\":\"bd\"} 1/2-5/8@1/2-5/8:{\"s\":\"hh\"} 1/4-3/8@1/4-3/8:{\"s\":\"hh\"} 1/8-1/4@1/8-1/4:{\"s\":\"hh\"} 3/4-7/8@3/4-7/8:{\"s\":\"bd\"} 3/8-1/2@3/8-1/2:{\"s\":\"bd\"} 5/8-3/4@5/8-3/4:{\"s\":\"hh\"} 7/8-1@7/8-1:{\"s\":\"hh\"}");
}

// euclidOff 3 8 "<2 0>" $ s "bd"
TEST(Structure, EuclidOff) {
    EXPECT_EQ(show(euclidOff(I("3"), I("8"), I("<2 0>"), S("bd")), Time(0), Time(2)),
              "1-9/8@1-9/8:{\"s\":\"bd\"} 1/2-5/8@1/2-5/8:{\"s\":\"bd\"} 1/8-1/4@1/8-1/4:{\"s\":\"bd\"} 11/8-3/2@11/8-3/2:{\"s\":\"bd\"} 3/4-7/8@3/4-7/8:{\"s\":\"bd\"} 7/4-15/8@7/4-15/8:{\"s\":\"bd\"}");
}

// eoff 5 "<8 0>" (-3) $ s "bd"
TEST(Structure, Eoff) {
    EXPECT_EQ(show(euclidOff(I("5"), I("<8 0>"), I("-3"), S("bd")), Time(0), Time(1)),
              "0-1/8@0-1/8:{\"s\":\"bd\"} 1/8-1/4@1/8-1/4:{\"s\":\"bd\"} 3/4-7/8@3/4-7/8:{\"s\":\"bd\"} 3/8-1/2@3/8-1/2:{\"s\":\"bd\"} 5/8-3/4@5/8-3/4:{\"s\":\"bd\"}");
}

// euclidOffBool 3 8 2 "t f"
TEST(Structure, EuclidOffBool) {
    EXPECT_EQ(show(euclidOffBool(I("3"), I("8"), I("2"), B("t f")), Time(0), Time(1)),
              "0-1/8@0-1/8:false 1/2-5/8@1/2-5/8:false 1/4-3/8@1/4-3/8:true 1/8-1/4@1/8-1/4:true 3/4-7/8@3/4-7/8:true 3/8-1/2@3/8-1/2:true 5/8-3/4@5/8-3/4:true 7/8-1@7/8-1:false");
}

// necklace 12 [4, 2]
TEST(Structure, Necklace) {
    EXPECT_EQ(show(necklace(Time(12), {4, 2}), Time(0), Time(2)),
              "0-1/12@0-1/12:true 1-13/12@1-13/12:true 1/12-1/6@1/12-1/6:false 1/2-7/12@1/2-7/12:true 1/3-5/12@1/3-5/12:true 1/4-1/3@1/4-1/3:false 1/6-1/4@1/6-1/4:false 11/12-1@11/12-1:false 11/6-23/12@11/6-23/12:true 13/12-7/6@13/12-7/6:false 17/12-3/2@17/12-3/2:false 19/12-5/3@19/12-5/3:false 2/3-3/4@2/3-3/4:false 23/12-2@23/12-2:false 3/2-19/12@3/2-19/12:true 3/4-5/6@3/4-5/6:false 4/3-17/12@4/3-17/12:true 5/12-1/2@5/12-1/2:false 5/3-7/4@5/3-7/4:false 5/4-4/3@5/4-4/3:false 5/6-11/12@5/6-11/12:true 7/12-2/3@7/12-2/3:false 7/4-11/6@7/4-11/6:false 7/6-5/4@7/6-5/4:false");
}

// necklace 4 [3, 2]
TEST(Structure, NecklaceSlow) {
    EXPECT_EQ(show(necklace(Time(4), {3, 2}), Time(0), Time(2)),
              "0-1/4@0-1/4:true 1-5/4@1-5/4:false 1/2-3/4@1/2-3/4:false 1/4-1/2@1/4-1/2:false 3/2-7/4@3/2-7/4:false 3/4-1@3/4-1:true 5/4-3/2@5/4-3/2:true 7/4-2@7/4-2:false");
}

// stutWith 3 0.2 (|* gain 0.5) $ s "bd sn"
TEST(Structure, Echo19) {
    EXPECT_EQ(show(echo19(I("3"), R("1%5"), D("0.5"), S("bd sn")), Time(0), Time(2)),
              "-1/10-2/5@0-1/5:{\"gain\":0.25,\"s\":\"sn\"} -1/10-2/5@1/5-2/5:{\"gain\":0.25,\"s\":\"sn\"} -3/10-1/5@0-1/5:{\"gain\":0.5,\"s\":\"sn\"} 0-1/2@0-1/2:{\"s\":\"bd\"} 1-3/2@1-3/2:{\"s\":\"bd\"} 1/2-1@1/2-1:{\"s\":\"sn\"} 1/5-7/10@1/5-7/10:{\"gain\":0.5,\"s\":\"bd\"} 17/10-11/5@17/10-2:{\"gain\":0.5,\"s\":\"sn\"} 19/10-12/5@19/10-2:{\"gain\":0.25,\"s\":\"sn\"} 2/5-9/10@2/5-9/10:{\"gain\":0.25,\"s\":\"bd\"} 3/2-2@3/2-2:{\"s\":\"sn\"} 6/5-17/10@6/5-17/10:{\"gain\":0.5,\"s\":\"bd\"} 7/10-6/5@1-6/5:{\"gain\":0.5,\"s\":\"sn\"} 7/10-6/5@7/10-1:{\"gain\":0.5,\"s\":\"sn\"} 7/5-19/10@7/5-19/10:{\"gain\":0.25,\"s\":\"bd\"} 9/10-7/5@1-6/5:{\"gain\":0.25,\"s\":\"sn\"} 9/10-7/5@6/5-7/5:{\"gain\":0.25,\"s\":\"sn\"} 9/10-7/5@9/10-1:{\"gain\":0.25,\"s\":\"sn\"}");
}

// stutWith "<2 3>" 0.25 (|* gain 0.5) $ s "bd sn"
TEST(Structure, Echo19Patterned) {
    EXPECT_EQ(show(echo19(I("<2 3>"), R("0.25"), D("0.5"), S("bd sn")), Time(0), Time(2)),
              "-1/4-1/4@0-1/4:{\"gain\":0.5,\"s\":\"sn\"} 0-1/2@0-1/2:{\"s\":\"bd\"} 1-3/2@1-3/2:{\"s\":\"bd\"} 1-3/2@1-5/4:{\"gain\":0.25,\"s\":\"sn\"} 1-3/2@5/4-3/2:{\"gain\":0.25,\"s\":\"sn\"} 1/2-1@1/2-1:{\"s\":\"sn\"} 1/4-3/4@1/4-3/4:{\"gain\":0.5,\"s\":\"bd\"} 3/2-2@3/2-2:{\"gain\":0.25,\"s\":\"bd\"} 3/2-2@3/2-2:{\"s\":\"sn\"} 3/4-5/4@1-5/4:{\"gain\":0.5,\"s\":\"sn\"} 3/4-5/4@3/4-1:{\"gain\":0.5,\"s\":\"sn\"} 5/4-7/4@5/4-7/4:{\"gain\":0.5,\"s\":\"bd\"} 7/4-9/4@7/4-2:{\"gain\":0.5,\"s\":\"sn\"}");
}

// stutWith 3 (1/3) (|* speed 1.5) $ s "bd sn"
TEST(Structure, EchoWithIsStutWith) {
    EXPECT_EQ(show(stutWith(I("3"), R("1%3"), mulT("speed", 1.5), S("bd sn")), Time(0), Time(2)),
              "-1/3-1/6@0-1/6:{\"s\":\"bd\",\"speed\":2.25} -1/6-1/3@0-1/3:{\"s\":\"sn\",\"speed\":1.5} 0-1/2@0-1/2:{\"s\":\"bd\"} 1-3/2@1-3/2:{\"s\":\"bd\"} 1/2-1@1/2-1:{\"s\":\"sn\"} 1/3-5/6@1/3-5/6:{\"s\":\"bd\",\"speed\":1.5} 1/6-2/3@1/3-2/3:{\"s\":\"sn\",\"speed\":2.25} 1/6-2/3@1/6-1/3:{\"s\":\"sn\",\"speed\":2.25} 11/6-7/3@11/6-2:{\"s\":\"sn\",\"speed\":1.5} 2/3-7/6@1-7/6:{\"s\":\"bd\",\"speed\":2.25} 2/3-7/6@2/3-1:{\"s\":\"bd\",\"speed\":2.25} 3/2-2@3/2-2:{\"s\":\"sn\"} 4/3-11/6@4/3-11/6:{\"s\":\"bd\",\"speed\":1.5} 5/3-13/6@5/3-2:{\"s\":\"bd\",\"speed\":2.25} 5/6-4/3@1-4/3:{\"s\":\"sn\",\"speed\":1.5} 5/6-4/3@5/6-1:{\"s\":\"sn\",\"speed\":1.5} 7/6-5/3@4/3-5/3:{\"s\":\"sn\",\"speed\":2.25} 7/6-5/3@7/6-4/3:{\"s\":\"sn\",\"speed\":2.25}");
}

// ifp ((== 0) . flip mod 2) (fast 2) rev $ s "bd sn hh"
TEST(Structure, Ifp) {
    EXPECT_EQ(show(ifp([](int64_t c) { return c % 2 == 0; }, fastT(2), revT(), S("bd sn hh")), Time(0), Time(4)),
              "0-1/6@0-1/6:{\"s\":\"bd\"} 1-4/3@1-4/3:{\"s\":\"hh\"} 1/2-2/3@1/2-2/3:{\"s\":\"bd\"} 1/3-1/2@1/3-1/2:{\"s\":\"hh\"} 1/6-1/3@1/6-1/3:{\"s\":\"sn\"} 10/3-11/3@10/3-11/3:{\"s\":\"sn\"} 11/3-4@11/3-4:{\"s\":\"bd\"} 13/6-7/3@13/6-7/3:{\"s\":\"sn\"} 17/6-3@17/6-3:{\"s\":\"hh\"} 2-13/6@2-13/6:{\"s\":\"bd\"} 2/3-5/6@2/3-5/6:{\"s\":\"sn\"} 3-10/3@3-10/3:{\"s\":\"hh\"} 4/3-5/3@4/3-5/3:{\"s\":\"sn\"} 5/2-8/3@5/2-8/3:{\"s\":\"bd\"} 5/3-2@5/3-2:{\"s\":\"bd\"} 5/6-1@5/6-1:{\"s\":\"hh\"} 7/3-5/2@7/3-5/2:{\"s\":\"hh\"} 8/3-17/6@8/3-17/6:{\"s\":\"sn\"}");
}

// whenT ((< 0.5) . cyclePos) (# speed 2) $ s "bd sn hh cp"
TEST(Structure, WhenT) {
    EXPECT_EQ(show(whenT([](const Time& t) { return t.frac() < Time(1, 2); }, setT("speed", 2), S("bd sn hh cp")), Time(0), Time(2)),
              "0-1/4@0-1/4:{\"s\":\"bd\",\"speed\":2} 1-5/4@1-5/4:{\"s\":\"bd\",\"speed\":2} 1/2-3/4@1/2-3/4:{\"s\":\"hh\",\"speed\":2} 1/4-1/2@1/4-1/2:{\"s\":\"sn\",\"speed\":2} 3/2-7/4@3/2-7/4:{\"s\":\"hh\",\"speed\":2} 3/4-1@3/4-1:{\"s\":\"cp\",\"speed\":2} 5/4-3/2@5/4-3/2:{\"s\":\"sn\",\"speed\":2} 7/4-2@7/4-2:{\"s\":\"cp\",\"speed\":2}");
}

// discretise 3 $ s "bd sn"
TEST(Structure, Discretise) {
    EXPECT_EQ(show(segment(R("3"), S("bd sn")), Time(0), Time(1)),
              "0-1/3@0-1/3:{\"s\":\"bd\"} 1/3-2/3@1/2-2/3:{\"s\":\"sn\"} 1/3-2/3@1/3-1/2:{\"s\":\"bd\"} 2/3-1@2/3-1:{\"s\":\"sn\"}");
}

// stutter (3 :: Int) (1/3) $ s "bd/2"
TEST(Structure, StutterSlow) {
    EXPECT_EQ(show(stutter(3, Time(1, 3), S("bd/2")), Time(0), Time(2)),
              "-4/3-2/3@0-2/3:{\"s\":\"bd\"} -5/3-1/3@0-1/3:{\"s\":\"bd\"} 0-2@0-1:{\"s\":\"bd\"} 0-2@1-2:{\"s\":\"bd\"} 1/3-7/3@1/3-4/3:{\"s\":\"bd\"} 1/3-7/3@4/3-2:{\"s\":\"bd\"} 2/3-8/3@2/3-5/3:{\"s\":\"bd\"} 2/3-8/3@5/3-2:{\"s\":\"bd\"}");
}

// arpeggiate $ n "[0,4,7] [2,5]"
TEST(Structure, Arpeggiate) {
    EXPECT_EQ(show(arpeggiate(N("[0,4,7] [2,5]")), Time(0), Time(1)),
              "0-1/6@0-1/6:{\"n\":0} 1/2-3/4@1/2-3/4:{\"n\":2} 1/3-1/2@1/3-1/2:{\"n\":7} 1/6-1/3@1/6-1/3:{\"n\":4} 3/4-1@3/4-1:{\"n\":5}");
}

// arpeggiate $ n "[0,4,7]/2 [2,5]"
TEST(Structure, ArpeggiatePartial) {
    EXPECT_EQ(show(arpeggiate(N("[0,4,7]/2 [2,5]")), Time(1, 4), Time(3, 4)),
              "0-1/3@1/4-1/3:{\"n\":0} 1/2-3/4@1/2-3/4:{\"n\":2} 1/3-2/3@1/3-1/2:{\"n\":4}");
}

// swingBy "<0 0.25>" "<4 2>" $ s "hh*8"
TEST(Structure, SwingByPatterned) {
    EXPECT_EQ(show(swingBy(R("<0 0.25>"), R("<4 2>"), S("hh*8")), Time(0), Time(2)),
              "0-1/8@0-1/8:{\"s\":\"hh\"} 1-9/8@1-9/8:{\"s\":\"hh\"} 1/2-5/8@1/2-5/8:{\"s\":\"hh\"} 1/4-3/8@1/4-3/8:{\"s\":\"hh\"} 1/8-1/4@1/8-1/4:{\"s\":\"hh\"} 11/16-13/16@3/4-13/16:{\"s\":\"hh\"} 11/8-3/2@11/8-3/2:{\"s\":\"hh\"} 13/8-7/4@13/8-7/4:{\"s\":\"hh\"} 15/16-17/16@15/16-1:{\"s\":\"hh\"} 15/8-2@15/8-2:{\"s\":\"hh\"} 3/16-5/16@1/4-5/16:{\"s\":\"hh\"} 3/2-13/8@3/2-13/8:{\"s\":\"hh\"} 3/4-7/8@3/4-7/8:{\"s\":\"hh\"} 5/4-11/8@5/4-11/8:{\"s\":\"hh\"} 5/8-3/4@5/8-3/4:{\"s\":\"hh\"} 7/16-9/16@7/16-1/2:{\"s\":\"hh\"} 7/4-15/8@7/4-15/8:{\"s\":\"hh\"} 9/8-5/4@9/8-5/4:{\"s\":\"hh\"}");
}

// iter "<-2 0 3>" $ s "a b c"
TEST(Structure, IterNegativeAndZero) {
    EXPECT_EQ(show(iter(I("<-2 0 3>"), S("a b c")), Time(0), Time(3)),
              "2-7/3@2-7/3:{\"s\":\"c\"} 7/3-8/3@7/3-8/3:{\"s\":\"a\"} 8/3-3@8/3-3:{\"s\":\"b\"}");
}

// chunk "<0 1>" (fast 2) $ s "a b"
TEST(Structure, ChunkZero) {
    EXPECT_EQ(show(chunk(I("<0 1>"), fastT(2), S("a b")), Time(0), Time(2)),
              "1-5/4@1-5/4:{\"s\":\"a\"} 3/2-7/4@3/2-7/4:{\"s\":\"a\"} 5/4-3/2@5/4-3/2:{\"s\":\"b\"} 7/4-2@7/4-2:{\"s\":\"b\"}");
}

// ply "<0 -2>" $ s "a b"
TEST(Structure, PlyZeroAndNegative) {
    EXPECT_EQ(show(ply(R("<0 -2>"), S("a b")), Time(0), Time(2)),
              "1-5/4@1-5/4:{\"s\":\"a\"} 3/2-7/4@3/2-7/4:{\"s\":\"b\"} 5/4-3/2@5/4-3/2:{\"s\":\"a\"} 7/4-2@7/4-2:{\"s\":\"b\"}");
}

// linger 1.5 $ s "a b/2"
TEST(Structure, LingerOverOne) {
    EXPECT_EQ(show(linger(R("1.5"), S("a b/2")), Time(0), Time(2)),
              "0-1/2@0-1/2:{\"s\":\"a\"} 1/2-3/2@1/2-1:{\"s\":\"b\"} 3/2-2@3/2-2:{\"s\":\"a\"} 3/2-2@3/2-2:{\"s\":\"a\"}");
}

// segment 0 $ s "a"
TEST(Structure, SegmentZero) {
    EXPECT_EQ(show(segment(R("0"), S("a")), Time(0), Time(1)),
              "");
}

// trunc 1.5 $ s "a b"
TEST(Structure, TruncOverOne) {
    EXPECT_EQ(show(trunc(R("1.5"), S("a b")), Time(0), Time(1)),
              "");
}

// euclid "3 5" "2 -1" $ s "x"
TEST(Structure, EuclidNegativeSteps) {
    EXPECT_EQ(show(euclid(I("3 5"), I("2 -1"), S("x")), Time(0), Time(1)),
              "0-1/3@0-1/3:{\"s\":\"x\"} 1/3-2/3@1/3-1/2:{\"s\":\"x\"} 2/5-3/5@1/2-3/5:{\"s\":\"x\"} 3/5-4/5@3/5-4/5:{\"s\":\"x\"} 4/5-1@4/5-1:{\"s\":\"x\"}");
}

// euclidInv 7 12 $ s "x"
TEST(Structure, EuclidInvBig) {
    EXPECT_EQ(show(euclidInv(I("7"), I("12"), S("x")), Time(0), Time(1)),
              "1/12-1/6@1/12-1/6:{\"s\":\"x\"} 1/2-7/12@1/2-7/12:{\"s\":\"x\"} 1/3-5/12@1/3-5/12:{\"s\":\"x\"} 11/12-1@11/12-1:{\"s\":\"x\"} 3/4-5/6@3/4-5/6:{\"s\":\"x\"}");
}

// necklace 8 [0, 3, -1, 2]
TEST(Structure, NecklaceZeros) {
    EXPECT_EQ(show(necklace(Time(8), {0, 3, -1, 2}), Time(0), Time(1)),
              "0-1/14@0-1/14:true 1/14-1/7@1/14-1/7:true 1/2-4/7@1/2-4/7:true 1/7-3/14@1/7-3/14:false 11/14-6/7@11/14-6/7:true 13/14-1@13/14-1:false 2/7-5/14@2/7-5/14:true 3/14-2/7@3/14-2/7:false 3/7-1/2@3/7-1/2:false 4/7-9/14@4/7-9/14:true 5/14-3/7@5/14-3/7:true 5/7-11/14@5/7-11/14:false 6/7-13/14@6/7-13/14:true 9/14-5/7@9/14-5/7:false");
}

// spaceOut [-0.5, 1] $ s "a b"
TEST(Structure, SpaceOutNegative) {
    EXPECT_EQ(show(spaceOut({Time(-1, 2), Time(1)}, S("a b")), Time(0), Time(2)),
              "");
}

// weaveWith 2 (s "a") []
TEST(Structure, WeaveWithEmpty) {
    EXPECT_EQ(show(weaveWith(Time(2), S("a"), {}), Time(0), Time(1)),
              "");
}

// squeeze "-1 -4" [s "a b", s "c", s "d*3"]
TEST(Structure, SqueezeNegative) {
    EXPECT_EQ(show(squeeze(I("-1 -4"), {S("a b"), S("c"), S("d*3")}), Time(0), Time(1)),
              "0-1/6@0-1/6:{\"s\":\"d\"} 1/2-2/3@1/2-2/3:{\"s\":\"d\"} 1/3-1/2@1/3-1/2:{\"s\":\"d\"} 1/6-1/3@1/6-1/3:{\"s\":\"d\"} 2/3-5/6@2/3-5/6:{\"s\":\"d\"} 5/6-1@5/6-1:{\"s\":\"d\"}");
}

// fit (-1) ["a", "b", "c"] "0 -1 4"
TEST(Structure, FitNegative) {
    EXPECT_EQ(show(fit(I("-1"), {Value::string("a"), Value::string("b"), Value::string("c")}, I("0 -1 4")), Time(0), Time(2)),
              "0-1/3@0-1/3:\"a\" 1-4/3@1-4/3:\"c\" 1/3-2/3@1/3-2/3:\"c\" 2/3-1@2/3-1:\"b\" 4/3-5/3@4/3-5/3:\"b\" 5/3-2@5/3-2:\"a\"");
}

// rot "<1 2>" $ s "a ~ b [c ~ d]"
TEST(Structure, RotWithRests) {
    EXPECT_EQ(show(rot(I("<1 2>"), S("a ~ b [c ~ d]")), Time(0), Time(2)),
              "0-1/4@0-1/4:{\"s\":\"b\"} 1-5/4@1-5/4:{\"s\":\"c\"} 1/2-3/4@1/2-3/4:{\"s\":\"c\"} 11/12-1@11/12-1:{\"s\":\"a\"} 23/12-2@23/12-2:{\"s\":\"b\"} 3/2-7/4@3/2-7/4:{\"s\":\"d\"} 3/4-5/6@3/4-5/6:{\"s\":\"d\"} 7/4-11/6@7/4-11/6:{\"s\":\"a\"}");
}

// substruct (slow 2 "t f t") $ s "a b"
TEST(Structure, SubstructSlowBool) {
    EXPECT_EQ(show(substruct(slowT(2)(B("t f t")), S("a b")), Time(0), Time(3)),
              "0-1/3@0-1/3:{\"s\":\"a\"} 1/3-2/3@1/3-2/3:{\"s\":\"b\"} 2-7/3@2-7/3:{\"s\":\"a\"} 4/3-5/3@4/3-5/3:{\"s\":\"a\"} 5/3-2@5/3-2:{\"s\":\"b\"} 7/3-8/3@7/3-8/3:{\"s\":\"b\"}");
}

// mask (slow 2 "t f t") $ s "a/2 b"
TEST(Structure, MaskSlow) {
    EXPECT_EQ(show(mask(slowT(2)(B("t f t")), S("a/2 b")), Time(0), Time(2)),
              "0-1@0-1/2:{\"s\":\"a\"} 1/2-1@1/2-2/3:{\"s\":\"b\"} 3/2-2@3/2-2:{\"s\":\"b\"}");
}

// inside 1.5 rev $ s "a b c"
TEST(Structure, InsideFractional) {
    EXPECT_EQ(show(inside(R("1.5"), revT(), S("a b c")), Time(0), Time(2)),
              "0-1/3@0-1/3:{\"s\":\"b\"} 1-4/3@1-4/3:{\"s\":\"c\"} 1/3-2/3@1/3-2/3:{\"s\":\"a\"} 2/3-1@2/3-1:{\"s\":\"a\"} 4/3-5/3@4/3-5/3:{\"s\":\"c\"} 5/3-2@5/3-2:{\"s\":\"b\"}");
}

// every' (-3) (-1) rev $ s "a b"
TEST(Structure, EveryPrimeNegative) {
    EXPECT_EQ(show(everyOffset(I("-3"), I("-1"), revT(), S("a b")), Time(-2), Time(4)),
              "-1--1/2@-1--1/2:{\"s\":\"b\"} -1/2-0@-1/2-0:{\"s\":\"a\"} -2--3/2@-2--3/2:{\"s\":\"a\"} -3/2--1@-3/2--1:{\"s\":\"b\"} 0-1/2@0-1/2:{\"s\":\"a\"} 1-3/2@1-3/2:{\"s\":\"a\"} 1/2-1@1/2-1:{\"s\":\"b\"} 2-5/2@2-5/2:{\"s\":\"b\"} 3-7/2@3-7/2:{\"s\":\"a\"} 3/2-2@3/2-2:{\"s\":\"b\"} 5/2-3@5/2-3:{\"s\":\"a\"} 7/2-4@7/2-4:{\"s\":\"b\"}");
}

// whenmod 3 1.5 (fast 2) $ s "a b"
TEST(Structure, WhenmodPartialQuery) {
    EXPECT_EQ(show(whenmod(R("3"), R("1.5"), fastT(2), S("a b")), Time(1, 3), Time(17, 3)),
              "0-1/2@1/3-1/2:{\"s\":\"a\"} 1-3/2@1-3/2:{\"s\":\"a\"} 1/2-1@1/2-1:{\"s\":\"b\"} 11/2-23/4@11/2-17/3:{\"s\":\"a\"} 11/4-3@11/4-3:{\"s\":\"b\"} 2-9/4@2-9/4:{\"s\":\"a\"} 21/4-11/2@21/4-11/2:{\"s\":\"b\"} 3-7/2@3-7/2:{\"s\":\"a\"} 3/2-2@3/2-2:{\"s\":\"b\"} 4-9/2@4-9/2:{\"s\":\"a\"} 5-21/4@5-21/4:{\"s\":\"a\"} 5/2-11/4@5/2-11/4:{\"s\":\"a\"} 7/2-4@7/2-4:{\"s\":\"b\"} 9/2-5@9/2-5:{\"s\":\"b\"} 9/4-5/2@9/4-5/2:{\"s\":\"b\"}");
}

// off (-0.125) (# speed 2) $ s "a b"
TEST(Structure, OffNegative) {
    EXPECT_EQ(show(off(R("-0.125"), setT("speed", 2), S("a b")), Time(0), Time(1)),
              "-1/8-3/8@0-3/8:{\"s\":\"a\",\"speed\":2} 0-1/2@0-1/2:{\"s\":\"a\"} 1/2-1@1/2-1:{\"s\":\"b\"} 3/8-7/8@3/8-7/8:{\"s\":\"b\",\"speed\":2} 7/8-11/8@7/8-1:{\"s\":\"a\",\"speed\":2}");
}

// stutWith "<1 0>" 0.25 (# speed 2) $ s "a b"
TEST(Structure, StutWithOne) {
    EXPECT_EQ(show(stutWith(I("<1 0>"), R("0.25"), setT("speed", 2), S("a b")), Time(0), Time(1)),
              "0-1/2@0-1/2:{\"s\":\"a\"} 1/2-1@1/2-1:{\"s\":\"b\"}");
}

// stut 0 0.5 0.25 $ s "a b"
TEST(Structure, StutZero) {
    EXPECT_EQ(show(stut(I("0"), D("0.5"), R("0.25"), S("a b")), Time(0), Time(1)),
              "0-1/2@0-1/2:{\"s\":\"a\"} 1/2-1@1/2-1:{\"s\":\"b\"}");
}

// hurry 0 $ s "a b"
TEST(Structure, HurryZero) {
    EXPECT_EQ(show(hurry(R("0"), S("a b")), Time(0), Time(1)),
              "");
}

// brak $ s "a/2 b"
TEST(Structure, BrakSlow) {
    EXPECT_EQ(show(brak(S("a/2 b")), Time(0), Time(4)),
              "0-1@0-1/2:{\"s\":\"a\"} 1/2-1@1/2-1:{\"s\":\"b\"} 11/4-13/4@13/4-7/2:{\"s\":\"a\"} 2-3@2-5/2:{\"s\":\"a\"} 3/2-7/4@3/2-7/4:{\"s\":\"b\"} 3/4-5/4@5/4-3/2:{\"s\":\"a\"} 5/2-3@5/2-3:{\"s\":\"b\"} 7/2-15/4@7/2-15/4:{\"s\":\"b\"}");
}

// palindrome $ s "<a b> c"
TEST(Structure, PalindromeSlow) {
    EXPECT_EQ(show(palindrome(S("<a b> c")), Time(0), Time(4)),
              "0-1/2@0-1/2:{\"s\":\"a\"} 1-3/2@1-3/2:{\"s\":\"c\"} 1/2-1@1/2-1:{\"s\":\"c\"} 2-5/2@2-5/2:{\"s\":\"b\"} 3-7/2@3-7/2:{\"s\":\"c\"} 3/2-2@3/2-2:{\"s\":\"a\"} 5/2-3@5/2-3:{\"s\":\"c\"} 7/2-4@7/2-4:{\"s\":\"b\"}");
}

// select "<-1 3>" [s "a", s "b c"]
TEST(Structure, SelectClamped) {
    EXPECT_EQ(show(selectP(D("<-1 3>"), {S("a"), S("b c")}), Time(0), Time(2)),
              "0-1@0-1:{\"s\":\"a\"} 1-3/2@1-3/2:{\"s\":\"b\"} 3/2-2@3/2-2:{\"s\":\"c\"}");
}

// pickF (-1) [fast 2, rev, (# speed 3)] $ s "a b"
TEST(Structure, PickFNegative) {
    EXPECT_EQ(show(pickF(I("-1"), {fastT(2), revT(), setT("speed", 3)}, S("a b")), Time(0), Time(1)),
              "0-1/2@0-1/2:{\"s\":\"a\",\"speed\":3} 1/2-1@1/2-1:{\"s\":\"b\",\"speed\":3}");
}

// stitch (slow 2 "t [f t]") (s "a") (s "b*4")
TEST(Structure, StitchSlow) {
    EXPECT_EQ(show(stitch(slowT(2)(B("t [f t]")), S("a"), S("b*4")), Time(0), Time(2)),
              "0-1@0-1:{\"s\":\"a\"} 1-3/2@1-5/4:{\"s\":\"b\"} 1-3/2@5/4-3/2:{\"s\":\"b\"} 3/2-2@3/2-2:{\"s\":\"a\"}");
}

// sew (slow 2 "t f t") (s "a") (s "b*4")
TEST(Structure, SewSlow) {
    EXPECT_EQ(show(sew(slowT(2)(B("t f t")), S("a"), S("b*4")), Time(0), Time(2)),
              "0-1@0-2/3:{\"s\":\"a\"} 1-2@4/3-2:{\"s\":\"a\"} 1-5/4@1-5/4:{\"s\":\"b\"} 1/2-3/4@2/3-3/4:{\"s\":\"b\"} 3/4-1@3/4-1:{\"s\":\"b\"} 5/4-3/2@5/4-4/3:{\"s\":\"b\"}");
}

// ghost'' (1/3) rev $ s "a b/2"
TEST(Structure, GhostWithSlow) {
    EXPECT_EQ(show(ghostWith(Time(1, 3), revT(), S("a b/2")), Time(0), Time(2)),
              "-7/6--1/6@0-1/3:{\"s\":\"b\"} 0-1/2@0-1/2:{\"s\":\"a\"} 0-1/2@0-1/2:{\"s\":\"a\"} 0-1@1/2-1:{\"s\":\"b\"} 1-3/2@1-3/2:{\"s\":\"a\"} 1-3/2@1-3/2:{\"s\":\"a\"} 1/2-3/2@1/2-1:{\"s\":\"b\"} 1/2-3/2@3/2-2:{\"s\":\"b\"} 1/3-4/3@0-1/3:{\"s\":\"b\"} 1/3-4/3@5/6-4/3:{\"s\":\"b\"} 1/3-5/6@1/3-5/6:{\"s\":\"a\"} 1/3-5/6@1/3-5/6:{\"s\":\"a\"} 2-3@3/2-2:{\"s\":\"b\"} 4/3-11/6@4/3-11/6:{\"s\":\"a\"} 4/3-11/6@4/3-11/6:{\"s\":\"a\"} 5/6-11/6@11/6-2:{\"s\":\"b\"} 5/6-11/6@5/6-4/3:{\"s\":\"b\"} 7/3-10/3@11/6-2:{\"s\":\"b\"}");
}

// rot "<1 -1>" ("a b c" :: Pattern String)
TEST(Structure, RotStrings) {
    EXPECT_EQ(show(rot(I("<1 -1>"), Str("a b c")), Time(0), Time(2)),
              "0-1/3@0-1/3:\"b\" 1-4/3@1-4/3:\"c\" 1/3-2/3@1/3-2/3:\"c\" 2/3-1@2/3-1:\"a\" 4/3-5/3@4/3-5/3:\"a\" 5/3-2@5/3-2:\"b\"");
}

// every 2 (0.25 <~) $ s "bd sn hh"
TEST(Structure, EveryRotL) {
    EXPECT_EQ(show(every(I("2"), rotLT(Time(1, 4)), S("bd sn hh")), Time(0), Time(4)),
              "-1/4-1/12@0-1/12:{\"s\":\"bd\"} 1-4/3@1-4/3:{\"s\":\"bd\"} 1/12-5/12@1/12-5/12:{\"s\":\"sn\"} 10/3-11/3@10/3-11/3:{\"s\":\"sn\"} 11/3-4@11/3-4:{\"s\":\"hh\"} 11/4-37/12@11/4-3:{\"s\":\"bd\"} 25/12-29/12@25/12-29/12:{\"s\":\"sn\"} 29/12-11/4@29/12-11/4:{\"s\":\"hh\"} 3-10/3@3-10/3:{\"s\":\"bd\"} 3/4-13/12@3/4-1:{\"s\":\"bd\"} 4/3-5/3@4/3-5/3:{\"s\":\"sn\"} 5/12-3/4@5/12-3/4:{\"s\":\"hh\"} 5/3-2@5/3-2:{\"s\":\"hh\"} 7/4-25/12@2-25/12:{\"s\":\"bd\"}");
}

