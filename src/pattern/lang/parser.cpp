#include "pattern/lang/parser.hpp"

#include <map>

namespace seiche::lang {
namespace {

enum class Assoc { Left, Right, None };
struct Fixity {
    int prec;
    Assoc assoc;
};

// Haskell's fixities for the operators Tidal code uses. Tidal 1.7 declares none
// for its own operators (#, |+|, <~ …), so they take Haskell's default: infixl 9.
Fixity fixityOf(const std::string& op) {
    static const std::map<std::string, Fixity> table = {
        {"$", {0, Assoc::Right}},  {".", {9, Assoc::Right}},  {"+", {6, Assoc::Left}},
        {"-", {6, Assoc::Left}},   {"*", {7, Assoc::Left}},   {"/", {7, Assoc::Left}},
        {"<>", {6, Assoc::Right}}, {"<$>", {4, Assoc::Left}}, {"**", {8, Assoc::Right}},
        {"^", {8, Assoc::Right}},  {"++", {5, Assoc::Right}}, {"%", {7, Assoc::Left}},
        {"<*>", {4, Assoc::Left}}, {"<*", {4, Assoc::Left}},  {"*>", {4, Assoc::Left}},
        {"==", {4, Assoc::None}},  {"/=", {4, Assoc::None}},  {"<", {4, Assoc::None}},
        {">", {4, Assoc::None}},   {"<=", {4, Assoc::None}},  {">=", {4, Assoc::None}},
        {"&&", {3, Assoc::Right}}, {"||", {2, Assoc::Right}},
    };
    auto it = table.find(op);
    return it == table.end() ? Fixity{9, Assoc::Left} : it->second;
}

class Parser {
public:
    Parser(std::vector<Token> toks, const ParseLimits& limits) : t_(std::move(toks)), limits_(limits) {}

    std::vector<Statement> program() {
        std::vector<Statement> out;
        while (peek().kind != Tok::End) {
            size_t begin = i_;
            // A statement runs until the next token that starts a line at column 1
            // (Haskell's layout rule), unless that token is an operator continuing it.
            size_t end = i_ + 1;
            while (t_[end].kind != Tok::End &&
                   !(t_[end].lineStart && t_[end].at.col == 1 && t_[end].kind != Tok::Op))
                ++end;
            out.push_back(statement(begin, end));
            i_ = end;
        }
        return out;
    }

private:
    const Token& peek(size_t k = 0) const { return t_[std::min(i_ + k, stop_)]; }
    const Token& next() { return t_[std::min(i_++, stop_)]; }
    bool atEnd() const { return i_ >= stop_; }

    static std::string describe(const Token& t) {
        switch (t.kind) {
            case Tok::End: return "the end of the code";
            case Tok::String: return "a string";
            case Tok::Number: return "'" + t.text + "'";
            default: return "'" + t.text + "'";
        }
    }

    Statement statement(size_t begin, size_t end) {
        i_ = begin;
        stop_ = end;
        // The End token stands in for the statement's end when we peek past it.
        savedEnd_ = t_[end];
        t_[end] = Token{Tok::End, "", t_[end].at, true, 0};
        Statement st;
        st.at = peek().at;
        const Token& head = peek();
        auto channelNumber = [](const std::string& name) -> int {
            if (name.size() < 2 || name[0] != 'd') return 0;
            for (size_t k = 1; k < name.size(); ++k)
                if (!std::isdigit(static_cast<unsigned char>(name[k]))) return 0;
            if (name.size() > 3) return -1;
            return std::stoi(name.substr(1));
        };
        int ch = head.kind == Tok::Ident ? channelNumber(head.text) : 0;
        if (ch != 0) {
            if (ch < 1 || ch > 16) fail(head.at, "there are 16 channels, d1 to d16; '" + head.text + "' is not one of them");
            next();
            st.kind = Statement::Channel;
            st.channel = ch;
            if (peek().kind == Tok::Op && peek().text == "$") next();
            if (atEnd()) fail(peek().at, "'" + head.text + "' needs a pattern, e.g. " + head.text + " $ s \"bd sn\"");
            st.expr = expression(0);
        } else if (head.kind == Tok::Ident && head.text == "hush" && peek(1).kind == Tok::End) {
            next();
            st.kind = Statement::Hush;
        } else if (head.kind == Tok::Ident && (head.text == "setcps" || head.text == "setCps")) {
            next();
            if (peek().kind == Tok::Op && peek().text == "$") next();
            if (atEnd()) fail(peek().at, "'setcps' needs a number, e.g. setcps 0.6");
            st.kind = Statement::SetCps;
            st.expr = expression(0);
        } else if (head.kind == Tok::Ident && head.text == "once") {
            next();
            if (peek().kind == Tok::Op && peek().text == "$") next();
            st.kind = Statement::Once;
            st.expr = expression(0);
        } else if (head.kind == Tok::Ident &&
                   (head.text == "solo" || head.text == "unsolo" || head.text == "mute" || head.text == "unmute") &&
                   peek(1).kind == Tok::Number) {
            next();
            st.kind = head.text == "solo" ? Statement::Solo : head.text == "unsolo" ? Statement::Unsolo
                    : head.text == "mute" ? Statement::Mute : Statement::Unmute;
            const Token& num = next();
            st.channel = std::atoi(num.text.c_str());
            if (st.channel < 1 || st.channel > 16) fail(num.at, "channels are numbered 1 to 16");
        } else {
            st.expr = annotated(expression(0));
        }
        if (!atEnd()) fail(peek().at, "unexpected " + describe(peek()) + " after the end of the expression");
        t_[end] = savedEnd_;
        return st;
    }

