// Controls and sample functions, checked against Tidal 1.7.10 (ghci, queryArc).
// Expected strings list every event as whole@part:value, sorted; numbers are
// printed as the exact binary value of the double (f), note (n) or int (i).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "pattern/controls.hpp"
#include "pattern/lang/library.hpp"
#include "pattern/sample_fx.hpp"

#include "builtin_test_support.hpp"

namespace {

Pattern Q(Time t) { return pure(Value::rational(t)); }

}  // namespace

TEST(ControlTable, HasEveryControlWithTypes) {
    EXPECT_GE(controlTable().size(), 190u);
    std::set<std::string_view> seen;
    for (const auto& c : controlTable()) {
        EXPECT_TRUE(seen.insert(c.name).second) << c.name;
        for (auto a : c.aliases) EXPECT_TRUE(seen.insert(a).second) << a;
        EXPECT_FALSE(c.doc.empty()) << c.name;
        EXPECT_NE(lang::standardLibrary().find(c.name), nullptr) << c.name;
        for (auto a : c.aliases) EXPECT_NE(lang::standardLibrary().find(a), nullptr) << a;
    }
    auto type = [](const char* n) { return findControl(n)->type; };
    EXPECT_EQ(type("n"), ControlType::Note);
    EXPECT_EQ(type("up"), ControlType::Note);
    EXPECT_EQ(type("orbit"), ControlType::Int);
    EXPECT_EQ(type("cut"), ControlType::Int);
    EXPECT_EQ(type("channel"), ControlType::Int);
    EXPECT_EQ(type("octave"), ControlType::Int);
    EXPECT_EQ(type("vowel"), ControlType::String);
    EXPECT_EQ(type("unit"), ControlType::String);
    EXPECT_EQ(type("speed"), ControlType::Double);
    EXPECT_EQ(type("lpf"), ControlType::Double);
    EXPECT_EQ(findControl("lpf")->name, "cutoff");
    EXPECT_EQ(findControl("delayt")->name, "delaytime");
    EXPECT_EQ(findControl("s")->name, "sound");
    EXPECT_EQ(lang::standardLibrary().find("lpf")->signature, "Pattern Double -> ControlPattern");
    EXPECT_EQ(lang::standardLibrary().find("n")->signature, "Pattern Note -> ControlPattern");
    EXPECT_EQ(lang::standardLibrary().find("s")->signature, "Pattern String -> ControlPattern");
    EXPECT_EQ(drumNumber("bd"), 36);
    EXPECT_EQ(drumNumber("os"), 87);
    EXPECT_EQ(drumNumber("zz"), 0);
}

TEST(Controls, SoundSplitsIndexAsDouble) {
    EXPECT_EQ(show(ctl("s", words("bd:3 sn")) | ctl("cut", I(1)), 0, 1),
              "0-1/2@0-1/2:{cut=i1,n=f3,s=\"bd\"} 1/2-1@1/2-1:{cut=i1,s=\"sn\"}");
    EXPECT_EQ(show(ctl("sound", words("bd:3:5 sn:x bd::2 sn:0x10")), 0, 1),
              "0-1/4@0-1/4:{n=f3,s=\"bd\"} 1/2-3/4@1/2-3/4:{n=f2,s=\"bd\"} 1/4-1/2@1/4-1/2:{s=\"sn\"} "
              "3/4-1@3/4-1:{n=f16,s=\"sn\"}");
    EXPECT_EQ(show(ctl("s", words("bd sn")), Time(1, 4), Time(3, 4)),
              "0-1/2@1/4-1/2:{s=\"bd\"} 1/2-1@1/2-3/4:{s=\"sn\"}");
}

