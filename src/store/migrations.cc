#include "store/migrations.h"

#include <array>
#include <ctime>
#include <regex>
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

// Screening, interviews, decisions, the mail queue and applicant self-service.
constexpr std::string_view kV2 = R"SQL(
ALTER TABLE users ADD COLUMN email TEXT NOT NULL DEFAULT '';
CREATE TABLE scores (
  org_id BIGINT NOT NULL,
  recruitment_id BIGINT NOT NULL REFERENCES recruitments(id),
  application_id TEXT NOT NULL REFERENCES applications(id),
  reviewer_id BIGINT NOT NULL REFERENCES users(id),
  criterion_id TEXT NOT NULL,
  value BIGINT NOT NULL CHECK (value BETWEEN 1 AND 5),
  justification TEXT NOT NULL DEFAULT '',
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (application_id, reviewer_id, criterion_id)
);
CREATE INDEX scores_recruitment ON scores(org_id, recruitment_id);
CREATE TABLE recusals (
  org_id BIGINT NOT NULL,
  recruitment_id BIGINT NOT NULL REFERENCES recruitments(id),
  application_id TEXT NOT NULL REFERENCES applications(id),
  reviewer_id BIGINT NOT NULL REFERENCES users(id),
  at BIGINT NOT NULL,
  PRIMARY KEY (application_id, reviewer_id)
);
CREATE TABLE shortlists (
  recruitment_id BIGINT PRIMARY KEY REFERENCES recruitments(id),
  org_id BIGINT NOT NULL,
  actor_id BIGINT NOT NULL,
  reason TEXT NOT NULL,
  frozen_at BIGINT NOT NULL
);
CREATE TABLE shortlist_entries (
  org_id BIGINT NOT NULL,
  recruitment_id BIGINT NOT NULL REFERENCES shortlists(recruitment_id),
  application_id TEXT NOT NULL REFERENCES applications(id),
  PRIMARY KEY (recruitment_id, application_id)
);
-- Once the shortlist exists, the anonymous-stage scores are evidence: the database refuses changes.
CREATE TRIGGER scores_frozen_insert BEFORE INSERT ON scores
WHEN EXISTS (SELECT 1 FROM shortlists WHERE recruitment_id = NEW.recruitment_id)
BEGIN SELECT RAISE(ABORT, 'scores are frozen'); END;
CREATE TRIGGER scores_frozen_update BEFORE UPDATE ON scores
WHEN EXISTS (SELECT 1 FROM shortlists WHERE recruitment_id = OLD.recruitment_id)
BEGIN SELECT RAISE(ABORT, 'scores are frozen'); END;
CREATE TRIGGER scores_frozen_delete BEFORE DELETE ON scores
WHEN EXISTS (SELECT 1 FROM shortlists WHERE recruitment_id = OLD.recruitment_id)
BEGIN SELECT RAISE(ABORT, 'scores are frozen'); END;
CREATE TABLE interviews (
  id INTEGER PRIMARY KEY,
  org_id BIGINT NOT NULL,
  recruitment_id BIGINT NOT NULL REFERENCES recruitments(id),
  application_id TEXT NOT NULL REFERENCES applications(id),
  starts_at BIGINT NOT NULL,
  minutes BIGINT NOT NULL,
  location TEXT NOT NULL,
  interviewers TEXT NOT NULL,
  created_by BIGINT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX interviews_recruitment ON interviews(org_id, recruitment_id);
CREATE TABLE interview_notes (
  org_id BIGINT NOT NULL,
  interview_id BIGINT NOT NULL REFERENCES interviews(id),
  author_id BIGINT NOT NULL REFERENCES users(id),
  criterion_id TEXT NOT NULL,
  score BIGINT,
  note TEXT NOT NULL,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (interview_id, author_id, criterion_id)
);
CREATE TABLE decisions (
  recruitment_id BIGINT PRIMARY KEY REFERENCES recruitments(id),
  org_id BIGINT NOT NULL,
  decided_by BIGINT NOT NULL,
  decided_at BIGINT NOT NULL,
  reasoning TEXT NOT NULL,
  appeal_ends TEXT NOT NULL,
  ranking TEXT NOT NULL
);
CREATE TABLE decision_outcomes (
  org_id BIGINT NOT NULL,
  recruitment_id BIGINT NOT NULL REFERENCES decisions(recruitment_id),
  application_id TEXT NOT NULL REFERENCES applications(id),
  outcome TEXT NOT NULL,
  PRIMARY KEY (recruitment_id, application_id)
);
CREATE TRIGGER decisions_final BEFORE UPDATE ON decisions
BEGIN SELECT RAISE(ABORT, 'a decision is final'); END;
CREATE TRIGGER decision_outcomes_final BEFORE UPDATE ON decision_outcomes
BEGIN SELECT RAISE(ABORT, 'a decision is final'); END;
-- Outgoing e-mail. The message (recipient and text) is sealed under the server key and erased
-- once sent; the row keeps only what an operator needs to see delivery.
CREATE TABLE mail_queue (
  id TEXT PRIMARY KEY,
  org_id BIGINT NOT NULL,
  recruitment_id BIGINT NOT NULL,
  kind TEXT NOT NULL,
  sealed BLOB,
  status TEXT NOT NULL,
  attempts BIGINT NOT NULL DEFAULT 0,
  next_attempt_at BIGINT NOT NULL,
  last_error TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  sent_at BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX mail_queue_due ON mail_queue(status, next_attempt_at);
CREATE TABLE mail_settings (
  org_id BIGINT PRIMARY KEY REFERENCES organisations(id),
  sealed BLOB NOT NULL,
  updated_at BIGINT NOT NULL
);
)SQL";

// A proposed change of the mail relay waits here for a second person's confirmation.
constexpr const char* kV3 = R"SQL(
CREATE TABLE mail_settings_pending (
  org_id BIGINT PRIMARY KEY REFERENCES organisations(id),
  sealed BLOB NOT NULL,
  proposed_by BIGINT NOT NULL,
  proposed_at BIGINT NOT NULL
);
)SQL";

