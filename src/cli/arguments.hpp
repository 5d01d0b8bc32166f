#pragma once
// Walking a verb's arguments: flags with values, numbers, and the
// `CODE | --file F` argument the code-taking verbs share. Every refusal says
// why on stderr, prefixed with the verb, so each verb only returns 2.
#include <optional>
#include <string>
#include <vector>

#include "audio/engine/sound_sources.hpp"

namespace seiche::cli {

class Arguments {
public:
    Arguments(const char* verb, const std::vector<std::string>& args) : verb_(verb), args_(args) {}

    bool next() { return ++index_ < args_.size(); }  // starts before the first argument
    const std::string& current() const { return args_[index_]; }
    bool is(const char* flag) const { return current() == flag; }

    const std::string* value();                 // the current flag's value; nullptr after saying it is missing
    bool number(double& out);                   // the value as a number
    bool number(std::optional<double>& out);
    // --file F or the code itself (only once); false after a message.
    bool code(std::string& code, bool& haveCode);
    // --samples DIR (repeatable) and --kit-only.
    enum class Taken { No, Yes, Failed };
    Taken soundOption(audio::SoundSources& sources);

private:
    const char* verb_;
    const std::vector<std::string>& args_;
    size_t index_ = static_cast<size_t>(-1);
};

bool parseNumber(const std::string& text, double& out);

}  // namespace seiche::cli
