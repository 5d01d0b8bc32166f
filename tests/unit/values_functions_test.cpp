// Value functions (signals, range, run/scan, scales, arp, fix/contrast),
// checked against Tidal 1.7.10 (ghci, queryArc). Expected strings list every
// event as whole@part:value, sorted; numbers are the exact binary value of the
// double (f), note (n) or int (i).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "pattern/lang/library.hpp"
#include "pattern/sample_fx.hpp"
#include "pattern/scales.hpp"
#include "pattern/values.hpp"

#include "builtin_test_support.hpp"

namespace {


Pattern ints(std::vector<int64_t> xs) {
    std::vector<Pattern> ps;
    for (auto x : xs) ps.push_back(I(x));
    return seq(ps);
}
RValue list(std::vector<int64_t> xs) {
    RList items;
    for (auto x : xs) items.push_back(RValue(Value::integer(x)));
    return RValue::list(items);
}
Pattern chord(std::vector<double> xs) {
    std::vector<Pattern> ps;
    for (auto x : xs) ps.push_back(N(x));
    return stack(ps);
}
RValue transform(std::function<Pattern(const Pattern&)> f) {
    return lang::makeFunction([f](const RValue& r) { return RValue(f(r.pattern())); });
}
RValue crush4() { return transform([](const Pattern& p) { return p | ctl("crush", D(4)); }); }
RValue crush3() { return transform([](const Pattern& p) { return p | ctl("crush", D(3)); }); }
RValue vowelA() { return transform([](const Pattern& p) { return p | ctl("vowel", S("a")); }); }
RValue fastBy2() { return transform([](const Pattern& p) { return fast(2, p); }); }

}  // namespace

TEST(ValuesGhci, Signals) {
    EXPECT_EQ(show(fn("sine", {}), Time(0), Time(1, 4)),
              "~@0-1/4:f3844062731816691/4503599627370496") << "sine";
    EXPECT_EQ(show(fn("sine", {}), Time(1, 3), Time(1, 2)),
              "~@1/3-1/2:f3/4") << "sine_b";
    EXPECT_EQ(show(fn("sine", {}), Time(5, 4), Time(3, 2)),
              "~@5/4-3/2:f3844062731816693/4503599627370496") << "sine_c";
    EXPECT_EQ(show(fn("sine2", {}), Time(1, 3), Time(1, 2)),
              "~@1/3-1/2:f9007199254740991/18014398509481984") << "sine2";
    EXPECT_EQ(show(fn("cosine", {}), Time(0), Time(1, 3)),
              "~@0-1/3:f1/4") << "cosine";
    EXPECT_EQ(show(fn("cosine2", {}), Time(1, 7), Time(1, 3)),
              "~@1/7-1/3:f-673108843258365/9007199254740992") << "cosine2";
    EXPECT_EQ(show(fn("saw", {}), Time(16, 3), Time(17, 3)),
              "~@16/3-17/3:f1/2") << "saw";
    EXPECT_EQ(show(fn("saw", {}), Time(-1, 3), Time(-1, 5)),
              "~@-1/3--1/5:f825659931684591/1125899906842624") << "saw_neg";
    EXPECT_EQ(show(fn("saw2", {}), Time(1, 3), Time(1, 2)),
              "~@1/3-1/2:f-1501199875790165/9007199254740992") << "saw2";
    EXPECT_EQ(show(fn("isaw", {}), Time(16, 3), Time(17, 3)),
              "~@16/3-17/3:f1/2") << "isaw";
    EXPECT_EQ(show(fn("isaw2", {}), Time(1, 3), Time(1, 2)),
              "~@1/3-1/2:f1501199875790165/9007199254740992") << "isaw2";
    EXPECT_EQ(show(fn("tri", {}), Time(0), Time(1)),
              "~@0-1/2:f1/2 ~@1/2-1:f1/2") << "tri";
    EXPECT_EQ(show(fn("tri2", {}), Time(1, 3), Time(2, 3)),
              "~@1/2-2/3:f3002399751580331/4503599627370496 ~@1/3-1/2:f3002399751580331/4503599627370496") << "tri2";
    EXPECT_EQ(show(fn("square", {}), Time(0), Time(1)),
              "~@0-1:f1") << "square";
    EXPECT_EQ(show(fn("square", {}), Time(1, 3), Time(3, 4)),
              "~@1/3-3/4:f1") << "square_b";
    EXPECT_EQ(show(fn("square2", {}), Time(1, 3), Time(3, 4)),
              "~@1/3-3/4:f1") << "square2";
    EXPECT_EQ(show(fn("envL", {}), Time(1, 3), Time(1, 2)),
              "~@1/3-1/2:f7505999378950827/18014398509481984") << "envL";
    EXPECT_EQ(show(fn("envL", {}), Time(1), Time(2)),
              "~@1-2:f1") << "envL2";
    EXPECT_EQ(show(fn("envLR", {}), Time(1, 3), Time(1, 2)),
              "~@1/3-1/2:f2627099782632789/4503599627370496") << "envLR";
    EXPECT_EQ(show(fn("envEq", {}), Time(1, 3), Time(1, 2)),
              "~@1/3-1/2:f2005686753222701/2251799813685248") << "envEq";
    EXPECT_EQ(show(fn("envEqR", {}), Time(1, 3), Time(1, 2)),
              "~@1/3-1/2:f7027701944180385/9007199254740992") << "envEqR";
    EXPECT_EQ(show(fn("envEq", {}), Time(-1, 2), Time(-1, 4)),
              "~@-1/2--1/4:f1") << "envEqneg";
}

