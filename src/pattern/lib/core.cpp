// Operators and the core combinators of Tidal's Core.hs: arithmetic on
// patterns, the `|+|` family, `#`, time shifting, concatenation, and the
// Haskell Prelude pieces Tidal code leans on (`.`, `flip`, `id`, `<$>`).
#include <cmath>

#include "pattern/lang/library.hpp"

namespace seiche::lang {
namespace {

using Structure = Pattern (*)(const Pattern&, const Pattern&, BinaryFn);

RValue arith(const RValue& a, const RValue& b, NumOp op) {
    auto f = [op](const Value& x, const Value& y) { return applyNum(op, x, y); };
    if (a.isPattern()) return RValue(appBoth(a.pattern(), b.pattern(), f));
    return RValue(f(a.value(), b.value()));
}

void addOperatorFamily(Library& lib, const std::string& sym, const std::string& constraint, BinaryFn f,
                       const std::string& doc) {
    const std::string sig = (constraint.empty() ? "" : constraint + " a => ") + "Pattern a -> Pattern a -> Pattern a";
    struct Variant {
        std::string name;
        Structure structure;
        const char* where;
    };
    const Variant variants[] = {{"|" + sym + "|", appBoth, "structure from both sides"},
                                {"|" + sym, appLeft, "structure from the left"},
                                {sym + "|", appRight, "structure from the right"}};
    for (const auto& v : variants) {
        Structure structure = v.structure;
        lib.add(v.name, sig,
                [structure, f](const Args& a) { return RValue(structure(a.pat(0), a.pat(1), f)); },
                doc + ", " + v.where, "d1 $ n \"0 2\" " + v.name + " n \"<12 7>\" # s \"superpiano\"");
    }
}

Value num(NumOp op, const Value& a, const Value& b) { return applyNum(op, a, b); }

}  // namespace

void registerCoreFunctions(Library& lib) {
    // --- arithmetic on numbers and on patterns (Tidal's Num instance: structure from both sides)
    const std::pair<const char*, NumOp> arithmetic[] = {{"+", NumOp::Add}, {"-", NumOp::Sub}, {"*", NumOp::Mul}};
    for (auto [name, op] : arithmetic)
        lib.add(name, "Num a => a -> a -> a", [op = op](const Args& a) { return arith(a[0], a[1], op); },
                "arithmetic on numbers or patterns", "d1 $ n (\"0 2\" + \"<12 7>\") # s \"superpiano\"");
    lib.add("/", "Fractional a => a -> a -> a", [](const Args& a) { return arith(a[0], a[1], NumOp::Div); },
            "division", "d1 $ s \"bd*4\" # speed (1/2)");
    lib.add("negate", "Num a => a -> a", [](const Args& a) {
        auto neg = [](const Value& v) { return applyNum(NumOp::Sub, applyNum(NumOp::Sub, v, v), v); };
        if (a[0].isPattern()) return RValue(fmap(a.pat(0), neg));
        return RValue(neg(a.value(0)));
    }, "negation", "d1 $ n (negate \"0 3\") # s \"arpy\"");
    lib.add("subtract", "Num a => a -> a -> a", [](const Args& a) { return arith(a[1], a[0], NumOp::Sub); },
            "subtract x y = y - x", "d1 $ n (fmap (subtract 1) \"1 2\") # s \"arpy\"");
    lib.add("min", "Ord a => a -> a -> a", [](const Args& a) { return arith(a[0], a[1], NumOp::Min); });
    lib.add("max", "Ord a => a -> a -> a", [](const Args& a) { return arith(a[0], a[1], NumOp::Max); });

    // --- the |+| family and #
    addOperatorFamily(lib, "+", "Num", [](const Value& x, const Value& y) { return num(NumOp::Add, x, y); }, "add");
    addOperatorFamily(lib, "-", "Num", [](const Value& x, const Value& y) { return num(NumOp::Sub, x, y); }, "subtract");
    addOperatorFamily(lib, "*", "Num", [](const Value& x, const Value& y) { return num(NumOp::Mul, x, y); }, "multiply");
    addOperatorFamily(lib, "/", "Fractional", [](const Value& x, const Value& y) { return num(NumOp::Div, x, y); }, "divide");
    addOperatorFamily(lib, "%", "Moddable", [](const Value& x, const Value& y) { return num(NumOp::Mod, x, y); }, "modulo");
    addOperatorFamily(lib, "**", "Floating", [](const Value& x, const Value& y) { return num(NumOp::Pow, x, y); }, "power");
    addOperatorFamily(lib, "<", "", unionPreferLeft, "combine, values from the left");
    addOperatorFamily(lib, ">", "", unionPreferRight, "combine, values from the right");
    for (const char* name : {"|++|", "|++", "++|"}) {
        std::string n = name;
        Structure s = n == "|++|" ? appBoth : n == "|++" ? appLeft : appRight;
        lib.add(n, "Pattern String -> Pattern String -> Pattern String",
                [s](const Args& a) { return RValue(s(a.pat(0), a.pat(1), [](const Value& x, const Value& y) { return num(NumOp::Add, x, y); })); },
                "join strings", "d1 $ s (\"drum\" |++ \"2\")");
    }
    lib.alias("#", "|>");
    lib.add("++", "[a] -> [a] -> [a]", [](const Args& a) {
        RList items = a.items(0);
        for (const auto& x : a.items(1)) items.push_back(x);
        return RValue::list(std::move(items));
    });

    // --- functions on functions
    lib.add(".", "(b -> c) -> (a -> b) -> a -> c", [](const Args& a) { return call(a[0], call(a[1], a[2])); },
            "function composition", "d1 $ every 2 (fast 2 . rev) $ s \"bd sn\"");
    lib.add("$", "(a -> b) -> a -> b", [](const Args& a) { return call(a[0], a[1]); },
            "function application, as a value: spread ($) [rev, fast 2]",
            "d1 $ spread ($) [rev, fast 2] $ s \"bd sn hh\"");
    lib.add("flip", "(a -> b -> c) -> b -> a -> c", [](const Args& a) { return call(call(a[0], a[2]), a[1]); });
    lib.add("id", "a -> a", [](const Args& a) { return a[0]; }, "the identity function",
            "d1 $ every 2 id $ s \"bd sn\"");
    lib.add("const", "a -> b -> a", [](const Args& a) { return a[0]; }, "const x y = x",
            "d1 $ every 3 (const $ s \"cp*4\") $ s \"bd sn\"");
    lib.add("fmap", "(a -> b) -> Pattern a -> Pattern b", [](const Args& a) {
        RValue f = a[0];
        return RValue(fmap(a.pat(1), [f](const Value& v) { return call(f, RValue(v)).value(); }));
    }, "apply a function to every value", "d1 $ n (fmap (+12) \"0 3 7\") # s \"superpiano\"");
    lib.alias("<$>", "fmap");
    lib.add("pure", "a -> Pattern a", [](const Args& a) { return RValue(pure(a.value(0))); });
    lib.alias("return", "pure");
    lib.add("enumFromTo", "Enum a => a -> a -> [a]", [](const Args& a) {
        RList items;
        double from = a.num(0), to = a.num(1);
        if (to - from > 100000) throw EvalError("the range is longer than 100000 items");
        for (double x = from; x <= to + 1e-9 * std::abs(to); x += 1) {
            Value v = a.value(0).kind() == ValueKind::Int ? Value::integer(int64_t(x)) : Value::dbl(x);
            if (a.value(0).kind() == ValueKind::Rational) v = Value::rational(Rational::fromDouble(x));
            items.emplace_back(v);
        }
        return RValue::list(std::move(items));
    });

    // --- time
    lib.add("fast", "Pattern Time -> Pattern a -> Pattern a", [](const Args& a) {
        Pattern p = a.pat(1);
        return RValue(tParam(a.pat(0), [p](const Value& r) { return fast(r.asRational(), p); }));
    }, "speed up a pattern", "d1 $ fast \"<1 2>\" $ s \"bd sn\"");
    lib.alias("density", "fast");
    lib.add("slow", "Pattern Time -> Pattern a -> Pattern a", [](const Args& a) {
        Pattern p = a.pat(1);
        return RValue(tParam(a.pat(0), [p](const Value& r) { return slow(r.asRational(), p); }));
    }, "slow down a pattern", "d1 $ slow 2 $ s \"bd sn hh cp\"");
    lib.alias("sparsity", "slow");
    lib.add("<~", "Pattern Time -> Pattern a -> Pattern a", [](const Args& a) {
        Pattern p = a.pat(1);
        return RValue(tParam(a.pat(0), [p](const Value& t) { return rotL(t.asRational(), p); }));
    }, "shift a pattern earlier in time", "d1 $ \"<0 0.25>\" <~ s \"bd sn\"");
    lib.add("~>", "Pattern Time -> Pattern a -> Pattern a", [](const Args& a) {
        Pattern p = a.pat(1);
        return RValue(tParam(a.pat(0), [p](const Value& t) { return rotR(t.asRational(), p); }));
    }, "shift a pattern later in time", "d1 $ 0.25 ~> s \"bd sn\"");
    lib.add("rotL", "Time -> Pattern a -> Pattern a", [](const Args& a) { return RValue(rotL(a.time(0), a.pat(1))); });
    lib.add("rotR", "Time -> Pattern a -> Pattern a", [](const Args& a) { return RValue(rotR(a.time(0), a.pat(1))); });
    lib.add("rev", "Pattern a -> Pattern a", [](const Args& a) { return RValue(rev(a.pat(0))); },
            "reverse each cycle", "d1 $ rev $ s \"bd hh sn cp\"");
    lib.add("zoom", "(Time, Time) -> Pattern a -> Pattern a", [](const Args& a) {
        auto [b, e] = a.timePair(0);
        return RValue(zoom(b, e, a.pat(1)));
    }, "play a portion of each cycle, stretched", "d1 $ zoom (0.25, 0.75) $ s \"bd*2 hh*3 [sn bd]*2 drum\"");
    lib.alias("zoomArc", "zoom");
    lib.add("compress", "(Time, Time) -> Pattern a -> Pattern a", [](const Args& a) {
        auto [b, e] = a.timePair(0);
        return RValue(compress(b, e, a.pat(1)));
    }, "squeeze each cycle into a part of the cycle", "d1 $ compress (0.25, 0.75) $ s \"bd sn\"");

    // --- combining patterns
    lib.add("silence", "Pattern a", [](const Args&) { return RValue(silence()); }, "nothing at all", "d1 silence");
    lib.add("stack", "[Pattern a] -> Pattern a", [](const Args& a) { return RValue(stack(a.patterns(0))); },
            "play patterns at the same time", "d1 $ stack [s \"bd*2\", s \"hh*3\"]");
    lib.add("overlay", "Pattern a -> Pattern a -> Pattern a", [](const Args& a) { return RValue(overlay(a.pat(0), a.pat(1))); },
            "play two patterns at the same time", "d1 $ overlay (s \"bd*2\") (s \"hh*3\")");
    lib.alias("<>", "overlay");
    lib.add("cat", "[Pattern a] -> Pattern a", [](const Args& a) { return RValue(slowcat(a.patterns(0))); },
            "one cycle from each pattern in turn", "d1 $ cat [s \"bd*2\", s \"hh*3\"]");
    lib.alias("slowcat", "cat");
    lib.alias("slowCat", "cat");
    lib.add("fastcat", "[Pattern a] -> Pattern a", [](const Args& a) { return RValue(fastcat(a.patterns(0))); },
            "all patterns squeezed into one cycle", "d1 $ fastcat [s \"bd*2\", s \"hh*3\"]");
    lib.alias("fastCat", "fastcat");
    lib.add("append", "Pattern a -> Pattern a -> Pattern a", [](const Args& a) { return RValue(slowcat({a.pat(0), a.pat(1)})); });
    lib.alias("slowAppend", "append");
    lib.alias("slowappend", "append");
    lib.add("fastAppend", "Pattern a -> Pattern a -> Pattern a", [](const Args& a) { return RValue(fastcat({a.pat(0), a.pat(1)})); });
    lib.alias("fastappend", "fastAppend");
    lib.add("timeCat", "[(Time, Pattern a)] -> Pattern a", [](const Args& a) {
        std::vector<std::pair<Time, Pattern>> parts;
        for (const auto& item : a.items(0)) parts.emplace_back(item.items()[0].value().asRational(), item.items()[1].pattern());
        return RValue(timecat(std::move(parts)));
    }, "concatenate with relative durations", "d1 $ timeCat [(1, s \"bd*4\"), (1, s \"hh27*8\")]");
    lib.alias("timecat", "timeCat");
    lib.add("fromList", "[a] -> Pattern a", [](const Args& a) {
        std::vector<Pattern> ps;
        for (const auto& item : a.items(0)) ps.push_back(pure(item.value()));
        return RValue(slowcat(std::move(ps)));
    });
    lib.add("fastFromList", "[a] -> Pattern a", [](const Args& a) {
        std::vector<Pattern> ps;
        for (const auto& item : a.items(0)) ps.push_back(pure(item.value()));
        return RValue(fastcat(std::move(ps)));
    });
    lib.alias("listToPat", "fastFromList");
}

}  // namespace seiche::lang
