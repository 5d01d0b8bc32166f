#include "pattern/controls.hpp"

#include <cmath>
#include <cstdlib>
#include <limits>
#include <unordered_map>

namespace seiche {

const std::vector<ControlInfo>& controlTable() {
    static const std::vector<ControlInfo> table = {
        // Plain controls (generated from the parameter list of Tidal 1.7.10; `array` is left out).
        {"nrpnn", "nrpn", ControlType::Int, {}, "NRPN number (MIDI)."},
        {"nrpnv", "val", ControlType::Int, {}, "NRPN value (MIDI)."},
        {"accelerate", "accelerate", ControlType::Double, {}, "Pitch glide while the sample plays (0: none, 1: up an octave per second-ish)."},
        {"amp", "amp", ControlType::Double, {}, "Linear amplitude (like gain, but linear; default 0.4)."},
        {"attack", "attack", ControlType::Double, {"att"}, "Envelope attack time in seconds."},
        {"bandf", "bandf", ControlType::Double, {"bpf"}, "Band-pass filter centre frequency in Hz."},
        {"bandq", "bandq", ControlType::Double, {"bpq"}, "Band-pass filter Q (resonance)."},
        {"begin", "begin", ControlType::Double, {}, "Where playback starts within the sample, 0 (start) to 1 (end)."},
        {"binshift", "binshift", ControlType::Double, {}, "Spectral bin shift amount."},
        {"button0", "button0", ControlType::Double, {}, "Controller input button0."},
        {"button1", "button1", ControlType::Double, {}, "Controller input button1."},
        {"button10", "button10", ControlType::Double, {}, "Controller input button10."},
        {"button11", "button11", ControlType::Double, {}, "Controller input button11."},
        {"button12", "button12", ControlType::Double, {}, "Controller input button12."},
        {"button13", "button13", ControlType::Double, {}, "Controller input button13."},
        {"button14", "button14", ControlType::Double, {}, "Controller input button14."},
        {"button15", "button15", ControlType::Double, {}, "Controller input button15."},
        {"button2", "button2", ControlType::Double, {}, "Controller input button2."},
        {"button3", "button3", ControlType::Double, {}, "Controller input button3."},
        {"button4", "button4", ControlType::Double, {}, "Controller input button4."},
        {"button5", "button5", ControlType::Double, {}, "Controller input button5."},
        {"button6", "button6", ControlType::Double, {}, "Controller input button6."},
        {"button7", "button7", ControlType::Double, {}, "Controller input button7."},
        {"button8", "button8", ControlType::Double, {}, "Controller input button8."},
        {"button9", "button9", ControlType::Double, {}, "Controller input button9."},
        {"ccn", "ccn", ControlType::Double, {}, "MIDI control-change number."},
        {"ccv", "ccv", ControlType::Double, {}, "MIDI control-change value."},
        {"channel", "channel", ControlType::Int, {}, "Output channel offset."},
        {"clhatdecay", "clhatdecay", ControlType::Double, {"chdecay"}, "SuperDirt synth/effect parameter \"clhatdecay\"."},
        {"coarse", "coarse", ControlType::Double, {}, "Sample-rate reduction factor (1 = none; larger is cruder)."},
        {"comb", "comb", ControlType::Double, {}, "Spectral comb effect amount."},
        {"control", "control", ControlType::Double, {}, "SuperDirt synth/effect parameter \"control\"."},
        {"cps", "cps", ControlType::Double, {}, "Tempo in cycles per second (sent with the event)."},
        {"crush", "crush", ControlType::Double, {}, "Bit-crusher: bit depth from 1 (harsh) to 16 (clean)."},
        {"ctlNum", "ctlNum", ControlType::Double, {}, "SuperDirt synth/effect parameter \"ctlNum\"."},
        {"ctranspose", "ctranspose", ControlType::Double, {}, "Chromatic transposition."},
        {"cut", "cut", ControlType::Int, {}, "Cut group: a new sound stops earlier sounds of the same group."},
        {"cutoff", "cutoff", ControlType::Double, {"lpf", "ctf"}, "Low-pass filter cutoff frequency in Hz."},
        {"cutoffegint", "cutoffegint", ControlType::Double, {"ctfg"}, "SuperDirt synth/effect parameter \"cutoffegint\"."},
        {"decay", "decay", ControlType::Double, {}, "SuperDirt synth/effect parameter \"decay\"."},
        {"degree", "degree", ControlType::Double, {}, "Scale degree (synth parameter)."},
        {"delay", "delay", ControlType::Double, {}, "Level of the delay send, 0 to 1."},
        {"delayfeedback", "delayfeedback", ControlType::Double, {"dfb", "delayfb"}, "Delay feedback amount, 0 to <1."},
        {"delaytime", "delaytime", ControlType::Double, {"dt", "delayt"}, "Delay time, in seconds (or cycles with delaysync)."},
        {"detune", "detune", ControlType::Double, {"det"}, "Detune amount for synths that support it."},
        {"distort", "distort", ControlType::Double, {}, "Distortion amount."},
        {"djf", "djf", ControlType::Double, {}, "DJ filter: below 0.5 low-pass, above 0.5 high-pass."},
        {"dry", "dry", ControlType::Double, {}, "Dry (unprocessed) level relative to the reverb."},
        {"dur", "dur", ControlType::Double, {}, "Note duration (MIDI)."},
        {"end", "end", ControlType::Double, {}, "Where playback stops within the sample, 0 to 1."},
        {"enhance", "enhance", ControlType::Double, {}, "Spectral enhance amount."},
        {"expression", "expression", ControlType::Double, {}, "SuperDirt synth/effect parameter \"expression\"."},
        {"fadeInTime", "fadeInTime", ControlType::Double, {}, "SuperDirt synth/effect parameter \"fadeInTime\"."},
        {"fadeTime", "fadeTime", ControlType::Double, {"fadeOutTime"}, "Fade time for granular/looping synths."},
        {"frameRate", "frameRate", ControlType::Double, {}, "SuperDirt synth/effect parameter \"frameRate\"."},
        {"frames", "frames", ControlType::Double, {}, "SuperDirt synth/effect parameter \"frames\"."},
        {"freeze", "freeze", ControlType::Double, {}, "Spectral freeze (1 on)."},
        {"freq", "freq", ControlType::Double, {}, "Frequency in Hz for synths."},
        {"from", "from", ControlType::Double, {}, "SuperDirt synth/effect parameter \"from\"."},
        {"fshift", "fshift", ControlType::Double, {}, "Frequency shift in Hz."},
        {"fshiftnote", "fshiftnote", ControlType::Double, {}, "Frequency shift relative to the note."},
        {"fshiftphase", "fshiftphase", ControlType::Double, {}, "Frequency shifter phase."},
        {"gain", "gain", ControlType::Double, {}, "Exponential volume: 1 is unchanged, 0 silent, above 1 louder."},
        {"gate", "gate", ControlType::Double, {"gat"}, "SuperDirt synth/effect parameter \"gate\"."},
        {"harmonic", "harmonic", ControlType::Double, {}, "Harmonic number."},
        {"hatgrain", "hatgrain", ControlType::Double, {"hg"}, "SuperDirt synth/effect parameter \"hatgrain\"."},
        {"hbrick", "hbrick", ControlType::Double, {}, "Spectral high-pass (brick-wall) amount."},
        {"hcutoff", "hcutoff", ControlType::Double, {"hpf"}, "High-pass filter cutoff frequency in Hz."},
        {"hold", "hold", ControlType::Double, {}, "Envelope hold time in seconds."},
        {"hours", "hours", ControlType::Double, {}, "SuperDirt synth/effect parameter \"hours\"."},
        {"hresonance", "hresonance", ControlType::Double, {"hpq"}, "High-pass filter resonance, 0 to 1."},
        {"imag", "imag", ControlType::Double, {}, "Spectral imaginary-part effect."},
        {"kcutoff", "kcutoff", ControlType::Double, {}, "Krush filter cutoff."},
        {"krush", "krush", ControlType::Double, {}, "Krush distortion amount."},
        {"lagogo", "lagogo", ControlType::Double, {"lag"}, "SuperDirt synth/effect parameter \"lagogo\"."},
        {"lbrick", "lbrick", ControlType::Double, {}, "Spectral low-pass (brick-wall) amount."},
        {"lclap", "lclap", ControlType::Double, {"lcp"}, "SuperDirt synth/effect parameter \"lclap\"."},
        {"lclaves", "lclaves", ControlType::Double, {"lcl"}, "SuperDirt synth/effect parameter \"lclaves\"."},
        {"lclhat", "lclhat", ControlType::Double, {"lch"}, "SuperDirt synth/effect parameter \"lclhat\"."},
        {"lcrash", "lcrash", ControlType::Double, {"lcr"}, "SuperDirt synth/effect parameter \"lcrash\"."},
        {"legato", "legato", ControlType::Double, {}, "Sound length relative to the event length (1 = exactly the event)."},
        {"leslie", "leslie", ControlType::Double, {}, "Leslie rotary speaker amount."},
        {"lfo", "lfo", ControlType::Double, {}, "SuperDirt synth/effect parameter \"lfo\"."},
        {"lfocutoffint", "lfocutoffint", ControlType::Double, {"lfoc"}, "SuperDirt synth/effect parameter \"lfocutoffint\"."},
        {"lfodelay", "lfodelay", ControlType::Double, {}, "SuperDirt synth/effect parameter \"lfodelay\"."},
        {"lfoint", "lfoint", ControlType::Double, {"lfoi"}, "SuperDirt synth/effect parameter \"lfoint\"."},
        {"lfopitchint", "lfopitchint", ControlType::Double, {"lfop"}, "SuperDirt synth/effect parameter \"lfopitchint\"."},
        {"lfoshape", "lfoshape", ControlType::Double, {}, "SuperDirt synth/effect parameter \"lfoshape\"."},
        {"lfosync", "lfosync", ControlType::Double, {}, "SuperDirt synth/effect parameter \"lfosync\"."},
        {"lhitom", "lhitom", ControlType::Double, {"lht"}, "SuperDirt synth/effect parameter \"lhitom\"."},
        {"lkick", "lkick", ControlType::Double, {"lbd"}, "SuperDirt synth/effect parameter \"lkick\"."},
        {"llotom", "llotom", ControlType::Double, {"llt"}, "SuperDirt synth/effect parameter \"llotom\"."},
        {"lock", "lock", ControlType::Double, {}, "1 makes delaytime count in cycles rather than seconds."},
        {"loop", "loop", ControlType::Double, {}, "Number of times to loop the sample."},
        {"lophat", "lophat", ControlType::Double, {"loh"}, "SuperDirt synth/effect parameter \"lophat\"."},
        {"lrate", "lrate", ControlType::Double, {}, "Leslie rotation rate."},
        {"lsize", "lsize", ControlType::Double, {}, "Leslie cabinet size."},
        {"lsnare", "lsnare", ControlType::Double, {"lsn"}, "SuperDirt synth/effect parameter \"lsnare\"."},
        {"midibend", "midibend", ControlType::Double, {}, "MIDI pitch bend."},
        {"midichan", "midichan", ControlType::Double, {}, "MIDI channel."},
        {"midicmd", "midicmd", ControlType::String, {}, "MIDI command name (e.g. \"control\", \"start\")."},
        {"miditouch", "miditouch", ControlType::Double, {}, "MIDI aftertouch."},
        {"minutes", "minutes", ControlType::Double, {}, "SuperDirt synth/effect parameter \"minutes\"."},
        {"modwheel", "modwheel", ControlType::Double, {}, "Modulation wheel amount."},
        {"mtranspose", "mtranspose", ControlType::Double, {}, "Modal transposition."},
        {"n", "n", ControlType::Note, {"number"}, "Sample number or note number (a Note value)."},
        {"note", "note", ControlType::Note, {"up"}, "Note number in semitones relative to middle C (a Note value)."},
        {"nudge", "nudge", ControlType::Double, {}, "Shift the event in time by this many seconds."},
        {"octave", "octave", ControlType::Int, {}, "Octave for synths (default 5)."},
        {"octaveR", "octaveR", ControlType::Double, {}, "Octave ratio."},
        {"octer", "octer", ControlType::Double, {}, "Octave-up harmoniser level."},
        {"octersub", "octersub", ControlType::Double, {}, "Octave-down harmoniser level."},
        {"octersubsub", "octersubsub", ControlType::Double, {}, "Two-octaves-down harmoniser level."},
        {"offset", "offset", ControlType::Double, {}, "Synth offset parameter."},
        {"ophatdecay", "ophatdecay", ControlType::Double, {"ohdecay"}, "SuperDirt synth/effect parameter \"ophatdecay\"."},
        {"orbit", "orbit", ControlType::Int, {}, "Effect bus (orbit) the sound is sent to."},
        {"overgain", "overgain", ControlType::Double, {}, "Overdrive gain."},
        {"overshape", "overshape", ControlType::Double, {}, "Overdrive shape."},
        {"pan", "pan", ControlType::Double, {}, "Stereo position: 0 left, 0.5 centre, 1 right."},
        {"panorient", "panorient", ControlType::Double, {}, "SuperDirt synth/effect parameter \"panorient\"."},
        {"panspan", "panspan", ControlType::Double, {}, "SuperDirt synth/effect parameter \"panspan\"."},
        {"pansplay", "pansplay", ControlType::Double, {}, "SuperDirt synth/effect parameter \"pansplay\"."},
        {"panwidth", "panwidth", ControlType::Double, {}, "SuperDirt synth/effect parameter \"panwidth\"."},
        {"partials", "partials", ControlType::Double, {}, "Spectral partials count."},
        {"phaserdepth", "phaserdepth", ControlType::Double, {"phasdp"}, "Phaser depth."},
        {"phaserrate", "phaserrate", ControlType::Double, {"phasr"}, "Phaser rate."},
        {"pitch1", "pitch1", ControlType::Double, {"pit1"}, "SuperDirt synth/effect parameter \"pitch1\"."},
        {"pitch2", "pitch2", ControlType::Double, {"pit2"}, "SuperDirt synth/effect parameter \"pitch2\"."},
        {"pitch3", "pitch3", ControlType::Double, {"pit3"}, "SuperDirt synth/effect parameter \"pitch3\"."},
        {"polyTouch", "polyTouch", ControlType::Double, {}, "SuperDirt synth/effect parameter \"polyTouch\"."},
        {"portamento", "portamento", ControlType::Double, {"por"}, "Portamento (glide) time."},
        {"progNum", "progNum", ControlType::Double, {}, "SuperDirt synth/effect parameter \"progNum\"."},
        {"rate", "rate", ControlType::Double, {}, "Rate parameter for synths that support it."},
        {"real", "real", ControlType::Double, {}, "Spectral real-part effect."},
        {"release", "release", ControlType::Double, {"rel"}, "Envelope release time in seconds."},
        {"resonance", "resonance", ControlType::Double, {"lpq"}, "Low-pass filter resonance, 0 to 1."},
        {"ring", "ring", ControlType::Double, {}, "Ring modulation amount."},
        {"ringdf", "ringdf", ControlType::Double, {}, "Ring modulation frequency slide."},
        {"ringf", "ringf", ControlType::Double, {}, "Ring modulation frequency."},
        {"room", "room", ControlType::Double, {}, "Reverb send level, 0 to 1."},
        {"sagogo", "sagogo", ControlType::Double, {"sag"}, "SuperDirt synth/effect parameter \"sagogo\"."},
        {"sclap", "sclap", ControlType::Double, {"scp"}, "SuperDirt synth/effect parameter \"sclap\"."},
        {"sclaves", "sclaves", ControlType::Double, {"scl"}, "SuperDirt synth/effect parameter \"sclaves\"."},
        {"scram", "scram", ControlType::Double, {}, "Spectral scramble amount."},
        {"scrash", "scrash", ControlType::Double, {"scr"}, "SuperDirt synth/effect parameter \"scrash\"."},
        {"seconds", "seconds", ControlType::Double, {}, "SuperDirt synth/effect parameter \"seconds\"."},
        {"semitone", "semitone", ControlType::Double, {}, "Semitone parameter for synths."},
        {"shape", "shape", ControlType::Double, {}, "Wave-shaping distortion amount, 0 to <1."},
        {"size", "size", ControlType::Double, {"sz"}, "Reverb room size, 0 to 1."},
        {"slide", "slide", ControlType::Double, {"sld"}, "Pitch slide amount."},
        {"slider0", "slider0", ControlType::Double, {}, "Controller input slider0."},
        {"slider1", "slider1", ControlType::Double, {}, "Controller input slider1."},
        {"slider10", "slider10", ControlType::Double, {}, "Controller input slider10."},
        {"slider11", "slider11", ControlType::Double, {}, "Controller input slider11."},
        {"slider12", "slider12", ControlType::Double, {}, "Controller input slider12."},
        {"slider13", "slider13", ControlType::Double, {}, "Controller input slider13."},
        {"slider14", "slider14", ControlType::Double, {}, "Controller input slider14."},
        {"slider15", "slider15", ControlType::Double, {}, "Controller input slider15."},
        {"slider2", "slider2", ControlType::Double, {}, "Controller input slider2."},
        {"slider3", "slider3", ControlType::Double, {}, "Controller input slider3."},
        {"slider4", "slider4", ControlType::Double, {}, "Controller input slider4."},
        {"slider5", "slider5", ControlType::Double, {}, "Controller input slider5."},
        {"slider6", "slider6", ControlType::Double, {}, "Controller input slider6."},
        {"slider7", "slider7", ControlType::Double, {}, "Controller input slider7."},
        {"slider8", "slider8", ControlType::Double, {}, "Controller input slider8."},
        {"slider9", "slider9", ControlType::Double, {}, "Controller input slider9."},
        {"smear", "smear", ControlType::Double, {}, "Spectral smear amount."},
        {"songPtr", "songPtr", ControlType::Double, {}, "SuperDirt synth/effect parameter \"songPtr\"."},
        {"speed", "speed", ControlType::Double, {}, "Playback speed: 2 is an octave up, negative plays backwards."},
        {"squiz", "squiz", ControlType::Double, {}, "Pitch-raising distortion (\"squiz\") amount; 2 and above."},
        {"stepsPerOctave", "stepsPerOctave", ControlType::Double, {}, "Steps per octave for tunings."},
        {"stutterdepth", "stutterdepth", ControlType::Double, {"std"}, "SuperDirt synth/effect parameter \"stutterdepth\"."},
        {"stuttertime", "stuttertime", ControlType::Double, {"stt"}, "SuperDirt synth/effect parameter \"stuttertime\"."},
        {"sustain", "sustain", ControlType::Double, {"sus"}, "Sound length in seconds."},
        {"sustainpedal", "sustainpedal", ControlType::Double, {}, "SuperDirt synth/effect parameter \"sustainpedal\"."},
        {"timescale", "timescale", ControlType::Double, {}, "Time-stretch factor."},
        {"timescalewin", "timescalewin", ControlType::Double, {}, "Time-stretch window size."},
        {"to", "to", ControlType::Double, {}, "SuperDirt synth/effect parameter \"to\"."},
        {"toArg", "toArg", ControlType::String, {}, "Name of the synth argument a control bus maps to."},
        {"tomdecay", "tomdecay", ControlType::Double, {"tdecay"}, "SuperDirt synth/effect parameter \"tomdecay\"."},
        {"tremolodepth", "tremolodepth", ControlType::Double, {"tremdp"}, "Tremolo depth."},
        {"tremolorate", "tremolorate", ControlType::Double, {"tremr"}, "Tremolo rate."},
        {"triode", "triode", ControlType::Double, {}, "Triode tube distortion amount."},
        {"tsdelay", "tsdelay", ControlType::Double, {}, "SuperDirt synth/effect parameter \"tsdelay\"."},
        {"uid", "uid", ControlType::Double, {}, "Unique id (for some synths)."},
        {"unit", "unit", ControlType::String, {}, "Unit of speed: \"r\" rate, \"c\" cycles, \"s\" seconds."},
        {"val", "val", ControlType::Double, {}, "Value (NRPN)."},
        {"vcfegint", "vcfegint", ControlType::Double, {"vcf"}, "SuperDirt synth/effect parameter \"vcfegint\"."},
        {"vcoegint", "vcoegint", ControlType::Double, {"vco"}, "SuperDirt synth/effect parameter \"vcoegint\"."},
        {"velocity", "velocity", ControlType::Double, {}, "Note velocity, 0 to 1."},
        {"voice", "voice", ControlType::Double, {"voi"}, "Voice parameter for synths that support it."},
        {"vowel", "vowel", ControlType::String, {}, "Formant filter vowel: a, e, i, o or u."},
        {"waveloss", "waveloss", ControlType::Double, {}, "Wave-loss: percentage of dropped segments."},
        {"xsdelay", "xsdelay", ControlType::Double, {}, "SuperDirt synth/effect parameter \"xsdelay\"."},
        // Grouped and derived controls.
        {"sound", "s", ControlType::String, {"s"},
         "Sample or synth name; \"name:i\" also sets n (as a Double) to i.", ControlKind::Grouped},
        {"cc", "ccn", ControlType::String, {}, "MIDI control change as \"number:value\" (ccn, ccv).",
         ControlKind::Grouped},
        {"nrpn", "nrpn", ControlType::String, {}, "MIDI NRPN as \"number:value\" (nrpn, val; integers).",
         ControlKind::Grouped},
        {"grain'", "begin", ControlType::String, {}, "Sample window as \"begin:end\".", ControlKind::Grouped},
        {"midinote", "note", ControlType::Note, {}, "MIDI note number; sets note to the number minus 60.",
         ControlKind::Derived},
        {"drum", "n", ControlType::String, {}, "General MIDI drum name (bd, sn, hh...); sets n.",
         ControlKind::Derived},
    };
    return table;
}

const ControlInfo* findControl(std::string_view nameOrAlias) {
    static const std::unordered_map<std::string_view, const ControlInfo*> index = [] {
        std::unordered_map<std::string_view, const ControlInfo*> m;
        for (const auto& c : controlTable()) {
            m.emplace(c.name, &c);
            for (auto a : c.aliases) m.emplace(a, &c);
        }
        return m;
    }();
    auto it = index.find(nameOrAlias);
    return it == index.end() ? nullptr : it->second;
}

std::string_view controlTypeName(ControlType t) {
    switch (t) {
        case ControlType::Double: return "Double";
        case ControlType::Note: return "Note";
        case ControlType::Int: return "Int";
        case ControlType::String: return "String";
        case ControlType::Bool: return "Bool";
        case ControlType::Rational: return "Rational";
    }
    return "Double";
}

Value toControlValue(ControlType t, const Value& v) {
    switch (t) {
        case ControlType::Double: return v.kind() == ValueKind::Double ? v : Value::dbl(v.asDouble());
        case ControlType::Note: return v.kind() == ValueKind::Note ? v : Value::note(v.asDouble());
        case ControlType::Int: return v.kind() == ValueKind::Int ? v : Value::integer(v.asInt());
        case ControlType::String: return v;
        case ControlType::Bool:
            return v.kind() == ValueKind::Bool ? v : Value::boolean(v.isNumeric() && v.asDouble() != 0);
        case ControlType::Rational: return v.kind() == ValueKind::Rational ? v : Value::rational(v.asRational());
    }
    return v;
}

namespace {

// fmap that keeps the constant marker, so patterned parameters stay cheap.
Pattern mapKeepingConstant(const Pattern& p, ValueFn f) {
    Pattern out = fmap(p, f);
    if (p.constant()) return out.withConstant(f(*p.constant()));
    return out;
}

}  // namespace

Pattern controlPattern(Symbol key, ControlType t, const Pattern& p) {
    return mapKeepingConstant(p, [key, t](const Value& v) { return Value::map({{key, toControlValue(t, v)}}); });
}

Pattern controlPattern(std::string_view key, ControlType t, const Pattern& p) {
    return controlPattern(Symbol(key), t, p);
}

namespace {

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

std::string_view trim(std::string_view s) {
    while (!s.empty() && isSpace(s.front())) s.remove_prefix(1);
    while (!s.empty() && isSpace(s.back())) s.remove_suffix(1);
    return s;
}

// Strips balanced outer parentheses, as Haskell's Read instances allow.
std::string_view stripParens(std::string_view s) {
    s = trim(s);
    while (s.size() >= 2 && s.front() == '(' && s.back() == ')') s = trim(s.substr(1, s.size() - 2));
    return s;
}

// Splits off a leading minus sign (Haskell allows spaces after it).
bool takeMinus(std::string_view& s) {
    if (s.empty() || s.front() != '-') return false;
    s = trim(s.substr(1));
    return true;
}

int digitValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return 99;
}

// 0x / 0o prefixed integer literal; wraps modulo 2^64 like Haskell's fromInteger to Int.
std::optional<std::pair<uint64_t, double>> readPrefixed(std::string_view s) {
    if (s.size() < 3 || s[0] != '0') return std::nullopt;
    int base = 0;
    if (s[1] == 'x' || s[1] == 'X') base = 16;
    else if (s[1] == 'o' || s[1] == 'O') base = 8;
    else return std::nullopt;
    uint64_t u = 0;
    double d = 0;
    for (char c : s.substr(2)) {
        int v = digitValue(c);
        if (v >= base) return std::nullopt;
        u = u * uint64_t(base) + uint64_t(v);
        d = d * base + v;
    }
    return std::make_pair(u, d);
}

bool allDigits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}

}  // namespace

