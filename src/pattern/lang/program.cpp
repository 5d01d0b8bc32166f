#include "pattern/lang/program.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "pattern/lang/library.hpp"
#include "pattern/lang/parser.hpp"
#include "pattern/lang/types.hpp"
#include "pattern/mini/mininotation.hpp"

namespace seiche::lang {
namespace {

const char* ordinal(int i) {
    static const char* names[] = {"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth"};
    return i < 8 ? names[i] : "next";
}

size_t editDistance(const std::string& a, const std::string& b) {
    std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (size_t j = 1; j <= b.size(); ++j) {
            size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) cur[j] = std::min(cur[j], prev[j - 1]);
        }
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

std::string suggestion(const std::string& name) {
    std::string best;
    size_t bestDist = name.size() <= 3 ? 1 : 2;
    for (const auto& candidate : standardLibrary().names()) {
        if (candidate.empty() || !std::isalpha(static_cast<unsigned char>(candidate[0]))) continue;
        size_t d = editDistance(name, candidate);
        if (d <= bestDist && (best.empty() || d < bestDist)) {
            best = candidate;
            bestDist = d;
        }
    }
    return best;
}

// The function at the head of an application chain, and how many arguments it has.
const Expr* headOf(const Expr* e, int& args) {
    args = 0;
    while (e->kind == Expr::App) {
        e = e->kids[0].get();
        ++args;
    }
    return e;
}

bool isOperatorName(const std::string& n) { return !n.empty() && !std::isalpha(static_cast<unsigned char>(n[0])); }

// Expected-side wording: performers pass numbers where Tidal wants patterns of numbers.
std::string describeExpected(const TypeRef& t) {
    TypeRef r = resolve(t);
    if (isPattern(r)) {
        TypeRef e = resolve(r->args[0]);
        if (e->kind == Type::Con) {
            if (e->name == "Double" || e->name == "Time" || e->name == "Int") return "a number";
            if (e->name == "Note") return "a note";
            if (e->name == "String") return "a name";
            if (e->name == "Bool") return "a boolean";
        }
    }
    return describe(r);
}

std::string describeActual(const Expr& arg, const TypeRef& t) {
    if (isCon(resolve(t)->kind == Type::Con && isPattern(t) ? resolve(t)->args[0] : t, "ValueMap")) {
        int n;
        const Expr* head = headOf(&arg, n);
        if (head->kind == Expr::Var && (head->text == "s" || head->text == "sound") && n == 1)
            return "a pattern of sound names";
    }
    return describe(t);
}

class Checker {
public:
    TypeRef infer(Expr& e) {
        e.type = inferNode(e);
        return e.type;
    }

private:
    TypeRef inferNode(Expr& e) {
        switch (e.kind) {
            case Expr::Var: return instantiate(e);
            case Expr::Number: {
                bool fractional = e.text.find_first_of(".eE") != std::string::npos;
                return tvar({fractional ? "Fractional" : "Num"});
            }
            case Expr::String: return tvar({"Str"});
            case Expr::List: {
                TypeRef elem = tvar();
                for (auto& k : e.kids) {
                    TypeRef t = infer(*k);
                    std::string err = unify(elem, t);
                    if (!err.empty()) fail(k->at, "the items of a list must all have the same type: " + err);
                }
                return tlist(elem);
            }
            case Expr::Tuple: {
                std::vector<TypeRef> items;
                for (auto& k : e.kids) items.push_back(infer(*k));
                return ttuple(items);
            }
            case Expr::App: return inferApp(e);
            case Expr::Annotated: {
                TypeRef declared;
                try {
                    declared = parseSignature(e.text);
                } catch (const std::exception&) {
                    fail(e.at, "'" + e.text.substr(0, e.text.size() - 1) + "' is not a type this language knows");
                }
                TypeRef t = infer(*e.kids[0]);
                std::string err = unify(declared, t);
                if (!err.empty()) fail(e.kids[0]->at, "the annotation says " + describe(declared) + ", but this is " + describe(t));
                return declared;
            }
        }
        return tvar();
    }

