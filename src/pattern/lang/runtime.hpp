#pragma once
// Run-time values of the Tidal language: scalar values, patterns, functions
// (curried, one argument at a time, as in Haskell), lists and tuples.
#include <functional>
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "pattern/pattern.hpp"

namespace seiche::lang {

class RValue;
using RList = std::vector<RValue>;

// A function value. Builtins collect their arguments and run when saturated.
class Callable {
public:
    virtual ~Callable() = default;
    virtual RValue apply(const RValue& arg) const = 0;
};
using CallablePtr = std::shared_ptr<const Callable>;

struct ListBox { RList items; };
struct TupleBox { RList items; };

class RValue {
public:
    RValue() : v_(Value()) {}
    RValue(Value v) : v_(std::move(v)) {}             // NOLINT
    RValue(Pattern p) : v_(std::move(p)) {}           // NOLINT
    RValue(CallablePtr f) : v_(std::move(f)) {}       // NOLINT
    static RValue list(RList items) { RValue r; r.v_ = std::make_shared<const ListBox>(ListBox{std::move(items)}); return r; }
    static RValue tuple(RList items) { RValue r; r.v_ = std::make_shared<const TupleBox>(TupleBox{std::move(items)}); return r; }

    bool isValue() const { return std::holds_alternative<Value>(v_); }
    bool isPattern() const { return std::holds_alternative<Pattern>(v_); }
    bool isFunction() const { return std::holds_alternative<CallablePtr>(v_); }
    bool isList() const { return std::holds_alternative<std::shared_ptr<const ListBox>>(v_); }
    bool isTuple() const { return std::holds_alternative<std::shared_ptr<const TupleBox>>(v_); }

    const Value& value() const { return std::get<Value>(v_); }
    const Pattern& pattern() const { return std::get<Pattern>(v_); }
    const Callable& function() const { return *std::get<CallablePtr>(v_); }
    const RList& items() const {
        if (isList()) return std::get<std::shared_ptr<const ListBox>>(v_)->items;
        return std::get<std::shared_ptr<const TupleBox>>(v_)->items;
    }

private:
    std::variant<Value, Pattern, CallablePtr, std::shared_ptr<const ListBox>, std::shared_ptr<const TupleBox>> v_;
};

// Calls a function value with one argument.
inline RValue call(const RValue& f, const RValue& arg) { return f.function().apply(arg); }

// Wraps a C++ transformation as a language function value.
RValue makeFunction(std::function<RValue(const RValue&)> f);

// Raised by builtins for bad argument values that types cannot catch
// (`fast 0` is fine, but e.g. a negative list length is not). The evaluator
// reports it at the call's position.
struct EvalError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

}  // namespace seiche::lang
