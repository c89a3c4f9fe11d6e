#include "store/sqlite_db.h"

#include <mutex>
#include <string>
#include <unordered_map>

namespace reilu::store {

namespace {

Error DbError(sqlite3* db, std::string_view what) {
  return MakeError(ErrorCode::kInternal, std::string(what) + ": " + sqlite3_errmsg(db));
}

class SqliteStatement final : public StatementBackend {
 public:
  // `in_use`: the cache's flag when the statement is the connection's cached one (reset and handed
  // back on destruction); nullptr for a statement of its own (finalized).
  SqliteStatement(sqlite3* db, sqlite3_stmt* stmt, bool* in_use) : db_(db), stmt_(stmt), in_use_(in_use) {}
  ~SqliteStatement() override {
    if (in_use_) {
      sqlite3_reset(stmt_);
      sqlite3_clear_bindings(stmt_);
      *in_use_ = false;
    } else {
      sqlite3_finalize(stmt_);
    }
  }

  void BindInt(int index, std::int64_t value) override { sqlite3_bind_int64(stmt_, IndexOf(index), value); }
  void BindText(int index, std::string_view text) override {
    sqlite3_bind_text64(stmt_, IndexOf(index), text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
  }
  void BindBlob(int index, std::string_view bytes) override {
    sqlite3_bind_blob64(stmt_, IndexOf(index), bytes.data(), bytes.size(), SQLITE_TRANSIENT);
  }
  void BindNull(int index) override { sqlite3_bind_null(stmt_, IndexOf(index)); }

  bool Step() override {
    last_rc_ = sqlite3_step(stmt_);
    if (last_rc_ == SQLITE_ROW) return true;
    if (last_rc_ != SQLITE_DONE) error_ = sqlite3_errmsg(db_);
    return false;
  }
  Status status() const override {
    if (last_rc_ == SQLITE_ROW || last_rc_ == SQLITE_DONE || last_rc_ == SQLITE_OK) return OkStatus();
    if ((last_rc_ & 0xff) == SQLITE_CONSTRAINT) return MakeError(ErrorCode::kConflict, "constraint: " + error_);
    return MakeError(ErrorCode::kInternal, "SQL step failed: " + error_);
  }

  std::int64_t Int(int column) const override { return sqlite3_column_int64(stmt_, column); }
  std::string Text(int column) const override {
    const auto* p = sqlite3_column_text(stmt_, column);
    return p ? std::string(reinterpret_cast<const char*>(p), static_cast<size_t>(sqlite3_column_bytes(stmt_, column)))
             : std::string();
  }
  std::string Blob(int column) const override {
    const void* p = sqlite3_column_blob(stmt_, column);
    return p ? std::string(static_cast<const char*>(p), static_cast<size_t>(sqlite3_column_bytes(stmt_, column)))
             : std::string();
  }
  bool IsNull(int column) const override { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }

 private:
  int IndexOf(int index) const {
    std::string name = "$" + std::to_string(index);
    return sqlite3_bind_parameter_index(stmt_, name.c_str());
  }
  sqlite3* db_;
  sqlite3_stmt* stmt_;
  bool* in_use_;
  int last_rc_ = SQLITE_OK;
  std::string error_;
};

// Hashes std::string and std::string_view alike, so the cache is searched without a copy.
struct SqlHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view sql) const { return std::hash<std::string_view>{}(sql); }
};

class SqliteConnection final : public ConnectionBackend {
 public:
  explicit SqliteConnection(sqlite3* db) : db_(db) {}
  ~SqliteConnection() override {
    for (auto& [sql, cached] : cache_) sqlite3_finalize(cached.stmt);
    sqlite3_close(db_);
  }

  Dialect dialect() const override { return Dialect::kSqlite; }
  Status Exec(std::string_view sql) override {
    std::string text(sql);
    char* err = nullptr;
    if (sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
      std::string msg = err ? err : "unknown error";
      sqlite3_free(err);
      return MakeError(ErrorCode::kInternal, "SQL failed: " + msg);
    }
    return OkStatus();
  }
  // Each statement is compiled once per connection and reused (compiling costs more than running
  // most of them). A statement already in use (a nested query of the same text) gets its own.
  Result<std::unique_ptr<StatementBackend>> Prepare(std::string_view sql) override {
    auto it = cache_.find(sql);
    if (it != cache_.end() && !it->second.in_use) {
      it->second.in_use = true;
      return std::unique_ptr<StatementBackend>(new SqliteStatement(db_, it->second.stmt, &it->second.in_use));
    }
    const bool keep = it == cache_.end() && cache_.size() < kMaxCachedStatements;
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), keep ? SQLITE_PREPARE_PERSISTENT : 0, &stmt,
                           nullptr) != SQLITE_OK) {
      return DbError(db_, "cannot prepare statement");
    }
    if (!keep) return std::unique_ptr<StatementBackend>(new SqliteStatement(db_, stmt, nullptr));
    auto& cached = cache_.emplace(std::string(sql), Cached{stmt, true}).first->second;
    return std::unique_ptr<StatementBackend>(new SqliteStatement(db_, stmt, &cached.in_use));
  }
  std::int64_t Changes() const override { return sqlite3_changes64(db_); }
  Status BeginWrite() override { return Exec("BEGIN IMMEDIATE"); }
  sqlite3* handle() const { return db_; }

 private:
  // Statement texts are the code's own constants (a few are built from table names): a bound
  // keeps a connection's cache small anyway.
  static constexpr std::size_t kMaxCachedStatements = 512;
  struct Cached {
    sqlite3_stmt* stmt;
    bool in_use;
  };
  sqlite3* db_;
  std::unordered_map<std::string, Cached, SqlHash, std::equal_to<>> cache_;  // nodes: flags stay put
};

}  // namespace

Result<Connection> OpenSqlite(const std::string& path, bool read_only) {
  // SQLite counts its memory use under one process-wide mutex unless told not to; every thread's
  // every allocation would wait on it.
  static std::once_flag configured;
  std::call_once(configured, [] { sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });
  sqlite3* db = nullptr;
  int flags = (read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) | SQLITE_OPEN_NOMUTEX;
  if (sqlite3_open_v2(path.c_str(), &db, flags, nullptr) != SQLITE_OK) {
    Error e = DbError(db, "cannot open database");
    sqlite3_close(db);
    return e;
  }
  Connection conn(std::make_unique<SqliteConnection>(db));
  sqlite3_busy_timeout(db, 10000);
  sqlite3_extended_result_codes(db, 1);
  // WAL lets readers proceed during a write; synchronous=FULL makes every commit durable (fsync)
  // before we acknowledge it.
  std::string_view pragmas = read_only ? "PRAGMA foreign_keys=ON;"
                                       : "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;";
  REILU_TRY(conn.Exec(pragmas));
  return conn;
}

sqlite3* SqliteHandle(Connection& conn) {
  auto* sqlite = dynamic_cast<SqliteConnection*>(&conn.backend());
  return sqlite ? sqlite->handle() : nullptr;
}

}  // namespace reilu::store
