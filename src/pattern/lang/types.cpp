#include "pattern/lang/types.hpp"

#include <atomic>
#include <cctype>
#include <map>
#include <stdexcept>

namespace seiche::lang {
namespace {

std::atomic<int> nextVarId{0};

bool isBase(const TypeRef& t, std::initializer_list<const char*> names) {
    if (t->kind != Type::Con) return false;
    for (const char* n : names)
        if (t->name == n) return true;
    return false;
}

// Does the (resolved, non-variable) type t belong to class c? Pattern instances
// push the class down to the element type, which is returned in `inner`.
bool member(const TypeRef& t, const std::string& c, TypeRef& inner) {
    inner = nullptr;
    if (t->kind == Type::Con && t->name == "Pattern") {
        if (c == "Parseable" || c == "Integral" || c == "Enum") return false;
        if (c == "Str") {  // a string literal as a pattern: its elements must be parseable
            inner = t->args[0];
            return true;
        }
        inner = t->args[0];
        return true;  // Num, Fractional, Floating, Moddable, Real: instance via the element
    }
    if (c == "Str") return isBase(t, {"String"});
    // ValueMap: Tidal reads a string used as a control pattern as `sound "..."`.
    if (c == "Parseable") return isBase(t, {"String", "Double", "Int", "Time", "Bool", "Note", "ValueMap"});
    if (c == "Num" || c == "Moddable") return isBase(t, {"Double", "Int", "Time", "Note", "ValueMap"});
    if (c == "Fractional") return isBase(t, {"Double", "Time", "Note", "ValueMap"});
    if (c == "Floating") return isBase(t, {"Double", "Note"});
    if (c == "Integral") return isBase(t, {"Int"});
    if (c == "Real" || c == "Enum") return isBase(t, {"Double", "Int", "Time", "Note"});
    if (c == "Ord") return isBase(t, {"Double", "Int", "Time", "Note", "String", "Bool", "ValueMap"});
    return true;
}

std::string classWord(const std::string& c) {
    if (c == "Num" || c == "Real" || c == "Moddable" || c == "Enum") return "a number";
    if (c == "Fractional" || c == "Floating") return "a fractional number";
    if (c == "Integral") return "a whole number";
    if (c == "Str" || c == "Parseable") return "something a string can describe";
    if (c == "Ord") return "something that can be compared";
    return c;
}

bool occurs(const TypeRef& v, const TypeRef& t) {
    TypeRef r = resolve(t);
    if (r == v) return true;
    for (auto& a : r->args)
        if (occurs(v, a)) return true;
    return false;
}

std::string addConstraint(const TypeRef& t, const std::string& c);

std::string bindVar(const TypeRef& v, const TypeRef& t) {
    if (occurs(v, t)) return "a type that contains itself";
    v->link = t;
    for (const auto& c : v->constraints) {
        std::string err = addConstraint(t, c);
        if (!err.empty()) return err;
    }
    return {};
}

std::string addConstraint(const TypeRef& t0, const std::string& c) {
    TypeRef t = resolve(t0);
    if (t->kind == Type::Var) {
        t->constraints.insert(c == "Str" ? "Str" : c);
        return {};
    }
    TypeRef inner;
    if (!member(t, c, inner)) return describe(t) + " is not " + classWord(c);
    if (inner) return addConstraint(inner, c == "Str" ? "Parseable" : c);
    return {};
}

}  // namespace

TypeRef tvar(std::set<std::string> constraints) {
    auto t = std::make_shared<Type>();
    t->kind = Type::Var;
    t->id = ++nextVarId;
    t->constraints = std::move(constraints);
    return t;
}
TypeRef tcon(const std::string& name) {
    auto t = std::make_shared<Type>();
    t->kind = Type::Con;
    t->name = name;
    return t;
}
TypeRef tpattern(TypeRef elem) {
    auto t = tcon("Pattern");
    t->args.push_back(std::move(elem));
    return t;
}
TypeRef tfun(TypeRef from, TypeRef to) {
    auto t = std::make_shared<Type>();
    t->kind = Type::Fun;
    t->args = {std::move(from), std::move(to)};
    return t;
}
TypeRef tlist(TypeRef elem) {
    auto t = std::make_shared<Type>();
    t->kind = Type::List;
    t->args = {std::move(elem)};
    return t;
}
TypeRef ttuple(std::vector<TypeRef> items) {
    auto t = std::make_shared<Type>();
    t->kind = Type::Tuple;
    t->args = std::move(items);
    return t;
}

TypeRef resolve(TypeRef t) {
    while (t->kind == Type::Var && t->link) t = t->link;
    return t;
}

bool isPattern(const TypeRef& t) { return isCon(t, "Pattern"); }
bool isCon(const TypeRef& t, const std::string& name) {
    TypeRef r = resolve(t);
    return r->kind == Type::Con && r->name == name;
}

std::string unify(const TypeRef& a0, const TypeRef& b0) {
    TypeRef a = resolve(a0), b = resolve(b0);
    if (a == b) return {};
    if (a->kind == Type::Var) {
        if (b->kind == Type::Var) {
            for (const auto& c : a->constraints) b->constraints.insert(c);
            a->link = b;
            return {};
        }
        return bindVar(a, b);
    }
    if (b->kind == Type::Var) return bindVar(b, a);
    if (a->kind != b->kind || a->name != b->name || a->args.size() != b->args.size())
        return "expected " + describe(a) + ", got " + describe(b);
    for (size_t i = 0; i < a->args.size(); ++i) {
        std::string err = unify(a->args[i], b->args[i]);
        if (!err.empty()) return err;
    }
    return {};
}

namespace {

class SigParser {
public:
    explicit SigParser(const std::string& s) : s_(s) {}

