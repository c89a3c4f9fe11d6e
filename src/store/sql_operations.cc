// Operations on the store for the `reilu` command: the server key check, key rotation and SQLite
// online backup.
#include <sqlite3.h>

#include <filesystem>
#include <functional>
#include <map>

#include "codec/codec.h"
#include "store/sealing.h"
#include "store/sql_store.h"
#include "store/sqlite_db.h"

namespace reilu::store {

namespace {

namespace json = boost::json;

std::string_view AsText(std::span<const std::uint8_t, crypto::SecretKey::kSize> bytes) {
  return {reinterpret_cast<const char*>(bytes.data()), bytes.size()};
}

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

Error WrongKey() {
  return MakeError(ErrorCode::kInternal,
                   "The server key does not belong to this database (another installation's key, or a rotation "
                   "that was not finished).");
}

// Re-seals the blob in `column` of every row of `table`; `context` gives each row's associated data
// from its id column (and organisation column, when the table has one), read as text.
struct Reseal {
  const char* table;
  const char* id_column;
  const char* org_column;  // "" when the context needs none
  const char* column;
  std::function<std::string(const std::string& id, const std::string& org)> context;
};

Result<int> ResealAll(Connection& c, const Reseal& r, const crypto::SecretKey& from, const crypto::SecretKey& to) {
  struct Row {
    std::string id, org, sealed;
  };
  std::vector<Row> rows;
  {
    const std::string org = *r.org_column ? r.org_column : "''";
    auto s = c.Prepare(std::string("SELECT CAST(") + r.id_column + " AS TEXT), CAST(" + org + " AS TEXT), " + r.column +
                       " FROM " + r.table + " WHERE " + r.column + " IS NOT NULL");
    if (!s) return s.error();
    while (s->Step()) rows.push_back(Row{s->Text(0), s->Text(1), s->Blob(2)});
    REILU_TRY(s->status());
  }
  for (const auto& row : rows) {
    std::string context = r.context(row.id, row.org);
    auto plain = crypto::Open(from, row.sealed, context);
    if (!plain) return MakeError(ErrorCode::kInternal, std::string("A value in ") + r.table + " does not open.");
    auto u = c.Prepare(std::string("UPDATE ") + r.table + " SET " + r.column + " = $1 WHERE CAST(" + r.id_column +
                       " AS TEXT) = $2");
    if (!u) return u.error();
    REILU_TRY(u->BindBlob(1, crypto::Seal(to, *plain, context)).Bind(2, row.id).Run());
  }
  return static_cast<int>(rows.size());
}

}  // namespace

Status SqlStore::AdoptServerKey() {
  return WriteTx<Ok>([&](Connection& c) -> Status {
    auto check = InstallationValue(c, "key_check");
    if (!check) return check.error();
    if (!*check) {
      // First start (or a database from before the check existed): the link key starts as the
      // server key itself, so status links already e-mailed keep working.
      REILU_TRY(PutInstallationValue(c, "key_check", crypto::Seal(server_key_, kKeyCheckValue, kKeyCheckContext)));
      REILU_TRY(
          PutInstallationValue(c, "link_key", crypto::Seal(server_key_, AsText(server_key_.bytes()), kLinkKeyContext)));
    } else {
      auto opened = crypto::Open(server_key_, **check, kKeyCheckContext);
      if (!opened || *opened != kKeyCheckValue) return WrongKey();
    }
    auto link = InstallationValue(c, "link_key");
    if (!link) return link.error();
    if (!*link) return MakeError(ErrorCode::kInternal, "The installation's link key is missing.");
    auto raw = crypto::Open(server_key_, **link, kLinkKeyContext);
    if (!raw) return WrongKey();
    auto key = crypto::SecretKey::FromBytes(*raw);
    if (!key) return key.error();
    link_key_ = *key;
    return OkStatus();
  });
}

Result<bool> SqlStore::ServerKeyOpens(Connection& conn, const crypto::SecretKey& key) {
  auto check = InstallationValue(conn, "key_check");
  if (!check) return check.error();
  if (!*check) return MakeError(ErrorCode::kInternal, "This database has no server key check yet.");
  return KeyCheckOpens(**check, key);
}

bool SqlStore::KeyCheckOpens(std::string_view sealed, const crypto::SecretKey& key) {
  auto opened = crypto::Open(key, sealed, kKeyCheckContext);
  return opened.ok() && *opened == kKeyCheckValue;
}

Status SqlStore::RotateServerKey(const crypto::SecretKey& new_key, UnixTime now) {
  const crypto::SecretKey old_key = server_key_;
  Status rotated = WriteTx<Ok>([&](Connection& c) -> Status {
    std::map<std::string, int> counts;
    auto number = [](const std::string& text) { return static_cast<std::int64_t>(std::stoll(text)); };
    const std::vector<Reseal> all = {
        {"recruitment_keys", "recruitment_id", "org_id", "wrapped_key",
         [&](const std::string& id, const std::string& org) { return KeyWrapContext(number(org), number(id)); }},
        {"mail_queue", "id", "", "sealed", [](const std::string& id, const std::string&) { return MailContext(id); }},
        {"mail_settings", "org_id", "", "sealed",
         [&](const std::string& id, const std::string&) { return MailSettingsContext(number(id)); }},
        {"mail_settings_pending", "org_id", "", "sealed",
         [&](const std::string& id, const std::string&) { return MailSettingsContext(number(id)); }},
    };
    for (const auto& r : all) {
      auto n = ResealAll(c, r, old_key, new_key);
      if (!n) return n.error();
      counts[r.table] = *n;
    }
    auto link = InstallationValue(c, "link_key");
    if (!link) return link.error();
    if (!*link) return MakeError(ErrorCode::kInternal, "The installation's link key is missing.");
    auto raw = crypto::Open(old_key, **link, kLinkKeyContext);
    if (!raw) return WrongKey();
    REILU_TRY(PutInstallationValue(c, "link_key", crypto::Seal(new_key, *raw, kLinkKeyContext)));
    REILU_TRY(PutInstallationValue(c, "key_check", crypto::Seal(new_key, kKeyCheckValue, kKeyCheckContext)));
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
  server_key_ = new_key;
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