    TypeRef instantiate(const Expr& e) {
        const Builtin* b = standardLibrary().find(e.text);
        if (!b) {
            if (isOperatorName(e.text)) fail(e.at, "unknown operator '" + e.text + "'");
            std::string hint = suggestion(e.text);
            fail(e.at, "unknown function '" + e.text + "'" + (hint.empty() ? "" : " — did you mean '" + hint + "'?"));
        }
        return parseSignature(b->signature);
    }

    TypeRef inferApp(Expr& e) {
        TypeRef tf = infer(*e.kids[0]);
        TypeRef tx = infer(*e.kids[1]);
        TypeRef f = resolve(tf);
        int argIndex;
        const Expr* head = headOf(&e, argIndex);
        --argIndex;  // index of this argument
        std::string name = head->kind == Expr::Var ? head->text : "";
        if (f->kind == Type::Var) {
            TypeRef result = tvar();
            std::string err = unify(f, tfun(tx, result));
            if (!err.empty()) fail(e.kids[1]->at, err);
            return result;
        }
        if (f->kind != Type::Fun) {
            if (!name.empty() && argIndex > 0)
                fail(e.kids[1]->at, "'" + name + "' is given too many arguments (it takes " +
                                         std::to_string(argIndex) + ")");
            fail(e.kids[1]->at, describe(f) + " is not a function, so it cannot be applied to anything");
        }
        TypeRef param = f->args[0];
        std::string expected = describeExpected(param);
        std::string err = unify(param, tx);
        if (!err.empty()) {
            const Expr& arg = *e.kids[1];
            if (!name.empty()) {
                std::string who = isOperatorName(name) ? "'" + name + "'" : "'" + name + "'";
                std::string where = isOperatorName(name) ? (argIndex == 0 ? " on its left" : " on its right")
                                                         : std::string(" ") + ordinal(argIndex);
                fail(arg.at, who + " expects " + expected + where + ", got " + describeActual(arg, tx) +
                                 (err.find(" is not ") != std::string::npos ? " (" + err + ")" : ""));
            }
            fail(arg.at, err);
        }
        return f->args[1];
    }
};

// ---------------------------------------------------------------- evaluation

mini::AtomType atomTypeOf(const TypeRef& t) {
    TypeRef r = resolve(t);
    if (r->kind == Type::Con) {
        if (r->name == "Double") return mini::AtomType::Double;
        if (r->name == "Int") return mini::AtomType::Int;
        if (r->name == "Time") return mini::AtomType::Time;
        if (r->name == "Bool") return mini::AtomType::Bool;
        if (r->name == "Note") return mini::AtomType::Note;
    }
    return mini::AtomType::String;
}

// Exact value of a decimal literal such as 0.25 or 1.5e-3.
Rational exactDecimal(const std::string& text, const Position& at) {
    try {
        size_t epos = text.find_first_of("eE");
        std::string mant = text.substr(0, epos);
        int exp10 = epos == std::string::npos ? 0 : std::stoi(text.substr(epos + 1));
        size_t dot = mant.find('.');
        std::string digits = mant;
        if (dot != std::string::npos) {
            digits = mant.substr(0, dot) + mant.substr(dot + 1);
            exp10 -= int(mant.size() - dot - 1);
        }
        if (digits.size() > 18 || exp10 > 18 || exp10 < -18) return Rational::fromDouble(std::stod(text));
        int64_t n = std::stoll(digits);
        int64_t scale = 1;
        for (int k = 0; k < std::abs(exp10); ++k) scale *= 10;
        return exp10 >= 0 ? Rational(n) * Rational(scale) : Rational(n, scale);
    } catch (const std::exception&) {
        fail(at, "the number '" + text + "' is out of range");
    }
}

Value scalarLiteral(const TypeRef& t, const Expr& e) {
    TypeRef r = resolve(t);
    const std::string& text = e.text;
    std::string name = r->kind == Type::Con ? r->name : "Double";
    if (name == "Int") {
        try {
            return Value::integer(std::stoll(text));
        } catch (const std::exception&) {
            fail(e.at, "the number '" + text + "' is out of range");
        }
    }
    if (name == "Time") return Value::rational(exactDecimal(text, e.at));
    if (name == "Note") return Value::note(std::strtod(text.c_str(), nullptr));
    if (name == "ValueMap") {
        // Tidal's Num/Fractional instances for control maps: 3 means n 3, 1.5 means speed 1.5.
        bool fractional = text.find_first_of(".eE") != std::string::npos;
        if (fractional) return Value::map({{Symbol("speed"), Value::dbl(std::strtod(text.c_str(), nullptr))}});
        return Value::map({{Symbol("n"), Value::integer(std::stoll(text))}});
    }
    return Value::dbl(std::strtod(text.c_str(), nullptr));
}

// Collects arguments one at a time and runs the builtin when it has them all.
class BuiltinCall final : public Callable {
public:
    BuiltinCall(const Builtin* b, int arity, RList args, Position at)
        : b_(b), arity_(arity), args_(std::move(args)), at_(at) {}