// Values the installation keeps about itself: a check that the server key belongs to this
// database, and the sealed secret behind applicants' status links.
constexpr const char* kV4 = R"SQL(
CREATE TABLE installation (
  name TEXT PRIMARY KEY,
  sealed BLOB NOT NULL
);
)SQL";

// Failed-login windows, shared by every node behind a balancer (keys are digests).
constexpr const char* kV5 = R"SQL(
CREATE TABLE login_windows (
  key TEXT PRIMARY KEY,
  started BIGINT NOT NULL,
  failures BIGINT NOT NULL
);
CREATE INDEX login_windows_started ON login_windows(started);
)SQL";

// What application lists show changes with this number (lists are cached and ETagged by it).
constexpr const char* kV6 = R"SQL(
ALTER TABLE recruitments ADD COLUMN data_version BIGINT NOT NULL DEFAULT 0;
)SQL";

// The registry office's register of public-records requests and its disclosure log.
constexpr const char* kV7 = R"SQL(
CREATE TABLE records_requests (
  id INTEGER PRIMARY KEY,
  org_id BIGINT NOT NULL REFERENCES organisations(id),
  recruitment_id BIGINT NOT NULL REFERENCES recruitments(id),
  requester TEXT NOT NULL,
  requester_contact TEXT NOT NULL,
  received_on TEXT NOT NULL,
  subject TEXT NOT NULL,
  applicant_list INTEGER NOT NULL,
  applications INTEGER NOT NULL,
  decision TEXT NOT NULL,
  ground TEXT NOT NULL,
  explanation TEXT NOT NULL,
  answered_on TEXT NOT NULL,
  registered_by BIGINT NOT NULL,
  decided_by BIGINT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX records_requests_org ON records_requests(org_id, recruitment_id);
CREATE TABLE records_disclosures (
  id INTEGER PRIMARY KEY,
  org_id BIGINT NOT NULL REFERENCES organisations(id),
  request_id BIGINT NOT NULL REFERENCES records_requests(id),
  kind TEXT NOT NULL,
  application_id TEXT NOT NULL,
  actor BIGINT NOT NULL,
  at BIGINT NOT NULL
);
CREATE INDEX records_disclosures_request ON records_disclosures(org_id, request_id);
)SQL";