std::optional<double> readHaskellDouble(std::string_view text) {
    std::string_view s = stripParens(text);
    bool neg = takeMinus(s);
    s = stripParens(s);
    double x;
    if (s == "NaN") {
        x = std::numeric_limits<double>::quiet_NaN();
    } else if (s == "Infinity") {
        x = std::numeric_limits<double>::infinity();
    } else if (auto p = readPrefixed(s)) {
        x = p->second;
    } else {
        // digits [. digits] [(e|E) [+|-] digits]
        size_t i = 0;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
        if (i == 0) return std::nullopt;
        if (i < s.size() && s[i] == '.') {
            size_t j = i + 1;
            while (j < s.size() && s[j] >= '0' && s[j] <= '9') ++j;
            if (j == i + 1) return std::nullopt;
            i = j;
        }
        if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
            size_t j = i + 1;
            if (j < s.size() && (s[j] == '+' || s[j] == '-')) ++j;
            if (!allDigits(s.substr(j))) return std::nullopt;
            i = s.size();
        }
        if (i != s.size()) return std::nullopt;
        std::string buf(s);
        x = std::strtod(buf.c_str(), nullptr);
    }
    return neg ? -x : x;
}

std::optional<int64_t> readHaskellInt(std::string_view text) {
    std::string_view s = stripParens(text);
    bool neg = takeMinus(s);
    s = stripParens(s);
    uint64_t u = 0;
    if (auto p = readPrefixed(s)) {
        u = p->first;
    } else {
        if (!allDigits(s)) return std::nullopt;
        for (char c : s) u = u * 10 + uint64_t(c - '0');
    }
    if (neg) u = uint64_t(0) - u;
    return int64_t(u);
}

