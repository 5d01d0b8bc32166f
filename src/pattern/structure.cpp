#include "pattern/structure.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "pattern/random.hpp"

namespace seiche {
namespace {

Time hmodTime(const Time& t, const Time& m) { return t - m * (t / m).floor(); }  // Haskell mod'

Time cyclePos(const Time& t) { return t - sam(t); }

// Tidal's _fastGap: zero gives silence, factors below one act as one.
// Tidal's compressArcTo: the span's cycle position, keeping its length.
Pattern compressTo(const Span& s, const Pattern& p) { return compress(cyclePos(s.begin), s.end - sam(s.begin), p); }

// Keeps events whose whole (or part) starts inside / outside [s, e) of its cycle.
Pattern filterWhen(const Pattern& p, std::function<bool(const Time&)> test) {
    return filterEvents(p, [test = std::move(test)](const Event& e) { return test(e.wholeStart()); });
}

// Tidal's `xs !!! i`: cyclic indexing.
template <typename T>
const T& cyclicIndex(const std::vector<T>& xs, int64_t i) {
    if (xs.empty()) throw std::domain_error("divide by zero");
    return xs[size_t(haskellMod(i, int64_t(xs.size())))];
}

const Symbol& sym(const char* name) {
    // Interning is cheap but not free; keep the few control names we use.
    static const Symbol pan("pan"), gain("gain"), speed("speed"), end("end");
    std::string_view n(name);
    if (n == "pan") return pan;
    if (n == "gain") return gain;
    if (n == "speed") return speed;
    return end;
}

Value ctrl(const char* name, double x) { return Value::map({{sym(name), Value::dbl(x)}}); }

BinaryFn numOp(NumOp op) {
    return [op](const Value& a, const Value& b) { return applyNum(op, a, b); };
}

Value takeRight(const Value&, const Value& b) { return b; }

// Tidal would build these structures however large; we refuse sizes that
// would exhaust memory or the stack instead of hanging the engine.
constexpr int64_t kMaxSteps = 1'000'000;  // steps of one list-built pattern
constexpr int64_t kMaxDepth = 1'000;      // nested layers (stutWith, plyWith)

void checkSteps(int64_t n, const char* what) {
    if (n > kMaxSteps) throw std::length_error(std::string(what) + ": too many steps");
}
void checkDepth(double n, const char* what) {
    if (n > double(kMaxDepth)) throw std::length_error(std::string(what) + ": too many repeats");
}
Value takeLeft(const Value& a, const Value&) { return a; }

}  // namespace

// ---------------------------------------------------------------- helpers

bool truthy(const Value& v) {
    if (v.kind() == ValueKind::Bool) return v.asBool();
    if (v.isNumeric()) return v.asDouble() != 0;
    return false;
}

int64_t haskellMod(int64_t x, int64_t m) {
    if (m == 0) throw std::domain_error("divide by zero");
    if (m == -1) return 0;
    int64_t r = x % m;
    return (r != 0 && ((r < 0) != (m < 0))) ? r + m : r;
}

std::vector<bool> bjorklund(int64_t k, int64_t n) {
    checkSteps(std::max(k, n), "euclid");
    // Groups of steps: `heads` (starting with an onset) and `tails`; the
    // two counts (i, j) shrink Euclid-style until one of them is at most 1.
    using Group = std::vector<bool>;
    int64_t i = k, j = n - k;
    std::vector<Group> xs(size_t(std::max<int64_t>(i, 0)), Group{true});
    std::vector<Group> ys(size_t(std::max<int64_t>(j, 0)), Group{false});
    while (std::min(i, j) > 1) {
        if (i > j) {
            // Pair the first j heads with the tails; the remaining heads become tails.
            std::vector<Group> nx, ny;
            size_t split = std::min(size_t(j), xs.size());
            for (size_t a = 0; a < split && a < ys.size(); ++a) {
                Group g = xs[a];
                g.insert(g.end(), ys[a].begin(), ys[a].end());
                nx.push_back(std::move(g));
            }
            for (size_t a = split; a < xs.size(); ++a) ny.push_back(xs[a]);
            int64_t ni = j, nj = i - j;
            xs = std::move(nx);
            ys = std::move(ny);
            i = ni;
            j = nj;
        } else {
            // Pair every head with one of the first i tails; the rest stay tails.
            std::vector<Group> nx, ny;
            size_t split = std::min(size_t(i), ys.size());
            for (size_t a = 0; a < xs.size() && a < split; ++a) {
                Group g = xs[a];
                g.insert(g.end(), ys[a].begin(), ys[a].end());
                nx.push_back(std::move(g));
            }
            for (size_t a = split; a < ys.size(); ++a) ny.push_back(ys[a]);
            xs = std::move(nx);
            ys = std::move(ny);
            j = j - i;
        }
    }
    std::vector<bool> out;
    for (auto& g : xs) out.insert(out.end(), g.begin(), g.end());
    for (auto& g : ys) out.insert(out.end(), g.begin(), g.end());
    return out;
}

Pattern tParam3(const Pattern& a, const Pattern& b, const Pattern& c,
                std::function<Pattern(const Value&, const Value&, const Value&)> f) {
    if (a.constant() && b.constant() && c.constant())
        return clippedToQuery(f(*a.constant(), *b.constant(), *c.constant()));
    static const Symbol kA("\x01" "x"), kB("\x01" "y"), kC("\x01" "z");
    Pattern ab = appBoth(a, b, [](const Value& x, const Value& y) { return Value::map({{kA, x}, {kB, y}}); });
    Pattern abc = appBoth(ab, c, [](const Value& xy, const Value& z) {
        return Value::map({{kA, *xy.find(kA)}, {kB, *xy.find(kB)}, {kC, z}});
    });
    return innerBind(abc, [f = std::move(f)](const Value& v) { return f(*v.find(kA), *v.find(kB), *v.find(kC)); });
}

// Tidal's `(\a b -> ...) <$> x <* y` followed by innerJoin.
static Pattern tParam2Left(const Pattern& a, const Pattern& b, std::function<Pattern(const Value&, const Value&)> f) {
    if (a.constant() && b.constant()) return clippedToQuery(f(*a.constant(), *b.constant()));
    static const Symbol kA("\x01" "l"), kB("\x01" "r");
    Pattern pairs = appLeft(a, b, [](const Value& x, const Value& y) { return Value::map({{kA, x}, {kB, y}}); });
    return innerBind(pairs, [f = std::move(f)](const Value& v) { return f(*v.find(kA), *v.find(kB)); });
}

// ---------------------------------------------------------------- patterned core helpers

Pattern fastP(const Pattern& r, const Pattern& p) {
    return tParam(r, [p](const Value& v) { return fast(v.asRational(), p); });
}

Pattern slowP(const Pattern& r, const Pattern& p) {
    return tParam(r, [p](const Value& v) { return slow(v.asRational(), p); });
}

Pattern rotRP(const Pattern& t, const Pattern& p) {
    return tParam(t, [p](const Value& v) { return rotR(v.asRational(), p); });
}

Pattern fastGapP(const Pattern& r, const Pattern& p) {
    return tParam(r, [p](const Value& v) { return fastGap(v.asRational(), p); });
}

Pattern fastSqueeze(const Pattern& r, const Pattern& p) {
    return tParamSqueeze(r, [p](const Value& v) { return fast(v.asRational(), p); });
}

Pattern slowSqueeze(const Pattern& r, const Pattern& p) {
    return tParamSqueeze(r, [p](const Value& v) { return slow(v.asRational(), p); });
}

// ---------------------------------------------------------------- conditional application

static Pattern everyN(int64_t n, const PatternFn& f, const Pattern& p) {
    if (n == 0) return p;
    return whenCycle([n](int64_t c) { return haskellMod(c, n) == 0; }, f, p);
}

Pattern every(const Pattern& n, PatternFn f, const Pattern& p) {
    return tParam(n, [f = std::move(f), p](const Value& v) { return everyN(v.asInt(), f, p); });
}

Pattern everyOffset(const Pattern& n, const Pattern& o, PatternFn f, const Pattern& p) {
    // 1.7.10 uses the pattern monad here (`do n <- np; o <- op; ...`): bind, not innerJoin.
    return bind(n, [o, f = std::move(f), p](const Value& nv) {
        int64_t nn = nv.asInt();
        return bind(o, [nn, f, p](const Value& ov) {
            int64_t oo = ov.asInt();
            return whenCycle([nn, oo](int64_t c) { return haskellMod(c, nn) == oo; }, f, p);
        });
    });
}

Pattern foldEvery(const std::vector<int64_t>& ns, PatternFn f, const Pattern& p) {
    Pattern acc = p;
    for (auto it = ns.rbegin(); it != ns.rend(); ++it) acc = everyN(*it, f, acc);
    return acc;
}

Pattern whenT(std::function<bool(const Time&)> test, PatternFn f, const Pattern& p) {
    Pattern transformed = f(p);
    return splitQueries(Pattern([test = std::move(test), transformed, p](const State& st, Events& out) {
        if (test(st.span.begin)) transformed.query(st, out);
        else p.query(st, out);
    }));
}

Pattern ifp(std::function<bool(int64_t)> test, PatternFn f1, PatternFn f2, const Pattern& p) {
    Pattern a = f1(p), b = f2(p);
    return splitQueries(Pattern([test = std::move(test), a, b](const State& st, Events& out) {
        if (test(st.span.begin.floorInt())) a.query(st, out);
        else b.query(st, out);
    }));
}

Pattern whenmod(const Pattern& a, const Pattern& b, PatternFn f, const Pattern& p) {
    return tParam2(a, b, [f = std::move(f), p](const Value& av, const Value& bv) {
        Time am = av.asRational(), bm = bv.asRational();
        return whenT([am, bm](const Time& t) { return hmodTime(t, am) >= bm; }, f, p);
    });
}

Pattern within(const Time& s, const Time& e, PatternFn f, const Pattern& p) {
    auto inside = [s, e](const Time& t) {
        Time c = cyclePos(t);
        return c >= s && c < e;
    };
    return stack({filterWhen(f(p), inside), filterWhen(p, [inside](const Time& t) { return !inside(t); })});
}

Pattern withinPrime(const Time& s, const Time& e, PatternFn f, const Pattern& p) {
    auto inside = [s, e](const Time& t) {
        Time c = cyclePos(t);
        return c >= s && c < e;
    };
    return stack({filterWhen(compress(s, e, f(zoom(s, e, p))), inside),
                  filterWhen(p, [inside](const Time& t) { return !inside(t); })});
}

static Pattern insideT(const Time& n, const PatternFn& f, const Pattern& p) { return fast(n, f(slow(n, p))); }

Pattern inside(const Pattern& n, PatternFn f, const Pattern& p) {
    return tParam(n, [f = std::move(f), p](const Value& v) { return insideT(v.asRational(), f, p); });
}

Pattern outside(const Pattern& n, PatternFn f, const Pattern& p) {
    return tParam(n, [f = std::move(f), p](const Value& v) { return insideT(Time(1) / v.asRational(), f, p); });
}

Pattern whileP(const Pattern& b, PatternFn f, const Pattern& p) { return sew(b, f(p), p); }

Pattern chunk(const Pattern& n, PatternFn f, const Pattern& p) {
    return tParam(n, [f = std::move(f), p](const Value& v) {
        int64_t k = v.asInt();
        checkSteps(k, "chunk");
        std::vector<Pattern> parts;
        for (int64_t i = 0; i < k; ++i) parts.push_back(within(Time(i, k), Time(i + 1, k), f, p));
        return slowcat(std::move(parts));
    });
}

Pattern chunkPrime(const Pattern& n, PatternFn f, const Pattern& p) {
    return tParam(n, [f = std::move(f), p](const Value& v) {
        int64_t k = v.asInt();
        checkSteps(k, "chunk'");
        if (k <= 0) return silence();
        // `do i <- _slow n $ rev $ run n; within (i/n, (i+1)/n) f p` (monadic bind)
        std::vector<Pattern> steps;
        for (int64_t i = 0; i < k; ++i) steps.push_back(pure(Value::integer(i)));
        Pattern order = slow(Time(k), rev(fastcat(std::move(steps))));
        return bind(order, [k, f, p](const Value& iv) {
            int64_t i = iv.asInt();
            return within(Time(i, k), Time(i + 1, k), f, p);
        });
    });
}

Pattern pickF(const Pattern& i, std::vector<PatternFn> fs, const Pattern& p) {
    return tParam(i, [fs = std::move(fs), p](const Value& v) { return cyclicIndex(fs, v.asInt())(p); });
}

Pattern selectF(const Pattern& x, std::vector<PatternFn> fs, const Pattern& p) {
    return tParam(x, [fs = std::move(fs), p](const Value& v) {
        double f = std::max(0.0, std::min(0.999999, v.asDouble()));
        auto idx = int64_t(std::floor(f * double(fs.size())));
        if (idx < 0 || size_t(idx) >= fs.size()) throw std::out_of_range("selectF: index too large");
        return fs[size_t(idx)](p);
    });
}

// ---------------------------------------------------------------- layering

Pattern superimpose(PatternFn f, const Pattern& p) { return stack({p, f(p)}); }

Pattern off(const Pattern& t, PatternFn f, const Pattern& p) {
    return tParam(t, [f = std::move(f), p](const Value& v) { return stack({p, f(rotR(v.asRational(), p))}); });
}

Pattern layer(const std::vector<PatternFn>& fs, const Pattern& p) {
    std::vector<Pattern> ps;
    for (const auto& f : fs) ps.push_back(f(p));
    return stack(std::move(ps));
}

Pattern juxBy(const Pattern& n, PatternFn f, const Pattern& p) {
    // p |+ pan 0.5 |- pan (n/2)  and  f (p |+ pan 0.5 |+ pan (n/2))
    Pattern centred = appLeft(p, pure(ctrl("pan", 0.5)), numOp(NumOp::Add));
    Pattern half = fmap(n, [](const Value& v) { return ctrl("pan", v.asDouble() / 2); });
    Pattern left = appLeft(centred, half, numOp(NumOp::Sub));
    Pattern right = appLeft(centred, half, numOp(NumOp::Add));
    return stack({left, f(right)});
}

Pattern jux(PatternFn f, const Pattern& p) { return juxBy(pure(Value::dbl(1)), std::move(f), p); }

Pattern stut(const Pattern& count, const Pattern& feedback, const Pattern& steptime, const Pattern& p) {
    return tParam3(count, feedback, steptime, [p](const Value& cv, const Value& fv, const Value& tv) {
        int64_t n = cv.asInt();
        checkDepth(double(n), "stut");
        double fb = fv.asDouble();
        Time step = tv.asRational();
        std::vector<Pattern> layers{p};
        for (int64_t x = 1; x < n; ++x) {
            double g = (double(n) - double(x)) / double(n) * (1 - fb) + fb;
            layers.push_back(rotR(Time(x) * step, appLeft(p, pure(ctrl("gain", g)), numOp(NumOp::Mul))));
        }
        return stack(std::move(layers));
    });
}

static Pattern stutWithN(double count, const Time& step, const PatternFn& f, const Pattern& p) {
    checkDepth(count, "stutWith");
    Pattern acc = p;
    for (; count > 1; count -= 1) acc = overlay(f(rotR(step, acc)), p);
    return acc;
}

Pattern stutWith(const Pattern& n, const Pattern& t, PatternFn f, const Pattern& p) {
    return tParam2Left(n, t, [f = std::move(f), p](const Value& nv, const Value& tv) {
        return stutWithN(double(nv.asInt()), tv.asRational(), f, p);
    });
}

Pattern stutter(int64_t n, const Time& t, const Pattern& p) {
    checkDepth(double(n), "stutter");
    std::vector<Pattern> ps;
    for (int64_t i = 0; i < n; ++i) ps.push_back(rotR(t * Time(i), p));
    return stack(std::move(ps));
}

Pattern echo(const Time& t, const Pattern& p) { return stutter(2, t, p); }

Pattern echo19(const Pattern& count, const Pattern& time, const Pattern& feedback, const Pattern& p) {
    return tParam3(count, time, feedback, [p](const Value& cv, const Value& tv, const Value& fv) {
        Value g = ctrl("gain", fv.asDouble());
        PatternFn quieter = [g](const Pattern& q) { return appLeft(q, pure(g), numOp(NumOp::Mul)); };
        return stutWithN(double(cv.asInt()), tv.asRational(), quieter, p);
    });
}

Pattern ghostWith(const Time& a, PatternFn f, const Pattern& p) {
    Pattern inner = stack({p, rotR(a * Time(3, 2), f(p))});
    return stack({inner, rotR(a * Time(5, 2), f(inner))});
}

Pattern ghostPrime(const Time& a, const Pattern& p) {
    PatternFn f = [](const Pattern& q) {
        Pattern sp = appBoth(q, pure(ctrl("speed", 1.25)), numOp(NumOp::Mul));
        Pattern en = appLeft(sp, pure(ctrl("end", 0.2)), unionPreferRight);
        return appBoth(en, pure(ctrl("gain", 0.7)), numOp(NumOp::Mul));
    };
    return ghostWith(a, f, p);
}

Pattern ghost(const Pattern& p) { return ghostPrime(Time(1, 8), p); }

Pattern hurry(const Pattern& r, const Pattern& p) {
    Pattern speeds = fmap(r, [](const Value& v) { return ctrl("speed", v.asRational().toDouble()); });
    return appLeft(fastP(r, p), speeds, numOp(NumOp::Mul));
}

// ---------------------------------------------------------------- time structure

Pattern ply(const Pattern& n, const Pattern& p) {
    return tParam(n, [p](const Value& v) {
        Time r = v.asRational();
        return squeezeBind(p, [r](const Value& x) { return fast(r, pure(x)); });
    });
}

// Tidal's arpeggiate (arpWith id); plyWith ends with it.
Pattern arpeggiate(const Pattern& p) {
    return withEvents(p, [](Events& es, size_t from) {
        Events mine(std::make_move_iterator(es.begin() + long(from)), std::make_move_iterator(es.end()));
        es.resize(from);
        // sortOn whole: Nothing first, then by (start, stop); stable.
        std::stable_sort(mine.begin(), mine.end(), [](const Event& a, const Event& b) {
            if (!a.whole || !b.whole) return !a.whole && b.whole;
            if (a.whole->begin != b.whole->begin) return a.whole->begin < b.whole->begin;
            return a.whole->end < b.whole->end;
        });
        size_t i = 0;
        while (i < mine.size()) {
            size_t j = i + 1;
            while (j < mine.size() && mine[j].whole == mine[i].whole) ++j;
            const int64_t d = int64_t(j - i);
            for (size_t k = i; k < j; ++k) {
                Event& e = mine[k];
                if (!e.whole) continue;  // analog events are dropped
                Time dur = (e.whole->end - e.whole->begin) / Time(d);
                Time ns = e.whole->begin + dur * Time(int64_t(k - i));
                Span w{ns, ns + dur};
                auto part = w.intersection(e.part);
                if (!part) continue;
                es.push_back(Event{w, *part, std::move(e.value), e.refs});
            }
            i = j;
        }
    });
}

Pattern plyWith(const Pattern& n, PatternFn f, const Pattern& p) {
    return tParam(n, [f = std::move(f), p](const Value& v) {
        // compound n = p when n <= 1, else overlay p (f (compound (n - 1)))
        Time count = v.asRational();
        checkDepth(count.toDouble(), "plyWith");
        int64_t depth = 0;
        while (count > Time(1)) {
            count -= Time(1);
            ++depth;
        }
        Pattern acc = p;
        for (int64_t i = 0; i < depth; ++i) acc = overlay(p, f(acc));
        return arpeggiate(acc);
    });
}

Pattern iter(const Pattern& n, const Pattern& p) {
    return tParam(n, [p](const Value& v) {
        int64_t k = v.asInt();
        checkSteps(k, "iter");
        std::vector<Pattern> ps;
        for (int64_t i = 0; i < k; ++i) ps.push_back(rotL(Time(i, k), p));
        return slowcat(std::move(ps));
    });
}

Pattern iterPrime(const Pattern& n, const Pattern& p) {
    return tParam(n, [p](const Value& v) {
        int64_t k = v.asInt();
        checkSteps(k, "iter");
        std::vector<Pattern> ps;
        for (int64_t i = 0; i < k; ++i) ps.push_back(rotR(Time(i, k), p));
        return slowcat(std::move(ps));
    });
}

Pattern palindrome(const Pattern& p) { return slowcat({p, rev(p)}); }

Pattern brak(const Pattern& p) {
    return whenCycle([](int64_t c) { return haskellMod(c, 2) == 1; },
                     [](const Pattern& x) { return rotR(Time(1, 4), fastcat({x, silence()})); }, p);
}

// Tidal 1.7.10's _linger: `_fast (1/n) $ zoomArc (Arc 0 n) p`, or for a negative
// n `_fast (1/n) $ zoomArc (Arc (1+n) 1) p` (a negative factor also reverses).
// With n > 1 (or n < -1) the zoom reaches past the cycle and the slowed result
// answers outside the query: cycle c of `linger 2 p` plays p's cycle c squeezed
// into [2c, 2c+1). innerJoin drops what falls outside the query, so `linger 2`
// over [0,2) is only p's cycle 0 in [0,1) (tParam clips like innerJoin).
Pattern linger(const Pattern& n, const Pattern& p) {
    return tParam(n, [p](const Value& v) {
        Time r = v.asRational();
        if (r < Time(0)) return fast(Time(1) / r, zoom(Time(1) + r, Time(1), p));
        return fast(Time(1) / r, zoom(Time(0), r, p));
    });
}

Pattern segment(const Pattern& n, const Pattern& p) {
    return tParam(n, [p](const Value& v) { return appLeft(fast(v.asRational(), pure(Value())), p, takeRight); });
}

Pattern trunc(const Pattern& t, const Pattern& p) {
    return tParam(t, [p](const Value& v) {
        Time r = v.asRational();
        return compress(Time(0), r, zoom(Time(0), r, p));
    });
}

namespace {

bool spanLess(const Span& a, const Span& b) {
    if (a.begin != b.begin) return a.begin < b.begin;
    return a.end < b.end;
}

// Tidal's derived Ord on events: context (source positions) first. Our
// source-ref ids stand in for the positions (they are handed out in source
// order), then whole, part and value.
bool eventLess(const Event& a, const Event& b) {
    if (a.refs.a != b.refs.a) return a.refs.a < b.refs.a;
    if (a.refs.b != b.refs.b) return a.refs.b < b.refs.b;
    if (a.whole != b.whole) {
        if (!a.whole || !b.whole) return !a.whole;
        return spanLess(*a.whole, *b.whole);
    }
    if (a.part != b.part) return spanLess(a.part, b.part);
    return a.value < b.value;
}

// Tidal's defragParts: joins fragments of the same event that touch.
Events defragParts(Events es) {
    Events out;
    while (!es.empty()) {
        Event e = std::move(es.front());
        es.erase(es.begin());
        auto adjacent = std::find_if(es.begin(), es.end(), [&](const Event& o) {
            return o.whole == e.whole && o.value == e.value && (e.part.end == o.part.begin || o.part.end == e.part.begin);
        });
        if (adjacent != es.end()) {
            e.part = Span{min(e.part.begin, adjacent->part.begin), max(e.part.end, adjacent->part.end)};
            es.erase(adjacent);
        }
        out.push_back(std::move(e));
    }
    return out;
}

}  // namespace

Pattern rot(const Pattern& n, const Pattern& p) {
    return tParam(n, [p](const Value& v) {
        int64_t shift = v.asInt();
        return splitQueries(Pattern([p, shift](const State& st, Events& out) {
            Events es;
            p.query(State{cycleOf(st.span.begin)}, es);
            es = defragParts(std::move(es));
            std::stable_sort(es.begin(), es.end(), eventLess);
            const int64_t len = int64_t(es.size());
            if (len == 0) return;
            int64_t offset;
            if (shift >= 0) offset = shift % len;
            else offset = std::max<int64_t>(0, len - (shift == INT64_MIN ? INT64_MAX : -shift)) % len;
            std::vector<Value> values;
            for (const auto& e : es) values.push_back(e.value);
            for (int64_t k = 0; k < len; ++k) {
                Event& e = es[size_t(k)];
                auto part = e.part.intersection(st.span);
                if (!part) continue;
                out.push_back(Event{e.whole, *part, values[size_t((k + offset) % len)], e.refs});
            }
        }));
    });
}

Pattern swingBy(const Pattern& x, const Pattern& n, const Pattern& p) {
    return inside(n, [x](const Pattern& q) { return within(Time(1, 2), Time(1), [x](const Pattern& r) { return rotRP(x, r); }, q); }, p);
}

Pattern swing(const Pattern& n, const Pattern& p) { return swingBy(pure(Value::rational(Time(1, 3))), n, p); }

Pattern spaceOut(const std::vector<Time>& xs, const Pattern& p) {
    Time total(0);
    for (const auto& x : xs) total += x;
    if (total == Time(0)) return silence();
    std::vector<Pattern> ps;
    Time offset(0);
    for (const auto& x : xs) {
        // Tidal divides by each span's width when it is queried.
        if (x == Time(0)) throw std::domain_error("spaceOut: zero duration");
        ps.push_back(compress(offset / total, (offset + x) / total, p));
        offset += x;
    }
    return slow(total, stack(std::move(ps)));
}

Pattern stretch(const Pattern& p) {
    return splitQueries(Pattern([p](const State& st, Events& out) {
        Events es;
        p.query(State{cycleOf(st.span.begin)}, es);
        Span enclosing{Time(0), Time(1)};
        if (!es.empty()) {
            enclosing = es.front().wholeOrPart();
            for (const auto& e : es) {
                Span w = e.wholeOrPart();
                enclosing = Span{min(enclosing.begin, w.begin), max(enclosing.end, w.end)};
            }
        }
        Time b = cyclePos(enclosing.begin);
        Time e = b + (enclosing.end - enclosing.begin);
        zoom(b, e, p).query(st, out);
    }));
}

Pattern weaveWith(const Time& t, const Pattern& p, const std::vector<PatternFn>& fs) {
    if (fs.empty()) return silence();
    const int64_t l = int64_t(fs.size());
    std::vector<Pattern> ps;
    for (int64_t i = 0; i < l; ++i) ps.push_back(rotL(Time(i, l), fast(t, fs[size_t(i)](slow(t, p)))));
    return slow(t, stack(std::move(ps)));
}

Pattern weave(const Time& t, const Pattern& p, const std::vector<Pattern>& ps) {
    std::vector<PatternFn> fs;
    for (const auto& x : ps) fs.push_back([x](const Pattern& q) { return appLeft(x, q, unionPreferRight); });
    return weaveWith(t, p, fs);
}

Pattern wedge(const Pattern& t, const Pattern& a, const Pattern& b) {
    return tParam(t, [a, b](const Value& v) {
        Time r = v.asRational();
        if (r == Time(0)) return b;
        if (r == Time(1)) return a;
        return overlay(fastGap(Time(1) / r, a), rotR(r, fastGap(Time(1) / (Time(1) - r), b)));
    });
}

// ---------------------------------------------------------------- selection

// _fit's index: the value plus perCycle times the cycle of the event's part.
static Pattern fitIndices(int64_t perCycle, const Pattern& ipat) {
    return withEvents(ipat, [perCycle](Events& es, size_t from) {
        for (size_t i = from; i < es.size(); ++i) {
            Event& e = es[i];
            e.value = Value::integer(e.value.asInt() + perCycle * e.part.begin.floorInt());
        }
    });
}

Pattern fit(const Pattern& step, std::vector<Value> xs, const Pattern& ipat) {
    return tParam(step, [xs = std::move(xs), ipat](const Value& v) {
        return fmap(fitIndices(v.asInt(), ipat), [xs](const Value& i) { return cyclicIndex(xs, i.asInt()); });
    });
}

Pattern fitPrime(const Pattern& cyc, int64_t n, const Pattern& from, const Pattern& to, const Pattern& p) {
    Pattern pf = fastP(cyc, p);
    Pattern fromF = fastP(cyc, from);
    std::vector<Pattern> masks;
    for (int64_t i = 0; i < n; ++i) {
        Pattern sel = fmap(filterValues(fromF, [i](const Value& v) { return v.asInt() == i; }),
                           [](const Value&) { return Value::boolean(true); });
        masks.push_back(stretch(mask(sel, pf)));
    }
    return squeezeBind(fitIndices(n, to), [masks](const Value& i) { return cyclicIndex(masks, i.asInt()); });
}

Pattern bite(const Pattern& n, const Pattern& ipat, const Pattern& p) {
    return tParam(n, [ipat, p](const Value& nv) {
        int64_t k = nv.asInt();
        return squeezeBind(ipat, [k, p](const Value& iv) {
            int64_t i = haskellMod(iv.asInt(), k);
            return zoom(Time(i, k), Time(i + 1, k), p);
        });
    });
}

Pattern squeeze(const Pattern& ipat, std::vector<Pattern> ps) {
    if (ps.empty()) return silence();
    return squeezeBind(ipat, [ps = std::move(ps)](const Value& v) { return cyclicIndex(ps, v.asInt()); });
}

Pattern selectP(const Pattern& x, std::vector<Pattern> ps) {
    return tParam(x, [ps = std::move(ps)](const Value& v) {
        double f = std::max(0.0, std::min(1.0, v.asDouble()));
        auto idx = int64_t(std::floor(f * double(int64_t(ps.size()) - 1)));
        if (idx < 0 || size_t(idx) >= ps.size()) throw std::out_of_range("select: index too large");
        return ps[size_t(idx)];
    });
}

// ---------------------------------------------------------------- boolean structure

Pattern inv(const Pattern& b) {
    return fmap(b, [](const Value& v) { return Value::boolean(!truthy(v)); });
}

Pattern structP(const Pattern& b, const Pattern& p) {
    return appLeft(filterValues(b, truthy), p, takeRight);
}

Pattern mask(const Pattern& b, const Pattern& p) {
    return appLeft(p, filterValues(b, truthy), takeLeft);
}

Pattern substruct(const Pattern& b, const Pattern& p) {
    return Pattern([b, p](const State& st, Events& out) {
        Events bs;
        b.query(st, bs);
        for (const auto& e : bs) {
            if (!truthy(e.value)) continue;
            Span w = e.wholeOrPart();
            compressTo(w, p).query(State{w}, out);
        }
    });
}

Pattern substructPrime(const Pattern& s, const Pattern& p) {
    return Pattern([s, p](const State& st, Events& out) {
        Events ss;
        s.query(st, ss);
        size_t count = 0;
        bool counted = false;
        for (const auto& e : ss) {
            if (!e.whole) continue;
            if (!counted) {
                count = s.query(cycleOf(st.span.begin)).size();
                counted = true;
            }
            Time factor = Time(1) / Time(int64_t(count));
            Time shift = Time(e.value.asInt());
            Pattern inner = splitQueries(fast(factor, rotR(shift, slow(factor, p))));
            size_t from = out.size();
            compressTo(*e.whole, inner).query(State{*e.whole}, out);
            for (size_t i = from; i < out.size(); ++i) out[i].refs = e.refs.merged(out[i].refs);
        }
    });
}

namespace {

// Tidal's `randArcs n`, as randStruct reads it: the value of the first event
// of `queryArc (randArcs n) (Arc c (c+1))`. randArcs is
//   mapM (\x -> pure (x/n) <~ choose [1,2,3]) [0 .. n-1] >>= pairs
// where `choose` is continuous (`range` takes its structure from `rand`), so
// each choice is `rand` at the middle of the span it is queried over. mapM is
// `traverse`, i.e. nested `<*>`: the x-th choice is queried over the part of
// the (x-1)-th choice's first event, which is [c, c+1) for x = 1 and
// [c, c+1-(x-1)/n) after that, shifted by x/n. So choice 0 is rand at c + 1/2
// and choice x >= 1 is rand at c + (1 - (x-1)/n)/2 + x/n. Each choice is
// 1 + floor (3 * rand); the arcs split the cycle in proportion to them.
std::vector<Span> randArcs(int64_t n, const Time& c) {
    std::vector<Span> arcs;
    if (n <= 0) return arcs;
    checkSteps(n, "stripe");
    Time nT(n);
    std::vector<int64_t> rats;
    rats.reserve(size_t(n));
    int64_t total = 0;
    for (int64_t x = 0; x < n; ++x) {
        Time at = x == 0 ? c + Time(1, 2) : c + (Time(1) - Time(x - 1) / nT) / Time(2) + Time(x) / nT;
        double r = random::timeToRand(at);
        int64_t i = int64_t(std::floor(r * 3.0));
        int64_t v = 1 + haskellMod(i, 3);  // [1, 2, 3] !!! i
        rats.push_back(v);
        total += v;
    }
    // pairUp (accumulate (map (/ total) rats)): [0, s0), [s0, s1), ..., [s(n-2), 1)
    Time prev(0);
    int64_t acc = 0;
    for (int64_t x = 0; x < n; ++x) {
        acc += rats[size_t(x)];
        Time next = x == n - 1 ? Time(1) : Time(acc, total);
        arcs.push_back(Span{prev, next});
        prev = next;
    }
    return arcs;
}

// Tidal's randStruct: n contiguous steps of random length per cycle, valued 0..n-1.
Pattern randStruct(int64_t n) {
    return splitQueries(Pattern([n](const State& st, Events& out) {
        Time c = sam(st.span.begin);
        std::vector<Span> arcs = randArcs(n, c);
        for (size_t i = 0; i < arcs.size(); ++i) {
            Span whole{arcs[i].begin + c, arcs[i].end + c};
            auto part = st.span.intersection(whole);
            if (!part) continue;
            out.push_back(Event{whole, *part, Value::integer(int64_t(i))});
        }
    }));
}

// Tidal's _pressBy: each event's value squeezed into the last (1 - r) of its event.
Pattern pressByConst(const Time& r, const Pattern& p) {
    Span to{r, Time(1)};
    return squeezeBind(p, [to](const Value& v) { return compressTo(to, pure(v)); });
}

}  // namespace

Pattern stripe(const Pattern& n, const Pattern& p) {
    // substruct' answers over whole events, so the join's clipping matters.
    return tParam(n, [p](const Value& v) { return substructPrime(randStruct(v.asInt()), p); });
}

Pattern slowstripe(const Pattern& n, const Pattern& p) { return slowP(n, stripe(n, p)); }

Pattern pressBy(const Pattern& r, const Pattern& p) {
    return tParam(r, [p](const Value& v) { return pressByConst(v.asRational(), p); });
}

Pattern press(const Pattern& p) { return pressByConst(Time(1, 2), p); }

Pattern sew(const Pattern& b, const Pattern& x, const Pattern& y) { return overlay(mask(b, x), mask(inv(b), y)); }

Pattern stitch(const Pattern& b, const Pattern& x, const Pattern& y) {
    return overlay(structP(b, x), structP(inv(b), y));
}

static Pattern euclidWith(int64_t n, int64_t k, const Pattern& onTrue, const Pattern& onFalse) {
    std::vector<Pattern> steps;
    for (bool b : bjorklund(n, k)) steps.push_back(b ? onTrue : onFalse);
    return fastcat(std::move(steps));
}

Pattern euclid(const Pattern& n, const Pattern& k, const Pattern& p) {
    return tParam2(n, k, [p](const Value& nv, const Value& kv) { return euclidWith(nv.asInt(), kv.asInt(), p, silence()); });
}

Pattern euclidInv(const Pattern& n, const Pattern& k, const Pattern& p) {
    return tParam2(n, k, [p](const Value& nv, const Value& kv) { return euclidWith(nv.asInt(), kv.asInt(), silence(), p); });
}

Pattern euclidFull(const Pattern& n, const Pattern& k, const Pattern& p, const Pattern& p2) {
    return stack({euclid(n, k, p), euclidInv(n, k, p2)});
}

Pattern euclidOff(const Pattern& n, const Pattern& k, const Pattern& s, const Pattern& p) {
    return tParam3(n, k, s, [p](const Value& nv, const Value& kv, const Value& sv) {
        int64_t kk = kv.asInt();
        if (kk == 0) return silence();
        return rotL(Time(sv.asInt(), kk), euclidWith(nv.asInt(), kk, p, silence()));
    });
}

Pattern euclidOffBool(const Pattern& n, const Pattern& k, const Pattern& s, const Pattern& b) {
    return tParam3(n, k, s, [b](const Value& nv, const Value& kv, const Value& sv) {
        int64_t kk = kv.asInt();
        if (kk == 0) return silence();
        std::vector<Pattern> steps;
        for (bool x : bjorklund(nv.asInt(), kk)) steps.push_back(pure(Value::boolean(x)));
        Pattern bools = appBoth(fastcat(std::move(steps)), b, [](const Value& e, const Value& v) {
            return truthy(v) ? e : Value::boolean(!truthy(e));
        });
        return rotL(Time(sv.asInt(), kk), bools);
    });
}

Pattern necklace(const Time& perCycle, const std::vector<int64_t>& xs) {
    std::vector<Pattern> steps;
    int64_t total = 0;
    for (int64_t x : xs) {
        total += x;
        checkSteps(int64_t(steps.size()) + x, "necklace");
        steps.push_back(pure(Value::boolean(true)));
        for (int64_t i = 1; i < x; ++i) steps.push_back(pure(Value::boolean(false)));
    }
    return slow(Time(total) / perCycle, fastcat(std::move(steps)));
}

}  // namespace seiche
