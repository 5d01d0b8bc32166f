// `seiche-cli bench`: query speed, measured the way the scheduler queries —
// one cycle at a time — on the same pattern list as bench/tidal_bench.hs.
#include <chrono>
#include <cstdio>
#include <sstream>

#include "cli/verbs.hpp"
#include "pattern/lang/program.hpp"

namespace seiche::cli {

int runBench(const std::vector<std::string>& args) {
    std::string patternsFile = "bench/patterns.txt";
    int64_t cycles = 2000;
    int repeats = 3;
    for (size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--help") {
            std::puts("usage: seiche-cli bench [--patterns FILE] [--cycles N] [--repeats R]\n"
                      "Queries each NAME | CODE line of FILE one cycle at a time over N cycles, best of R runs,\n"
                      "and prints: NAME events=E seconds=S events_per_sec=R");
            return 0;
        }
        if (i + 1 >= args.size()) {
            std::fprintf(stderr, "seiche-cli bench: %s needs a value\n", args[i].c_str());
            return 2;
        }
        if (args[i] == "--patterns") patternsFile = args[++i];
        else if (args[i] == "--cycles") cycles = std::stoll(args[++i]);
        else if (args[i] == "--repeats") repeats = std::max(1, std::stoi(args[++i]));
        else {
            std::fprintf(stderr, "seiche-cli bench: unknown option '%s'\n", args[i].c_str());
            return 2;
        }
    }
    std::string text;
    if (!readFile(patternsFile, text)) return 1;
    std::istringstream in(text);
    std::string line;
    int failures = 0;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        size_t bar = line.find(" | ");
        if (bar == std::string::npos) continue;
        std::string name = line.substr(0, bar), code = line.substr(bar + 3);
        auto program = lang::compile(code);
        if (!program) {
            std::fprintf(stderr, "%s: %s\n", name.c_str(), program.error->str().c_str());
            ++failures;
            continue;
        }
        const Pattern& p = program.value->actions.at(0).pattern;
        double best = 1e300;
        size_t events = 0;
        for (int r = 0; r < repeats; ++r) {
            events = 0;
            double checksum = 0;
            Events out;
            auto start = std::chrono::steady_clock::now();
            for (int64_t c = 0; c < cycles; ++c) {
                out.clear();
                p.query(State{{Rational(c), Rational(c + 1)}}, out);
                events += out.size();
                for (const auto& e : out) checksum += e.part.begin.toDouble();
            }
            double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            best = std::min(best, secs);
            if (checksum == -1) std::puts("");  // keeps the work observable
        }
        std::printf("%s events=%zu seconds=%.6f events_per_sec=%.0f\n", name.c_str(), events, best, events / best);
        std::fflush(stdout);
    }
    return failures ? 1 : 0;
}

}  // namespace seiche::cli
