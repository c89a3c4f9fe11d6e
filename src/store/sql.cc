#include "store/sql.h"

namespace reilu::store {

Result<Statement> Connection::Prepare(std::string_view sql) {
  auto impl = impl_->Prepare(sql);
  if (!impl) return impl.error();
  return Statement(std::move(*impl));
}

Result<Transaction> Transaction::Begin(Connection& conn) {
  REILU_TRY(conn.impl_->BeginWrite());
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