    RValue apply(const RValue& arg) const override {
        RList args = args_;
        args.push_back(arg);
        if (int(args.size()) < arity_) return RValue(CallablePtr(std::make_shared<BuiltinCall>(b_, arity_, std::move(args), at_)));
        return run(b_, args, at_);
    }

    static RValue run(const Builtin* b, const RList& args, const Position& at) {
        try {
            return b->impl(Args(args));
        } catch (const CompileError&) {
            throw;
        } catch (const std::exception& ex) {
            fail(at, "'" + b->name + "': " + ex.what());
        }
    }

private:
    const Builtin* b_;
    int arity_;
    RList args_;
    Position at_;
};

class Evaluator {
public:
    Evaluator(std::string_view code, SourceMap& sources) : code_(code), sources_(sources) {}

    RValue eval(const Expr& e) {
        switch (e.kind) {
            case Expr::Var: {
                const Builtin* b = standardLibrary().find(e.text);
                int arity = arityOf(parseSignature(b->signature));
                if (arity == 0) return BuiltinCall::run(b, {}, e.at);
                return RValue(CallablePtr(std::make_shared<BuiltinCall>(b, arity, RList{}, e.at)));
            }
            case Expr::Number: {
                TypeRef t = resolve(e.type);
                if (isPattern(t)) return RValue(pure(scalarLiteral(t->args[0], e)));
                return RValue(scalarLiteral(t, e));
            }
            case Expr::String: {
                TypeRef t = resolve(e.type);
                if (!isPattern(t)) return RValue(Value::string(e.text));
                Pattern p = miniNotation(e, atomTypeOf(t->args[0]));
                // Tidal: a string used as a control pattern means `sound "..."`.
                if (isCon(t->args[0], "ValueMap")) return BuiltinCall::run(standardLibrary().find("sound"), {RValue(p)}, e.at);
                return RValue(p);
            }
            case Expr::List:
            case Expr::Tuple: {
                RList items;
                for (const auto& k : e.kids) items.push_back(eval(*k));
                return e.kind == Expr::List ? RValue::list(std::move(items)) : RValue::tuple(std::move(items));
            }
            case Expr::Annotated: return eval(*e.kids[0]);
            case Expr::App: {
                RValue f = eval(*e.kids[0]);
                RValue x = eval(*e.kids[1]);
                try {
                    return call(f, x);
                } catch (const CompileError&) {
                    throw;
                } catch (const std::exception& ex) {
                    fail(e.at, ex.what());
                }
            }
        }
        return RValue();
    }

private:
    Pattern miniNotation(const Expr& e, mini::AtomType type) {
        size_t base = e.contentOffset;
        mini::Context ctx;
        ctx.where = [&](size_t offset) { return positionOf(code_, base + offset).str(); };
        ctx.locate = [this, base](size_t offset, size_t length) {
            sources_.entries.push_back({positionOf(code_, base + offset), length});
            return uint32_t(sources_.entries.size() - 1);
        };
        mini::Result r = mini::parse(e.text, type, ctx);
        if (r.error) fail(positionOf(code_, base + r.error->offset), r.error->message);
        return *r.pattern;
    }

