#include "store/sqlite_db.h"

#include <string>

namespace reilu::store {

namespace {
Error DbError(sqlite3* db, std::string_view what) {
  return MakeError(ErrorCode::kInternal, std::string(what) + ": " + sqlite3_errmsg(db));
}
}  // namespace

Result<Connection> Connection::Open(const std::string& path, bool read_only) {
  sqlite3* db = nullptr;
  int flags = (read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) | SQLITE_OPEN_NOMUTEX;
  if (sqlite3_open_v2(path.c_str(), &db, flags, nullptr) != SQLITE_OK) {
    Error e = DbError(db, "cannot open database");
    sqlite3_close(db);
    return e;
  }
  Connection conn(db);
  sqlite3_busy_timeout(db, 10000);
  sqlite3_extended_result_codes(db, 1);
  // WAL lets readers proceed during a write; synchronous=FULL makes every commit durable (fsync)
  // before we acknowledge it.
  std::string_view pragmas = read_only ? "PRAGMA foreign_keys=ON;"
                                       : "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;";
  REILU_TRY(conn.Exec(pragmas));
  return conn;
}

Connection::Connection(Connection&& other) noexcept : db_(other.db_) { other.db_ = nullptr; }
Connection& Connection::operator=(Connection&& other) noexcept {
  if (this != &other) {
    sqlite3_close(db_);
    db_ = other.db_;
    other.db_ = nullptr;
  }
  return *this;
}
Connection::~Connection() { sqlite3_close(db_); }

Status Connection::Exec(std::string_view sql) {
  std::string text(sql);
  char* err = nullptr;
  if (sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
    std::string msg = err ? err : "unknown error";
    sqlite3_free(err);
    return MakeError(ErrorCode::kInternal, "SQL failed: " + msg);
  }
  return OkStatus();
}

Result<Statement> Connection::Prepare(std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr) != SQLITE_OK) {
    return DbError(db_, "cannot prepare statement");
  }
  return Statement(db_, stmt);
}

std::int64_t Connection::Changes() const { return sqlite3_changes64(db_); }

Statement::Statement(Statement&& other) noexcept
    : db_(other.db_), stmt_(other.stmt_), last_rc_(other.last_rc_), error_(std::move(other.error_)) {
  other.stmt_ = nullptr;
}
Statement::~Statement() { sqlite3_finalize(stmt_); }

int Statement::IndexOf(int index) const {
  std::string name = "$" + std::to_string(index);
  return sqlite3_bind_parameter_index(stmt_, name.c_str());
}

Statement& Statement::Bind(int index, std::int64_t value) {
  sqlite3_bind_int64(stmt_, IndexOf(index), value);
  return *this;
}
Statement& Statement::Bind(int index, std::string_view text) {
  sqlite3_bind_text64(stmt_, IndexOf(index), text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
  return *this;
}
Statement& Statement::BindBlob(int index, std::string_view bytes) {
  sqlite3_bind_blob64(stmt_, IndexOf(index), bytes.data(), bytes.size(), SQLITE_TRANSIENT);
  return *this;
}
Statement& Statement::BindNull(int index) {
  sqlite3_bind_null(stmt_, IndexOf(index));
  return *this;
}

bool Statement::Step() {
  last_rc_ = sqlite3_step(stmt_);
  if (last_rc_ == SQLITE_ROW) return true;
  if (last_rc_ != SQLITE_DONE) error_ = sqlite3_errmsg(db_);
  return false;
}

Status Statement::status() const {
  if (last_rc_ == SQLITE_ROW || last_rc_ == SQLITE_DONE || last_rc_ == SQLITE_OK) return OkStatus();
  if ((last_rc_ & 0xff) == SQLITE_CONSTRAINT) return MakeError(ErrorCode::kConflict, "constraint: " + error_);
  return MakeError(ErrorCode::kInternal, "SQL step failed: " + error_);
}

Status Statement::Run() {
  while (Step()) {
  }
  return status();
}

std::int64_t Statement::Int(int column) const { return sqlite3_column_int64(stmt_, column); }
std::string Statement::Text(int column) const {
  const auto* p = sqlite3_column_text(stmt_, column);
  return p ? std::string(reinterpret_cast<const char*>(p), static_cast<size_t>(sqlite3_column_bytes(stmt_, column)))
           : std::string();
}
std::string Statement::Blob(int column) const {
  const void* p = sqlite3_column_blob(stmt_, column);
  return p ? std::string(static_cast<const char*>(p), static_cast<size_t>(sqlite3_column_bytes(stmt_, column)))
           : std::string();
}
bool Statement::IsNull(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }

Result<Transaction> Transaction::Begin(Connection& conn) {
  REILU_TRY(conn.Exec("BEGIN IMMEDIATE"));
  return Transaction(&conn);
}
Transaction::Transaction(Transaction&& other) noexcept : conn_(other.conn_) { other.conn_ = nullptr; }
Transaction::~Transaction() {
  if (conn_) (void)conn_->Exec("ROLLBACK");
}
Status Transaction::Commit() {
  Status s = conn_->Exec("COMMIT");
  if (s) conn_ = nullptr;
  return s;
}

}  // namespace reilu::store
