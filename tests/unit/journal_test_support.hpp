#pragma once
// Helpers shared by the journal tests: buffers and evaluations as the app would record
// them, and a look at the raw tables.
#include <filesystem>
#include <string>

#include "session/database.hpp"
#include "session/journal.hpp"
#include "store_test_support.hpp"

namespace seiche::session::testing {

inline JournalBuffer buffer(const std::string& id, const std::string& text, int order = 0) {
    JournalBuffer b;
    b.id = id;
    b.title = "tab " + id;
    b.text = text;
    b.cursor = static_cast<int>(text.size());
    b.order = order;
    return b;
}

inline JournalEvaluation evaluation(const std::string& code, bool ok = true, const std::string& bufferId = "b1") {
    JournalEvaluation e;
    e.bufferId = bufferId;
    e.code = code;
    e.scope = "block";
    e.cps = 0.5625;
    e.cycle = "3/2";
    e.frame = 66150;
    e.ok = ok;
    if (!ok) e.error = "1:1: something is wrong";
    return e;
}

// The single integer a query returns, read through a connection of its own.
inline std::int64_t count(const std::filesystem::path& path, const std::string& sql) {
    auto database = Database::open(path);
    if (!database) return -1;
    auto select = database->prepare(sql);
    if (!select) return -1;
    auto row = select->step();
    if (!row || !*row) return -1;
    return select->integer(0);
}

}  // namespace seiche::session::testing
