#pragma once
// A problem in the performer's code, with the position they need to find it.
#include <string>

namespace seiche::lang {

struct Position {
    int line = 1;  // 1-based
    int col = 1;   // 1-based, in characters of the line
    size_t offset = 0;
    std::string str() const { return std::to_string(line) + ":" + std::to_string(col); }
};

struct Diagnostic {
    Position at;
    std::string message;
    std::string str() const { return at.str() + ": " + message; }
};

// Thrown inside the front end; the front door turns it into a Result.
struct CompileError {
    Diagnostic diag;
};

[[noreturn]] inline void fail(const Position& at, std::string message) {
    throw CompileError{Diagnostic{at, std::move(message)}};
}

}  // namespace seiche::lang