TEST(ValuesGhci, Range) {
    EXPECT_EQ(show(fn("range", {D(1), D(5), fn("sine", {})}), Time(0), Time(1, 2)),
              "~@0-1/2:f5") << "range";
    EXPECT_EQ(show(fn("range", {seq({D(1), D(2)}), seq({D(5), cat({D(6), D(7)})}), seq({D(0), D(0.25), D(0.5)})}), Time(0), Time(2)),
              "0-1/3@0-1/3:f1 1-4/3@1-4/3:f1 1/3-2/3@1/2-2/3:f3 1/3-2/3@1/3-1/2:f2 2/3-1@2/3-1:f4 4/3-5/3@3/2-5/3:f13/4 4/3-5/3@4/3-3/2:f2 5/3-2@5/3-2:f9/2") << "range_pat";
    EXPECT_EQ(show(fn("quantise", {Value::dbl(1), seq({D(0.5), D(1.5), D(2.5), D(-0.5), D(0.49)})}), Time(0), Time(1)),
              "0-1/5@0-1/5:f0 1/5-2/5@1/5-2/5:f2 2/5-3/5@2/5-3/5:f2 3/5-4/5@3/5-4/5:f0 4/5-1@4/5-1:f0") << "quantise";
    EXPECT_EQ(show(fn("quantise", {Value::dbl(4), seq({D(0.3), D(0.125)})}), Time(0), Time(1)),
              "0-1/2@0-1/2:f1/4 1/2-1@1/2-1:f0") << "quantise4";
}

TEST(ValuesGhci, RunScan) {
    EXPECT_EQ(show(fn("run", {I(4)}), Time(0), Time(1)),
              "0-1/4@0-1/4:i0 1/2-3/4@1/2-3/4:i2 1/4-1/2@1/4-1/2:i1 3/4-1@3/4-1:i3") << "run4";
    EXPECT_EQ(show(fn("run", {seq({cat({I(4), I(2)}), seq({I(2), I(3)})})}), Time(0), Time(2)),
              "0-1/4@0-1/4:i0 1-3/2@1-3/2:i0 1/2-3/4@1/2-3/4:i1 1/4-1/2@1/4-1/2:i1 3/2-7/4@3/2-7/4:i1 3/4-1@3/4-1:i2 7/4-2@7/4-2:i2") << "run_pat";
    EXPECT_EQ(show(fn("run", {D(2.5)}), Time(0), Time(1)),
              "0-1/3@0-1/3:f0 1/3-2/3@1/3-2/3:f1 2/3-1@2/3-1:f2") << "run_d";
    EXPECT_EQ(show(fn("run", {D(2.4)}), Time(0), Time(1)),
              "0-1/2@0-1/2:f0 1/2-1@1/2-1:f1") << "run_d2";
    EXPECT_EQ(show(fn("run", {I(0)}), Time(0), Time(1)),
              "") << "run0";
    EXPECT_EQ(show(fn("run", {I(3)}), Time(1, 6), Time(5, 6)),
              "0-1/3@1/6-1/3:i0 1/3-2/3@1/3-2/3:i1 2/3-1@2/3-5/6:i2") << "run_frag";
    EXPECT_EQ(show(fn("scan", {I(3)}), Time(0), Time(4)),
              "0-1@0-1:i0 1-3/2@1-3/2:i0 2-7/3@2-7/3:i0 3-4@3-4:i0 3/2-2@3/2-2:i1 7/3-8/3@7/3-8/3:i1 8/3-3@8/3-3:i2") << "scan3";
    EXPECT_EQ(show(fn("scan", {D(2.6)}), Time(0), Time(3)),
              "0-1@0-1:f0 1-3/2@1-3/2:f0 2-7/3@2-7/3:f0 3/2-2@3/2-2:f1 7/3-8/3@7/3-8/3:f1 8/3-3@8/3-3:f2") << "scan_d";
}

