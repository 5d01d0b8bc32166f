// linger beyond one cycle, stripe, press/pressBy and the spread family, against
// Tidal 1.7.10. Every expected string was printed by the real Tidal 1.7.10
// (tests/tidal/oracle.py --print, all events of the same expression):
// WHOLE@PART:VALUE, times as exact rationals, sorted as text.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "pattern/lang/program.hpp"
#include "pattern/structure.hpp"
#include "structure_test_support.hpp"

using namespace seiche;

namespace {

// All events of a line of Tidal code over [from, to), through the whole language.
std::string events(const std::string& code, Time from, Time to) {
    auto r = lang::compile(code);
    if (!r) return "error: " + r.error->str();
    auto es = lang::queryChecked(r.value->actions.at(0).pattern, Span{from, to});
    if (!es) return "query error: " + es.error->message;
    return showEvents(*es.value);
}

Value nx(int n) { return Value::map({{Symbol("n"), Value::note(n)}, {Symbol("s"), Value::string("x")}}); }
Value snd(const char* s) { return Value::map({{Symbol("s"), Value::string(s)}}); }

// n "<0 1> 2" # s "x"
Pattern altThenTwo() { return fastcat({slowcat({pure(nx(0)), pure(nx(1))}), pure(nx(2))}); }

}  // namespace

// ------------------------------------------------------------------ linger

// linger 2 $ n "<0 1> 2" # s "x", over [0, 2): cycle 1 of the result plays in
// [2, 3), outside the query, so Tidal's innerJoin drops it.
TEST(Linger, BeyondOneCycleKeepsOnlyWhatIsInsideTheQuery) {
    Pattern p = linger(pure(Value::rational(Time(2))), altThenTwo());
    EXPECT_EQ(showEvents(p.query(Span{Time(0), Time(2)})),
              "0-1/2@0-1/2:{\"n\":0,\"s\":\"x\"} 1/2-1@1/2-1:{\"n\":2,\"s\":\"x\"}");
}

// Over [0, 4) the query of cycles 1 and 2 both land in [2, 3): Tidal gives each event twice.
TEST(Linger, BeyondOneCycleOverFourCycles) {
    Pattern p = linger(pure(Value::rational(Time(2))), altThenTwo());
    EXPECT_EQ(showEvents(p.query(Span{Time(0), Time(4)})),
              "0-1/2@0-1/2:{\"n\":0,\"s\":\"x\"} 1/2-1@1/2-1:{\"n\":2,\"s\":\"x\"} "
              "2-5/2@2-5/2:{\"n\":1,\"s\":\"x\"} 2-5/2@2-5/2:{\"n\":1,\"s\":\"x\"} "
              "5/2-3@5/2-3:{\"n\":2,\"s\":\"x\"} 5/2-3@5/2-3:{\"n\":2,\"s\":\"x\"}");
}

// A patterned argument goes through innerJoin; a constant one must give the same events.
TEST(Linger, ConstantAndPatternedArgumentsAgree) {
    Pattern two = pure(Value::rational(Time(2)));
    Pattern twoPatterned = slowcat({two, two});  // not a constant: joined with innerBind
    for (auto [b, e] : {std::pair{Time(0), Time(4)}, {Time(1, 2), Time(7, 2)}, {Time(-3), Time(0)}}) {
        EXPECT_EQ(showEvents(linger(two, altThenTwo()).query(Span{b, e})),
                  showEvents(linger(twoPatterned, altThenTwo()).query(Span{b, e})));
    }
}

TEST(Linger, NegativeTwo) {
    EXPECT_EQ(events("linger (-2) $ n \"0 1 2 3\" # s \"x\"", Time(0), Time(4)),
              "1-5/4@1-5/4:{\"n\":3,\"s\":\"x\"} 1-5/4@1-5/4:{\"n\":3,\"s\":\"x\"} 13/4-7/2@13/4-7/2:{\"n\":2,\"s\":\"x\"} "
              "13/4-7/2@13/4-7/2:{\"n\":2,\"s\":\"x\"} 15/4-4@15/4-4:{\"n\":0,\"s\":\"x\"} 15/4-4@15/4-4:{\"n\":0,\"s\":\"x\"} "
              "3-13/4@3-13/4:{\"n\":3,\"s\":\"x\"} 3-13/4@3-13/4:{\"n\":3,\"s\":\"x\"} 3/2-7/4@3/2-7/4:{\"n\":1,\"s\":\"x\"} "
              "3/2-7/4@3/2-7/4:{\"n\":1,\"s\":\"x\"} 5/4-3/2@5/4-3/2:{\"n\":2,\"s\":\"x\"} 5/4-3/2@5/4-3/2:{\"n\":2,\"s\":\"x\"} "
              "7/2-15/4@7/2-15/4:{\"n\":1,\"s\":\"x\"} 7/2-15/4@7/2-15/4:{\"n\":1,\"s\":\"x\"} 7/4-2@7/4-2:{\"n\":0,\"s\":\"x\"} "
              "7/4-2@7/4-2:{\"n\":0,\"s\":\"x\"}");
}

