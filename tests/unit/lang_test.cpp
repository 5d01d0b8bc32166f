// The language front end: what it accepts, and what it says about what it does not.
#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "pattern/lang/program.hpp"

using namespace seiche;
using namespace seiche::lang;

namespace {

std::string errorOf(const std::string& code) {
    auto r = compile(code);
    if (r) return "(compiled)";
    return r.error->str();
}

// All onsets of the first action over [from, to), as "begin json" lines.
std::string onsets(const std::string& code, Rational from = 0, Rational to = 1) {
    auto r = compile(code);
    if (!r) return "error: " + r.error->str();
    std::string out;
    std::vector<std::pair<Rational, std::string>> lines;
    for (const auto& a : r.value->actions) {
        if (a.kind != Action::Play) continue;
        auto es = queryChecked(a.pattern, Span{from, to});
        if (!es) return "query error: " + es.error->message;
        for (const auto& e : *es.value)
            if (e.hasOnset()) lines.emplace_back(e.part.begin, e.value.json());
    }
    std::sort(lines.begin(), lines.end(), [](auto& x, auto& y) { return x.first < y.first || (x.first == y.first && x.second < y.second); });
    for (auto& [t, j] : lines) out += t.str() + " " + j + "\n";
    return out;
}

}  // namespace

TEST(LangErrors, UnclosedBracketNamesWhereItOpened) {
    EXPECT_EQ(errorOf("d1 $ s \"bd [sn hh\""), "1:18: unclosed '[' opened at 1:12");
}

TEST(LangErrors, UnknownFunctionSuggestsTheNearestName) {
    EXPECT_EQ(errorOf("d1 $ s \"bd\"\n   # fsat 2"), "2:6: unknown function 'fsat' — did you mean 'fast'?");
    EXPECT_EQ(errorOf("d1 $ fsat 2 $ s \"bd\""), "1:6: unknown function 'fsat' — did you mean 'fast'?");
}

TEST(LangErrors, WrongArgumentTypeIsExplainedInPerformersWords) {
    EXPECT_EQ(errorOf("every (s \"bd\") (fast 2) $ s \"bd sn\""),
              "1:8: 'every' expects a number first, got a pattern of sound names");
    EXPECT_EQ(errorOf("d1 $ s \"bd\" # 0.5"), "(compiled)");  // Tidal: 0.5 as a control map is speed 0.5
}

TEST(LangErrors, ChannelNeedsAControlPattern) {
    EXPECT_EQ(errorOf("d1 $ fast 2"), "1:6: 'd1' needs a control pattern, got a function");
}

TEST(LangErrors, ParenthesesAndOperators) {
    EXPECT_EQ(errorOf("d1 $ (s \"bd\""), "1:13: unclosed '(' opened at 1:6");
    EXPECT_EQ(errorOf("d1 $ s \"bd\" #"), "1:14: '#' needs something on its right, got the end of the code");
    EXPECT_EQ(errorOf("d1 $ s \"bd"), "1:8: unclosed string: '\"' is missing");
    EXPECT_EQ(errorOf("d17 $ s \"bd\""), "1:1: there are 16 channels, d1 to d16; 'd17' is not one of them");
}

TEST(LangErrors, LimitsGiveMessagesNotCrashes) {
    std::string deep(10000, '(');
    EXPECT_EQ(errorOf("d1 $ " + deep), "1:" + std::to_string(6 + 200) + ": nesting deeper than 200 levels");
    std::string brackets(1 << 20, '[');
    auto start = std::chrono::steady_clock::now();
    EXPECT_NE(errorOf("d1 $ s \"" + brackets + "\""), "(compiled)");
    std::string random;
    for (int i = 0; i < 4096; ++i) random += char((i * 7919) % 256);
    EXPECT_NE(errorOf(random), "(compiled)");
    (void)start;
}

TEST(LangErrors, HugeQueriesStopWithAMessage) {
    auto r = compile("d1 $ fast 1000000000 $ s \"bd\"");
    ASSERT_TRUE(r);
    auto es = queryChecked(r.value->actions[0].pattern, Span{0, 1}, 100000);
    ASSERT_FALSE(es);
    EXPECT_NE(es.error->message.find("more than 100000 events"), std::string::npos);
}

