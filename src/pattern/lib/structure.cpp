// Structural builtins: every, within, jux, off, euclid, chunk, ply, ...
// Signatures are Tidal 1.7.10's (`:t` in ghci), with Integer written as Int.
#include "pattern/lang/library.hpp"
#include "pattern/random.hpp"
#include "pattern/structure.hpp"

namespace seiche::lang {

namespace {

std::vector<PatternFn> transforms(const Args& a, size_t i) {
    std::vector<PatternFn> out;
    for (const auto& f : a.items(i)) out.push_back([f](const Pattern& p) { return call(f, RValue(p)).pattern(); });
    return out;
}

std::vector<int64_t> ints(const Args& a, size_t i) {
    std::vector<int64_t> out;
    for (const auto& v : a.items(i)) out.push_back(v.value().asInt());
    return out;
}

std::vector<Time> times(const Args& a, size_t i) {
    std::vector<Time> out;
    for (const auto& v : a.items(i)) out.push_back(v.value().asRational());
    return out;
}

// A list of plain values (`[a]`); a constant pattern stands for its value.
std::vector<Value> values(const Args& a, size_t i) {
    std::vector<Value> out;
    for (const auto& v : a.items(i)) {
        if (v.isValue()) out.push_back(v.value());
        else if (v.isPattern() && v.pattern().constant()) out.push_back(*v.pattern().constant());
        else throw EvalError("expected a list of plain values");
    }
    return out;
}

}  // namespace

void registerStructureFunctions(Library& lib) {
    // ------------------------------------------------------------ conditional application
    lib.add("every", "Pattern Int -> (Pattern a -> Pattern a) -> Pattern a -> Pattern a",
            [](const Args& a) { return RValue(every(a.pat(0), a.transform(1), a.pat(2))); },
            "Applies the function every n cycles (cycle mod n == 0; n == 0 never).",
            "every 3 (fast 2) $ s \"bd sn\"");
    lib.add("every'", "Pattern Int -> Pattern Int -> (Pattern a -> Pattern a) -> Pattern a -> Pattern a",
            [](const Args& a) { return RValue(everyOffset(a.pat(0), a.pat(1), a.transform(2), a.pat(3))); },
            "Applies the function when cycle mod n equals the offset.",
            "every' 3 1 (fast 2) $ s \"bd sn\"");
    lib.add("foldEvery", "[Int] -> (Pattern a -> Pattern a) -> Pattern a -> Pattern a",
            [](const Args& a) { return RValue(foldEvery(ints(a, 0), a.transform(1), a.pat(2))); },
            "Applies `every n f` for each n in the list, nested.",
            "foldEvery [3, 5] (fast 2) $ s \"bd sn\"");
    lib.add("whenmod", "Pattern Time -> Pattern Time -> (Pattern a -> Pattern a) -> Pattern a -> Pattern a",
            [](const Args& a) { return RValue(whenmod(a.pat(0), a.pat(1), a.transform(2), a.pat(3))); },
            "Applies the function when the cycle position mod a is at least b.",
            "whenmod 4 2 (# speed 2) $ s \"bd sn\"");
    lib.add("whenT", "(Time -> Bool) -> (Pattern a -> Pattern a) -> Pattern a -> Pattern a",
            [](const Args& a) {
                RValue test = a[0];
                auto t = [test](const Time& x) { return truthy(call(test, RValue(Value::rational(x))).value()); };
                return RValue(whenT(t, a.transform(1), a.pat(2)));
            },
            "Applies the function when the test on the (cycle-split) query start holds.",
            "whenT ((< 0.5) . cyclePos) (fast 2) $ s \"bd sn\"");
    lib.add("ifp", "(Int -> Bool) -> (Pattern a -> Pattern a) -> (Pattern a -> Pattern a) -> Pattern a -> Pattern a",
            [](const Args& a) {
                RValue test = a[0];
                auto t = [test](int64_t c) { return truthy(call(test, RValue(Value::integer(c))).value()); };
                return RValue(ifp(t, a.transform(1), a.transform(2), a.pat(3)));
            },
            "Applies the first function on cycles passing the test, the second otherwise.",
            "ifp ((== 0) . flip mod 2) (striate 4) (# coarse 24) $ s \"hh hc\"");
    lib.add("within", "(Time, Time) -> (Pattern a -> Pattern a) -> Pattern a -> Pattern a",
            [](const Args& a) {
                auto [s, e] = a.timePair(0);
                return RValue(within(s, e, a.transform(1), a.pat(2)));
            },
            "Applies the function only to events starting in the given part of each cycle.",
            "within (0, 0.5) (fast 2) $ s \"bd*2 sn lt mt\"");
    lib.add("within'", "(Time, Time) -> (Pattern a -> Pattern a) -> Pattern a -> Pattern a",
            [](const Args& a) {
                auto [s, e] = a.timePair(0);
                return RValue(withinPrime(s, e, a.transform(1), a.pat(2)));
            },
            "Like within, but zooms into the part before applying the function.",
            "within' (0, 0.25) (fast 2) $ s \"bd hh cp sd\"");
    lib.add("inside", "Pattern Time -> (Pattern a1 -> Pattern a) -> Pattern a1 -> Pattern a",
            [](const Args& a) { return RValue(inside(a.pat(0), a.transform(1), a.pat(2))); },
            "Applies the function inside n-ths of a cycle: fast n . f . slow n.",
            "inside 2 rev $ n \"0 1 2 3 4 5 6 7\"");
    lib.add("outside", "Pattern Time -> (Pattern a1 -> Pattern a) -> Pattern a1 -> Pattern a",
            [](const Args& a) { return RValue(outside(a.pat(0), a.transform(1), a.pat(2))); },
            "Applies the function over n cycles: slow n . f . fast n.",
            "outside 2 rev $ n \"<[0 1] [2 3]>\"");
    lib.add("while", "Pattern Bool -> (Pattern a -> Pattern a) -> Pattern a -> Pattern a",
            [](const Args& a) { return RValue(whileP(a.pat(0), a.transform(1), a.pat(2))); },
            "Applies the function where the boolean pattern is true.",
            "while \"1 0\" (fast 2) $ s \"bd sn\"");
    lib.add("chunk", "Pattern Int -> (Pattern b -> Pattern b) -> Pattern b -> Pattern b",
            [](const Args& a) { return RValue(chunk(a.pat(0), a.transform(1), a.pat(2))); },
            "Applies the function to one of n parts of the cycle, moving left to right each cycle.",
            "chunk 4 (hurry 2) $ s \"bd sn hh cp\"");
    lib.add("chunk'", "Pattern Int -> (Pattern a2 -> Pattern a2) -> Pattern a2 -> Pattern a2",
            [](const Args& a) { return RValue(chunkPrime(a.pat(0), a.transform(1), a.pat(2))); },
            "Like chunk, moving right to left.",
            "chunk' 4 (hurry 2) $ s \"bd sn hh cp\"");
    lib.add("pickF", "Pattern Int -> [Pattern a -> Pattern a] -> Pattern a -> Pattern a",
            [](const Args& a) { return RValue(pickF(a.pat(0), transforms(a, 1), a.pat(2))); },
            "Chooses a function from the list by index (wrapping).",
            "pickF \"<0 1>\" [fast 2, rev] $ s \"bd sn\"");
    lib.add("selectF", "Pattern Double -> [Pattern a -> Pattern a] -> Pattern a -> Pattern a",
            [](const Args& a) { return RValue(selectF(a.pat(0), transforms(a, 1), a.pat(2))); },
            "Chooses a function from the list with a number from 0 to 1.",
            "selectF \"<0 0.5>\" [fast 2, rev] $ s \"bd sn\"");

    // ------------------------------------------------------------ spreading a function over a list
    // Tidal's spread family: `f x p` for each x of the list, one per cycle
    // (slowcat) or all in one cycle (fastcat). With ($), the list holds functions.
    auto spreadWith = [](bool squeezed) {
        return [squeezed](const Args& a) {
            std::vector<Pattern> ps;
            for (const auto& x : a.items(1)) ps.push_back(call(call(a[0], x), a[2]).pattern());
            return RValue(squeezed ? fastcat(std::move(ps)) : slowcat(std::move(ps)));
        };
    };
    lib.add("spread", "(a -> t -> Pattern b) -> [a] -> t -> Pattern b", spreadWith(false),
            "Applies the function with each value of the list in turn, one per cycle.",
            "spread fast [1, 2] $ s \"bd sn\"");
    lib.add("slowspread", "(a -> t -> Pattern b) -> [a] -> t -> Pattern b", spreadWith(false),
            "Alias of spread.", "slowspread ($) [rev, fast 2] $ s \"bd sn hh\"");
    lib.add("fastspread", "(a -> t -> Pattern b) -> [a] -> t -> Pattern b", spreadWith(true),
            "Like spread, with all the results squeezed into one cycle.",
            "fastspread ($) [id, (# speed 2)] $ s \"bd sn\"");
    lib.add("spreadf", "[a -> Pattern b] -> a -> Pattern b",
            [](const Args& a) {
                std::vector<Pattern> ps;
                for (const auto& f : a.items(0)) ps.push_back(call(f, a[1]).pattern());
                return RValue(slowcat(std::move(ps)));
            },
            "spread ($): applies each function of the list in turn, one per cycle.",
            "spreadf [rev, fast 2] $ s \"bd sn hh\"");
    auto spreadChoose = [](const Args& a) {
        // do v <- _segment 1 (choose xs); f v p -- chooses an index, then binds (unwrap).
        RList xs = a.items(1);
        if (xs.empty()) return RValue(silence());
        std::vector<Value> indices;
        for (size_t i = 0; i < xs.size(); ++i) indices.push_back(Value::integer(int64_t(i)));
        RValue f = a[0], p = a[2];
        return RValue(bind(random::segment1(random::choose(std::move(indices))), [f, xs, p](const Value& i) {
            return call(call(f, xs.at(size_t(i.asInt()))), p).pattern();
        }));
    };
    lib.add("spreadChoose", "(t -> t1 -> Pattern b) -> [t] -> t1 -> Pattern b", spreadChoose,
            "Like spread, choosing a value of the list at random each cycle.",
            "spreadChoose fast [1, 2, 4] $ s \"bd sn\"");
    lib.add("spreadr", "(t -> t1 -> Pattern b) -> [t] -> t1 -> Pattern b", spreadChoose,
            "Alias of spreadChoose.", "spreadr ($) [rev, fast 2] $ s \"bd sn\"");

    // ------------------------------------------------------------ layering
    lib.add("superimpose", "(Pattern a -> Pattern a) -> Pattern a -> Pattern a",
            [](const Args& a) { return RValue(superimpose(a.transform(0), a.pat(1))); },
            "Plays the pattern together with a transformed copy.",
            "superimpose (fast 2) $ s \"bd sn\"");
    lib.add("off", "Pattern Time -> (Pattern a -> Pattern a) -> Pattern a -> Pattern a",
            [](const Args& a) { return RValue(off(a.pat(0), a.transform(1), a.pat(2))); },
            "Superimposes a transformed copy shifted later by the given time.",
            "off 0.25 (# crush 4) $ s \"bd sn\"");
    lib.add("layer", "[a -> Pattern b] -> a -> Pattern b",
            [](const Args& a) {
                std::vector<Pattern> ps;
                for (const auto& f : a.items(0)) ps.push_back(call(f, a[1]).pattern());
                return RValue(stack(std::move(ps)));
            },
            "Stacks the results of applying each function to the argument.",
            "layer [rev, fast 2] $ s \"bd sn\"");
    lib.add("jux", "(Pattern ValueMap -> Pattern ValueMap) -> Pattern ValueMap -> Pattern ValueMap",
            [](const Args& a) { return RValue(jux(a.transform(0), a.pat(1))); },
            "Pans the pattern left and a transformed copy right.",
            "jux rev $ s \"bd sn hh\"");
    lib.add("juxBy", "Pattern Double -> (Pattern ValueMap -> Pattern ValueMap) -> Pattern ValueMap -> Pattern ValueMap",
            [](const Args& a) { return RValue(juxBy(a.pat(0), a.transform(1), a.pat(2))); },
            "Like jux, with the stereo width given (pan 0.5 -/+ n/2).",
            "juxBy 0.5 rev $ s \"bd sn hh\"");
    lib.add("stut", "Pattern Int -> Pattern Double -> Pattern Rational -> ControlPattern -> ControlPattern",
            [](const Args& a) { return RValue(stut(a.pat(0), a.pat(1), a.pat(2), a.pat(3))); },
            "Echoes: count, feedback (gain), time between echoes.",
            "stut 3 0.5 0.125 $ s \"bd sn\"");
    auto stutWithImpl = [](const Args& a) { return RValue(stutWith(a.pat(0), a.pat(1), a.transform(2), a.pat(3))); };
    const char* stutWithSig = "Pattern Int -> Pattern Time -> (Pattern a -> Pattern a) -> Pattern a -> Pattern a";
    lib.add("stutWith", stutWithSig, stutWithImpl,
            "Overlays n copies, each shifted by the time and transformed once more.",
            "stutWith 3 (1/8) (# speed 2) $ s \"bd sn\"");
    lib.add("stut'", stutWithSig, stutWithImpl, "Old name of stutWith.", "stut' 3 (1/8) (# speed 2) $ s \"bd sn\"");
    // Tidal 1.9's name for stutWith (absent from 1.7.10).
    lib.add("echoWith", stutWithSig, stutWithImpl, "Tidal 1.9's name for stutWith.",
            "echoWith 3 (1/8) (# speed 2) $ s \"bd sn\"");
    lib.add("stutter", "Int -> Time -> Pattern a -> Pattern a",
            [](const Args& a) { return RValue(stutter(a.integer(0), a.time(1), a.pat(2))); },
            "Stacks n copies of the pattern, each shifted by the time.",
            "stutter 4 (1/16) $ s \"bd sn\"");
    // 1.7.10's echo is `stutter 2` (Tidal 1.9 redefined echo as count/time/feedback; see echo19).
    lib.add("echo", "Time -> Pattern a -> Pattern a",
            [](const Args& a) { return RValue(echo(a.time(0), a.pat(1))); },
            "Plays the pattern twice, the copy shifted by the time (stutter 2).",
            "echo 0.2 $ s \"bd sn\"");
    lib.add("triple", "Time -> Pattern a -> Pattern a",
            [](const Args& a) { return RValue(stutter(3, a.time(0), a.pat(1))); }, "stutter 3.",
            "triple 0.1 $ s \"bd sn\"");
    lib.add("quad", "Time -> Pattern a -> Pattern a",
            [](const Args& a) { return RValue(stutter(4, a.time(0), a.pat(1))); }, "stutter 4.",
            "quad 0.1 $ s \"bd sn\"");
    lib.add("double", "Time -> Pattern a -> Pattern a",
            [](const Args& a) { return RValue(echo(a.time(0), a.pat(1))); }, "stutter 2.",
            "double 0.1 $ s \"bd sn\"");
    lib.add("ghost''", "Time -> (Pattern a -> Pattern a) -> Pattern a -> Pattern a",
            [](const Args& a) { return RValue(ghostWith(a.time(0), a.transform(1), a.pat(2))); },
            "Superimposes transformed copies 1.5 and 2.5 times the given time later.",
            "ghost'' (1/16) (|*| gain 1.1) $ s \"sn\"");
    lib.add("ghostWith", "Time -> (Pattern a -> Pattern a) -> Pattern a -> Pattern a",
            [](const Args& a) { return RValue(ghostWith(a.time(0), a.transform(1), a.pat(2))); },
            "Tidal 1.9's name for ghost''.", "ghostWith (1/16) (|*| gain 1.1) $ s \"sn\"");
    lib.add("ghost'", "Time -> Pattern ValueMap -> Pattern ValueMap",
            [](const Args& a) { return RValue(ghostPrime(a.time(0), a.pat(1))); },
            "Adds quieter, shorter, higher ghost notes after each event.", "ghost' (1/16) $ s \"~ sn\"");
    lib.add("ghost", "Pattern ValueMap -> Pattern ValueMap",
            [](const Args& a) { return RValue(ghost(a.pat(0))); }, "ghost' 0.125.", "ghost $ s \"~ sn\"");
    lib.add("hurry", "Pattern Rational -> ControlPattern -> ControlPattern",
            [](const Args& a) { return RValue(hurry(a.pat(0), a.pat(1))); },
            "Speeds up the pattern and multiplies the speed control by the same factor.",
            "hurry \"<1 2>\" $ s \"bd sn\"");

    // ------------------------------------------------------------ time structure
    lib.add("fastGap", "Pattern Time -> Pattern a -> Pattern a",
            [](const Args& a) { return RValue(fastGapP(a.pat(0), a.pat(1))); },
            "Speeds up each cycle, leaving a gap at its end.", "fastGap 2 $ s \"bd sn\"");
    lib.alias("densityGap", "fastGap");
    lib.add("fastSqueeze", "Pattern Time -> Pattern a -> Pattern a",
            [](const Args& a) { return RValue(fastSqueeze(a.pat(0), a.pat(1))); },
            "Like fast, but each cycle is squeezed into the factor's events.", "fastSqueeze \"1 2\" $ s \"bd sn\"");
    lib.add("slowSqueeze", "Pattern Time -> Pattern a -> Pattern a",
            [](const Args& a) { return RValue(slowSqueeze(a.pat(0), a.pat(1))); },
            "Like slow, but each cycle is squeezed into the factor's events.", "slowSqueeze \"1 2\" $ s \"bd sn\"");
    lib.add("ply", "Pattern Rational -> Pattern a -> Pattern a",
            [](const Args& a) { return RValue(ply(a.pat(0), a.pat(1))); }, "Repeats each event n times within it.",
            "ply 2 $ s \"bd ~ sn\"");
    lib.add("plyWith", "(Ord t, Num t) => Pattern t -> (Pattern a -> Pattern a) -> Pattern a -> Pattern a",
            [](const Args& a) { return RValue(plyWith(a.pat(0), a.transform(1), a.pat(2))); },
            "Like ply, applying the function cumulatively to each repeat.",
            "plyWith 3 (|* gain 0.8) $ s \"bd sn\"");
    lib.add("arpeggiate", "Pattern a -> Pattern a", [](const Args& a) { return RValue(arpeggiate(a.pat(0))); },
            "Spreads events sharing a timespan out across it, in order.", "n (arpeggiate \"[0,4,7] [2,5]\")");
    lib.alias("arpg", "arpeggiate");
    // Tidal 1.9's echo (count, time, feedback); the checker picks it when `echo`
    // is given three or more arguments, so 1.7's two-argument echo keeps its meaning.
    lib.add("echo (1.9)", "Pattern Int -> Pattern Rational -> Pattern Double -> ControlPattern -> ControlPattern",
            [](const Args& a) { return RValue(echo19(a.pat(0), a.pat(1), a.pat(2), a.pat(3))); },
            "Tidal 1.9's echo: count repeats, time apart, each multiplying gain by feedback.",
            "d1 $ echo 3 0.2 0.5 $ s \"bd sn\"");
    lib.add("iter", "Pattern Int -> Pattern c -> Pattern c",
            [](const Args& a) { return RValue(iter(a.pat(0), a.pat(1))); },
            "Starts each cycle one n-th later in the pattern.", "iter 4 $ s \"bd hh sn cp\"");
    lib.add("iter'", "Pattern Int -> Pattern c -> Pattern c",
            [](const Args& a) { return RValue(iterPrime(a.pat(0), a.pat(1))); }, "Like iter, backwards.",
            "iter' 4 $ s \"bd hh sn cp\"");
    lib.add("palindrome", "Pattern a -> Pattern a", [](const Args& a) { return RValue(palindrome(a.pat(0))); },
            "Alternates the pattern forwards and backwards.", "palindrome $ s \"bd hh sn\"");
    lib.add("brak", "Pattern a -> Pattern a", [](const Args& a) { return RValue(brak(a.pat(0))); },
            "Squashes every other cycle into a quarter-shifted half: a breakbeat feel.", "brak $ s \"bd sn\"");
    lib.add("linger", "Pattern Time -> Pattern a -> Pattern a",
            [](const Args& a) { return RValue(linger(a.pat(0), a.pat(1))); },
            "Repeats the first fraction of each cycle (the last, if negative).",
            "linger 0.25 $ s \"bd sn hh cp\"");
    lib.add("press", "Pattern a -> Pattern a", [](const Args& a) { return RValue(press(a.pat(0))); },
            "Syncopates: each event moves to the second half of its own span.", "press $ s \"bd sn hh\"");
    lib.add("pressBy", "Pattern Time -> Pattern a -> Pattern a",
            [](const Args& a) { return RValue(pressBy(a.pat(0), a.pat(1))); },
            "Like press, starting each event the given fraction of the way into its span.",
            "pressBy \"<0.25 0.5>\" $ s \"bd sn hh\"");
    lib.add("segment", "Pattern Time -> Pattern a -> Pattern a",
            [](const Args& a) { return RValue(segment(a.pat(0), a.pat(1))); },
            "Samples the pattern n times per cycle.", "n (segment 4 $ range 1 5 saw)");
    lib.add("discretise", "Pattern Time -> Pattern a -> Pattern a",
            [](const Args& a) { return RValue(segment(a.pat(0), a.pat(1))); }, "Alias of segment.",
            "n (discretise 4 $ range 1 5 saw)");
    lib.add("trunc", "Pattern Time -> Pattern a -> Pattern a",
            [](const Args& a) { return RValue(trunc(a.pat(0), a.pat(1))); },
            "Plays only the first fraction of each cycle.", "trunc 0.75 $ s \"bd sn hh cp\"");
    lib.add("rot", "Ord a => Pattern Int -> Pattern a -> Pattern a",
            [](const Args& a) { return RValue(rot(a.pat(0), a.pat(1))); },
            "Shifts values to later events of the cycle, keeping the structure.", "rot \"<0 1 2>\" $ n \"0 1 2 3\"");
    lib.add("swingBy", "Pattern Time -> Pattern Time -> Pattern a -> Pattern a",
            [](const Args& a) { return RValue(swingBy(a.pat(0), a.pat(1), a.pat(2))); },
            "Delays events in the second half of each of n slices by x.", "swingBy (1/3) 4 $ s \"hh*8\"");
    lib.add("swing", "Pattern Time -> Pattern a -> Pattern a",
            [](const Args& a) { return RValue(swing(a.pat(0), a.pat(1))); }, "swingBy (1/3).",
            "swing 4 $ s \"hh*8\"");
    lib.add("spaceOut", "[Time] -> Pattern a -> Pattern a",
            [](const Args& a) { return RValue(spaceOut(times(a, 0), a.pat(1))); },
            "Plays the pattern once at each of the given durations, in turn.", "spaceOut [1, 0.5, 2] $ s \"bd sn\"");
    lib.add("stretch", "Pattern a -> Pattern a", [](const Args& a) { return RValue(stretch(a.pat(0))); },
            "Zooms each cycle to the span its events cover.", "stretch $ s \"~ bd sn ~\"");
    lib.add("weave", "Time -> ControlPattern -> [ControlPattern] -> ControlPattern",
            [](const Args& a) { return RValue(weave(a.time(0), a.pat(1), a.patterns(2))); },
            "Applies a control pattern at different offsets over several patterns.",
            "weave 4 (pan sine) [s \"bd sn\", s \"hh*4\"]");
    auto weaveWithImpl = [](const Args& a) { return RValue(weaveWith(a.time(0), a.pat(1), transforms(a, 2))); };
    lib.add("weaveWith", "Time -> Pattern a -> [Pattern a -> Pattern a] -> Pattern a", weaveWithImpl,
            "Applies each function at a different offset of a long cycle.",
            "weaveWith 3 (s \"bd sn\") [fast 2, (# speed 0.5)]");
    lib.add("weave'", "Time -> Pattern a -> [Pattern a -> Pattern a] -> Pattern a", weaveWithImpl,
            "Alias of weaveWith.", "weave' 3 (s \"bd sn\") [fast 2, (# speed 0.5)]");
    lib.add("wedge", "Pattern Time -> Pattern a -> Pattern a -> Pattern a",
            [](const Args& a) { return RValue(wedge(a.pat(0), a.pat(1), a.pat(2))); },
            "Squashes two patterns into one cycle, the first taking the given fraction.",
            "wedge (1/4) (s \"bd*2\") (s \"hh*3\")");

    // ------------------------------------------------------------ selection
    lib.add("fit", "Pattern Int -> [a] -> Pattern Int -> Pattern a",
            [](const Args& a) { return RValue(fit(a.pat(0), values(a, 1), a.pat(2))); },
            "Indexes the list with the pattern, moving on by the step each cycle.",
            "s (fit 3 [\"bd\", \"sn\", \"arpy\", \"arpy:1\", \"casio\"] \"0 [~ 1] 2 1\")");
    lib.add("fit'", "Pattern Time -> Int -> Pattern Int -> Pattern Int -> Pattern a -> Pattern a",
            [](const Args& a) { return RValue(fitPrime(a.pat(0), a.integer(1), a.pat(2), a.pat(3), a.pat(4))); },
            "Slices the pattern with one index pattern and reassembles it with another.",
            "fit' 1 2 \"0 1\" \"1 0\" $ s \"bd sn\"");
    lib.add("bite", "Pattern Int -> Pattern Int -> Pattern a -> Pattern a",
            [](const Args& a) { return RValue(bite(a.pat(0), a.pat(1), a.pat(2))); },
            "Slices each cycle into n pieces and plays them in the order given.",
            "bite 4 \"0 2*2\" $ n \"0 .. 7\"");
    lib.add("squeeze", "Pattern Int -> [Pattern a] -> Pattern a",
            [](const Args& a) { return RValue(squeeze(a.pat(0), a.patterns(1))); },
            "Indexes a list of patterns, squeezing each cycle into the index's events.",
            "squeeze \"0 1\" [s \"bd sn\", s \"hh*3\"]");
    lib.add("select", "Pattern Double -> [Pattern a] -> Pattern a",
            [](const Args& a) { return RValue(selectP(a.pat(0), a.patterns(1))); },
            "Chooses a pattern from the list with a number from 0 to 1.",
            "select \"<0 0.5 1>\" [s \"bd*2\", s \"hh*3\", s \"cp\"]");

    // ------------------------------------------------------------ boolean structure
    lib.add("inv", "Pattern Bool -> Pattern Bool", [](const Args& a) { return RValue(inv(a.pat(0))); },
            "Inverts a boolean pattern.", "struct (inv \"t f t t\") $ s \"bd\"");
    lib.add("struct", "Pattern Bool -> Pattern a -> Pattern a",
            [](const Args& a) { return RValue(structP(a.pat(0), a.pat(1))); },
            "Takes the structure from the true events of a boolean pattern.", "struct \"t ~ t t\" $ s \"bd\"");
    lib.add("mask", "Pattern Bool -> Pattern a -> Pattern a",
            [](const Args& a) { return RValue(mask(a.pat(0), a.pat(1))); },
            "Keeps only the parts of events where the boolean pattern is true.", "mask \"1 0 1 1\" $ s \"hh*8\"");
    lib.add("substruct", "Pattern Bool -> Pattern b -> Pattern b",
            [](const Args& a) { return RValue(substruct(a.pat(0), a.pat(1))); },
            "Squeezes a cycle of the pattern into each true event.", "substruct \"t ~ t\" $ s \"bd sn\"");
    lib.add("substruct'", "Pattern Int -> Pattern a -> Pattern a",
            [](const Args& a) { return RValue(substructPrime(a.pat(0), a.pat(1))); },
            "Squeezes successive parts of the pattern into the events of an integer pattern.",
            "substruct' \"0 1 2\" $ s \"bd sn hh\"");
    lib.add("stripe", "Pattern Int -> Pattern a -> Pattern a",
            [](const Args& a) { return RValue(stripe(a.pat(0), a.pat(1))); },
            "Plays n repeats of the cycle in each cycle, of random lengths that add up to one cycle.",
            "stripe 2 $ s \"bd sn hh cp\"");
    lib.add("slowstripe", "Pattern Int -> Pattern a -> Pattern a",
            [](const Args& a) { return RValue(slowstripe(a.pat(0), a.pat(1))); },
            "stripe, n times slower: the repeats average one cycle each.",
            "slowstripe 2 $ s \"bd sn hh cp\"");
    lib.add("sew", "Pattern Bool -> Pattern a -> Pattern a -> Pattern a",
            [](const Args& a) { return RValue(sew(a.pat(0), a.pat(1), a.pat(2))); },
            "Switches between two patterns, keeping their structure.", "sew \"t f\" (n \"0*4\") (n \"1*8\")");
    lib.add("stitch", "Pattern Bool -> Pattern a -> Pattern a -> Pattern a",
            [](const Args& a) { return RValue(stitch(a.pat(0), a.pat(1), a.pat(2))); },
            "Switches between two patterns, with the boolean pattern's structure.",
            "s (stitch \"t f t t\" \"bd\" \"sn\")");
    lib.add("euclid", "Pattern Int -> Pattern Int -> Pattern a -> Pattern a",
            [](const Args& a) { return RValue(euclid(a.pat(0), a.pat(1), a.pat(2))); },
            "Euclidean rhythm: n onsets spread over k steps.", "euclid 3 8 $ s \"bd\"");
    lib.add("euclidInv", "Pattern Int -> Pattern Int -> Pattern a -> Pattern a",
            [](const Args& a) { return RValue(euclidInv(a.pat(0), a.pat(1), a.pat(2))); },
            "Plays the steps a Euclidean rhythm leaves empty.", "euclidInv 3 8 $ s \"bd\"");
    lib.add("euclidFull", "Pattern Int -> Pattern Int -> Pattern a -> Pattern a -> Pattern a",
            [](const Args& a) { return RValue(euclidFull(a.pat(0), a.pat(1), a.pat(2), a.pat(3))); },
            "A Euclidean rhythm with the second pattern filling the gaps.",
            "euclidFull 3 8 (s \"bd\") (s \"hh\")");
    auto euclidOffImpl = [](const Args& a) { return RValue(euclidOff(a.pat(0), a.pat(1), a.pat(2), a.pat(3))); };
    lib.add("euclidOff", "Pattern Int -> Pattern Int -> Pattern Int -> Pattern a -> Pattern a", euclidOffImpl,
            "A Euclidean rhythm rotated left by s steps.", "euclidOff 3 8 2 $ s \"bd\"");
    lib.add("eoff", "Pattern Int -> Pattern Int -> Pattern Int -> Pattern a -> Pattern a", euclidOffImpl,
            "Alias of euclidOff.", "eoff 3 8 2 $ s \"bd\"");
    lib.add("euclidOffBool", "Pattern Int -> Pattern Int -> Pattern Int -> Pattern Bool -> Pattern Bool",
            [](const Args& a) { return RValue(euclidOffBool(a.pat(0), a.pat(1), a.pat(2), a.pat(3))); },
            "A rotated Euclidean rhythm as booleans (inverted where the pattern is false).",
            "struct (euclidOffBool 3 8 2 \"t\") $ s \"bd\"");
    lib.add("necklace", "Rational -> [Int] -> Pattern Bool",
            [](const Args& a) { return RValue(necklace(a.time(0), ints(a, 1))); },
            "A boolean rhythm from inter-onset intervals, at the given steps per cycle.",
            "struct (necklace 12 [4, 2]) $ s \"bd\"");
}

}  // namespace seiche::lang