    std::string_view code_;
    SourceMap& sources_;
};

// Tidal 1.9 changed `echo` to take three arguments before the pattern; code
// written by people and language models uses both forms. Three or more
// arguments can only mean the 1.9 form, so the head is renamed to it.
void resolveOverloads(Expr& e) {
    if (e.kind == Expr::App) {
        int args;
        Expr* head = const_cast<Expr*>(headOf(&e, args));
        if (head->kind == Expr::Var && head->text == "echo" && args >= 3) head->text = "echo (1.9)";
    }
    for (auto& k : e.kids) resolveOverloads(*k);
}

// Checks an expression against an expected type and evaluates it.
RValue checkAndEval(Expr& e, const TypeRef& expected, const std::string& what, std::string_view code,
                    SourceMap& sources) {
    resolveOverloads(e);
    Checker checker;
    TypeRef t = checker.infer(e);
    if (expected) {
        std::string err = unify(expected, t);
        if (!err.empty()) fail(e.at, what + " needs " + describe(expected) + ", got " + describeActual(e, t));
    }
    // Default every node's type (numeric literals, strings) before evaluating.
    std::vector<Expr*> stack{&e};
    while (!stack.empty()) {
        Expr* n = stack.back();
        stack.pop_back();
        if (n->type) applyDefaults(n->type);
        for (auto& k : n->kids) stack.push_back(k.get());
    }
    return Evaluator(code, sources).eval(e);
}

}  // namespace

Result<Program> compile(std::string_view code) {
    Result<Program> result;
    try {
        Program prog;
        for (Statement& st : parseProgram(code)) {
            Action a{};
            a.at = st.at;
            a.channel = st.channel;
            switch (st.kind) {
                case Statement::Hush: a.kind = Action::Hush; break;
                case Statement::Solo: a.kind = Action::Solo; break;
                case Statement::Unsolo: a.kind = Action::Unsolo; break;
                case Statement::Mute: a.kind = Action::Mute; break;
                case Statement::Unmute: a.kind = Action::Unmute; break;
                case Statement::SetCps: {
                    a.kind = Action::SetCps;
                    RValue v = checkAndEval(*st.expr, tcon("Double"), "'setcps'", code, prog.sources);
                    a.cps = v.value().asDouble();
                    if (!(a.cps > 0) || !std::isfinite(a.cps) || a.cps > 1000)
                        fail(st.expr->at, "'setcps' needs a speed above 0 and at most 1000 cycles per second");
                    break;
                }
                case Statement::Channel:
                case Statement::Once: {
                    a.kind = st.kind == Statement::Once ? Action::Once : Action::Play;
                    std::string who = st.kind == Statement::Once ? "'once'" : "'d" + std::to_string(st.channel) + "'";
                    a.pattern = checkAndEval(*st.expr, tpattern(tcon("ValueMap")), who, code, prog.sources).pattern();
                    if (st.kind == Statement::Channel) {
                        // As Tidal's BootTidal: dN = p N . (|< orbit (N-1)).
                        Value orbit = Value::map({{Symbol("orbit"), Value::integer(st.channel - 1)}});
                        a.pattern = appLeft(a.pattern, pure(orbit), unionPreferLeft);
                    }
                    break;
                }
                case Statement::Expression: {
                    a.kind = Action::Play;
                    a.channel = 0;
                    TypeRef expected = tpattern(tvar());
                    RValue v = checkAndEval(*st.expr, expected, "the code", code, prog.sources);
                    a.isControl = isCon(resolve(expected)->args[0], "ValueMap");
                    a.pattern = v.pattern();
                    break;
                }
            }
            prog.actions.push_back(std::move(a));
        }
        result.value = std::move(prog);
    } catch (const CompileError& err) {
        result.error = err.diag;
    } catch (const std::exception& ex) {
        result.error = Diagnostic{Position{}, ex.what()};
    }
    return result;
}

Result<Events> queryChecked(const Pattern& p, const Span& span, size_t maxEvents) {
    Result<Events> r;
    try {
        EventBudget budget(maxEvents);
        r.value = p.query(span);
    } catch (const QueryLimitExceeded&) {
        r.error = Diagnostic{Position{}, "the pattern makes more than " + std::to_string(maxEvents) +
                                             " events in this time span; slow it down or query less time"};
    } catch (const std::exception& ex) {
        r.error = Diagnostic{Position{}, std::string("the pattern cannot be queried: ") + ex.what()};
    }
    return r;
}

}  // namespace seiche::lang