TEST(ValuesGhci, Scales) {
    EXPECT_EQ(show(fn("scale", {S("major"), ints({0,1,2,3,4,5,6,7})}), Time(0), Time(1)),
              "0-1/8@0-1/8:f0 1/2-5/8@1/2-5/8:f7 1/4-3/8@1/4-3/8:f4 1/8-1/4@1/8-1/4:f2 3/4-7/8@3/4-7/8:f11 3/8-1/2@3/8-1/2:f5 5/8-3/4@5/8-3/4:f9 7/8-1@7/8-1:f12") << "scale_major";
    EXPECT_EQ(show(fn("scale", {cat({S("major"), S("minor")}), ints({0,-1,9})}), Time(0), Time(2)),
              "0-1/3@0-1/3:f0 1-4/3@1-4/3:f0 1/3-2/3@1/3-2/3:f-1 2/3-1@2/3-1:f16 4/3-5/3@4/3-5/3:f-2 5/3-2@5/3-2:f15") << "scale_pat";
    EXPECT_EQ(show(fn("scale", {S("nope"), ints({1,13})}), Time(0), Time(1)),
              "0-1/2@0-1/2:f12 1/2-1@1/2-1:f156") << "scale_unknown";
    EXPECT_EQ(show(fn("scale", {S("bayati"), ints({1,8,-6})}), Time(0), Time(1)),
              "0-1/3@0-1/3:f3/2 1/3-2/3@1/3-2/3:f27/2 2/3-1@2/3-1:f-21/2") << "scale_bayati";
    EXPECT_EQ(show(fn("scale", {words("major minor"), ints({0,2})}), Time(0), Time(1)),
              "0-1/2@0-1/2:f0 1/2-1@1/2-1:f3") << "scale_struct";
    EXPECT_EQ(show(fn("toScale", {list({0,4,7}), ints({0,1,2,3,-1})}), Time(0), Time(1)),
              "0-1/5@0-1/5:i0 1/5-2/5@1/5-2/5:i4 2/5-3/5@2/5-3/5:i7 3/5-4/5@3/5-4/5:i12 4/5-1@4/5-1:i-5") << "toScale";
    EXPECT_EQ(show(fn("toScale'", {Value::integer(24), list({0,4,7,10,14,17}), fn("run", {I(8)})}), Time(0), Time(1)),
              "0-1/8@0-1/8:i0 1/2-5/8@1/2-5/8:i14 1/4-3/8@1/4-3/8:i7 1/8-1/4@1/8-1/4:i4 3/4-7/8@3/4-7/8:i24 3/8-1/2@3/8-1/2:i10 5/8-3/4@5/8-3/4:i17 7/8-1@7/8-1:i28") << "toScale'";
    EXPECT_EQ(show(fn("toScale", {RValue::list({RValue(Value::dbl(0)), RValue(Value::dbl(1.5))}), I(3)}), Time(0), Time(1)),
              "0-1@0-1:f27/2") << "toScale_d";
}

