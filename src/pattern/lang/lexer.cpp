#include "pattern/lang/lexer.hpp"

#include <cctype>

namespace seiche::lang {
namespace {

bool isOpChar(char c) {
    switch (c) {
        case '!': case '#': case '$': case '%': case '&': case '*': case '+': case '.': case '/':
        case '<': case '=': case '>': case '?': case '@': case '\\': case '^': case '|': case '-':
        case '~': case ':':
            return true;
        default:
            return false;
    }
}

bool isIdentStart(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool isIdentChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '\''; }

}  // namespace

Position positionOf(std::string_view src, size_t offset) {
    Position p;
    p.offset = offset;
    size_t lineStart = 0;
    for (size_t i = 0; i < offset && i < src.size(); ++i) {
        if (src[i] == '\n') {
            ++p.line;
            lineStart = i + 1;
        }
    }
    // Columns count characters, not bytes: skip UTF-8 continuation bytes.
    int col = 1;
    for (size_t i = lineStart; i < offset && i < src.size(); ++i)
        if ((static_cast<unsigned char>(src[i]) & 0xC0) != 0x80) ++col;
    p.col = col;
    return p;
}

std::vector<Token> tokenize(std::string_view src) {
    std::vector<Token> out;
    size_t i = 0;
    int line = 1;
    size_t lineBegin = 0;
    bool atLineStart = true;
    // Columns are counted incrementally: positions are asked for in increasing order.
    size_t colCursor = 0;
    int colAtCursor = 1;
    auto pos = [&](size_t at) {
        if (colCursor < lineBegin || colCursor > at) {
            colCursor = lineBegin;
            colAtCursor = 1;
        }
        for (; colCursor < at; ++colCursor)
            if ((static_cast<unsigned char>(src[colCursor]) & 0xC0) != 0x80) ++colAtCursor;
        Position p;
        p.line = line;
        p.offset = at;
        p.col = colAtCursor;
        return p;
    };
    auto push = [&](Tok kind, std::string text, size_t at) {
        Token t{kind, std::move(text), pos(at), atLineStart, 0};
        atLineStart = false;
        out.push_back(std::move(t));
    };
    auto newline = [&](size_t at) {
        ++line;
        lineBegin = at + 1;
        atLineStart = true;
    };
    while (i < src.size()) {
        char c = src[i];
        if (c == '\n') {
            newline(i);
            ++i;
            continue;
        }
        if (c == ' ' || c == '\t' || c == '\r') {
            ++i;
            continue;
        }
        // Line comment: two or more dashes not followed by another operator character.
        if (c == '-' && i + 1 < src.size() && src[i + 1] == '-') {
            size_t j = i;
            while (j < src.size() && src[j] == '-') ++j;
            if (j >= src.size() || !isOpChar(src[j])) {
                while (i < src.size() && src[i] != '\n') ++i;
                continue;
            }
        }
        if (c == '{' && i + 1 < src.size() && src[i + 1] == '-') {
            Position start = pos(i);
            int depth = 0;
            while (i < src.size()) {
                if (src.compare(i, 2, "{-") == 0) { ++depth; i += 2; continue; }
                if (src.compare(i, 2, "-}") == 0) { --depth; i += 2; if (depth == 0) break; continue; }
                if (src[i] == '\n') newline(i);
                ++i;
            }
            if (depth != 0) fail(start, "unclosed comment '{-'");
            continue;
        }
        size_t start = i;
        if (isIdentStart(c)) {
            while (i < src.size() && isIdentChar(src[i])) ++i;
            push(Tok::Ident, std::string(src.substr(start, i - start)), start);
            continue;
        }
        if (std::isdigit(static_cast<unsigned char>(c))) {
            while (i < src.size() && std::isdigit(static_cast<unsigned char>(src[i]))) ++i;
            if (i + 1 < src.size() && src[i] == '.' && std::isdigit(static_cast<unsigned char>(src[i + 1]))) {
                ++i;
                while (i < src.size() && std::isdigit(static_cast<unsigned char>(src[i]))) ++i;
            }
            if (i < src.size() && (src[i] == 'e' || src[i] == 'E')) {
                size_t j = i + 1;
                if (j < src.size() && (src[j] == '-' || src[j] == '+')) ++j;
                if (j < src.size() && std::isdigit(static_cast<unsigned char>(src[j]))) {
                    i = j;
                    while (i < src.size() && std::isdigit(static_cast<unsigned char>(src[i]))) ++i;
                }
            }
            push(Tok::Number, std::string(src.substr(start, i - start)), start);
            continue;
        }
        if (c == '"') {
            ++i;
            std::string text;
            size_t content = i;
            while (i < src.size() && src[i] != '"') {
                if (src[i] == '\n') fail(pos(start), "unclosed string: '\"' is missing before the end of the line");
                if (src[i] == '\\' && i + 1 < src.size()) {
                    char e = src[i + 1];
                    text += e == 'n' ? '\n' : e == 't' ? '\t' : e;
                    i += 2;
                    continue;
                }
                text += src[i++];
            }
            if (i >= src.size()) fail(pos(start), "unclosed string: '\"' is missing");
            ++i;
            push(Tok::String, std::move(text), start);
            out.back().contentOffset = content;
            continue;
        }
        if (isOpChar(c)) {
            while (i < src.size() && isOpChar(src[i])) ++i;
            push(Tok::Op, std::string(src.substr(start, i - start)), start);
            continue;
        }
        ++i;
        switch (c) {
            case '(': push(Tok::LParen, "(", start); break;
            case ')': push(Tok::RParen, ")", start); break;
            case '[': push(Tok::LBracket, "[", start); break;
            case ']': push(Tok::RBracket, "]", start); break;
            case ',': push(Tok::Comma, ",", start); break;
            case '`': push(Tok::Backtick, "`", start); break;
            default: {
                std::string shown = (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x7f)
                                        ? "a byte that is not text"
                                        : "'" + std::string(1, c) + "'";
                fail(pos(start), "unexpected " + shown);
            }
        }
    }
    Token end{Tok::End, "", pos(src.size()), true, 0};
    out.push_back(end);
    return out;
}

}  // namespace seiche::lang
