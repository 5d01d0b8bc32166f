// Helpers shared by the control and value-function tests: exact event
// formatting (whole@part:value) and direct calls into the builtin table.
#pragma once

#include <algorithm>
#include <stdexcept>
#include <string>
#include <vector>

#include "pattern/lang/library.hpp"
#include "pattern/pattern.hpp"

using namespace seiche;
using seiche::lang::RList;
using seiche::lang::RValue;

namespace {

std::string fmt(const Value& v) {
    switch (v.kind()) {
        case ValueKind::String: return "\"" + v.asSymbol().str() + "\"";
        case ValueKind::Double: return "f" + Rational::fromDouble(v.asDouble()).str();
        case ValueKind::Note: return "n" + Rational::fromDouble(v.asDouble()).str();
        case ValueKind::Int: return "i" + std::to_string(v.asInt());
        case ValueKind::Rational: return "r" + v.asRational().str();
        case ValueKind::Bool: return v.asBool() ? "True" : "False";
        case ValueKind::Map: {
            std::vector<std::string> kv;
            for (const auto& [k, x] : v.asMap()) kv.push_back(k.str() + "=" + fmt(x));
            std::sort(kv.begin(), kv.end());
            std::string out = "{";
            for (size_t i = 0; i < kv.size(); ++i) out += (i ? "," : "") + kv[i];
            return out + "}";
        }
    }
    return "?";
}

std::string show(const Pattern& p, Time b, Time e) {
    std::vector<std::string> items;
    for (const Event& ev : p.query(Span{b, e})) {
        std::string s = ev.whole ? ev.whole->begin.str() + "-" + ev.whole->end.str() : "~";
        s += "@" + ev.part.begin.str() + "-" + ev.part.end.str() + ":" + fmt(ev.value);
        items.push_back(s);
    }
    std::sort(items.begin(), items.end());
    std::string out;
    for (size_t i = 0; i < items.size(); ++i) out += (i ? " " : "") + items[i];
    return out;
}

Pattern S(const char* s) { return pure(Value::string(s)); }
Pattern D(double x) { return pure(Value::dbl(x)); }
Pattern N(double x) { return pure(Value::note(x)); }
Pattern I(int64_t x) { return pure(Value::integer(x)); }
Pattern seq(std::vector<Pattern> ps) { return fastcat(std::move(ps)); }
Pattern cat(std::vector<Pattern> ps) { return slowcat(std::move(ps)); }
Pattern words(const std::string& text) {
    std::vector<Pattern> ps;
    size_t i = 0;
    while (i < text.size()) {
        size_t j = text.find(' ', i);
        if (j == std::string::npos) j = text.size();
        ps.push_back(pure(Value::string(text.substr(i, j - i))));
        i = j + 1;
    }
    return fastcat(ps);
}

RValue call(const std::string& name, RList args) {
    const auto* b = lang::standardLibrary().find(name);
    if (!b) throw std::runtime_error("no builtin " + name);
    return b->impl(lang::Args(args));
}
Pattern fn(const std::string& name, RList args) { return call(name, std::move(args)).pattern(); }
Pattern ctl(const std::string& name, const Pattern& p) { return fn(name, {RValue(p)}); }
Pattern operator|(const Pattern& a, const Pattern& b) { return unionRight(a, b); }  // Tidal's #

}  // namespace