TEST(ValuesGhci, Arp) {
    EXPECT_EQ(show(fn("arp", {S("up"), seq({chord({0,4,7,11}), chord({2,5})})}), Time(0), Time(1)),
              "0-1/8@0-1/8:n0 1/2-3/4@1/2-3/4:n2 1/4-3/8@1/4-3/8:n7 1/8-1/4@1/8-1/4:n4 3/4-1@3/4-1:n5 3/8-1/2@3/8-1/2:n11") << "arp_up";
    EXPECT_EQ(show(fn("arp", {S("down"), seq({chord({0,4,7,11}), chord({2,5})})}), Time(0), Time(1)),
              "0-1/8@0-1/8:n11 1/2-3/4@1/2-3/4:n5 1/4-3/8@1/4-3/8:n4 1/8-1/4@1/8-1/4:n7 3/4-1@3/4-1:n2 3/8-1/2@3/8-1/2:n0") << "arp_down";
    EXPECT_EQ(show(fn("arp", {S("updown"), seq({chord({0,4,7,11}), chord({2,5})})}), Time(0), Time(1)),
              "0-1/12@0-1/12:n0 1/12-1/6@1/12-1/6:n4 1/2-3/4@1/2-3/4:n2 1/3-5/12@1/3-5/12:n7 1/4-1/3@1/4-1/3:n11 1/6-1/4@1/6-1/4:n7 3/4-1@3/4-1:n5 5/12-1/2@5/12-1/2:n4") << "arp_updown";
    EXPECT_EQ(show(fn("arp", {S("downup"), seq({chord({0,4,7,11}), chord({2,5})})}), Time(0), Time(1)),
              "0-1/12@0-1/12:n11 1/12-1/6@1/12-1/6:n7 1/2-3/4@1/2-3/4:n5 1/3-5/12@1/3-5/12:n4 1/4-1/3@1/4-1/3:n0 1/6-1/4@1/6-1/4:n4 3/4-1@3/4-1:n2 5/12-1/2@5/12-1/2:n7") << "arp_downup";
    EXPECT_EQ(show(fn("arp", {S("up&down"), seq({chord({0,4,7,11}), chord({2,5})})}), Time(0), Time(1)),
              "0-1/16@0-1/16:n0 1/16-1/8@1/16-1/8:n4 1/2-5/8@1/2-5/8:n2 1/4-5/16@1/4-5/16:n11 1/8-3/16@1/8-3/16:n7 3/16-1/4@3/16-1/4:n11 3/4-7/8@3/4-7/8:n5 3/8-7/16@3/8-7/16:n4 5/16-3/8@5/16-3/8:n7 5/8-3/4@5/8-3/4:n5 7/16-1/2@7/16-1/2:n0 7/8-1@7/8-1:n2") << "arp_up&down";
    EXPECT_EQ(show(fn("arp", {S("down&up"), seq({chord({0,4,7,11}), chord({2,5})})}), Time(0), Time(1)),
              "0-1/16@0-1/16:n11 1/16-1/8@1/16-1/8:n7 1/2-5/8@1/2-5/8:n5 1/4-5/16@1/4-5/16:n0 1/8-3/16@1/8-3/16:n4 3/16-1/4@3/16-1/4:n0 3/4-7/8@3/4-7/8:n2 3/8-7/16@3/8-7/16:n7 5/16-3/8@5/16-3/8:n4 5/8-3/4@5/8-3/4:n2 7/16-1/2@7/16-1/2:n11 7/8-1@7/8-1:n5") << "arp_down&up";
    EXPECT_EQ(show(fn("arp", {S("converge"), seq({chord({0,4,7,11}), chord({2,5})})}), Time(0), Time(1)),
              "0-1/8@0-1/8:n0 1/2-3/4@1/2-3/4:n2 1/4-3/8@1/4-3/8:n4 1/8-1/4@1/8-1/4:n11 3/4-1@3/4-1:n5 3/8-1/2@3/8-1/2:n7") << "arp_converge";
    EXPECT_EQ(show(fn("arp", {S("diverge"), seq({chord({0,4,7,11}), chord({2,5})})}), Time(0), Time(1)),
              "0-1/8@0-1/8:n7 1/2-3/4@1/2-3/4:n5 1/4-3/8@1/4-3/8:n11 1/8-1/4@1/8-1/4:n4 3/4-1@3/4-1:n2 3/8-1/2@3/8-1/2:n0") << "arp_diverge";
    EXPECT_EQ(show(fn("arp", {S("disconverge"), seq({chord({0,4,7,11}), chord({2,5})})}), Time(0), Time(1)),
              "0-1/14@0-1/14:n0 1/14-1/7@1/14-1/7:n11 1/2-2/3@1/2-2/3:n2 1/7-3/14@1/7-3/14:n4 2/3-5/6@2/3-5/6:n5 2/7-5/14@2/7-5/14:n4 3/14-2/7@3/14-2/7:n7 3/7-1/2@3/7-1/2:n0 5/14-3/7@5/14-3/7:n11 5/6-1@5/6-1:n2") << "arp_disconverge";
    EXPECT_EQ(show(fn("arp", {S("pinkyup"), seq({chord({0,4,7,11}), chord({2,5})})}), Time(0), Time(1)),
              "0-1/12@0-1/12:n0 1/12-1/6@1/12-1/6:n11 1/2-3/4@1/2-3/4:n2 1/3-5/12@1/3-5/12:n7 1/4-1/3@1/4-1/3:n11 1/6-1/4@1/6-1/4:n4 3/4-1@3/4-1:n5 5/12-1/2@5/12-1/2:n11") << "arp_pinkyup";
    EXPECT_EQ(show(fn("arp", {S("pinkyupdown"), seq({chord({0,4,7,11}), chord({2,5})})}), Time(0), Time(1)),
              "0-1/20@0-1/20:n0 1/10-3/20@1/10-3/20:n4 1/2-3/4@1/2-3/4:n2 1/20-1/10@1/20-1/10:n11 1/4-3/10@1/4-3/10:n11 1/5-1/4@1/5-1/4:n7 2/5-9/20@2/5-9/20:n4 3/10-7/20@3/10-7/20:n7 3/20-1/5@3/20-1/5:n11 3/4-1@3/4-1:n5 7/20-2/5@7/20-2/5:n11 9/20-1/2@9/20-1/2:n11") << "arp_pinkyupdown";
    EXPECT_EQ(show(fn("arp", {S("thumbup"), seq({chord({0,4,7,11}), chord({2,5})})}), Time(0), Time(1)),
              "0-1/12@0-1/12:n0 1/12-1/6@1/12-1/6:n4 1/2-3/4@1/2-3/4:n2 1/3-5/12@1/3-5/12:n0 1/4-1/3@1/4-1/3:n7 1/6-1/4@1/6-1/4:n0 3/4-1@3/4-1:n5 5/12-1/2@5/12-1/2:n11") << "arp_thumbup";
    EXPECT_EQ(show(fn("arp", {S("thumbupdown"), seq({chord({0,4,7,11}), chord({2,5})})}), Time(0), Time(1)),
              "0-1/20@0-1/20:n0 1/10-3/20@1/10-3/20:n0 1/2-3/4@1/2-3/4:n2 1/20-1/10@1/20-1/10:n4 1/4-3/10@1/4-3/10:n11 1/5-1/4@1/5-1/4:n0 2/5-9/20@2/5-9/20:n0 3/10-7/20@3/10-7/20:n0 3/20-1/5@3/20-1/5:n7 3/4-1@3/4-1:n5 7/20-2/5@7/20-2/5:n7 9/20-1/2@9/20-1/2:n4") << "arp_thumbupdown";
    EXPECT_EQ(show(fn("arp", {S("nonsense"), seq({chord({0,4,7,11}), chord({2,5})})}), Time(0), Time(1)),
              "0-1/8@0-1/8:n0 1/2-3/4@1/2-3/4:n2 1/4-3/8@1/4-3/8:n7 1/8-1/4@1/8-1/4:n4 3/4-1@3/4-1:n5 3/8-1/2@3/8-1/2:n11") << "arp_nonsense";
    EXPECT_EQ(show(fn("arp", {cat({S("up"), S("down")}), chord({0,4,7})}), Time(0), Time(2)),
              "0-1/3@0-1/3:n0 1-4/3@1-4/3:n7 1/3-2/3@1/3-2/3:n4 2/3-1@2/3-1:n7 4/3-5/3@4/3-5/3:n4 5/3-2@5/3-2:n0") << "arp_pat";
    EXPECT_EQ(show(fn("arp", {S("up"), chord({0,4,7})}), Time(1, 4), Time(3, 4)),
              "0-1/3@1/4-1/3:n0 1/3-2/3@1/3-2/3:n4 2/3-1@2/3-3/4:n7") << "arp_frag";
    EXPECT_EQ(show(fn("arpg", {seq({chord({0,4}), chord({1,2,3})})}), Time(0), Time(1)),
              "0-1/4@0-1/4:n0 1/2-2/3@1/2-2/3:n1 1/4-1/2@1/4-1/2:n4 2/3-5/6@2/3-5/6:n2 5/6-1@5/6-1:n3") << "arpg";
    EXPECT_EQ(show(fn("arp", {S("up"), slow(2, chord({0,4}))}), Time(0), Time(2)),
              "0-1@0-1:n0 1-2@1-2:n4") << "arp_slow";
}

