// seiche-cli journal: the performance journal the desktop app keeps in the session
// store — list sessions, show a session's evaluations, write its buffers back to files,
// and say what a killed session left to restore (docs/journal.md).
#include <charconv>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "cli/verbs.hpp"
#include "session/journal.hpp"
#include "session/journal_reader.hpp"
#include "session/restore_planner.hpp"
#include "session/store_location.hpp"

namespace seiche::cli {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const char* kJournalHelp =
    "usage: seiche-cli journal sessions [--json]\n"
    "       seiche-cli journal show SESSION [--json]\n"
    "       seiche-cli journal buffers SESSION --out DIR [--json]\n"
    "       seiche-cli journal restore-plan [--session SESSION] [--except SESSION] [--json]\n"
    "       seiche-cli journal dismiss SESSION\n"
    "\n"
    "The performance journal the desktop app writes as you play: every buffer snapshot,\n"
    "evaluation and transport event of each session. `sessions` lists them; `show` prints\n"
    "a session's evaluations and transport events with their times; `buffers` writes the\n"
    "latest text of each of its buffers to a file in DIR (closed tabs too); `restore-plan`\n"
    "says what the most recent session that did not end cleanly left behind (the buffers\n"
    "that were open and the code that brings the music back), or with --session, what\n"
    "restoring that session would bring; `dismiss` stops a session being offered again.\n"
    "SESSION is a session id, or `last` for the newest.\n"
    "  --db FILE        the database (default: seiche.db in SEICHE_DATA_DIR)\n"
    "  --out DIR        with buffers: the directory to write (created if missing)\n"
    "  --session S      with restore-plan: plan this session, finished or not\n"
    "  --except S       with restore-plan: never this session (the one still running)\n"
    "  --json           print the result as JSON\n";

struct JournalRequest {
    std::string verb;  // "journal show", for messages
    std::optional<std::string> db;
    std::vector<std::string> positional;
    std::string out, session, except;
    bool json = false;
};

int fail(const JournalRequest& request, const std::string& why, int status = 1) {
    std::fprintf(stderr, "seiche-cli %s: %s\n", request.verb.c_str(), why.c_str());
    return status;
}

void printJson(const json& j) { std::puts(j.dump(-1, ' ', false, json::error_handler_t::replace).c_str()); }

// 0 when parsed, 2 after a message, -1 after printing help.
int parse(JournalRequest& request, const std::vector<std::string>& args) {
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& flag = args[i];
        if (flag == "--help" || flag == "-h") {
            std::fputs(kJournalHelp, stdout);
            return -1;
        }
        if (flag == "--json") {
            request.json = true;
            continue;
        }
        if (flag.rfind("--", 0) != 0) {
            request.positional.push_back(flag);
            continue;
        }
        std::string* target = flag == "--out"       ? &request.out
                              : flag == "--session" ? &request.session
                              : flag == "--except"  ? &request.except
                                                    : nullptr;
        if (!target && flag != "--db") return fail(request, "unknown option '" + flag + "' (try --help)", 2);
        if (i + 1 >= args.size()) return fail(request, flag + " needs a value", 2);
        if (target)
            *target = args[++i];
        else
            request.db = args[++i];
    }
    return 0;
}

std::string escapedLines(const std::string& code) {
    std::string out;
    for (char c : code) {
        if (c == '\n')
            out += "\\n";
        else if (c == '\t')
            out += "\\t";
        else
            out += c;
    }
    return out;
}

std::string seconds(std::int64_t milliseconds) {
    char text[32];
    std::snprintf(text, sizeof text, "+%.3fs", static_cast<double>(milliseconds) / 1000.0);
    return text;
}

class JournalVerb {
public:
    explicit JournalVerb(JournalRequest request) : request_(std::move(request)) {}

    int sessions() {
        if (!request_.positional.empty()) return unexpected();
        if (!open()) return 1;
        auto all = session::journalSessions(database());
        if (!all) return fail(request_, all.error->message);
        json list = json::array();
        for (const auto& s : *all) {
            if (request_.json) {
                list.push_back(sessionJson(s));
                continue;
            }
            std::printf("%lld\t%s\t%s\t%s\t%lld buffers\t%lld evaluations\n", static_cast<long long>(s.id),
                        s.startedAt.c_str(), s.endedAt.empty() ? "-" : s.endedAt.c_str(), state(s).c_str(),
                        static_cast<long long>(s.buffers), static_cast<long long>(s.evaluations));
        }
        if (request_.json) printJson(list);
        return 0;
    }

