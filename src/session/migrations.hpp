#pragma once
// The store's schema history. Each migration takes the database from version
// N-1 to N (PRAGMA user_version) inside one transaction; a database is brought
// up to date by applying, in order, every step it has not seen. Steps are never
// edited once shipped: a change to the schema is a new step at the end.
#include <span>
#include <string_view>

#include "session/database.hpp"

namespace seiche::session {

struct Migration {
    int version;           // the user_version after this step
    std::string_view what;  // one line for docs/store.md and error messages
    std::string_view sql;
};

std::span<const Migration> migrations();
int latestSchemaVersion();

// Applies the steps of `steps` above the database's version, up to `target`
// (default: the last step). A database newer than the last step is refused
// with NewerSchema, untouched.
StoreStatus migrate(Database& database, std::span<const Migration> steps, int target = -1);
inline StoreStatus migrate(Database& database) { return migrate(database, migrations()); }

// Opens the file and brings its schema up to date: what every user of the store does first.
StoreResult<Database> openMigrated(const std::filesystem::path& path, const DatabaseOptions& options = {});

}  // namespace seiche::session