TEST(Controls, ValueTypes) {
    Pattern p = ctl("n", N(1)) | ctl("note", N(2)) | ctl("up", N(3)) | ctl("speed", D(2)) | ctl("orbit", I(1)) |
                ctl("vowel", S("a")) | ctl("gain", D(1.2)) | ctl("channel", I(2)) | ctl("cps", D(0.5)) |
                ctl("legato", D(1)) | ctl("unit", S("c")) | ctl("toArg", S("freq")) | ctl("octave", I(4)) |
                ctl("lpf", D(100)) | ctl("sz", D(0.3)) | ctl("delayt", D(0.2)) | ctl("coarse", D(3));
    EXPECT_EQ(show(p, 0, 1),
              "0-1@0-1:{channel=i2,coarse=f3,cps=f1/2,cutoff=f100,delaytime=f3602879701896397/18014398509481984,"
              "gain=f5404319552844595/4503599627370496,legato=f1,n=n1,note=n3,octave=i4,orbit=i1,"
              "size=f5404319552844595/18014398509481984,speed=f2,toArg=\"freq\",unit=\"c\",vowel=\"a\"}");
    Pattern q = ctl("lpq", D(0.1)) | ctl("hpf", D(200)) | ctl("hpq", D(0.2)) | ctl("bpf", D(300)) |
                ctl("bpq", D(0.3)) | ctl("delayfb", D(0.4)) | ctl("att", D(0.01)) | ctl("rel", D(0.5)) |
                ctl("sus", D(1)) | ctl("number", N(2)) | ctl("det", D(1)) | ctl("voi", D(0.3));
    EXPECT_EQ(show(q, 0, 1),
              "0-1@0-1:{attack=f5764607523034235/576460752303423488,bandf=f300,"
              "bandq=f5404319552844595/18014398509481984,delayfeedback=f3602879701896397/9007199254740992,"
              "detune=f1,hcutoff=f200,hresonance=f3602879701896397/18014398509481984,n=n2,release=f1/2,"
              "resonance=f3602879701896397/36028797018963968,sustain=f1,voice=f5404319552844595/18014398509481984}");
}

TEST(Controls, GroupedAndDerived) {
    EXPECT_EQ(show(ctl("cc", S("1:2")) | ctl("nrpn", S("3:4")) | ctl("grain'", S("0.1:0.2")), 0, 1),
              "0-1@0-1:{begin=f3602879701896397/36028797018963968,ccn=f1,ccv=f2,"
              "end=f3602879701896397/18014398509481984,nrpn=i3,val=i4}");
    EXPECT_EQ(show(ctl("midinote", seq({N(62), N(60)})), 0, 1), "0-1/2@0-1/2:{note=n2} 1/2-1@1/2-1:{note=n0}");
    EXPECT_EQ(show(ctl("drum", words("bd sn os xx")), 0, 1),
              "0-1/4@0-1/4:{n=n-24} 1/2-3/4@1/2-3/4:{n=n27} 1/4-1/2@1/4-1/2:{n=n-22} 3/4-1@3/4-1:{n=n-60}");
}