    int show() {
        auto id = sessionArgument();
        if (!id) return status_;
        auto summary = session::journalSession(database(), *id);
        if (!summary) return fail(request_, summary.error->message);
        auto evaluations = session::journalEvaluations(database(), *id);
        if (!evaluations) return fail(request_, evaluations.error->message);
        auto transport = session::journalTransport(database(), *id);
        if (!transport) return fail(request_, transport.error->message);
        if (request_.json) {
            json e = json::array(), t = json::array();
            for (const auto& r : *evaluations) {
                const auto& v = r.evaluation;
                e.push_back({{"seq", r.stamp.seq}, {"at", r.stamp.at}, {"sessionMs", r.stamp.sessionMs},
                             {"buffer", v.bufferId}, {"firstLine", v.firstLine}, {"scope", v.scope},
                             {"code", v.code}, {"cps", v.cps}, {"cycle", v.cycle}, {"frame", v.frame},
                             {"ok", v.ok}, {"error", v.error}});
            }
            for (const auto& r : *transport) {
                json event = {{"seq", r.stamp.seq}, {"at", r.stamp.at}, {"sessionMs", r.stamp.sessionMs},
                              {"what", r.what}, {"cps", r.cps}};
                if (r.engine) event.update({{"cycle", r.engine->cycle}, {"frame", r.engine->frame}});
                t.push_back(event);
            }
            printJson({{"session", sessionJson(*summary)}, {"evaluations", e}, {"transport", t}});
            return 0;
        }
        // Both timelines in the order they happened.
        std::map<std::int64_t, std::string> lines;
        for (const auto& r : *evaluations) {
            const auto& v = r.evaluation;
            lines[r.stamp.seq] = r.stamp.at + "\t" + seconds(r.stamp.sessionMs) + "\teval\t" + v.bufferId + ":" +
                                 std::to_string(v.firstLine) + "\t" + v.scope + "\t" +
                                 (v.ok ? "ok" : "error " + escapedLines(v.error)) + "\t" + escapedLines(v.code);
        }
        for (const auto& r : *transport) {
            char cps[32];
            std::snprintf(cps, sizeof cps, "%g", r.cps);
            lines[r.stamp.seq] =
                r.stamp.at + "\t" + seconds(r.stamp.sessionMs) + "\ttransport\t" + r.what + "\tcps " + cps;
        }
        for (const auto& [seq, line] : lines) std::puts(line.c_str());
        return 0;
    }

    int buffers() {
        if (request_.out.empty()) return fail(request_, "give --out DIR (try --help)", 2);
        auto id = sessionArgument();
        if (!id) return status_;
        auto buffers = session::journalLatestBuffers(database(), *id);
        if (!buffers) return fail(request_, buffers.error->message);
        std::error_code ec;
        fs::create_directories(request_.out, ec);
        if (ec) return fail(request_, "cannot create " + request_.out + ": " + ec.message());
        std::set<std::string> taken;
        json list = json::array();
        for (const auto& recorded : *buffers) {
            const auto file = fs::path(request_.out) / uniqueName(recorded.buffer, taken);
            std::ofstream out(file, std::ios::binary);
            out << recorded.buffer.text;
            out.close();
            if (!out) return fail(request_, "cannot write " + file.string());
            if (request_.json)
                list.push_back({{"id", recorded.buffer.id}, {"title", recorded.buffer.title},
                                {"path", recorded.buffer.path}, {"file", file.string()},
                                {"closed", recorded.closed}, {"at", recorded.stamp.at}});
            else
                std::printf("%s\t%s%s\n", file.string().c_str(), recorded.buffer.id.c_str(),
                            recorded.closed ? "\tclosed" : "");
        }
        if (request_.json) printJson(list);
        return 0;
    }

    int restorePlan() {
        if (!request_.positional.empty()) return unexpected();
        if (!open()) return 1;
        std::optional<session::RestorePlan> plan;
        if (!request_.session.empty()) {
            auto id = sessionId(request_.session);
            if (!id) return status_;
            auto planned = session::restorePlanFor(database(), *id);
            if (!planned) return fail(request_, planned.error->message);
            plan = std::move(*planned);
        } else {
            std::int64_t except = 0;
            if (!request_.except.empty()) {
                auto id = sessionId(request_.except);
                if (!id) return status_;
                except = *id;
            }
            auto found = session::Journal::unfinished(database().path(), except);
            if (!found) return fail(request_, found.error->message);
            plan = std::move(*found);
        }
        if (request_.json) {
            printJson(plan ? planJson(*plan) : json(nullptr));
            return 0;
        }
        if (!plan) {
            std::puts("nothing to restore");
            return 0;
        }
        std::printf("session %lld (started %s, last activity %s)\n", static_cast<long long>(plan->sessionId),
                    plan->startedAt.c_str(), plan->lastActivityAt.c_str());
        for (const auto& b : plan->buffers)
            std::printf("buffer\t%s\t%s\t%zu characters\n", b.id.c_str(), b.title.c_str(), b.text.size());
        for (const auto& code : plan->evaluations) std::printf("evaluate\t%s\n", escapedLines(code).c_str());
        std::string playing;
        for (int c : plan->playingChannels) playing += (playing.empty() ? "d" : " d") + std::to_string(c);
        std::printf("playing\t%s\n", playing.empty() ? "-" : playing.c_str());
        std::printf("cps\t%g%s\n", plan->cps, plan->transportStopped ? "\tstopped" : "");
        return 0;
    }

