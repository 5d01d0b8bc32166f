#pragma once
// A pattern is a function from a time span to the events active in it
// (Tidal's Pattern.hs). Everything else in the engine is a small combinator
// on that one idea. Queries append to a caller-owned vector so that
// transformations can rewrite results in place instead of copying lists.
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <vector>

#include "pattern/span.hpp"
#include "pattern/value.hpp"

namespace seiche {

// Where in the source code an event's values came from (for highlighting):
// up to two source-location ids, 0 = none. Ids index a table the parser owns.
struct SourceRefs {
    uint32_t a = 0, b = 0;
    SourceRefs merged(const SourceRefs& o) const {
        SourceRefs r = *this;
        if (!r.a) r.a = o.a;
        else if (!r.b) r.b = o.a ? o.a : o.b;
        return r;
    }
};

struct Event {
    std::optional<Span> whole;  // nothing: a sample of a continuous signal
    Span part;
    Value value;
    SourceRefs refs{};

    bool hasOnset() const { return whole && whole->begin == part.begin; }
    Span wholeOrPart() const { return whole ? *whole : part; }
    Time wholeStart() const { return whole ? whole->begin : part.begin; }
};
using Events = std::vector<Event>;

// Rewrites the whole and the part of events [from, end) with f. Most events'
// parts equal their wholes, so f runs once for those: exact time arithmetic
// is the largest cost of a query.
template <typename F>
void mapEventSpans(Events& es, size_t from, F&& f) {
    for (size_t i = from; i < es.size(); ++i) {
        Event& e = es[i];
        if (e.whole) {
            const bool same = *e.whole == e.part;
            e.whole = f(*e.whole);
            e.part = same ? *e.whole : f(e.part);
        } else {
            e.part = f(e.part);
        }
    }
}

// An intermediate event vector borrowed from a per-thread pool: combinators
// that must look at one pattern's events before emitting (joins, `#`) reuse
// capacity instead of allocating a vector on every query.
class ScratchEvents {
public:
    ScratchEvents();
    ~ScratchEvents();
    ScratchEvents(const ScratchEvents&) = delete;
    ScratchEvents& operator=(const ScratchEvents&) = delete;
    Events& operator*() { return events_; }
    Events* operator->() { return &events_; }

private:
    Events events_;
};

struct State {
    Span span;
};

class Pattern {
public:
    using QueryFn = std::function<void(const State&, Events&)>;

    Pattern();  // silence
    explicit Pattern(QueryFn fn);

    void query(const State& st, Events& out) const { (*fn_)(st, out); }
    Events query(const Span& span) const {
        Events out;
        query(State{span}, out);
        return out;
    }

    // Set by `pure`: lets patterned parameters skip a join when they are constant.
    // The refs say where the constant was written, for highlighting.
    const std::optional<Value>& constant() const { return constant_; }
    const SourceRefs& constantRefs() const { return constantRefs_; }
    Pattern withConstant(Value v, SourceRefs refs = {}) const {
        Pattern p = *this;
        p.constant_ = std::move(v);
        p.constantRefs_ = refs;
        return p;
    }

