#include <algorithm>
#include "pattern/controls.hpp"

#include <cmath>
#include <cstdlib>
#include <limits>
#include <unordered_map>

namespace seiche {

const std::vector<ControlInfo>& controlTable() {
    static const std::vector<ControlInfo> table = {
        // Plain controls (generated from the parameter list of Tidal 1.7.10; `array` is left out).
        {"nrpnn", "nrpn", ControlType::Int, {}, "NRPN number (MIDI).", ControlKind::Plain, false},
        {"nrpnv", "val", ControlType::Int, {}, "NRPN value (MIDI).", ControlKind::Plain, false},
        {"accelerate", "accelerate", ControlType::Double, {}, "Pitch glide while the sample plays (0: none, 1: up an octave per second-ish).", ControlKind::Plain, true},
        {"amp", "amp", ControlType::Double, {}, "Linear amplitude (like gain, but linear; default 0.4).", ControlKind::Plain, true},
        {"attack", "attack", ControlType::Double, {"att"}, "Envelope attack time in seconds.", ControlKind::Plain, true},
        {"bandf", "bandf", ControlType::Double, {"bpf"}, "Band-pass filter centre frequency in Hz.", ControlKind::Plain, true},
        {"bandq", "bandq", ControlType::Double, {"bpq"}, "Band-pass filter Q (resonance).", ControlKind::Plain, true},
        {"begin", "begin", ControlType::Double, {}, "Where playback starts within the sample, 0 (start) to 1 (end).", ControlKind::Plain, true},
        {"binshift", "binshift", ControlType::Double, {}, "Spectral bin shift amount.", ControlKind::Plain, true},
        {"button0", "button0", ControlType::Double, {}, "Controller input button0.", ControlKind::Plain, true},
        {"button1", "button1", ControlType::Double, {}, "Controller input button1.", ControlKind::Plain, true},
        {"button10", "button10", ControlType::Double, {}, "Controller input button10.", ControlKind::Plain, true},
        {"button11", "button11", ControlType::Double, {}, "Controller input button11.", ControlKind::Plain, true},
        {"button12", "button12", ControlType::Double, {}, "Controller input button12.", ControlKind::Plain, true},
        {"button13", "button13", ControlType::Double, {}, "Controller input button13.", ControlKind::Plain, true},
        {"button14", "button14", ControlType::Double, {}, "Controller input button14.", ControlKind::Plain, true},
        {"button15", "button15", ControlType::Double, {}, "Controller input button15.", ControlKind::Plain, true},
        {"button2", "button2", ControlType::Double, {}, "Controller input button2.", ControlKind::Plain, true},
        {"button3", "button3", ControlType::Double, {}, "Controller input button3.", ControlKind::Plain, true},
        {"button4", "button4", ControlType::Double, {}, "Controller input button4.", ControlKind::Plain, true},
        {"button5", "button5", ControlType::Double, {}, "Controller input button5.", ControlKind::Plain, true},
        {"button6", "button6", ControlType::Double, {}, "Controller input button6.", ControlKind::Plain, true},
        {"button7", "button7", ControlType::Double, {}, "Controller input button7.", ControlKind::Plain, true},
        {"button8", "button8", ControlType::Double, {}, "Controller input button8.", ControlKind::Plain, true},
        {"button9", "button9", ControlType::Double, {}, "Controller input button9.", ControlKind::Plain, true},
        {"ccn", "ccn", ControlType::Double, {}, "MIDI control-change number.", ControlKind::Plain, false},
        {"ccv", "ccv", ControlType::Double, {}, "MIDI control-change value.", ControlKind::Plain, false},
        {"channel", "channel", ControlType::Int, {}, "Output channel offset.", ControlKind::Plain, false},
        {"clhatdecay", "clhatdecay", ControlType::Double, {"chdecay"}, "SuperDirt synth/effect parameter \"clhatdecay\".", ControlKind::Plain, true},
        {"coarse", "coarse", ControlType::Double, {}, "Sample-rate reduction factor (1 = none; larger is cruder).", ControlKind::Plain, true},
        {"comb", "comb", ControlType::Double, {}, "Spectral comb effect amount.", ControlKind::Plain, true},
        {"control", "control", ControlType::Double, {}, "SuperDirt synth/effect parameter \"control\".", ControlKind::Plain, false},
        {"cps", "cps", ControlType::Double, {}, "Tempo in cycles per second (sent with the event).", ControlKind::Plain, true},
        {"crush", "crush", ControlType::Double, {}, "Bit-crusher: bit depth from 1 (harsh) to 16 (clean).", ControlKind::Plain, true},
        {"ctlNum", "ctlNum", ControlType::Double, {}, "SuperDirt synth/effect parameter \"ctlNum\".", ControlKind::Plain, false},
        {"ctranspose", "ctranspose", ControlType::Double, {}, "Chromatic transposition.", ControlKind::Plain, true},
        {"cut", "cut", ControlType::Int, {}, "Cut group: a new sound stops earlier sounds of the same group.", ControlKind::Plain, true},
        {"cutoff", "cutoff", ControlType::Double, {"lpf", "ctf"}, "Low-pass filter cutoff frequency in Hz.", ControlKind::Plain, true},
        {"cutoffegint", "cutoffegint", ControlType::Double, {"ctfg"}, "SuperDirt synth/effect parameter \"cutoffegint\".", ControlKind::Plain, true},
        {"decay", "decay", ControlType::Double, {}, "SuperDirt synth/effect parameter \"decay\".", ControlKind::Plain, true},
        {"degree", "degree", ControlType::Double, {}, "Scale degree (synth parameter).", ControlKind::Plain, true},
        {"delay", "delay", ControlType::Double, {}, "Level of the delay send, 0 to 1.", ControlKind::Plain, true},
        {"delayfeedback", "delayfeedback", ControlType::Double, {"dfb", "delayfb"}, "Delay feedback amount, 0 to <1.", ControlKind::Plain, true},
        {"delaytime", "delaytime", ControlType::Double, {"dt", "delayt"}, "Delay time, in seconds (or cycles with delaysync).", ControlKind::Plain, true},
        {"detune", "detune", ControlType::Double, {"det"}, "Detune amount for synths that support it.", ControlKind::Plain, true},
        {"distort", "distort", ControlType::Double, {}, "Distortion amount.", ControlKind::Plain, true},
        {"djf", "djf", ControlType::Double, {}, "DJ filter: below 0.5 low-pass, above 0.5 high-pass.", ControlKind::Plain, true},
        {"dry", "dry", ControlType::Double, {}, "Dry (unprocessed) level relative to the reverb.", ControlKind::Plain, true},
        {"dur", "dur", ControlType::Double, {}, "Note duration (MIDI).", ControlKind::Plain, true},
        {"end", "end", ControlType::Double, {}, "Where playback stops within the sample, 0 to 1.", ControlKind::Plain, false},
        {"enhance", "enhance", ControlType::Double, {}, "Spectral enhance amount.", ControlKind::Plain, true},
        {"expression", "expression", ControlType::Double, {}, "SuperDirt synth/effect parameter \"expression\".", ControlKind::Plain, true},
        {"fadeInTime", "fadeInTime", ControlType::Double, {}, "SuperDirt synth/effect parameter \"fadeInTime\".", ControlKind::Plain, false},
        {"fadeTime", "fadeTime", ControlType::Double, {"fadeOutTime"}, "Fade time for granular/looping synths.", ControlKind::Plain, false},
        {"frameRate", "frameRate", ControlType::Double, {}, "SuperDirt synth/effect parameter \"frameRate\".", ControlKind::Plain, false},
        {"frames", "frames", ControlType::Double, {}, "SuperDirt synth/effect parameter \"frames\".", ControlKind::Plain, false},
        {"freeze", "freeze", ControlType::Double, {}, "Spectral freeze (1 on).", ControlKind::Plain, true},
        {"freq", "freq", ControlType::Double, {}, "Frequency in Hz for synths.", ControlKind::Plain, true},
        {"from", "from", ControlType::Double, {}, "SuperDirt synth/effect parameter \"from\".", ControlKind::Plain, true},
        {"fshift", "fshift", ControlType::Double, {}, "Frequency shift in Hz.", ControlKind::Plain, true},
        {"fshiftnote", "fshiftnote", ControlType::Double, {}, "Frequency shift relative to the note.", ControlKind::Plain, true},
        {"fshiftphase", "fshiftphase", ControlType::Double, {}, "Frequency shifter phase.", ControlKind::Plain, true},
        {"gain", "gain", ControlType::Double, {}, "Exponential volume: 1 is unchanged, 0 silent, above 1 louder.", ControlKind::Plain, false},
        {"gate", "gate", ControlType::Double, {"gat"}, "SuperDirt synth/effect parameter \"gate\".", ControlKind::Plain, true},
        {"harmonic", "harmonic", ControlType::Double, {}, "Harmonic number.", ControlKind::Plain, true},
        {"hatgrain", "hatgrain", ControlType::Double, {"hg"}, "SuperDirt synth/effect parameter \"hatgrain\".", ControlKind::Plain, true},
        {"hbrick", "hbrick", ControlType::Double, {}, "Spectral high-pass (brick-wall) amount.", ControlKind::Plain, true},
        {"hcutoff", "hcutoff", ControlType::Double, {"hpf"}, "High-pass filter cutoff frequency in Hz.", ControlKind::Plain, true},
        {"hold", "hold", ControlType::Double, {}, "Envelope hold time in seconds.", ControlKind::Plain, true},
        {"hours", "hours", ControlType::Double, {}, "SuperDirt synth/effect parameter \"hours\".", ControlKind::Plain, false},
        {"hresonance", "hresonance", ControlType::Double, {"hpq"}, "High-pass filter resonance, 0 to 1.", ControlKind::Plain, true},
        {"imag", "imag", ControlType::Double, {}, "Spectral imaginary-part effect.", ControlKind::Plain, true},
        {"kcutoff", "kcutoff", ControlType::Double, {}, "Krush filter cutoff.", ControlKind::Plain, true},
        {"krush", "krush", ControlType::Double, {}, "Krush distortion amount.", ControlKind::Plain, true},
        {"lagogo", "lagogo", ControlType::Double, {"lag"}, "SuperDirt synth/effect parameter \"lagogo\".", ControlKind::Plain, true},
        {"lbrick", "lbrick", ControlType::Double, {}, "Spectral low-pass (brick-wall) amount.", ControlKind::Plain, true},
        {"lclap", "lclap", ControlType::Double, {"lcp"}, "SuperDirt synth/effect parameter \"lclap\".", ControlKind::Plain, true},
        {"lclaves", "lclaves", ControlType::Double, {"lcl"}, "SuperDirt synth/effect parameter \"lclaves\".", ControlKind::Plain, true},
        {"lclhat", "lclhat", ControlType::Double, {"lch"}, "SuperDirt synth/effect parameter \"lclhat\".", ControlKind::Plain, true},
        {"lcrash", "lcrash", ControlType::Double, {"lcr"}, "SuperDirt synth/effect parameter \"lcrash\".", ControlKind::Plain, true},
        {"legato", "legato", ControlType::Double, {}, "Sound length relative to the event length (1 = exactly the event).", ControlKind::Plain, false},
        {"leslie", "leslie", ControlType::Double, {}, "Leslie rotary speaker amount.", ControlKind::Plain, true},
        {"lfo", "lfo", ControlType::Double, {}, "SuperDirt synth/effect parameter \"lfo\".", ControlKind::Plain, true},
        {"lfocutoffint", "lfocutoffint", ControlType::Double, {"lfoc"}, "SuperDirt synth/effect parameter \"lfocutoffint\".", ControlKind::Plain, true},
        {"lfodelay", "lfodelay", ControlType::Double, {}, "SuperDirt synth/effect parameter \"lfodelay\".", ControlKind::Plain, true},
        {"lfoint", "lfoint", ControlType::Double, {"lfoi"}, "SuperDirt synth/effect parameter \"lfoint\".", ControlKind::Plain, true},
        {"lfopitchint", "lfopitchint", ControlType::Double, {"lfop"}, "SuperDirt synth/effect parameter \"lfopitchint\".", ControlKind::Plain, true},
        {"lfoshape", "lfoshape", ControlType::Double, {}, "SuperDirt synth/effect parameter \"lfoshape\".", ControlKind::Plain, true},
        {"lfosync", "lfosync", ControlType::Double, {}, "SuperDirt synth/effect parameter \"lfosync\".", ControlKind::Plain, true},
        {"lhitom", "lhitom", ControlType::Double, {"lht"}, "SuperDirt synth/effect parameter \"lhitom\".", ControlKind::Plain, true},
        {"lkick", "lkick", ControlType::Double, {"lbd"}, "SuperDirt synth/effect parameter \"lkick\".", ControlKind::Plain, true},
        {"llotom", "llotom", ControlType::Double, {"llt"}, "SuperDirt synth/effect parameter \"llotom\".", ControlKind::Plain, true},
        {"lock", "lock", ControlType::Double, {}, "1 makes delaytime count in cycles rather than seconds.", ControlKind::Plain, true},
        {"loop", "loop", ControlType::Double, {}, "Number of times to loop the sample.", ControlKind::Plain, false},
        {"lophat", "lophat", ControlType::Double, {"loh"}, "SuperDirt synth/effect parameter \"lophat\".", ControlKind::Plain, true},
        {"lrate", "lrate", ControlType::Double, {}, "Leslie rotation rate.", ControlKind::Plain, true},
        {"lsize", "lsize", ControlType::Double, {}, "Leslie cabinet size.", ControlKind::Plain, true},
        {"lsnare", "lsnare", ControlType::Double, {"lsn"}, "SuperDirt synth/effect parameter \"lsnare\".", ControlKind::Plain, true},
        {"midibend", "midibend", ControlType::Double, {}, "MIDI pitch bend.", ControlKind::Plain, false},
        {"midichan", "midichan", ControlType::Double, {}, "MIDI channel.", ControlKind::Plain, false},
        {"midicmd", "midicmd", ControlType::String, {}, "MIDI command name (e.g. \"control\", \"start\").", ControlKind::Plain, false},
        {"miditouch", "miditouch", ControlType::Double, {}, "MIDI aftertouch.", ControlKind::Plain, false},
        {"minutes", "minutes", ControlType::Double, {}, "SuperDirt synth/effect parameter \"minutes\".", ControlKind::Plain, false},
        {"modwheel", "modwheel", ControlType::Double, {}, "Modulation wheel amount.", ControlKind::Plain, true},
        {"mtranspose", "mtranspose", ControlType::Double, {}, "Modal transposition.", ControlKind::Plain, true},
        {"n", "n", ControlType::Note, {"number"}, "Sample number or note number (a Note value).", ControlKind::Plain, false},
        {"note", "note", ControlType::Note, {"up"}, "Note number in semitones relative to middle C (a Note value).", ControlKind::Plain, false},
        {"nudge", "nudge", ControlType::Double, {}, "Shift the event in time by this many seconds.", ControlKind::Plain, true},
        {"octave", "octave", ControlType::Int, {}, "Octave for synths (default 5).", ControlKind::Plain, false},
        {"octaveR", "octaveR", ControlType::Double, {}, "Octave ratio.", ControlKind::Plain, true},
        {"octer", "octer", ControlType::Double, {}, "Octave-up harmoniser level.", ControlKind::Plain, true},
        {"octersub", "octersub", ControlType::Double, {}, "Octave-down harmoniser level.", ControlKind::Plain, true},
        {"octersubsub", "octersubsub", ControlType::Double, {}, "Two-octaves-down harmoniser level.", ControlKind::Plain, true},
        {"offset", "offset", ControlType::Double, {}, "Synth offset parameter.", ControlKind::Plain, false},
        {"ophatdecay", "ophatdecay", ControlType::Double, {"ohdecay"}, "SuperDirt synth/effect parameter \"ophatdecay\".", ControlKind::Plain, true},
        {"orbit", "orbit", ControlType::Int, {}, "Effect bus (orbit) the sound is sent to.", ControlKind::Plain, true},
        {"overgain", "overgain", ControlType::Double, {}, "Overdrive gain.", ControlKind::Plain, false},
        {"overshape", "overshape", ControlType::Double, {}, "Overdrive shape.", ControlKind::Plain, true},
        {"pan", "pan", ControlType::Double, {}, "Stereo position: 0 left, 0.5 centre, 1 right.", ControlKind::Plain, true},
        {"panorient", "panorient", ControlType::Double, {}, "SuperDirt synth/effect parameter \"panorient\".", ControlKind::Plain, true},
        {"panspan", "panspan", ControlType::Double, {}, "SuperDirt synth/effect parameter \"panspan\".", ControlKind::Plain, true},
        {"pansplay", "pansplay", ControlType::Double, {}, "SuperDirt synth/effect parameter \"pansplay\".", ControlKind::Plain, true},
        {"panwidth", "panwidth", ControlType::Double, {}, "SuperDirt synth/effect parameter \"panwidth\".", ControlKind::Plain, true},
        {"partials", "partials", ControlType::Double, {}, "Spectral partials count.", ControlKind::Plain, true},
        {"phaserdepth", "phaserdepth", ControlType::Double, {"phasdp"}, "Phaser depth.", ControlKind::Plain, true},
        {"phaserrate", "phaserrate", ControlType::Double, {"phasr"}, "Phaser rate.", ControlKind::Plain, true},
        {"pitch1", "pitch1", ControlType::Double, {"pit1"}, "SuperDirt synth/effect parameter \"pitch1\".", ControlKind::Plain, true},
        {"pitch2", "pitch2", ControlType::Double, {"pit2"}, "SuperDirt synth/effect parameter \"pitch2\".", ControlKind::Plain, true},
        {"pitch3", "pitch3", ControlType::Double, {"pit3"}, "SuperDirt synth/effect parameter \"pitch3\".", ControlKind::Plain, true},
        {"polyTouch", "polyTouch", ControlType::Double, {}, "SuperDirt synth/effect parameter \"polyTouch\".", ControlKind::Plain, false},
        {"portamento", "portamento", ControlType::Double, {"por"}, "Portamento (glide) time.", ControlKind::Plain, true},
        {"progNum", "progNum", ControlType::Double, {}, "SuperDirt synth/effect parameter \"progNum\".", ControlKind::Plain, false},
        {"rate", "rate", ControlType::Double, {}, "Rate parameter for synths that support it.", ControlKind::Plain, true},
        {"real", "real", ControlType::Double, {}, "Spectral real-part effect.", ControlKind::Plain, true},
        {"release", "release", ControlType::Double, {"rel"}, "Envelope release time in seconds.", ControlKind::Plain, true},
        {"resonance", "resonance", ControlType::Double, {"lpq"}, "Low-pass filter resonance, 0 to 1.", ControlKind::Plain, true},
        {"ring", "ring", ControlType::Double, {}, "Ring modulation amount.", ControlKind::Plain, true},
        {"ringdf", "ringdf", ControlType::Double, {}, "Ring modulation frequency slide.", ControlKind::Plain, true},
        {"ringf", "ringf", ControlType::Double, {}, "Ring modulation frequency.", ControlKind::Plain, true},
        {"room", "room", ControlType::Double, {}, "Reverb send level, 0 to 1.", ControlKind::Plain, true},
        {"sagogo", "sagogo", ControlType::Double, {"sag"}, "SuperDirt synth/effect parameter \"sagogo\".", ControlKind::Plain, true},
        {"sclap", "sclap", ControlType::Double, {"scp"}, "SuperDirt synth/effect parameter \"sclap\".", ControlKind::Plain, true},
        {"sclaves", "sclaves", ControlType::Double, {"scl"}, "SuperDirt synth/effect parameter \"sclaves\".", ControlKind::Plain, true},
        {"scram", "scram", ControlType::Double, {}, "Spectral scramble amount.", ControlKind::Plain, true},
        {"scrash", "scrash", ControlType::Double, {"scr"}, "SuperDirt synth/effect parameter \"scrash\".", ControlKind::Plain, true},
        {"seconds", "seconds", ControlType::Double, {}, "SuperDirt synth/effect parameter \"seconds\".", ControlKind::Plain, false},
        {"semitone", "semitone", ControlType::Double, {}, "Semitone parameter for synths.", ControlKind::Plain, true},
        {"shape", "shape", ControlType::Double, {}, "Wave-shaping distortion amount, 0 to <1.", ControlKind::Plain, true},
        {"size", "size", ControlType::Double, {"sz"}, "Reverb room size, 0 to 1.", ControlKind::Plain, true},
        {"slide", "slide", ControlType::Double, {"sld"}, "Pitch slide amount.", ControlKind::Plain, true},
        {"slider0", "slider0", ControlType::Double, {}, "Controller input slider0.", ControlKind::Plain, true},
        {"slider1", "slider1", ControlType::Double, {}, "Controller input slider1.", ControlKind::Plain, true},
        {"slider10", "slider10", ControlType::Double, {}, "Controller input slider10.", ControlKind::Plain, true},
        {"slider11", "slider11", ControlType::Double, {}, "Controller input slider11.", ControlKind::Plain, true},
        {"slider12", "slider12", ControlType::Double, {}, "Controller input slider12.", ControlKind::Plain, true},
        {"slider13", "slider13", ControlType::Double, {}, "Controller input slider13.", ControlKind::Plain, true},
        {"slider14", "slider14", ControlType::Double, {}, "Controller input slider14.", ControlKind::Plain, true},
        {"slider15", "slider15", ControlType::Double, {}, "Controller input slider15.", ControlKind::Plain, true},
        {"slider2", "slider2", ControlType::Double, {}, "Controller input slider2.", ControlKind::Plain, true},
        {"slider3", "slider3", ControlType::Double, {}, "Controller input slider3.", ControlKind::Plain, true},
        {"slider4", "slider4", ControlType::Double, {}, "Controller input slider4.", ControlKind::Plain, true},
        {"slider5", "slider5", ControlType::Double, {}, "Controller input slider5.", ControlKind::Plain, true},
        {"slider6", "slider6", ControlType::Double, {}, "Controller input slider6.", ControlKind::Plain, true},
        {"slider7", "slider7", ControlType::Double, {}, "Controller input slider7.", ControlKind::Plain, true},
        {"slider8", "slider8", ControlType::Double, {}, "Controller input slider8.", ControlKind::Plain, true},
        {"slider9", "slider9", ControlType::Double, {}, "Controller input slider9.", ControlKind::Plain, true},
        {"smear", "smear", ControlType::Double, {}, "Spectral smear amount.", ControlKind::Plain, true},
        {"songPtr", "songPtr", ControlType::Double, {}, "SuperDirt synth/effect parameter \"songPtr\".", ControlKind::Plain, false},
        {"speed", "speed", ControlType::Double, {}, "Playback speed: 2 is an octave up, negative plays backwards.", ControlKind::Plain, false},
        {"squiz", "squiz", ControlType::Double, {}, "Pitch-raising distortion (\"squiz\") amount; 2 and above.", ControlKind::Plain, true},
        {"stepsPerOctave", "stepsPerOctave", ControlType::Double, {}, "Steps per octave for tunings.", ControlKind::Plain, true},
        {"stutterdepth", "stutterdepth", ControlType::Double, {"std"}, "SuperDirt synth/effect parameter \"stutterdepth\".", ControlKind::Plain, true},
        {"stuttertime", "stuttertime", ControlType::Double, {"stt"}, "SuperDirt synth/effect parameter \"stuttertime\".", ControlKind::Plain, true},
        {"sustain", "sustain", ControlType::Double, {"sus"}, "Sound length in seconds.", ControlKind::Plain, false},
        {"sustainpedal", "sustainpedal", ControlType::Double, {}, "SuperDirt synth/effect parameter \"sustainpedal\".", ControlKind::Plain, true},
        {"timescale", "timescale", ControlType::Double, {}, "Time-stretch factor.", ControlKind::Plain, false},
        {"timescalewin", "timescalewin", ControlType::Double, {}, "Time-stretch window size.", ControlKind::Plain, false},
        {"to", "to", ControlType::Double, {}, "SuperDirt synth/effect parameter \"to\".", ControlKind::Plain, true},
        {"toArg", "toArg", ControlType::String, {}, "Name of the synth argument a control bus maps to.", ControlKind::Plain, true},
        {"tomdecay", "tomdecay", ControlType::Double, {"tdecay"}, "SuperDirt synth/effect parameter \"tomdecay\".", ControlKind::Plain, true},
        {"tremolodepth", "tremolodepth", ControlType::Double, {"tremdp"}, "Tremolo depth.", ControlKind::Plain, true},
        {"tremolorate", "tremolorate", ControlType::Double, {"tremr"}, "Tremolo rate.", ControlKind::Plain, true},
        {"triode", "triode", ControlType::Double, {}, "Triode tube distortion amount.", ControlKind::Plain, true},
        {"tsdelay", "tsdelay", ControlType::Double, {}, "SuperDirt synth/effect parameter \"tsdelay\".", ControlKind::Plain, true},
        {"uid", "uid", ControlType::Double, {}, "Unique id (for some synths).", ControlKind::Plain, false},
        {"unit", "unit", ControlType::String, {}, "Unit of speed: \"r\" rate, \"c\" cycles, \"s\" seconds.", ControlKind::Plain, false},
        {"val", "val", ControlType::Double, {}, "Value (NRPN).", ControlKind::Plain, false},
        {"vcfegint", "vcfegint", ControlType::Double, {"vcf"}, "SuperDirt synth/effect parameter \"vcfegint\".", ControlKind::Plain, true},
        {"vcoegint", "vcoegint", ControlType::Double, {"vco"}, "SuperDirt synth/effect parameter \"vcoegint\".", ControlKind::Plain, true},
        {"velocity", "velocity", ControlType::Double, {}, "Note velocity, 0 to 1.", ControlKind::Plain, true},
        {"voice", "voice", ControlType::Double, {"voi"}, "Voice parameter for synths that support it.", ControlKind::Plain, true},
        {"vowel", "vowel", ControlType::String, {}, "Formant filter vowel: a, e, i, o or u.", ControlKind::Plain, true},
        {"waveloss", "waveloss", ControlType::Double, {}, "Wave-loss: percentage of dropped segments.", ControlKind::Plain, true},
        {"xsdelay", "xsdelay", ControlType::Double, {}, "SuperDirt synth/effect parameter \"xsdelay\".", ControlKind::Plain, true},
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

Pattern busControl(const ControlInfo& c, const Pattern& busid, const Pattern& p) {
    Pattern value = controlPattern(c.key, c.type, p);
    Pattern bus = recvControl(c, busid);
    return appLeft(value, bus, unionPreferRight);
}

Pattern recvControl(const ControlInfo& c, const Pattern& busid) {
    return controlPattern("^" + std::string(c.key), ControlType::Int, busid);
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
        // Built in place: this runs for every `s "bd:3"` event.
        return Value::mapInPlace(keys.size(), [&](MapView::Entry* out) {
            size_t n = 0, field = 0, i = 0;
            while (field < keys.size()) {
                while (i < text.size() && text[i] == ':') ++i;  // empty fields vanish
                if (i >= text.size()) break;
                size_t j = text.find(':', i);
                if (j == std::string::npos) j = text.size();
                std::string_view word(text.data() + i, j - i);
                auto [key, type] = keys[field];
                if (type == ControlType::String) {
                    new (out + n++) MapView::Entry(key, Value::string(word));
                } else if (type == ControlType::Int) {
                    if (auto x = readHaskellInt(word)) new (out + n++) MapView::Entry(key, Value::integer(*x));
                } else {
                    if (auto x = readHaskellDouble(word)) new (out + n++) MapView::Entry(key, Value::dbl(*x));
                }
                ++field;
                i = j;
            }
            // Map.unions keeps the first of duplicate keys; keys here are distinct.
            std::sort(out, out + n, [](const auto& a, const auto& b) { return a.first.id() < b.first.id(); });
            return n;
        });
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
