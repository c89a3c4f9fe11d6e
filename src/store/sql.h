// A small SQL layer over two backends, SQLite (embedded default) and PostgreSQL (libpq). SQL is
// written once, with parameters as $1, $2, ... (PostgreSQL's style; SQLite binds them by name).
// Integers bind as 64-bit, blobs as bytes; columns are read as integer, text or blob.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "core/result.h"

namespace reilu::store {

enum class Dialect { kSqlite, kPostgres };

class StatementBackend {
 public:
  virtual ~StatementBackend() = default;
  virtual void BindInt(int index, std::int64_t value) = 0;
  virtual void BindText(int index, std::string_view text) = 0;
  virtual void BindBlob(int index, std::string_view bytes) = 0;
  virtual void BindNull(int index) = 0;
  virtual bool Step() = 0;
  virtual Status status() const = 0;
  virtual std::int64_t Int(int column) const = 0;
  virtual std::string Text(int column) const = 0;
  virtual std::string Blob(int column) const = 0;
  virtual bool IsNull(int column) const = 0;
};

class ConnectionBackend {
 public:
  virtual ~ConnectionBackend() = default;
  virtual Dialect dialect() const = 0;
  virtual Status Exec(std::string_view sql) = 0;
  virtual Result<std::unique_ptr<StatementBackend>> Prepare(std::string_view sql) = 0;
  virtual std::int64_t Changes() const = 0;
  // Starts a transaction that holds the write lock until it ends: SQLite's BEGIN IMMEDIATE, and on
  // PostgreSQL a transaction-scoped advisory lock, so that writes from several nodes are serialised
  // as on SQLite (the audit chain appends read the previous entry).
  virtual Status BeginWrite() = 0;
};

class Statement {
 public:
  explicit Statement(std::unique_ptr<StatementBackend> impl) : impl_(std::move(impl)) {}

  Statement& Bind(int index, std::int64_t value) {
    impl_->BindInt(index, value);
    return *this;
  }
  Statement& Bind(int index, std::string_view text) {
    impl_->BindText(index, text);
    return *this;
  }
  Statement& BindBlob(int index, std::string_view bytes) {
    impl_->BindBlob(index, bytes);
    return *this;
  }
  Statement& BindNull(int index) {
    impl_->BindNull(index);
    return *this;
  }

  // Advances; true while a row is available. Errors are kept and returned by status().
  bool Step() { return impl_->Step(); }
  // Runs a statement that returns no rows (or drains the rest).
  Status Run() {
    while (Step()) {
    }
    return status();
  }
  // kConflict for a constraint (unique, foreign key, check, or a trigger refusing the change).
  Status status() const { return impl_->status(); }

  std::int64_t Int(int column) const { return impl_->Int(column); }
  std::string Text(int column) const { return impl_->Text(column); }
  std::string Blob(int column) const { return impl_->Blob(column); }
  bool IsNull(int column) const { return impl_->IsNull(column); }

 private:
  std::unique_ptr<StatementBackend> impl_;
};

class Connection {
 public:
  explicit Connection(std::unique_ptr<ConnectionBackend> impl) : impl_(std::move(impl)) {}

  Dialect dialect() const { return impl_->dialect(); }
  Status Exec(std::string_view sql) { return impl_->Exec(sql); }  // no parameters, may hold several statements
  Result<Statement> Prepare(std::string_view sql);
  std::int64_t Changes() const { return impl_->Changes(); }  // rows changed by the last statement
  ConnectionBackend& backend() { return *impl_; }

 private:
  friend class Transaction;
  std::unique_ptr<ConnectionBackend> impl_;
};

// Holds a write transaction; rolls back unless Commit() succeeded.
class Transaction {
 public:
  static Result<Transaction> Begin(Connection& conn);
  Transaction(Transaction&& other) noexcept;
  Transaction(const Transaction&) = delete;
  ~Transaction();
  Status Commit();

 private:
  explicit Transaction(Connection* conn) : conn_(conn) {}
  Connection* conn_;
};

}  // namespace reilu::store