    int dismiss() {
        auto id = sessionArgument();
        if (!id) return status_;
        if (auto dismissed = session::Journal::dismiss(database().path(), *id); !dismissed)
            return fail(request_, dismissed.error->message);
        std::printf("session %lld will not be offered for restore\n", static_cast<long long>(*id));
        return 0;
    }

private:
    int unexpected() { return fail(request_, "unexpected argument '" + request_.positional.front() + "'", 2); }

    bool open() {
        auto store = session::openStoreForVerb(request_.db, false);
        if (!store) {
            fail(request_, store.error->message);
            return false;
        }
        store_ = std::move(*store.value);
        return true;
    }

    session::Database& database() { return store_->database(); }

    // The one SESSION argument, with the store opened; nullopt after a message (status_ says which).
    std::optional<std::int64_t> sessionArgument() {
        if (request_.positional.size() != 1) {
            status_ = fail(request_, "give one SESSION (an id, or last)", 2);
            return std::nullopt;
        }
        if (!open()) {
            status_ = 1;
            return std::nullopt;
        }
        return sessionId(request_.positional.front());
    }

    std::optional<std::int64_t> sessionId(const std::string& text) {
        if (text == "last") {
            auto all = session::journalSessions(database());
            if (!all) {
                status_ = fail(request_, all.error->message);
                return std::nullopt;
            }
            if (all->empty()) {
                status_ = fail(request_, "no sessions yet");
                return std::nullopt;
            }
            return all->back().id;
        }
        std::int64_t id = 0;
        const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
        if (error != std::errc() || end != text.data() + text.size() || id <= 0) {
            status_ = fail(request_, "SESSION must be a session id or last, not '" + text + "'", 2);
            return std::nullopt;
        }
        if (auto known = session::journalSession(database(), id); !known) {
            status_ = fail(request_, known.error->message);
            return std::nullopt;
        }
        return id;
    }

    static std::string state(const session::JournalSession& s) {
        if (s.clean) return "clean";
        return s.settled ? "unfinished, dismissed" : "unfinished";
    }

    static json sessionJson(const session::JournalSession& s) {
        return {{"id", s.id}, {"started", s.startedAt}, {"ended", s.endedAt.empty() ? json(nullptr) : json(s.endedAt)},
                {"lastActivity", s.lastActivityAt}, {"clean", s.clean}, {"dismissed", s.settled},
                {"appVersion", s.appVersion}, {"buffers", s.buffers}, {"evaluations", s.evaluations}};
    }

    static json planJson(const session::RestorePlan& plan) {
        json buffers = json::array();
        for (const auto& b : plan.buffers)
            buffers.push_back({{"id", b.id}, {"title", b.title}, {"path", b.path}, {"text", b.text},
                               {"cursor", b.cursor}, {"order", b.order}});
        return {{"session", plan.sessionId}, {"started", plan.startedAt}, {"lastActivity", plan.lastActivityAt},
                {"appVersion", plan.appVersion}, {"buffers", buffers}, {"evaluations", plan.evaluations},
                {"playingChannels", plan.playingChannels}, {"cps", plan.cps},
                {"transportStopped", plan.transportStopped}};
    }

    // A file name for a buffer: its saved file's name, else its title, else its id; never a path.
    static std::string uniqueName(const session::JournalBuffer& buffer, std::set<std::string>& taken) {
        std::string base = !buffer.path.empty() ? fs::path(buffer.path).filename().string() : buffer.title;
        if (base.empty()) base = buffer.id;
        for (char& c : base)
            if (c == '/' || c == '\\' || static_cast<unsigned char>(c) < 0x20) c = '_';
        if (base.empty() || base == "." || base == "..") base = "buffer";
        fs::path name(base);
        const std::string extension = name.has_extension() ? name.extension().string() : ".tidal";
        const std::string stem = name.has_extension() ? name.stem().string() : base;
        std::string candidate = stem + extension;
        for (int n = 2; !taken.insert(candidate).second; ++n) candidate = stem + "-" + std::to_string(n) + extension;
        return candidate;
    }

    JournalRequest request_;
    std::optional<session::Store> store_;
    int status_ = 1;
};

}  // namespace

int runJournal(const std::vector<std::string>& args) {
    if (args.empty() || args[0] == "--help" || args[0] == "-h") {
        std::fputs(kJournalHelp, args.empty() ? stderr : stdout);
        return args.empty() ? 2 : 0;
    }
    JournalRequest request;
    const std::string sub = args[0];
    request.verb = "journal " + sub;
    using Action = int (JournalVerb::*)();
    const std::map<std::string, Action> actions{{"sessions", &JournalVerb::sessions},
                                                {"show", &JournalVerb::show},
                                                {"buffers", &JournalVerb::buffers},
                                                {"restore-plan", &JournalVerb::restorePlan},
                                                {"dismiss", &JournalVerb::dismiss}};
    const auto action = actions.find(sub);
    if (action == actions.end())
        return fail(request, "unknown subcommand (sessions, show, buffers, restore-plan, dismiss)", 2);
    const int parsed = parse(request, std::vector<std::string>(args.begin() + 1, args.end()));
    if (parsed != 0) return parsed < 0 ? 0 : parsed;
    JournalVerb verb(std::move(request));
    return (verb.*(action->second))();
}

}  // namespace seiche::cli