TEST(Linger, PatternedMixingBeyondAndWithin) {
    EXPECT_EQ(events("linger \"<2 0.25>\" $ n \"<0 1> 2\" # s \"x\"", Time(0), Time(4)),
              "0-1/2@0-1/2:{\"n\":0,\"s\":\"x\"} 1-3/2@1-5/4:{\"n\":0,\"s\":\"x\"} 1/2-1@1/2-1:{\"n\":2,\"s\":\"x\"} "
              "13/4-15/4@13/4-7/2:{\"n\":1,\"s\":\"x\"} 15/4-17/4@15/4-4:{\"n\":1,\"s\":\"x\"} 2-5/2@2-5/2:{\"n\":1,\"s\":\"x\"} "
              "3-7/2@3-13/4:{\"n\":0,\"s\":\"x\"} 3/2-2@3/2-7/4:{\"n\":0,\"s\":\"x\"} 5/2-3@5/2-3:{\"n\":2,\"s\":\"x\"} "
              "5/4-7/4@5/4-3/2:{\"n\":1,\"s\":\"x\"} 7/2-4@7/2-15/4:{\"n\":0,\"s\":\"x\"} 7/4-9/4@7/4-2:{\"n\":1,\"s\":\"x\"}");
}

// ------------------------------------------------------------------ stripe

TEST(Stripe, TwoRandomLengthsPerCycle) {
    Pattern p = stripe(pure(Value::integer(2)),
                       fastcat({pure(snd("bd")), pure(snd("sn")), pure(snd("hh")), pure(snd("cp"))}));
    EXPECT_EQ(showEvents(p.query(Span{Time(0), Time(4)})),
              "0-1/12@0-1/12:{\"s\":\"bd\"} 1-7/6@1-7/6:{\"s\":\"bd\"} 1/12-1/6@1/12-1/6:{\"s\":\"sn\"} "
              "1/2-2/3@1/2-2/3:{\"s\":\"sn\"} 1/3-1/2@1/3-1/2:{\"s\":\"bd\"} 1/4-1/3@1/4-1/3:{\"s\":\"cp\"} "
              "1/6-1/4@1/6-1/4:{\"s\":\"hh\"} 10/3-7/2@10/3-7/2:{\"s\":\"hh\"} 11/3-15/4@11/3-15/4:{\"s\":\"bd\"} "
              "11/5-23/10@11/5-23/10:{\"s\":\"hh\"} 11/6-23/12@11/6-23/12:{\"s\":\"hh\"} 12/5-51/20@12/5-51/20:{\"s\":\"bd\"} "
              "15/4-23/6@15/4-23/6:{\"s\":\"sn\"} 19/6-10/3@19/6-10/3:{\"s\":\"sn\"} 2-21/10@2-21/10:{\"s\":\"bd\"} "
              "2/3-5/6@2/3-5/6:{\"s\":\"hh\"} 21/10-11/5@21/10-11/5:{\"s\":\"sn\"} 23/10-12/5@23/10-12/5:{\"s\":\"cp\"} "
              "23/12-2@23/12-2:{\"s\":\"cp\"} 23/6-47/12@23/6-47/12:{\"s\":\"hh\"} 27/10-57/20@27/10-57/20:{\"s\":\"hh\"} "
              "3-19/6@3-19/6:{\"s\":\"bd\"} 3/2-5/3@3/2-5/3:{\"s\":\"cp\"} 4/3-3/2@4/3-3/2:{\"s\":\"hh\"} "
              "47/12-4@47/12-4:{\"s\":\"cp\"} 5/3-7/4@5/3-7/4:{\"s\":\"bd\"} 5/6-1@5/6-1:{\"s\":\"cp\"} "
              "51/20-27/10@51/20-27/10:{\"s\":\"sn\"} 57/20-3@57/20-3:{\"s\":\"cp\"} 7/2-11/3@7/2-11/3:{\"s\":\"cp\"} "
              "7/4-11/6@7/4-11/6:{\"s\":\"sn\"} 7/6-4/3@7/6-4/3:{\"s\":\"sn\"}");
}

