#pragma once
// The expression tree. Operators, sections, `$` and negation are desugared by
// the parser into applications of named functions, so the checker and the
// evaluator only know seven kinds of node.
#include <memory>
#include <string>
#include <vector>

#include "pattern/lang/diagnostic.hpp"

namespace seiche::lang {

struct Type;
using TypeRef = std::shared_ptr<Type>;

struct Expr;
using ExprPtr = std::shared_ptr<Expr>;

struct Expr {
    enum Kind { Var, Number, String, App, List, Tuple, Annotated } kind;
    Position at;
    std::string text;            // Var: name; Number: literal text; String: contents; Annotated: the type
    std::vector<ExprPtr> kids;   // App: {function, argument}; List/Tuple: items
    size_t contentOffset = 0;    // String: source offset of its first character
    TypeRef type;                // set by the checker
};

inline ExprPtr makeVar(std::string name, Position at) {
    return std::make_shared<Expr>(Expr{Expr::Var, at, std::move(name), {}, 0, nullptr});
}
inline ExprPtr makeApp(ExprPtr f, ExprPtr x, Position at) {
    return std::make_shared<Expr>(Expr{Expr::App, at, "", {std::move(f), std::move(x)}, 0, nullptr});
}

// One top-level statement of a block of code.
struct Statement {
    enum Kind { Expression, Channel, Hush, SetCps, Once, Solo, Unsolo, Mute, Unmute } kind = Expression;
    Position at;
    int channel = 0;  // Channel, Solo, Mute...: 1..16
    ExprPtr expr;     // Expression, Channel, Once: the pattern; SetCps: the number
};

}  // namespace seiche::lang