    TypeRef parse() {
        // Optional constraints: "Num a =>" or "(Num a, Ord b) =>".
        size_t arrow = s_.find("=>");
        if (arrow != std::string::npos) {
            std::string ctx = s_.substr(0, arrow);
            for (char& ch : ctx)
                if (ch == '(' || ch == ')' || ch == ',') ch = ' ';
            std::vector<std::string> words;
            std::string w;
            for (char ch : ctx + " ") {
                if (std::isspace(static_cast<unsigned char>(ch))) {
                    if (!w.empty()) words.push_back(w);
                    w.clear();
                } else {
                    w += ch;
                }
            }
            for (size_t k = 0; k + 1 < words.size(); k += 2) var(words[k + 1])->constraints.insert(words[k]);
            pos_ = arrow + 2;
        }
        TypeRef t = fun();
        skip();
        if (pos_ != s_.size()) throw std::logic_error("bad signature: " + s_);
        return t;
    }

private:
    void skip() {
        while (pos_ < s_.size() && std::isspace(static_cast<unsigned char>(s_[pos_]))) ++pos_;
    }
    bool eat(const char* tok) {
        skip();
        size_t n = std::char_traits<char>::length(tok);
        if (s_.compare(pos_, n, tok) == 0) {
            pos_ += n;
            return true;
        }
        return false;
    }
    TypeRef var(const std::string& name) {
        auto it = vars_.find(name);
        if (it != vars_.end()) return it->second;
        return vars_[name] = tvar();
    }
    TypeRef fun() {
        TypeRef from = app();
        if (eat("->")) return tfun(from, fun());
        return from;
    }
    TypeRef app() {
        skip();
        size_t start = pos_;
        while (pos_ < s_.size() && (std::isalnum(static_cast<unsigned char>(s_[pos_])) || s_[pos_] == '_')) ++pos_;
        std::string name = s_.substr(start, pos_ - start);
        if (name == "Pattern") return tpattern(atom());
        if (!name.empty()) return named(name);
        return atom();
    }
    TypeRef named(const std::string& name) {
        if (name == "ControlPattern") return tpattern(tcon("ValueMap"));
        if (name == "Integer") return tcon("Int");
        if (name == "Rational") return tcon("Time");
        if (name == "Arc") return ttuple({tcon("Time"), tcon("Time")});
        if (std::islower(static_cast<unsigned char>(name[0]))) return var(name);
        return tcon(name);
    }
    TypeRef atom() {
        skip();
        if (eat("(")) {
            std::vector<TypeRef> items{fun()};
            while (eat(",")) items.push_back(fun());
            if (!eat(")")) throw std::logic_error("bad signature: " + s_);
            return items.size() == 1 ? items[0] : ttuple(items);
        }
        if (eat("[")) {
            TypeRef e = fun();
            if (!eat("]")) throw std::logic_error("bad signature: " + s_);
            return tlist(e);
        }
        size_t start = pos_;
        while (pos_ < s_.size() && (std::isalnum(static_cast<unsigned char>(s_[pos_])) || s_[pos_] == '_')) ++pos_;
        if (start == pos_) throw std::logic_error("bad signature: " + s_);
        return named(s_.substr(start, pos_ - start));
    }