// substruct' answers over whole events; the join clips them to the query.
TEST(Stripe, FractionalQueryIsClipped) {
    EXPECT_EQ(events("stripe 2 $ s \"bd sn hh cp\"", Time(1, 2), Time(5, 2)),
              "1-7/6@1-7/6:{\"s\":\"bd\"} 1/2-2/3@1/2-2/3:{\"s\":\"sn\"} 11/5-23/10@11/5-23/10:{\"s\":\"hh\"} "
              "11/6-23/12@11/6-23/12:{\"s\":\"hh\"} 12/5-51/20@12/5-5/2:{\"s\":\"bd\"} 2-21/10@2-21/10:{\"s\":\"bd\"} "
              "2/3-5/6@2/3-5/6:{\"s\":\"hh\"} 21/10-11/5@21/10-11/5:{\"s\":\"sn\"} 23/10-12/5@23/10-12/5:{\"s\":\"cp\"} "
              "23/12-2@23/12-2:{\"s\":\"cp\"} 3/2-5/3@3/2-5/3:{\"s\":\"cp\"} 4/3-3/2@4/3-3/2:{\"s\":\"hh\"} "
              "5/3-7/4@5/3-7/4:{\"s\":\"bd\"} 5/6-1@5/6-1:{\"s\":\"cp\"} 7/4-11/6@7/4-11/6:{\"s\":\"sn\"} "
              "7/6-4/3@7/6-4/3:{\"s\":\"sn\"}");
}

TEST(Stripe, NegativeCycles) {
    EXPECT_EQ(events("stripe 2 $ s \"bd sn\"", Time(-2), Time(0)),
              "-1--3/4@-1--3/4:{\"s\":\"bd\"} -1/2--1/4@-1/2--1/4:{\"s\":\"bd\"} -1/4-0@-1/4-0:{\"s\":\"sn\"} "
              "-2--7/4@-2--7/4:{\"s\":\"bd\"} -3/2--5/4@-3/2--5/4:{\"s\":\"bd\"} -3/4--1/2@-3/4--1/2:{\"s\":\"sn\"} "
              "-5/4--1@-5/4--1:{\"s\":\"sn\"} -7/4--3/2@-7/4--3/2:{\"s\":\"sn\"}");
}

TEST(Stripe, ZeroIsSilence) { EXPECT_EQ(events("stripe 0 $ s \"bd sn\"", Time(0), Time(2)), ""); }

TEST(Stripe, SlowStripe) {
    EXPECT_EQ(events("slowstripe 2 $ s \"bd sn hh cp\"", Time(4), Time(6)),
              "21/5-22/5@21/5-22/5:{\"s\":\"sn\"} 22/5-23/5@22/5-23/5:{\"s\":\"hh\"} 23/5-24/5@23/5-24/5:{\"s\":\"cp\"} "
              "24/5-51/10@24/5-5:{\"s\":\"bd\"} 24/5-51/10@5-51/10:{\"s\":\"bd\"} 27/5-57/10@27/5-57/10:{\"s\":\"hh\"} "
              "4-21/5@4-21/5:{\"s\":\"bd\"} 51/10-27/5@51/10-27/5:{\"s\":\"sn\"} 57/10-6@57/10-6:{\"s\":\"cp\"}");
}

// ------------------------------------------------------------------ press

TEST(Press, HalfWayIntoEachEvent) {
    Pattern p = press(fastcat({pure(snd("bd")), pure(snd("sn")), pure(snd("hh"))}));
    EXPECT_EQ(showEvents(p.query(Span{Time(0), Time(2)})),
              "1/2-2/3@1/2-2/3:{\"s\":\"sn\"} 1/6-1/3@1/6-1/3:{\"s\":\"bd\"} 11/6-2@11/6-2:{\"s\":\"hh\"} "
              "3/2-5/3@3/2-5/3:{\"s\":\"sn\"} 5/6-1@5/6-1:{\"s\":\"hh\"} 7/6-4/3@7/6-4/3:{\"s\":\"bd\"}");
}

