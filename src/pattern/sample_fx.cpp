#include "pattern/sample_fx.hpp"

#include "pattern/controls.hpp"
#include "pattern/random.hpp"
#include "pattern/structure.hpp"
#include "pattern/values.hpp"

#include <algorithm>
#include <cmath>

namespace seiche {
namespace {

const Symbol& kBegin() { static const Symbol s("begin"); return s; }
const Symbol& kEnd() { static const Symbol s("end"); return s; }
const Symbol& kSpeed() { static const Symbol s("speed"); return s; }
const Symbol& kUnit() { static const Symbol s("unit"); return s; }

double lookupF(const Value& v, const Symbol& key, double dflt) {
    if (const Value* x = v.find(key))
        if (auto f = controlGetF(*x)) return *f;
    return dflt;
}

Pattern pureMap(const Symbol& key, Value x) { return pure(Value::map({{key, std::move(x)}})); }

// `|*` on control patterns: structure from the left, numeric values multiplied key by key.
Pattern mulLeft(const Pattern& left, const Pattern& right) {
    return appLeft(left, right, [](const Value& a, const Value& b) { return applyNum(NumOp::Mul, a, b); });
}

Pattern withUnitC(const Pattern& p) { return unionRight(p, pureMap(kUnit(), Value::string("c"))); }

Pattern slowBy(const Pattern& factor, const Pattern& p) {
    return tParam(factor, [p](const Value& v) { return slow(v.asRational(), p); });
}

}  // namespace

Pattern unionRight(const Pattern& left, const Pattern& right) { return appLeft(left, right, unionPreferRight); }

Pattern chopBy(int64_t n, const Pattern& p) {
    if (n <= 0) return silence();
    return withEvents(p, [n](Events& es, size_t from) {
        Events out;
        for (size_t k = from; k < es.size(); ++k) {
            const Event& e = es[k];
            if (!e.whole) continue;  // signals are dropped
            const Span w = *e.whole;
            const double b = lookupF(e.value, kBegin(), 0);
            const double d = lookupF(e.value, kEnd(), 1) - b;
            // Only the pieces near the part can intersect it.
            const Time len = w.end - w.begin;
            int64_t lo = 0, hi = n - 1;
            if (len > Time(0)) {
                lo = std::max<int64_t>(0, ((e.part.begin - w.begin) * Time(n) / len).floorInt() - 1);
                hi = std::min<int64_t>(n - 1, ((e.part.end - w.begin) * Time(n) / len).floorInt() + 1);
            }
            for (int64_t i = lo; i <= hi; ++i) {
                Span piece{w.begin + (w.end - w.begin) * Time(i, n), w.begin + (w.end - w.begin) * Time(i + 1, n)};
                auto part = e.part.intersection(piece);
                if (!part) continue;
                double nb = (double(i) / double(n)) * d + b;
                double ne = (double(i + 1) / double(n)) * d + b;
                out.push_back(Event{piece, *part, insertKeys(e.value, {{kBegin(), Value::dbl(nb)}, {kEnd(), Value::dbl(ne)}}),
                                    e.refs});
            }
        }
        es.resize(from);
        for (auto& e : out) es.push_back(std::move(e));
    });
}

Pattern chop(const Pattern& n, const Pattern& p) {
    return tParam(n, [p](const Value& v) { return chopBy(v.asInt(), p); });
}

Pattern striateBy(int64_t n, const Pattern& p) {
    std::vector<Pattern> parts;
    for (int64_t i = 0; i < n; ++i) {
        const double b = double(i) / double(n), e = double(i + 1) / double(n);
        parts.push_back(fmap(p, [b, e](const Value& v) {
            const double ob = lookupF(v, kBegin(), 0);
            const double d = lookupF(v, kEnd(), 1) - ob;
            return insertKeys(v, {{kBegin(), Value::dbl(b * d + ob)}, {kEnd(), Value::dbl(e * d + ob)}});
        }));
    }
    return fastcat(std::move(parts));
}

Pattern striate(const Pattern& n, const Pattern& p) {
    return tParam(n, [p](const Value& v) { return striateBy(v.asInt(), p); });
}

Pattern striateLenBy(int64_t n, double f, const Pattern& p) {
    std::vector<Pattern> parts;
    const double slot = (1 - f) / double(n);
    for (int64_t i = 0; i < n; ++i) {
        const double b = slot * double(i);
        parts.push_back(unionRight(unionRight(p, pureMap(kBegin(), Value::dbl(b))), pureMap(kEnd(), Value::dbl(b + f))));
    }
    return fastcat(std::move(parts));
}

Pattern striateLen(const Pattern& n, const Pattern& f, const Pattern& p) {
    return tParam2(n, f, [p](const Value& a, const Value& b) { return striateLenBy(a.asInt(), b.asDouble(), p); });
}

Pattern slice(const Pattern& n, const Pattern& i, const Pattern& p) {
    // div' i n = (i mod n) / n, as Doubles; a zero count gives no event (Tidal would crash).
    auto part = [](int64_t num, int64_t den) {
        int64_t m = num % den;
        if (m != 0 && ((m < 0) != (den < 0))) m += den;
        return double(m) / double(den);
    };
    static const Symbol kBad("\x01" "bad");
    Pattern begins = appLeft(i, n, [part](const Value& iv, const Value& nv) {
        int64_t d = nv.asInt();
        if (d == 0) return Value::map({{kBad, Value()}});
        return Value::map({{kBegin(), Value::dbl(part(iv.asInt(), d))}});
    });
    Pattern ends = appLeft(i, n, [part](const Value& iv, const Value& nv) {
        int64_t d = nv.asInt();
        if (d == 0) return Value::map({{kBad, Value()}});
        return Value::map({{kEnd(), Value::dbl(part(iv.asInt(), d) + part(1, d))}});
    });
    Pattern out = unionRight(unionRight(begins, ends), p);
    return filterValues(out, [](const Value& v) { return v.find(kBad) == nullptr; });
}

Pattern sliceAt(int64_t n, int64_t i, const Pattern& p) {
    return unionRight(unionRight(p, pureMap(kBegin(), Value::dbl(double(i) / double(n)))),
                      pureMap(kEnd(), Value::dbl(double(i + 1) / double(n))));
}

Pattern randslice(const Pattern& n, const Pattern& p) {
    return tParam(n, [p](const Value& nv) {
        const int64_t count = nv.asInt();
        return innerBind(random::irandConst(count), [count, p](const Value& i) { return sliceAt(count, i.asInt(), p); });
    });
}

Pattern splice(const Pattern& bits, const Pattern& ipat, const Pattern& p) {
    return tParam(bits, [ipat, p](const Value& bv) {
        const int64_t b = bv.asInt();
        Pattern sliced = slice(pure(Value::integer(b)), ipat, p);
        const double sz = 1.0 / double(b);
        Pattern sped = withEvents(sliced, [sz](Events& es, size_t from) {
            for (size_t k = from; k < es.size(); ++k) {
                Event& e = es[k];
                Span w = e.wholeOrPart();
                double d = sz / (w.end - w.begin).toDouble();
                const Value* s = e.value.find(kSpeed());
                double speed = (s && s->kind() == ValueKind::Double) ? d * s->asDouble() : d;
                e.value = insertKeys(e.value, {{kSpeed(), Value::dbl(speed)}});
            }
        });
        return withUnitC(sped);
    });
}

Pattern loopAt(const Pattern& n, const Pattern& p) {
    Pattern inv = appBoth(pure(Value::rational(1)), n, [](const Value& one, const Value& x) {
        // 1/0 would stop Tidal with an error if the value were used; here it is infinite.
        const Rational d = x.asRational();
        const double speed = d == Rational(0) ? INFINITY : (one.asRational() / d).toDouble();
        return Value::map({{kSpeed(), Value::dbl(speed)}});
    });
    return withUnitC(mulLeft(slowBy(n, p), inv));
}

namespace {

// Tidal's squeezeJoinUp: each outer event's inner pattern (one cycle) is
// squeezed into it, and sped up by its inverse length.
Pattern squeezeJoinUp(const Pattern& outer, PatternOfValue f) {
    return Pattern([outer, f = std::move(f)](const State& st, Events& out) {
        Events outs, ins;
        outer.query(st, outs);
        for (const Event& oe : outs) {
            if (!oe.whole) continue;
            const Span w = *oe.whole;
            const Time len = w.end - w.begin;
            Pattern inner = mulLeft(f(oe.value), pureMap(kSpeed(), Value::dbl((Time(1) / len).toDouble())));
            const Time cb = w.begin.frac();
            ins.clear();
            compress(cb, cb + len, inner).query(State{oe.part}, ins);
            for (Event& ie : ins) {
                if (!ie.whole) continue;
                auto whole = w.intersection(*ie.whole);
                if (!whole) continue;
                auto part = oe.part.intersection(ie.part);
                if (!part) continue;
                out.push_back(Event{*whole, *part, std::move(ie.value), ie.refs.merged(oe.refs)});
            }
        }
    });
}

}  // namespace

Pattern chew(const Pattern& npat, const Pattern& ipat, const Pattern& p) {
    return tParam(npat, [ipat, p](const Value& nv) {
        const int64_t n = nv.asInt();
        if (n == 0) return silence();
        Pattern joined = squeezeJoinUp(ipat, [n, p](const Value& iv) {
            int64_t i = iv.asInt() % n;
            if (i != 0 && ((i < 0) != (n < 0))) i += n;
            return zoom(Time(i, 1) / Time(n), Time(i + 1, 1) / Time(n), p);
        });
        return appLeft(joined, pureMap(kSpeed(), Value::dbl(double(n))),
                       [](const Value& a, const Value& b) { return applyNum(NumOp::Div, a, b); });
    });
}

Pattern smash(const Pattern& n, const std::vector<Pattern>& xs, const Pattern& p) {
    Pattern striated = striate(n, p);
    std::vector<Pattern> ps;
    for (const auto& x : xs) ps.push_back(slowBy(x, striated));
    return slowcat(std::move(ps));
}

Pattern smashChop(int64_t n, const std::vector<Pattern>& xs, const Pattern& p) {
    Pattern chopped = chopBy(n, p);
    std::vector<Pattern> ps;
    for (const auto& x : xs) ps.push_back(slowBy(x, chopped));
    return slowcat(std::move(ps));
}

Pattern gapBy(int64_t n, const Pattern& p) {
    if (n <= 0) return silence();
    static const Symbol kN("n");
    Pattern mask = fast(Time(n), slowcat({pure(Value::map({{kN, Value::integer(1)}})), silence()}));
    return appBoth(mask, chopBy(n, p), unionPreferRight);
}

Pattern gap(const Pattern& n, const Pattern& p) {
    return tParam(n, [p](const Value& v) { return gapBy(v.asInt(), p); });
}

Pattern spin(const Pattern& n, const Pattern& p) {
    static const Symbol kPan("pan");
    return tParam(n, [p](const Value& v) {
        const int64_t copies = v.asInt();
        std::vector<Pattern> layers;
        for (int64_t i = 0; i < copies; ++i) {
            const Time offset(i, copies);
            layers.push_back(unionRight(rotL(offset, p), pureMap(kPan, Value::dbl(offset.toDouble()))));
        }
        return stack(std::move(layers));
    });
}

Pattern splat(const Pattern& slices, const Pattern& e, const Pattern& p) {
    Pattern zeros = fmap(p, [](const Value&) { return Value::integer(0); });
    return unionRight(chop(slices, p), bite(pure(Value::integer(1)), zeros, e));
}

Pattern interlace(const Pattern& a, const Pattern& b) {
    Pattern amount = appBoth(sineSignal(), pure(Value::dbl(0.9)),
                             [](const Value& x, const Value& y) { return applyNum(NumOp::Mul, x, y); });
    return weave(Time(16), controlPattern("shape", ControlType::Double, amount), {a, b});
}

}  // namespace seiche
