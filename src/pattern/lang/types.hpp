#pragma once
// Types of the Tidal language and their unification. Type classes are kept as
// constraint names on type variables (Num, Fractional, Parseable…) and checked
// when a variable is bound; that is all of Haskell's class system Tidal code needs.
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace seiche::lang {

struct Type;
using TypeRef = std::shared_ptr<Type>;

struct Type {
    enum Kind { Var, Con, Fun, List, Tuple } kind;
    std::string name;             // Con: Pattern, Double, Int, Time, String, Bool, Note, ValueMap
    std::vector<TypeRef> args;    // Con Pattern: {elem}; Fun: {from, to}; List: {elem}; Tuple: items
    TypeRef link;                 // Var: bound to
    int id = 0;                   // Var: identity, for printing
    std::set<std::string> constraints;  // Var: classes it must belong to
};

TypeRef tvar(std::set<std::string> constraints = {});
TypeRef tcon(const std::string& name);
TypeRef tpattern(TypeRef elem);
TypeRef tfun(TypeRef from, TypeRef to);
TypeRef tlist(TypeRef elem);
TypeRef ttuple(std::vector<TypeRef> items);

TypeRef resolve(TypeRef t);  // follows variable links
bool isPattern(const TypeRef& t);
bool isCon(const TypeRef& t, const std::string& name);

// Unifies a with b; returns an explanation (empty on success).
std::string unify(const TypeRef& a, const TypeRef& b);

// Parses a signature such as "Num a => Pattern a -> [Pattern a] -> Pattern a",
// giving fresh variables for its type variables.
TypeRef parseSignature(const std::string& sig);

// Haskell-style rendering, e.g. "Pattern Double -> ControlPattern".
std::string show(const TypeRef& t);
// Performer-facing description, e.g. "a pattern of numbers", "a function".
std::string describe(const TypeRef& t);

// Haskell's defaulting, applied before evaluation: Fractional → Double,
// Num → Int, a string literal's element → String.
void applyDefaults(const TypeRef& t);

int arityOf(const TypeRef& t);

}  // namespace seiche::lang