// Retention: the schedule per organisation, legal holds, and the disposal log (which keeps the
// anonymous counts of what was disposed).
constexpr const char* kV8 = R"SQL(
CREATE TABLE retention_policies (
  org_id BIGINT PRIMARY KEY REFERENCES organisations(id),
  others_years BIGINT NOT NULL,
  selected_years BIGINT NOT NULL,
  updated_by BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE TABLE legal_holds (
  id INTEGER PRIMARY KEY,
  org_id BIGINT NOT NULL REFERENCES organisations(id),
  recruitment_id BIGINT NOT NULL REFERENCES recruitments(id),
  reason TEXT NOT NULL,
  placed_by BIGINT NOT NULL,
  placed_at BIGINT NOT NULL,
  released_by BIGINT NOT NULL DEFAULT 0,
  released_at BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX legal_holds_recruitment ON legal_holds(org_id, recruitment_id);
CREATE TABLE disposals (
  id INTEGER PRIMARY KEY,
  org_id BIGINT NOT NULL REFERENCES organisations(id),
  recruitment_id BIGINT NOT NULL REFERENCES recruitments(id),
  at BIGINT NOT NULL,
  applications BIGINT NOT NULL,
  key_shredded INTEGER NOT NULL
);
CREATE INDEX disposals_org ON disposals(org_id, at);
)SQL";

// Data minimisation: the optional identity fields an organisation asks, each with its legal basis.
constexpr const char* kV9 = R"SQL(
CREATE TABLE collected_fields (
  org_id BIGINT NOT NULL REFERENCES organisations(id),
  field TEXT NOT NULL,
  legal_basis TEXT NOT NULL,
  PRIMARY KEY (org_id, field)
);
)SQL";

// The organisation's own part of the privacy notice (controller, contact), per language (JSON).
constexpr const char* kV10 = R"SQL(
CREATE TABLE privacy_notices (
  org_id BIGINT PRIMARY KEY REFERENCES organisations(id),
  texts TEXT NOT NULL,
  updated_by BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
)SQL";

// One recruitment's entries of one kind (who read identities in it) without reading the whole log.
constexpr const char* kV11 = R"SQL(
CREATE INDEX audit_log_recruitment ON audit_log(org_id, recruitment_id, action, seq);
)SQL";

// Login domains (issue 10): usernames of every organisation but the first are written
// "name@domain", so one organisation's admin cannot find another's usernames by creating accounts.
// Existing organisations after the first get "org<id>" (their existing accounts keep their names).
constexpr const char* kV12 = R"SQL(
ALTER TABLE organisations ADD COLUMN login_domain TEXT;
UPDATE organisations SET login_domain = 'org' || CAST(id AS TEXT) WHERE id > (SELECT MIN(id) FROM organisations);
CREATE UNIQUE INDEX organisations_login_domain ON organisations (login_domain);
)SQL";

// Equality statistics (issue 13): given with consent, kept apart from the application and the
// identity, read only to be counted.
constexpr const char* kV13 = R"SQL(
CREATE TABLE equality_statistics (
  application_id TEXT PRIMARY KEY REFERENCES applications(id),
  org_id BIGINT NOT NULL,
  recruitment_id BIGINT NOT NULL,
  gender TEXT NOT NULL,
  age_band TEXT NOT NULL,
  language_group TEXT NOT NULL
);
CREATE INDEX equality_statistics_recruitment ON equality_statistics (org_id, recruitment_id);
)SQL";

// Where applicants send a rectification request (the registry office's address), told in every
// decision notice and document.
constexpr const char* kV14 = R"SQL(
ALTER TABLE organisations ADD COLUMN registry_contact TEXT NOT NULL DEFAULT '';
)SQL";

// Attachments (a CV, certificates): the original sealed with the recruitment key as the identity
// is, the reviewers' rendition in the clear once HR has released it. What reviewers may know of
// them (place, kind, released) is kept on the application row, so lists stay one query.
constexpr const char* kV15 = R"SQL(
CREATE TABLE attachments (
  application_id TEXT NOT NULL REFERENCES applications(id),
  position INTEGER NOT NULL,
  org_id BIGINT NOT NULL,
  recruitment_id BIGINT NOT NULL,
  kind TEXT NOT NULL,
  sealed_original BLOB,
  sealed_details BLOB,
  rendition BLOB,
  PRIMARY KEY (application_id, position)
);
CREATE INDEX attachments_recruitment ON attachments (org_id, recruitment_id);
ALTER TABLE applications ADD COLUMN attachments TEXT NOT NULL DEFAULT '[]';
)SQL";

