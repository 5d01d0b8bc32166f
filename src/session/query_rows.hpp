#pragma once
// Every row of a query read into values: the shape of most of the store's reads.
#include <functional>
#include <string_view>
#include <vector>

#include "session/database.hpp"

namespace seiche::session {

// `bind` fills the query's parameters; `read` turns the current row into a value.
template <typename T>
StoreResult<std::vector<T>> collect(Database& database, std::string_view sql,
                                    const std::function<void(Statement&)>& bind,
                                    const std::function<StoreResult<T>(const Statement&)>& read) {
    auto select = database.prepare(sql);
    if (!select) return *select.error;
    bind(*select);
    std::vector<T> all;
    auto status = select->eachRow([&](const Statement& row) -> StoreStatus {
        auto value = read(row);
        if (!value) return *value.error;
        all.push_back(std::move(*value));
        return Done{};
    });
    if (!status) return *status.error;
    return all;
}

inline void noParameters(Statement&) {}

}  // namespace seiche::session
