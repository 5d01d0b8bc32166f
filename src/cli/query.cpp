// `seiche-cli query`: the contract in docs/design (shared/design.md):
//   WHOLE_BEGIN WHOLE_END PART_BEGIN PART_END JSON, sorted, times exact.
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "cli/arguments.hpp"
#include "cli/verbs.hpp"
#include "pattern/lang/program.hpp"

namespace seiche::cli {
namespace {

const char* kQueryHelp =
    "usage: seiche-cli query [--from A] [--to B] [--onsets] [--max-events N] CODE | --file F\n"
    "\n"
    "Prints the events of Tidal code over cycles [A, B) (defaults 0 and 1), one per line:\n"
    "  WHOLE_BEGIN WHOLE_END PART_BEGIN PART_END JSON\n"
    "Times are exact rationals (n or n/d); a continuous event prints '- -' for its whole.\n"
    "--onsets keeps only events that start within the span (what is played).\n"
    "CODE is an expression (s \"bd*2\" # speed 2) or statements (d1 $ ..., hush, setcps 0.6).\n"
    "Exit status: 0 success, 2 error in the code (LINE:COL: message on stderr), 1 other failure.\n";

// Accepts "3", "-1/4", "0.5".
bool parseTime(const std::string& s, Rational& out) {
    try {
        size_t slash = s.find('/');
        if (slash != std::string::npos) {
            out = Rational(std::stoll(s.substr(0, slash)), std::stoll(s.substr(slash + 1)));
            return true;
        }
        size_t used = 0;
        double d = std::stod(s, &used);
        if (used != s.size()) return false;
        // Decimal text is read exactly: 0.1 is 1/10, not the nearest double.
        size_t dot = s.find('.');
        if (dot == std::string::npos) {
            out = Rational(std::stoll(s));
            return true;
        }
        std::string digits = s.substr(0, dot) + s.substr(dot + 1);
        size_t places = s.size() - dot - 1;
        if (places > 18) {
            out = Rational::fromDouble(d);
            return true;
        }
        int64_t scale = 1;
        for (size_t i = 0; i < places; ++i) scale *= 10;
        out = Rational(std::stoll(digits), scale);
        return true;
    } catch (const std::exception&) {
        return false;
    }
}

struct Line {
    Event event;
    std::string json;
};

}  // namespace

bool readFile(const std::string& path, std::string& out) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        std::fprintf(stderr, "seiche-cli: cannot read '%s'\n", path.c_str());
        return false;
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    out = ss.str();
    return true;
}

int runQuery(const std::vector<std::string>& args) {
    Rational from(0), to(1);
    bool onsets = false;
    size_t maxEvents = 2'000'000;
    std::string code;
    bool haveCode = false;
    Arguments arg("query", args);
    while (arg.next()) {
        if (arg.is("--help") || arg.is("-h")) {
            std::fputs(kQueryHelp, stdout);
            return 0;
        } else if (arg.is("--from") || arg.is("--to")) {
            const std::string flag = arg.current();
            const std::string* v = arg.value();
            if (!v) return 2;
            if (!parseTime(*v, flag == "--from" ? from : to)) {
                std::fprintf(stderr, "seiche-cli query: %s needs a time such as 2, 1/4 or 0.5, got '%s'\n", flag.c_str(), v->c_str());
                return 2;
            }
        } else if (arg.is("--onsets")) {
            onsets = true;
        } else if (arg.is("--max-events")) {
            const std::string* v = arg.value();
            if (!v) return 2;
            maxEvents = std::strtoull(v->c_str(), nullptr, 10);
        } else if (!arg.code(code, haveCode)) {
            return 2;
        }
    }
    if (!haveCode) {
        std::fputs(kQueryHelp, stderr);
        return 2;
    }
    if (to < from) {
        std::fprintf(stderr, "seiche-cli query: --to (%s) is before --from (%s)\n", to.str().c_str(), from.str().c_str());
        return 2;
    }

    auto program = lang::compile(code);
    if (!program) {
        std::fprintf(stderr, "%s\n", program.error->str().c_str());
        return 2;
    }
    // Statements run in order, as in a live session: a later dN replaces an
    // earlier one, hush silences everything, solo and mute filter channels.
    std::map<int, const lang::Action*> channels;
    std::vector<const lang::Action*> loose;  // bare expressions and `once`
    std::set<int> soloed, muted;
    for (const auto& action : program.value->actions) {
        switch (action.kind) {
            case lang::Action::Play:
                if (action.channel > 0) channels[action.channel] = &action;
                else loose.push_back(&action);
                break;
            case lang::Action::Once: loose.push_back(&action); break;
            case lang::Action::Hush: channels.clear(); loose.clear(); break;
            case lang::Action::Solo: soloed.insert(action.channel); break;
            case lang::Action::Unsolo: soloed.erase(action.channel); break;
            case lang::Action::Mute: muted.insert(action.channel); break;
            case lang::Action::Unmute: muted.erase(action.channel); break;
            case lang::Action::SetCps: break;
        }
    }
    std::vector<const lang::Action*> playing = loose;
    for (const auto& [ch, action] : channels)
        if (!muted.count(ch) && (soloed.empty() || soloed.count(ch))) playing.push_back(action);

    std::vector<Line> lines;
    for (const lang::Action* actionPtr : playing) {
        const lang::Action& action = *actionPtr;
        auto events = lang::queryChecked(action.pattern, Span{from, to}, maxEvents);
        if (!events) {
            std::fprintf(stderr, "seiche-cli query: %s\n", events.error->message.c_str());
            return 1;
        }
        for (auto& e : *events.value) {
            if (onsets && !e.hasOnset()) continue;
            std::string json = action.isControl && e.value.kind() == ValueKind::Map ? e.value.json()
                                                                                   : "{\"value\":" + e.value.json() + "}";
            lines.push_back(Line{std::move(e), std::move(json)});
        }
    }
    std::sort(lines.begin(), lines.end(), [](const Line& a, const Line& b) {
        if (a.event.part.begin != b.event.part.begin) return a.event.part.begin < b.event.part.begin;
        // Events with no whole sort first among equals.
        bool aw = bool(a.event.whole), bw = bool(b.event.whole);
        if (aw != bw) return !aw;
        if (aw) {
            if (a.event.whole->begin != b.event.whole->begin) return a.event.whole->begin < b.event.whole->begin;
            if (a.event.whole->end != b.event.whole->end) return a.event.whole->end < b.event.whole->end;
        }
        return a.json < b.json;
    });
    std::string out;
    for (const auto& l : lines) {
        const Event& e = l.event;
        if (e.whole) out += e.whole->begin.str() + " " + e.whole->end.str() + " ";
        else out += "- - ";
        out += e.part.begin.str() + " " + e.part.end.str() + " " + l.json + "\n";
    }
    std::fwrite(out.data(), 1, out.size(), stdout);
    return 0;
}

}  // namespace seiche::cli
