#include "store/migrations.h"

#include <array>
#include <string>

namespace reilu::store {

namespace {

// Types are kept to what PostgreSQL also accepts (BIGINT, TEXT); BLOB maps to BYTEA there.
// Every table that holds organisation data carries org_id, and every query filters on it.
constexpr std::string_view kV1 = R"SQL(
CREATE TABLE organisations (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  policy_permanent TEXT NOT NULL,
  policy_fixed_term TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE TABLE units (
  id INTEGER PRIMARY KEY,
  org_id BIGINT NOT NULL REFERENCES organisations(id),
  name TEXT NOT NULL
);
CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  org_id BIGINT NOT NULL REFERENCES organisations(id),
  username TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL
);
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  org_id BIGINT NOT NULL REFERENCES organisations(id),
  user_id BIGINT NOT NULL REFERENCES users(id),
  csrf_token TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL
);
CREATE TABLE recruitments (
  id INTEGER PRIMARY KEY,
  org_id BIGINT NOT NULL REFERENCES organisations(id),
  unit_id BIGINT NOT NULL DEFAULT 0,
  owner_id BIGINT NOT NULL REFERENCES users(id),
  state TEXT NOT NULL,
  employment_term TEXT NOT NULL,
  anonymous INTEGER NOT NULL,
  anonymity_exception_reason TEXT NOT NULL DEFAULT '',
  deadline BIGINT NOT NULL,
  published_at BIGINT NOT NULL DEFAULT 0,
  version BIGINT NOT NULL DEFAULT 1,
  content TEXT NOT NULL,
  order_key BLOB NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX recruitments_org ON recruitments(org_id, id);
CREATE INDEX recruitments_public ON recruitments(state, deadline);
CREATE TABLE recruitment_reviewers (
  org_id BIGINT NOT NULL,
  recruitment_id BIGINT NOT NULL REFERENCES recruitments(id),
  user_id BIGINT NOT NULL REFERENCES users(id),
  PRIMARY KEY (recruitment_id, user_id)
);
-- The per-recruitment data key, wrapped (encrypted) by the server key. Deleting the row shreds
-- every identity of the recruitment.
CREATE TABLE recruitment_keys (
  recruitment_id BIGINT PRIMARY KEY REFERENCES recruitments(id),
  org_id BIGINT NOT NULL,
  wrapped_key BLOB NOT NULL
);
-- Merit part: what reviewers may see. No identity column exists here.
CREATE TABLE applications (
  id TEXT PRIMARY KEY,
  org_id BIGINT NOT NULL,
  recruitment_id BIGINT NOT NULL REFERENCES recruitments(id),
  pseudonym TEXT NOT NULL,
  reference TEXT NOT NULL UNIQUE,
  merits TEXT NOT NULL,
  redacted TEXT,
  state TEXT NOT NULL DEFAULT 'received',
  received_at BIGINT NOT NULL,
  UNIQUE (recruitment_id, pseudonym)
);
CREATE INDEX applications_recruitment ON applications(org_id, recruitment_id);
-- Identity part: identity fields and the original free text, sealed under the recruitment key.
CREATE TABLE application_identities (
  application_id TEXT PRIMARY KEY REFERENCES applications(id),
  org_id BIGINT NOT NULL,
  recruitment_id BIGINT NOT NULL,
  sealed BLOB NOT NULL
);
CREATE TABLE lifts (
  id INTEGER PRIMARY KEY,
  org_id BIGINT NOT NULL,
  recruitment_id BIGINT NOT NULL REFERENCES recruitments(id),
  application_id TEXT,
  actor_id BIGINT NOT NULL,
  reason TEXT NOT NULL,
  at BIGINT NOT NULL
);
CREATE INDEX lifts_recruitment ON lifts(org_id, recruitment_id);
CREATE TABLE idempotency_keys (
  recruitment_id BIGINT NOT NULL,
  key_hash TEXT NOT NULL,
  request_hash TEXT NOT NULL,
  application_id TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (recruitment_id, key_hash)
);
CREATE TABLE audit_log (
  org_id BIGINT NOT NULL,
  seq BIGINT NOT NULL,
  at BIGINT NOT NULL,
  actor_id BIGINT NOT NULL,
  action TEXT NOT NULL,
  recruitment_id BIGINT NOT NULL,
  application_id TEXT NOT NULL,
  detail TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL,
  PRIMARY KEY (org_id, seq)
);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
)SQL";

constexpr std::array<Migration, 1> kMigrations = {{
    {1, "initial schema", kV1},
}};

}  // namespace

std::span<const Migration> SqliteMigrations() { return kMigrations; }

Result<int> Migrate(Connection& conn) {
  REILU_TRY(
      conn.Exec("CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, name TEXT NOT NULL, "
                "applied_at BIGINT NOT NULL)"));
  int current = 0;
  {
    auto stmt = conn.Prepare("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
    if (!stmt) return stmt.error();
    if (stmt->Step()) current = static_cast<int>(stmt->Int(0));
    REILU_TRY(stmt->status());
  }
  for (const Migration& m : SqliteMigrations()) {
    if (m.version <= current) continue;
    auto tx = Transaction::Begin(conn);
    if (!tx) return tx.error();
    REILU_TRY(conn.Exec(m.sql));
    auto record = conn.Prepare(
        "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, CAST(strftime('%s','now') AS "
        "INTEGER))");
    if (!record) return record.error();
    REILU_TRY(record->Bind(1, static_cast<std::int64_t>(m.version)).Bind(2, m.name).Run());
    REILU_TRY(tx->Commit());
    current = m.version;
  }
  return current;
}

}  // namespace reilu::store
