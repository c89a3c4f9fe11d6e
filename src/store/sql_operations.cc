// Operations on the store for the `reilu` command: the server key check, key rotation and SQLite
// online backup.
#include <sqlite3.h>

#include <filesystem>
#include <functional>
#include <map>

#include "codec/codec.h"
#include "store/sql_store.h"
#include "store/sqlite_db.h"

namespace reilu::store {

namespace {

namespace json = boost::json;

// The installation's sealed value `name`, or nullopt when it has not been written yet.
Result<std::optional<std::string>> InstallationValue(Connection& c, std::string_view name) {
  auto s = c.Prepare("SELECT sealed FROM installation WHERE name = $1");
  if (!s) return s.error();
  s->Bind(1, name);
  if (s->Step()) return std::optional<std::string>(s->Blob(0));
  REILU_TRY(s->status());
  return std::optional<std::string>();
}

Status PutInstallationValue(Connection& c, std::string_view name, std::string_view sealed) {
  auto s =
      c.Prepare("INSERT INTO installation (name, sealed) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET sealed = $2");
  if (!s) return s.error();
  return s->Bind(1, name).BindBlob(2, sealed).Run();
}

// Re-seals every value of `column` under `to` (see Vault::ServerSealedColumns).
Result<int> ResealAll(Connection& c, const Vault& vault, const Vault::ServerSealedColumn& column,
                      const crypto::SecretKey& to) {
  struct Row {
    std::string id, org, sealed;
  };
  std::vector<Row> rows;
  {
    const std::string org = *column.org_column ? column.org_column : "''";
    auto s = c.Prepare(std::string("SELECT CAST(") + column.id_column + " AS TEXT), CAST(" + org + " AS TEXT), " +
                       column.column + " FROM " + column.table + " WHERE " + column.column + " IS NOT NULL");
    if (!s) return s.error();
    while (s->Step()) rows.push_back(Row{s->Text(0), s->Text(1), s->Blob(2)});
    REILU_TRY(s->status());
  }
  for (const auto& row : rows) {
    auto resealed = vault.Reseal(column, row.id, row.org, row.sealed, to);
    if (!resealed) return resealed.error();
    auto u = c.Prepare(std::string("UPDATE ") + column.table + " SET " + column.column + " = $1 WHERE CAST(" +
                       column.id_column + " AS TEXT) = $2");
    if (!u) return u.error();
    REILU_TRY(u->BindBlob(1, *resealed).Bind(2, row.id).Run());
  }
  return static_cast<int>(rows.size());
}

}  // namespace

Status SqlStore::AdoptServerKey() {
  return WriteTx<Ok>([&](Connection& c) -> Status {
    auto check = InstallationValue(c, "key_check");
    if (!check) return check.error();
    if (!*check) {
      // First start (or a database from before the check existed).
      *check = vault_.SealKeyCheck();
      REILU_TRY(PutInstallationValue(c, "key_check", **check));
      REILU_TRY(PutInstallationValue(c, "link_key", vault_.SealFirstLinkKey()));
    }
    auto link = InstallationValue(c, "link_key");
    if (!link) return link.error();
    if (!*link) return MakeError(ErrorCode::kInternal, "The installation's link key is missing.");
    return vault_.Adopt(**check, **link);
  });
}

Result<bool> SqlStore::ServerKeyOpens(Connection& conn, const crypto::SecretKey& key) {
  auto check = InstallationValue(conn, "key_check");
  if (!check) return check.error();
  if (!*check) return MakeError(ErrorCode::kInternal, "This database has no server key check yet.");
  return Vault::KeyCheckOpens(**check, key);
}

Status SqlStore::RotateServerKey(const crypto::SecretKey& new_key, UnixTime now) {
  Status rotated = WriteTx<Ok>([&](Connection& c) -> Status {
    std::map<std::string, int> counts;
    for (const auto& column : Vault::ServerSealedColumns()) {
      auto n = ResealAll(c, vault_, column, new_key);
      if (!n) return n.error();
      counts[column.table] = *n;
    }
    auto link = InstallationValue(c, "link_key");
    if (!link) return link.error();
    if (!*link) return MakeError(ErrorCode::kInternal, "The installation's link key is missing.");
    auto resealed_link = vault_.ResealLinkKey(**link, new_key);
    if (!resealed_link) return resealed_link.error();
    REILU_TRY(PutInstallationValue(c, "link_key", *resealed_link));
    REILU_TRY(PutInstallationValue(c, "key_check", Vault::SealKeyCheckWith(new_key)));
    // Every organisation's log records that the key changed (no key material, only counts).
    json::object detail{{"recruitment_keys", counts["recruitment_keys"]}, {"queued_mail", counts["mail_queue"]}};
    auto orgs = c.Prepare("SELECT id FROM organisations ORDER BY id");
    if (!orgs) return orgs.error();
    std::vector<OrgId> ids;
    while (orgs->Step()) ids.push_back(orgs->Int(0));
    REILU_TRY(orgs->status());
    for (OrgId org : ids) {
      REILU_TRY(AppendAuditTx(c, AuditEvent{org, 0, audit_action::kKeyRotate, 0, {}, codec::Serialize(detail)}, now));
    }
    return OkStatus();
  });
  if (!rotated) return rotated;
  vault_.UseServerKey(new_key);
  return OkStatus();
}

Status SqlStore::BackupTo(const std::string& path) {
  auto lease = Reader();
  sqlite3* source = SqliteHandle(*lease);
  if (!source) {
    return MakeError(ErrorCode::kConflict,
                     "Back up PostgreSQL with its own tools (pg_basebackup and WAL archiving, or pg_dump).");
  }
  std::error_code ec;
  std::filesystem::remove(path, ec);
  sqlite3* target = nullptr;
  if (sqlite3_open_v2(path.c_str(), &target, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK) {
    std::string message = target ? sqlite3_errmsg(target) : "out of memory";
    sqlite3_close(target);
    return MakeError(ErrorCode::kInternal, "Cannot create the backup file: " + message);
  }
  sqlite3_backup* backup = sqlite3_backup_init(target, "main", source, "main");
  int rc = SQLITE_ERROR;
  if (backup) {
    // All pages in one step: the copy is one consistent snapshot of the database.
    rc = sqlite3_backup_step(backup, -1);
    sqlite3_backup_finish(backup);
  }
  std::string message = sqlite3_errmsg(target);
  sqlite3_close(target);
  if (rc != SQLITE_DONE) return MakeError(ErrorCode::kInternal, "The backup failed: " + message);
  std::filesystem::permissions(path, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write, ec);
  return OkStatus();
}

}  // namespace reilu::store
