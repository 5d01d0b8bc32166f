#pragma once
// Opening the store a front end means: an explicit database file (--db), or
// seiche.db in the resolved SEICHE_DATA_DIR, whose directories are created on first use.
#include <filesystem>
#include <optional>
#include <string>

#include "session/store.hpp"

namespace seiche::session {

// The database file for an optional --db value.
std::filesystem::path storePath(const std::optional<std::string>& dbFlag);

// Creates the directories a database file will live in (the data directory on first use).
StoreStatus createParentDirectory(const std::filesystem::path& path);

StoreResult<Store> openStoreAt(const std::filesystem::path& path, const DatabaseOptions& options = {});

// What a verb opens. Only verbs that add data create a database; the others, given an
// explicit --db that does not exist, say so instead of creating an empty store there
// (a mistyped path would otherwise list nothing and leave a stray file behind).
StoreResult<Store> openStoreForVerb(const std::optional<std::string>& dbFlag, bool addsData);

}  // namespace seiche::session