    const std::string& s_;
    size_t pos_ = 0;
    std::map<std::string, TypeRef> vars_;
};

}  // namespace

TypeRef parseSignature(const std::string& sig) { return SigParser(sig).parse(); }

std::string show(const TypeRef& t0) {
    TypeRef t = resolve(t0);
    switch (t->kind) {
        case Type::Var: return "t" + std::to_string(t->id);
        case Type::Con:
            if (t->name == "Pattern") {
                if (isCon(t->args[0], "ValueMap")) return "ControlPattern";
                std::string inner = show(t->args[0]);
                return "Pattern " + (inner.find(' ') != std::string::npos ? "(" + inner + ")" : inner);
            }
            return t->name;
        case Type::Fun: {
            std::string from = show(t->args[0]);
            if (resolve(t->args[0])->kind == Type::Fun) from = "(" + from + ")";
            return from + " -> " + show(t->args[1]);
        }
        case Type::List: return "[" + show(t->args[0]) + "]";
        case Type::Tuple: {
            std::string out = "(";
            for (size_t i = 0; i < t->args.size(); ++i) out += (i ? ", " : "") + show(t->args[i]);
            return out + ")";
        }
    }
    return "?";
}

namespace {
std::string elementWords(const TypeRef& e0) {
    TypeRef e = resolve(e0);
    if (e->kind == Type::Var) {
        if (e->constraints.count("Fractional") || e->constraints.count("Num")) return "numbers";
        return "values";
    }
    if (e->kind != Type::Con) return "values";
    if (e->name == "Double" || e->name == "Time" || e->name == "Int") return "numbers";
    if (e->name == "Note") return "notes";
    if (e->name == "String") return "names";
    if (e->name == "Bool") return "true/false values";
    if (e->name == "ValueMap") return "controls";
    return "values";
}
}  // namespace

std::string describe(const TypeRef& t0) {
    TypeRef t = resolve(t0);
    switch (t->kind) {
        case Type::Var:
            if (t->constraints.count("Fractional") || t->constraints.count("Num")) return "a number";
            return "a value";
        case Type::Con:
            if (t->name == "Pattern") {
                if (isCon(t->args[0], "ValueMap")) return "a control pattern";
                return "a pattern of " + elementWords(t->args[0]);
            }
            if (t->name == "Double" || t->name == "Time") return "a number";
            if (t->name == "Int") return "a whole number";
            if (t->name == "String") return "a name";
            if (t->name == "Bool") return "true or false";
            if (t->name == "Note") return "a note";
            if (t->name == "ValueMap") return "a set of controls";
            return t->name;
        case Type::Fun: return "a function";
        case Type::List: return "a list";
        case Type::Tuple: return t->args.size() == 2 ? "a pair" : "a tuple";
    }
    return "a value";
}

void applyDefaults(const TypeRef& t0) {
    TypeRef t = resolve(t0);
    if (t->kind == Type::Var) {
        const auto& c = t->constraints;
        if (c.count("Fractional") || c.count("Floating")) t->link = tcon("Double");
        else if (c.count("Num") || c.count("Integral") || c.count("Moddable") || c.count("Real") || c.count("Enum"))
            t->link = tcon("Int");
        else if (c.count("Parseable")) t->link = tcon("String");
        else if (c.count("Str")) t->link = tcon("String");
        return;
    }
    for (auto& a : t->args) applyDefaults(a);
}

int arityOf(const TypeRef& t0) {
    int n = 0;
    TypeRef t = resolve(t0);
    while (t->kind == Type::Fun) {
        ++n;
        t = resolve(t->args[1]);
    }
    return n;
}

}  // namespace seiche::lang
