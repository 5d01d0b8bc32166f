#pragma once
#include <string_view>
#include <vector>

#include "pattern/lang/ast.hpp"
#include "pattern/lang/lexer.hpp"

namespace seiche::lang {

struct ParseLimits {
    size_t maxSourceBytes = 1 << 20;
    int maxDepth = 200;
};

// Parses a block of code into statements. Throws CompileError.
std::vector<Statement> parseProgram(std::string_view src, const ParseLimits& limits = {});

}  // namespace seiche::lang
