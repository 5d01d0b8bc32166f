#pragma once
// Interned strings: sound names and control names travel through queries as
// 32-bit ids, so events copy without touching the heap.
#include <cstdint>
#include <string>
#include <string_view>

namespace seiche {

class Symbol {
public:
    constexpr Symbol() = default;
    explicit Symbol(std::string_view text);  // interns
    const std::string& str() const;
    uint32_t id() const { return id_; }
    bool operator==(const Symbol& o) const { return id_ == o.id_; }
    bool operator!=(const Symbol& o) const { return id_ != o.id_; }

private:
    uint32_t id_ = 0;  // 0 is the empty string
};

}  // namespace seiche