// Eligibility (kelpoisuus) as the owner assessed it, and the audit log by action and time, so the
// council's reports read the exceptions, grants and registry reads of a period without the whole log.
constexpr const char* kV16 = R"SQL(
CREATE TABLE eligibility (
  application_id TEXT PRIMARY KEY REFERENCES applications(id),
  org_id BIGINT NOT NULL,
  recruitment_id BIGINT NOT NULL,
  eligible INTEGER NOT NULL,
  reason TEXT NOT NULL,
  requirements TEXT NOT NULL DEFAULT '[]',
  assessed_by BIGINT NOT NULL,
  assessed_at BIGINT NOT NULL
);
CREATE INDEX audit_log_action ON audit_log (org_id, action, actor_id, at);
CREATE INDEX decision_outcomes_outcome ON decision_outcomes (org_id, outcome, application_id);
CREATE INDEX shortlist_entries_org ON shortlist_entries (org_id, application_id);
CREATE INDEX interviews_application ON interviews (org_id, application_id);
CREATE INDEX eligibility_recruitment ON eligibility (org_id, recruitment_id);
CREATE INDEX eligibility_org ON eligibility (org_id, eligible, application_id);
CREATE INDEX equality_statistics_org ON equality_statistics (org_id, application_id, gender, age_band, language_group);
CREATE INDEX applications_report ON applications (org_id, recruitment_id, state, id);
)SQL";

// After the decision: the selected person's acceptance and the conditions of the selection, and
// offers to the reserve. Only what the process needs: a condition's kind, the owner's note and
// whether it was met (never a medical finding).
constexpr const char* kV17 = R"SQL(
CREATE TABLE acceptances (
  application_id TEXT PRIMARY KEY REFERENCES applications(id),
  org_id BIGINT NOT NULL,
  recruitment_id BIGINT NOT NULL,
  state TEXT NOT NULL,
  conditions TEXT NOT NULL DEFAULT '[]',
  offered_at BIGINT NOT NULL,
  answered_at BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX acceptances_recruitment ON acceptances (org_id, recruitment_id);
)SQL";

// Per-applicant delivery of the decision notice: which mail was whose (no address: the row keeps
// none), when the applicant first opened the status link after the decision, and a notice sent by
// letter instead.
constexpr const char* kV18 = R"SQL(
ALTER TABLE mail_queue ADD COLUMN application_id TEXT NOT NULL DEFAULT '';
CREATE TABLE notice_deliveries (
  application_id TEXT PRIMARY KEY REFERENCES applications(id),
  org_id BIGINT NOT NULL,
  recruitment_id BIGINT NOT NULL,
  opened_at BIGINT NOT NULL DEFAULT 0,
  letter_sent_at BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX notice_deliveries_recruitment ON notice_deliveries (org_id, recruitment_id);
)SQL";

// Rectification requests (GDPR art. 16) from the status link: the applicant's words and the
// owner's answer are sealed with the recruitment's key (they are about a person); the state and the
// days stay readable for the answer's deadline and the counts.
constexpr const char* kV19 = R"SQL(
CREATE TABLE rectification_requests (
  id INTEGER PRIMARY KEY,
  org_id BIGINT NOT NULL,
  recruitment_id BIGINT NOT NULL REFERENCES recruitments(id),
  application_id TEXT NOT NULL REFERENCES applications(id),
  sealed_what BLOB NOT NULL,
  received_at BIGINT NOT NULL,
  state TEXT NOT NULL,
  sealed_answer BLOB,
  answered_by BIGINT NOT NULL DEFAULT 0,
  answered_at BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX rectification_requests_recruitment ON rectification_requests (org_id, recruitment_id);
)SQL";

// Retention per document type: interview notes and the register of records requests get periods
// of their own. A disposed application's reviewers' justifications are emptied too, so the frozen
// scores allow exactly that change (the value and everything else stay as they were).
constexpr const char* kV20 = R"SQL(
ALTER TABLE retention_policies ADD COLUMN interview_notes_years BIGINT NOT NULL DEFAULT 2;
ALTER TABLE retention_policies ADD COLUMN records_requests_years BIGINT NOT NULL DEFAULT 2;
DROP TRIGGER scores_frozen_update;
CREATE TRIGGER scores_frozen_update BEFORE UPDATE ON scores
WHEN EXISTS (SELECT 1 FROM shortlists WHERE recruitment_id = OLD.recruitment_id)
  AND NOT (NEW.justification = '' AND NEW.value = OLD.value AND NEW.org_id = OLD.org_id
           AND NEW.recruitment_id = OLD.recruitment_id AND NEW.application_id = OLD.application_id
           AND NEW.reviewer_id = OLD.reviewer_id AND NEW.criterion_id = OLD.criterion_id
           AND NEW.updated_at = OLD.updated_at)
