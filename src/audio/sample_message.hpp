#pragma once
// What loading has to tell the performer: a file skipped and why, or a note about
// one that loaded with a caveat. Collected by the bank for the console and the CLI.
#include <string>

namespace seiche::audio {

struct SampleMessage {
    enum class Kind {
        Skipped,  // the file (or folder) was not loaded
        Warning,  // loaded, but something was off (e.g. non-finite values silenced)
        Info,     // nothing wrong (e.g. the summary of a background load)
    };
    Kind kind = Kind::Skipped;
    std::string path;    // the file or folder concerned
    std::string reason;  // short, lower-case, no file name in it

    // One line for a console: "skipped /x/bd/a.wav: empty file (0 bytes)".
    std::string text() const {
        const char* verb = kind == Kind::Skipped ? "skipped " : kind == Kind::Warning ? "warning: " : "";
        return verb + path + ": " + reason;
    }
};

}  // namespace seiche::audio