TEST(Controls, HaskellReadForDoubles) {
    // readMaybe :: Maybe Double, from ghci.
    EXPECT_FALSE(readHaskellDouble("0b11"));
    EXPECT_EQ(*readHaskellDouble("0o17"), 15.0);
    EXPECT_EQ(*readHaskellDouble("0X1f"), 31.0);
    EXPECT_EQ(*readHaskellDouble("-0x10"), -16.0);
    EXPECT_TRUE(std::isnan(*readHaskellDouble("NaN")));
    EXPECT_EQ(*readHaskellDouble("-Infinity"), -INFINITY);
    EXPECT_EQ(*readHaskellDouble("1E2"), 100.0);
    EXPECT_EQ(*readHaskellDouble("1e+2"), 100.0);
    EXPECT_EQ(*readHaskellDouble("1e-2"), 0.01);
    EXPECT_FALSE(readHaskellDouble("1."));
    EXPECT_FALSE(readHaskellDouble("-.5"));
    EXPECT_FALSE(readHaskellDouble(".5"));
    EXPECT_FALSE(readHaskellDouble("1_0"));
    EXPECT_FALSE(readHaskellDouble("+1"));
    EXPECT_EQ(*readHaskellDouble(" 1"), 1.0);
    EXPECT_EQ(*readHaskellDouble("- 1"), -1.0);
    EXPECT_FALSE(readHaskellDouble("--1"));
    EXPECT_EQ(*readHaskellDouble("(1)"), 1.0);
    EXPECT_EQ(*readHaskellDouble("1e500"), INFINITY);
    EXPECT_EQ(*readHaskellDouble("007"), 7.0);
    EXPECT_FALSE(readHaskellDouble("1.5e"));
    EXPECT_FALSE(readHaskellDouble("0x"));
    EXPECT_EQ(*readHaskellDouble("1.25E-1"), 0.125);
    // readMaybe :: Maybe Int
    EXPECT_FALSE(readHaskellInt("1e2"));
    EXPECT_FALSE(readHaskellInt("1.0"));
    EXPECT_EQ(*readHaskellInt("0x10"), 16);
    EXPECT_EQ(*readHaskellInt("-3"), -3);
    EXPECT_EQ(*readHaskellInt("99999999999999999999"), 7766279631452241919);
    EXPECT_EQ(*readHaskellInt("-0o7"), -7);
    EXPECT_FALSE(readHaskellInt("NaN"));
}

TEST(SampleFx, Chop) {
    Pattern ab = ctl("s", words("a b"));
    EXPECT_EQ(show(fn("chop", {I(2), ab | ctl("begin", D(0.25))}), 0, 1),
              "0-1/4@0-1/4:{begin=f1/4,end=f5/8,s=\"a\"} 1/2-3/4@1/2-3/4:{begin=f1/4,end=f5/8,s=\"b\"} "
              "1/4-1/2@1/4-1/2:{begin=f5/8,end=f1,s=\"a\"} 3/4-1@3/4-1:{begin=f5/8,end=f1,s=\"b\"}");
    EXPECT_EQ(show(fn("chop", {I(3), slow(2, ctl("s", S("a"))) | ctl("end", D(0.5))}), Time(1, 3), Time(5, 3)),
              "0-2/3@1/3-2/3:{begin=f0,end=f6004799503160661/36028797018963968,s=\"a\"} "
              "2/3-4/3@1-4/3:{begin=f6004799503160661/36028797018963968,end=f6004799503160661/18014398509481984,s=\"a\"} "
              "2/3-4/3@2/3-1:{begin=f6004799503160661/36028797018963968,end=f6004799503160661/18014398509481984,s=\"a\"} "
              "4/3-2@4/3-5/3:{begin=f6004799503160661/18014398509481984,end=f1/2,s=\"a\"}");
    EXPECT_EQ(show(fn("chop", {cat({I(2), I(3)}), ctl("s", S("a"))}), 0, 2),
              "0-1/2@0-1/2:{begin=f0,end=f1/2,s=\"a\"} 1-4/3@1-4/3:{begin=f0,end=f6004799503160661/18014398509481984,s=\"a\"} "
              "1/2-1@1/2-1:{begin=f1/2,end=f1,s=\"a\"} "
              "4/3-5/3@4/3-5/3:{begin=f6004799503160661/18014398509481984,end=f6004799503160661/9007199254740992,s=\"a\"} "
              "5/3-2@5/3-2:{begin=f6004799503160661/9007199254740992,end=f1,s=\"a\"}");
    EXPECT_EQ(show(fn("chop", {I(4), ctl("s", S("a"))}), Time(1, 3), Time(3, 4)),
              "1/2-3/4@1/2-3/4:{begin=f1/2,end=f3/4,s=\"a\"} 1/4-1/2@1/3-1/2:{begin=f1/4,end=f1/2,s=\"a\"}");
}

