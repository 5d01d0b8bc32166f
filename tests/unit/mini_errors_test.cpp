// Mini-notation errors and limits: always an error with a position, never a crash or hang.
#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "pattern/chords.hpp"
#include "pattern/mini/mininotation.hpp"

using namespace seiche;
using mini::AtomType;

namespace {

mini::Error errorOf(std::string_view text, AtomType t = AtomType::String, const mini::Context& ctx = {}) {
    auto r = mini::parse(text, t, ctx);
    EXPECT_FALSE(r.pattern) << text;
    if (!r.error) return {0, "<no error>"};
    return *r.error;
}

mini::Context lineCol() {
    mini::Context c;
    c.where = [](size_t off) { return "1:" + std::to_string(off + 1); };
    return c;
}

}  // namespace

TEST(MiniErrors, Brackets) {
    auto e = errorOf("bd sn [hh", AtomType::String, lineCol());
    EXPECT_EQ(e.message, "unclosed '[' opened at 1:7");
    EXPECT_EQ(e.offset, 9u);  // where the ']' was expected: the end of the text
    e = errorOf("bd ]");
    EXPECT_EQ(e.message, "unexpected ']'");
    EXPECT_EQ(e.offset, 3u);
    EXPECT_NE(errorOf("<a b").message.find("unclosed '<'"), std::string::npos);
    EXPECT_NE(errorOf("{a b").message.find("unclosed '{'"), std::string::npos);
    EXPECT_NE(errorOf("[a b}").message.find("unexpected '}'"), std::string::npos);
    EXPECT_NE(errorOf("bd(3,8").message.find("unclosed '('"), std::string::npos);
}

TEST(MiniErrors, Numbers) {
    auto e = errorOf("1 2 xyz", AtomType::Double);
    EXPECT_EQ(e.message, "expected a number, got 'xyz'");
    EXPECT_EQ(e.offset, 4u);
    EXPECT_EQ(errorOf("1 bd", AtomType::Time).message, "expected a number, got 'bd'");
    EXPECT_EQ(errorOf("bd*").message, "'*' needs a number after it");
    EXPECT_EQ(errorOf("bd/ sn").message, "'/' needs a number after it");
    EXPECT_FALSE(errorOf("1.5", AtomType::Int).message.empty());
    EXPECT_FALSE(errorOf("1.5%2", AtomType::Double).message.empty());
    EXPECT_FALSE(errorOf("bd?3").message.empty());  // Tidal: `?` needs a decimal
    EXPECT_FALSE(errorOf("true", AtomType::Bool).message.empty());
    EXPECT_FALSE(errorOf("bd*2*3").message.empty());
}

TEST(MiniErrors, Limits) {
    auto t0 = std::chrono::steady_clock::now();
    EXPECT_EQ(errorOf(std::string(10000, '[')).message, "nesting deeper than 200 levels");
    EXPECT_EQ(errorOf(std::string(1 << 20, '[')).message, "nesting deeper than 200 levels");
    EXPECT_EQ(errorOf(std::string(300, '<')).message, "nesting deeper than 200 levels");
    std::string ok = std::string(150, '[') + "bd" + std::string(150, ']');
    EXPECT_TRUE(mini::parse(ok, AtomType::String).pattern);
    auto e = errorOf("bd*1000000000");
    EXPECT_EQ(e.offset, 3u);
    EXPECT_NE(e.message.find("too large"), std::string::npos);
    EXPECT_NE(errorOf("bd/0.0000000001").message.find("too small"), std::string::npos);
    EXPECT_NE(errorOf("bd!100000000").message.find("repetitions"), std::string::npos);
    EXPECT_NE(errorOf("bd(3,1000000000)").message.find("too large"), std::string::npos);
    EXPECT_NE(errorOf("0 .. 100000000", AtomType::Int).message.find("too large"), std::string::npos);
    EXPECT_NE(errorOf("{a}%1000000000").message.find("too large"), std::string::npos);
    auto elapsed = std::chrono::steady_clock::now() - t0;
    EXPECT_LT(elapsed, std::chrono::seconds(2));
}