Pattern groupedControl(const std::vector<GroupField>& fields, const Pattern& p) {
    if (fields.empty()) return silence();
    std::vector<std::pair<Symbol, ControlType>> keys;
    for (const auto& f : fields) keys.emplace_back(Symbol(f.key), f.type);
    return mapKeepingConstant(p, [keys](const Value& v) {
        const std::string& text = v.asSymbol().str();
        ControlMap m;
        size_t field = 0, i = 0;
        while (field < keys.size()) {
            while (i < text.size() && text[i] == ':') ++i;  // empty fields vanish
            if (i >= text.size()) break;
            size_t j = text.find(':', i);
            if (j == std::string::npos) j = text.size();
            std::string_view word(text.data() + i, j - i);
            auto [key, type] = keys[field];
            if (type == ControlType::String) {
                m.emplace_back(key, Value::string(word));
            } else if (type == ControlType::Int) {
                if (auto x = readHaskellInt(word)) m.emplace_back(key, Value::integer(*x));
            } else {
                if (auto x = readHaskellDouble(word)) m.emplace_back(key, Value::dbl(*x));
            }
            ++field;
            i = j;
        }
        // Map.unions keeps the first of duplicate keys; keys here are distinct.
        return Value::map(std::move(m));
    });
}

Pattern soundControl(const Pattern& p) {
    return groupedControl({{"s", ControlType::String}, {"n", ControlType::Double}}, p);
}
Pattern ccControl(const Pattern& p) {
    return groupedControl({{"ccn", ControlType::Double}, {"ccv", ControlType::Double}}, p);
}
Pattern nrpnControl(const Pattern& p) {
    return groupedControl({{"nrpn", ControlType::Int}, {"val", ControlType::Int}}, p);
}
Pattern grainControl(const Pattern& p) {
    return groupedControl({{"begin", ControlType::Double}, {"end", ControlType::Double}}, p);
}

