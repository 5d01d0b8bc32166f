#include "pattern/random.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace seiche::random {
namespace {

constexpr int64_t kScale = 536870912;  // 2^29

// Haskell's `div` (rounds towards negative infinity).
int64_t floorDiv(int64_t a, int64_t b) {
    int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
    return q;
}

int64_t floorToInt(double x) {
    double f = std::floor(x);
    if (!(f > -9.2e18 && f < 9.2e18)) return 0;
    return int64_t(f);
}

// Tidal's `<*` where the right-hand side supplies a number per event of the left:
// keeps an event when keep(number) holds (the core of _degradeByUsing).
Pattern filterByRandom(const Pattern& p, const Pattern& prand, std::function<bool(double)> keep) {
    return Pattern([p, prand, keep = std::move(keep)](const State& st, Events& out) {
        ScratchEvents left, right;
        p.query(st, *left);
        for (Event& ef : *left) {
            if (auto r = sampleSignalFor(prand, ef)) {
                if (keep(r->asDouble())) out.push_back(std::move(ef));
                continue;
            }
            right->clear();
            prand.query(State{ef.wholeOrPart()}, *right);
            for (const Event& ex : *right) {
                auto part = ef.part.intersection(ex.part);
                if (!part) continue;
                if (!keep(ex.value.asDouble())) continue;
                out.push_back(Event{ef.whole, *part, ef.value, ef.refs.merged(ex.refs)});
            }
        }
    });
}

// Tidal's `_segment n p` (= _fast n (pure id) <* p).
Pattern segmentConst(const Time& n, const Pattern& p) {
    return appLeft(fast(n, pure(Value())), p, [](const Value&, const Value& b) { return b; });
}

// Tidal's `_repeatCycles n p` (= cat (replicate n p)): cycle c plays p's cycle (c div n).
Pattern repeatCycles(int64_t n, const Pattern& p) {
    if (n <= 0) return silence();
    if (n == 1) return p;
    return Pattern([n, p](const State& st, Events& out) {
        forEachCycle(st.span, [&](const Span& a) {
            int64_t cyc = a.begin.floorInt();
            Time offset(cyc - floorDiv(cyc, n));
            size_t from = out.size();
            p.query(State{{a.begin - offset, a.end - offset}}, out);
            for (size_t k = from; k < out.size(); ++k) {
                Event& e = out[k];
                if (e.whole) e.whole = Span{e.whole->begin + offset, e.whole->end + offset};
                e.part = Span{e.part.begin + offset, e.part.end + offset};
            }
        });
    });
}

// Tidal's `_rearrangeWith`.
Pattern rearrangeWith(const Pattern& ipat, int64_t n, const Pattern& pat) {
    if (n <= 0) return silence();
    Time nT(n);
    return innerBind(ipat, [pat, n, nT](const Value& v) {
        int64_t i = v.asInt();
        if (i < 0 || i >= n) return silence();
        return fast(nT, repeatCycles(n, zoom(Time(i) / nT, Time(i + 1) / nT, pat)));
    });
}

size_t wchooseIndex(const std::vector<double>& cweights, double total, double r) {
    double target = r * total;
    for (size_t i = 0; i < cweights.size(); ++i)
        if (cweights[i] > target) return i;
    return cweights.empty() ? 0 : cweights.size() - 1;  // Tidal fails here (head []); keep the last
}

}  // namespace

int64_t xorwise(int64_t x) {
    auto shl = [](int64_t v, int s) { return int64_t(uint64_t(v) << s); };
    int64_t a = shl(x, 13) ^ x;
    int64_t b = (a >> 17) ^ a;  // arithmetic shift, like Haskell's shiftR on Int
    return shl(b, 5) ^ b;
}

int64_t timeToIntSeed(const Time& t) {
    // properFraction (t / 300), exactly: truncated quotient, remainder with t's sign.
    constexpr int64_t kSmallDen = (int64_t(1) << 33) / 300;  // keeps rem * kScale inside 64 bits
    if (t.den() < kSmallDen) {
        const int64_t den = t.den() * 300;
        const int64_t rem = t.num() % den;
        return xorwise((rem * int64_t(kScale)) / den);
    }
    int128_t num = t.num();
    int128_t den = int128_t(t.den()) * 300;
    int128_t rem = num % den;
    int128_t scaled = (rem * kScale) / den;  // truncates towards zero, like `truncate`
    return xorwise(int64_t(scaled));
}

int64_t timeToIntSeed(double t) {
    double f = t / 300.0;
    double frac = f - std::trunc(f);
    double scaled = std::trunc(frac * double(kScale));
    return xorwise(int64_t(scaled));
}

double intSeedToRand(int64_t seed) {
    int64_t m = seed % kScale;
    if (m < 0) m += kScale;
    return double(m) / double(kScale);
}

