#pragma once
// The store's result type. A database meets locked files, full disks and files
// written by a newer Seiche in ordinary use, so every failure is a value with a
// kind the caller can act on and one line a person can read; nothing throws
// across the session library's boundary.
#include <optional>
#include <string>
#include <utility>

namespace seiche::session {

enum class StoreErrorKind {
    Locked,        // another connection holds the database past the busy timeout
    Corrupt,       // not a database, or a damaged one
    ReadOnly,      // the file or its directory cannot be written
    CannotOpen,    // missing directory, permissions, not a regular file
    NewerSchema,   // written by a newer Seiche than this one
    NotFound,      // no such dataset, example or model
    Invalid,       // the caller's input breaks a rule (empty name, mixed feature sets, bad JSON)
    Failed,        // anything else SQLite reports (disk full, I/O error)
};

const char* storeErrorKindName(StoreErrorKind kind);

struct StoreError {
    StoreErrorKind kind = StoreErrorKind::Failed;
    std::string message;
};

struct Done {};

template <typename T>
struct StoreResult {
    std::optional<T> value;
    std::optional<StoreError> error;  // set exactly when value is empty

    StoreResult(T v) : value(std::move(v)) {}
    StoreResult(StoreError e) : error(std::move(e)) {}

    explicit operator bool() const { return value.has_value(); }
    T& operator*() { return *value; }
    const T& operator*() const { return *value; }
    T* operator->() { return &*value; }
    const T* operator->() const { return &*value; }
};

using StoreStatus = StoreResult<Done>;

inline StoreError storeError(StoreErrorKind kind, std::string message) { return {kind, std::move(message)}; }

}  // namespace seiche::session