BEGIN SELECT RAISE(ABORT, 'scores are frozen'); END;
)SQL";

// A records request may find, applicant by applicant, that a non-disclosure wish has no ground in
// the law: application id → the ground, as JSON.
constexpr const char* kV21 = R"SQL(
ALTER TABLE records_requests ADD COLUMN wish_overrides TEXT NOT NULL DEFAULT '{}';
)SQL";

// The way back to one's applications without the link: a keyed digest of the e-mail address (the
// address itself stays sealed with the identity), so that the links can be sent to that address.
constexpr const char* kV22 = R"SQL(
ALTER TABLE applications ADD COLUMN email_key TEXT NOT NULL DEFAULT '';
CREATE INDEX applications_email_key ON applications (email_key);
)SQL";

// Drafts the applicant chose to keep on the server (to go on later or elsewhere): sealed under the
// recruitment key like an application, reached with a secret whose hash alone is stored, gone at
// the deadline.
constexpr const char* kV23 = R"SQL(
CREATE TABLE application_drafts (
  id TEXT PRIMARY KEY,
  org_id BIGINT NOT NULL,
  recruitment_id BIGINT NOT NULL REFERENCES recruitments(id),
  secret_hash TEXT NOT NULL,
  sealed BLOB NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL
);
CREATE INDEX application_drafts_expiry ON application_drafts (expires_at);
)SQL";

// The decision's reasoning in the ad's other languages (JSON object by language).
constexpr const char* kV24 = R"SQL(
ALTER TABLE decisions ADD COLUMN reasoning_in TEXT NOT NULL DEFAULT '{}';
)SQL";

constexpr std::array<Migration, 24> kMigrations = {{
    {1, "initial schema", kV1},
    {2, "screening, interviews, decisions, mail", kV2},
    {3, "two-person mail relay changes", kV3},
    {4, "server key check and link key", kV4},
    {5, "login throttling shared by nodes", kV5},
    {6, "data version of application lists", kV6},
    {7, "public-records requests", kV7},
    {8, "retention and disposal", kV8},
    {9, "collected identity fields", kV9},
    {10, "privacy notices", kV10},
    {11, "audit log by recruitment", kV11},
    {12, "login domains", kV12},
    {13, "equality statistics", kV13},
    {14, "registry contact", kV14},
    {15, "attachments", kV15},
    {16, "eligibility and reports by period", kV16},
    {17, "acceptance and conditional selection", kV17},
    {18, "notice deliveries", kV18},
    {19, "rectification requests", kV19},
    {20, "retention per document type", kV20},
    {21, "non-disclosure wishes overridden", kV21},
    {22, "status links by e-mail", kV22},
    {23, "application drafts on the server", kV23},
    {24, "decision reasoning in several languages", kV24},
}};

// PostgreSQL's versions of the triggers above: one function refuses with the trigger's message
// (SQLSTATE 23000, read as a constraint like SQLite's RAISE(ABORT)).
constexpr const char* kV1PostgresTriggers = R"SQL(
CREATE FUNCTION reilu_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION USING ERRCODE = '23000', MESSAGE = TG_ARGV[0]; END $$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
FOR EACH ROW EXECUTE FUNCTION reilu_refuse('the audit log is append-only');
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
FOR EACH ROW EXECUTE FUNCTION reilu_refuse('the audit log is append-only');
)SQL";

