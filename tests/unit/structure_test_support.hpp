// Shared by the structure tests: events as WHOLE@PART:VALUE, times as exact
// rationals, sorted as text and joined by spaces — the form the expected strings
// printed from Tidal 1.7.10 take.
#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include "pattern/pattern.hpp"

namespace {

std::string showEvents(const seiche::Events& es) {
    std::vector<std::string> lines;
    for (const auto& e : es) {
        std::string s = e.whole ? e.whole->begin.str() + "-" + e.whole->end.str() : "~";
        s += "@" + e.part.begin.str() + "-" + e.part.end.str() + ":" + e.value.json();
        lines.push_back(s);
    }
    std::sort(lines.begin(), lines.end());
    std::string out;
    for (const auto& l : lines) out += (out.empty() ? "" : " ") + l;
    return out;
}

}  // namespace