TEST(SampleFx, Striate) {
    EXPECT_EQ(show(fn("striate", {I(3), ctl("s", words("a b")) | ctl("end", D(0.5))}), 0, 1),
              "0-1/6@0-1/6:{begin=f0,end=f6004799503160661/36028797018963968,s=\"a\"} "
              "1/2-2/3@1/2-2/3:{begin=f6004799503160661/36028797018963968,end=f6004799503160661/18014398509481984,s=\"b\"} "
              "1/3-1/2@1/3-1/2:{begin=f6004799503160661/36028797018963968,end=f6004799503160661/18014398509481984,s=\"a\"} "
              "1/6-1/3@1/6-1/3:{begin=f0,end=f6004799503160661/36028797018963968,s=\"b\"} "
              "2/3-5/6@2/3-5/6:{begin=f6004799503160661/18014398509481984,end=f1/2,s=\"a\"} "
              "5/6-1@5/6-1:{begin=f6004799503160661/18014398509481984,end=f1/2,s=\"b\"}");
    EXPECT_EQ(show(fn("striate", {cat({I(1), I(2)}), ctl("s", S("a"))}), 0, 2),
              "0-1@0-1:{begin=f0,end=f1,s=\"a\"} 1-3/2@1-3/2:{begin=f0,end=f1/2,s=\"a\"} "
              "3/2-2@3/2-2:{begin=f1/2,end=f1,s=\"a\"}");
    EXPECT_EQ(show(fn("striateBy", {I(2), D(0.5), ctl("s", words("a b"))}), 0, 1),
              "0-1/4@0-1/4:{begin=f0,end=f1/2,s=\"a\"} 1/2-3/4@1/2-3/4:{begin=f1/4,end=f3/4,s=\"a\"} "
              "1/4-1/2@1/4-1/2:{begin=f0,end=f1/2,s=\"b\"} 3/4-1@3/4-1:{begin=f1/4,end=f3/4,s=\"b\"}");
    EXPECT_EQ(show(fn("striate'", {I(3), D(1.0 / 3), ctl("s", S("a"))}), 0, 1),
              "0-1/3@0-1/3:{begin=f0,end=f6004799503160661/18014398509481984,s=\"a\"} "
              "1/3-2/3@1/3-2/3:{begin=f8006399337547549/36028797018963968,end=f2501999792983609/4503599627370496,s=\"a\"} "
              "2/3-1@2/3-1:{begin=f8006399337547549/18014398509481984,end=f7005599420354105/9007199254740992,s=\"a\"}");
}

TEST(SampleFx, SliceAndSplice) {
    Pattern bev = ctl("s", S("bev"));
    EXPECT_EQ(show(fn("slice", {I(4), seq({I(0), I(2), I(-1)}), bev}), 0, 1),
              "0-1/3@0-1/3:{begin=f0,end=f1/4,s=\"bev\"} 1/3-2/3@1/3-2/3:{begin=f1/2,end=f3/4,s=\"bev\"} "
              "2/3-1@2/3-1:{begin=f3/4,end=f1,s=\"bev\"}");
    EXPECT_EQ(show(fn("slice", {seq({I(4), I(2)}), seq({I(0), I(1), I(2)}), bev | ctl("begin", D(0.9))}), 0, 1),
              "0-1/3@0-1/3:{begin=f8106479329266893/9007199254740992,end=f1/4,s=\"bev\"} "
              "1/3-2/3@1/2-2/3:{begin=f8106479329266893/9007199254740992,end=f1,s=\"bev\"} "
              "1/3-2/3@1/3-1/2:{begin=f8106479329266893/9007199254740992,end=f1/2,s=\"bev\"} "
              "2/3-1@2/3-1:{begin=f8106479329266893/9007199254740992,end=f1/2,s=\"bev\"}");
    EXPECT_EQ(show(fn("splice", {I(4), seq({I(0), I(2)}), bev | ctl("speed", D(2))}), 0, 1),
              "0-1/2@0-1/2:{begin=f0,end=f1/4,s=\"bev\",speed=f1,unit=\"c\"} "
              "1/2-1@1/2-1:{begin=f1/2,end=f3/4,s=\"bev\",speed=f1,unit=\"c\"}");
    EXPECT_EQ(show(fn("splice", {I(4), seq({I(0), seq({I(1), I(3)})}), bev | ctl("n", N(3))}), 0, 1),
              "0-1/2@0-1/2:{begin=f0,end=f1/4,n=n3,s=\"bev\",speed=f1/2,unit=\"c\"} "
              "1/2-3/4@1/2-3/4:{begin=f1/4,end=f1/2,n=n3,s=\"bev\",speed=f1,unit=\"c\"} "
              "3/4-1@3/4-1:{begin=f3/4,end=f1,n=n3,s=\"bev\",speed=f1,unit=\"c\"}");
}