constexpr const char* kV2PostgresTriggers = R"SQL(
CREATE FUNCTION reilu_scores_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE rid BIGINT;
BEGIN
  IF TG_OP = 'INSERT' THEN rid := NEW.recruitment_id; ELSE rid := OLD.recruitment_id; END IF;
  IF EXISTS (SELECT 1 FROM shortlists WHERE recruitment_id = rid) THEN
    RAISE EXCEPTION USING ERRCODE = '23000', MESSAGE = 'scores are frozen';
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER scores_frozen BEFORE INSERT OR UPDATE OR DELETE ON scores
FOR EACH ROW EXECUTE FUNCTION reilu_scores_frozen();
CREATE TRIGGER decisions_final BEFORE UPDATE ON decisions
FOR EACH ROW EXECUTE FUNCTION reilu_refuse('a decision is final');
CREATE TRIGGER decision_outcomes_final BEFORE UPDATE ON decision_outcomes
FOR EACH ROW EXECUTE FUNCTION reilu_refuse('a decision is final');
)SQL";

constexpr const char* kV20PostgresTriggers = R"SQL(
CREATE OR REPLACE FUNCTION reilu_scores_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE rid BIGINT;
BEGIN
  IF TG_OP = 'INSERT' THEN rid := NEW.recruitment_id; ELSE rid := OLD.recruitment_id; END IF;
  IF TG_OP = 'UPDATE' AND NEW.justification = '' AND NEW.value = OLD.value AND NEW.org_id = OLD.org_id
     AND NEW.recruitment_id = OLD.recruitment_id AND NEW.application_id = OLD.application_id
     AND NEW.reviewer_id = OLD.reviewer_id AND NEW.criterion_id = OLD.criterion_id
     AND NEW.updated_at = OLD.updated_at THEN
    RETURN NEW;
  END IF;
  IF EXISTS (SELECT 1 FROM shortlists WHERE recruitment_id = rid) THEN
    RAISE EXCEPTION USING ERRCODE = '23000', MESSAGE = 'scores are frozen';
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$;
)SQL";

// The same schema in PostgreSQL's words: identity columns for ids, BYTEA for blobs, 64-bit
// integers throughout, and the triggers rewritten above.
std::string ForPostgres(const Migration& m) {
  std::string sql(m.sql);
  sql = std::regex_replace(sql, std::regex(R"(CREATE TRIGGER[^;]*;\s*END;)"), "");
  sql = std::regex_replace(sql, std::regex(R"(DROP TRIGGER[^;]*;)"), "");
  sql = std::regex_replace(sql, std::regex(R"(INTEGER PRIMARY KEY)"),
                           "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY");
  sql = std::regex_replace(sql, std::regex(R"(\bINTEGER\b)"), "BIGINT");
  sql = std::regex_replace(sql, std::regex(R"(\bBLOB\b)"), "BYTEA");
  if (m.version == 1) sql += kV1PostgresTriggers;
  if (m.version == 2) sql += kV2PostgresTriggers;
  if (m.version == 20) sql += kV20PostgresTriggers;
  return sql;
}

Result<int> CurrentVersion(Connection& conn) {
  auto stmt = conn.Prepare("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
  if (!stmt) return stmt.error();
  int current = 0;
  if (stmt->Step()) current = static_cast<int>(stmt->Int(0));
  REILU_TRY(stmt->status());
  return current;
}

}  // namespace

std::span<const Migration> SqliteMigrations() { return kMigrations; }

std::string MigrationSql(const Migration& m, Dialect dialect) {
  return dialect == Dialect::kPostgres ? ForPostgres(m) : std::string(m.sql);
}

Result<int> Migrate(Connection& conn) {
  REILU_TRY(
      conn.Exec("CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, name TEXT NOT NULL, "
                "applied_at BIGINT NOT NULL)"));
  int current = 0;
  for (const Migration& m : SqliteMigrations()) {
    // The version is read again under the write lock: another node may have migrated meanwhile.
    auto tx = Transaction::Begin(conn);
    if (!tx) return tx.error();
    auto version = CurrentVersion(conn);
    if (!version) return version.error();
    current = *version;
    if (m.version <= current) continue;  // the transaction rolls back: nothing was written
    REILU_TRY(conn.Exec(MigrationSql(m, conn.dialect())));
    auto record = conn.Prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)");
    if (!record) return record.error();
    REILU_TRY(record->Bind(1, static_cast<std::int64_t>(m.version))
                  .Bind(2, m.name)
                  .Bind(3, static_cast<std::int64_t>(std::time(nullptr)))
                  .Run());
    REILU_TRY(tx->Commit());
    current = m.version;
  }
  return current;
}

}  // namespace reilu::store
