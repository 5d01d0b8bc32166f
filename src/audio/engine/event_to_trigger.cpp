#include "audio/engine/event_to_trigger.hpp"

#include <cmath>

#include "audio/dsp/gain.hpp"
#include "audio/sample_bank.hpp"

namespace seiche::audio {
namespace {

struct Controls {
    const Value& map;
    double number(const char* key, double fallback) const {
        const Value* v = map.find(Symbol(key));
        return v && v->isNumeric() ? v->asDouble() : fallback;
    }
    bool has(const char* key) const { return map.find(Symbol(key)) != nullptr; }
    std::string text(const char* key) const {
        const Value* v = map.find(Symbol(key));
        return v && v->kind() == ValueKind::String ? v->asSymbol().str() : std::string();
    }
};

float orUnset(const Controls& c, const char* key) { return c.has(key) ? static_cast<float>(c.number(key, -1)) : -1.0f; }

}  // namespace

TriggerOrReason eventToTrigger(const Value& controls, const EventTiming& timing, const SampleBank& bank) {
    TriggerOrReason result;
    if (controls.kind() != ValueKind::Map) return result;
    const Controls c{controls};
    std::string sound = c.text("s");
    if (sound.empty()) return result;  // Tidal events without a sound play nothing in SuperDirt either

    Trigger t;
    t.frame = timing.frame;
    const double n = c.number("n", 0);
    const double note = c.number("note", 0) + c.number("up", 0);
    const double octave = c.number("octave", 5);
    const double speed = c.number("speed", 1);

    if (const Sample* s = bank.find(sound, static_cast<long long>(std::trunc(n)))) {
        t.sample = s;
        double rate = speed * std::pow(2.0, note / 12.0);
        if (c.text("unit") == "c") rate = speed * s->seconds() * timing.cps;  // speed in cycles per sample length
        t.rate = rate;
    } else if (auto kind = dsp::synthKindFromName(sound)) {
        t.synth = *kind;
        const double midi = 60 + note + n + (octave - 5) * 12;
        t.frequency = 440.0 * std::pow(2.0, (midi - 69) / 12.0) * std::abs(speed);
        auto& p = t.synthParams;
        p.voice = c.number("voice", p.voice);
        p.decay = c.number("decay", p.decay);
        p.semitone = c.number("semitone", p.semitone);
        p.resonance = c.number("resonance", p.resonance);
        p.lfo = c.number("lfo", p.lfo);
        p.pitch1 = c.number("pitch1", p.pitch1);
        p.velocity = c.number("velocity", p.velocity);
        p.detune = c.number("detune", p.detune);
        p.fmi = c.number("fmi", p.fmi);
        p.fmh = c.number("fmh", p.fmh);
        p.seed = static_cast<uint64_t>(timing.frame);
    } else {
        result.unknownSound = sound;
        return result;
    }

    t.accelerate = c.number("accelerate", 0);
    t.begin = c.number("begin", 0);
    t.end = c.number("end", 1);
    t.loops = c.number("loop", 1);
    if (c.has("sustain")) t.sustain = c.number("sustain", 1);
    else if (c.has("legato")) t.sustain = c.number("legato", 1) * timing.durationSeconds;
    else if (!t.sample) t.sustain = timing.durationSeconds;  // synths last their event, as SuperDirt's default legato 1
    t.attack = c.has("attack") ? c.number("attack", 0) : -1;
    t.hold = c.number("hold", 0);
    t.release = c.has("release") ? c.number("release", 0) : -1;
    const double velocity = c.has("velocity") && t.sample ? c.number("velocity", 1) : 1.0;
    t.amplitude = static_cast<float>(dsp::dirtAmplitude(c.number("gain", 1), c.number("amp", dsp::kDefaultAmp)) * velocity);
    t.pan = static_cast<float>(c.number("pan", 0.5));
    t.shape = static_cast<float>(c.number("shape", 0));
    t.crush = static_cast<float>(c.number("crush", 0));
    t.coarse = static_cast<float>(c.number("coarse", 0));
    t.squiz = static_cast<float>(c.number("squiz", 0));
    t.cutoff = static_cast<float>(c.number("cutoff", 0));
    t.resonance = static_cast<float>(c.number("resonance", 0));
    t.hcutoff = static_cast<float>(c.number("hcutoff", 0));
    t.hresonance = static_cast<float>(c.number("hresonance", 0));
    t.bandf = static_cast<float>(c.number("bandf", 0));
    t.bandq = static_cast<float>(c.number("bandq", 0));
    if (auto v = dsp::vowelFromName(c.text("vowel"))) t.vowel = static_cast<int8_t>(*v);
    t.orbit = static_cast<uint8_t>(std::clamp(c.number("orbit", 0), 0.0, 255.0));
    t.cut = static_cast<int32_t>(c.number("cut", 0));
    t.room = orUnset(c, "room");
    t.size = orUnset(c, "size");
    t.dry = orUnset(c, "dry");
    t.delay = orUnset(c, "delay");
    t.delayFeedback = orUnset(c, "delayfeedback");
    if (c.has("delaytime")) {
        double dt = c.number("delaytime", 0);
        if (c.number("lock", 0) != 0 && timing.cps > 0) dt /= timing.cps;  // lock: delaytime in cycles
        t.delayTime = static_cast<float>(dt);
    }
    result.trigger = t;
    return result;
}

}  // namespace seiche::audio