double timeToRand(const Time& t) { return intSeedToRand(timeToIntSeed(t)); }
double timeToRand(double t) { return intSeedToRand(timeToIntSeed(t)); }

std::vector<double> timeToRands(const Time& t, int64_t n) {
    std::vector<double> out;
    if (n <= 0) return out;
    out.reserve(size_t(n));
    int64_t seed = timeToIntSeed(t);
    for (int64_t i = 0; i < n; ++i) {
        out.push_back(intSeedToRand(seed));
        seed = xorwise(seed);
    }
    return out;
}

Pattern rand() {
    static const Pattern p = signal([](const Time& t) { return Value::dbl(timeToRand(t)); });
    return p;
}

Pattern irandConst(int64_t n) {
    double dn = double(n);
    return fmap(rand(), [dn](const Value& v) { return Value::dbl(double(floorToInt(v.asDouble() * dn))); });
}

Pattern irand(const Pattern& n) {
    return bind(n, [](const Value& v) { return irandConst(v.asInt()); });
}

Pattern brandBy(double prob) {
    return fmap(rand(), [prob](const Value& v) { return Value::boolean(v.asDouble() < prob); });
}

Pattern perlinWith(const Pattern& p) {
    static const Symbol kX("\x01px"), kA("\x01pa");
    Pattern pa = fmap(p, [](const Value& v) { return Value::dbl(std::floor(v.asDouble())); });
    Pattern pb = fmap(p, [](const Value& v) { return Value::dbl(std::floor(v.asDouble()) + 1); });
    Pattern x = appBoth(p, pa, [](const Value& a, const Value& b) { return Value::dbl(a.asDouble() - b.asDouble()); });
    Pattern ra = fmap(pa, [](const Value& v) { return Value::dbl(timeToRand(v.asDouble())); });
    Pattern rb = fmap(pb, [](const Value& v) { return Value::dbl(timeToRand(v.asDouble())); });
    Pattern xa = appBoth(x, ra, [](const Value& a, const Value& b) { return Value::map({{kX, a}, {kA, b}}); });
    return appBoth(xa, rb, [](const Value& m, const Value& bv) {
        double xv = m.find(kX)->asDouble(), a = m.find(kA)->asDouble(), b = bv.asDouble();
        double smoother = 6.0 * std::pow(xv, 5.0) - 15.0 * std::pow(xv, 4.0) + 10.0 * std::pow(xv, 3.0);
        return Value::dbl(a + smoother * (b - a));
    });
}

Pattern perlin() {
    // perlinWith over the time signal, fused: every pattern inside it is a signal
    // sampled at the same midpoint, so one signal computing the same doubles in
    // the same order gives identical values without four joins per query.
    static const Pattern p = signal([](const Time& t) {
        const double v = t.toDouble();
        const double a = std::floor(v), b = std::floor(v) + 1;
        const double xv = v - a;
        const double ra = timeToRand(a), rb = timeToRand(b);
        double smoother = 6.0 * std::pow(xv, 5.0) - 15.0 * std::pow(xv, 4.0) + 10.0 * std::pow(xv, 3.0);
        return Value::dbl(ra + smoother * (rb - ra));
    });
    return p;
}

Pattern chooseBy(const Pattern& f, std::vector<Value> xs) {
    if (xs.empty()) return silence();
    auto shared = std::make_shared<const std::vector<Value>>(std::move(xs));
    return fmap(f, [shared](const Value& v) {
        int64_t n = int64_t(shared->size());
        int64_t i = floorToInt(v.asDouble() * double(n)) % n;
        if (i < 0) i += n;
        return (*shared)[size_t(i)];
    });
}

Pattern choose(std::vector<Value> xs) { return chooseBy(rand(), std::move(xs)); }

Pattern wchooseBy(const Pattern& f, std::vector<std::pair<Value, double>> pairs) {
    if (pairs.empty()) return silence();
    std::vector<double> cweights;
    std::vector<Value> values;
    double acc = 0, total = 0;
    for (size_t i = 0; i < pairs.size(); ++i) {
        acc = i == 0 ? pairs[i].second : acc + pairs[i].second;
        cweights.push_back(acc);
        total += pairs[i].second;
        values.push_back(pairs[i].first);
    }
    return fmap(f, [cweights = std::move(cweights), values = std::move(values), total](const Value& v) {
        return values[wchooseIndex(cweights, total, v.asDouble())];
    });
}

Pattern wchoose(std::vector<std::pair<Value, double>> pairs) { return wchooseBy(rand(), std::move(pairs)); }

Pattern segment1(const Pattern& p) { return segmentConst(Time(1), p); }

Pattern cycleChoose(std::vector<Value> xs) { return splitQueries(segment1(choose(std::move(xs)))); }