TEST(SampleFx, LoopAt) {
    EXPECT_EQ(show(fn("loopAt", {Q(2), fn("chop", {I(4), ctl("s", S("break"))})}), 0, 2),
              "0-1/2@0-1/2:{begin=f0,end=f1/4,s=\"break\",speed=f1/2,unit=\"c\"} "
              "1-3/2@1-3/2:{begin=f1/2,end=f3/4,s=\"break\",speed=f1/2,unit=\"c\"} "
              "1/2-1@1/2-1:{begin=f1/4,end=f1/2,s=\"break\",speed=f1/2,unit=\"c\"} "
              "3/2-2@3/2-2:{begin=f3/4,end=f1,s=\"break\",speed=f1/2,unit=\"c\"}");
    EXPECT_EQ(show(fn("loopAt", {cat({Q(1), Q(2)}), ctl("s", S("break")) | ctl("speed", D(2))}), 0, 2),
              "0-1@0-1:{s=\"break\",speed=f2,unit=\"c\"} 0-2@1-2:{s=\"break\",speed=f1,unit=\"c\"}");
}

TEST(SampleFx, Chew) {
    std::vector<Pattern> ns;
    for (int i = 0; i < 8; ++i) ns.push_back(N(i));
    EXPECT_EQ(show(fn("chew", {I(4), seq({I(0), I(1), seq({I(2), I(3)})}), ctl("n", seq(ns)) | ctl("s", S("drum"))}), 0, 1),
              "0-1/6@0-1/6:{n=n0,s=\"drum\",speed=f3/4} 1/2-2/3@1/2-2/3:{n=n3,s=\"drum\",speed=f3/4} "
              "1/3-1/2@1/3-1/2:{n=n2,s=\"drum\",speed=f3/4} 1/6-1/3@1/6-1/3:{n=n1,s=\"drum\",speed=f3/4} "
              "11/12-1@11/12-1:{n=n7,s=\"drum\",speed=f3/2} 2/3-3/4@2/3-3/4:{n=n4,s=\"drum\",speed=f3/2} "
              "3/4-5/6@3/4-5/6:{n=n5,s=\"drum\",speed=f3/2} 5/6-11/12@5/6-11/12:{n=n6,s=\"drum\",speed=f3/2}");
    EXPECT_EQ(show(fn("chew", {I(2), seq({I(0), seq({I(1), I(0)})}), ctl("s", words("a b")) | ctl("speed", D(3))}), 0, 1),
              "0-1/2@0-1/2:{s=\"a\",speed=f3} 1/2-3/4@1/2-3/4:{s=\"b\",speed=f6} 3/4-1@3/4-1:{s=\"a\",speed=f6}");
}

