#include "pattern/symbol.hpp"

#include <deque>
#include <mutex>
#include <shared_mutex>
#include <unordered_map>

namespace seiche {
namespace {

struct SymbolTable {
    std::shared_mutex mutex;
    std::deque<std::string> names{std::string()};  // deque: references stay valid as it grows
    std::unordered_map<std::string_view, uint32_t> ids{{std::string_view(), 0}};
};

SymbolTable& table() {
    static SymbolTable t;
    return t;
}

}  // namespace

Symbol::Symbol(std::string_view text) {
    auto& t = table();
    {
        std::shared_lock lock(t.mutex);
        auto it = t.ids.find(text);
        if (it != t.ids.end()) {
            id_ = it->second;
            return;
        }
    }
    std::unique_lock lock(t.mutex);
    auto it = t.ids.find(text);
    if (it != t.ids.end()) {
        id_ = it->second;
        return;
    }
    t.names.emplace_back(text);
    id_ = static_cast<uint32_t>(t.names.size() - 1);
    t.ids.emplace(std::string_view(t.names.back()), id_);
}

const std::string& Symbol::str() const {
    auto& t = table();
    std::shared_lock lock(t.mutex);
    return t.names[id_];
}

}  // namespace seiche
