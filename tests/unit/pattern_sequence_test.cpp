// The mini-notation builds unit-weight sequences with fastcat, Tidal builds them
// with timecat; the two must agree event for event (fragments included) for
// steps whose wholes stay inside a cycle, and must differ where Tidal's fastGap
// re-bases a whole that crosses a cycle (so the fast path is really guarded).
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "pattern/mini/mininotation.hpp"
#include "pattern/pattern.hpp"

using namespace seiche;

namespace {

std::vector<std::string> render(const Pattern& p, const Span& span) {
    std::vector<std::string> lines;
    for (const Event& e : p.query(span))
        lines.push_back((e.whole ? e.whole->begin.str() + " " + e.whole->end.str() : std::string("- -")) + " " +
                        e.part.begin.str() + " " + e.part.end.str() + " " + e.value.json());
    std::sort(lines.begin(), lines.end());
    return lines;
}

Pattern atom(const char* s) { return pure(Value::string(s)); }

std::vector<std::pair<Time, Pattern>> unitWeights(const std::vector<Pattern>& ps) {
    std::vector<std::pair<Time, Pattern>> out;
    for (const Pattern& p : ps) out.emplace_back(Time(1), p);
    return out;
}

const std::vector<Span> kSpans = {{Time(0), Time(1)}, {Time(1, 3), Time(5, 7)}, {Time(-3, 2), Time(11, 4)},
                                  {Time(2, 5), Time(2, 5)}, {Time(7), Time(9)}};

}  // namespace

TEST(Sequences, FastcatEqualsTimecatForStepsInsideCycles) {
    std::vector<std::vector<Pattern>> cases = {
        {atom("a"), atom("b"), atom("c")},
        {atom("a"), fastcat({atom("b"), atom("c")}), silence()},
        {slowcat({atom("a"), atom("b")}), fast(Time(3), atom("c"))},
        {stack({atom("a"), fastcat({atom("b"), atom("c")})}), atom("d"), atom("e"), atom("f"), atom("g")},
    };
    for (const auto& steps : cases)
        for (const Span& span : kSpans)
            EXPECT_EQ(render(fastcat(steps), span), render(timecat(unitWeights(steps)), span))
                << span.begin.str() << " " << span.end.str();
}

TEST(Sequences, TimecatRebasesWholesThatCrossACycle) {
    std::vector<Pattern> steps = {atom("x"), slow(Time(2), atom("a"))};
    EXPECT_NE(render(fastcat(steps), {Time(1), Time(2)}), render(timecat(unitWeights(steps)), {Time(1), Time(2)}));
    // …and the mini-notation keeps Tidal's timecat for it: the fragment in cycle 1
    // has Tidal's re-based whole 1/2..3/2.
    auto parsed = mini::parse("x a/2", mini::AtomType::String, {});
    ASSERT_TRUE(parsed.pattern);
    auto lines = render(*parsed.pattern, {Time(1), Time(2)});
    EXPECT_NE(std::find(lines.begin(), lines.end(), std::string("1/2 3/2 3/2 2 \"a\"")), lines.end());
}

// Constant arguments skip the join but must keep its source refs (the GUI lights
// up the `2` of `fast "2"` as well as the sound names).
TEST(ConstantArguments, KeepTheirSourceRefs) {
    Pattern arg = pure(Value::rational(Time(2)), SourceRefs{7, 0});
    Pattern sound = pure(Value::string("bd"), SourceRefs{3, 0});
    for (const Pattern& p : {tParam(arg, [sound](const Value& v) { return fast(v.asRational(), sound); }),
                             bind(arg, [sound](const Value& v) { return fast(v.asRational(), sound); })}) {
        Events es = p.query(Span{Time(0), Time(1)});
        ASSERT_EQ(es.size(), 2u);
        for (const Event& e : es) {
            EXPECT_EQ(e.refs.a, 3u);
            EXPECT_EQ(e.refs.b, 7u);
        }
    }
    Pattern withSpeed = appLeft(sound, pure(Value::dbl(2), SourceRefs{9, 0}), [](const Value& a, const Value&) { return a; });
    Events es = withSpeed.query(Span{Time(0), Time(1)});
    ASSERT_EQ(es.size(), 1u);
    EXPECT_EQ(es[0].refs.b, 9u);
}

// `#` and the random filters sample signals directly; the results must be the
// events a real query of the signal gives, including parts that straddle cycles
// and zero-width parts (which take the general path).
TEST(SignalShortcut, SameEventsAsQuerying) {
    auto sig = signal([](const Time& t) { return Value::dbl(t.toDouble() * 3 + 1); });
    Pattern left = fastcat({pure(Value::dbl(1)), slow(Time(3, 2), pure(Value::dbl(2))), pure(Value::dbl(3))});
    auto add = [](const Value& a, const Value& b) { return Value::dbl(a.asDouble() + b.asDouble()); };
    for (const Pattern& right : {sig, rotL(Time(1, 3), sig), fmap(sig, [](const Value& v) { return Value::dbl(-v.asDouble()); })}) {
        // The same signal with its marker hidden, so appLeft must query it.
        Pattern hidden([right](const State& st, Events& out) { right.query(st, out); });
        for (const Span& span : {Span{Time(0), Time(3)}, Span{Time(1, 3), Time(7, 5)}, Span{Time(1), Time(1)}})
            EXPECT_EQ(render(appLeft(left, right, add), span), render(appLeft(left, hidden, add), span));
    }
}