    struct DepthGuard {
        Parser& p;
        explicit DepthGuard(Parser& parser, const Position& at) : p(parser) {
            if (++p.depth_ > p.limits_.maxDepth)
                fail(at, "nesting deeper than " + std::to_string(p.limits_.maxDepth) + " levels");
        }
        ~DepthGuard() { --p.depth_; }
    };

    // Precedence climbing over binary operators; application binds tighter than any.
    ExprPtr expression(int minPrec) {
        DepthGuard guard(*this, peek().at);
        ExprPtr lhs = unary();
        int lastPrec = -1;
        Assoc lastAssoc = Assoc::Left;
        while (true) {
            const Token& op = peek();
            std::string name;
            if (op.kind == Tok::Op) name = op.text;
            else if (op.kind == Tok::Backtick) name = "`";
            else break;
            if (name == "`" ) {
                // a `f` b
                if (peek(1).kind != Tok::Ident || peek(2).kind != Tok::Backtick)
                    fail(op.at, "expected a function name between backticks");
                Fixity fx{9, Assoc::Left};
                if (fx.prec < minPrec) break;
                next();
                ExprPtr f = makeVar(next().text, op.at);
                next();
                ExprPtr rhs = expression(fx.prec + 1);
                lhs = makeApp(makeApp(f, lhs, op.at), rhs, op.at);
                continue;
            }
            if (name == "::") break;
            if (name == "=" || name == "->" || name == "\\" || name == "|" || name == "@" || name == "~" || name == "=>")
                fail(op.at, "'" + name + "' is not supported here");
            Fixity fx = fixityOf(name);
            if (fx.prec < minPrec) break;
            if (lastPrec == fx.prec && lastAssoc != fx.assoc)
                fail(op.at, "cannot mix '" + name + "' with the operator before it without parentheses");
            // A right section like (# speed 2) ends at ')': nothing to the right means we stop.
            if (peek(1).kind == Tok::RParen || peek(1).kind == Tok::End || peek(1).kind == Tok::Comma ||
                peek(1).kind == Tok::RBracket) {
                if (peek(1).kind == Tok::RParen && sectionOk_) break;
                fail(peek(1).at, "'" + name + "' needs something on its right, got " + describe(peek(1)));
            }
            next();
            int nextMin = fx.assoc == Assoc::Right ? fx.prec : fx.prec + 1;
            ExprPtr rhs = expression(nextMin);
            lhs = binary(name, lhs, rhs, op.at);
            lastPrec = fx.prec;
            lastAssoc = fx.assoc;
            if (fx.assoc == Assoc::None) {
                lastAssoc = Assoc::None;
            }
        }
        return lhs;
    }

    // `expr :: Type`: the type is kept as text for the checker to read.
    ExprPtr annotated(ExprPtr e) {
        if (!(peek().kind == Tok::Op && peek().text == "::")) return e;
        Position at = next().at;
        std::string type;
        int depth = 0;
        while (!atEnd() && !(depth == 0 && (peek().kind == Tok::RParen || peek().kind == Tok::Comma))) {
            const Token& t = next();
            if (t.kind == Tok::LParen || t.kind == Tok::LBracket) ++depth;
            if (t.kind == Tok::RParen || t.kind == Tok::RBracket) --depth;
            type += t.text + " ";
        }
        if (type.empty()) fail(at, "'::' needs a type after it, e.g. :: Pattern Double");
        return std::make_shared<Expr>(Expr{Expr::Annotated, at, type, {std::move(e)}, 0, nullptr});
    }

    static ExprPtr binary(const std::string& op, ExprPtr l, ExprPtr r, const Position& at) {
        if (op == "$") return makeApp(l, r, at);
        return makeApp(makeApp(makeVar(op, at), l, at), r, at);
    }

    ExprPtr unary() {
        if (peek().kind == Tok::Op && peek().text == "-") {
            Position at = next().at;
            ExprPtr operand = application();
            return makeApp(makeVar("negate", at), operand, at);
        }
        return application();
    }

    bool startsAtom(const Token& t) const {
        return t.kind == Tok::Ident || t.kind == Tok::Number || t.kind == Tok::String || t.kind == Tok::LParen ||
               t.kind == Tok::LBracket;
    }