    // Set by `signal` (and kept by fmap, rotL and a join over a constant): the
    // pattern is one continuous event per query, valued at the query's midpoint
    // — per cycle when splitAtCycles. Lets `#` and the random filters sample it
    // directly instead of querying.
    using SignalFn = std::function<Value(const Time&)>;
    struct SignalInfo {
        std::shared_ptr<const SignalFn> fn;
        bool splitAtCycles = false;
    };
    const std::optional<SignalInfo>& signalInfo() const { return signal_; }
    Pattern withSignal(SignalInfo info) const {
        Pattern p = *this;
        p.signal_ = std::move(info);
        return p;
    }

private:
    std::shared_ptr<const QueryFn> fn_;
    std::optional<Value> constant_;
    SourceRefs constantRefs_{};
    std::optional<SignalInfo> signal_;
};

using ValueFn = std::function<Value(const Value&)>;
using BinaryFn = std::function<Value(const Value&, const Value&)>;
using PatternOfValue = std::function<Pattern(const Value&)>;

// Every event a leaf pattern creates is charged to the calling thread's budget,
// so a legal but enormous query (`fast 1e9`) stops with an error instead of
// exhausting memory. Without an EventBudget in scope nothing is counted.
struct QueryLimitExceeded : std::runtime_error {
    QueryLimitExceeded() : std::runtime_error("too many events in one query") {}
};
class EventBudget {
public:
    explicit EventBudget(size_t maxEvents);
    ~EventBudget();
    EventBudget(const EventBudget&) = delete;
    EventBudget& operator=(const EventBudget&) = delete;

private:
    size_t saved_;
    bool savedActive_;
};
void chargeEvents(size_t n);

// --- constructors
Pattern silence();
Pattern pure(Value v, SourceRefs refs = {});  // refs: where the value was written
Pattern steady(Value v);  // one continuous event with no whole
Pattern signal(std::function<Value(const Time&)> f);  // sampled at the query's midpoint... see .cpp
Pattern fastcat(std::vector<Pattern> ps);
Pattern slowcat(std::vector<Pattern> ps);
Pattern timecat(std::vector<std::pair<Time, Pattern>> ps);
Pattern stack(std::vector<Pattern> ps);
Pattern overlay(const Pattern& a, const Pattern& b);

// --- functor / applicative
Pattern fmap(const Pattern& p, ValueFn f);
Pattern appBoth(const Pattern& a, const Pattern& b, BinaryFn f);   // structure from both (<*>)
Pattern appLeft(const Pattern& a, const Pattern& b, BinaryFn f);   // structure from the left (<*)
Pattern appRight(const Pattern& a, const Pattern& b, BinaryFn f);  // structure from the right (*>)

// --- monad: f maps each outer value to an inner pattern
Pattern bind(const Pattern& outer, PatternOfValue f);         // unwrap: wholes are the intersection
Pattern innerBind(const Pattern& outer, PatternOfValue f);    // structure from the inner patterns
Pattern outerBind(const Pattern& outer, PatternOfValue f);    // structure from the outer pattern
Pattern squeezeBind(const Pattern& outer, PatternOfValue f);  // inner cycles squeezed into outer events

// Tidal's tParam: a patterned first argument, joined with innerJoin. Constant
// arguments skip the join but keep its effect: split at cycles, clip to the query.
Pattern tParam(const Pattern& arg, PatternOfValue f);
Pattern tParam2(const Pattern& a, const Pattern& b, std::function<Pattern(const Value&, const Value&)> f);
Pattern tParamSqueeze(const Pattern& arg, PatternOfValue f);
// What innerJoin does to a constant argument's pattern: query it cycle by cycle
// and keep only what falls inside the query (zoom and linger answer outside it).
Pattern clippedToQuery(const Pattern& p, SourceRefs refs = {});

// --- time
Pattern splitQueries(const Pattern& p);
Pattern withQuerySpan(const Pattern& p, std::function<Span(const Span&)> f);
Pattern withQueryTime(const Pattern& p, std::function<Time(const Time&)> f);
Pattern withResultSpan(const Pattern& p, std::function<Span(const Span&)> f);
Pattern withResultTime(const Pattern& p, std::function<Time(const Time&)> f);
Pattern withEvents(const Pattern& p, std::function<void(Events&, size_t from)> f);  // rewrite results in place
Pattern fast(const Time& r, const Pattern& p);
Pattern slow(const Time& r, const Pattern& p);
Pattern rotL(const Time& t, const Pattern& p);
Pattern rotR(const Time& t, const Pattern& p);
Pattern rev(const Pattern& p);
Pattern fastGap(const Time& r, const Pattern& p);
Pattern compress(const Time& b, const Time& e, const Pattern& p);
Pattern zoom(const Time& b, const Time& e, const Pattern& p);
Pattern playFor(const Time& b, const Time& e, const Pattern& p);

// --- filters
Pattern filterValues(const Pattern& p, std::function<bool(const Value&)> keep);
Pattern filterEvents(const Pattern& p, std::function<bool(const Event&)> keep);
Pattern filterOnsets(const Pattern& p);
Pattern filterDigital(const Pattern& p);
Pattern filterAnalog(const Pattern& p);

// Samples a signal-marked pattern for an event, as querying it over the event's
// whole would (nullopt when the shortcut does not apply to this event).
std::optional<Value> sampleSignalFor(const Pattern& signalPattern, const Event& e);

// Applies f only to cycles whose number passes the test (Tidal's `when`).
Pattern whenCycle(std::function<bool(int64_t)> test, std::function<Pattern(const Pattern&)> f, const Pattern& p);

}  // namespace seiche