TEST(MiniErrors, EmptyIsSilence) {
    for (const char* s : {"", "   ", "~", "~ ~"}) {
        auto r = mini::parse(s, AtomType::String);
        ASSERT_TRUE(r.pattern) << s;
        EXPECT_TRUE(r.pattern->query(Span{Time(0), Time(4)}).empty());
    }
    auto r = mini::parse("<>", AtomType::String);  // Tidal divides by zero here
    ASSERT_TRUE(r.pattern);
    EXPECT_TRUE(r.pattern->query(Span{Time(0), Time(1)}).empty());
}

TEST(MiniErrors, GarbageNeverCrashes) {
    const char* texts[] = {"[", "]", "<", ">", "{", "}", "(", ")", "*", "/", "!", "@", "_", "?", ".", "..", ",", "|",
                           "%", "'", "^", "-", "bd(", "bd(3", "bd(3,", "bd(,)", "[a|", "{a}%", "c'", "c'maj'", "c'maj' x",
                           "0x", "1e", "1%", "1%0", "-", "--", "{-", "a .. ", "bd@", "bd!x", "\xff\xfe", "[a,|b]"};
    for (AtomType t : {AtomType::String, AtomType::Double, AtomType::Int, AtomType::Time, AtomType::Bool, AtomType::Note}) {
        for (const char* s : texts) {
            auto r = mini::parse(s, t);
            if (r.pattern) (void)r.pattern->query(Span{Time(0), Time(2)});
            else EXPECT_FALSE(r.error->message.empty()) << s;
        }
    }
}

TEST(MiniRefs, AtomsCarrySourceRefs) {
    mini::Context ctx;
    ctx.locate = [](size_t off, size_t len) { return uint32_t(off * 100 + len); };
    auto r = mini::parse("bd [sn:3 hh]*2", AtomType::String, ctx);
    ASSERT_TRUE(r.pattern);
    Events evs = r.pattern->query(Span{Time(0), Time(1)});
    ASSERT_GE(evs.size(), 2u);
    EXPECT_EQ(evs[0].refs.a, 2u);  // "bd" at 0, length 2
    bool sawSn = false;
    for (const Event& e : evs)
        if (e.value.asSymbol().str() == "sn:3") sawSn = (e.refs.a == 404u);
    EXPECT_TRUE(sawSn);
    auto n = mini::parse("c'maj e", AtomType::Note, ctx);
    ASSERT_TRUE(n.pattern);
    Events nevs = n.pattern->query(Span{Time(0), Time(1)});
    ASSERT_EQ(nevs.size(), 4u);
    for (int i = 0; i < 3; ++i) EXPECT_EQ(nevs[size_t(i)].refs.a, 5u);
}

TEST(Chords, TableAndNoteNames) {
    EXPECT_EQ(*chordNotes("major"), (std::vector<double>{0, 4, 7}));
    EXPECT_EQ(*chordNotes("m7"), (std::vector<double>{0, 3, 7, 10}));
    EXPECT_EQ(*chordNotes("minorSixNine"), (std::vector<double>{0, 3, 9, 7, 14}));
    EXPECT_FALSE(chordNotes("nonesuch"));
    EXPECT_EQ(chordTable().size(), 127u);
    EXPECT_EQ(*noteNameValue("c"), 0);
    EXPECT_EQ(*noteNameValue("cs5"), 1);
    EXPECT_EQ(*noteNameValue("ef3"), -21);
    EXPECT_EQ(*noteNameValue("a4"), -3);
    EXPECT_EQ(*noteNameValue("bf"), 10);
    EXPECT_FALSE(noteNameValue("h"));
    EXPECT_FALSE(noteNameValue("c#"));
}