TEST(Press, PatternedAmount) {
    EXPECT_EQ(events("pressBy \"0.25 0.5\" $ s \"bd*4\"", Time(0), Time(2)),
              "1/16-1/4@1/16-1/4:{\"s\":\"bd\"} 13/8-7/4@13/8-7/4:{\"s\":\"bd\"} 15/8-2@15/8-2:{\"s\":\"bd\"} "
              "17/16-5/4@17/16-5/4:{\"s\":\"bd\"} 21/16-3/2@21/16-3/2:{\"s\":\"bd\"} 5/16-1/2@5/16-1/2:{\"s\":\"bd\"} "
              "5/8-3/4@5/8-3/4:{\"s\":\"bd\"} 7/8-1@7/8-1:{\"s\":\"bd\"}");
}

// An event longer than a cycle cannot be compressed into itself: Tidal drops it.
TEST(Press, EventsLongerThanACycleVanish) {
    EXPECT_EQ(events("press $ s \"bd/2 sn\"", Time(0), Time(4)),
              "11/4-3@11/4-3:{\"s\":\"sn\"} 15/4-4@15/4-4:{\"s\":\"sn\"} 3/4-1@3/4-1:{\"s\":\"sn\"} 7/4-2@7/4-2:{\"s\":\"sn\"}");
}

TEST(Press, FractionalQuery) {
    EXPECT_EQ(events("press $ s \"bd sn hh\"", Time(1, 4), Time(9, 4)),
              "1/2-2/3@1/2-2/3:{\"s\":\"sn\"} 1/6-1/3@1/4-1/3:{\"s\":\"bd\"} 11/6-2@11/6-2:{\"s\":\"hh\"} "
              "13/6-7/3@13/6-9/4:{\"s\":\"bd\"} 3/2-5/3@3/2-5/3:{\"s\":\"sn\"} 5/6-1@5/6-1:{\"s\":\"hh\"} "
              "7/6-4/3@7/6-4/3:{\"s\":\"bd\"}");
}

// ------------------------------------------------------------------ spread

TEST(Spread, DollarOverAListOfFunctions) {
    EXPECT_EQ(events("spread ($) [fast 2, rev] $ s \"bd sn hh\"", Time(0), Time(4)),
              "0-1/6@0-1/6:{\"s\":\"bd\"} 1-4/3@1-4/3:{\"s\":\"hh\"} 1/2-2/3@1/2-2/3:{\"s\":\"bd\"} "
              "1/3-1/2@1/3-1/2:{\"s\":\"hh\"} 1/6-1/3@1/6-1/3:{\"s\":\"sn\"} 10/3-11/3@10/3-11/3:{\"s\":\"sn\"} "
              "11/3-4@11/3-4:{\"s\":\"bd\"} 13/6-7/3@13/6-7/3:{\"s\":\"sn\"} 17/6-3@17/6-3:{\"s\":\"hh\"} "
              "2-13/6@2-13/6:{\"s\":\"bd\"} 2/3-5/6@2/3-5/6:{\"s\":\"sn\"} 3-10/3@3-10/3:{\"s\":\"hh\"} "
              "4/3-5/3@4/3-5/3:{\"s\":\"sn\"} 5/2-8/3@5/2-8/3:{\"s\":\"bd\"} 5/3-2@5/3-2:{\"s\":\"bd\"} "
              "5/6-1@5/6-1:{\"s\":\"hh\"} 7/3-5/2@7/3-5/2:{\"s\":\"hh\"} 8/3-17/6@8/3-17/6:{\"s\":\"sn\"}");
    // spreadf is spread ($); slowspread is spread.
    EXPECT_EQ(events("spreadf [fast 2, rev] $ s \"bd sn hh\"", Time(0), Time(4)),
              events("spread ($) [fast 2, rev] $ s \"bd sn hh\"", Time(0), Time(4)));
    EXPECT_EQ(events("slowspread ($) [fast 2, rev] $ s \"bd sn hh\"", Time(0), Time(4)),
              events("spread ($) [fast 2, rev] $ s \"bd sn hh\"", Time(0), Time(4)));
}

