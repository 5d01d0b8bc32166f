#include "session/restore_planner.hpp"

#include <charconv>
#include <map>
#include <optional>
#include <set>

#include "pattern/lang/program.hpp"

namespace seiche::session {
namespace {

constexpr int kChannels = 16;

// One lasting thing an evaluation set: "d3", "cps", "mute3", "solo3"; `on` is false for
// what undoes (a silenced channel, unmute, unsolo).
struct Effect {
    std::string key;
    bool on = true;
};

struct Evaluated {
    std::string code;
    std::vector<Effect> effects;     // after its last hush, in order
    std::optional<double> cps;       // the last setcps it makes
    bool hushes = false;
};

// A pattern with no events over its first sixteen cycles is taken as silence. A pattern
// too dense to list counts as sounding, so the doubt keeps an evaluation rather than losing it.
bool silent(const Pattern& pattern) {
    auto events = lang::queryChecked(pattern, Span{Time(0), Time(16)}, 4096);
    return events && events.value->empty();
}

bool validChannel(int channel) { return channel >= 1 && channel <= kChannels; }

std::optional<Evaluated> evaluate(const std::string& code) {
    auto program = lang::compile(code);
    if (!program) return std::nullopt;  // this Seiche cannot read it: it sets nothing here
    Evaluated e;
    e.code = code;
    for (const lang::Action& a : program.value->actions) {
        switch (a.kind) {
            case lang::Action::Play: {
                const int channel = a.channel >= 1 ? a.channel : 1;
                if (validChannel(channel)) e.effects.push_back({"d" + std::to_string(channel), !silent(a.pattern)});
                break;
            }
            case lang::Action::Hush:
                e.effects.clear();
                e.cps.reset();
                e.hushes = true;
                break;
            case lang::Action::SetCps:
                e.effects.push_back({"cps", true});
                e.cps = a.cps;
                break;
            case lang::Action::Mute:
            case lang::Action::Unmute:
                if (validChannel(a.channel))
                    e.effects.push_back({"mute" + std::to_string(a.channel), a.kind == lang::Action::Mute});
                break;
            case lang::Action::Solo:
            case lang::Action::Unsolo:
                if (validChannel(a.channel))
                    e.effects.push_back({"solo" + std::to_string(a.channel), a.kind == lang::Action::Solo});
                break;
            case lang::Action::Once: break;  // heard once, then gone
        }
    }
    return e;
}

std::string setcpsCode(double cps) {
    char text[64];
    // Fixed notation: the language reads it, and the shortest form gives the same double back.
    auto [end, error] = std::to_chars(text, text + sizeof text, cps, std::chars_format::fixed);
    if (error != std::errc()) return "setcps " + std::to_string(cps);
    return "setcps " + std::string(text, end);
}

}  // namespace

RestoreOutcome planRestore(const std::vector<RecordedEvaluation>& evaluations,
                           const std::vector<RecordedTransport>& transport) {
    RestoreOutcome outcome;
    std::vector<Evaluated> evaluated;
    // key → (index into `evaluated` of its last setter, whether that left it on)
    std::map<std::string, std::pair<size_t, bool>> latest;
    double cps = 0;

    // The two timelines, merged in the order they were recorded.
    size_t ei = 0, ti = 0;
    while (ei < evaluations.size() || ti < transport.size()) {
        const bool takeTransport =
            ei == evaluations.size() ||
            (ti < transport.size() && transport[ti].stamp.seq < evaluations[ei].stamp.seq);
        if (takeTransport) {
            const RecordedTransport& t = transport[ti++];
            if (t.cps > 0) cps = t.cps;
            if (t.what == "hush") latest.clear();
            if (t.what == "setcps") latest.erase("cps");  // an evaluated setcps no longer sets the tempo
            if (t.what == "stop") outcome.transportStopped = true;
            if (t.what == "play" || t.what == "start") outcome.transportStopped = false;
            continue;
        }
        const JournalEvaluation& recorded = evaluations[ei++].evaluation;
        if (recorded.cps > 0) cps = recorded.cps;
        if (!recorded.ok) continue;
        auto e = evaluate(recorded.code);
        if (!e) continue;
        if (e->hushes) latest.clear();
        if (e->cps) cps = *e->cps;
        for (const Effect& effect : e->effects) latest[effect.key] = {evaluated.size(), effect.on};
        evaluated.push_back(std::move(*e));
    }

    // Each evaluation is needed for what it set last and left on, or for switching off
    // something an earlier kept evaluation would switch on again.
    std::map<size_t, std::vector<std::pair<std::string, bool>>> finalFor;
    for (const auto& [key, setter] : latest) finalFor[setter.first].push_back({key, setter.second});
    std::set<std::string> touchedByKept;
    std::optional<double> replayedCps;
    for (const auto& [index, keys] : finalFor) {
        bool needed = false;
        for (const auto& [key, on] : keys) needed = needed || on || touchedByKept.count(key) > 0;
        if (!needed) continue;
        const Evaluated& e = evaluated[index];
        for (const Effect& effect : e.effects) touchedByKept.insert(effect.key);
        if (e.cps) replayedCps = e.cps;
        outcome.evaluations.push_back(e.code);
    }
    if (cps > 0 && replayedCps != cps) outcome.evaluations.push_back(setcpsCode(cps));
    outcome.cps = cps;

    auto isOn = [&](const std::string& key) {
        auto found = latest.find(key);
        return found != latest.end() && found->second.second;
    };
    bool anySolo = false;
    for (int c = 1; c <= kChannels; ++c)
        anySolo = anySolo || (isOn("solo" + std::to_string(c)) && isOn("d" + std::to_string(c)));
    for (int c = 1; c <= kChannels; ++c) {
        const std::string n = std::to_string(c);
        if (isOn("d" + n) && !isOn("mute" + n) && (!anySolo || isOn("solo" + n))) outcome.playingChannels.push_back(c);
    }
    return outcome;
}

StoreResult<RestorePlan> restorePlanFor(Database& database, std::int64_t sessionId) {
    auto session = journalSession(database, sessionId);
    if (!session) return *session.error;
    auto buffers = journalLatestBuffers(database, sessionId);
    if (!buffers) return *buffers.error;
    auto evaluations = journalEvaluations(database, sessionId);
    if (!evaluations) return *evaluations.error;
    auto transport = journalTransport(database, sessionId);
    if (!transport) return *transport.error;

    RestorePlan plan;
    plan.sessionId = sessionId;
    plan.startedAt = session->startedAt;
    plan.lastActivityAt = session->lastActivityAt;
    plan.appVersion = session->appVersion;
    for (auto& recorded : *buffers)
        if (!recorded.closed) plan.buffers.push_back(std::move(recorded.buffer));
    auto outcome = planRestore(*evaluations, *transport);
    plan.evaluations = std::move(outcome.evaluations);
    plan.playingChannels = std::move(outcome.playingChannels);
    plan.cps = outcome.cps;
    plan.transportStopped = outcome.transportStopped;
    return plan;
}

}  // namespace seiche::session
