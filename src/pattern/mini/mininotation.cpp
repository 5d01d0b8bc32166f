#include "pattern/mini/mininotation.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <memory>
#include <vector>

#include "pattern/chords.hpp"
#include "pattern/random.hpp"

// The parser mirrors Parsec's behaviour as Tidal uses it: every parse step
// either succeeds, fails without consuming input (the caller may try an
// alternative) or fails after consuming input (a hard error). Lexeme tokens
// (symbols and Parsec's number parsers) skip trailing white space and Haskell
// comments, the way Tidal's `haskellDef` token parser does; other steps skip
// plain white space only. These details decide which texts parse and how.

namespace seiche::mini {
namespace {

// ---------------------------------------------------------------- syntax tree

enum class K { Atom, Fast, Slow, Degrade, Choose, Euclid, Stack, Poly, Seq, Silence, Foot, Elongate, Repeat, Range, Var };

struct Node {
    K kind = K::Silence;
    Value value;
    size_t off = 0, len = 0;  // source of an atom (or of a foot, for messages)
    int seed = 0;
    double amount = 0;
    Time weight{1};
    int64_t count = 1;
    std::vector<Node> kids;          // Fast/Slow: factor, thing; Euclid: n, k, s, thing; Range: a, b
    std::shared_ptr<Node> steprate;  // Poly: the `%` pattern (or 1 for `< >`), null for the first sequence's steps
};

Node make(K k) {
    Node n;
    n.kind = k;
    return n;
}
Node wrap(K k, Node inner) {
    Node n = make(k);
    n.kids.push_back(std::move(inner));
    return n;
}

enum class St { Ok, Empty, Fail };  // Fail: failed after consuming input (error recorded)

struct AtomSpec {
    AtomType type;
    bool rest;  // whether `~` is allowed (only for the text's own type)
};

// A parsed number: the double Tidal computes, and the exact rational when it fits.
struct Num {
    double d = 0;
    bool exact = false;
    Rational r;
};

bool isLetter(unsigned char c) { return std::isalpha(c) || c >= 0x80; }  // non-ASCII: part of a word
bool isDigit(unsigned char c) { return c >= '0' && c <= '9'; }
bool isSpace(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
bool isWordChar(unsigned char c) { return isLetter(c) || isDigit(c) || c == ':' || c == '.' || c == '-' || c == '_'; }

class Parser {
public:
    Parser(std::string_view text, AtomType type, const Context& ctx) : s_(text), type_(type), ctx_(ctx) {}

    Result run() {
        Result res;
        Node root;
        St st = sequence(AtomSpec{type_, true}, root);
        if (st == St::Ok && pos_ < s_.size()) {
            unexpected(AtomSpec{type_, true}, 0, 0);
            st = St::Fail;
        }
        if (st != St::Ok) {
            if (!err_) err_ = Error{pos_, "syntax error"};
            res.error = err_;
            return res;
        }
        if (!checkFeet(root)) {
            res.error = err_;
            return res;
        }
        try {
            res.pattern = toPat(root);
        } catch (const std::exception&) {
            res.error = Error{0, "number out of range"};
        }
        return res;
    }

private:
    std::string_view s_;
    AtomType type_;
    const Context& ctx_;
    size_t pos_ = 0;
    int seed_ = 0;
    int depth_ = 0;
    std::optional<Error> err_;

    // ------------------------------------------------------------ helpers

    int peek(size_t ahead = 0) const {
        return pos_ + ahead < s_.size() ? static_cast<unsigned char>(s_[pos_ + ahead]) : -1;
    }
    bool startsWith(std::string_view t) const { return s_.substr(pos_, t.size()) == t; }
    std::string where(size_t off) const { return ctx_.where ? ctx_.where(off) : std::to_string(off); }

    St fail(size_t off, std::string msg) {
        if (!err_) err_ = Error{off, std::move(msg)};
        return St::Fail;
    }

    void spaces() {
        while (pos_ < s_.size() && isSpace(static_cast<unsigned char>(s_[pos_]))) ++pos_;
    }

    // Parsec's token white space: blanks, `--` line comments, nested `{- -}` comments.
    St whiteSpace() {
        for (;;) {
            if (pos_ < s_.size() && isSpace(static_cast<unsigned char>(s_[pos_]))) {
                ++pos_;
            } else if (startsWith("--")) {
                while (pos_ < s_.size() && s_[pos_] != '\n') ++pos_;
            } else if (startsWith("{-")) {
                size_t open = pos_;
                pos_ += 2;
                int level = 1;
                while (level > 0) {
                    if (pos_ >= s_.size()) return fail(open, "unterminated comment '{-' opened at " + where(open));
                    if (startsWith("-}")) {
                        --level;
                        pos_ += 2;
                    } else if (startsWith("{-")) {
                        ++level;
                        pos_ += 2;
                    } else {
                        ++pos_;
                    }
                }
            } else {
                return St::Ok;
            }
        }
    }

    St symbol(std::string_view t) {
        if (!startsWith(t)) return St::Empty;
        pos_ += t.size();
        return whiteSpace();
    }

    // The end of the token that ends at pos_ (trailing blanks excluded).
    size_t tokenEnd(size_t start) const {
        size_t e = pos_;
        while (e > start && isSpace(static_cast<unsigned char>(s_[e - 1]))) --e;
        return e;
    }

    std::string wordAt(size_t p) const {
        size_t e = p;
        while (e < s_.size() && isWordChar(static_cast<unsigned char>(s_[e]))) ++e;
        if (e == p) e = p + 1;
        return std::string(s_.substr(p, std::min<size_t>(e - p, 40)));
    }

    // Reports what stopped the parse at pos_, given the enclosing bracket (if any).
    St unexpected(const AtomSpec& spec, char opener, size_t openAt) {
        if (pos_ >= s_.size()) {
            if (opener) return fail(pos_, std::string("unclosed '") + opener + "' opened at " + where(openAt));
            return fail(pos_, "unexpected end of input");
        }
        unsigned char c = static_cast<unsigned char>(s_[pos_]);
        if (isLetter(c) || isDigit(c)) {
            std::string w = wordAt(pos_);
            switch (spec.type) {
                case AtomType::Double:
                case AtomType::Note:
                case AtomType::Time: return fail(pos_, "expected a number, got '" + w + "'");
                case AtomType::Int: return fail(pos_, "expected a whole number, got '" + w + "'");
                case AtomType::Bool: return fail(pos_, "expected t, f, 1 or 0, got '" + w + "'");
                case AtomType::String: break;
            }
        }
        std::string msg = "unexpected '" + std::string(1, char(c)) + "'";
        if (c >= 0x80) msg = "unexpected character";
        if (opener) {
            char closer = opener == '[' ? ']' : opener == '{' ? '}' : opener == '<' ? '>' : ')';
            msg += std::string(", expected '") + closer + "' to close '" + opener + "' opened at " + where(openAt);
        }
        return fail(pos_, msg);
    }

    // ------------------------------------------------------------ numbers (Parsec's token parsers)

    // decimal digits -> (double via correct rounding, exact int64 if it fits)
    struct IntVal {
        double d = 0;
        bool fits = true;
        int64_t i = 0;
    };

    bool digitsRun(size_t& e, int base) const {
        size_t b = e;
        auto ok = [&](unsigned char c) {
            if (base == 10) return isDigit(c);
            if (base == 8) return c >= '0' && c <= '7';
            return bool(std::isxdigit(c));
        };
        while (e < s_.size() && ok(static_cast<unsigned char>(s_[e]))) ++e;
        return e > b;
    }

    IntVal intFrom(size_t b, size_t e, int base) const {
        IntVal v;
        int128_t acc = 0;
        double dacc = 0;
        for (size_t p = b; p < e; ++p) {
            unsigned char c = static_cast<unsigned char>(s_[p]);
            int dv = isDigit(c) ? c - '0' : (std::tolower(c) - 'a' + 10);
            if (v.fits) {
                acc = acc * base + dv;
                if (acc > int128_t(INT64_MAX)) v.fits = false;
            }
            dacc = dacc * base + dv;
        }
        v.i = v.fits ? int64_t(acc) : 0;
        if (base == 10) {
            std::string digits(s_.substr(b, e - b));
            v.d = std::strtod(digits.c_str(), nullptr);
        } else {
            v.d = v.fits ? double(v.i) : dacc;
        }
        return v;
    }

    // Parsec `nat`: 0x.., 0o.., or decimal.
    St nat(IntVal& out) {
        if (peek() == '0') {
            ++pos_;
            int c = peek();
            if (c == 'x' || c == 'X' || c == 'o' || c == 'O') {
                int base = (c == 'x' || c == 'X') ? 16 : 8;
                ++pos_;
                size_t b = pos_, e = pos_;
                if (!digitsRun(e, base)) return fail(pos_, "expected digits after '0" + std::string(1, char(c)) + "'");
                pos_ = e;
                out = intFrom(b, e, base);
                return St::Ok;
            }
            size_t b = pos_, e = pos_;
            if (digitsRun(e, 10)) {
                pos_ = e;
                out = intFrom(b, e, 10);
            } else {
                out = IntVal{};
            }
            return St::Ok;
        }
        size_t b = pos_, e = pos_;
        if (!digitsRun(e, 10)) return St::Empty;
        pos_ = e;
        out = intFrom(b, e, 10);
        return St::Ok;
    }

    // Parsec `integer`: lexeme (lexeme sign, nat).
    St integer(IntVal& out) {
        size_t start = pos_;
        bool neg = false;
        if (peek() == '-' || peek() == '+') {
            neg = peek() == '-';
            ++pos_;
            if (whiteSpace() == St::Fail) return St::Fail;
        }
        St st = nat(out);
        if (st == St::Empty) {
            if (pos_ != start) return fail(pos_, "expected a number after the sign");
            return St::Empty;
        }
        if (st == St::Fail) return st;
        if (neg) {
            out.d = -out.d;
            out.i = -out.i;
        }
        return whiteSpace();
    }

    St natural(IntVal& out) {
        St st = nat(out);
        if (st != St::Ok) return st;
        return whiteSpace();
    }

    // Parsec `float`: lexeme (decimal, then a fraction and/or an exponent).
    St floatTok(double& out) {
        size_t start = pos_, e = pos_;
        if (!digitsRun(e, 10)) return St::Empty;
        pos_ = e;
        bool any = false;
        if (peek() == '.') {
            ++pos_;
            size_t f = pos_;
            if (!digitsRun(f, 10)) return fail(pos_, "expected digits after '.'");
            pos_ = f;
            any = true;
        }
        if (peek() == 'e' || peek() == 'E') {
            ++pos_;
            if (peek() == '+' || peek() == '-') ++pos_;
            size_t f = pos_;
            if (!digitsRun(f, 10)) return fail(pos_, "expected digits in the exponent");
            pos_ = f;
            any = true;
        }
        if (!any) return fail(pos_, "expected a fraction or an exponent");
        std::string txt(s_.substr(start, pos_ - start));
        out = std::strtod(txt.c_str(), nullptr);
        return whiteSpace();
    }

    // try float <|> fromIntegral <$> integer
    St intOrFloat(Num& out) {
        size_t save = pos_;
        double d;
        St st = floatTok(d);
        if (st == St::Ok) {
            out.d = d;
            out.exact = false;
            return St::Ok;
        }
        pos_ = save;
        err_.reset();
        IntVal iv;
        st = integer(iv);
        if (st != St::Ok) return st;
        out.d = iv.d;
        out.exact = iv.fits;
        if (iv.fits) out.r = Rational(iv.i);
        return St::Ok;
    }

    // Tidal's pRatioChar: w h q e s t f x, not followed by a letter.
    bool ratioChar(Num& out) {
        static const struct { char c; int64_t den; } table[] = {{'w', 1}, {'h', 2}, {'q', 4}, {'e', 8},
                                                                 {'s', 16}, {'t', 3}, {'f', 5}, {'x', 6}};
        int c = peek();
        for (const auto& t : table) {
            if (c != t.c) continue;
            int n = peek(1);
            if (n >= 0 && isLetter(static_cast<unsigned char>(n))) return false;
            ++pos_;
            out.d = 1.0 / double(t.den);
            out.exact = true;
            out.r = Rational(1, t.den);
            return true;
        }
        return false;
    }

    static Num applyNeg(Num n) {
        n.d = -n.d;
        if (n.exact) n.r = -n.r;
        return n;
    }

    // Tidal's pRatio: sign, then a number with optional %denominator and ratio letter, or a ratio letter.
    St ratio(Num& out) {
        size_t start = pos_;
        bool neg = false;
        if (peek() == '-' || peek() == '+') {
            neg = peek() == '-';
            ++pos_;
        }
        size_t save = pos_;
        Num n;
        St st = intOrFloat(n);
        if (st != St::Ok) {
            pos_ = save;  // `try`
            err_.reset();
            Num r;
            if (ratioChar(r)) {
                out = neg ? applyNeg(r) : r;
                return St::Ok;
            }
            if (pos_ != start) return fail(pos_, "expected a number after '-'");
            return St::Empty;
        }
        Num v = n;
        if (peek() == '%') {
            size_t at = pos_;
            ++pos_;
            IntVal d;
            St ds = integer(d);
            if (ds == St::Empty) return fail(pos_, "'%' needs a whole number after it");
            if (ds == St::Fail) return ds;
            if (std::floor(n.d) != n.d) return fail(at, "fractions need a whole-number numerator and denominator");
            if (d.i == 0 && d.fits) return fail(at, "a fraction's denominator can't be zero");
            if (!d.fits || !n.exact) return fail(at, "number out of range");
            v.r = Rational(n.r.num(), 1) / Rational(d.i);
            v.exact = true;
            v.d = v.r.toDouble();
        } else if (!n.exact) {
            try {
                v.r = Rational::fromDouble(n.d);
                v.exact = std::isfinite(n.d);
            } catch (const std::exception&) {
                v.exact = false;
            }
        }
        Num rc;
        if (ratioChar(rc)) {
            // Tidal multiplies exact rationals, then rounds once to a double.
            int64_t den = rc.r.den();
            double approx = v.d / double(den);
            if (v.exact) {
                try {
                    v.r = v.r * rc.r;
                    bool small = std::fabs(double(v.r.num())) <= 9007199254740992.0 && v.r.den() <= 9007199254740992LL;
                    v.d = small ? v.r.toDouble() : approx;
                } catch (const std::exception&) {
                    v.exact = false;
                    v.d = approx;
                }
            } else {
                v.d = approx;
            }
        }
        out = neg ? applyNeg(v) : v;
        return St::Ok;
    }

    // Tidal's parseNote: letter, modifiers, optional octave.
    St note(double& out) {
        static const int base[7] = {9, 11, 0, 2, 4, 5, 7};
        int c = peek();
        if (c < 'a' || c > 'g') return St::Empty;
        ++pos_;
        int64_t n = base[c - 'a'];
        for (;;) {
            int m = peek();
            if (m == 's') n += 1;
            else if (m == 'f') n -= 1;
            else if (m == 'n') {}
            else break;
            ++pos_;
        }
        double octave = 5;
        IntVal iv;
        St st = natural(iv);
        if (st == St::Fail) return st;
        if (st == St::Ok) octave = iv.d;
        out = double(n) + (octave - 5) * 12;
        return St::Ok;
    }

    // Tidal's parseChord: 'name, then optionally 'range, inversions (i) and open voicing (o).
    St chord(std::vector<double>& out) {
        if (peek() != '\'') return St::Empty;
        ++pos_;
        size_t nb = pos_;
        while (pos_ < s_.size() && (isLetter(static_cast<unsigned char>(s_[pos_])) || isDigit(static_cast<unsigned char>(s_[pos_]))))
            ++pos_;
        if (pos_ == nb) return fail(pos_, "expected a chord name after '");
        std::string name(s_.substr(nb, pos_ - nb));
        auto found = chordNotes(name);
        std::vector<double> ch = found ? *found : std::vector<double>{0};
        if (peek() != '\'') {
            out = ch;
            return St::Ok;
        }
        size_t at = pos_;
        ++pos_;
        if (pos_ < s_.size() && isSpace(static_cast<unsigned char>(s_[pos_])))
            return fail(pos_, "expected a chord range or 'i' or 'o' after '");
        int64_t n = int64_t(ch.size());
        int64_t count = n;
        IntVal iv;
        St st = integer(iv);
        if (st == St::Fail) return st;
        if (st == St::Ok) {
            if (!iv.fits || iv.i > 4096) return fail(at, "chord range too large (at most 4096 notes)");
            count = iv.i;
        }
        int64_t drop = 0, open = 0;
        while (peek() == 'i') ++pos_, ++drop;
        while (peek() == 'o') ++pos_, ++open;
        std::vector<double> notes;
        for (int64_t k = drop; k < drop + count; ++k) {
            int64_t octave = k / n, idx = k % n;
            notes.push_back(ch[size_t(idx)] + double(12 * octave));
        }
        if (open > 0 && n > 2) {
            if (notes.size() < 3) return fail(at, "an open chord needs at least three notes");
            std::vector<double> o{notes[0] - 12, notes[2] - 12, notes[1]};
            for (size_t k = 3; k < notes.size(); ++k) o.push_back(notes[k]);
            notes = o;
        }
        out = notes;
        return St::Ok;
    }

    // ------------------------------------------------------------ atoms

    Node atomNode(Value v, size_t off, size_t end) {
        Node n = make(K::Atom);
        n.value = std::move(v);
        n.off = off;
        n.len = end - off;
        return n;
    }

    Value numberValue(AtomType t, double d) const {
        switch (t) {
            case AtomType::Note: return Value::note(d);
            case AtomType::Int: return Value::integer(int64_t(d));
            default: return Value::dbl(d);
        }
    }

    Node chordNode(AtomType t, const std::vector<double>& notes, double root, size_t off, size_t end) {
        Node st = make(K::Stack);
        for (double x : notes) st.kids.push_back(atomNode(numberValue(t, x + root), off, end));
        return st;
    }

    // pDouble / pNote / pIntegral: sign, number or note name, optional chord; or a bare chord.
    St numeric(AtomType t, Node& out) {
        size_t start = pos_;
        bool neg = false;
        if (peek() == '-' || peek() == '+') {
            neg = peek() == '-';
            ++pos_;
        }
        double v = 0;
        St st;
        if (t == AtomType::Double) {
            Num r;
            st = ratio(r);
            if (st == St::Ok) v = r.d;
        } else {
            Num r;
            st = intOrFloat(r);
            if (st == St::Ok) v = r.d;
        }
        if (st == St::Empty) {
            double nv;
            st = note(nv);
            if (st == St::Ok) v = nv;
        }
        if (st == St::Fail) return st;
        if (st == St::Ok) {
            if (neg) v = -v;
            if (t == AtomType::Int) {
                if (v != std::round(v)) return fail(start, "expected a whole number, got " + std::string(s_.substr(start, pos_ - start)));
                if (!(std::fabs(v) < 9.2e18)) return fail(start, "number out of range");
                v = std::round(v);
            }
            std::vector<double> notes;
            St cs = chord(notes);
            if (cs == St::Fail) return cs;
            if (cs == St::Ok) {
                out = chordNode(t, notes, v, start, tokenEnd(start));
                return St::Ok;
            }
            out = atomNode(numberValue(t, v), start, tokenEnd(start));
            return St::Ok;
        }
        // the first alternative failed without consuming (pos_ may have moved past a sign)
        if (pos_ != start) return fail(pos_, "expected a number after '-'");
        std::vector<double> notes;
        St cs = chord(notes);
        if (cs == St::Fail) return cs;
        if (cs == St::Ok) {
            out = chordNode(t, notes, 0, start, tokenEnd(start));
            return St::Ok;
        }
        if (t == AtomType::Note) {
            Num r;
            St rs = ratio(r);
            if (rs != St::Ok) return rs;
            out = atomNode(Value::note(r.d), start, tokenEnd(start));
            return St::Ok;
        }
        return St::Empty;
    }

    St atom(const AtomSpec& spec, Node& out) {
        size_t start = pos_;
        St st = St::Empty;
        switch (spec.type) {
            case AtomType::String: {
                int c = peek();
                if (c >= 0 && (isLetter(static_cast<unsigned char>(c)) || isDigit(static_cast<unsigned char>(c)))) {
                    ++pos_;
                    while (pos_ < s_.size() && isWordChar(static_cast<unsigned char>(s_[pos_]))) ++pos_;
                    out = atomNode(Value::string(s_.substr(start, pos_ - start)), start, pos_);
                    st = St::Ok;
                }
                break;
            }
            case AtomType::Bool: {
                int c = peek();
                if (c == 't' || c == '1' || c == 'f' || c == '0') {
                    ++pos_;
                    out = atomNode(Value::boolean(c == 't' || c == '1'), start, pos_);
                    st = St::Ok;
                }
                break;
            }
            case AtomType::Time: {
                Num r;
                st = ratio(r);
                if (st == St::Ok) {
                    if (!r.exact) return fail(start, "number out of range");
                    out = atomNode(Value::rational(r.r), start, tokenEnd(start));
                }
                break;
            }
            default: st = numeric(spec.type, out); break;
        }
        if (st != St::Empty || !spec.rest) return st;
        if (peek() == '~') {
            ++pos_;
            if (whiteSpace() == St::Fail) return St::Fail;
            out = make(K::Silence);
            return St::Ok;
        }
        return St::Empty;
    }

    // ------------------------------------------------------------ structure

    // A speed factor or count written in the text must stay within limits.
    St checkFactor(const Node& n, bool slowFactor) {
        if (n.kind == K::Atom) {
            double v = std::fabs(n.value.asDouble());
            if (v > kMaxFactor) return fail(n.off, "factor too large: " + std::string(s_.substr(n.off, n.len)) + " (at most 1e6)");
            if (slowFactor && v != 0 && v < 1 / kMaxFactor)
                return fail(n.off, "factor too small: " + std::string(s_.substr(n.off, n.len)) + " (at least 1e-6)");
            return St::Ok;
        }
        for (const Node& k : n.kids)
            if (checkFactor(k, slowFactor) == St::Fail) return St::Fail;
        if (n.steprate && checkFactor(*n.steprate, slowFactor) == St::Fail) return St::Fail;
        return St::Ok;
    }

    St sequence(const AtomSpec& spec, Node& out) {
        if (++depth_ > kMaxNesting) return fail(pos_, "nesting deeper than 200 levels");
        St st = sequenceBody(spec, out);
        --depth_;
        return st;
    }

    St sequenceBody(const AtomSpec& spec, Node& out) {
        spaces();
        std::vector<Node> items;
        for (;;) {
            Node a;
            size_t itemStart = pos_;
            St st = part(spec, a);
            if (st == St::Fail) return st;
            if (st == St::Empty) {
                if (peek() == '.') {
                    Node foot = make(K::Foot);
                    foot.off = pos_;
                    ++pos_;
                    if (whiteSpace() == St::Fail) return St::Fail;
                    items.push_back(std::move(foot));
                    continue;
                }
                break;
            }
            spaces();
            if (startsWith("..")) {
                size_t at = pos_;
                pos_ += 2;
                if (whiteSpace() == St::Fail) return St::Fail;
                Node b;
                St bs = part(spec, b);
                if (bs == St::Fail) return bs;
                if (bs == St::Empty) return fail(pos_, "'..' needs a value after it");
                if (spec.type != AtomType::String && spec.type != AtomType::Bool) {
                    if (checkFactor(a, false) == St::Fail || checkFactor(b, false) == St::Fail) {
                        err_->message = "range bound too large (at most 1e6) in '..' at " + where(at);
                        return St::Fail;
                    }
                }
                Node r = make(K::Range);
                r.off = itemStart;
                r.kids.push_back(std::move(a));
                r.kids.push_back(std::move(b));
                items.push_back(std::move(r));
                continue;
            }
            if (peek() == '@' || peek() == '_') {
                Time total(1);
                while (peek() == '@' || peek() == '_') {
                    ++pos_;
                    Num r;
                    St rs = ratio(r);
                    if (rs == St::Fail) return rs;
                    if (rs == St::Ok) {
                        if (!r.exact) return fail(pos_, "number out of range");
                        total += r.r - Time(1);
                    } else {
                        total += Time(1);
                    }
                    spaces();
                }
                Node e = wrap(K::Elongate, std::move(a));
                e.weight = total;
                items.push_back(std::move(e));
                continue;
            }
            if (peek() == '!') {
                int64_t total = 1;
                while (peek() == '!') {
                    ++pos_;
                    size_t b = pos_, e = pos_;
                    if (digitsRun(e, 10)) {
                        IntVal iv = intFrom(b, e, 10);
                        if (!iv.fits || iv.i > int64_t(kMaxFactor)) return fail(b, "too many repetitions: !" + std::string(s_.substr(b, e - b)) + " (at most 1e6)");
                        pos_ = e;
                        total += iv.i - 1;
                    } else {
                        total += 1;
                    }
                    if (total > int64_t(kMaxFactor)) return fail(b, "too many repetitions (at most 1e6)");
                    spaces();
                }
                Node r = wrap(K::Repeat, std::move(a));
                r.count = total;
                items.push_back(std::move(r));
                continue;
            }
            items.push_back(std::move(a));
        }
        // feet
        // Tidal's splitFeet: each '.' ends a group; a trailing '.' starts none.
        std::vector<std::vector<Node>> feet;
        for (size_t i = 0; i < items.size();) {
            std::vector<Node> cur;
            while (i < items.size() && items[i].kind != K::Foot) cur.push_back(items[i++]);
            if (i < items.size()) ++i;
            feet.push_back(std::move(cur));
        }
        Node seq = make(K::Seq);
        if (feet.size() > 1) {
            for (auto& f : feet) {
                Node fs = make(K::Seq);
                fs.kids = std::move(f);
                seq.kids.push_back(std::move(fs));
            }
        } else {
            seq.kids = std::move(items);
        }
        return randSuffix(std::move(seq), out);
    }

    // pRand: `?` with an optional probability.
    St randSuffix(Node thing, Node& out) {
        if (peek() != '?') {
            out = std::move(thing);
            return St::Ok;
        }
        ++pos_;
        double amount = 0.5;
        double f;
        St st = floatTok(f);
        if (st == St::Fail) {
            err_->message = "'?' takes a decimal probability such as ?0.3";
            return st;
        }
        if (st == St::Ok) amount = f;
        spaces();
        Node d = wrap(K::Degrade, std::move(thing));
        d.amount = amount;
        d.seed = seed_++;
        out = std::move(d);
        return St::Ok;
    }

    // pMult: `*` or `/` with a number, a [sequence] or a {polymeter}/<alternation>.
    St multSuffix(Node thing, Node& out) {
        int c = peek();
        if (c != '*' && c != '/') {
            out = std::move(thing);
            return St::Ok;
        }
        size_t at = pos_;
        ++pos_;
        spaces();
        AtomSpec rat{AtomType::Time, false};
        Node factor;
        St st = atom(rat, factor);
        if (st == St::Empty) st = polyIn(rat, factor);
        if (st == St::Empty) st = polyOut(rat, factor);
        if (st == St::Fail) return st;
        if (st == St::Empty) return fail(at, std::string("'") + char(c) + "' needs a number after it");
        if (checkFactor(factor, c == '/') == St::Fail) return St::Fail;
        Node m = make(c == '*' ? K::Fast : K::Slow);
        m.kids.push_back(std::move(factor));
        m.kids.push_back(std::move(thing));
        out = std::move(m);
        return St::Ok;
    }

    St single(const AtomSpec& spec, Node& out) {
        Node a;
        St st = atom(spec, a);
        if (st != St::Ok) return st;
        Node r;
        if ((st = randSuffix(std::move(a), r)) != St::Ok) return st;
        return multSuffix(std::move(r), out);
    }

    St var(Node& out) {
        if (peek() != '^') return St::Empty;
        size_t start = pos_;
        ++pos_;
        while (pos_ < s_.size() && isWordChar(static_cast<unsigned char>(s_[pos_]))) ++pos_;
        out = make(K::Var);
        out.off = start;
        out.len = pos_ - start;
        return St::Ok;
    }

    St part(const AtomSpec& spec, Node& out) {
        Node x;
        St st = single(spec, x);
        if (st == St::Empty) st = polyIn(spec, x);
        if (st == St::Empty) st = polyOut(spec, x);
        if (st == St::Empty) st = var(x);
        if (st != St::Ok) return st;
        Node e;
        if ((st = euclidSuffix(std::move(x), e)) != St::Ok) return st;
        return randSuffix(std::move(e), out);
    }

    St closing(const AtomSpec& spec, std::string_view closer, char opener, size_t openAt) {
        St st = symbol(closer);
        if (st == St::Empty) return unexpected(spec, opener, openAt);
        return st;
    }

    // `[ ]` with `,` (stack) or `|` (random choice), then pMult.
    St polyIn(const AtomSpec& spec, Node& out) {
        if (peek() != '[') return St::Empty;
        size_t openAt = pos_;
        if (symbol("[") == St::Fail) return St::Fail;
        Node first;
        St st = sequence(spec, first);
        if (st != St::Ok) return St::Fail;
        Node x;
        if (peek() == ',' || peek() == '|') {
            char sep = char(peek());
            Node group = make(sep == ',' ? K::Stack : K::Choose);
            group.kids.push_back(std::move(first));
            while (peek() == sep) {
                if (symbol(std::string_view(&sep, 1)) == St::Fail) return St::Fail;
                Node s;
                if (sequence(spec, s) != St::Ok) return St::Fail;
                group.kids.push_back(std::move(s));
            }
            if (sep == '|') group.seed = seed_++;
            x = std::move(group);
        } else {
            x = std::move(first);
        }
        if (closing(spec, "]", '[', openAt) != St::Ok) return St::Fail;
        return multSuffix(std::move(x), out);
    }

    St sepByComma(const AtomSpec& spec, std::vector<Node>& out) {
        Node s;
        if (sequence(spec, s) != St::Ok) return St::Fail;
        out.push_back(std::move(s));
        while (peek() == ',') {
            if (symbol(",") == St::Fail) return St::Fail;
            Node t;
            if (sequence(spec, t) != St::Ok) return St::Fail;
            out.push_back(std::move(t));
        }
        return St::Ok;
    }

    // `{ }` with optional `%steps`, and `< >`, then pMult.
    St polyOut(const AtomSpec& spec, Node& out) {
        int c = peek();
        if (c != '{' && c != '<') return St::Empty;
        size_t openAt = pos_;
        if (symbol(c == '{' ? "{" : "<") == St::Fail) return St::Fail;
        Node poly = make(K::Poly);
        if (sepByComma(spec, poly.kids) != St::Ok) return St::Fail;
        if (closing(spec, c == '{' ? "}" : ">", char(c), openAt) != St::Ok) return St::Fail;
        if (c == '{') {
            if (peek() == '%') {
                ++pos_;
                Node steps;
                if (sequence(AtomSpec{AtomType::Time, false}, steps) != St::Ok) return St::Fail;
                if (checkFactor(steps, false) == St::Fail) return St::Fail;
                poly.steprate = std::make_shared<Node>(std::move(steps));
            }
        } else {
            Node one = atomNode(Value::rational(Time(1)), openAt, openAt);
            one.len = 0;
            poly.steprate = std::make_shared<Node>(std::move(one));
        }
        return multSuffix(std::move(poly), out);
    }

    // pE: `(n,k)` or `(n,k,rotation)`, each a sequence of whole numbers.
    St euclidSuffix(Node thing, Node& out) {
        if (peek() != '(') {
            out = std::move(thing);
            return St::Ok;
        }
        size_t openAt = pos_;
        if (symbol("(") == St::Fail) return St::Fail;
        if (++depth_ > kMaxNesting) return fail(pos_, "nesting deeper than 200 levels");
        AtomSpec ints{AtomType::Int, false};
        Node n, k, r;
        if (sequence(ints, n) != St::Ok) return St::Fail;
        spaces();
        if (peek() != ',') {
            if (pos_ >= s_.size()) return fail(pos_, "unclosed '(' opened at " + where(openAt));
            return fail(pos_, "expected ',' in the euclidean rhythm opened at " + where(openAt));
        }
        if (symbol(",") == St::Fail) return St::Fail;
        spaces();
        if (sequence(ints, k) != St::Ok) return St::Fail;
        if (peek() == ',') {
            if (symbol(",") == St::Fail) return St::Fail;
            spaces();
            if (sequence(ints, r) != St::Ok) return St::Fail;
        } else {
            r = atomNode(Value::integer(0), openAt, openAt);
            r.len = 0;
        }
        if (closing(ints, ")", '(', openAt) != St::Ok) return St::Fail;
        --depth_;
        for (const Node* a : {&n, &k, &r})
            if (checkFactor(*a, false) == St::Fail) return St::Fail;
        Node e = make(K::Euclid);
        e.kids.push_back(std::move(n));
        e.kids.push_back(std::move(k));
        e.kids.push_back(std::move(r));
        e.kids.push_back(std::move(thing));
        out = std::move(e);
        return St::Ok;
    }

    // A '.' left inside a sequence (only a trailing one can be) makes Tidal fail
    // when the pattern is queried; report it now instead.
    bool checkFeet(const Node& n) {
        if (n.kind == K::Foot) {
            err_ = Error{n.off, "'.' must be followed by more steps"};
            return false;
        }
        for (const Node& k : n.kids)
            if (!checkFeet(k)) return false;
        if (n.steprate && !checkFeet(*n.steprate)) return false;
        return true;
    }

    // ------------------------------------------------------------ to patterns

    Pattern atomPattern(const Node& n) const {
        if (!ctx_.locate) return pure(n.value);
        return pure(n.value, SourceRefs{ctx_.locate(n.off, n.len), 0});
    }

    // A constant whole number of steps per cycle, as in `a*2` or `{…}%8`.
    static bool isWholeStepCount(const Node& n) {
        if (n.kind == K::Seq) return n.kids.size() == 1 && isWholeStepCount(n.kids[0]);
        if (n.kind != K::Atom || !n.value.isNumeric()) return false;
        Time t = n.value.asRational();
        return t.den() == 1 && t.num() >= 1;
    }

    // True when every event's whole lies inside one cycle. For such steps Tidal's
    // timecat of equal weights (compress, i.e. fastGap) and fastcat give identical
    // events; they differ only for wholes that cross a cycle, which fastGap
    // re-bases per cycle. fastcat needs half the time arithmetic.
    static bool respectsCycles(const Node& n) {
        switch (n.kind) {
            case K::Atom:
            case K::Silence:
            case K::Var:
            case K::Foot: return true;
            case K::Repeat:
            case K::Degrade: return respectsCycles(n.kids[0]);
            case K::Elongate: return n.weight == Time(1) && respectsCycles(n.kids[0]);
            case K::Seq:
            case K::Stack:
            case K::Choose:
                for (const Node& k : n.kids)
                    if (!respectsCycles(k)) return false;
                return true;
            case K::Fast: return isWholeStepCount(n.kids[0]) && respectsCycles(n.kids[1]);
            case K::Poly:
                // Every sequence is played at the same step length, 1/steprate cycles.
                if (n.steprate && !isWholeStepCount(*n.steprate)) return false;
                for (const Node& k : n.kids)
                    if (!respectsCycles(k)) return false;
                return true;
            case K::Slow:
            case K::Euclid:
            case K::Range: return false;
        }
        return false;
    }

    std::pair<Time, Pattern> resolveSeq(const std::vector<Node>& xs) const {
        bool unitSteps = true;
        for (const Node& x : xs) unitSteps = unitSteps && respectsCycles(x);
        if (unitSteps) {
            std::vector<Pattern> steps;
            for (const Node& x : xs) {
                Pattern p = toPat(x.kind == K::Elongate || x.kind == K::Repeat ? x.kids[0] : x);
                for (int64_t i = 0; i < (x.kind == K::Repeat ? x.count : 1); ++i) steps.push_back(p);
            }
            Time total(int64_t(steps.size()));
            return {total, fastcat(std::move(steps))};
        }
        std::vector<std::pair<Time, Pattern>> sized;
        Time total(0);
        for (const Node& x : xs) {
            if (x.kind == K::Elongate) {
                sized.emplace_back(x.weight, toPat(x.kids[0]));
                total += x.weight;
            } else if (x.kind == K::Repeat) {
                Pattern p = toPat(x.kids[0]);
                for (int64_t i = 0; i < x.count; ++i) sized.emplace_back(Time(1), p);
                total += Time(x.count);
            } else {
                sized.emplace_back(Time(1), toPat(x));
                total += Time(1);
            }
        }
        return {total, timecat(std::move(sized))};
    }

    std::pair<Time, Pattern> resolveSteps(const Node& n) const {
        if (n.kind == K::Seq) return resolveSeq(n.kids);
        return {Time(1), toPat(n)};
    }

    Pattern toPat(const Node& n) const {
        switch (n.kind) {
            case K::Atom: return atomPattern(n);
            case K::Silence:
            case K::Var:
            case K::Foot: return silence();
            case K::Fast:
            case K::Slow: {
                Pattern thing = toPat(n.kids[1]);
                bool isFast = n.kind == K::Fast;
                return tParam(toPat(n.kids[0]), [thing, isFast](const Value& v) {
                    Time r = v.asRational();
                    return isFast ? fast(r, thing) : slow(r, thing);
                });
            }
            case K::Degrade: return random::degradeByShifted(Time(n.seed, 10000), n.amount, toPat(n.kids[0]));
            case K::Choose: {
                std::vector<Pattern> ps;
                for (const Node& k : n.kids) ps.push_back(toPat(k));
                return random::cycleChooseSeeded(n.seed, std::move(ps));
            }
            case K::Euclid: return euclid(n);
            case K::Stack: {
                std::vector<Pattern> ps;
                for (const Node& k : n.kids) ps.push_back(toPat(k));
                return stack(std::move(ps));
            }
            case K::Seq: return resolveSeq(n.kids).second;
            case K::Elongate:
            case K::Repeat: return toPat(n.kids[0]);
            case K::Range: return range(n);
            case K::Poly: {
                std::vector<std::pair<Time, Pattern>> pats;
                for (const Node& k : n.kids) pats.push_back(resolveSteps(k));
                Pattern steprate = n.steprate ? toPat(*n.steprate)
                                              : pure(Value::rational(pats.empty() ? Time(0) : pats[0].first));
                std::vector<Pattern> out;
                for (auto& [sz, pat] : pats) {
                    Time size = sz;
                    Pattern p = pat;
                    out.push_back(tParam(steprate, [size, p](const Value& v) {
                        if (size == Time(0)) return silence();  // Tidal divides by zero here
                        return fast(v.asRational() / size, p);
                    }));
                }
                return stack(std::move(out));
            }
        }
        return silence();
    }

    static std::vector<bool> bjorklund(int64_t n, int64_t k) {
        using Seqs = std::vector<std::vector<bool>>;
        int64_t i = n, j = k - n;
        Seqs xs(size_t(std::max<int64_t>(i, 0)), std::vector<bool>{true});
        Seqs ys(size_t(std::max<int64_t>(j, 0)), std::vector<bool>{false});
        while (std::min(i, j) > 1) {
            if (i > j) {
                // left: the first j of xs take the ys; the rest of xs become the new ys
                size_t cut = std::min<size_t>(size_t(j), xs.size());
                Seqs nx, ny(xs.begin() + long(cut), xs.end());
                for (size_t a = 0; a < cut && a < ys.size(); ++a) {
                    auto v = xs[a];
                    v.insert(v.end(), ys[a].begin(), ys[a].end());
                    nx.push_back(std::move(v));
                }
                xs = std::move(nx);
                ys = std::move(ny);
                int64_t ni = j, nj = i - j;
                i = ni;
                j = nj;
            } else {
                size_t cut = std::min<size_t>(size_t(i), ys.size());
                Seqs nx, ny(ys.begin() + long(cut), ys.end());
                for (size_t a = 0; a < xs.size() && a < cut; ++a) {
                    auto v = xs[a];
                    v.insert(v.end(), ys[a].begin(), ys[a].end());
                    nx.push_back(std::move(v));
                }
                xs = std::move(nx);
                ys = std::move(ny);
                j = j - i;
            }
        }
        std::vector<bool> out;
        for (auto& v : xs) out.insert(out.end(), v.begin(), v.end());
        for (auto& v : ys) out.insert(out.end(), v.begin(), v.end());
        return out;
    }

    Pattern euclid(const Node& n) const {
        Pattern pn = toPat(n.kids[0]), pk = toPat(n.kids[1]), ps = toPat(n.kids[2]);
        Pattern thing = toPat(n.kids[3]);
        bool boolean = type_ == AtomType::Bool;
        auto make = [thing, boolean](int64_t en, int64_t ek, int64_t es) -> Pattern {
            if (ek == 0) return silence();
            std::vector<bool> bits = bjorklund(en, ek);
            Pattern base;
            if (boolean) {
                std::vector<Pattern> steps;
                for (bool b : bits) steps.push_back(pure(Value::boolean(b)));
                base = appBoth(fastcat(std::move(steps)), thing, [](const Value& a, const Value& b) {
                    return b.asBool() ? a : Value::boolean(!a.asBool());
                });
            } else {
                std::vector<Pattern> steps;
                for (bool b : bits) steps.push_back(b ? thing : silence());
                base = fastcat(std::move(steps));
            }
            return rotL(Time(es, ek), base);
        };
        if (pn.constant() && pk.constant() && ps.constant())
            return splitQueries(make(pn.constant()->asInt(), pk.constant()->asInt(), ps.constant()->asInt()));
        static const Symbol kN("\x01" "en"), kK("\x01" "ek"), kS("\x01" "es");
        Pattern nk = appBoth(pn, pk, [](const Value& a, const Value& b) { return Value::map({{kN, a}, {kK, b}}); });
        Pattern nks = appBoth(nk, ps, [](const Value& a, const Value& b) {
            return Value::map({{kN, *a.find(kN)}, {kK, *a.find(kK)}, {kS, b}});
        });
        return innerBind(nks, [make](const Value& v) {
            return make(v.find(kN)->asInt(), v.find(kK)->asInt(), v.find(kS)->asInt());
        });
    }

    // fastFromList of n values computed on demand.
    static Pattern steps(int64_t n, std::function<Value(int64_t)> at, SourceRefs refs = {}) {
        if (n <= 0) return silence();
        Time nT(n);
        return Pattern([n, nT, at = std::move(at), refs](const State& st, Events& out) {
            Span scaled{st.span.begin * nT, st.span.end * nT};
            forEachCycle(scaled, [&](const Span& part) {
                int64_t k = part.begin.floorInt();
                int64_t i = ((k % n) + n) % n;
                Time kb(k);
                chargeEvents(1);
                out.push_back(Event{Span{kb / nT, (kb + 1) / nT}, Span{part.begin / nT, part.end / nT}, at(i), refs});
            });
        });
    }

    static Pattern fromTo(AtomType type, const Value& a, const Value& b, SourceRefs refs = {}) {
        switch (type) {
            case AtomType::String:
            case AtomType::Bool: return fastcat({pure(a), pure(b)});
            case AtomType::Int: {
                int64_t x = a.asInt(), y = b.asInt();
                if (x <= y) return steps(y - x + 1, [x](int64_t i) { return Value::integer(x + i); }, refs);
                return steps(x - y + 1, [x](int64_t i) { return Value::integer(x - i); }, refs);
            }
            case AtomType::Time: {
                Rational x = a.asRational(), y = b.asRational();
                bool rev = x > y;
                Rational lo = rev ? y : x, hi = rev ? x : y;
                Rational lim = hi + Rational(1, 2);
                int64_t count = (lim - lo).floorInt() + 1;
                if (count <= 0) return silence();
                if (!rev) return steps(count, [lo](int64_t i) { return Value::rational(lo + Rational(i)); }, refs);
                return steps(count, [lo, count](int64_t i) { return Value::rational(lo + Rational(count - 1 - i)); }, refs);
            }
            default: {
                double x = a.asDouble(), y = b.asDouble();
                bool rev = x > y;
                double lo = rev ? y : x, hi = rev ? x : y;
                double lim = hi + 0.5;
                std::vector<double> vals;
                for (double k = 0;; k += 1) {
                    double v = lo + k;
                    if (!(v <= lim) || vals.size() > 4000000) break;
                    vals.push_back(v);
                }
                if (rev) std::reverse(vals.begin(), vals.end());
                bool isNote = type == AtomType::Note;
                auto shared = std::make_shared<std::vector<double>>(std::move(vals));
                return steps(int64_t(shared->size()), [shared, isNote](int64_t i) {
                    double v = (*shared)[size_t(i)];
                    return isNote ? Value::note(v) : Value::dbl(v);
                }, refs);
            }
        }
    }

    Pattern range(const Node& n) const {
        static const Symbol kA("\x01" "ra"), kB("\x01" "rb");
        Pattern pa = toPat(n.kids[0]), pb = toPat(n.kids[1]);
        // Constant ends (`0 .. 7`): the join is the identity on fromTo's steps, which
        // stay inside their cycle, so build them once instead of on every query.
        if (pa.constant() && pb.constant()) {
            SourceRefs refs;
            if (ctx_.locate && n.kids[0].kind == K::Atom && n.kids[1].kind == K::Atom)
                refs = {ctx_.locate(n.kids[0].off, n.kids[0].len), ctx_.locate(n.kids[1].off, n.kids[1].len)};
            return fromTo(type_, *pa.constant(), *pb.constant(), refs);
        }
        Pattern pairs = appBoth(pa, pb, [](const Value& a, const Value& b) { return Value::map({{kA, a}, {kB, b}}); });
        AtomType type = type_;
        return bind(pairs, [type](const Value& v) { return fromTo(type, *v.find(kA), *v.find(kB)); });
    }
};

}  // namespace

Result parse(std::string_view text, AtomType type, const Context& ctx) {
    try {
        Parser p(text, type, ctx);
        return p.run();
    } catch (const std::exception& e) {
        Result r;
        r.error = Error{0, std::string("could not parse: ") + e.what()};
        return r;
    }
}

}  // namespace seiche::mini