TEST(ValuesGhci, Fix) {
    EXPECT_EQ(show(fn("fix", {crush4(), ctl("n", N(1)), ctl("s", fast(4, S("x"))) | ctl("n", seq({N(0), N(1)}))}), Time(0), Time(1)),
              "0-1/4@0-1/4:{n=n0,s=\"x\"} 1/2-3/4@1/2-3/4:{crush=f4,n=n1,s=\"x\"} 1/4-1/2@1/4-1/2:{n=n0,s=\"x\"} 3/4-1@3/4-1:{crush=f4,n=n1,s=\"x\"}") << "fix";
    EXPECT_EQ(show(fn("fix", {crush4(), ctl("n", N(1)), ctl("s", words("drum:1 drum:0"))}), Time(0), Time(1)),
              "0-1/2@0-1/2:{n=f1,s=\"drum\"} 1/2-1@1/2-1:{n=f0,s=\"drum\"}") << "fix_vf";
    EXPECT_EQ(show(fn("fix", {fastBy2(), ctl("s", S("hh")), ctl("s", words("bd hh"))}), Time(0), Time(1)),
              "0-1/2@0-1/2:{s=\"bd\"} 1/4-1/2@1/4-1/2:{s=\"hh\"} 3/4-1@3/4-1:{s=\"hh\"}") << "fix_fast";
    EXPECT_EQ(show(fn("unfix", {crush4(), ctl("s", S("hh")), ctl("s", words("bd hh")) | ctl("n", N(1))}), Time(0), Time(1)),
              "0-1/2@0-1/2:{crush=f4,n=n1,s=\"bd\"} 1/2-1@1/2-1:{n=n1,s=\"hh\"}") << "unfix";
    EXPECT_EQ(show(fn("contrast", {crush3(), vowelA(), ctl("n", N(1)), ctl("n", seq({N(0), N(1)})) | ctl("s", words("bd sn")) | ctl("speed", D(3))}), Time(0), Time(1)),
              "0-1/2@0-1/2:{n=n0,s=\"bd\",speed=f3,vowel=\"a\"} 1/2-1@1/2-1:{crush=f3,n=n1,s=\"sn\",speed=f3}") << "contrast";
    EXPECT_EQ(show(fn("contrast", {crush3(), vowelA(), ctl("n", N(1)) | ctl("s", S("sn")), ctl("n", seq({N(0), N(1), N(1)})) | ctl("s", S("sn"))}), Time(0), Time(1)),
              "0-1/3@0-1/3:{n=n0,s=\"sn\",vowel=\"a\"} 1/3-2/3@1/3-2/3:{crush=f3,n=n1,s=\"sn\"} 2/3-1@2/3-1:{crush=f3,n=n1,s=\"sn\"}") << "contrast_multi";
    EXPECT_EQ(show(fn("fix", {crush4(), ctl("cut", I(1)), ctl("s", words("a b")) | ctl("cut", seq({I(1), I(2)}))}), Time(0), Time(1)),
              "0-1/2@0-1/2:{crush=f4,cut=i1,s=\"a\"} 1/2-1@1/2-1:{cut=i2,s=\"b\"}") << "fix_int";
    EXPECT_EQ(show(fn("fix", {crush4(), ctl("s", cat({S("a"), S("b")})), ctl("s", words("a b"))}), Time(0), Time(2)),
              "0-1/2@0-1/2:{crush=f4,s=\"a\"} 1-3/2@1-3/2:{s=\"a\"} 1/2-1@1/2-1:{s=\"b\"} 3/2-2@3/2-2:{crush=f4,s=\"b\"}") << "fix_pat";
}

