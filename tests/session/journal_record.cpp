// journal_record DB: records a session through the Journal API as the desktop app would,
// from commands on stdin, so the seiche-cli journal tests have real journals to read
// (and one to kill mid-performance). One command a line; \n in text stands for a newline.
//   buffer ID ORDER TITLE|TEXT      a snapshot (TITLE may be empty)
//   eval BUFFER_ID ok|error CODE    an evaluation
//   transport WHAT CPS
//   close ID
//   finish                          mark a clean end
//   ready                           print "ready SESSION_ID" (no flush) and keep running until killed
// At the end of input it exits normally (flushing, without a clean end unless told).
#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <sstream>
#include <string>

#include "session/journal.hpp"

namespace {

std::string unescaped(const std::string& text) {
    std::string out;
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\\' && i + 1 < text.size() && text[i + 1] == 'n') {
            out += '\n';
            ++i;
        } else {
            out += text[i];
        }
    }
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fputs("usage: journal_record DB < commands\n", stderr);
        return 2;
    }
    auto journal = seiche::session::Journal::open(argv[1], "journal-record");
    if (!journal) {
        std::fprintf(stderr, "journal_record: %s\n", journal.error->message.c_str());
        return 1;
    }
    std::string line;
    while (std::getline(std::cin, line)) {
        std::istringstream in(line);
        std::string command;
        in >> command;
        std::string rest;
        std::getline(in >> std::ws, rest);
        if (command == "buffer") {
            std::istringstream fields(rest);
            seiche::session::JournalBuffer b;
            fields >> b.id >> b.order >> std::ws;
            std::string titleAndText;
            std::getline(fields, titleAndText);
            const auto bar = titleAndText.find('|');
            b.title = titleAndText.substr(0, bar);
            b.text = unescaped(bar == std::string::npos ? "" : titleAndText.substr(bar + 1));
            b.cursor = static_cast<int>(b.text.size());
            journal->recordBuffer(b);
        } else if (command == "eval") {
            std::istringstream fields(rest);
            seiche::session::JournalEvaluation e;
            std::string ok;
            fields >> e.bufferId >> ok >> std::ws;
            std::getline(fields, e.code);
            e.code = unescaped(e.code);
            e.ok = ok == "ok";
            if (!e.ok) e.error = "1:1: failed";
            e.scope = "block";
            e.cps = 0.5625;
            e.cycle = "0";
            journal->recordEvaluation(e);
        } else if (command == "transport") {
            std::istringstream fields(rest);
            std::string what;
            double cps = 0;
            fields >> what >> cps;
            journal->recordTransport(what, cps);
        } else if (command == "close") {
            journal->closeBuffer(rest);
        } else if (command == "finish") {
            journal->finish();
        } else if (command == "ready") {
            std::printf("ready %lld\n", static_cast<long long>(journal->sessionId()));
            std::fflush(stdout);
            for (;;) pause();
        } else if (!command.empty()) {
            std::fprintf(stderr, "journal_record: unknown command '%s'\n", command.c_str());
            return 2;
        }
    }
    journal->flush();
    if (!journal->lastError().empty()) {
        std::fprintf(stderr, "journal_record: %s\n", journal->lastError().c_str());
        return 1;
    }
    std::printf("%lld\n", static_cast<long long>(journal->sessionId()));
    return 0;
}