    ExprPtr application() {
        ExprPtr f = atom();
        while (startsAtom(peek())) {
            Position at = f->at;  // an application starts where its function does
            f = makeApp(f, atom(), at);
        }
        return f;
    }

    ExprPtr atom() {
        const Token& t = peek();
        switch (t.kind) {
            case Tok::Ident: next(); return makeVar(t.text, t.at);
            case Tok::Number: {
                next();
                return std::make_shared<Expr>(Expr{Expr::Number, t.at, t.text, {}, 0, nullptr});
            }
            case Tok::String: {
                next();
                return std::make_shared<Expr>(Expr{Expr::String, t.at, t.text, {}, t.contentOffset, nullptr});
            }
            case Tok::LParen: return parenthesised();
            case Tok::LBracket: return list();
            default: break;
        }
        if (t.kind == Tok::End) fail(t.at, "expected an expression, got the end of the code");
        fail(t.at, "expected an expression, got " + describe(t));
    }

    ExprPtr parenthesised() {
        Token open = next();
        auto closeExpected = [&]() {
            if (peek().kind != Tok::RParen) {
                if (peek().kind == Tok::End) fail(peek().at, "unclosed '(' opened at " + open.at.str());
                fail(peek().at, "expected ')' to close the '(' opened at " + open.at.str() + ", got " + describe(peek()));
            }
            next();
        };
        if (peek().kind == Tok::RParen) fail(peek().at, "empty parentheses '()' are not a pattern");
        // Left section or operator as a function: (+), (# speed 2), (0.25 <~) …
        if (peek().kind == Tok::Op && peek().text != "-") {
            Token op = next();
            if (peek().kind == Tok::RParen) {
                next();
                return makeVar(op.text, op.at);
            }
            bool saved = sectionOk_;
            sectionOk_ = false;
            // Friendlier than Haskell: (# speed 2 # pan 0) takes everything up to ')'.
            ExprPtr rhs = expression(0);
            sectionOk_ = saved;
            closeExpected();
            // (op x) = \y -> y op x
            return makeApp(makeApp(makeVar("flip", op.at), makeVar(op.text, op.at), op.at), rhs, op.at);
        }
        if (peek().kind == Tok::Op && peek().text == "-" && peek(1).kind == Tok::RParen) {
            Token op = next();
            next();
            return makeVar("-", op.at);
        }
        bool saved = sectionOk_;
        sectionOk_ = true;
        ExprPtr first = expression(0);
        // Right section: (x op)
        if (peek().kind == Tok::Op && peek(1).kind == Tok::RParen) {
            Token op = next();
            next();
            sectionOk_ = saved;
            return makeApp(makeVar(op.text, op.at), first, op.at);
        }
        sectionOk_ = saved;
        first = annotated(first);
        if (peek().kind == Tok::Comma) {
            std::vector<ExprPtr> items{first};
            while (peek().kind == Tok::Comma) {
                next();
                items.push_back(expression(0));
            }
            closeExpected();
            return std::make_shared<Expr>(Expr{Expr::Tuple, open.at, "", std::move(items), 0, nullptr});
        }
        closeExpected();
        return first;
    }

    ExprPtr list() {
        Token open = next();
        std::vector<ExprPtr> items;
        if (peek().kind != Tok::RBracket) {
            bool saved = sectionOk_;
            sectionOk_ = false;
            items.push_back(expression(0));
            if (peek().kind == Tok::Op && peek().text == "..") {
                Position at = next().at;
                ExprPtr to = expression(0);
                if (peek().kind != Tok::RBracket) fail(peek().at, "unclosed '[' opened at " + open.at.str());
                next();
                sectionOk_ = saved;
                return makeApp(makeApp(makeVar("enumFromTo", at), items[0], at), to, at);
            }
            while (peek().kind == Tok::Comma) {
                next();
                items.push_back(expression(0));
            }
            sectionOk_ = saved;
        }
        if (peek().kind != Tok::RBracket) {
            if (peek().kind == Tok::End) fail(peek().at, "unclosed '[' opened at " + open.at.str());
            fail(peek().at, "expected ',' or ']' in the list opened at " + open.at.str() + ", got " + describe(peek()));
        }
        next();
        return std::make_shared<Expr>(Expr{Expr::List, open.at, "", std::move(items), 0, nullptr});
    }

    std::vector<Token> t_;
    ParseLimits limits_;
    size_t i_ = 0;
    size_t stop_ = 0;
    Token savedEnd_;
    int depth_ = 0;
    bool sectionOk_ = false;
};

}  // namespace

std::vector<Statement> parseProgram(std::string_view src, const ParseLimits& limits) {
    if (src.size() > limits.maxSourceBytes)
        fail(Position{}, "the code is " + std::to_string(src.size()) + " bytes long; the limit is " +
                             std::to_string(limits.maxSourceBytes) + " bytes");
    Parser p(tokenize(src), limits);
    return p.program();
}

}  // namespace seiche::lang