TEST(SampleFx, SmashAndGrain) {
    RValue factors = RValue::list({RValue(Q(1)), RValue(Q(2))});
    EXPECT_EQ(show(fn("smash", {I(2), factors, ctl("s", words("a b"))}), 0, 3),
              "0-1/4@0-1/4:{begin=f0,end=f1/2,s=\"a\"} 1-3/2@1-3/2:{begin=f0,end=f1/2,s=\"a\"} "
              "1/2-3/4@1/2-3/4:{begin=f1/2,end=f1,s=\"a\"} 1/4-1/2@1/4-1/2:{begin=f0,end=f1/2,s=\"b\"} "
              "11/4-3@11/4-3:{begin=f1/2,end=f1,s=\"b\"} 2-9/4@2-9/4:{begin=f0,end=f1/2,s=\"a\"} "
              "3/2-2@3/2-2:{begin=f0,end=f1/2,s=\"b\"} 3/4-1@3/4-1:{begin=f1/2,end=f1,s=\"b\"} "
              "5/2-11/4@5/2-11/4:{begin=f1/2,end=f1,s=\"a\"} 9/4-5/2@9/4-5/2:{begin=f0,end=f1/2,s=\"b\"}");
    EXPECT_EQ(show(fn("smash'", {Value::integer(2), RValue::list({RValue(Q(2))}), ctl("s", S("a"))}), 0, 2),
              "0-1@0-1:{begin=f0,end=f1/2,s=\"a\"} 1-2@1-2:{begin=f1/2,end=f1,s=\"a\"}");
    EXPECT_EQ(show(fn("grain", {seq({D(0.1), D(0.2)}), D(0.05)}), 0, 1),
              "0-1/2@0-1/2:{begin=f3602879701896397/36028797018963968,end=f1351079888211149/9007199254740992} "
              "1/2-1@1/2-1:{begin=f3602879701896397/18014398509481984,end=f1/4}");
}

TEST(Controls, BusAndRecv) {
    Pattern p = ctl("s", S("a")) | fn("lpfbus", {I(1), seq({D(100), D(200)})}) | fn("roomrecv", {I(2)}) |
                fn("vowelbus", {I(3), S("a")});
    EXPECT_EQ(show(p, 0, 1),
              "0-1@0-1/2:{^cutoff=i1,^room=i2,^vowel=i3,cutoff=f100,s=\"a\",vowel=\"a\"} "
              "0-1@1/2-1:{^cutoff=i1,^room=i2,^vowel=i3,cutoff=f200,s=\"a\",vowel=\"a\"}");
    EXPECT_EQ(lang::standardLibrary().find("lpfbus")->signature, "Pattern Int -> Pattern Double -> ControlPattern");
    EXPECT_EQ(lang::standardLibrary().find("nbus"), nullptr);  // an error in Tidal: n cannot go to a bus
    EXPECT_NE(lang::standardLibrary().find("szrecv"), nullptr);
}

TEST(SampleFx, Randslice) {
    EXPECT_EQ(show(fn("randslice", {I(4), fast(4, ctl("s", S("bev")))}), 0, 1),
              "0-1/4@0-1/4:{begin=f1/4,end=f1/2,s=\"bev\"} 1/2-3/4@1/2-3/4:{begin=f1/4,end=f1/2,s=\"bev\"} "
              "1/4-1/2@1/4-1/2:{begin=f1/4,end=f1/2,s=\"bev\"} 3/4-1@3/4-1:{begin=f1/4,end=f1/2,s=\"bev\"}");
    EXPECT_EQ(show(fn("randslice", {cat({I(4), I(8)}), ctl("s", words("bev sn"))}), 1, 2),
              "1-3/2@1-3/2:{begin=f3/8,end=f1/2,s=\"bev\"} 3/2-2@3/2-2:{begin=f3/8,end=f1/2,s=\"sn\"}");
}