TEST(ValuesGhci, ScaleList) {
    EXPECT_EQ(scaleTable().size(), 76u);
    EXPECT_EQ(call("scaleList", {}).value().asSymbol().str(), scaleList());
    EXPECT_EQ(scaleList(),
              "minPent majPent ritusen egyptian kumai hirajoshi iwato chinese indian pelog prometheus scriabin gong "
              "shang jiao zhi yu whole wholetone augmented augmented2 hexMajor7 hexDorian hexPhrygian hexSus "
              "hexMajor6 hexAeolian major ionian dorian phrygian lydian mixolydian aeolian minor locrian "
              "harmonicMinor harmonicMajor melodicMinor melodicMinorDesc melodicMajor bartok hindu todi purvi marva "
              "bhairav ahirbhairav superLocrian romanianMinor hungarianMinor neapolitanMinor enigmatic spanish "
              "leadingWhole lydianMinor neapolitanMajor locrianMajor diminished octatonic diminished2 octatonic2 "
              "messiaen1 messiaen2 messiaen3 messiaen4 messiaen5 messiaen6 messiaen7 chromatic bayati hijaz sikah "
              "rast saba iraq");
    EXPECT_EQ(call("scaleTable", {}).items().size(), 76u);
}

TEST(ValuesGhci, RangeAndQuantiseOfSegments) {
    // range 1 5 $ segment 4 sine ; rangex 20 2000 $ segment 2 sine
    Pattern seg4 = seq({D((std::sin(std::numbers::pi * 2 * 0.125) + 1) / 2), D((std::sin(std::numbers::pi * 2 * 0.375) + 1) / 2),
                        D((std::sin(std::numbers::pi * 2 * 0.625) + 1) / 2), D((std::sin(std::numbers::pi * 2 * 0.875) + 1) / 2)});
    EXPECT_EQ(show(fn("range", {D(1), D(5), seg4}), 0, 1), "0-1/4@0-1/4:f4969962638659315/1125899906842624 1/2-3/4@1/2-3/4:f1785436802396429/1125899906842624 1/4-1/2@1/4-1/2:f4969962638659315/1125899906842624 3/4-1@3/4-1:f3570873604792857/2251799813685248");
    Pattern seg2 = seq({D((std::sin(std::numbers::pi * 2 * 0.25) + 1) / 2), D((std::sin(std::numbers::pi * 2 * 0.75) + 1) / 2)});
    EXPECT_EQ(show(fn("rangex", {Value::dbl(20), Value::dbl(2000), seg2}), 0, 1), "0-1/2@0-1/2:f8796093022207999/4398046511104 1/2-1@1/2-1:f5629499534213119/281474976710656");
}

