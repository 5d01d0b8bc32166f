#pragma once
// A small RAII layer over SQLite: one connection, prepared statements and
// transactions that roll back unless committed. Every SQLite failure is turned
// into a StoreError whose kind says what the caller can do about it.
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "session/store_result.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace seiche::session {

struct DatabaseOptions {
    bool create = true;                              // create the file if it is missing
    std::chrono::milliseconds busyTimeout{2000};     // wait this long for another writer before Locked
};

class Database;

class Statement {
public:
    Statement() = default;
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&& other) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    ~Statement();

    // Parameters are numbered from 1, as in SQLite. A failed bind is reported by the next step().
    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, double value);
    Statement& bind(int index, std::string_view text);
    Statement& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
    Statement& bindBlob(int index, std::span<const unsigned char> bytes);
    Statement& bindNull(int index);

    // true while a row is ready, false once the statement is done.
    StoreResult<bool> step();
    StoreStatus run();  // step to completion, ignoring rows
    // Calls `row` for each row until it fails or the rows run out.
    StoreStatus eachRow(const std::function<StoreStatus(const Statement&)>& row);
    void reset();

    std::int64_t integer(int column) const;
    double real(int column) const;
    std::string text(int column) const;
    bool isNull(int column) const;
    std::vector<unsigned char> blob(int column) const;

private:
    friend class Database;
    Statement(Database* database, sqlite3_stmt* statement) : database_(database), statement_(statement) {}
    void noteBind(int code);

    Database* database_ = nullptr;
    sqlite3_stmt* statement_ = nullptr;
    int bindError_ = 0;
};

class Database {
public:
    // Opens (or creates) the file, sets the busy timeout, turns on WAL and foreign keys.
    static StoreResult<Database> open(const std::filesystem::path& path, const DatabaseOptions& options = {});

    Database(Database&& other) noexcept;
    Database& operator=(Database&& other) noexcept;
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;
    ~Database();

    StoreStatus exec(const std::string& sql);  // one or more statements, no results
    StoreResult<Statement> prepare(std::string_view sql);
    StoreResult<int> userVersion();
    StoreStatus setUserVersion(int version);
    std::int64_t lastInsertId() const;
    int changes() const;
    const std::filesystem::path& path() const { return path_; }

    // The StoreError for a SQLite result code, with SQLite's own message and the file's name.
    StoreError error(int code, std::string_view doing) const;

private:
    Database(sqlite3* connection, std::filesystem::path path) : connection_(connection), path_(std::move(path)) {}
    sqlite3* connection_ = nullptr;
    std::filesystem::path path_;
};

// BEGIN IMMEDIATE on construction (so a writer learns of a lock at once, not at
// its first write), ROLLBACK on destruction unless commit() succeeded.
class Transaction {
public:
    static StoreResult<Transaction> begin(Database& database);
    Transaction(Transaction&& other) noexcept : database_(other.database_) { other.database_ = nullptr; }
    Transaction& operator=(Transaction&&) = delete;
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    ~Transaction();
    StoreStatus commit();

private:
    explicit Transaction(Database& database) : database_(&database) {}
    Database* database_;
};

}  // namespace seiche::session
