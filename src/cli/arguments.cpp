#include "cli/arguments.hpp"

#include <cstdio>
#include <cstdlib>

#include "cli/verbs.hpp"

namespace seiche::cli {

bool parseNumber(const std::string& text, double& out) {
    char* end = nullptr;
    out = std::strtod(text.c_str(), &end);
    return end && *end == '\0' && !text.empty();
}

const std::string* Arguments::value() {
    if (index_ + 1 >= args_.size()) {
        std::fprintf(stderr, "seiche-cli %s: %s needs a value\n", verb_, current().c_str());
        return nullptr;
    }
    ++index_;
    return &args_[index_];
}

bool Arguments::number(double& out) {
    const std::string flag = current();
    const std::string* v = value();
    if (!v) return false;
    if (!parseNumber(*v, out)) {
        std::fprintf(stderr, "seiche-cli %s: %s needs a number, got '%s'\n", verb_, flag.c_str(), v->c_str());
        return false;
    }
    return true;
}

bool Arguments::number(std::optional<double>& out) {
    double x = 0;
    if (!number(x)) return false;
    out = x;
    return true;
}

bool Arguments::code(std::string& code, bool& haveCode) {
    if (is("--file")) {
        const std::string* v = value();
        if (!v || !readFile(*v, code)) return false;
        haveCode = true;
        return true;
    }
    if (haveCode) {
        std::fprintf(stderr, "seiche-cli %s: unexpected argument '%s' (quote the code as one argument)\n", verb_,
                     current().c_str());
        return false;
    }
    code = current();
    haveCode = true;
    return true;
}

Arguments::Taken Arguments::soundOption(audio::SoundSources& sources) {
    if (is("--kit-only")) {
        sources.systemFolders = false;
        return Taken::Yes;
    }
    if (!is("--samples")) return Taken::No;
    const std::string* v = value();
    if (!v) return Taken::Failed;
    sources.folders.emplace_back(*v);
    return Taken::Yes;
}

}  // namespace seiche::cli