Pattern degradeByUsing(const Pattern& prand, double amount, const Pattern& p) {
    return filterByRandom(p, prand, [amount](double r) { return r > amount; });
}

Pattern degradeByShifted(const Time& shift, double amount, const Pattern& p) {
    return degradeByUsing(rotL(shift, rand()), amount, p);
}

Pattern degradeByConst(double amount, const Pattern& p) { return degradeByUsing(rand(), amount, p); }

Pattern unDegradeByConst(double amount, const Pattern& p) {
    return filterByRandom(p, rand(), [amount](double r) { return r <= amount; });
}

Pattern degradeBy(const Pattern& amount, const Pattern& p) {
    return tParam(amount, [p](const Value& v) { return degradeByConst(v.asDouble(), p); });
}

Pattern unDegradeBy(const Pattern& amount, const Pattern& p) {
    return tParam(amount, [p](const Value& v) { return unDegradeByConst(v.asDouble(), p); });
}

Pattern degrade(const Pattern& p) { return degradeByConst(0.5, p); }

Pattern sometimesBy(const Pattern& amount, const Transform& f, const Pattern& p) {
    return overlay(degradeBy(amount, p), f(unDegradeBy(amount, p)));
}

Pattern sometimesByPrime(const Pattern& amount, const Transform& f, const Pattern& p) {
    return overlay(degradeBy(amount, p), unDegradeBy(amount, f(p)));
}

Pattern someCyclesBy(const Pattern& amount, const Transform& f, const Pattern& p) {
    return tParam(amount, [f, p](const Value& v) {
        double x = v.asDouble();
        return whenCycle([x](int64_t c) { return timeToRand(double(c)) < x; }, f, p);
    });
}

Pattern randcat(std::vector<Pattern> ps) {
    int64_t n = int64_t(ps.size());
    Pattern cat = slowcat(std::move(ps));
    Pattern offsets = segment1(irandConst(n));
    return bind(offsets, [cat](const Value& v) { return rotL(Time(v.asInt()), cat); });
}

Pattern wrandcat(std::vector<std::pair<Pattern, double>> ps) {
    std::vector<std::pair<Value, double>> idx;
    auto pats = std::make_shared<std::vector<Pattern>>();
    for (size_t i = 0; i < ps.size(); ++i) {
        idx.emplace_back(Value::integer(int64_t(i)), ps[i].second);
        pats->push_back(ps[i].first);
    }
    Pattern chosen = wchooseBy(splitQueries(segment1(rand())), std::move(idx));
    return bind(chosen, [pats](const Value& v) { return (*pats)[size_t(v.asInt())]; });
}

Pattern cycleChooseSeeded(int seed, std::vector<Pattern> ps) {
    if (ps.empty()) return silence();
    auto pats = std::make_shared<std::vector<Pattern>>(std::move(ps));
    std::vector<Value> idx;
    for (size_t i = 0; i < pats->size(); ++i) idx.push_back(Value::integer(int64_t(i)));
    Pattern chosen = splitQueries(segment1(chooseBy(rotL(Time(seed, 10000), rand()), std::move(idx))));
    return bind(chosen, [pats](const Value& v) { return (*pats)[size_t(v.asInt())]; });
}

Pattern randrun(int64_t n) {
    if (n <= 0) return silence();
    return splitQueries(Pattern([n](const State& st, Events& out) {
        Time cycle = sam(st.span.begin);
        std::vector<double> rs = timeToRands(cycle, n);
        std::vector<int64_t> order(static_cast<size_t>(n));
        std::iota(order.begin(), order.end(), 0);
        std::stable_sort(order.begin(), order.end(), [&](int64_t a, int64_t b) { return rs[size_t(a)] < rs[size_t(b)]; });
        Time nT(n);
        for (int64_t k = 0; k < n; ++k) {
            Span arc{cycle + Time(k) / nT, cycle + Time(k + 1) / nT};
            auto part = st.span.intersection(arc);
            if (!part) continue;
            out.push_back(Event{arc, *part, Value::integer(order[size_t(k)])});
        }
    }));
}

Pattern shuffleConst(int64_t n, const Pattern& p) { return rearrangeWith(randrun(n), n, p); }

Pattern scrambleConst(int64_t n, const Pattern& p) {
    if (n <= 0) return silence();
    return rearrangeWith(segmentConst(Time(n), irandConst(n)), n, p);
}

Pattern shuffle(const Pattern& n, const Pattern& p) {
    return tParam(n, [p](const Value& v) { return shuffleConst(v.asInt(), p); });
}

Pattern scramble(const Pattern& n, const Pattern& p) {
    return tParam(n, [p](const Value& v) { return scrambleConst(v.asInt(), p); });
}

}  // namespace seiche::random
