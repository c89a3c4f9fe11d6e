#include "store/sql_store.h"

#include "codec/codec.h"
#include "store/migrations.h"
#include "store/postgres_db.h"
#include "store/sqlite_db.h"

namespace reilu::store {

namespace json = boost::json;

namespace {

constexpr int kMaxPseudonymTries = 50;

Error NotFound(const char* what) { return MakeError(ErrorCode::kNotFound, std::string(what) + " not found."); }

User ReadUser(const Statement& s, int c) {
  User u;
  u.id = s.Int(c);
  u.org_id = s.Int(c + 1);
  u.username = s.Text(c + 2);
  u.display_name = s.Text(c + 3);
  u.role = ParseRole(s.Text(c + 4)).value_or(Role::kReviewer);
  u.active = s.Int(c + 5) != 0;
  u.email = s.Text(c + 6);
  return u;
}
constexpr std::string_view kUserColumns = "id, org_id, username, display_name, role, active, email";

Result<AnonymousApplication> ReadAnonymous(const Statement& s) {
  AnonymousApplication a;
  a.id = s.Text(0);
  a.recruitment_id = s.Int(1);
  a.pseudonym = s.Text(2);
  auto merits = codec::Parse(s.Text(3));
  if (!merits) return merits.error();
  REILU_TRY(codec::FromJson(*merits, "merits", a.merits));
  if (!s.IsNull(4)) {
    auto redacted = codec::Parse(s.Text(4));
    if (!redacted) return redacted.error();
    RedactedText text;
    REILU_TRY(codec::FromJson(*redacted, "redacted", text));
    a.redacted = std::move(text);
  }
  a.withdrawn = s.Text(5) == "withdrawn";
  auto attachments = codec::Parse(s.Text(6));
  if (!attachments) return attachments.error();
  REILU_TRY(codec::FromJson(*attachments, "attachments", a.attachments));
  return a;
}
constexpr std::string_view kAnonymousColumns = "id, recruitment_id, pseudonym, merits, redacted, state, attachments";

std::string AttachmentsJson(const std::vector<AttachmentInfo>& infos) {
  json::array out;
  for (const auto& a : infos) out.push_back(codec::ToJson(a));
  return codec::Serialize(out);
}

// Sealed together: the identity, the free text as typed, the engine's proposal and (when reviewers
// see scanned merits) the merits as typed.
template <typename Sent>
json::object SealedIdentityJson(const Sent& app) {
  json::object o{{"identity", codec::ToJson(app.submission.identity)},
                 {"free_text", codec::ToJson(app.submission.free_text)}};
  if (app.redaction_proposal) o["redaction_proposal"] = codec::ToJson(*app.redaction_proposal);
  if (app.merits_for_reviewers) o["merits_original"] = codec::ToJson(app.submission.merits);
  return o;
}

// The deadline checked again inside the writing transaction: server time, hard (the ad may have
// closed since the request was read). `refusal` says what can no longer be done.
Status CheckTakesApplications(Connection& c, const Recruitment& r, UnixTime now, const char* refusal) {
  auto st = c.Prepare("SELECT state, deadline FROM recruitments WHERE org_id = $1 AND id = $2");
  if (!st) return st.error();
  st->Bind(1, r.org_id).Bind(2, r.id);
  if (!st->Step()) return NotFound("Recruitment");
  if (st->Text(0) != "published" || st->Int(1) <= now) return MakeError(ErrorCode::kDeadlinePassed, refusal);
  return OkStatus();
}

}  // namespace

namespace {
// The connection of the calling thread's ReadTogether scope, and whose it is.
struct ScopedReader {
  const SqlStore* store = nullptr;
  Connection* conn = nullptr;
};
thread_local ScopedReader t_scoped_reader;
}  // namespace

class SqlStore::SqliteReadScope final : public ReadScope {
 public:
  explicit SqliteReadScope(SqlStore* store) : store_(store), lease_(store->Reader()) {}
  // Starts the transaction; false leaves the reads to take their own.
  bool Begin() {
    auto begin = (*lease_).Prepare("BEGIN");
    if (!begin || !begin->Run().ok()) return false;
    t_scoped_reader = {store_, &*lease_};
    return true;
  }
  ~SqliteReadScope() override {
    if (t_scoped_reader.store != store_) return;
    t_scoped_reader = {};
    // Reads only: ending it cannot fail in a way that loses anything; a failed COMMIT is rolled back.
    auto commit = (*lease_).Prepare("COMMIT");
    if (!commit || !commit->Run().ok()) (void)(*lease_).Exec("ROLLBACK");
  }

