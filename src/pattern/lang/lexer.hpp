#pragma once
// Splits Tidal (Haskell) source into tokens, keeping each token's position.
#include <string>
#include <string_view>
#include <vector>

#include "pattern/lang/diagnostic.hpp"

namespace seiche::lang {

enum class Tok { Ident, Number, String, Op, LParen, RParen, LBracket, RBracket, Comma, Backtick, End };

struct Token {
    Tok kind;
    std::string text;      // identifier, operator, number text, or decoded string contents
    Position at;
    bool lineStart = false;  // first token on its line
    size_t contentOffset = 0;  // strings: offset of the first character after the quote
};

// Throws CompileError on an unterminated string or a stray character.
std::vector<Token> tokenize(std::string_view src);

// Maps a byte offset in the source to its line and column.
Position positionOf(std::string_view src, size_t offset);

}  // namespace seiche::lang
