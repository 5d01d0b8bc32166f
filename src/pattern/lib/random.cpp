// Randomness: Tidal 1.7.10's rand, irand, perlin, degradeBy, sometimesBy,
// someCyclesBy, randcat, wrandcat, shuffle, scramble, choose... (UI.hs).
// Patterned arguments are joined the way Tidal joins them (tParam = innerJoin,
// irand = unwrap).
#include "pattern/lang/library.hpp"
#include "pattern/random.hpp"

namespace seiche::lang {
namespace {

namespace rnd = seiche::random;

Value scalarOf(const RValue& v) {
    if (v.isValue()) return v.value();
    if (v.isPattern() && v.pattern().constant()) return *v.pattern().constant();
    throw EvalError("expected a plain value in the list");
}

std::vector<Value> valueList(const Args& a, size_t i) {
    std::vector<Value> out;
    for (const auto& item : a.items(i)) out.push_back(scalarOf(item));
    return out;
}

std::vector<std::pair<Value, double>> weightedValues(const Args& a, size_t i) {
    std::vector<std::pair<Value, double>> out;
    for (const auto& item : a.items(i)) {
        const auto& t = item.items();
        out.emplace_back(scalarOf(t.at(0)), scalarOf(t.at(1)).asDouble());
    }
    return out;
}

void addSometimes(Library& lib, const std::string& name, double amount, const std::string& doc) {
    lib.add(
        name, "(Pattern a -> Pattern a) -> Pattern a -> Pattern a",
        [amount](const Args& a) { return RValue(rnd::sometimesBy(pure(Value::dbl(amount)), a.transform(0), a.pat(1))); },
        doc, "d1 $ " + name + " (# speed 2) $ s \"bd*8\"");
}

}  // namespace

void registerRandomFunctions(Library& lib) {
    lib.add(
        "rand", "Fractional a => Pattern a", [](const Args&) { return RValue(rnd::rand()); },
        "a continuous stream of pseudo-random numbers from 0 to 1, seeded by time",
        "d1 $ s \"bd*8\" # pan rand");
    lib.add(
        "irand", "Num a => Pattern Int -> Pattern a", [](const Args& a) { return RValue(rnd::irand(a.pat(0))); },
        "continuous pseudo-random whole numbers from 0 to n-1", "d1 $ segment 4 $ n (irand 8) # s \"drum\"");
    lib.add(
        "perlin", "Fractional a => Pattern a", [](const Args&) { return RValue(rnd::perlin()); },
        "1D Perlin (smooth) noise, changing smoothly from one random value per cycle to the next",
        "d1 $ s \"bd*32\" # speed (perlin + 0.5)");
    lib.add(
        "perlinWith", "Fractional a => Pattern Double -> Pattern a",
        [](const Args& a) { return RValue(rnd::perlinWith(a.pat(0))); },
        "Perlin noise driven by the given pattern instead of the cycle count",
        "d1 $ s \"arpy*32\" # cutoff (perlinWith (saw * 4) * 2000)");
    lib.add(
        "degrade", "Pattern a -> Pattern a", [](const Args& a) { return RValue(rnd::degrade(a.pat(0))); },
        "randomly removes half of the events", "d1 $ degrade $ s \"hh*8\"");
    lib.add(
        "degradeBy", "Pattern Double -> Pattern a -> Pattern a",
        [](const Args& a) { return RValue(rnd::degradeBy(a.pat(0), a.pat(1))); },
        "randomly removes events with the given probability", "d1 $ degradeBy 0.9 $ s \"hh*8\"");
    lib.add(
        "unDegradeBy", "Pattern Double -> Pattern a -> Pattern a",
        [](const Args& a) { return RValue(rnd::unDegradeBy(a.pat(0), a.pat(1))); },
        "keeps exactly the events that degradeBy with the same probability removes",
        "d1 $ unDegradeBy 0.9 $ s \"hh*8\"");
    lib.add(
        "sometimesBy", "Pattern Double -> (Pattern a -> Pattern a) -> Pattern a -> Pattern a",
        [](const Args& a) { return RValue(rnd::sometimesBy(a.pat(0), a.transform(1), a.pat(2))); },
        "applies a function to events at random, with the given probability",
        "d1 $ sometimesBy 0.3 (# speed 2) $ s \"bd*8\"");
    lib.add(
        "sometimesBy'", "Pattern Double -> (Pattern a -> Pattern a) -> Pattern a -> Pattern a",
        [](const Args& a) { return RValue(rnd::sometimesByPrime(a.pat(0), a.transform(1), a.pat(2))); },
        "like sometimesBy, but chooses the events after applying the function",
        "d1 $ sometimesBy' 0.3 (fast 2) $ s \"bd*8\"");
    addSometimes(lib, "sometimes", 0.5, "applies a function to half of the events, at random");
    addSometimes(lib, "often", 0.75, "applies a function to 75% of the events, at random");
    addSometimes(lib, "rarely", 0.25, "applies a function to 25% of the events, at random");
    addSometimes(lib, "almostNever", 0.1, "applies a function to 10% of the events, at random");
    addSometimes(lib, "almostAlways", 0.9, "applies a function to 90% of the events, at random");
    lib.add(
        "always", "(Pattern a -> Pattern a) -> Pattern a -> Pattern a",
        [](const Args& a) { return RValue(a.transform(0)(a.pat(1))); }, "always applies the function",
        "d1 $ always (fast 2) $ s \"bd sn\"");
    lib.add(
        "never", "(Pattern a -> Pattern a) -> Pattern a -> Pattern a", [](const Args& a) { return a[1]; },
        "never applies the function", "d1 $ never (fast 2) $ s \"bd sn\"");
    lib.add(
        "someCyclesBy", "Pattern Double -> (Pattern a -> Pattern a) -> Pattern a -> Pattern a",
        [](const Args& a) { return RValue(rnd::someCyclesBy(a.pat(0), a.transform(1), a.pat(2))); },
        "applies a function to whole cycles at random, with the given probability",
        "d1 $ someCyclesBy 0.3 (# speed 2) $ s \"bd*8\"");
    lib.alias("somecyclesBy", "someCyclesBy");
    lib.add(
        "someCycles", "(Pattern a -> Pattern a) -> Pattern a -> Pattern a",
        [](const Args& a) { return RValue(rnd::someCyclesBy(pure(Value::dbl(0.5)), a.transform(0), a.pat(1))); },
        "applies a function to half of the cycles, at random", "d1 $ someCycles (# speed 2) $ s \"bd*8\"");
    lib.alias("somecycles", "someCycles");
    lib.add(
        "randcat", "[Pattern a] -> Pattern a", [](const Args& a) { return RValue(rnd::randcat(a.patterns(0))); },
        "plays one of the patterns at random each cycle", "d1 $ randcat [s \"bd*2 sn\", s \"jvbass*3\"]");
    lib.add(
        "wrandcat", "[(Pattern a, Double)] -> Pattern a",
        [](const Args& a) {
            std::vector<std::pair<Pattern, double>> ps;
            for (const auto& item : a.items(0)) {
                const auto& t = item.items();
                ps.emplace_back(t.at(0).pattern(), scalarOf(t.at(1)).asDouble());
            }
            return RValue(rnd::wrandcat(std::move(ps)));
        },
        "like randcat, with a weight per pattern",
        "d1 $ wrandcat [(s \"bd*2 sn\", 5), (s \"jvbass*3\", 2)]");
    lib.add(
        "shuffle", "Pattern Int -> Pattern a -> Pattern a",
        [](const Args& a) { return RValue(rnd::shuffle(a.pat(0), a.pat(1))); },
        "plays the n parts of each cycle in a random order (a permutation)", "d1 $ shuffle 4 $ n \"0 1 2 3\" # s \"arpy\"");
    lib.add(
        "scramble", "Pattern Int -> Pattern a -> Pattern a",
        [](const Args& a) { return RValue(rnd::scramble(a.pat(0), a.pat(1))); },
        "plays n randomly chosen parts of each cycle (parts may repeat)", "d1 $ scramble 4 $ n \"0 1 2 3\" # s \"arpy\"");
    lib.add(
        "choose", "[a] -> Pattern a", [](const Args& a) { return RValue(rnd::choose(valueList(a, 0))); },
        "a continuous pattern of values chosen at random from the list", "d1 $ s \"drum*4\" # n (choose [0, 2, 3])");
    lib.add(
        "chooseBy", "Pattern Double -> [a] -> Pattern a",
        [](const Args& a) { return RValue(rnd::chooseBy(a.pat(0), valueList(a, 1))); },
        "chooses from the list using the given pattern of numbers from 0 to 1",
        "d1 $ s \"drum*4\" # n (chooseBy sine [0, 2, 3])");
    lib.add(
        "wchoose", "[(a, Double)] -> Pattern a",
        [](const Args& a) { return RValue(rnd::wchoose(weightedValues(a, 0))); },
        "like choose, with a weight per value", "d1 $ s \"drum*4\" # n (wchoose [(0, 0.25), (2, 0.5), (7, 0.25)])");
    lib.add(
        "wchooseBy", "Pattern Double -> [(a, Double)] -> Pattern a",
        [](const Args& a) { return RValue(rnd::wchooseBy(a.pat(0), weightedValues(a, 1))); },
        "like chooseBy, with a weight per value", "d1 $ s \"drum*4\" # n (wchooseBy sine [(0, 0.25), (2, 0.5)])");
    lib.add(
        "cycleChoose", "[a] -> Pattern a", [](const Args& a) { return RValue(rnd::cycleChoose(valueList(a, 0))); },
        "like choose, but picks a new value only once per cycle", "d1 $ s \"drum*4\" # n (cycleChoose [0, 2, 3])");
    lib.add(
        "brand", "Pattern Bool", [](const Args&) { return RValue(rnd::brandBy(0.5)); },
        "a continuous stream of random booleans, true half of the time", "d1 $ struct (segment 8 brand) $ s \"hh\"");
    lib.add(
        "brandBy", "Pattern Double -> Pattern Bool",
        [](const Args& a) {
            return RValue(tParam(a.pat(0), [](const Value& v) { return rnd::brandBy(v.asDouble()); }));
        },
        "random booleans, true with the given probability", "d1 $ struct (segment 8 $ brandBy 0.3) $ s \"hh\"");
}

}  // namespace seiche::lang
