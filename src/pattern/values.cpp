#include "pattern/values.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "pattern/scales.hpp"

namespace seiche {
namespace {

double unitFrac(double x) { return x - std::floor(x); }  // Haskell's mod' x 1 on Doubles

Pattern doubleSignal(double (*f)(const Time&)) {
    return signal([f](const Time& t) { return Value::dbl(f(t)); });
}

Value sameKind(const Value& like, double x) {
    return like.kind() == ValueKind::Note ? Value::note(x) : Value::dbl(x);
}

}  // namespace

Pattern sineSignal() {
    return doubleSignal([](const Time& t) { return (std::sin(std::numbers::pi * 2 * t.toDouble()) + 1) / 2; });
}
Pattern sine2Signal() {
    return doubleSignal([](const Time& t) { return std::sin(std::numbers::pi * 2 * t.toDouble()); });
}
Pattern cosineSignal() { return rotR(Time(1, 4), sineSignal()); }
Pattern cosine2Signal() { return rotR(Time(1, 4), sine2Signal()); }
Pattern sawSignal() {
    return doubleSignal([](const Time& t) { return unitFrac(t.toDouble()); });
}
Pattern saw2Signal() {
    return doubleSignal([](const Time& t) { return unitFrac(t.toDouble()) * 2 - 1; });
}
Pattern isawSignal() {
    return doubleSignal([](const Time& t) { return 1 - unitFrac(t.toDouble()); });
}
Pattern isaw2Signal() {
    return doubleSignal([](const Time& t) { return (unitFrac(t.toDouble()) * 2 - 1) * -1; });
}
Pattern triSignal() { return fastcat({sawSignal(), isawSignal()}); }
Pattern tri2Signal() { return fastcat({saw2Signal(), isaw2Signal()}); }
Pattern squareSignal() {
    return doubleSignal([](const Time& t) { return std::floor(unitFrac(t.toDouble()) * 2); });
}
Pattern square2Signal() {
    return doubleSignal([](const Time& t) { return std::floor(unitFrac(t.toDouble()) * 2) * 2 - 1; });
}
Pattern envLSignal() {
    return doubleSignal([](const Time& t) { return std::max(0.0, std::min(t.toDouble(), 1.0)); });
}
Pattern envLRSignal() {
    return doubleSignal([](const Time& t) { return 1 - std::max(0.0, std::min(t.toDouble(), 1.0)); });
}
Pattern envEqSignal() {
    return doubleSignal([](const Time& t) {
        return std::sqrt(std::sin(std::numbers::pi / 2 * std::max(0.0, std::min((Time(1) - t).toDouble(), 1.0))));
    });
}
Pattern envEqRSignal() {
    return doubleSignal([](const Time& t) {
        return std::sqrt(std::cos(std::numbers::pi / 2 * std::max(0.0, std::min((Time(1) - t).toDouble(), 1.0))));
    });
}

Pattern range(const Pattern& lo, const Pattern& hi, const Pattern& p) {
    static const Symbol kLo("\x01" "lo"), kHi("\x01" "hi");
    Pattern bounds = appRight(lo, hi, [](const Value& a, const Value& b) { return Value::map({{kLo, a}, {kHi, b}}); });
    return appRight(bounds, p, [](const Value& bs, const Value& v) {
        const Value& from = *bs.find(kLo);
        const Value& to = *bs.find(kHi);
        return applyNum(NumOp::Add, applyNum(NumOp::Mul, v, applyNum(NumOp::Sub, to, from)), from);
    });
}

Pattern rangex(double lo, double hi, const Pattern& p) {
    const double from = std::log(lo), to = std::log(hi);
    return fmap(p, [from, to](const Value& v) { return sameKind(v, std::exp(v.asDouble() * (to - from) + from)); });
}

Pattern quantise(double n, const Pattern& p) {
    return fmap(p, [n](const Value& v) {
        // Haskell's round: to nearest, ties to even (the default FP rounding mode).
        return sameKind(v, std::nearbyint(v.asDouble() * n) / n);
    });
}

Pattern qfloor(double n, const Pattern& p) {
    return fmap(p, [n](const Value& v) { return sameKind(v, std::floor(v.asDouble() * n) / n); });
}

Pattern qceiling(double n, const Pattern& p) {
    return fmap(p, [n](const Value& v) { return sameKind(v, std::ceil(v.asDouble() * n) / n); });
}

namespace {

// How many items [from .. limit] has, as Haskell's Enum instances count them:
// integers stop at the limit, fractional types half a step past it.
int64_t enumCount(const Value& n, int64_t from, int64_t offset) {
    if (n.kind() == ValueKind::Int) return std::max<int64_t>(0, n.asInt() + offset - from + 1);
    double lim = (n.asDouble() + double(offset)) + 0.5;
    if (n.kind() == ValueKind::Rational) lim = (n.asRational() + Rational(offset) + Rational(1, 2)).toDouble();
    if (!(lim >= double(from))) return 0;
    return int64_t(std::floor(lim - double(from))) + 1;
}

Value numberLike(const Value& like, int64_t k) {
    switch (like.kind()) {
        case ValueKind::Int: return Value::integer(k);
        case ValueKind::Note: return Value::note(double(k));
        case ValueKind::Rational: return Value::rational(Rational(k));
        default: return Value::dbl(double(k));
    }
}

int64_t floorMod(int64_t a, int64_t n) {
    int64_t m = a % n;
    return (m != 0 && ((m < 0) != (n < 0))) ? m + n : m;
}

// The counting pattern 0 .. count-1 squeezed into each cycle.
Pattern runCount(int64_t count, const Value& like) {
    if (count <= 0) return silence();
    Pattern perCycle([count, like](const State& st, Events& out) {
        forEachCycle(st.span, [&](const Span& part) {
            int64_t cyc = part.begin.floorInt();
            out.push_back(Event{cycleOf(part.begin), part, numberLike(like, floorMod(cyc, count))});
        });
    });
    return fast(Time(count), perCycle);
}

}  // namespace

Pattern runOf(const Value& n) { return runCount(enumCount(n, 0, -1), n); }

Pattern scanOf(const Value& n) {
    const int64_t count = enumCount(n, 1, 0);
    if (count <= 0) return silence();
    // slowcat [run 1, run 2, .. run n], built lazily (n may be large).
    return Pattern([count, n](const State& st, Events& out) {
        forEachCycle(st.span, [&](const Span& a) {
            int64_t cyc = a.begin.floorInt();
            int64_t i = floorMod(cyc, count);
            int64_t q = cyc - i;
            int64_t d = q / count - ((q % count != 0) && (q < 0) ? 1 : 0);
            Time offset(cyc - d);
            size_t from = out.size();
            runCount(i + 1, n).query(State{{a.begin - offset, a.end - offset}}, out);
            for (size_t k = from; k < out.size(); ++k) {
                Event& e = out[k];
                if (e.whole) e.whole = Span{e.whole->begin + offset, e.whole->end + offset};
                e.part = Span{e.part.begin + offset, e.part.end + offset};
            }
        });
    });
}

Pattern run(const Pattern& n) { return bind(n, runOf); }
Pattern scan(const Pattern& n) { return bind(n, scanOf); }

Pattern scale(const Pattern& names, const Pattern& degrees) {
    static const std::vector<double> root{0};
    return appLeft(degrees, names, [](const Value& deg, const Value& name) {
        const std::vector<double>* steps = name.kind() == ValueKind::String ? findScale(name.asSymbol().str()) : nullptr;
        return Value::dbl(noteInScale(steps ? *steps : root, deg.asInt()));
    });
}

Pattern toScaleWith(int64_t octave, const std::vector<Value>& steps, const Pattern& degrees) {
    if (steps.empty()) return silence();
    return fmap(degrees, [octave, steps](const Value& deg) {
        const int64_t len = int64_t(steps.size());
        const int64_t x = deg.asInt();
        const int64_t idx = floorMod(x, len);
        const int64_t oct = (x - idx) / len;
        const Value& s = steps[size_t(idx)];
        if (s.kind() == ValueKind::Int) return Value::integer(s.asInt() + octave * oct);
        return applyNum(NumOp::Add, s, numberLike(s, octave * oct));
    });
}

// --- arpeggios

namespace {

using EventList = std::vector<Event>;

EventList converge(EventList xs) {
    // first, last, second, second-to-last, ...
    EventList out;
    size_t lo = 0, hi = xs.size();
    bool front = true;
    while (lo < hi) {
        if (front) out.push_back(xs[lo++]);
        else out.push_back(xs[--hi]);
        front = !front;
    }
    return out;
}

EventList reversed(EventList xs) {
    std::reverse(xs.begin(), xs.end());
    return xs;
}

EventList dropLast(EventList xs) {
    if (!xs.empty()) xs.pop_back();
    return xs;
}

EventList concat(EventList a, const EventList& b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

EventList pinkyup(const EventList& xs) {
    EventList out;
    if (xs.empty()) return out;
    for (size_t i = 0; i + 1 < xs.size(); ++i) {
        out.push_back(xs[i]);
        out.push_back(xs.back());
    }
    return out;
}

EventList thumbup(const EventList& xs) {
    EventList out;
    for (size_t i = 1; i < xs.size(); ++i) {
        out.push_back(xs.front());
        out.push_back(xs[i]);
    }
    return out;
}

using ArpFn = EventList (*)(EventList);

const std::vector<std::pair<std::string_view, ArpFn>>& arpTable() {
    static const std::vector<std::pair<std::string_view, ArpFn>> table = {
        {"up", [](EventList x) { return x; }},
        {"down", [](EventList x) { return reversed(x); }},
        {"updown", [](EventList x) { return concat(dropLast(x), dropLast(reversed(x))); }},
        {"downup", [](EventList x) { return concat(dropLast(reversed(x)), dropLast(x)); }},
        {"up&down", [](EventList x) { return concat(x, reversed(x)); }},
        {"down&up", [](EventList x) { return concat(reversed(x), x); }},
        {"converge", [](EventList x) { return converge(std::move(x)); }},
        {"diverge", [](EventList x) { return reversed(converge(std::move(x))); }},
        {"disconverge",
         [](EventList x) {
             EventList c = converge(std::move(x));
             EventList r = reversed(c);
             if (!r.empty()) r.erase(r.begin());
             return concat(c, r);
         }},
        {"pinkyup", [](EventList x) { return pinkyup(x); }},
        {"pinkyupdown", [](EventList x) { return concat(dropLast(pinkyup(x)), dropLast(reversed(pinkyup(x)))); }},
        {"thumbup", [](EventList x) { return thumbup(x); }},
        {"thumbupdown", [](EventList x) { return concat(dropLast(thumbup(x)), dropLast(reversed(thumbup(x)))); }},
    };
    return table;
}

bool wholeLess(const std::optional<Span>& a, const std::optional<Span>& b) {
    if (!a || !b) return !a && b;
    if (a->begin != b->begin) return a->begin < b->begin;
    return a->end < b->end;
}

Pattern arpWith(ArpFn f, const Pattern& p) {
    return withEvents(p, [f](Events& es, size_t from) {
        EventList in(std::make_move_iterator(es.begin() + long(from)), std::make_move_iterator(es.end()));
        es.resize(from);
        std::stable_sort(in.begin(), in.end(), [](const Event& a, const Event& b) { return wholeLess(a.whole, b.whole); });
        size_t i = 0;
        while (i < in.size()) {
            size_t j = i + 1;
            while (j < in.size() && in[j].whole == in[i].whole) ++j;
            EventList group = f(EventList(in.begin() + long(i), in.begin() + long(j)));
            const Time d(int64_t(group.size()));
            for (size_t k = 0; k < group.size(); ++k) {
                Event& e = group[k];
                if (!e.whole) continue;  // signals have no span to spread over
                const Time dur = (e.whole->end - e.whole->begin) / d;
                const Time b = e.whole->begin + dur * Time(int64_t(k));
                const Span w{b, b + dur};
                auto part = w.intersection(e.part);
                if (!part) continue;
                es.push_back(Event{w, *part, e.value, e.refs});
            }
            i = j;
        }
    });
}

}  // namespace

const std::vector<std::string_view>& arpModes() {
    static const std::vector<std::string_view> names = [] {
        std::vector<std::string_view> out;
        for (const auto& [n, f] : arpTable()) out.push_back(n);
        return out;
    }();
    return names;
}

Pattern arpWithMode(std::string_view mode, const Pattern& p) {
    for (const auto& [n, f] : arpTable())
        if (n == mode) return arpWith(f, p);
    return arpWith(arpTable()[0].second, p);  // unknown modes leave the order alone
}


Pattern arp(const Pattern& modes, const Pattern& p) {
    return tParam(modes, [p](const Value& v) {
        return arpWithMode(v.kind() == ValueKind::String ? std::string_view(v.asSymbol().str()) : std::string_view(), p);
    });
}

// --- fix / contrast

bool tidalValueEq(const Value& a, const Value& b) {
    using K = ValueKind;
    const K x = a.kind(), y = b.kind();
    if (x == y) return a == b;
    auto isFIR = [](K k) { return k == K::Double || k == K::Int || k == K::Rational; };
    if (!isFIR(x) || !isFIR(y)) return false;  // notes only equal notes
    if (x == K::Double || y == K::Double) {
        const Value& f = x == K::Double ? a : b;
        const Value& o = x == K::Double ? b : a;
        if (o.kind() == K::Int) return f.asDouble() == double(o.asInt());
        if (!std::isfinite(f.asDouble())) return false;
        return Rational::fromDouble(f.asDouble()) == o.asRational();
    }
    return a.asRational() == b.asRational();  // Int and Rational
}

namespace {

bool isSubmap(const Value& small, const Value& big) {
    if (small.kind() != ValueKind::Map || big.kind() != ValueKind::Map) return false;
    for (const auto& [k, v] : small.asMap()) {
        const Value* o = big.find(k);
        if (!o || !tidalValueEq(v, *o)) return false;
    }
    return true;
}

Pattern matching(const Pattern& test, const Pattern& p, bool want) {
    return Pattern([test, p, want](const State& st, Events& out) {
        Events es, probes;
        p.query(st, es);
        for (Event& e : es) {
            probes.clear();
            const Time t = e.wholeStart();
            test.query(State{{t, t}}, probes);
            bool hit = std::any_of(probes.begin(), probes.end(), [&](const Event& a) { return isSubmap(a.value, e.value); });
            if (hit == want) out.push_back(std::move(e));
        }
    });
}

}  // namespace

Pattern contrast(const PatternFn& f, const PatternFn& g, const Pattern& test, const Pattern& p) {
    return overlay(f(matching(test, p, true)), g(matching(test, p, false)));
}

Pattern fix(const PatternFn& f, const Pattern& test, const Pattern& p) {
    return contrast(f, [](const Pattern& x) { return x; }, test, p);
}

Pattern unfix(const PatternFn& f, const Pattern& test, const Pattern& p) {
    return contrast([](const Pattern& x) { return x; }, f, test, p);
}

}  // namespace seiche
