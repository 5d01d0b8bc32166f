#include "audio/engine/event_to_trigger.hpp"

#include <cmath>

#include "audio/dsp/gain.hpp"
#include "audio/sample_bank.hpp"

namespace seiche::audio {
namespace {

// Interned once: every event looks up some forty controls.
struct ControlKeys {
    Symbol accelerate{"accelerate"};
    Symbol amp{"amp"};
    Symbol attack{"attack"};
    Symbol bandf{"bandf"};
    Symbol bandq{"bandq"};
    Symbol begin{"begin"};
    Symbol coarse{"coarse"};
    Symbol crush{"crush"};
    Symbol cut{"cut"};
    Symbol cutoff{"cutoff"};
    Symbol decay{"decay"};
    Symbol delay{"delay"};
    Symbol delayfeedback{"delayfeedback"};
    Symbol delaytime{"delaytime"};
    Symbol detune{"detune"};
    Symbol dry{"dry"};
    Symbol end{"end"};
    Symbol fmh{"fmh"};
    Symbol fmi{"fmi"};
    Symbol gain{"gain"};
    Symbol hcutoff{"hcutoff"};
    Symbol hold{"hold"};
    Symbol hresonance{"hresonance"};
    Symbol legato{"legato"};
    Symbol lfo{"lfo"};
    Symbol lock{"lock"};
    Symbol loop{"loop"};
    Symbol n{"n"};
    Symbol note{"note"};
    Symbol octave{"octave"};
    Symbol orbit{"orbit"};
    Symbol pan{"pan"};
    Symbol pitch1{"pitch1"};
    Symbol release{"release"};
    Symbol resonance{"resonance"};
    Symbol room{"room"};
    Symbol s{"s"};
    Symbol semitone{"semitone"};
    Symbol shape{"shape"};
    Symbol size{"size"};
    Symbol speed{"speed"};
    Symbol squiz{"squiz"};
    Symbol sustain{"sustain"};
    Symbol unit{"unit"};
    Symbol up{"up"};
    Symbol velocity{"velocity"};
    Symbol voice{"voice"};
    Symbol vowel{"vowel"};
};

struct Controls {
    const Value& map;
    double number(Symbol key, double fallback) const {
        const Value* v = map.find(key);
        return v && v->isNumeric() ? v->asDouble() : fallback;
    }
    bool has(Symbol key) const { return map.find(key) != nullptr; }
    std::string text(Symbol key) const {
        const Value* v = map.find(key);
        return v && v->kind() == ValueKind::String ? v->asSymbol().str() : std::string();
    }
};

float orUnset(const Controls& c, Symbol key) { return c.has(key) ? static_cast<float>(c.number(key, -1)) : -1.0f; }

}  // namespace

TriggerOrReason eventToTrigger(const Value& controls, const EventTiming& timing, const SampleBank& bank) {
    TriggerOrReason result;
    if (controls.kind() != ValueKind::Map) return result;
    static const ControlKeys keys;
    const Controls c{controls};
    std::string sound = c.text(keys.s);
    if (sound.empty()) return result;  // Tidal events without a sound play nothing in SuperDirt either

    Trigger t;
    t.frame = timing.frame;
    const double n = c.number(keys.n, 0);
    const double note = c.number(keys.note, 0) + c.number(keys.up, 0);
    const double octave = c.number(keys.octave, 5);
    const double speed = c.number(keys.speed, 1);

    if (const Sample* s = bank.find(sound, static_cast<long long>(std::trunc(n)))) {
        t.sample = s;
        double rate = speed * std::pow(2.0, note / 12.0);
        if (c.text(keys.unit) == "c") rate = speed * s->seconds() * timing.cps;  // speed in cycles per sample length
        t.rate = rate;
    } else if (auto kind = dsp::synthKindFromName(sound)) {
        t.synth = *kind;
        const double midi = 60 + note + n + (octave - 5) * 12;
        t.frequency = 440.0 * std::pow(2.0, (midi - 69) / 12.0) * std::abs(speed);
        auto& p = t.synthParams;
        p.voice = c.number(keys.voice, p.voice);
        p.decay = c.number(keys.decay, p.decay);
        p.semitone = c.number(keys.semitone, p.semitone);
        p.resonance = c.number(keys.resonance, p.resonance);
        p.lfo = c.number(keys.lfo, p.lfo);
        p.pitch1 = c.number(keys.pitch1, p.pitch1);
        p.velocity = c.number(keys.velocity, p.velocity);
        p.detune = c.number(keys.detune, p.detune);
        p.fmi = c.number(keys.fmi, p.fmi);
        p.fmh = c.number(keys.fmh, p.fmh);
        p.seed = static_cast<uint64_t>(timing.frame);
    } else {
        result.unknownSound = sound;
        return result;
    }

    t.accelerate = c.number(keys.accelerate, 0);
    t.begin = c.number(keys.begin, 0);
    t.end = c.number(keys.end, 1);
    t.loops = c.number(keys.loop, 1);
    if (c.has(keys.sustain)) t.sustain = c.number(keys.sustain, 1);
    else if (c.has(keys.legato)) t.sustain = c.number(keys.legato, 1) * timing.durationSeconds;
    else if (!t.sample) t.sustain = timing.durationSeconds;  // synths last their event, as SuperDirt's default legato 1
    t.attack = c.has(keys.attack) ? c.number(keys.attack, 0) : -1;
    t.hold = c.number(keys.hold, 0);
    t.release = c.has(keys.release) ? c.number(keys.release, 0) : -1;
    const double velocity = c.has(keys.velocity) && t.sample ? c.number(keys.velocity, 1) : 1.0;
    t.amplitude = static_cast<float>(dsp::dirtAmplitude(c.number(keys.gain, 1), c.number(keys.amp, dsp::kDefaultAmp)) * velocity);
    t.pan = static_cast<float>(c.number(keys.pan, 0.5));
    t.shape = static_cast<float>(c.number(keys.shape, 0));
    t.crush = static_cast<float>(c.number(keys.crush, 0));
    t.coarse = static_cast<float>(c.number(keys.coarse, 0));
    t.squiz = static_cast<float>(c.number(keys.squiz, 0));
    t.cutoff = static_cast<float>(c.number(keys.cutoff, 0));
    t.resonance = static_cast<float>(c.number(keys.resonance, 0));
    t.hcutoff = static_cast<float>(c.number(keys.hcutoff, 0));
    t.hresonance = static_cast<float>(c.number(keys.hresonance, 0));
    t.bandf = static_cast<float>(c.number(keys.bandf, 0));
    t.bandq = static_cast<float>(c.number(keys.bandq, 0));
    if (auto v = dsp::vowelFromName(c.text(keys.vowel))) t.vowel = static_cast<int8_t>(*v);
    t.orbit = static_cast<uint8_t>(std::clamp(c.number(keys.orbit, 0), 0.0, 255.0));
    t.cut = static_cast<int32_t>(c.number(keys.cut, 0));
    t.room = orUnset(c, keys.room);
    t.size = orUnset(c, keys.size);
    t.dry = orUnset(c, keys.dry);
    t.delay = orUnset(c, keys.delay);
    t.delayFeedback = orUnset(c, keys.delayfeedback);
    if (c.has(keys.delaytime)) {
        double dt = c.number(keys.delaytime, 0);
        if (c.number(keys.lock, 0) != 0 && timing.cps > 0) dt /= timing.cps;  // lock: delaytime in cycles
        t.delayTime = static_cast<float>(dt);
    }
    result.trigger = t;
    return result;
}

}  // namespace seiche::audio