TEST(Spread, ATwoArgumentFunctionOverValues) {
    EXPECT_EQ(events("spread fast [1, 2] $ s \"bd sn\"", Time(1, 3), Time(7, 3)),
              "0-1/2@1/3-1/2:{\"s\":\"bd\"} 1-5/4@1-5/4:{\"s\":\"bd\"} 1/2-1@1/2-1:{\"s\":\"sn\"} "
              "2-5/2@2-7/3:{\"s\":\"bd\"} 3/2-7/4@3/2-7/4:{\"s\":\"bd\"} 5/4-3/2@5/4-3/2:{\"s\":\"sn\"} "
              "7/4-2@7/4-2:{\"s\":\"sn\"}");
}

TEST(Spread, FastspreadSqueezesIntoOneCycle) {
    EXPECT_EQ(events("fastspread ($) [id, (# speed 2)] $ s \"bd sn\"", Time(0), Time(2)),
              "0-1/4@0-1/4:{\"s\":\"bd\"} 1-5/4@1-5/4:{\"s\":\"bd\"} 1/2-3/4@1/2-3/4:{\"s\":\"bd\",\"speed\":2} "
              "1/4-1/2@1/4-1/2:{\"s\":\"sn\"} 3/2-7/4@3/2-7/4:{\"s\":\"bd\",\"speed\":2} "
              "3/4-1@3/4-1:{\"s\":\"sn\",\"speed\":2} 5/4-3/2@5/4-3/2:{\"s\":\"sn\"} 7/4-2@7/4-2:{\"s\":\"sn\",\"speed\":2}");
}

TEST(Spread, SpreadChooseUsesTidalsRandomness) {
    EXPECT_EQ(events("spreadr fast [1, 2, 4] $ s \"bd sn\"", Time(0), Time(8)),
              "0-1/2@0-1/2:{\"s\":\"bd\"} 1-5/4@1-5/4:{\"s\":\"bd\"} 1/2-1@1/2-1:{\"s\":\"sn\"} "
              "11/2-6@11/2-6:{\"s\":\"sn\"} 11/4-3@11/4-3:{\"s\":\"sn\"} 13/2-7@13/2-7:{\"s\":\"sn\"} "
              "13/4-7/2@13/4-7/2:{\"s\":\"sn\"} 15/2-31/4@15/2-31/4:{\"s\":\"bd\"} 15/4-4@15/4-4:{\"s\":\"sn\"} "
              "17/4-35/8@17/4-35/8:{\"s\":\"bd\"} 19/4-39/8@19/4-39/8:{\"s\":\"bd\"} 2-9/4@2-9/4:{\"s\":\"bd\"} "
              "29/4-15/2@29/4-15/2:{\"s\":\"sn\"} 3-13/4@3-13/4:{\"s\":\"bd\"} 3/2-7/4@3/2-7/4:{\"s\":\"bd\"} "
              "31/4-8@31/4-8:{\"s\":\"sn\"} 33/8-17/4@33/8-17/4:{\"s\":\"sn\"} 35/8-9/2@35/8-9/2:{\"s\":\"sn\"} "
              "37/8-19/4@37/8-19/4:{\"s\":\"sn\"} 39/8-5@39/8-5:{\"s\":\"sn\"} 4-33/8@4-33/8:{\"s\":\"bd\"} "
              "5-11/2@5-11/2:{\"s\":\"bd\"} 5/2-11/4@5/2-11/4:{\"s\":\"bd\"} 5/4-3/2@5/4-3/2:{\"s\":\"sn\"} "
              "6-13/2@6-13/2:{\"s\":\"bd\"} 7-29/4@7-29/4:{\"s\":\"bd\"} 7/2-15/4@7/2-15/4:{\"s\":\"bd\"} "
              "7/4-2@7/4-2:{\"s\":\"sn\"} 9/2-37/8@9/2-37/8:{\"s\":\"bd\"} 9/4-5/2@9/4-5/2:{\"s\":\"sn\"}");
}

TEST(Spread, EmptyListIsSilence) { EXPECT_EQ(events("spread ($) [] $ s \"bd\"", Time(0), Time(4)), ""); }

TEST(Spread, DollarIsAFunctionValue) {
    std::string expected = events("fast 2 $ s \"bd sn\"", Time(0), Time(2));
    EXPECT_FALSE(expected.empty());
    EXPECT_EQ(events("($) (fast 2) $ s \"bd sn\"", Time(0), Time(2)), expected);
    EXPECT_EQ(events("($ s \"bd sn\") (fast 2)", Time(0), Time(2)), expected);
    EXPECT_EQ(events("(fast 2 $) $ s \"bd sn\"", Time(0), Time(2)), expected);
}
