#include "pattern/lang/library.hpp"

#include <stdexcept>

namespace seiche::lang {

namespace {

class FunctionValue final : public Callable {
public:
    explicit FunctionValue(std::function<RValue(const RValue&)> f) : f_(std::move(f)) {}
    RValue apply(const RValue& arg) const override { return f_(arg); }

private:
    std::function<RValue(const RValue&)> f_;
};

}  // namespace

RValue makeFunction(std::function<RValue(const RValue&)> f) {
    return RValue(CallablePtr(std::make_shared<FunctionValue>(std::move(f))));
}

std::vector<Pattern> Args::patterns(size_t i) const {
    std::vector<Pattern> out;
    for (const auto& item : v_[i].items()) out.push_back(item.pattern());
    return out;
}

PatternTransform Args::transform(size_t i) const {
    RValue f = v_[i];
    return [f](const Pattern& p) { return call(f, RValue(p)).pattern(); };
}

std::pair<Time, Time> Args::timePair(size_t i) const {
    const auto& t = v_[i].items();
    return {t.at(0).value().asRational(), t.at(1).value().asRational()};
}

void Library::add(std::string name, std::string signature, BuiltinImpl impl, std::string doc, std::string example) {
    Builtin b{name, std::move(signature), std::move(impl), std::move(doc), std::move(example)};
    builtins_[std::move(name)] = std::move(b);
}

void Library::alias(const std::string& alias, const std::string& target) {
    auto it = builtins_.find(target);
    if (it == builtins_.end()) throw std::logic_error("alias '" + alias + "' names unknown function '" + target + "'");
    Builtin b = it->second;
    b.name = alias;
    builtins_[alias] = std::move(b);
}

const Builtin* Library::find(std::string_view name) const {
    auto it = builtins_.find(name);
    return it == builtins_.end() ? nullptr : &it->second;
}

std::vector<std::string> Library::names() const {
    std::vector<std::string> out;
    for (const auto& [k, v] : builtins_) out.push_back(k);
    return out;
}

const Library& standardLibrary() {
    static const Library lib = [] {
        Library l;
        registerCoreFunctions(l);
        registerStructureFunctions(l);
        registerRandomFunctions(l);
        registerControlFunctions(l);
        registerValueFunctions(l);
        return l;
    }();
    return lib;
}

}  // namespace seiche::lang
