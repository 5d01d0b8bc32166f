// Value functions: signals, range, run / scan, scales, arp, fix / contrast.
#include "pattern/lang/library.hpp"
#include "pattern/scales.hpp"
#include "pattern/values.hpp"

namespace seiche::lang {

namespace {

Value scalarOf(const RValue& r) {
    if (r.isValue()) return r.value();
    if (r.isPattern() && r.pattern().constant()) return *r.pattern().constant();
    throw EvalError("expected a number");
}

std::vector<Value> valueList(const Args& a, size_t i) {
    std::vector<Value> out;
    for (const auto& item : a.items(i)) out.push_back(scalarOf(item));
    return out;
}

PatternFn controlFn(const Args& a, size_t i) {
    PatternTransform t = a.transform(i);
    return [t](const Pattern& p) { return t(p); };
}

}  // namespace

void registerValueFunctions(Library& lib) {
    struct Sig {
        const char* name;
        const char* type;
        Pattern (*make)();
        const char* doc;
    };
    static const Sig signals[] = {
        {"sine", "Fractional a => Pattern a", sineSignal, "Continuous sine wave from 0 to 1, one period per cycle."},
        {"sine2", "Fractional a => Pattern a", sine2Signal, "Continuous sine wave from -1 to 1."},
        {"cosine", "Fractional a => Pattern a", cosineSignal, "Sine wave shifted a quarter cycle later (0 to 1)."},
        {"cosine2", "Fractional a => Pattern a", cosine2Signal, "Cosine wave from -1 to 1."},
        {"saw", "(Fractional a, Real a) => Pattern a", sawSignal, "Continuous ramp from 0 up to 1 each cycle."},
        {"saw2", "(Fractional a, Real a) => Pattern a", saw2Signal, "Continuous ramp from -1 up to 1 each cycle."},
        {"isaw", "(Fractional a, Real a) => Pattern a", isawSignal, "Continuous ramp from 1 down to 0 each cycle."},
        {"isaw2", "(Fractional a, Real a) => Pattern a", isaw2Signal, "Continuous ramp from 1 down to -1 each cycle."},
        {"tri", "(Fractional a, Real a) => Pattern a", triSignal, "Continuous triangle wave 0 to 1 and back each cycle."},
        {"tri2", "(Fractional a, Real a) => Pattern a", tri2Signal, "Continuous triangle wave from -1 to 1."},
        {"square", "Fractional a => Pattern a", squareSignal, "Square wave: 0 for the first half cycle, 1 for the second."},
        {"square2", "Fractional a => Pattern a", square2Signal, "Square wave: -1 then 1."},
        {"envL", "Pattern Double", envLSignal, "Linear ramp from 0 to 1 over the first cycle, then 1."},
        {"envLR", "Pattern Double", envLRSignal, "Linear ramp from 1 to 0 over the first cycle, then 0."},
        {"envEq", "Pattern Double", envEqSignal, "Equal-power fade in over the first cycle."},
        {"envEqR", "Pattern Double", envEqRSignal, "Equal-power fade out over the first cycle."},
    };
    for (const Sig& s : signals) {
        Pattern (*make)() = s.make;
        lib.add(s.name, s.type, [make](const Args&) { return RValue(make()); }, s.doc,
                std::string("d1 $ s \"bd*8\" # pan ") + s.name);
    }

    lib.add("range", "Num a => Pattern a -> Pattern a -> Pattern a -> Pattern a",
            [](const Args& a) { return RValue(range(a.pat(0), a.pat(1), a.pat(2))); },
            "Scales a 0..1 pattern into the range lo..hi.", "d1 $ s \"bd*8\" # speed (range 1 2 sine)");
    lib.add("rangex", "Floating a => a -> a -> Pattern a -> Pattern a",
            [](const Args& a) { return RValue(rangex(a.num(0), a.num(1), a.pat(2))); },
            "Exponential range: good for frequencies (bounds must be positive).",
            "d1 $ s \"bd*8\" # cutoff (rangex 200 4000 sine)");
    lib.add("quantise", "RealFrac a => a -> Pattern a -> Pattern a",
            [](const Args& a) { return RValue(quantise(a.num(0), a.pat(1))); },
            "Rounds values to the nearest multiple of 1/n (halves to even).",
            "d1 $ s \"bd*8\" # speed (quantise 1 $ range 1 4 sine)");
    lib.alias("qround", "quantise");
    lib.add("qfloor", "RealFrac a => a -> Pattern a -> Pattern a",
            [](const Args& a) { return RValue(qfloor(a.num(0), a.pat(1))); },
            "Rounds values down to a multiple of 1/n.", "d1 $ s \"bd*8\" # speed (qfloor 2 $ range 1 4 sine)");
    lib.add("qceiling", "RealFrac a => a -> Pattern a -> Pattern a",
            [](const Args& a) { return RValue(qceiling(a.num(0), a.pat(1))); },
            "Rounds values up to a multiple of 1/n.", "d1 $ s \"bd*8\" # speed (qceiling 2 $ range 1 4 sine)");
    lib.add("run", "(Enum a, Num a) => Pattern a -> Pattern a", [](const Args& a) { return RValue(run(a.pat(0))); },
            "0 up to n-1, evenly spread over each cycle.", "d1 $ n (run 8) # s \"drum\"");
    lib.add("scan", "(Enum a, Num a) => Pattern a -> Pattern a", [](const Args& a) { return RValue(scan(a.pat(0))); },
            "run 1, then run 2, ... up to run n, one per cycle, then again.", "d1 $ n (scan 4) # s \"drum\"");

    lib.add("scale", "Fractional a => Pattern String -> Pattern Int -> Pattern a",
            [](const Args& a) { return RValue(scale(a.pat(0), a.pat(1))); },
            "Turns scale degrees into semitones in the named scale (unknown names give 0).",
            "d1 $ n (scale \"major\" \"0 .. 7\") # s \"superpiano\"");
    lib.add("scaleList", "String", [](const Args&) { return RValue(Value::string(scaleList())); },
            "The names of all scales, separated by spaces.", "scaleList");
    lib.add("scaleTable", "Fractional a => [(String, [a])]",
            [](const Args&) {
                RList rows;
                for (const auto& s : scaleTable()) {
                    RList steps;
                    for (double x : s.steps) steps.push_back(RValue(Value::dbl(x)));
                    rows.push_back(RValue::tuple({RValue(Value::string(s.name)), RValue::list(std::move(steps))}));
                }
                return RValue::list(std::move(rows));
            },
            "Every scale as a (name, steps) pair.", "scaleTable");
    lib.add("toScale", "Num a => [a] -> Pattern Int -> Pattern a",
            [](const Args& a) { return RValue(toScaleWith(12, valueList(a, 0), a.pat(1))); },
            "Maps degrees onto a list of semitones, repeating it every octave.",
            "d1 $ n (toScale [0,2,7] \"0 1 2 3\") # s \"superpiano\"");
    lib.add("toScale'", "Num a => Int -> [a] -> Pattern Int -> Pattern a",
            [](const Args& a) { return RValue(toScaleWith(a.integer(0), valueList(a, 1), a.pat(2))); },
            "Like toScale, with the given number of semitones per octave.",
            "d1 $ n (toScale' 24 [0,4,7,10,14,17] (run 8)) # s \"superpiano\"");

    lib.add("arp", "Pattern String -> Pattern a -> Pattern a",
            [](const Args& a) { return RValue(arp(a.pat(0), a.pat(1))); },
            "Spreads out events that start and stop together (chords) in the order of a mode: up down updown "
            "downup up&down down&up converge diverge disconverge pinkyup pinkyupdown thumbup thumbupdown.",
            "d1 $ n (arp \"<up downup>\" \"<c'maj e'min>\") # s \"superpiano\"");

    const char* cp = "(ControlPattern -> ControlPattern)";
    lib.add("contrast", std::string(cp) + " -> " + cp + " -> ControlPattern -> ControlPattern -> ControlPattern",
            [](const Args& a) { return RValue(contrast(controlFn(a, 0), controlFn(a, 1), a.pat(2), a.pat(3))); },
            "Applies the first function to events whose controls match the test, the second to the rest.",
            "d1 $ contrast (# crush 4) (# speed 2) (n 1) $ n \"0 1\" # s \"drum\"");
    lib.add("fix", std::string(cp) + " -> ControlPattern -> ControlPattern -> ControlPattern",
            [](const Args& a) { return RValue(fix(controlFn(a, 0), a.pat(1), a.pat(2))); },
            "Applies a function only to events whose controls match the given ones.",
            "d1 $ fix (fast 2) (s \"hh\") $ s \"bd hh sn hh\"");
    lib.add("unfix", std::string(cp) + " -> ControlPattern -> ControlPattern -> ControlPattern",
            [](const Args& a) { return RValue(unfix(controlFn(a, 0), a.pat(1), a.pat(2))); },
            "Applies a function only to events whose controls do not match the given ones.",
            "d1 $ unfix (# crush 4) (s \"hh\") $ s \"bd hh sn hh\"");
}

}  // namespace seiche::lang