Pattern midinoteControl(const Pattern& p) {
    static const Symbol key("note");
    return mapKeepingConstant(p, [](const Value& v) { return Value::map({{key, Value::note(v.asDouble() - 60)}}); });
}

Pattern drumControl(const Pattern& p) {
    static const Symbol key("n");
    return mapKeepingConstant(p, [](const Value& v) {
        return Value::map({{key, Value::note(double(drumNumber(v.asSymbol().str()) - 60))}});
    });
}

int drumNumber(std::string_view name) {
    // General MIDI percussion: two-letter abbreviations from 27 (hq) upwards.
    static const std::unordered_map<std::string_view, int> table = [] {
        static const char* names[] = {"hq", "sl", "ps", "pl", "st", "sq", "ml", "mb", "ab", "bd", "rm", "sn",
                                      "cp", "es", "lf", "ch", "lt", "hh", "ft", "oh", "mt", "hm", "cr", "ht",
                                      "ri", "cy", "be", "ta", "sc", "cb", "cs", "vi", "rc", "hb", "lb", "mh",
                                      "hc", "lc", "he", "le", "ag", "la", "ca", "ma", "sw", "lw", "sg", "lg",
                                      "cl", "hi", "li", "mc", "oc", "tr", "ot", "sh", "jb", "bt", "ct", "ms",
                                      "os"};
        std::unordered_map<std::string_view, int> m;
        int k = 27;
        for (const char* n : names) m.emplace(n, k++);
        return m;
    }();
    auto it = table.find(name);
    return it == table.end() ? 0 : it->second;
}

std::optional<double> controlGetF(const Value& v) {
    switch (v.kind()) {
        case ValueKind::Double:
        case ValueKind::Int:
        case ValueKind::Rational: return v.asDouble();
        default: return std::nullopt;
    }
}

}  // namespace seiche