 private:
  SqlStore* store_;
  ReaderLease lease_;
};

std::unique_ptr<ReadScope> SqlStore::ReadTogether() {
  if (writer_.dialect() != Dialect::kSqlite || t_scoped_reader.store != nullptr) return nullptr;
  auto scope = std::make_unique<SqliteReadScope>(this);
  if (!scope->Begin()) return nullptr;
  return scope;
}

SqlStore::ReaderLease SqlStore::Reader() {
  if (t_scoped_reader.store == this) return ReaderLease(t_scoped_reader.conn);
  std::unique_lock lock(pool_mutex_);
  pool_cv_.wait(lock, [&] { return !readers_.empty(); });
  Connection conn = std::move(readers_.back());
  readers_.pop_back();
  return ReaderLease(this, std::move(conn));
}

Status SqlStore::RunInWriteGroup(const std::function<bool(Connection&)>& job) {
  PendingWrite me{job};
  std::unique_lock lock(queue_mutex_);
  queue_.push_back(&me);
  while (!me.done) {
    if (leader_active_) {
      queue_cv_.wait(lock);
      continue;
    }
    // Become the leader: take everything queued so far (our own write included) as one batch.
    leader_active_ = true;
    std::vector<PendingWrite*> batch;
    batch.swap(queue_);
    lock.unlock();
    ExecuteWriteBatch(batch);
    lock.lock();
    leader_active_ = false;
    for (PendingWrite* p : batch) p->done = true;
    queue_cv_.notify_all();
  }
  return me.committed;
}

void SqlStore::ExecuteWriteBatch(const std::vector<PendingWrite*>& batch) {
  auto fail_all = [&](const Error& e) {
    for (PendingWrite* p : batch) p->committed = e;
  };
  auto tx = Transaction::Begin(writer_);
  if (!tx) return fail_all(tx.error());
  for (PendingWrite* p : batch) {
    Status savepoint = writer_.Exec("SAVEPOINT write");
    if (!savepoint) {
      p->committed = savepoint;
      continue;
    }
    if (!p->job(writer_)) (void)writer_.Exec("ROLLBACK TO write");
    (void)writer_.Exec("RELEASE write");
  }
  Status commit = tx->Commit();
  if (!commit) fail_all(commit.error());
}

SqlStore::SqlStore(Connection writer, std::vector<Connection> readers, const crypto::SecretKey& server_key)
    : writer_(std::move(writer)), readers_(std::move(readers)), vault_(server_key) {}

namespace {

template <typename OpenFn>
Result<std::pair<Connection, std::vector<Connection>>> OpenConnections(const OpenFn& open, int readers) {
  auto writer = open();
  if (!writer) return writer.error();
  auto version = Migrate(*writer);
  if (!version) return version.error();
  std::vector<Connection> pool;
  for (int i = 0; i < readers; ++i) {
    auto r = open();
    if (!r) return r.error();
    pool.push_back(std::move(*r));
  }
  return std::make_pair(std::move(*writer), std::move(pool));
}

}  // namespace

Result<std::unique_ptr<SqlStore>> SqlStore::OpenOn(const Connector& connect, const crypto::SecretKey& server_key,
                                                   int readers) {
  auto conns = OpenConnections(connect, readers);
  if (!conns) return conns.error();
  std::unique_ptr<SqlStore> store(new SqlStore(std::move(conns->first), std::move(conns->second), server_key));
  REILU_TRY(store->AdoptServerKey());
  return store;
}

Result<std::unique_ptr<SqlStore>> SqlStore::OpenPostgres(const std::string& conninfo,
                                                         const crypto::SecretKey& server_key, int readers) {
  return OpenOn([&] { return store::OpenPostgres(conninfo); }, server_key, readers);
}

Result<std::unique_ptr<SqlStore>> SqlStore::Open(const std::string& path, const crypto::SecretKey& server_key,
                                                 int readers) {
  return OpenOn([&] { return OpenSqlite(path); }, server_key, readers);
}

Status SqlStore::BumpDataVersionTx(Connection& c, OrgId org, RecruitmentId rec) {
  auto s = c.Prepare("UPDATE recruitments SET data_version = data_version + 1 WHERE org_id = $1 AND id = $2");
  if (!s) return s.error();
  return s->Bind(1, org).Bind(2, rec).Run();
}

Result<std::int64_t> SqlStore::DataVersionOn(Connection& c, OrgId org, RecruitmentId rec) {
  auto s = c.Prepare("SELECT data_version FROM recruitments WHERE org_id = $1 AND id = $2");
  if (!s) return s.error();
  s->Bind(1, org).Bind(2, rec);
  if (!s->Step()) return s->status().ok() ? Result<std::int64_t>(NotFound("Recruitment")) : s->status().error();
  return s->Int(0);
}

// ---------------------------------------------------------------- organisations

Result<OrgId> SqlStore::CreateOrganisation(const std::string& name, const AnonymityPolicy& policy, UnixTime now,
                                           const std::string& login_domain) {
  return WriteTx<OrgId>([&](Connection& c) -> Result<OrgId> {
    auto s = c.Prepare(
        "INSERT INTO organisations (name, policy_permanent, policy_fixed_term, created_at, login_domain) "
        "VALUES ($1, $2, $3, $4, $5) RETURNING id");
    if (!s) return s.error();
    s->Bind(1, name)
        .Bind(2, AnonymityRuleName(policy.permanent))
        .Bind(3, AnonymityRuleName(policy.fixed_term))
        .Bind(4, now);
    if (login_domain.empty()) {
      s->BindNull(5);
    } else {
      s->Bind(5, login_domain);
    }
    if (!s->Step()) {
      if (!s->status().ok() && s->status().error().code == ErrorCode::kConflict) {
        return MakeError(ErrorCode::kConflict, "That login domain is taken.", "login_domain");
      }
      return s->status().ok() ? MakeError(ErrorCode::kInternal, "insert returned no id") : s->status().error();
    }
    OrgId id = s->Int(0);
    REILU_TRY(s->Run());
    json::object detail = codec::ToJson(policy);
    REILU_TRY(AppendAuditTx(c, AuditEvent{id, 0, audit_action::kPolicyChange, 0, {}, codec::Serialize(detail)}, now));
    return id;
  });
}

Result<Organisation> SqlStore::GetOrganisation(OrgId org) {
  auto lease = Reader();
  auto s = (*lease).Prepare(
      "SELECT id, name, COALESCE(login_domain, ''), registry_contact FROM organisations WHERE id = $1");
  if (!s) return s.error();
  s->Bind(1, org);
  if (!s->Step()) return s->status().ok() ? Result<Organisation>(NotFound("Organisation")) : s->status().error();
  return Organisation{s->Int(0), s->Text(1), s->Text(2), s->Text(3)};
}

Result<std::vector<Organisation>> SqlStore::ListOrganisations() {
  auto lease = Reader();
  auto s =
      (*lease).Prepare("SELECT id, name, COALESCE(login_domain, ''), registry_contact FROM organisations ORDER BY id");
  if (!s) return s.error();
  std::vector<Organisation> out;
  while (s->Step()) out.push_back({s->Int(0), s->Text(1), s->Text(2), s->Text(3)});
  REILU_TRY(s->status());
  return out;
}

Status SqlStore::SetRegistryContact(OrgId org, const std::string& contact, UserId actor, UnixTime now) {
  return WriteTx<Ok>([&](Connection& c) -> Status {
    auto s = c.Prepare("UPDATE organisations SET registry_contact = $2 WHERE id = $1");
    if (!s) return s.error();
    REILU_TRY(s->Bind(1, org).Bind(2, contact).Run());
    if (c.Changes() == 0) return NotFound("Organisation");
    return AppendAuditTx(
        c,
        AuditEvent{
            org, actor, audit_action::kRegistryContact, 0, {}, codec::Serialize(json::object{{"contact", contact}})},
        now);
  });
}

Result<AnonymityPolicy> SqlStore::GetPolicy(OrgId org) {
  auto lease = Reader();
  auto s = (*lease).Prepare("SELECT policy_permanent, policy_fixed_term FROM organisations WHERE id = $1");
  if (!s) return s.error();
  s->Bind(1, org);
  if (!s->Step()) return s->status().ok() ? Result<AnonymityPolicy>(NotFound("Organisation")) : s->status().error();
  AnonymityPolicy p;
  p.permanent = ParseAnonymityRule(s->Text(0)).value_or(AnonymityRule::kMandatory);
  p.fixed_term = ParseAnonymityRule(s->Text(1)).value_or(AnonymityRule::kDefaultOn);
  return p;
}

Status SqlStore::SetPolicy(OrgId org, const AnonymityPolicy& policy, UserId actor, UnixTime now) {
  return WriteTx<Ok>([&](Connection& c) -> Status {
    auto s = c.Prepare("UPDATE organisations SET policy_permanent = $1, policy_fixed_term = $2 WHERE id = $3");
    if (!s) return s.error();
    REILU_TRY(s->Bind(1, AnonymityRuleName(policy.permanent))
                  .Bind(2, AnonymityRuleName(policy.fixed_term))
                  .Bind(3, org)
                  .Run());
    if (c.Changes() == 0) return NotFound("Organisation");
    return AppendAuditTx(
        c, AuditEvent{org, actor, audit_action::kPolicyChange, 0, {}, codec::Serialize(codec::ToJson(policy))}, now);
  });
}

Result<UnitId> SqlStore::CreateUnit(OrgId org, const std::string& name) {
  return WriteTx<UnitId>([&](Connection& c) -> Result<UnitId> {
    auto s = c.Prepare("INSERT INTO units (org_id, name) VALUES ($1, $2) RETURNING id");
    if (!s) return s.error();
    s->Bind(1, org).Bind(2, name);
    if (!s->Step()) return s->status().ok() ? MakeError(ErrorCode::kInternal, "no id") : s->status().error();
    UnitId id = s->Int(0);
    REILU_TRY(s->Run());
    return id;
  });
}

Result<std::vector<Unit>> SqlStore::ListUnits(OrgId org) {
  auto lease = Reader();
  auto s = (*lease).Prepare("SELECT id, org_id, name FROM units WHERE org_id = $1 ORDER BY name");
  if (!s) return s.error();
  s->Bind(1, org);
  std::vector<Unit> out;
  while (s->Step()) out.push_back({s->Int(0), s->Int(1), s->Text(2)});
  REILU_TRY(s->status());
  return out;
}

// ---------------------------------------------------------------- users and sessions

Result<UserId> SqlStore::CreateUser(const User& u, const std::string& password_hash, UserId actor, UnixTime now) {
  return WriteTx<UserId>([&](Connection& c) -> Result<UserId> {
    auto s = c.Prepare(
        "INSERT INTO users (org_id, username, display_name, role, password_hash, active, created_at, email) "
        "SELECT $1, $2, $3, $4, $5, $6, $7, $8 FROM organisations WHERE id = $1 RETURNING id");
    if (!s) return s.error();
    s->Bind(1, u.org_id)
        .Bind(2, u.username)
        .Bind(3, u.display_name)
        .Bind(4, RoleName(u.role))
        .Bind(5, password_hash)
        .Bind(6, std::int64_t{u.active ? 1 : 0})
        .Bind(7, now)
        .Bind(8, u.email);
    if (!s->Step()) {
      if (!s->status().ok() && s->status().error().code == ErrorCode::kConflict) {
        return MakeError(ErrorCode::kConflict, "That username is taken.", "username");
      }
      return s->status().ok() ? Result<UserId>(NotFound("Organisation")) : s->status().error();
    }
    UserId id = s->Int(0);
    REILU_TRY(s->Run());
    json::object detail{{"user_id", id}, {"role", RoleName(u.role)}};
    REILU_TRY(
        AppendAuditTx(c, AuditEvent{u.org_id, actor, audit_action::kUserCreate, 0, {}, codec::Serialize(detail)}, now));
    return id;
  });
}

Status SqlStore::UpdateUser(const User& u, Role previous_role, UserId actor, UnixTime now) {
  return WriteTx<Ok>([&](Connection& c) -> Status {
    auto s = c.Prepare(
        "UPDATE users SET display_name = $3, email = $4, role = $5, active = $6 WHERE org_id = $1 AND id = $2");
    if (!s) return s.error();
    REILU_TRY(s->Bind(1, u.org_id)
                  .Bind(2, u.id)
                  .Bind(3, u.display_name)
                  .Bind(4, u.email)
                  .Bind(5, RoleName(u.role))
                  .Bind(6, std::int64_t{u.active ? 1 : 0})
                  .Run());
    if (c.Changes() == 0) return Status(NotFound("User"));
    if (!u.active) {
      auto sessions = c.Prepare("DELETE FROM sessions WHERE org_id = $1 AND user_id = $2");
      if (!sessions) return sessions.error();
      REILU_TRY(sessions->Bind(1, u.org_id).Bind(2, u.id).Run());
    }
    json::object detail{{"user_id", u.id},
                        {"role", RoleName(u.role)},
                        {"previous_role", RoleName(previous_role)},
                        {"active", u.active}};
    return AppendAuditTx(c, AuditEvent{u.org_id, actor, audit_action::kUserUpdate, 0, {}, codec::Serialize(detail)},
                         now);
  });
}

Result<User> SqlStore::GetUser(OrgId org, UserId id) {
  auto lease = Reader();
  auto s = (*lease).Prepare(std::string("SELECT ") + std::string(kUserColumns) +
                            " FROM users WHERE org_id = $1 AND id = $2");
  if (!s) return s.error();
  s->Bind(1, org).Bind(2, id);
  if (!s->Step()) return s->status().ok() ? Result<User>(NotFound("User")) : s->status().error();
  return ReadUser(*s, 0);
}

Result<std::vector<User>> SqlStore::ListUsers(OrgId org) {
  auto lease = Reader();
  auto s = (*lease).Prepare(std::string("SELECT ") + std::string(kUserColumns) +
                            " FROM users WHERE org_id = $1 ORDER BY username");
  if (!s) return s.error();
  s->Bind(1, org);
  std::vector<User> out;
  while (s->Step()) out.push_back(ReadUser(*s, 0));
  REILU_TRY(s->status());
  return out;
}

Result<std::pair<User, std::string>> SqlStore::FindLogin(const std::string& username) {
  auto lease = Reader();
  auto s = (*lease).Prepare(std::string("SELECT ") + std::string(kUserColumns) +
                            ", password_hash FROM users WHERE username = $1");
  if (!s) return s.error();
  s->Bind(1, username);
  if (!s->Step()) {
    return s->status().ok() ? Result<std::pair<User, std::string>>(NotFound("User")) : s->status().error();
  }
  return std::make_pair(ReadUser(*s, 0), s->Text(7));
}

Status SqlStore::CreateSession(const Session& session, const AuditEvent& login, UnixTime now) {
  return WriteTx<Ok>([&](Connection& c) -> Status {
    // Expired sessions are swept here, so the table does not grow without bound.
    auto sweep = c.Prepare("DELETE FROM sessions WHERE expires_at <= $1");
    if (!sweep) return sweep.error();
    REILU_TRY(sweep->Bind(1, now).Run());
    auto s = c.Prepare(
        "INSERT INTO sessions (token_hash, org_id, user_id, csrf_token, created_at, expires_at) "
        "VALUES ($1, $2, $3, $4, $5, $6)");
    if (!s) return s.error();
    REILU_TRY(s->Bind(1, session.token_hash)
                  .Bind(2, session.org_id)
                  .Bind(3, session.user_id)
                  .Bind(4, session.csrf_token)
                  .Bind(5, now)
                  .Bind(6, session.expires_at)
                  .Run());
    return AppendAuditTx(c, login, now);
  });
}

Result<std::pair<Session, User>> SqlStore::FindSessionUser(const std::string& token_hash, UnixTime now) {
  auto lease = Reader();
  auto s = (*lease).Prepare(
      "SELECT s.token_hash, s.user_id, s.org_id, s.csrf_token, s.expires_at, u.id, u.org_id, u.username, "
      "u.display_name, u.role, u.active, u.email FROM sessions s JOIN users u ON u.id = s.user_id AND u.org_id = "
      "s.org_id WHERE s.token_hash = $1 AND s.expires_at > $2");
  if (!s) return s.error();
  s->Bind(1, token_hash).Bind(2, now);
  if (!s->Step()) {
    return s->status().ok() ? Result<std::pair<Session, User>>(NotFound("Session")) : s->status().error();
  }
  return std::make_pair(Session{s->Text(0), s->Int(1), s->Int(2), s->Text(3), s->Int(4)}, ReadUser(*s, 5));
}

Status SqlStore::DeleteSession(const std::string& token_hash) {
  return WriteTx<Ok>([&](Connection& c) -> Status {
    auto s = c.Prepare("DELETE FROM sessions WHERE token_hash = $1");
    if (!s) return s.error();
    return s->Bind(1, token_hash).Run();
  });
}

// ---------------------------------------------------------------- recruitments

namespace {
constexpr std::string_view kRecruitmentColumns =
    "id, org_id, unit_id, owner_id, state, anonymous, anonymity_exception_reason, deadline, published_at, version, "
    "content, data_version";
}

namespace {

// One row of kRecruitmentColumns, without its reviewers.
Result<Recruitment> RecruitmentFromRow(const Statement& s) {
  Recruitment r;
  auto content = codec::Parse(s.Text(10));
  if (!content) return content.error();
  REILU_TRY(codec::RecruitmentContentFromJson(*content, r));
  r.id = s.Int(0);
  r.org_id = s.Int(1);
  r.unit_id = s.Int(2);
  r.owner_id = s.Int(3);
  r.state = ParseRecruitmentState(s.Text(4)).value_or(RecruitmentState::kDraft);
  r.anonymous = s.Int(5) != 0;
  r.anonymity_exception_reason = s.Text(6);
  r.deadline = s.Int(7);
  r.published_at = s.Int(8);
  r.version = s.Int(9);
  r.data_version = s.Int(11);
  return r;
}

}  // namespace

Result<Recruitment> SqlStore::LoadRecruitment(Connection& c, std::string_view where, std::int64_t a, std::int64_t b) {
  auto s = c.Prepare(std::string("SELECT ") + std::string(kRecruitmentColumns) + " FROM recruitments WHERE " +
                     std::string(where));
  if (!s) return s.error();
  s->Bind(1, a).Bind(2, b);
  if (!s->Step()) return s->status().ok() ? Result<Recruitment>(NotFound("Recruitment")) : s->status().error();
  auto r = RecruitmentFromRow(*s);
  if (!r) return r.error();
  auto rv =
      c.Prepare("SELECT user_id FROM recruitment_reviewers WHERE org_id = $1 AND recruitment_id = $2 ORDER BY user_id");
  if (!rv) return rv.error();
  rv->Bind(1, r->org_id).Bind(2, r->id);
  r->reviewer_ids.clear();
  while (rv->Step()) r->reviewer_ids.push_back(rv->Int(0));
  REILU_TRY(rv->status());
  return r;
}

namespace {
std::string ContentJson(const Recruitment& r) {
  json::object o = codec::ToPublicJson(r);
  for (const char* k : {"id", "deadline", "anonymous", "state", "published_at"}) o.erase(k);
  if (r.decision_maker_id) o["decision_maker_id"] = r.decision_maker_id;
  if (!r.diary_number.empty()) o["diary_number"] = r.diary_number;
  return codec::Serialize(o);
}
}  // namespace

Status SqlStore::SaveReviewers(Connection& c, const Recruitment& r) {
  auto del = c.Prepare("DELETE FROM recruitment_reviewers WHERE org_id = $1 AND recruitment_id = $2");
  if (!del) return del.error();
  REILU_TRY(del->Bind(1, r.org_id).Bind(2, r.id).Run());
  for (UserId uid : r.reviewer_ids) {
    // Only reviewers of the same organisation can be assigned.
    auto ins = c.Prepare(
        "INSERT INTO recruitment_reviewers (org_id, recruitment_id, user_id) "
        "SELECT $1, $2, id FROM users WHERE id = $3 AND org_id = $1 AND role = 'reviewer'");
    if (!ins) return ins.error();
    REILU_TRY(ins->Bind(1, r.org_id).Bind(2, r.id).Bind(3, uid).Run());
    if (c.Changes() == 0) {
      return MakeError(ErrorCode::kInvalidInput, "A reviewer must be a reviewer user of this organisation.",
                       "reviewer_ids");
    }
  }
  return OkStatus();
}

Result<RecruitmentId> SqlStore::CreateRecruitment(const Recruitment& r, UnixTime now) {
  return WriteTx<RecruitmentId>([&](Connection& c) -> Result<RecruitmentId> {
    const std::string order_key = Vault::NewOrderKey();
    auto s = c.Prepare(
        "INSERT INTO recruitments (org_id, unit_id, owner_id, state, employment_term, anonymous, "
        "anonymity_exception_reason, deadline, published_at, version, content, order_key, created_at) "
        "SELECT $1, $2, $3, 'draft', $4, $5, $6, $7, 0, 1, $8, $9, $10 FROM users WHERE id = $3 AND org_id = $1 "
        "RETURNING id");
    if (!s) return s.error();
    s->Bind(1, r.org_id)
        .Bind(2, r.unit_id)
        .Bind(3, r.owner_id)
        .Bind(4, EmploymentTermName(r.employment.term))
        .Bind(5, std::int64_t{r.anonymous ? 1 : 0})
        .Bind(6, r.anonymity_exception_reason)
        .Bind(7, r.deadline)
        .Bind(8, ContentJson(r))
        .BindBlob(9, order_key)
        .Bind(10, now);
    if (!s->Step()) return s->status().ok() ? Result<RecruitmentId>(NotFound("Owner")) : s->status().error();
    RecruitmentId id = s->Int(0);
    REILU_TRY(s->Run());
    Recruitment saved = r;
    saved.id = id;
    REILU_TRY(SaveReviewers(c, saved));
    std::string wrapped = vault_.NewWrappedRecruitmentKey(r.org_id, id);
    auto k = c.Prepare("INSERT INTO recruitment_keys (recruitment_id, org_id, wrapped_key) VALUES ($1, $2, $3)");
    if (!k) return k.error();
    REILU_TRY(k->Bind(1, id).Bind(2, r.org_id).BindBlob(3, wrapped).Run());
    if (!r.anonymous) {
      json::object detail{{"reason", r.anonymity_exception_reason}, {"term", EmploymentTermName(r.employment.term)}};
      REILU_TRY(AppendAuditTx(
          c, AuditEvent{r.org_id, r.owner_id, audit_action::kPolicyException, id, {}, codec::Serialize(detail)}, now));
    }
    return id;
  });
}

// Every request on a recruitment's work loads it: the parsed recruitment is kept per node and used
// again while its data version (which every change of the row or its reviewers bumps, on any
// node) is the one it was read at.
Result<Recruitment> SqlStore::GetRecruitment(OrgId org, RecruitmentId id) {
  auto lease = Reader();
  auto version = DataVersionOn(*lease, org, id);
  if (!version) return version.error();
  std::shared_ptr<const Recruitment> kept;
  {
    std::lock_guard lock(recruitments_mutex_);
    if (auto it = recruitments_.find({org, id}); it != recruitments_.end()) kept = it->second;
  }
  if (kept && kept->data_version == *version) return *kept;
  auto r = LoadRecruitment(*lease, "org_id = $1 AND id = $2", org, id);
  if (!r) return r;
  auto loaded = std::make_shared<const Recruitment>(*r);
  std::lock_guard lock(recruitments_mutex_);
  if (recruitments_.size() >= kMaxKeptRecruitments && !recruitments_.count({org, id})) {
    recruitments_.erase(recruitments_.begin());
  }
  recruitments_[{org, id}] = std::move(loaded);
  return r;
}

// Two queries whatever the number of recruitments: the rows, then every reviewer assignment.
Result<std::vector<Recruitment>> SqlStore::ListRecruitments(OrgId org) {
  auto lease = Reader();
  std::vector<Recruitment> out;
  std::map<RecruitmentId, size_t> place;
  {
    auto s = (*lease).Prepare(std::string("SELECT ") + std::string(kRecruitmentColumns) +
                              " FROM recruitments WHERE org_id = $1 ORDER BY id DESC");
    if (!s) return s.error();
    s->Bind(1, org);
    while (s->Step()) {
      auto r = RecruitmentFromRow(*s);
      if (!r) return r.error();
      r->reviewer_ids.clear();
      place[r->id] = out.size();
      out.push_back(std::move(*r));
    }
    REILU_TRY(s->status());
  }
  auto rv = (*lease).Prepare(
      "SELECT recruitment_id, user_id FROM recruitment_reviewers WHERE org_id = $1 ORDER BY recruitment_id, user_id");
  if (!rv) return rv.error();
  rv->Bind(1, org);
  while (rv->Step()) {
    if (auto it = place.find(rv->Int(0)); it != place.end()) out[it->second].reviewer_ids.push_back(rv->Int(1));
  }
  REILU_TRY(rv->status());
  return out;
}

Status SqlStore::UpdateRecruitment(const Recruitment& r, const std::optional<AuditEvent>& audit, UnixTime now) {
  return WriteTx<Ok>([&](Connection& c) -> Status {
    REILU_TRY(BumpDataVersionTx(c, r.org_id, r.id));
    auto s = c.Prepare(
        "UPDATE recruitments SET unit_id = $3, state = $4, employment_term = $5, anonymous = $6, "
        "anonymity_exception_reason = $7, deadline = $8, published_at = $9, version = version + 1, content = $10 "
        "WHERE org_id = $1 AND id = $2 AND version = $11");
    if (!s) return s.error();
    REILU_TRY(s->Bind(1, r.org_id)
                  .Bind(2, r.id)
                  .Bind(3, r.unit_id)
                  .Bind(4, RecruitmentStateName(r.state))
                  .Bind(5, EmploymentTermName(r.employment.term))
                  .Bind(6, std::int64_t{r.anonymous ? 1 : 0})
                  .Bind(7, r.anonymity_exception_reason)
                  .Bind(8, r.deadline)
                  .Bind(9, r.published_at)
                  .Bind(10, ContentJson(r))
                  .Bind(11, r.version)
                  .Run());
    if (c.Changes() == 0) {
      return MakeError(ErrorCode::kConflict, "The recruitment was changed by someone else; reload and try again.");
    }
    REILU_TRY(SaveReviewers(c, r));
    if (audit) REILU_TRY(AppendAuditTx(c, *audit, now));
    return OkStatus();
  });
}

Result<std::vector<Recruitment>> SqlStore::ListOpenAds(UnixTime now) {
  std::vector<std::pair<OrgId, RecruitmentId>> ids;
  auto lease = Reader();
  {
    auto s = (*lease).Prepare(
        "SELECT org_id, id FROM recruitments WHERE state = 'published' AND deadline > $1 ORDER BY deadline, id");
    if (!s) return s.error();
    s->Bind(1, now);
    while (s->Step()) ids.emplace_back(s->Int(0), s->Int(1));
    REILU_TRY(s->status());
  }
  std::vector<Recruitment> out;
  for (auto [org, id] : ids) {
    auto r = LoadRecruitment(*lease, "org_id = $1 AND id = $2", org, id);
    if (!r) return r.error();
    out.push_back(std::move(*r));
  }
  return out;
}

Result<Recruitment> SqlStore::GetPublicAd(RecruitmentId id) {
  auto lease = Reader();
  return LoadRecruitment(*lease, "id = $1 AND state <> 'draft' AND $2 = $2", id, 0);
}

// ---------------------------------------------------------------- keys

Result<RecruitmentSeal> SqlStore::RecruitmentKey(Connection& c, OrgId org, RecruitmentId rec) {
  auto s = c.Prepare("SELECT wrapped_key FROM recruitment_keys WHERE org_id = $1 AND recruitment_id = $2");
  if (!s) return s.error();
  s->Bind(1, org).Bind(2, rec);
  if (!s->Step()) {
    if (!s->status()) return s->status().error();
    return MakeError(ErrorCode::kNotFound, "The identity data of this recruitment has been erased.");
  }
  return vault_.UnwrapRecruitmentKey(org, rec, s->Blob(0));
}

Result<std::string> SqlStore::OrderKey(OrgId org, RecruitmentId rec) {
  auto lease = Reader();
  auto s = (*lease).Prepare("SELECT order_key FROM recruitments WHERE org_id = $1 AND id = $2");
  if (!s) return s.error();
  s->Bind(1, org).Bind(2, rec);
  if (!s->Step()) return s->status().ok() ? Result<std::string>(NotFound("Recruitment")) : s->status().error();
  return s->Blob(0);
}

Status SqlStore::ShredRecruitmentKey(OrgId org, RecruitmentId rec, UserId actor, UnixTime now) {
  return WriteTx<Ok>([&](Connection& c) -> Status {
    REILU_TRY(BumpDataVersionTx(c, org, rec));
    auto erased = ShredKeyTx(c, org, rec);
    if (!erased) return erased.error();
    json::object detail{{"mail_erased", *erased}};
    return AppendAuditTx(c, AuditEvent{org, actor, audit_action::kKeyShred, rec, {}, codec::Serialize(detail)}, now);
  });
}

Result<std::int64_t> SqlStore::ShredKeyTx(Connection& c, OrgId org, RecruitmentId rec) {
  auto s = c.Prepare("DELETE FROM recruitment_keys WHERE org_id = $1 AND recruitment_id = $2");
  if (!s) return s.error();
  REILU_TRY(s->Bind(1, org).Bind(2, rec).Run());
  if (c.Changes() == 0) return NotFound("Recruitment key");
  // Mail to the recruitment's applicants is sealed under the server key, not the recruitment's:
  // erase its text too, and what was not sent yet is not sent.
  auto mail = c.Prepare(
      "UPDATE mail_queue SET sealed = NULL, status = CASE WHEN status = 'sent' THEN 'sent' ELSE 'erased' END "
      "WHERE org_id = $1 AND recruitment_id = $2");
  if (!mail) return mail.error();
  REILU_TRY(mail->Bind(1, org).Bind(2, rec).Run());
  return c.Changes();
}

// ---------------------------------------------------------------- applications

Result<SubmitResult> SqlStore::SubmitApplication(const NewApplication& app, UnixTime now) {
  const Recruitment& r = *app.recruitment;
  return WriteTx<SubmitResult>([&](Connection& c) -> Result<SubmitResult> {
    REILU_TRY(BumpDataVersionTx(c, r.org_id, r.id));
    if (!app.idempotency_key.empty()) {
      auto s = c.Prepare(
          "SELECT k.request_hash, a.reference, a.id FROM idempotency_keys k JOIN applications a ON a.id = "
          "k.application_id "
          "WHERE k.recruitment_id = $1 AND k.key_hash = $2");
      if (!s) return s.error();
      s->Bind(1, r.id).Bind(2, Vault::IdempotencyHash(app.idempotency_key));
      if (s->Step()) {
        if (s->Text(0) != app.request_hash) {
          return MakeError(ErrorCode::kIdempotencyConflict,
                           "This Idempotency-Key was already used for a different application.");
        }
        return SubmitResult{Receipt{s->Text(2), s->Text(1), r.id}, true};
      }
      REILU_TRY(s->status());
    }
    REILU_TRY(CheckTakesApplications(c, r, now, "This recruitment no longer accepts applications."));
    auto key = RecruitmentKey(c, r.org_id, r.id);
    if (!key) return key.error();

    auto random = Vault::Random();
    std::string pseudonym;
    for (int attempt = 0;; ++attempt) {
      if (attempt == kMaxPseudonymTries) return MakeError(ErrorCode::kInternal, "No free pseudonym found.");
      pseudonym = MakePseudonym(random);
      auto taken = c.Prepare("SELECT 1 FROM applications WHERE recruitment_id = $1 AND pseudonym = $2");
      if (!taken) return taken.error();
      taken->Bind(1, r.id).Bind(2, pseudonym);
      if (!taken->Step()) {
        REILU_TRY(taken->status());
        break;
      }
    }
    Receipt receipt{MakeApplicationId(random), MakeReference(random), r.id};

    auto ins = c.Prepare(
        "INSERT INTO applications (id, org_id, recruitment_id, pseudonym, reference, merits, redacted, state, "
        "received_at, email_key) "
        "VALUES ($1, $2, $3, $4, $5, $6, $7, 'received', $8, $9)");
    if (!ins) return ins.error();
    ins->Bind(1, receipt.application_id)
        .Bind(2, r.org_id)
        .Bind(3, r.id)
        .Bind(4, pseudonym)
        .Bind(5, receipt.reference)
        .Bind(6, codec::Serialize(codec::ToJson(app.merits_for_reviewers.value_or(app.submission.merits))))
        .Bind(8, now)
        .Bind(9, EmailKey(app.submission.identity.email));
    ins->BindNull(7);  // released to reviewers only by ReleaseRedaction
    REILU_TRY(ins->Run());

    std::string sealed = key->SealIdentity(receipt.application_id, codec::Serialize(SealedIdentityJson(app)));
    auto id_ins = c.Prepare(
        "INSERT INTO application_identities (application_id, org_id, recruitment_id, sealed) VALUES ($1, $2, $3, $4)");
    if (!id_ins) return id_ins.error();
    REILU_TRY(id_ins->Bind(1, receipt.application_id).Bind(2, r.org_id).Bind(3, r.id).BindBlob(4, sealed).Run());
    REILU_TRY(InsertAttachmentsTx(c, r, receipt.application_id, app.attachments, *key));
    if (const auto& stats = app.submission.statistics) {
      auto st_ins = c.Prepare(
          "INSERT INTO equality_statistics (application_id, org_id, recruitment_id, gender, age_band, language_group) "
          "VALUES ($1, $2, $3, $4, $5, $6)");
      if (!st_ins) return st_ins.error();
      REILU_TRY(st_ins->Bind(1, receipt.application_id)
                    .Bind(2, r.org_id)
                    .Bind(3, r.id)
                    .Bind(4, stats->gender)
                    .Bind(5, stats->age_band)
                    .Bind(6, stats->language_group)
                    .Run());
    }

    if (!app.idempotency_key.empty()) {
      auto k = c.Prepare(
          "INSERT INTO idempotency_keys (recruitment_id, key_hash, request_hash, application_id, created_at) "
          "VALUES ($1, $2, $3, $4, $5)");
      if (!k) return k.error();
      REILU_TRY(k->Bind(1, r.id)
                    .Bind(2, Vault::IdempotencyHash(app.idempotency_key))
                    .Bind(3, app.request_hash)
                    .Bind(4, receipt.application_id)
                    .Bind(5, now)
                    .Run());
    }
    if (app.receipt_mail) {
      if (auto mail = app.receipt_mail(receipt)) REILU_TRY(EnqueueMailTx(c, *mail, now));
    }
    return SubmitResult{receipt, false};
  });
}

Status SqlStore::AmendApplication(const Amendment& a, UnixTime now) {
  const Recruitment& r = *a.recruitment;
  return WriteTx<Ok>([&](Connection& c) -> Status {
    REILU_TRY(BumpDataVersionTx(c, r.org_id, r.id));
    REILU_TRY(
        CheckTakesApplications(c, r, now, "The application period is over; the application can no longer be changed."));
    auto key = RecruitmentKey(c, r.org_id, r.id);
    if (!key) return key.error();
    // The text reviewers would see is cleared: HR checks the new text before it is released.
    auto up = c.Prepare(
        "UPDATE applications SET merits = $4, redacted = NULL, email_key = $5 "
        "WHERE org_id = $1 AND recruitment_id = $2 AND id = $3 AND state = 'received'");
    if (!up) return up.error();
    REILU_TRY(up->Bind(1, r.org_id)
                  .Bind(2, r.id)
                  .Bind(3, a.application_id)
                  .Bind(4, codec::Serialize(codec::ToJson(a.merits_for_reviewers.value_or(a.submission.merits))))
                  .Bind(5, EmailKey(a.submission.identity.email))
                  .Run());
    if (c.Changes() == 0) return MakeError(ErrorCode::kWithdrawn, "The application has been withdrawn.");
    std::string sealed = key->SealIdentity(a.application_id, codec::Serialize(SealedIdentityJson(a)));
    auto id_up = c.Prepare(
        "UPDATE application_identities SET sealed = $4 WHERE org_id = $1 AND recruitment_id = $2 AND application_id = "
        "$3");
    if (!id_up) return id_up.error();
    REILU_TRY(id_up->Bind(1, r.org_id).Bind(2, r.id).Bind(3, a.application_id).BindBlob(4, sealed).Run());
    if (a.confirmation_mail) {
      if (auto mail = a.confirmation_mail()) REILU_TRY(EnqueueMailTx(c, *mail, now));
    }
    return AppendAuditTx(c, AuditEvent{r.org_id, 0, audit_action::kAmend, r.id, a.application_id, "{}"}, now);
  });
}

Result<std::map<ApplicationId, EqualityStatistics>> SqlStore::ListEqualityStatistics(OrgId org, RecruitmentId rec) {
  auto lease = Reader();
  auto s = (*lease).Prepare(
      "SELECT application_id, gender, age_band, language_group FROM equality_statistics "
      "WHERE org_id = $1 AND recruitment_id = $2");
  if (!s) return s.error();
  s->Bind(1, org).Bind(2, rec);
  std::map<ApplicationId, EqualityStatistics> out;
  while (s->Step()) out[s->Text(0)] = EqualityStatistics{s->Text(1), s->Text(2), s->Text(3)};
  REILU_TRY(s->status());
  return out;
}

Result<std::vector<AnonymousApplication>> SqlStore::ListAnonymous(OrgId org, RecruitmentId rec) {
  auto lease = Reader();
  // Ordered by the random id only to be deterministic here; callers apply the per-reviewer order.
  auto s = (*lease).Prepare(
      std::string("SELECT ") + std::string(kAnonymousColumns) +
      " FROM applications WHERE org_id = $1 AND recruitment_id = $2 AND state <> 'disposed' ORDER BY id");
  if (!s) return s.error();
  s->Bind(1, org).Bind(2, rec);
  std::vector<AnonymousApplication> out;
  while (s->Step()) {
    auto a = ReadAnonymous(*s);
    if (!a) return a.error();
    out.push_back(std::move(*a));
  }
  REILU_TRY(s->status());
  return out;
}

Result<AnonymousApplication> SqlStore::GetAnonymous(OrgId org, RecruitmentId rec, const ApplicationId& id) {
  auto lease = Reader();
  auto s = (*lease).Prepare(std::string("SELECT ") + std::string(kAnonymousColumns) +
                            " FROM applications WHERE org_id = $1 AND recruitment_id = $2 AND id = $3");
  if (!s) return s.error();
  s->Bind(1, org).Bind(2, rec).Bind(3, id);
  if (!s->Step()) return s->status().ok() ? Result<AnonymousApplication>(NotFound("Application")) : s->status().error();
  return ReadAnonymous(*s);
}

Result<std::int64_t> SqlStore::CountApplications(OrgId org, RecruitmentId rec) {
  auto lease = Reader();
  auto s = (*lease).Prepare("SELECT COUNT(*) FROM applications WHERE org_id = $1 AND recruitment_id = $2");
  if (!s) return s.error();
  s->Bind(1, org).Bind(2, rec);
  if (!s->Step()) return s->status().error();
  return s->Int(0);
}

Result<IdentifiedApplication> SqlStore::ReadIdentity(const IdentityAccess& access, UnixTime now) {
  return WriteTx<IdentifiedApplication>(
      [&](Connection& c) -> Result<IdentifiedApplication> { return ReadIdentityTx(c, access, now); });
}

Result<std::vector<IdentifiedApplication>> SqlStore::ReadIdentities(const std::vector<IdentityAccess>& accesses,
                                                                    UnixTime now) {
  if (accesses.empty()) return std::vector<IdentifiedApplication>();  // no transaction to make durable
  return WriteTx<std::vector<IdentifiedApplication>>(
      [&](Connection& c) -> Result<std::vector<IdentifiedApplication>> { return ReadIdentitiesTx(c, accesses, now); });
}

Result<std::vector<IdentifiedApplication>> SqlStore::ReadIdentitiesTx(Connection& c,
                                                                      const std::vector<IdentityAccess>& accesses,
                                                                      UnixTime now) {
  std::vector<IdentifiedApplication> read;
  read.reserve(accesses.size());
  for (const auto& access : accesses) {
    auto full = ReadIdentityTx(c, access, now);
    if (!full) return full.error();
    read.push_back(std::move(*full));
  }
  return read;
}

Status SqlStore::QueueNoticesTx(Connection& c, const IdentityNotices& notices, UnixTime now) {
  auto fulls = ReadIdentitiesTx(c, notices.reads, now);
  if (!fulls) return fulls.error();
  std::vector<IdentifiedApplication>& read = *fulls;
  if (!notices.compose) return OkStatus();
  auto mails = notices.compose(read);
  if (!mails) return mails.error();
  for (const auto& m : *mails) REILU_TRY(EnqueueMailTx(c, m, now));
  return OkStatus();
}

Status SqlStore::InsertAttachmentsTx(Connection& c, const Recruitment& r, const ApplicationId& app,
                                     const std::vector<NewAttachment>& attachments, const RecruitmentSeal& key) {
  if (attachments.empty()) return OkStatus();
  std::vector<AttachmentInfo> infos;
  int position = 0;
  for (const auto& a : attachments) {
    ++position;
    std::string details = codec::Serialize(json::object{{"file_name", a.file_name}, {"proposal", a.proposal}});
    auto ins = c.Prepare(
        "INSERT INTO attachments (application_id, position, org_id, recruitment_id, kind, sealed_original, "
        "sealed_details) VALUES ($1, $2, $3, $4, $5, $6, $7)");
    if (!ins) return ins.error();
    REILU_TRY(ins->Bind(1, app)
                  .Bind(2, std::int64_t{position})
                  .Bind(3, r.org_id)
                  .Bind(4, r.id)
                  .Bind(5, a.kind)
                  .BindBlob(6, key.SealAttachment(app, position, RecruitmentSeal::AttachmentPart::kOriginal, a.bytes))
                  .BindBlob(7, key.SealAttachment(app, position, RecruitmentSeal::AttachmentPart::kDetails, details))
                  .Run());
    infos.push_back(AttachmentInfo{position, a.kind, false, a.needs_a_look});
  }
  auto up = c.Prepare("UPDATE applications SET attachments = $2 WHERE id = $1");
  if (!up) return up.error();
  return up->Bind(1, app).Bind(2, AttachmentsJson(infos)).Run();
}

Result<OpenedAttachment> SqlStore::ReadAttachment(const IdentityAccess& access, int position, UnixTime now) {
  return WriteTx<OpenedAttachment>([&](Connection& c) -> Result<OpenedAttachment> {
    const OrgId org = access.org_id();
    const RecruitmentId rec = access.recruitment_id();
    const ApplicationId& app = access.application_id();
    auto s = c.Prepare(
        "SELECT t.kind, t.sealed_original, t.sealed_details, a.attachments FROM attachments t JOIN applications a ON "
        "a.id = t.application_id WHERE t.org_id = $1 AND t.recruitment_id = $2 AND t.application_id = $3 AND "
        "t.position = $4 AND t.sealed_original IS NOT NULL");
    if (!s) return s.error();
    s->Bind(1, org).Bind(2, rec).Bind(3, app).Bind(4, std::int64_t{position});
    if (!s->Step()) return s->status().ok() ? Result<OpenedAttachment>(NotFound("Attachment")) : s->status().error();
    auto key = RecruitmentKey(c, org, rec);
    if (!key) return key.error();
    auto bytes = key->OpenAttachment(app, position, RecruitmentSeal::AttachmentPart::kOriginal, s->Blob(1));
    if (!bytes) return bytes.error();
    auto details = key->OpenAttachment(app, position, RecruitmentSeal::AttachmentPart::kDetails, s->Blob(2));
    if (!details) return details.error();
    auto doc = codec::Parse(*details);
    if (!doc || !doc->is_object()) return MakeError(ErrorCode::kInternal, "Attachment record is corrupt.");
    OpenedAttachment out;
    out.bytes = std::move(*bytes);
    out.file_name = std::string(doc->get_object().at("file_name").as_string());
    out.proposal = std::string(doc->get_object().at("proposal").as_string());
    std::vector<AttachmentInfo> infos;
    auto listed = codec::Parse(s->Text(3));
    if (!listed) return listed.error();
    REILU_TRY(codec::FromJson(*listed, "attachments", infos));
    for (const auto& i : infos) {
      if (i.position == position) out.info = i;
    }
    json::object detail{{"basis", AccessBasisName(access.basis())}, {"attachment", position}};
    if (!access.reason().empty()) detail["reason"] = access.reason();
    REILU_TRY(AppendAuditTx(
        c, AuditEvent{org, access.actor_id(), audit_action::kAttachmentRead, rec, app, codec::Serialize(detail)}, now));
    return out;
  });
}

Status SqlStore::ReleaseAttachment(OrgId org, RecruitmentId rec, const ApplicationId& id, int position,
                                   const std::string& rendition, UserId actor, const RedactionReleaseNote& note,
                                   UnixTime now) {
  return WriteTx<Ok>([&](Connection& c) -> Status {
    REILU_TRY(BumpDataVersionTx(c, org, rec));
    auto s = c.Prepare(
        "UPDATE attachments SET rendition = $5 WHERE org_id = $1 AND recruitment_id = $2 AND application_id = $3 AND "
        "position = $4");
    if (!s) return s.error();
    REILU_TRY(s->Bind(1, org).Bind(2, rec).Bind(3, id).Bind(4, std::int64_t{position}).BindBlob(5, rendition).Run());
    if (c.Changes() == 0) return NotFound("Attachment");
    auto row = c.Prepare("SELECT attachments FROM applications WHERE org_id = $1 AND recruitment_id = $2 AND id = $3");
    if (!row) return row.error();
    row->Bind(1, org).Bind(2, rec).Bind(3, id);
    if (!row->Step()) return row->status().ok() ? Status(NotFound("Application")) : row->status();
    std::vector<AttachmentInfo> infos;
    auto listed = codec::Parse(row->Text(0));
    if (!listed) return listed.error();
    REILU_TRY(codec::FromJson(*listed, "attachments", infos));
    for (auto& i : infos) {
      if (i.position == position) i.released = true;
    }
    auto up = c.Prepare("UPDATE applications SET attachments = $2 WHERE id = $1");
    if (!up) return up.error();
    REILU_TRY(up->Bind(1, id).Bind(2, AttachmentsJson(infos)).Run());
    return AppendAuditTx(c,
                         AuditEvent{org, actor, audit_action::kAttachmentRelease, rec, id,
                                    codec::Serialize(json::object{{"attachment", position},
                                                                  {"mode", note.mode},
                                                                  {"spans_added", note.spans_added},
                                                                  {"spans_removed", note.spans_removed},
                                                                  {"boxes", note.boxes},
                                                                  {"scans_shown", note.scans_shown}})},
                         now);
  });
}

Result<std::string> SqlStore::GetAttachmentRendition(OrgId org, RecruitmentId rec, const ApplicationId& id,
                                                     int position) {
  auto lease = Reader();
  auto s = (*lease).Prepare(
      "SELECT rendition FROM attachments WHERE org_id = $1 AND recruitment_id = $2 AND application_id = $3 AND "
      "position = $4 AND rendition IS NOT NULL");
  if (!s) return s.error();
  s->Bind(1, org).Bind(2, rec).Bind(3, id).Bind(4, std::int64_t{position});
  if (!s->Step()) return s->status().ok() ? Result<std::string>(NotFound("Attachment")) : s->status().error();
  return s->Blob(0);
}

Result<IdentifiedApplication> SqlStore::ReadIdentityTx(Connection& c, const IdentityAccess& access, UnixTime now) {
  auto s = c.Prepare(
      std::string(
          "SELECT a.id, a.recruitment_id, a.pseudonym, a.merits, a.redacted, a.state, a.attachments, i.sealed ") +
      "FROM applications a JOIN application_identities i ON i.application_id = a.id "
      "WHERE a.org_id = $1 AND a.recruitment_id = $2 AND a.id = $3");
  if (!s) return s.error();
  s->Bind(1, access.org_id()).Bind(2, access.recruitment_id()).Bind(3, access.application_id());
  if (!s->Step())
    return s->status().ok() ? Result<IdentifiedApplication>(NotFound("Application")) : s->status().error();
  IdentifiedApplication out;
  auto anon = ReadAnonymous(*s);
  if (!anon) return anon.error();
  out.anonymous = std::move(*anon);
  std::string sealed = s->Blob(7);
  auto key = RecruitmentKey(c, access.org_id(), access.recruitment_id());
  if (!key) return key.error();
  auto plain = key->OpenIdentity(access.application_id(), sealed);
  if (!plain) return plain.error();
  auto doc = codec::Parse(*plain);
  if (!doc || !doc->is_object()) return MakeError(ErrorCode::kInternal, "Identity record is corrupt.");
  const auto& obj = doc->get_object();
  if (!obj.contains("identity") || !obj.contains("free_text")) {
    return MakeError(ErrorCode::kInternal, "Identity record is corrupt.");
  }
  REILU_TRY(codec::FromJson(obj.at("identity"), "identity", out.identity));
  REILU_TRY(codec::FromJson(obj.at("free_text"), "free_text", out.free_text));
  if (obj.contains("redaction_proposal")) {
    RedactedText proposal;
    REILU_TRY(codec::FromJson(obj.at("redaction_proposal"), "redaction_proposal", proposal));
    out.redaction_proposal = std::move(proposal);
  }
  if (obj.contains("merits_original")) {
    Merits original;
    REILU_TRY(codec::FromJson(obj.at("merits_original"), "merits_original", original));
    out.original_merits = std::move(original);
  }
  json::object detail{{"basis", AccessBasisName(access.basis())}};
  if (!access.reason().empty()) detail["reason"] = access.reason();
  REILU_TRY(AppendAuditTx(c,
                          AuditEvent{access.org_id(), access.actor_id(), audit_action::kIdentityRead,
                                     access.recruitment_id(), access.application_id(), codec::Serialize(detail)},
                          now));
  return out;
}

Status SqlStore::ReleaseRedaction(OrgId org, RecruitmentId rec, const ApplicationId& id, const RedactedText& text,
                                  UserId actor, const RedactionReleaseNote& note, UnixTime now) {
  return ReleaseRedactions(org, rec, {{id, text}}, actor, note, now);
}

Status SqlStore::ReleaseRedactions(OrgId org, RecruitmentId rec,
                                   const std::vector<std::pair<ApplicationId, RedactedText>>& texts, UserId actor,
                                   const RedactionReleaseNote& note, UnixTime now) {
  return WriteTx<Ok>([&](Connection& c) -> Status {
    REILU_TRY(BumpDataVersionTx(c, org, rec));
    const std::string detail = codec::Serialize(json::object{{"mode", note.mode},
                                                             {"edited", note.edited},
                                                             {"spans_added", note.spans_added},
                                                             {"spans_removed", note.spans_removed}});
    for (const auto& [id, text] : texts) {
      auto s = c.Prepare("UPDATE applications SET redacted = $4 WHERE org_id = $1 AND recruitment_id = $2 AND id = $3");
      if (!s) return s.error();
      REILU_TRY(s->Bind(1, org).Bind(2, rec).Bind(3, id).Bind(4, codec::Serialize(codec::ToJson(text))).Run());
      if (c.Changes() == 0) return NotFound("Application");
      REILU_TRY(AppendAuditTx(c, AuditEvent{org, actor, audit_action::kRedactionRelease, rec, id, detail}, now));
    }
    return OkStatus();
  });
}

// ---------------------------------------------------------------- lifts

Status SqlStore::Lift(OrgId org, RecruitmentId rec, const std::vector<ApplicationId>& applications, UserId actor,
                      const std::string& reason, UnixTime now) {
  return WriteTx<Ok>([&](Connection& c) -> Status {
    REILU_TRY(BumpDataVersionTx(c, org, rec));
    auto insert_lift = [&](const ApplicationId* app) -> Status {
      auto s = c.Prepare(
          "INSERT INTO lifts (org_id, recruitment_id, application_id, actor_id, reason, at) VALUES ($1, $2, $3, $4, "
          "$5, $6)");
      if (!s) return s.error();
      s->Bind(1, org).Bind(2, rec).Bind(4, actor).Bind(5, reason).Bind(6, now);
      if (app) {
        s->Bind(3, *app);
      } else {
        s->BindNull(3);
      }
      REILU_TRY(s->Run());
      json::object detail{{"scope", app ? "application" : "all"}, {"reason", reason}};
      return AppendAuditTx(
          c, AuditEvent{org, actor, audit_action::kLift, rec, app ? *app : ApplicationId{}, codec::Serialize(detail)},
          now);
    };
    if (applications.empty()) return insert_lift(nullptr);
    for (const auto& app : applications) {
      auto s = c.Prepare("SELECT 1 FROM applications WHERE org_id = $1 AND recruitment_id = $2 AND id = $3");
      if (!s) return s.error();
      s->Bind(1, org).Bind(2, rec).Bind(3, app);
      if (!s->Step()) return s->status().ok() ? Status(NotFound("Application")) : s->status();
      REILU_TRY(insert_lift(&app));
    }
    return OkStatus();
  });
}

Result<LiftState> SqlStore::GetLiftState(OrgId org, RecruitmentId rec) {
  auto lease = Reader();
  auto s = (*lease).Prepare("SELECT application_id FROM lifts WHERE org_id = $1 AND recruitment_id = $2");
  if (!s) return s.error();
  s->Bind(1, org).Bind(2, rec);
  LiftState state;
  while (s->Step()) {
    if (s->IsNull(0)) {
      state.all = true;
    } else {
      state.applications.insert(s->Text(0));
    }
  }
  REILU_TRY(s->status());
  return state;
}

// ---------------------------------------------------------------- audit

Status SqlStore::AppendAuditTx(Connection& c, const AuditEvent& event, UnixTime now) {
  AuditEntry e;
  e.org_id = event.org_id;
  e.at = now;
  e.actor_id = event.actor_id;
  e.action = std::string(event.action);
  e.recruitment_id = event.recruitment_id;
  e.application_id = event.application_id;
  e.detail = event.detail;
  std::optional<AuditEntry> previous;
  {
    auto s = c.Prepare("SELECT seq, hash FROM audit_log WHERE org_id = $1 ORDER BY seq DESC LIMIT 1");
    if (!s) return s.error();
    s->Bind(1, event.org_id);
    if (s->Step()) {
      previous = AuditEntry{};
      previous->seq = s->Int(0);
      previous->hash = s->Text(1);
    }
    REILU_TRY(s->status());
  }
  Vault::Chain(e, previous ? &*previous : nullptr);
  auto s = c.Prepare(
      "INSERT INTO audit_log (org_id, seq, at, actor_id, action, recruitment_id, application_id, detail, prev_hash, "
      "hash) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)");
  if (!s) return s.error();
  return s->Bind(1, e.org_id)
      .Bind(2, e.seq)
      .Bind(3, e.at)
      .Bind(4, e.actor_id)
      .Bind(5, e.action)
      .Bind(6, e.recruitment_id)
      .Bind(7, e.application_id)
      .Bind(8, e.detail)
      .Bind(9, e.prev_hash)
      .Bind(10, e.hash)
      .Run();
}

Status SqlStore::AppendAudit(const AuditEvent& event, UnixTime now) {
  return WriteTx<Ok>([&](Connection& c) -> Status { return AppendAuditTx(c, event, now); });
}

namespace {

constexpr std::string_view kAuditColumns =
    "seq, org_id, at, actor_id, action, recruitment_id, application_id, detail, prev_hash, hash";

Result<std::vector<AuditEntry>> ReadAuditRows(Statement& s) {
  std::vector<AuditEntry> out;
  while (s.Step()) {
    out.push_back(AuditEntry{s.Int(0), s.Int(1), s.Int(2), s.Int(3), s.Text(4), s.Int(5), s.Text(6), s.Text(7),
                             s.Text(8), s.Text(9)});
  }
  REILU_TRY(s.status());
  return out;
}

}  // namespace

Result<std::vector<AuditEntry>> SqlStore::ListAudit(OrgId org, std::int64_t after_seq, std::int64_t limit) {
  auto lease = Reader();
  auto s = (*lease).Prepare(std::string("SELECT ") + std::string(kAuditColumns) +
                            " FROM audit_log WHERE org_id = $1 AND seq > $2 ORDER BY seq LIMIT $3");
  if (!s) return s.error();
  s->Bind(1, org).Bind(2, after_seq).Bind(3, limit);
  return ReadAuditRows(*s);
}

Result<std::map<RecruitmentId, RecruitmentSummary>> SqlStore::SummariseRecruitments(OrgId org) {
  auto lease = Reader();
  // One grouped read for the whole list (not a query per recruitment).
  auto s = (*lease).Prepare(
      "SELECT r.id, COALESCE(a.n, 0), CASE WHEN s.recruitment_id IS NULL THEN 0 ELSE 1 END, "
      "CASE WHEN d.recruitment_id IS NULL THEN 0 ELSE 1 END FROM recruitments r "
      "LEFT JOIN (SELECT recruitment_id, COUNT(*) AS n FROM applications WHERE org_id = $1 AND state <> 'withdrawn' "
      "GROUP BY recruitment_id) a ON a.recruitment_id = r.id "
      "LEFT JOIN shortlists s ON s.recruitment_id = r.id LEFT JOIN decisions d ON d.recruitment_id = r.id "
      "WHERE r.org_id = $1");
  if (!s) return s.error();
  s->Bind(1, org);
  std::map<RecruitmentId, RecruitmentSummary> out;
  while (s->Step()) out[s->Int(0)] = RecruitmentSummary{s->Int(1), s->Int(2) != 0, s->Int(3) != 0};
  REILU_TRY(s->status());
  return out;
}

Result<std::vector<AuditEntry>> SqlStore::ListAuditWhere(OrgId org, std::int64_t after_seq, std::int64_t limit,
                                                         const AuditFilter& filter) {
  auto lease = Reader();
  // substr, not LIKE: nothing to escape, and the same in SQLite and PostgreSQL whatever the collation.
  const char* where_order = filter.newest_first ? "($2 = 0 OR seq < $2)" : "seq > $2";
  auto s = (*lease).Prepare(std::string("SELECT ") + std::string(kAuditColumns) +
                            " FROM audit_log WHERE org_id = $1 AND " + where_order +
                            " AND ($3 = 0 OR recruitment_id = $3) AND substr(action, 1, length($4)) = $4 ORDER BY seq" +
                            (filter.newest_first ? " DESC" : "") + " LIMIT $5");
  if (!s) return s.error();
  s->Bind(1, org).Bind(2, after_seq).Bind(3, filter.recruitment_id).Bind(4, filter.action_prefix).Bind(5, limit);
  return ReadAuditRows(*s);
}

Result<std::vector<AuditEntry>> SqlStore::ListAuditOf(OrgId org, RecruitmentId rec, std::string_view action) {
  auto lease = Reader();
  auto s = (*lease).Prepare(std::string("SELECT ") + std::string(kAuditColumns) +
                            " FROM audit_log WHERE org_id = $1 AND recruitment_id = $2 AND action = $3 ORDER BY seq");
  if (!s) return s.error();
  s->Bind(1, org).Bind(2, rec).Bind(3, action);
  return ReadAuditRows(*s);
}

Result<std::vector<AuditEntry>> SqlStore::ListAuditByAction(OrgId org, std::string_view action, UnixTime from,
                                                            UnixTime to) {
  auto lease = Reader();
  auto s = (*lease).Prepare(std::string("SELECT ") + std::string(kAuditColumns) +
                            " FROM audit_log WHERE org_id = $1 AND action = $2 AND at >= $3 AND at < $4 ORDER BY seq");
  if (!s) return s.error();
  s->Bind(1, org).Bind(2, action).Bind(3, from).Bind(4, to);
  return ReadAuditRows(*s);
}

}  // namespace reilu::store