TEST(Lang, FastZeroAndSlowZeroAreSilence) {
    EXPECT_EQ(onsets("s \"bd\" # fast 0 (n 1)"), "");
    EXPECT_EQ(onsets("slow 0 $ s \"bd\""), "");
    EXPECT_EQ(onsets("fast 0 $ s \"bd\""), "");
}

TEST(Lang, OperatorsFollowHaskellFixity) {
    // # and |+ are infixl 9 in Tidal 1.7: left to right.
    EXPECT_EQ(onsets("s \"a\" # n 1 |+ n 2"), "0 {\"n\":3,\"s\":\"a\"}\n");
    // + is infixl 6, so it binds looser than #.
    EXPECT_EQ(onsets("n \"1\" + n \"2\" # s \"x\""), "0 {\"n\":3,\"s\":\"x\"}\n");
}

TEST(Lang, SectionsAndComposition) {
    EXPECT_EQ(onsets("(# speed 2) $ s \"bd\""), "0 {\"s\":\"bd\",\"speed\":2}\n");
    EXPECT_EQ(onsets("(0.5 ~>) $ s \"bd\""), "1/2 {\"s\":\"bd\"}\n");
    EXPECT_EQ(onsets("(rev . fast 2) $ s \"a b\""), "0 {\"s\":\"b\"}\n1/4 {\"s\":\"a\"}\n1/2 {\"s\":\"b\"}\n3/4 {\"s\":\"a\"}\n");
    EXPECT_EQ(onsets("(1/4) ~> s \"bd\""), "1/4 {\"s\":\"bd\"}\n");
}

TEST(Lang, StatementsBlocksAndComments) {
    std::string code =
        "-- a comment\n"
        "setcps 0.6\n"
        "d1 $ s \"bd\"\n"
        "  # n 1 -- trailing comment\n"
        "\n"
        "d2 $ s \"sn\"\n"
        "hush\n";
    auto r = compile(code);
    ASSERT_TRUE(r) << r.error->str();
    ASSERT_EQ(r.value->actions.size(), 4u);
    EXPECT_EQ(r.value->actions[0].kind, Action::SetCps);
    EXPECT_DOUBLE_EQ(r.value->actions[0].cps, 0.6);
    EXPECT_EQ(r.value->actions[1].channel, 1);
    EXPECT_EQ(r.value->actions[2].channel, 2);
    EXPECT_EQ(r.value->actions[3].kind, Action::Hush);
}

TEST(Lang, EchoAcceptsTidal17AndTidal19Forms) {
    // 1.7: echo t = stutter 2 t
    EXPECT_EQ(onsets("echo 0.25 $ s \"bd\""), "0 {\"s\":\"bd\"}\n1/4 {\"s\":\"bd\"}\n");
    // 1.9: echo count time feedback, gain multiplied by feedback each repeat
    EXPECT_EQ(onsets("echo 3 0.25 0.5 $ s \"bd\" # gain 1"),
              "0 {\"gain\":1,\"s\":\"bd\"}\n1/4 {\"gain\":0.5,\"s\":\"bd\"}\n1/2 {\"gain\":0.25,\"s\":\"bd\"}\n");
    EXPECT_EQ(onsets("every 2 (echo 3 0.25 0.5) $ s \"bd\" # gain 1", 1, 2), "1 {\"gain\":1,\"s\":\"bd\"}\n");
}

TEST(Lang, LiteralsTakeTheTypeTheContextNeeds) {
    EXPECT_EQ(onsets("n \"1 2\""), "0 {\"n\":1}\n1/2 {\"n\":2}\n");
    EXPECT_EQ(onsets("\"1 2\" + \"10\""), "0 11\n1/2 12\n");
    EXPECT_EQ(onsets("(\"1 2\" :: Pattern Double) / 4"), "0 0.25\n1/2 0.5\n");
    // Tidal reads a string used as a control pattern as `sound`.
    EXPECT_EQ(onsets("\"bd:3\" # speed 2"), "0 {\"n\":3,\"s\":\"bd\",\"speed\":2}\n");
    EXPECT_EQ(onsets("s \"bd\" # speed \"-1.5\""), "0 {\"s\":\"bd\",\"speed\":-1.5}\n");
}
