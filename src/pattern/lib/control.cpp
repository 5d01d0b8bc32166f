// Controls (s, n, speed, ... — one function per entry of the control table)
// and the sample functions (chop, striate, slice, splice, loopAt, chew, smash).
#include "pattern/controls.hpp"
#include "pattern/lang/library.hpp"
#include "pattern/sample_fx.hpp"

namespace seiche::lang {

namespace {

std::string controlSignature(ControlType t) {
    return "Pattern " + std::string(controlTypeName(t)) + " -> ControlPattern";
}

std::string controlExample(const ControlInfo& c) {
    std::string name(c.name);
    switch (c.type) {
        case ControlType::String:
            if (c.name == "sound") return "d1 $ sound \"bd:3 sn\"";
            if (c.name == "vowel") return "d1 $ s \"bd*4\" # vowel \"a e\"";
            if (c.name == "unit") return "d1 $ s \"break\" # unit \"c\" # speed 1";
            return "d1 $ s \"bd\" # " + name + " \"x\"";
        case ControlType::Note: return "d1 $ s \"superpiano\" # " + name + " \"0 4 7\"";
        case ControlType::Int: return "d1 $ s \"bd*2\" # " + name + " \"1\"";
        default: return "d1 $ s \"bd*2\" # " + name + " \"0.5 1\"";
    }
}

Pattern makeControl(const ControlInfo& c, const Pattern& p) {
    if (c.kind == ControlKind::Plain) return controlPattern(c.key, c.type, p);
    if (c.name == "sound") return soundControl(p);
    if (c.name == "cc") return ccControl(p);
    if (c.name == "nrpn") return nrpnControl(p);
    if (c.name == "grain'") return grainControl(p);
    if (c.name == "midinote") return midinoteControl(p);
    return drumControl(p);  // "drum"
}

std::vector<Pattern> patternList(const Args& a, size_t i) {
    std::vector<Pattern> out;
    for (const auto& item : a.items(i)) out.push_back(item.isPattern() ? item.pattern() : pure(item.value()));
    return out;
}

}  // namespace

void registerControlFunctions(Library& lib) {
    for (const ControlInfo& c : controlTable()) {
        const ControlInfo* info = &c;
        lib.add(std::string(c.name), controlSignature(c.type),
                [info](const Args& a) { return RValue(makeControl(*info, a.pat(0))); }, std::string(c.doc),
                controlExample(c));
        for (auto alias : c.aliases) lib.alias(std::string(alias), std::string(c.name));
        if (!c.bus) continue;
        const std::string name(c.name);
        lib.add(name + "bus", "Pattern Int -> " + controlSignature(c.type),
                [info](const Args& a) { return RValue(busControl(*info, a.pat(0), a.pat(1))); },
                "Sends " + name + " to the given control bus (the value is also set).",
                "d1 $ s \"bd*4\" # " + name + "bus 1 \"0.5 1\"");
        lib.add(name + "recv", "Pattern Int -> ControlPattern",
                [info](const Args& a) { return RValue(recvControl(*info, a.pat(0))); },
                "Reads " + name + " from the given control bus.", "d1 $ s \"bd*4\" # " + name + "recv 1");
        for (auto alias : c.aliases) {
            lib.alias(std::string(alias) + "bus", name + "bus");
            lib.alias(std::string(alias) + "recv", name + "recv");
        }
    }

    lib.add("chop", "Pattern Int -> ControlPattern -> ControlPattern",
            [](const Args& a) { return RValue(chop(a.pat(0), a.pat(1))); },
            "Cuts each event into n parts, each playing the matching part of the sample.",
            "d1 $ chop 4 $ s \"break\" # legato 1");
    lib.add("striate", "Pattern Int -> ControlPattern -> ControlPattern",
            [](const Args& a) { return RValue(striate(a.pat(0), a.pat(1))); },
            "Plays the cycle n times in one, the i-th time playing the i-th part of every sample.",
            "d1 $ striate 4 $ s \"numbers:1 numbers:2\"");
    lib.add("striateBy", "Pattern Int -> Pattern Double -> ControlPattern -> ControlPattern",
            [](const Args& a) { return RValue(striateLen(a.pat(0), a.pat(1), a.pat(2))); },
            "Like striate, but each part has the given length (as a fraction of the sample).",
            "d1 $ slow 4 $ striateBy 16 (1/8) $ s \"bev\"");
    lib.alias("striate'", "striateBy");
    lib.add("slice", "Pattern Int -> Pattern Int -> ControlPattern -> ControlPattern",
            [](const Args& a) { return RValue(slice(a.pat(0), a.pat(1), a.pat(2))); },
            "Cuts the sample into n equal parts and plays the parts given by the second pattern.",
            "d1 $ slice 8 \"7 6 5 4\" $ s \"break\"");
    lib.add("randslice", "Pattern Int -> ControlPattern -> ControlPattern",
            [](const Args& a) { return RValue(randslice(a.pat(0), a.pat(1))); },
            "Plays a randomly chosen one of n equal parts of the sample, per cycle.",
            "d1 $ randslice 8 $ s \"break*4\"");
    lib.add("splice", "Pattern Int -> Pattern Int -> ControlPattern -> ControlPattern",
            [](const Args& a) { return RValue(splice(a.pat(0), a.pat(1), a.pat(2))); },
            "Like slice, but changes speed so each part exactly fills its event.",
            "d1 $ splice 8 \"0 2 4 6\" $ s \"break\"");
    lib.add("loopAt", "Pattern Time -> ControlPattern -> ControlPattern",
            [](const Args& a) { return RValue(loopAt(a.pat(0), a.pat(1))); },
            "Slows the pattern by n and sets speed so each sample lasts n cycles.",
            "d1 $ loopAt 2 $ chop 4 $ s \"break\"");
    lib.add("chew", "Pattern Int -> Pattern Int -> ControlPattern -> ControlPattern",
            [](const Args& a) { return RValue(chew(a.pat(0), a.pat(1), a.pat(2))); },
            "Like bite, but speeds parts up or down (via speed) as they are squeezed.",
            "d1 $ chew 4 \"0 1 [2 3]\" $ n \"0 .. 7\" # s \"drum\"");
    lib.add("smash", "Pattern Int -> [Pattern Time] -> ControlPattern -> ControlPattern",
            [](const Args& a) { return RValue(smash(a.pat(0), patternList(a, 1), a.pat(2))); },
            "Striates into n parts, then plays them slowed by each factor of the list in turn.",
            "d1 $ smash 3 [2,3,4] $ s \"ho ho:2 ho:3 hc\"");
    lib.add("smash'", "Int -> [Pattern Time] -> ControlPattern -> ControlPattern",
            [](const Args& a) { return RValue(smashChop(a.integer(0), patternList(a, 1), a.pat(2))); },
            "Like smash, but chops instead of striating.", "d1 $ smash' 3 [2,3,4] $ s \"ho ho:2 ho:3 hc\"");
    lib.add("gap", "Pattern Int -> ControlPattern -> ControlPattern",
            [](const Args& a) { return RValue(gap(a.pat(0), a.pat(1))); },
            "Like chop, but only every other part plays.", "d1 $ gap 8 $ s \"jvbass\"");
    lib.add("spin", "Pattern Int -> ControlPattern -> ControlPattern",
            [](const Args& a) { return RValue(spin(a.pat(0), a.pat(1))); },
            "Stacks n copies, each shifted by a further 1/n cycle and panned by a further 1/n.",
            "d1 $ spin 2 $ s \"drum*3 tabla:4\"");
    lib.add("splat", "Pattern Int -> ControlPattern -> ControlPattern -> ControlPattern",
            [](const Args& a) { return RValue(splat(a.pat(0), a.pat(1), a.pat(2))); },
            "Chops the last pattern into n parts and squeezes the controls of the second into each event.",
            "d1 $ splat 4 (speed \"1 2\") $ s \"bev\"");
    lib.add("interlace", "ControlPattern -> ControlPattern -> ControlPattern",
            [](const Args& a) { return RValue(interlace(a.pat(0), a.pat(1))); },
            "Weaves between two patterns over 16 cycles, using shape for distortion.",
            "d1 $ interlace (s \"bd sn kurt\") (s \"bd sn:2\")");
    const std::pair<const char*, ControlType> makers[] = {
        {"pF", ControlType::Double}, {"pI", ControlType::Int},   {"pN", ControlType::Note},
        {"pS", ControlType::String}, {"pB", ControlType::Bool}, {"pR", ControlType::Rational},
    };
    for (const auto& [maker, type] : makers) {
        const ControlType t = type;
        lib.add(maker, "String -> " + controlSignature(t),
                [t](const Args& a) { return RValue(controlPattern(a.value(0).asSymbol(), t, a.pat(1))); },
                "Makes a control of any name (for synth parameters without a built-in control).",
                std::string("d1 $ s \"superpiano\" # ") + maker + " \"foo\" \"1\"");
    }
    lib.add("grain", "Pattern Double -> Pattern Double -> ControlPattern",
            [](const Args& a) {
                static const Symbol b("begin"), e("end");
                Pattern start = a.pat(0);
                Pattern stop = appBoth(start, a.pat(1), [](const Value& x, const Value& w) {
                    return Value::map({{e, Value::dbl(x.asDouble() + w.asDouble())}});
                });
                Pattern begins = fmap(start, [](const Value& x) { return Value::map({{b, Value::dbl(x.asDouble())}}); });
                return RValue(unionRight(begins, stop));
            },
            "Sets begin to s and end to s + w.", "d1 $ s \"bev*8\" # grain (slow 8 saw) 0.1");
}

}  // namespace seiche::lang
