#include "store/postgres_db.h"

#include <libpq-fe.h>

#include <charconv>
#include <optional>
#include <vector>

namespace reilu::store {

namespace {

// Type OIDs from PostgreSQL's catalog (pg_type): stable across versions.
constexpr Oid kInt8Oid = 20;
constexpr Oid kByteaOid = 17;

// A transaction-scoped advisory lock key that every writer takes first ("reilu" in ASCII).
constexpr const char* kBeginWrite = "BEGIN; SELECT pg_advisory_xact_lock(491496453749)";

Error ResultError(const PGresult* res, const PGconn* conn, std::string_view what) {
  const char* state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : nullptr;
  std::string message = res ? PQresultErrorMessage(res) : PQerrorMessage(conn);
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  // Class 23: integrity constraint violation (unique, foreign key, check, and our refusing triggers).
  if (state && std::string_view(state).substr(0, 2) == "23") {
    return MakeError(ErrorCode::kConflict, "constraint: " + message);
  }
  return MakeError(ErrorCode::kInternal, std::string(what) + ": " + message);
}

class PgConnection;

class PgStatement final : public StatementBackend {
 public:
  PgStatement(PgConnection* conn, std::string sql) : conn_(conn), sql_(std::move(sql)) {}
  ~PgStatement() override { PQclear(result_); }

  void BindInt(int index, std::int64_t value) override { Set(index, std::to_string(value), kInt8Oid, 0); }
  void BindText(int index, std::string_view text) override { Set(index, std::string(text), 0, 0); }
  void BindBlob(int index, std::string_view bytes) override { Set(index, std::string(bytes), kByteaOid, 1); }
  void BindNull(int index) override {
    Grow(index);
    values_[static_cast<size_t>(index - 1)].reset();
  }

  bool Step() override;
  Status status() const override { return error_ ? Status(*error_) : OkStatus(); }

  std::int64_t Int(int column) const override {
    if (IsNull(column)) return 0;
    const char* v = PQgetvalue(result_, row_, column);
    std::int64_t out = 0;
    std::from_chars(v, v + PQgetlength(result_, row_, column), out);
    return out;
  }
  std::string Text(int column) const override {
    return std::string(PQgetvalue(result_, row_, column), static_cast<size_t>(PQgetlength(result_, row_, column)));
  }
  std::string Blob(int column) const override {
    if (IsNull(column)) return {};
    size_t length = 0;
    unsigned char* bytes =
        PQunescapeBytea(reinterpret_cast<const unsigned char*>(PQgetvalue(result_, row_, column)), &length);
    if (!bytes) return {};
    std::string out(reinterpret_cast<const char*>(bytes), length);
    PQfreemem(bytes);
    return out;
  }
  bool IsNull(int column) const override { return PQgetisnull(result_, row_, column) != 0; }

 private:
  void Grow(int index) {
    size_t n = static_cast<size_t>(index);
    if (values_.size() < n) {
      values_.resize(n);
      types_.resize(n, 0);
      formats_.resize(n, 0);
    }
  }
  void Set(int index, std::string value, Oid type, int format) {
    Grow(index);
    size_t i = static_cast<size_t>(index - 1);
    values_[i] = std::move(value);
    types_[i] = type;
    formats_[i] = format;
  }

  PgConnection* conn_;
  std::string sql_;
  std::vector<std::optional<std::string>> values_;
  std::vector<Oid> types_;
  std::vector<int> formats_;
  PGresult* result_ = nullptr;
  bool executed_ = false;
  int row_ = -1;
  std::optional<Error> error_;
};

class PgConnection final : public ConnectionBackend {
 public:
  explicit PgConnection(PGconn* conn) : conn_(conn) {
    PQsetNoticeProcessor(
        conn_, [](void*, const char*) {}, nullptr);  // notices are not errors
  }
  ~PgConnection() override { PQfinish(conn_); }

  Dialect dialect() const override { return Dialect::kPostgres; }
  Status Exec(std::string_view sql) override {
    PGresult* res = PQexec(conn_, std::string(sql).c_str());
    ExecStatusType st = PQresultStatus(res);
    Status out = OkStatus();
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK && st != PGRES_EMPTY_QUERY) {
      out = ResultError(res, conn_, "SQL failed");
    }
    PQclear(res);
    return out;
  }
  Result<std::unique_ptr<StatementBackend>> Prepare(std::string_view sql) override {
    return std::unique_ptr<StatementBackend>(new PgStatement(this, std::string(sql)));
  }
  std::int64_t Changes() const override { return changes_; }
  Status BeginWrite() override { return Exec(kBeginWrite); }

  PGconn* raw() const { return conn_; }
  void set_changes(std::int64_t n) { changes_ = n; }

 private:
  PGconn* conn_;
  std::int64_t changes_ = 0;
};

bool PgStatement::Step() {
  if (!executed_) {
    executed_ = true;
    std::vector<const char*> values(values_.size());
    std::vector<int> lengths(values_.size());
    for (size_t i = 0; i < values_.size(); ++i) {
      values[i] = values_[i] ? values_[i]->data() : nullptr;
      lengths[i] = values_[i] ? static_cast<int>(values_[i]->size()) : 0;
    }
    result_ = PQexecParams(conn_->raw(), sql_.c_str(), static_cast<int>(values_.size()), types_.data(), values.data(),
                           lengths.data(), formats_.data(), 0);
    ExecStatusType st = PQresultStatus(result_);
    if (st != PGRES_TUPLES_OK && st != PGRES_COMMAND_OK) {
      error_ = ResultError(result_, conn_->raw(), "SQL failed");
      return false;
    }
    const char* changed = PQcmdTuples(result_);
    std::int64_t n = 0;
    if (changed && *changed) std::from_chars(changed, changed + std::char_traits<char>::length(changed), n);
    conn_->set_changes(n);
  }
  if (error_ || PQresultStatus(result_) != PGRES_TUPLES_OK) return false;
  if (row_ + 1 >= PQntuples(result_)) return false;
  ++row_;
  return true;
}

}  // namespace

Result<Connection> OpenPostgres(const std::string& conninfo) {
  PGconn* conn = PQconnectdb(conninfo.c_str());
  if (PQstatus(conn) != CONNECTION_OK) {
    std::string message = PQerrorMessage(conn);
    PQfinish(conn);
    while (!message.empty() && message.back() == '\n') message.pop_back();
    return MakeError(ErrorCode::kInternal, "Cannot connect to PostgreSQL: " + message);
  }
  Connection out(std::make_unique<PgConnection>(conn));
  // Times and sorting do not depend on the server's settings; every statement gets a ceiling.
  REILU_TRY(out.Exec("SET TIME ZONE 'UTC'; SET statement_timeout = '60s'"));
  return out;
}

}  // namespace reilu::store