TEST(SampleFx, GapSpinSplatInterlaceAndMakers) {
    EXPECT_EQ(show(fn("gap", {I(4), ctl("s", words("a b")) | ctl("begin", D(0.5))}), 0, 1),
              "0-1/8@0-1/8:{begin=f1/2,end=f5/8,n=i1,s=\"a\"} 1/2-5/8@1/2-5/8:{begin=f1/2,end=f5/8,n=i1,s=\"b\"} 1/8-1/4@1/8-1/4:{begin=f5/8,end=f3/4,n=i1,s=\"a\"} 5/8-3/4@5/8-3/4:{begin=f5/8,end=f3/4,n=i1,s=\"b\"}") << "gap";
    EXPECT_EQ(show(fn("gap", {I(2), ctl("s", S("a")) | ctl("n", N(3))}), 0, 1),
              "0-1/2@0-1/2:{begin=f0,end=f1/2,n=n3,s=\"a\"}") << "gap_n";
    EXPECT_EQ(show(fn("gap", {cat({I(2), I(3)}), ctl("s", S("a"))}), 1, 2),
              "4/3-5/3@4/3-5/3:{begin=f6004799503160661/18014398509481984,end=f6004799503160661/9007199254740992,n=i1,s=\"a\"}") << "gap_pat";
    EXPECT_EQ(show(fn("spin", {I(2), ctl("s", words("a b")) | ctl("pan", D(0.2))}), 0, 1),
              "0-1/2@0-1/2:{pan=f0,s=\"a\"} 0-1/2@0-1/2:{pan=f1/2,s=\"b\"} 1/2-1@1/2-1:{pan=f0,s=\"b\"} 1/2-1@1/2-1:{pan=f1/2,s=\"a\"}") << "spin";
    EXPECT_EQ(show(fn("spin", {cat({I(2), I(3)}), ctl("s", words("a b"))}), 1, 2),
              "1-3/2@1-3/2:{pan=f0,s=\"a\"} 11/6-7/3@11/6-2:{pan=f6004799503160661/9007199254740992,s=\"b\"} 2/3-7/6@1-7/6:{pan=f6004799503160661/18014398509481984,s=\"a\"} 3/2-2@3/2-2:{pan=f0,s=\"b\"} 4/3-11/6@4/3-11/6:{pan=f6004799503160661/9007199254740992,s=\"a\"} 5/3-13/6@5/3-2:{pan=f6004799503160661/18014398509481984,s=\"a\"} 5/6-4/3@1-4/3:{pan=f6004799503160661/9007199254740992,s=\"b\"} 7/6-5/3@7/6-5/3:{pan=f6004799503160661/18014398509481984,s=\"b\"}") << "spin3";
    EXPECT_EQ(show(fn("splat", {I(4), ctl("s", words("a b")) | ctl("n", N(1)), ctl("s", S("x"))}), 0, 1),
              "0-1/4@0-1/4:{begin=f0,end=f1/4,n=n1,s=\"a\"} 1/2-3/4@1/2-3/4:{begin=f1/2,end=f3/4,n=n1,s=\"b\"} 1/4-1/2@1/4-1/2:{begin=f1/4,end=f1/2,n=n1,s=\"a\"} 3/4-1@3/4-1:{begin=f3/4,end=f1,n=n1,s=\"b\"}") << "splat";
    EXPECT_EQ(show(fn("pF", {Value::string("foo"), D(0.5)}) | fn("pI", {Value::string("bar"), I(2)}) | fn("pN", {Value::string("baz"), N(3)}) | fn("pS", {Value::string("qux"), S("a")}) | fn("pB", {Value::string("b"), pure(Value::boolean(true))}) | fn("pR", {Value::string("r"), Q(Time(1, 4))}), 0, 1),
              "0-1@0-1:{b=True,bar=i2,baz=n3,foo=f1/2,qux=\"a\",r=r1/4}") << "pF";
    EXPECT_EQ(show(fn("interlace", {fast(2, ctl("s", S("a"))), ctl("s", S("b"))}), 0, 1),
              "0-1/2@0-1/2:{s=\"a\",shape=f8901053251262329/18014398509481984} 0-1@0-1:{s=\"b\",shape=f3262491833251563/9007199254740992} 1/2-1@1/2-1:{s=\"a\",shape=f5229833032516551/9007199254740992}") << "interlace";
}
