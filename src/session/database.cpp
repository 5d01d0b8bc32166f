#include "session/database.hpp"

#include <sqlite3.h>

#include <unistd.h>

#include <cerrno>
#include <system_error>

namespace seiche::session {
namespace {

StoreErrorKind kindOf(int code, int systemErrno) {
    switch (code & 0xff) {
        case SQLITE_BUSY:
        case SQLITE_LOCKED: return StoreErrorKind::Locked;
        case SQLITE_CORRUPT:
        case SQLITE_NOTADB: return StoreErrorKind::Corrupt;
        case SQLITE_READONLY: return StoreErrorKind::ReadOnly;
        case SQLITE_PERM: return StoreErrorKind::ReadOnly;
        case SQLITE_CANTOPEN:
            // SQLite says "unable to open" for a read-only directory as for a missing one;
            // the system error tells them apart.
            if (systemErrno == EACCES || systemErrno == EROFS || systemErrno == EPERM) return StoreErrorKind::ReadOnly;
            return StoreErrorKind::CannotOpen;
        case SQLITE_CONSTRAINT: return StoreErrorKind::Invalid;
        default: return StoreErrorKind::Failed;
    }
}

}  // namespace

const char* storeErrorKindName(StoreErrorKind kind) {
    switch (kind) {
        case StoreErrorKind::Locked: return "locked";
        case StoreErrorKind::Corrupt: return "corrupt";
        case StoreErrorKind::ReadOnly: return "read-only";
        case StoreErrorKind::CannotOpen: return "cannot-open";
        case StoreErrorKind::NewerSchema: return "newer-schema";
        case StoreErrorKind::NotFound: return "not-found";
        case StoreErrorKind::Invalid: return "invalid";
        case StoreErrorKind::Failed: return "failed";
    }
    return "failed";
}

// --- Statement -------------------------------------------------------------

Statement::Statement(Statement&& other) noexcept
    : database_(other.database_), statement_(other.statement_), bindError_(other.bindError_) {
    other.statement_ = nullptr;
}

Statement& Statement::operator=(Statement&& other) noexcept {
    if (this != &other) {
        sqlite3_finalize(statement_);
        database_ = other.database_;
        statement_ = other.statement_;
        bindError_ = other.bindError_;
        other.statement_ = nullptr;
    }
    return *this;
}

Statement::~Statement() { sqlite3_finalize(statement_); }

void Statement::noteBind(int code) {
    if (code != SQLITE_OK && bindError_ == SQLITE_OK) bindError_ = code;
}

Statement& Statement::bind(int index, std::int64_t value) {
    noteBind(sqlite3_bind_int64(statement_, index, value));
    return *this;
}

Statement& Statement::bind(int index, double value) {
    noteBind(sqlite3_bind_double(statement_, index, value));
    return *this;
}

Statement& Statement::bind(int index, std::string_view text) {
    noteBind(sqlite3_bind_text64(statement_, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8));
    return *this;
}

Statement& Statement::bindBlob(int index, std::span<const unsigned char> bytes) {
    // An empty span may carry a null pointer, which SQLite would store as NULL rather than an empty blob.
    static const unsigned char empty = 0;
    noteBind(sqlite3_bind_blob64(statement_, index, bytes.empty() ? &empty : bytes.data(), bytes.size(),
                                 SQLITE_TRANSIENT));
    return *this;
}

Statement& Statement::bindNull(int index) {
    noteBind(sqlite3_bind_null(statement_, index));
    return *this;
}

StoreResult<bool> Statement::step() {
    if (bindError_ != SQLITE_OK) return database_->error(bindError_, "binding a value");
    const int code = sqlite3_step(statement_);
    if (code == SQLITE_ROW) return true;
    if (code == SQLITE_DONE) return false;
    return database_->error(code, "running a statement");
}

StoreStatus Statement::run() {
    return eachRow([](const Statement&) -> StoreStatus { return Done{}; });
}

StoreStatus Statement::eachRow(const std::function<StoreStatus(const Statement&)>& row) {
    for (;;) {
        auto ready = step();
        if (!ready) return *ready.error;
        if (!*ready) return Done{};
        if (auto taken = row(*this); !taken) return taken;
    }
}

void Statement::reset() {
    sqlite3_reset(statement_);
    sqlite3_clear_bindings(statement_);
    bindError_ = SQLITE_OK;
}

std::int64_t Statement::integer(int column) const { return sqlite3_column_int64(statement_, column); }

double Statement::real(int column) const { return sqlite3_column_double(statement_, column); }

std::string Statement::text(int column) const {
    const auto* p = sqlite3_column_text(statement_, column);
    if (!p) return {};
    return std::string(reinterpret_cast<const char*>(p), static_cast<size_t>(sqlite3_column_bytes(statement_, column)));
}

bool Statement::isNull(int column) const { return sqlite3_column_type(statement_, column) == SQLITE_NULL; }

std::vector<unsigned char> Statement::blob(int column) const {
    const auto* p = static_cast<const unsigned char*>(sqlite3_column_blob(statement_, column));
    const int n = sqlite3_column_bytes(statement_, column);
    if (!p || n <= 0) return {};
    return std::vector<unsigned char>(p, p + n);
}

// --- Database --------------------------------------------------------------

StoreResult<Database> Database::open(const std::filesystem::path& path, const DatabaseOptions& options) {
    std::error_code ec;
    const bool exists = std::filesystem::exists(path, ec);
    if (exists && std::filesystem::is_directory(path, ec))
        return storeError(StoreErrorKind::CannotOpen, path.string() + " is a directory, not a database file");
    if (!exists && !options.create) return storeError(StoreErrorKind::NotFound, "no database at " + path.string());

    sqlite3* connection = nullptr;
    const int flags = SQLITE_OPEN_READWRITE | (options.create ? SQLITE_OPEN_CREATE : 0) | SQLITE_OPEN_NOMUTEX;
    const int code = sqlite3_open_v2(path.c_str(), &connection, flags, nullptr);
    Database database(connection, path);
    if (code != SQLITE_OK) {
        if (!connection) return storeError(StoreErrorKind::Failed, "out of memory opening " + path.string());
        auto error = database.error(code, "opening");
        // SQLite retries a failed create read-only, so its errno speaks of the retry, not the directory.
        const auto directory = path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
        if (!exists && std::filesystem::is_directory(directory, ec) && ::access(directory.c_str(), W_OK) != 0)
            error = storeError(StoreErrorKind::ReadOnly,
                               path.string() + ": cannot create the database: directory " + directory.string() +
                                   " is read-only");
        return error;
    }
    // SQLite quietly falls back to read-only for a write-protected file; the store must write.
    if (sqlite3_db_readonly(connection, "main") == 1)
        return storeError(StoreErrorKind::ReadOnly, path.string() + ": the database file is read-only");
    sqlite3_extended_result_codes(connection, 1);
    sqlite3_busy_timeout(connection, static_cast<int>(options.busyTimeout.count()));

    // The first statement reads the header, so a file that is not a database fails here.
    // WAL lets the GUI read while a worker writes; NORMAL sync is safe in WAL mode.
    auto status = database.exec("PRAGMA foreign_keys = ON; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;");
    if (!status) return *status.error;
    {
        // journal_mode does not fail when WAL is impossible; it quietly keeps the old mode.
        auto mode = database.prepare("PRAGMA journal_mode");
        if (!mode) return *mode.error;
        auto row = mode->step();
        if (!row) return *row.error;
        const std::string journal = *row ? mode->text(0) : std::string("?");
        if (journal != "wal")
            return storeError(StoreErrorKind::Failed, path.string() + ": cannot switch to WAL mode (" + journal + ")");
    }
    return database;
}

Database::Database(Database&& other) noexcept : connection_(other.connection_), path_(std::move(other.path_)) {
    other.connection_ = nullptr;
}

Database& Database::operator=(Database&& other) noexcept {
    if (this != &other) {
        sqlite3_close_v2(connection_);
        connection_ = other.connection_;
        path_ = std::move(other.path_);
        other.connection_ = nullptr;
    }
    return *this;
}

Database::~Database() { sqlite3_close_v2(connection_); }

StoreError Database::error(int code, std::string_view doing) const {
    const int systemErrno = connection_ ? sqlite3_system_errno(connection_) : 0;
    std::string message = path_.string() + ": " + std::string(doing) + ": ";
    const StoreErrorKind kind = kindOf(code, systemErrno);
    switch (kind) {
        case StoreErrorKind::Locked: message += "the database is locked by another program (try again)"; break;
        case StoreErrorKind::Corrupt: message += "not a Seiche database, or a damaged one"; break;
        case StoreErrorKind::ReadOnly:
            message += "cannot write here (read-only file or directory)";
            break;
        default: message += connection_ ? sqlite3_errmsg(connection_) : sqlite3_errstr(code); break;
    }
    return {kind, message};
}

StoreStatus Database::exec(const std::string& sql) {
    char* message = nullptr;
    const int code = sqlite3_exec(connection_, sql.c_str(), nullptr, nullptr, &message);
    sqlite3_free(message);
    if (code != SQLITE_OK) return error(code, "running SQL");
    return Done{};
}

StoreResult<Statement> Database::prepare(std::string_view sql) {
    sqlite3_stmt* statement = nullptr;
    const int code = sqlite3_prepare_v2(connection_, sql.data(), static_cast<int>(sql.size()), &statement, nullptr);
    if (code != SQLITE_OK) return error(code, "preparing a statement");
    return Statement(this, statement);
}

StoreResult<int> Database::userVersion() {
    auto statement = prepare("PRAGMA user_version");
    if (!statement) return *statement.error;
    auto row = statement->step();
    if (!row) return *row.error;
    return *row ? static_cast<int>(statement->integer(0)) : 0;
}

StoreStatus Database::setUserVersion(int version) {
    return exec("PRAGMA user_version = " + std::to_string(version));
}

std::int64_t Database::lastInsertId() const { return sqlite3_last_insert_rowid(connection_); }

int Database::changes() const { return sqlite3_changes(connection_); }

// --- Transaction -----------------------------------------------------------

StoreResult<Transaction> Transaction::begin(Database& database) {
    auto status = database.exec("BEGIN IMMEDIATE");
    if (!status) return *status.error;
    return Transaction(database);
}

Transaction::~Transaction() {
    if (database_) (void)database_->exec("ROLLBACK");
}

StoreStatus Transaction::commit() {
    if (!database_) return storeError(StoreErrorKind::Failed, "transaction already finished");
    auto status = database_->exec("COMMIT");
    if (status) database_ = nullptr;
    return status;
}

}  // namespace seiche::session
