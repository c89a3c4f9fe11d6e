// A thin RAII layer over the SQLite C API. Parameters are written $1, $2, ... (the PostgreSQL
// style) and bound by name, so the same SQL text serves both backends.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"

namespace reilu::store {

class Statement;

class Connection {
 public:
  // Opens (creating if needed) the database in WAL mode with full fsync on commit.
  static Result<Connection> Open(const std::string& path, bool read_only = false);
  Connection(Connection&& other) noexcept;
  Connection& operator=(Connection&& other) noexcept;
  Connection(const Connection&) = delete;
  ~Connection();

  Status Exec(std::string_view sql);  // no parameters, may hold several statements
  Result<Statement> Prepare(std::string_view sql);
  sqlite3* raw() const { return db_; }
  std::int64_t Changes() const;

 private:
  explicit Connection(sqlite3* db) : db_(db) {}
  sqlite3* db_ = nullptr;
};

class Statement {
 public:
  Statement(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  ~Statement();

  Statement& Bind(int index, std::int64_t value);
  Statement& Bind(int index, std::string_view text);
  Statement& BindBlob(int index, std::string_view bytes);
  Statement& BindNull(int index);

  // Advances; true while a row is available. Errors are kept and returned by Done()/status().
  bool Step();
  // Runs a statement that returns no rows.
  Status Run();
  Status status() const;

  std::int64_t Int(int column) const;
  std::string Text(int column) const;
  std::string Blob(int column) const;
  bool IsNull(int column) const;

 private:
  friend class Connection;
  Statement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  int IndexOf(int index) const;
  sqlite3* db_;
  sqlite3_stmt* stmt_;
  int last_rc_ = SQLITE_OK;
  std::string error_;
};

// Holds a write transaction (BEGIN IMMEDIATE); rolls back unless Commit() succeeded.
class Transaction {
 public:
  static Result<Transaction> Begin(Connection& conn);
  Transaction(Transaction&& other) noexcept;
  ~Transaction();
  Status Commit();

 private:
  explicit Transaction(Connection* conn) : conn_(conn) {}
  Connection* conn_;
};

}  // namespace reilu::store