TEST(ValuesGhci, QuantiseFamily) {
    EXPECT_EQ(show(fn("qfloor", {Value::dbl(2), seq({D(0.3), D(0.75), D(-0.3), D(1.5)})}), 0, 1),
              "0-1/4@0-1/4:f0 1/2-3/4@1/2-3/4:f-1/2 1/4-1/2@1/4-1/2:f1/2 3/4-1@3/4-1:f3/2") << "qfloor";
    EXPECT_EQ(show(fn("qceiling", {Value::dbl(2), seq({D(0.3), D(0.75), D(-0.3), D(1.5)})}), 0, 1),
              "0-1/4@0-1/4:f1/2 1/2-3/4@1/2-3/4:f0 1/4-1/2@1/4-1/2:f1 3/4-1@3/4-1:f3/2") << "qceiling";
    EXPECT_EQ(show(fn("qround", {Value::dbl(2), seq({D(0.3), D(0.75), D(-0.3), D(1.25)})}), 0, 1),
              "0-1/4@0-1/4:f1/2 1/2-3/4@1/2-3/4:f-1/2 1/4-1/2@1/4-1/2:f1 3/4-1@3/4-1:f1") << "qround";
    EXPECT_EQ(show(fn("quantise", {Value::dbl(2), seq({D(0.25), D(0.75), D(-0.25)})}), 0, 1),
              "0-1/3@0-1/3:f0 1/3-2/3@1/3-2/3:f1 2/3-1@2/3-1:f0") << "quantise_h";
}
