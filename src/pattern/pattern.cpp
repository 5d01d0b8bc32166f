#include "pattern/pattern.hpp"

#include <algorithm>

namespace seiche {
namespace {

// Tidal's subMaybeArc: nothing on either side means a continuous result (Just Nothing);
// two wholes must overlap (Nothing when they do not).
bool subMaybeSpan(const std::optional<Span>& a, const std::optional<Span>& b, std::optional<Span>& out) {
    if (!a || !b) {
        out.reset();
        return true;
    }
    auto s = a->intersection(*b);
    if (!s) return false;
    out = s;
    return true;
}

const Pattern& silenceRef() {
    static const Pattern p(Pattern::QueryFn([](const State&, Events&) {}));
    return p;
}

thread_local size_t budgetLeft = 0;
thread_local bool budgetActive = false;

}  // namespace

EventBudget::EventBudget(size_t maxEvents) : saved_(budgetLeft), savedActive_(budgetActive) {
    budgetLeft = maxEvents;
    budgetActive = true;
}

EventBudget::~EventBudget() {
    budgetLeft = saved_;
    budgetActive = savedActive_;
}

void chargeEvents(size_t n) {
    if (!budgetActive) return;
    if (n > budgetLeft) throw QueryLimitExceeded();
    budgetLeft -= n;
}

namespace {
thread_local std::vector<Events> scratchPool;
}

ScratchEvents::ScratchEvents() {
    if (!scratchPool.empty()) {
        events_ = std::move(scratchPool.back());
        scratchPool.pop_back();
    }
}

ScratchEvents::~ScratchEvents() {
    events_.clear();
    if (events_.capacity() <= 4096) scratchPool.push_back(std::move(events_));  // don't hoard huge ones
}

Pattern::Pattern() : Pattern(silenceRef()) {}

Pattern::Pattern(QueryFn fn) : fn_(std::make_shared<const QueryFn>(std::move(fn))) {}

Pattern silence() { return silenceRef(); }

Pattern pure(Value v, SourceRefs refs) {
    Value copy = v;
    return Pattern([v = std::move(v), refs](const State& st, Events& out) {
               forEachCycle(st.span, [&](const Span& part) {
                   chargeEvents(1);
                   out.push_back(Event{cycleOf(part.begin), part, v, refs});
               });
           })
        .withConstant(std::move(copy), refs);
}

Pattern steady(Value v) {
    return Pattern([v = std::move(v)](const State& st, Events& out) {
        chargeEvents(1);
        out.push_back(Event{std::nullopt, st.span, v});
    });
}

Pattern signal(std::function<Value(const Time&)> f) {
    auto fn = std::make_shared<const Pattern::SignalFn>(std::move(f));
    return Pattern([fn](const State& st, Events& out) {
               const Span& s = st.span;
               if (s.begin > s.end) return;
               chargeEvents(1);
               static const Time half(1, 2);
               out.push_back(Event{std::nullopt, s, (*fn)((s.begin + s.end) * half)});
           })
        .withSignal({fn, false});
}

std::optional<Value> sampleSignalFor(const Pattern& p, const Event& e) {
    const auto& info = p.signalInfo();
    if (!info) return std::nullopt;
    const Span w = e.wholeOrPart();
    if (e.part.begin >= e.part.end || w.begin >= w.end) return std::nullopt;  // zero-width: query normally
    if (e.part.begin < w.begin || w.end < e.part.end) return std::nullopt;    // a part outside its whole
    if (info->splitAtCycles && w.end > nextSam(w.begin)) return std::nullopt;
    static const Time half(1, 2);
    chargeEvents(1);
    return (*info->fn)((w.begin + w.end) * half);
}

Pattern overlay(const Pattern& a, const Pattern& b) {
    return Pattern([a, b](const State& st, Events& out) {
        a.query(st, out);
        b.query(st, out);
    });
}

Pattern stack(std::vector<Pattern> ps) {
    if (ps.empty()) return silence();
    if (ps.size() == 1) return ps[0];
    return Pattern([ps = std::move(ps)](const State& st, Events& out) {
        for (const auto& p : ps) p.query(st, out);
    });
}

Pattern slowcat(std::vector<Pattern> ps) {
    if (ps.empty()) return silence();
    if (ps.size() == 1) return ps[0];
    return Pattern([ps = std::move(ps)](const State& st, Events& out) {
        const int64_t n = int64_t(ps.size());
        forEachCycle(st.span, [&](const Span& a) {
            int64_t cyc = a.begin.floorInt();
            int64_t i = ((cyc % n) + n) % n;
            // Haskell's div rounds towards negative infinity.
            int64_t q = cyc - i;
            int64_t d = q / n - ((q % n != 0) && (q < 0) ? 1 : 0);
            Time offset(cyc - d);
            size_t from = out.size();
            ps[size_t(i)].query(State{{a.begin - offset, a.end - offset}}, out);
            if (offset != Time(0))
                mapEventSpans(out, from, [&](const Span& s) { return Span{s.begin + offset, s.end + offset}; });
        });
    });
}

Pattern fastcat(std::vector<Pattern> ps) {
    if (ps.empty()) return silence();
    Time n(int64_t(ps.size()));
    return fast(n, slowcat(std::move(ps)));
}

Pattern timecat(std::vector<std::pair<Time, Pattern>> ps) {
    Time total(0);
    for (auto& [t, p] : ps) total += t;
    if (total == Time(0)) return silence();
    std::vector<Pattern> parts;
    Time begin(0);
    for (auto& [t, p] : ps) {
        Time end = begin + t;
        parts.push_back(compress(begin / total, end / total, p));
        begin = end;
    }
    return stack(std::move(parts));
}

Pattern fmap(const Pattern& p, ValueFn f) {
    if (const auto& info = p.signalInfo()) {
        Pattern::SignalFn composed = [inner = info->fn, f](const Time& t) { return f((*inner)(t)); };
        Pattern sig = signal(std::move(composed));
        if (info->splitAtCycles) return splitQueries(sig).withSignal({sig.signalInfo()->fn, true});
        return sig;
    }
    return Pattern([p, f = std::move(f)](const State& st, Events& out) {
        size_t from = out.size();
        p.query(st, out);
        for (size_t i = from; i < out.size(); ++i) out[i].value = f(out[i].value);
    });
}

namespace {
// A constant right-hand side (`# speed 2`) answers one event per cycle. When a
// left event's span lies inside one cycle, that event covers its part exactly,
// so the right side need not be queried at all.
bool insideOneCycle(const Event& e) {
    const Span w = e.wholeOrPart();
    if (e.part.begin == e.part.end || w.begin == w.end) return false;  // zero-width: take the general path
    return w.end <= nextSam(w.begin);
}
}  // namespace

Pattern appLeft(const Pattern& a, const Pattern& b, BinaryFn f) {
    return Pattern([a, b, f = std::move(f)](const State& st, Events& out) {
        ScratchEvents left, right;
        a.query(st, *left);
        const std::optional<Value>& constant = b.constant();
        for (const Event& ef : *left) {
            if (constant && insideOneCycle(ef)) {
                out.push_back(Event{ef.whole, ef.part, f(ef.value, *constant), ef.refs.merged(b.constantRefs())});
                continue;
            }
            if (auto sampled = sampleSignalFor(b, ef)) {
                out.push_back(Event{ef.whole, ef.part, f(ef.value, *sampled), ef.refs});
                continue;
            }
            right->clear();
            b.query(State{ef.wholeOrPart()}, *right);
            for (const Event& ex : *right) {
                auto part = ef.part.intersection(ex.part);
                if (!part) continue;
                out.push_back(Event{ef.whole, *part, f(ef.value, ex.value), ef.refs.merged(ex.refs)});
            }
        }
    });
}

Pattern appRight(const Pattern& a, const Pattern& b, BinaryFn f) {
    return Pattern([a, b, f = std::move(f)](const State& st, Events& out) {
        ScratchEvents left, right;
        b.query(st, *right);
        for (const Event& ex : *right) {
            left->clear();
            a.query(State{ex.wholeOrPart()}, *left);
            for (const Event& ef : *left) {
                auto part = ef.part.intersection(ex.part);
                if (!part) continue;
                out.push_back(Event{ex.whole, *part, f(ef.value, ex.value), ef.refs.merged(ex.refs)});
            }
        }
    });
}

Pattern appBoth(const Pattern& a, const Pattern& b, BinaryFn f) {
    return Pattern([a, b, f = std::move(f)](const State& st, Events& out) {
        auto withFX = [&](const Event& ef, const Event& ex) {
            std::optional<Span> whole;
            if (!subMaybeSpan(ef.whole, ex.whole, whole)) return;
            auto part = ef.part.intersection(ex.part);
            if (!part) return;
            out.push_back(Event{whole, *part, f(ef.value, ex.value), ef.refs.merged(ex.refs)});
        };
        ScratchEvents left, right;
        a.query(st, *left);
        for (const Event& ef : *left) {
            right->clear();
            if (!ef.whole) {
                b.query(State{ef.part}, *right);
                for (const Event& ex : *right) withFX(ef, ex);
            } else {
                b.query(State{*ef.whole}, *right);
                for (const Event& ex : *right)
                    if (ex.whole) withFX(ef, ex);
            }
        }
        // Continuous events on the right meet the discrete events on the left.
        right->clear();
        b.query(st, *right);
        for (const Event& ex : *right) {
            if (ex.whole) continue;
            left->clear();
            a.query(State{ex.part}, *left);
            for (const Event& ef : *left)
                if (ef.whole) withFX(ef, ex);
        }
    });
}

Pattern bind(const Pattern& outer, PatternOfValue f) {
    if (outer.constant()) {
        // The outer events are whole cycles: build the inner pattern once and
        // intersect with each cycle, as the general join below would.
        Pattern inner = f(*outer.constant());
        SourceRefs refs = outer.constantRefs();
        std::optional<Pattern::SignalInfo> innerSignal = inner.signalInfo();
        if (innerSignal) innerSignal->splitAtCycles = true;  // one sample per cycle piece
        Pattern joined([inner, refs](const State& st, Events& out) {
            forEachCycle(st.span, [&](const Span& piece) {
                const Span cycle = cycleOf(piece.begin);
                ScratchEvents ins;
                inner.query(State{piece}, *ins);
                for (Event& ie : *ins) {
                    std::optional<Span> whole;
                    if (!subMaybeSpan(cycle, ie.whole, whole)) continue;
                    auto part = piece.intersection(ie.part);
                    if (!part) continue;
                    out.push_back(Event{whole, *part, std::move(ie.value), ie.refs.merged(refs)});
                }
            });
        });
        if (innerSignal && !refs.a) return joined.withSignal(*innerSignal);
        return joined;
    }
    return Pattern([outer, f = std::move(f)](const State& st, Events& out) {
        ScratchEvents outs, ins;
        outer.query(st, *outs);
        for (const Event& oe : *outs) {
            ins->clear();
            f(oe.value).query(State{oe.part}, *ins);
            for (Event& ie : *ins) {
                std::optional<Span> whole;
                if (!subMaybeSpan(oe.whole, ie.whole, whole)) continue;
                auto part = oe.part.intersection(ie.part);
                if (!part) continue;
                out.push_back(Event{whole, *part, std::move(ie.value), ie.refs.merged(oe.refs)});
            }
        }
    });
}

Pattern innerBind(const Pattern& outer, PatternOfValue f) {
    return Pattern([outer, f = std::move(f)](const State& st, Events& out) {
        ScratchEvents outs, ins;
        outer.query(st, *outs);
        for (const Event& oe : *outs) {
            ins->clear();
            f(oe.value).query(State{oe.part}, *ins);
            for (Event& ie : *ins) {
                auto p = st.span.intersection(ie.part);
                if (!p) continue;
                auto p2 = p->intersection(st.span);
                if (!p2) continue;
                out.push_back(Event{ie.whole, *p2, std::move(ie.value), ie.refs.merged(oe.refs)});
            }
        }
    });
}

Pattern outerBind(const Pattern& outer, PatternOfValue f) {
    return Pattern([outer, f = std::move(f)](const State& st, Events& out) {
        ScratchEvents outs, ins;
        outer.query(st, *outs);
        for (const Event& oe : *outs) {
            ins->clear();
            Time t = oe.wholeStart();
            f(oe.value).query(State{{t, t}}, *ins);
            for (Event& ie : *ins) {
                auto p = st.span.intersection(oe.part);
                if (!p) continue;
                out.push_back(Event{oe.whole, *p, std::move(ie.value), oe.refs.merged(ie.refs)});
            }
        }
    });
}

Pattern squeezeBind(const Pattern& outer, PatternOfValue f) {
    return Pattern([outer, f = std::move(f)](const State& st, Events& out) {
        ScratchEvents outs, ins;
        outer.query(st, *outs);
        for (const Event& oe : *outs) {
            ins->clear();
            Span w = oe.wholeOrPart();
            Time b = w.begin.frac();
            Time e = b + (w.end - w.begin);
            compress(b, e, f(oe.value)).query(State{oe.part}, *ins);
            for (Event& ie : *ins) {
                std::optional<Span> whole;
                if (!subMaybeSpan(oe.whole, ie.whole, whole)) continue;
                auto part = oe.part.intersection(ie.part);
                if (!part) continue;
                out.push_back(Event{whole, *part, std::move(ie.value), ie.refs.merged(oe.refs)});
            }
        }
    });
}

Pattern clippedToQuery(const Pattern& p, SourceRefs refs) {
    return Pattern([p, refs](const State& st, Events& out) {
        const size_t from = out.size();
        forEachCycle(st.span, [&](const Span& piece) { p.query(State{piece}, out); });
        size_t kept = from;
        for (size_t i = from; i < out.size(); ++i) {
            Event& e = out[i];
            // Almost every part already lies inside the query; only the rest pays for subArc.
            if (!(st.span.begin <= e.part.begin && e.part.end <= st.span.end && e.part.begin < e.part.end)) {
                auto part = st.span.intersection(e.part);  // subArc (arc st) part, then subArc that (arc st)
                if (!part) continue;
                auto again = part->intersection(st.span);
                if (!again) continue;
                e.part = *again;
            }
            if (refs.a) e.refs = e.refs.merged(refs);
            if (kept != i) out[kept] = std::move(e);
            ++kept;
        }
        out.erase(out.begin() + long(kept), out.end());
    });
}

Pattern tParam(const Pattern& arg, PatternOfValue f) {
    if (arg.constant()) return clippedToQuery(f(*arg.constant()), arg.constantRefs());
    return innerBind(arg, std::move(f));
}

Pattern tParam2(const Pattern& a, const Pattern& b, std::function<Pattern(const Value&, const Value&)> f) {
    if (a.constant() && b.constant())
        return clippedToQuery(f(*a.constant(), *b.constant()), a.constantRefs().merged(b.constantRefs()));
    // Pair the two arguments' values in a map so one join can carry both.
    static const Symbol kA("\x01" "a"), kB("\x01" "b");
    Pattern pairs = appBoth(a, b, [](const Value& x, const Value& y) { return Value::map({{kA, x}, {kB, y}}); });
    return innerBind(pairs, [f = std::move(f)](const Value& v) { return f(*v.find(kA), *v.find(kB)); });
}

Pattern tParamSqueeze(const Pattern& arg, PatternOfValue f) { return squeezeBind(arg, std::move(f)); }

Pattern splitQueries(const Pattern& p) {
    return Pattern([p](const State& st, Events& out) {
        forEachCycle(st.span, [&](const Span& s) { p.query(State{s}, out); });
    });
}

Pattern withQuerySpan(const Pattern& p, std::function<Span(const Span&)> f) {
    return Pattern([p, f = std::move(f)](const State& st, Events& out) { p.query(State{f(st.span)}, out); });
}

Pattern withQueryTime(const Pattern& p, std::function<Time(const Time&)> f) {
    return Pattern([p, f = std::move(f)](const State& st, Events& out) {
        p.query(State{{f(st.span.begin), f(st.span.end)}}, out);
    });
}

Pattern withResultSpan(const Pattern& p, std::function<Span(const Span&)> f) {
    return Pattern([p, f = std::move(f)](const State& st, Events& out) {
        size_t from = out.size();
        p.query(st, out);
        mapEventSpans(out, from, f);
    });
}

Pattern withResultTime(const Pattern& p, std::function<Time(const Time&)> f) {
    return withResultSpan(p, [f = std::move(f)](const Span& s) { return Span{f(s.begin), f(s.end)}; });
}

Pattern withEvents(const Pattern& p, std::function<void(Events&, size_t)> f) {
    return Pattern([p, f = std::move(f)](const State& st, Events& out) {
        size_t from = out.size();
        p.query(st, out);
        f(out, from);
    });
}

Pattern fast(const Time& r, const Pattern& p) {
    if (r == Time(0)) return silence();
    if (r < Time(0)) return rev(fast(-r, p));
    if (r == Time(1)) return p;
    return Pattern([p, r, inverse = Time(1) / r](const State& st, Events& out) {
        size_t from = out.size();
        p.query(State{{st.span.begin * r, st.span.end * r}}, out);
        mapEventSpans(out, from, [&](const Span& s) { return Span{s.begin * inverse, s.end * inverse}; });
    });
}

Pattern slow(const Time& r, const Pattern& p) {
    if (r == Time(0)) return silence();
    return fast(Time(1) / r, p);
}

Pattern rotL(const Time& t, const Pattern& p) {
    if (t == Time(0)) return p;
    if (const auto& info = p.signalInfo(); info && !info->splitAtCycles)
        return signal([fn = info->fn, t](const Time& x) { return (*fn)(x + t); });
    return Pattern([p, t](const State& st, Events& out) {
        size_t from = out.size();
        p.query(State{{st.span.begin + t, st.span.end + t}}, out);
        mapEventSpans(out, from, [&](const Span& s) { return Span{s.begin - t, s.end - t}; });
    });
}

Pattern rotR(const Time& t, const Pattern& p) { return rotL(-t, p); }

Pattern rev(const Pattern& p) {
    return splitQueries(Pattern([p](const State& st, Events& out) {
        Time mid = sam(st.span.begin) + Time(1, 2);
        auto mirror = [&](const Span& s) { return Span{mid - (s.end - mid), mid + (mid - s.begin)}; };
        size_t from = out.size();
        p.query(State{mirror(st.span)}, out);
        for (size_t i = from; i < out.size(); ++i) {
            Event& e = out[i];
            Span part = e.part;
            Span newPart = mirror(part);
            if (e.whole) {
                // The whole keeps its offsets from the part, mirrored.
                Time before = part.begin - e.whole->begin;
                Time after = e.whole->end - part.end;
                e.whole = Span{newPart.begin - after, newPart.end + before};
            }
            e.part = newPart;
        }
    }));
}

Pattern fastGap(const Time& r, const Pattern& p) {
    // Tidal's _fastGap: only 0 is silence; factors below 1 (negative too) act as 1.
    if (r == Time(0)) return silence();
    Time factor = max(r, Time(1));
    Pattern inner([p, factor, inverse = Time(1) / factor](const State& st, Events& out) {
        auto munge = [&](const Time& t) { return sam(t) + min(Time(1), factor * t.frac()); };
        Span q{munge(st.span.begin), munge(st.span.end)};
        if (q.begin == nextSam(st.span.begin)) return;
        size_t from = out.size();
        p.query(State{q}, out);
        mapEventSpans(out, from, [&](const Span& s) {
            Time c = sam(s.begin);
            return Span{c + (s.begin - c) * inverse, c + (s.end - c) * inverse};
        });
    });
    return splitQueries(inner);
}

Pattern compress(const Time& b, const Time& e, const Pattern& p) {
    if (b > e || b > Time(1) || e > Time(1) || b < Time(0) || e < Time(0) || b == e) return silence();
    return rotR(b, fastGap(Time(1) / (e - b), p));
}

Pattern zoom(const Time& b, const Time& e, const Pattern& p) {
    if (b == e) return silence();
    Time d = e - b;
    auto mapCycle = [](const Span& s, auto&& f) {
        Time c = sam(s.begin);
        return Span{c + f(s.begin - c), c + f(s.end - c)};
    };
    Pattern q = withQuerySpan(p, [=](const Span& s) { return mapCycle(s, [&](const Time& t) { return t * d + b; }); });
    Pattern r = withResultSpan(q, [=](const Span& s) { return mapCycle(s, [&](const Time& t) { return (t - b) / d; }); });
    return splitQueries(r);
}

Pattern playFor(const Time& b, const Time& e, const Pattern& p) {
    return Pattern([p, b, e](const State& st, Events& out) {
        auto s = Span{b, e}.intersection(st.span);
        if (s) p.query(State{*s}, out);
    });
}

Pattern filterEvents(const Pattern& p, std::function<bool(const Event&)> keep) {
    return withEvents(p, [keep = std::move(keep)](Events& es, size_t from) {
        es.erase(std::remove_if(es.begin() + long(from), es.end(), [&](const Event& e) { return !keep(e); }), es.end());
    });
}

Pattern filterValues(const Pattern& p, std::function<bool(const Value&)> keep) {
    return filterEvents(p, [keep = std::move(keep)](const Event& e) { return keep(e.value); });
}

Pattern filterOnsets(const Pattern& p) {
    return filterEvents(p, [](const Event& e) { return e.hasOnset(); });
}
Pattern filterDigital(const Pattern& p) {
    return filterEvents(p, [](const Event& e) { return bool(e.whole); });
}
Pattern filterAnalog(const Pattern& p) {
    return filterEvents(p, [](const Event& e) { return !e.whole; });
}

Pattern whenCycle(std::function<bool(int64_t)> test, std::function<Pattern(const Pattern&)> f, const Pattern& p) {
    Pattern transformed = f(p);
    return splitQueries(Pattern([test = std::move(test), transformed, p](const State& st, Events& out) {
        if (test(st.span.begin.floorInt())) transformed.query(st, out);
        else p.query(st, out);
    }));
}

}  // namespace seiche
