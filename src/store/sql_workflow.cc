// SqlStore: screening, interviews, decisions, applicant self-service and the mail queue.
#include <algorithm>
#include <cctype>

#include "codec/codec.h"
#include "core/pseudonym.h"
#include "store/sql_store.h"

namespace reilu::store {

namespace json = boost::json;

namespace {

Error NotFound(const char* what) { return MakeError(ErrorCode::kNotFound, std::string(what) + " not found."); }

// Runs `sql` (binding org, rec as $1, $2) and collects column 0 as text.
Result<std::set<std::string>> TextSet(Connection& c, const std::string& sql, OrgId org, RecruitmentId rec) {
  auto s = c.Prepare(sql);
  if (!s) return s.error();
  s->Bind(1, org).Bind(2, rec);
  std::set<std::string> out;
  while (s->Step()) out.insert(s->Text(0));
  REILU_TRY(s->status());
  return out;
}

Status RequireApplication(Connection& c, OrgId org, RecruitmentId rec, const ApplicationId& app) {
  auto s = c.Prepare("SELECT state FROM applications WHERE org_id = $1 AND recruitment_id = $2 AND id = $3");
  if (!s) return s.error();
  s->Bind(1, org).Bind(2, rec).Bind(3, app);
  if (!s->Step()) return s->status().ok() ? Status(NotFound("Application")) : s->status();
  if (s->Text(0) == "withdrawn") return MakeError(ErrorCode::kWithdrawn, "The applicant withdrew this application.");
  return OkStatus();
}

json::array IdArray(const std::vector<ApplicationId>& ids) {
  json::array a;
  for (const auto& id : ids) a.push_back(json::string(id));
  return a;
}

}  // namespace

// ---------------------------------------------------------------- screening

Result<ScreeningState> SqlStore::GetScreeningState(OrgId org, RecruitmentId rec) {
  auto lease = Reader();
  Connection& c = *lease;
  ScreeningState st;
  auto apps = TextSet(c, "SELECT id FROM applications WHERE org_id = $1 AND recruitment_id = $2", org, rec);
  if (!apps) return apps.error();
  st.applications = std::move(*apps);
  auto withdrawn = TextSet(
      c, "SELECT id FROM applications WHERE org_id = $1 AND recruitment_id = $2 AND state = 'withdrawn'", org, rec);
  if (!withdrawn) return withdrawn.error();
  st.withdrawn = std::move(*withdrawn);
  {
    auto s = c.Prepare("SELECT application_id, reviewer_id FROM recusals WHERE org_id = $1 AND recruitment_id = $2");
    if (!s) return s.error();
    s->Bind(1, org).Bind(2, rec);
    while (s->Step()) st.recusals.insert({s->Text(0), s->Int(1)});
    REILU_TRY(s->status());
  }
  {
    auto s = c.Prepare("SELECT frozen_at FROM shortlists WHERE org_id = $1 AND recruitment_id = $2");
    if (!s) return s.error();
    s->Bind(1, org).Bind(2, rec);
    if (s->Step()) {
      st.frozen = true;
      st.frozen_at = s->Int(0);
    }
    REILU_TRY(s->status());
  }
  auto shortlist =
      TextSet(c, "SELECT application_id FROM shortlist_entries WHERE org_id = $1 AND recruitment_id = $2", org, rec);
  if (!shortlist) return shortlist.error();
  st.shortlist = std::move(*shortlist);
  {
    auto s = c.Prepare(
        "SELECT application_id, eligible, reason, assessed_by, assessed_at, requirements FROM eligibility "
        "WHERE org_id = $1 AND recruitment_id = $2");
    if (!s) return s.error();
    s->Bind(1, org).Bind(2, rec);
    while (s->Step()) {
      EligibilityAssessment a{s->Int(1) != 0, s->Text(2), s->Int(3), s->Int(4), {}};
      if (auto checks = codec::Parse(s->Text(5)); checks && checks->is_array()) {
        for (const auto& check : checks->get_array()) {
          if (!check.is_object()) continue;
          const auto* text = check.get_object().if_contains("requirement");
          const auto* met = check.get_object().if_contains("met");
          if (text && text->is_string() && met && met->is_bool()) {
            a.requirements.push_back({std::string(text->get_string()), met->get_bool()});
          }
        }
      }
      st.eligibility[s->Text(0)] = std::move(a);
    }
    REILU_TRY(s->status());
  }
  return st;
}

namespace {
std::string RequirementsJson(const std::vector<RequirementCheck>& checks) {
  json::array out;
  for (const auto& c : checks) out.push_back(json::object{{"requirement", c.requirement}, {"met", c.met}});
  return codec::Serialize(out);
}
}  // namespace

Status SqlStore::SaveEligibility(OrgId org, RecruitmentId rec, const ApplicationId& app,
                                 const EligibilityAssessment& assessment, UnixTime now) {
  return WriteTx<Ok>([&](Connection& c) -> Status {
    REILU_TRY(RequireApplication(c, org, rec, app));
    REILU_TRY(BumpDataVersionTx(c, org, rec));
    auto s = c.Prepare(
        "INSERT INTO eligibility (application_id, org_id, recruitment_id, eligible, reason, assessed_by, assessed_at, "
        "requirements) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (application_id) DO UPDATE SET "
        "eligible = excluded.eligible, reason = excluded.reason, assessed_by = excluded.assessed_by, "
        "assessed_at = excluded.assessed_at, requirements = excluded.requirements");
    if (!s) return s.error();
    REILU_TRY(s->Bind(1, app)
                  .Bind(2, org)
                  .Bind(3, rec)
                  .Bind(4, std::int64_t{assessment.eligible ? 1 : 0})
                  .Bind(5, assessment.reason)
                  .Bind(6, assessment.assessed_by)
                  .Bind(7, now)
                  .Bind(8, RequirementsJson(assessment.requirements))
                  .Run());
    // The reason is the owner's own words about the merits: kept with the assessment, not in the log.
    json::object detail{{"eligible", assessment.eligible}};
    return AppendAuditTx(
        c, AuditEvent{org, assessment.assessed_by, audit_action::kEligibility, rec, app, codec::Serialize(detail)},
        now);
  });
}

Result<std::vector<Score>> SqlStore::ListScores(OrgId org, RecruitmentId rec) {
  auto lease = Reader();
  auto s = (*lease).Prepare(
      "SELECT application_id, reviewer_id, criterion_id, value, justification FROM scores "
      "WHERE org_id = $1 AND recruitment_id = $2 ORDER BY application_id, reviewer_id, criterion_id");
  if (!s) return s.error();
  s->Bind(1, org).Bind(2, rec);
  std::vector<Score> out;
  while (s->Step()) {
    out.push_back(Score{s->Text(0), s->Int(1), s->Text(2), static_cast<int>(s->Int(3)), s->Text(4)});
  }
  REILU_TRY(s->status());
  return out;
}

Status SqlStore::SaveScores(OrgId org, RecruitmentId rec, UserId reviewer, const std::vector<Score>& scores,
                            UnixTime now) {
  return WriteTx<Ok>([&](Connection& c) -> Status {
    json::array audited;
    for (const auto& sc : scores) {
      REILU_TRY(RequireApplication(c, org, rec, sc.application_id));
      auto recused = c.Prepare("SELECT 1 FROM recusals WHERE org_id = $1 AND application_id = $2 AND reviewer_id = $3");
      if (!recused) return recused.error();
      recused->Bind(1, org).Bind(2, sc.application_id).Bind(3, reviewer);
      if (recused->Step()) return MakeError(ErrorCode::kRecused, "You declared a conflict of interest here.");
      REILU_TRY(recused->status());
      auto up = c.Prepare(
          "INSERT INTO scores (org_id, recruitment_id, application_id, reviewer_id, criterion_id, value, "
          "justification, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) "
          "ON CONFLICT (application_id, reviewer_id, criterion_id) DO UPDATE SET value = excluded.value, "
          "justification = excluded.justification, updated_at = excluded.updated_at");
      if (!up) return up.error();
      Status run = up->Bind(1, org)
                       .Bind(2, rec)
                       .Bind(3, sc.application_id)
                       .Bind(4, reviewer)
                       .Bind(5, sc.criterion_id)
                       .Bind(6, std::int64_t{sc.value})
                       .Bind(7, sc.justification)
                       .Bind(8, now)
                       .Run();
      if (!run) {
        if (run.error().code == ErrorCode::kConflict) {
          return MakeError(ErrorCode::kScoresFrozen, "The shortlist has been chosen: the screening scores are final.");
        }
        return run;
      }
      audited.push_back(
          json::object{{"application_id", sc.application_id}, {"criterion_id", sc.criterion_id}, {"value", sc.value}});
    }
    return AppendAuditTx(
        c,
        AuditEvent{org, reviewer, audit_action::kScore, rec, {}, codec::Serialize(json::object{{"scores", audited}})},
        now);
  });
}

Status SqlStore::Recuse(OrgId org, RecruitmentId rec, const ApplicationId& app, UserId reviewer,
                        const std::string& reason, UnixTime now) {
  return WriteTx<Ok>([&](Connection& c) -> Status {
    REILU_TRY(BumpDataVersionTx(c, org, rec));
    REILU_TRY(RequireApplication(c, org, rec, app));
    auto ins = c.Prepare(
        "INSERT INTO recusals (org_id, recruitment_id, application_id, reviewer_id, at) VALUES ($1, $2, $3, $4, $5)");
    if (!ins) return ins.error();
    Status inserted = ins->Bind(1, org).Bind(2, rec).Bind(3, app).Bind(4, reviewer).Bind(5, now).Run();
    if (!inserted) {
      if (inserted.error().code == ErrorCode::kConflict) {
        return MakeError(ErrorCode::kRecused, "You have already recused yourself.");
      }
      return inserted;
    }
    auto del = c.Prepare("DELETE FROM scores WHERE org_id = $1 AND application_id = $2 AND reviewer_id = $3");
    if (!del) return del.error();
    Status deleted = del->Bind(1, org).Bind(2, app).Bind(3, reviewer).Run();
    if (!deleted) {
      return MakeError(ErrorCode::kScoresFrozen, "The shortlist has been chosen: the screening is over.");
    }
    json::object detail{{"scores_removed", c.Changes()}};
    if (!reason.empty()) detail["reason"] = reason;
    return AppendAuditTx(c, AuditEvent{org, reviewer, audit_action::kRecusal, rec, app, codec::Serialize(detail)}, now);
  });
}

Status SqlStore::FreezeShortlist(OrgId org, RecruitmentId rec, const std::vector<ApplicationId>& shortlist,
                                 UserId actor, const std::string& reason, const std::vector<OutgoingMail>& mails,
                                 UnixTime now) {
  return WriteTx<Ok>([&](Connection& c) -> Status {
    REILU_TRY(BumpDataVersionTx(c, org, rec));
    auto s = c.Prepare(
        "INSERT INTO shortlists (recruitment_id, org_id, actor_id, reason, frozen_at) "
        "SELECT id, org_id, $3, $4, $5 FROM recruitments WHERE org_id = $1 AND id = $2");
    if (!s) return s.error();
    Status inserted = s->Bind(1, org).Bind(2, rec).Bind(3, actor).Bind(4, reason).Bind(5, now).Run();
    if (!inserted) {
      if (inserted.error().code == ErrorCode::kConflict) {
        return MakeError(ErrorCode::kScoresFrozen, "The shortlist has already been chosen.");
      }
      return inserted;
    }
    if (c.Changes() == 0) return NotFound("Recruitment");
    for (const auto& app : shortlist) {
      REILU_TRY(RequireApplication(c, org, rec, app));
      auto e = c.Prepare("INSERT INTO shortlist_entries (org_id, recruitment_id, application_id) VALUES ($1, $2, $3)");
      if (!e) return e.error();
      REILU_TRY(e->Bind(1, org).Bind(2, rec).Bind(3, app).Run());
    }
    for (const auto& m : mails) REILU_TRY(EnqueueMailTx(c, m, now));
    json::object detail{{"application_ids", IdArray(shortlist)}, {"reason", reason}};
    return AppendAuditTx(c, AuditEvent{org, actor, audit_action::kShortlist, rec, {}, codec::Serialize(detail)}, now);
  });
}

// ---------------------------------------------------------------- interviews

Result<std::int64_t> SqlStore::CreateInterview(OrgId org, RecruitmentId rec, const Interview& i, UserId actor,
                                               const IdentityNotices& notices, UnixTime now) {
  return WriteTx<std::int64_t>([&](Connection& c) -> Result<std::int64_t> {
    REILU_TRY(RequireApplication(c, org, rec, i.application_id));
    json::array interviewers;
    for (auto id : i.interviewers) interviewers.push_back(id);
    auto s = c.Prepare(
        "INSERT INTO interviews (org_id, recruitment_id, application_id, starts_at, minutes, location, interviewers, "
        "created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id");
    if (!s) return s.error();
    s->Bind(1, org)
        .Bind(2, rec)
        .Bind(3, i.application_id)
        .Bind(4, i.starts_at)
        .Bind(5, std::int64_t{i.minutes})
        .Bind(6, i.location)
        .Bind(7, codec::Serialize(interviewers))
        .Bind(8, actor)
        .Bind(9, now);
    if (!s->Step()) return s->status().ok() ? MakeError(ErrorCode::kInternal, "no id") : s->status().error();
    std::int64_t id = s->Int(0);
    REILU_TRY(s->Run());
    REILU_TRY(QueueNoticesTx(c, notices, now));
    json::object detail{{"interview_id", id}, {"starts_at", i.starts_at}};
    REILU_TRY(AppendAuditTx(
        c, AuditEvent{org, actor, audit_action::kInterview, rec, i.application_id, codec::Serialize(detail)}, now));
    return id;
  });
}

Result<std::vector<Interview>> SqlStore::ListInterviews(OrgId org, RecruitmentId rec) {
  auto lease = Reader();
  auto s = (*lease).Prepare(
      "SELECT id, application_id, starts_at, minutes, location, interviewers FROM interviews "
      "WHERE org_id = $1 AND recruitment_id = $2 ORDER BY starts_at, id");
  if (!s) return s.error();
  s->Bind(1, org).Bind(2, rec);
  std::vector<Interview> out;
  while (s->Step()) {
    Interview i{s->Int(0), s->Text(1), s->Int(2), static_cast<int>(s->Int(3)), s->Text(4), {}};
    auto ids = codec::Parse(s->Text(5));
    if (ids && ids->is_array()) {
      for (const auto& v : ids->get_array()) {
        if (v.is_int64()) i.interviewers.push_back(v.get_int64());
      }
    }
    out.push_back(std::move(i));
  }
  REILU_TRY(s->status());
  return out;
}

Status SqlStore::SaveInterviewNotes(OrgId org, RecruitmentId rec, const std::vector<InterviewNote>& notes,
                                    UnixTime now) {
  return WriteTx<Ok>([&](Connection& c) -> Status {
    json::array audited;
    UserId author = 0;
    for (const auto& n : notes) {
      auto owner =
          c.Prepare("SELECT application_id FROM interviews WHERE org_id = $1 AND recruitment_id = $2 AND id = $3");
      if (!owner) return owner.error();
      owner->Bind(1, org).Bind(2, rec).Bind(3, n.interview_id);
      if (!owner->Step()) return owner->status().ok() ? Status(NotFound("Interview")) : owner->status();
      auto up = c.Prepare(
          "INSERT INTO interview_notes (org_id, interview_id, author_id, criterion_id, score, note, updated_at) "
          "VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (interview_id, author_id, criterion_id) DO UPDATE SET "
          "score = excluded.score, note = excluded.note, updated_at = excluded.updated_at");
      if (!up) return up.error();
      up->Bind(1, org)
          .Bind(2, n.interview_id)
          .Bind(3, n.author_id)
          .Bind(4, n.criterion_id)
          .Bind(6, n.note)
          .Bind(7, now);
      if (n.score) {
        up->Bind(5, std::int64_t{*n.score});
      } else {
        up->BindNull(5);
      }
      REILU_TRY(up->Run());
      author = n.author_id;
      audited.push_back(json::object{{"interview_id", n.interview_id}, {"criterion_id", n.criterion_id}});
    }
    return AppendAuditTx(
        c,
        AuditEvent{
            org, author, audit_action::kInterviewNotes, rec, {}, codec::Serialize(json::object{{"notes", audited}})},
        now);
  });
}

Result<std::vector<InterviewNote>> SqlStore::ListInterviewNotes(OrgId org, RecruitmentId rec) {
  auto lease = Reader();
  auto s = (*lease).Prepare(
      "SELECT n.interview_id, n.author_id, n.criterion_id, n.score, n.note FROM interview_notes n "
      "JOIN interviews i ON i.id = n.interview_id WHERE i.org_id = $1 AND i.recruitment_id = $2 "
      "ORDER BY n.interview_id, n.author_id, n.criterion_id");
  if (!s) return s.error();
  s->Bind(1, org).Bind(2, rec);
  std::vector<InterviewNote> out;
  while (s->Step()) {
    InterviewNote n{s->Int(0), s->Int(1), s->Text(2), std::nullopt, s->Text(4)};
    if (!s->IsNull(3)) n.score = static_cast<int>(s->Int(3));
    out.push_back(std::move(n));
  }
  REILU_TRY(s->status());
  return out;
}

// ---------------------------------------------------------------- decision

Status SqlStore::RecordDecision(OrgId org, RecruitmentId rec, const Decision& d, const std::string& ranking_json,
                                const IdentityNotices& notices, UnixTime now) {
  return WriteTx<Ok>([&](Connection& c) -> Status {
    auto s = c.Prepare(
        "INSERT INTO decisions (recruitment_id, org_id, decided_by, decided_at, reasoning, appeal_ends, ranking, "
        "reasoning_in) SELECT id, org_id, $3, $4, $5, $6, $7, $8 FROM recruitments WHERE org_id = $1 AND id = $2");
    if (!s) return s.error();
    Status inserted = s->Bind(1, org)
                          .Bind(2, rec)
                          .Bind(3, d.decided_by)
                          .Bind(4, d.decided_at)
                          .Bind(5, d.reasoning)
                          .Bind(6, d.appeal_ends)
                          .Bind(7, ranking_json)
                          .Bind(8, codec::Serialize(codec::ToJson(d.reasoning_in)))
                          .Run();
    if (!inserted) {
      if (inserted.error().code == ErrorCode::kConflict) {
        return MakeError(ErrorCode::kDecided, "The selection decision has already been made; it is final.");
      }
      return inserted;
    }
    if (c.Changes() == 0) return NotFound("Recruitment");
    json::object counts;
    for (const auto& [app, outcome] : d.outcomes) {
      REILU_TRY(RequireApplication(c, org, rec, app));
      auto o = c.Prepare(
          "INSERT INTO decision_outcomes (org_id, recruitment_id, application_id, outcome) VALUES ($1, $2, $3, $4)");
      if (!o) return o.error();
      REILU_TRY(o->Bind(1, org).Bind(2, rec).Bind(3, app).Bind(4, OutcomeName(outcome)).Run());
      auto& n = counts[OutcomeName(outcome)];
      n = (n.is_int64() ? n.get_int64() : 0) + 1;
    }
    REILU_TRY(QueueNoticesTx(c, notices, now));
    json::object detail{{"outcomes", counts}, {"appeal_ends", d.appeal_ends}};
    return AppendAuditTx(c, AuditEvent{org, d.decided_by, audit_action::kDecision, rec, {}, codec::Serialize(detail)},
                         now);
  });
}

Result<std::optional<StoredDecision>> SqlStore::GetDecision(OrgId org, RecruitmentId rec) {
  auto lease = Reader();
  auto s = (*lease).Prepare(
      "SELECT decided_by, decided_at, reasoning, appeal_ends, ranking, reasoning_in FROM decisions "
      "WHERE org_id = $1 AND recruitment_id = $2");
  if (!s) return s.error();
  s->Bind(1, org).Bind(2, rec);
  if (!s->Step()) {
    REILU_TRY(s->status());
    return std::optional<StoredDecision>();
  }
  StoredDecision out;
  out.decision.decided_by = s->Int(0);
  out.decision.decided_at = s->Int(1);
  out.decision.reasoning = s->Text(2);
  out.decision.appeal_ends = s->Text(3);
  out.ranking_json = s->Text(4);
  if (auto translations = codec::Parse(s->Text(5))) {
    REILU_TRY(codec::FromJson(*translations, "reasoning_in", out.decision.reasoning_in));
  }
  auto o = (*lease).Prepare(
      "SELECT application_id, outcome FROM decision_outcomes WHERE org_id = $1 AND recruitment_id = $2");
  if (!o) return o.error();
  o->Bind(1, org).Bind(2, rec);
  while (o->Step()) out.decision.outcomes[o->Text(0)] = ParseOutcome(o->Text(1)).value_or(Outcome::kNotSelected);
  REILU_TRY(o->status());
  return std::optional<StoredDecision>(std::move(out));
}

// ---------------------------------------------------------------- applicant self-service

Result<ApplicantRecord> SqlStore::FindByReference(const std::string& reference) {
  auto lease = Reader();
  auto s =
      (*lease).Prepare("SELECT org_id, recruitment_id, id, reference, state FROM applications WHERE reference = $1");
  if (!s) return s.error();
  s->Bind(1, reference);
  if (!s->Step()) return s->status().ok() ? Result<ApplicantRecord>(NotFound("Application")) : s->status().error();
  return ApplicantRecord{s->Int(0), s->Int(1), s->Text(2), s->Text(3), s->Text(4) == "withdrawn"};
}

Result<std::string> SqlStore::ReferenceOf(OrgId org, RecruitmentId rec, const ApplicationId& app) {
  auto lease = Reader();
  auto s = (*lease).Prepare("SELECT reference FROM applications WHERE org_id = $1 AND recruitment_id = $2 AND id = $3");
  if (!s) return s.error();
  s->Bind(1, org).Bind(2, rec).Bind(3, app);
  if (!s->Step()) return s->status().ok() ? Result<std::string>(NotFound("Application")) : s->status().error();
  return s->Text(0);
}

std::string SqlStore::EmailKey(const std::string& email) const {
  std::string normal;
  for (unsigned char ch : email) {
    if (ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n') continue;
    normal += static_cast<char>(std::tolower(ch));
  }
  return vault_.EmailKey(normal);
}

Result<std::vector<ApplicantRecord>> SqlStore::FindByEmail(const std::string& email) {
  const std::string key = EmailKey(email);
  std::vector<ApplicantRecord> out;
  if (key.empty()) return out;
  auto lease = Reader();
  auto s = (*lease).Prepare(
      "SELECT org_id, recruitment_id, id, reference, state FROM applications WHERE email_key = $1 AND "
      "state <> 'disposed' ORDER BY received_at, id LIMIT 50");
  if (!s) return s.error();
  s->Bind(1, key);
  while (s->Step()) out.push_back({s->Int(0), s->Int(1), s->Text(2), s->Text(3), s->Text(4) == "withdrawn"});
  REILU_TRY(s->status());
  return out;
}

std::string SqlStore::ApplicantToken(const ApplicationId& app) { return vault_.ApplicantToken(app); }

Status SqlStore::Withdraw(const ApplicantRecord& app, const IdentityNotices& notices, UnixTime now) {
  return WriteTx<Ok>([&](Connection& c) -> Status {
    REILU_TRY(BumpDataVersionTx(c, app.org_id, app.recruitment_id));
    auto decided = c.Prepare("SELECT 1 FROM decisions WHERE org_id = $1 AND recruitment_id = $2");
    if (!decided) return decided.error();
    decided->Bind(1, app.org_id).Bind(2, app.recruitment_id);
    if (decided->Step()) {
      return MakeError(ErrorCode::kDecided,
                       "The selection has been decided; the application can no longer be withdrawn.");
    }
    REILU_TRY(decided->status());
    auto s = c.Prepare(
        "UPDATE applications SET state = 'withdrawn' WHERE org_id = $1 AND recruitment_id = $2 AND id = $3 AND state "
        "<> 'withdrawn'");
    if (!s) return s.error();
    REILU_TRY(s->Bind(1, app.org_id).Bind(2, app.recruitment_id).Bind(3, app.application_id).Run());
    if (c.Changes() == 0) return MakeError(ErrorCode::kWithdrawn, "The application has already been withdrawn.");
    REILU_TRY(QueueNoticesTx(c, notices, now));
    return AppendAuditTx(
        c, AuditEvent{app.org_id, 0, audit_action::kWithdraw, app.recruitment_id, app.application_id, "{}"}, now);
  });
}

// ---------------------------------------------------------------- mail

Status SqlStore::EnqueueMailTx(Connection& c, const OutgoingMail& m, UnixTime now) {
  std::string id = Vault::NewId();
  json::object message{{"from", m.from}, {"to", m.to}, {"eml", m.eml}};
  std::string sealed = vault_.SealMail(id, codec::Serialize(message));
  auto s = c.Prepare(
      "INSERT INTO mail_queue (id, org_id, recruitment_id, kind, sealed, status, attempts, next_attempt_at, "
      "created_at, application_id) VALUES ($1, $2, $3, $4, $5, 'queued', 0, $6, $6, $7)");
  if (!s) return s.error();
  return s->Bind(1, id)
      .Bind(2, m.org_id)
      .Bind(3, m.recruitment_id)
      .Bind(4, m.kind)
      .BindBlob(5, sealed)
      .Bind(6, now)
      .Bind(7, m.application_id)
      .Run();
}

Status SqlStore::EnqueueMail(const std::vector<OutgoingMail>& mails, UnixTime now) {
  return WriteTx<Ok>([&](Connection& c) -> Status {
    for (const auto& m : mails) REILU_TRY(EnqueueMailTx(c, m, now));
    return OkStatus();
  });
}

Result<std::vector<QueuedMail>> SqlStore::ClaimDueMail(UnixTime now, int limit, UnixTime lease_seconds) {
  return WriteTx<std::vector<QueuedMail>>([&](Connection& c) -> Result<std::vector<QueuedMail>> {
    auto s = c.Prepare(
        "SELECT id, org_id, sealed, attempts FROM mail_queue WHERE status = 'queued' AND next_attempt_at <= $1 "
        "ORDER BY next_attempt_at, id LIMIT $2");
    if (!s) return s.error();
    s->Bind(1, now).Bind(2, std::int64_t{limit});
    std::vector<QueuedMail> out;
    std::vector<std::string> unreadable;
    while (s->Step()) {
      QueuedMail q;
      q.id = s->Text(0);
      q.org_id = s->Int(1);
      q.attempts = s->Int(3) + 1;
      auto plain = vault_.OpenMail(q.id, s->Blob(2));
      auto doc = plain ? codec::Parse(*plain) : Result<json::value>(plain.error());
      const json::object* o = doc && doc->is_object() ? &doc->get_object() : nullptr;
      if (!o || !o->contains("from") || !o->contains("to") || !o->contains("eml")) {
        unreadable.push_back(q.id);
        continue;
      }
      q.from = std::string(o->at("from").as_string());
      q.to = std::string(o->at("to").as_string());
      q.eml = std::string(o->at("eml").as_string());
      out.push_back(std::move(q));
    }
    REILU_TRY(s->status());
    for (const auto& id : unreadable) {
      auto u = c.Prepare("UPDATE mail_queue SET status = 'failed', last_error = 'unreadable message' WHERE id = $1");
      if (!u) return u.error();
      REILU_TRY(u->Bind(1, id).Run());
    }
    for (const auto& q : out) {
      auto u = c.Prepare("UPDATE mail_queue SET attempts = $2, next_attempt_at = $3 WHERE id = $1");
      if (!u) return u.error();
      REILU_TRY(u->Bind(1, q.id).Bind(2, q.attempts).Bind(3, now + lease_seconds).Run());
    }
    return out;
  });
}

Status SqlStore::MarkMailSent(const std::string& id, UnixTime now) {
  return WriteTx<Ok>([&](Connection& c) -> Status {
    // The message text is erased once delivered: the queue is not an archive of identity data.
    auto s =
        c.Prepare("UPDATE mail_queue SET status = 'sent', sent_at = $2, sealed = NULL, last_error = '' WHERE id = $1");
    if (!s) return s.error();
    return s->Bind(1, id).Bind(2, now).Run();
  });
}

Status SqlStore::MarkMailFailed(const std::string& id, const std::string& error, UnixTime retry_at) {
  return WriteTx<Ok>([&](Connection& c) -> Status {
    auto s = retry_at > 0
                 ? c.Prepare("UPDATE mail_queue SET next_attempt_at = $2, last_error = $3 WHERE id = $1")
                 : c.Prepare("UPDATE mail_queue SET status = 'failed', last_error = $3 WHERE id = $1 AND $2 = $2");
    if (!s) return s.error();
    return s->Bind(1, id).Bind(2, retry_at).Bind(3, error.substr(0, 500)).Run();
  });
}

Result<std::vector<MailRecord>> SqlStore::ListMail(OrgId org, RecruitmentId rec) {
  auto lease = Reader();
  auto s = (*lease).Prepare(
      "SELECT id, recruitment_id, kind, status, attempts, created_at, sent_at, last_error, application_id "
      "FROM mail_queue WHERE org_id = $1 AND recruitment_id = $2 ORDER BY created_at, id");
  if (!s) return s.error();
  s->Bind(1, org).Bind(2, rec);
  std::vector<MailRecord> out;
  while (s->Step()) {
    out.push_back(MailRecord{s->Text(0), s->Int(1), s->Text(2), s->Text(3), s->Int(4), s->Int(5), s->Int(6), s->Text(7),
                             s->Text(8)});
  }
  REILU_TRY(s->status());
  return out;
}

Status SqlStore::MarkNoticeOpened(OrgId org, RecruitmentId rec, const ApplicationId& app, UnixTime now) {
  return WriteTx<Ok>([&](Connection& c) -> Status {
    REILU_TRY(RequireApplication(c, org, rec, app));
    auto s = c.Prepare(
        "INSERT INTO notice_deliveries (application_id, org_id, recruitment_id, opened_at) VALUES ($1, $2, $3, $4) "
        "ON CONFLICT (application_id) DO UPDATE SET opened_at = CASE WHEN notice_deliveries.opened_at = 0 "
        "THEN excluded.opened_at ELSE notice_deliveries.opened_at END");
    if (!s) return s.error();
    return s->Bind(1, app).Bind(2, org).Bind(3, rec).Bind(4, now).Run();
  });
}

Status SqlStore::MarkNoticeLetter(OrgId org, RecruitmentId rec, const ApplicationId& app, UserId actor, UnixTime now) {
  return WriteTx<Ok>([&](Connection& c) -> Status {
    REILU_TRY(RequireApplication(c, org, rec, app));
    auto s = c.Prepare(
        "INSERT INTO notice_deliveries (application_id, org_id, recruitment_id, letter_sent_at) VALUES ($1, $2, $3, "
        "$4) "
        "ON CONFLICT (application_id) DO UPDATE SET letter_sent_at = excluded.letter_sent_at");
    if (!s) return s.error();
    REILU_TRY(s->Bind(1, app).Bind(2, org).Bind(3, rec).Bind(4, now).Run());
    return AppendAuditTx(c, AuditEvent{org, actor, audit_action::kNoticeLetter, rec, app, "{}"}, now);
  });
}

Result<std::map<ApplicationId, NoticeDelivery>> SqlStore::ListNoticeDeliveries(OrgId org, RecruitmentId rec) {
  auto lease = Reader();
  auto s = (*lease).Prepare(
      "SELECT application_id, opened_at, letter_sent_at FROM notice_deliveries WHERE org_id = $1 AND recruitment_id = "
      "$2");
  if (!s) return s.error();
  s->Bind(1, org).Bind(2, rec);
  std::map<ApplicationId, NoticeDelivery> out;
  while (s->Step()) out[s->Text(0)] = NoticeDelivery{s->Int(1), s->Int(2)};
  REILU_TRY(s->status());
  return out;
}

namespace {

// The relay in use (sealed settings), inside the caller's transaction.
Status PutActiveMailSettingsTx(Connection& c, OrgId org, const std::string& sealed, UnixTime now) {
  auto s = c.Prepare(
      "INSERT INTO mail_settings (org_id, sealed, updated_at) VALUES ($1, $2, $3) "
      "ON CONFLICT (org_id) DO UPDATE SET sealed = excluded.sealed, updated_at = excluded.updated_at");
  if (!s) return s.error();
  return s->Bind(1, org).BindBlob(2, sealed).Bind(3, now).Run();
}

}  // namespace

Status SqlStore::SetMailSettings(OrgId org, const std::string& settings_json, UserId actor, UnixTime now) {
  return WriteTx<Ok>([&](Connection& c) -> Status {
    REILU_TRY(PutActiveMailSettingsTx(c, org, vault_.SealMailSettings(org, settings_json), now));
    return AppendAuditTx(c, AuditEvent{org, actor, audit_action::kMailSettings, 0, {}, "{}"}, now);
  });
}

Status SqlStore::ProposeMailSettings(OrgId org, const std::string& settings_json, UserId actor, UnixTime now) {
  return WriteTx<Ok>([&](Connection& c) -> Status {
    std::string sealed = vault_.SealMailSettings(org, settings_json);
    auto s = c.Prepare(
        "INSERT INTO mail_settings_pending (org_id, sealed, proposed_by, proposed_at) VALUES ($1, $2, $3, $4) "
        "ON CONFLICT (org_id) DO UPDATE SET sealed = excluded.sealed, proposed_by = excluded.proposed_by, "
        "proposed_at = excluded.proposed_at");
    if (!s) return s.error();
    REILU_TRY(s->Bind(1, org).BindBlob(2, sealed).Bind(3, actor).Bind(4, now).Run());
    return AppendAuditTx(c, AuditEvent{org, actor, audit_action::kMailSettingsProposed, 0, {}, "{}"}, now);
  });
}

Result<std::optional<PendingMailSettings>> SqlStore::GetPendingMailSettings(OrgId org) {
  auto lease = Reader();
  auto s = (*lease).Prepare("SELECT sealed, proposed_by, proposed_at FROM mail_settings_pending WHERE org_id = $1");
  if (!s) return s.error();
  s->Bind(1, org);
  if (!s->Step()) {
    REILU_TRY(s->status());
    return std::optional<PendingMailSettings>();
  }
  auto plain = vault_.OpenMailSettings(org, s->Blob(0));
  if (!plain) return plain.error();
  return std::optional<PendingMailSettings>(PendingMailSettings{std::move(*plain), s->Int(1), s->Int(2)});
}

Status SqlStore::ConfirmMailSettings(OrgId org, UserId actor, UnixTime now) {
  return WriteTx<Ok>([&](Connection& c) -> Status {
    auto s = c.Prepare("SELECT sealed, proposed_by FROM mail_settings_pending WHERE org_id = $1");
    if (!s) return s.error();
    s->Bind(1, org);
    if (!s->Step()) {
      REILU_TRY(s->status());
      return NotFound("Pending mail settings");
    }
    std::string sealed = s->Blob(0);
    if (s->Int(1) == actor) {
      return MakeError(ErrorCode::kForbidden, "Another person must confirm the change you proposed.");
    }
    REILU_TRY(PutActiveMailSettingsTx(c, org, sealed, now));
    auto del = c.Prepare("DELETE FROM mail_settings_pending WHERE org_id = $1");
    if (!del) return del.error();
    REILU_TRY(del->Bind(1, org).Run());
    return AppendAuditTx(c, AuditEvent{org, actor, audit_action::kMailSettingsConfirmed, 0, {}, "{}"}, now);
  });
}

Result<std::optional<std::string>> SqlStore::GetMailSettings(OrgId org) {
  auto lease = Reader();
  auto s = (*lease).Prepare("SELECT sealed FROM mail_settings WHERE org_id = $1");
  if (!s) return s.error();
  s->Bind(1, org);
  if (!s->Step()) {
    REILU_TRY(s->status());
    return std::optional<std::string>();
  }
  auto plain = vault_.OpenMailSettings(org, s->Blob(0));
  if (!plain) return plain.error();
  return std::optional<std::string>(std::move(*plain));
}

// ---------------------------------------------------------------- login throttling

Result<UnixTime> SqlStore::AdmitLogin(const std::vector<LoginLimit>& limits, UnixTime window, UnixTime now) {
  return WriteTx<UnixTime>([&](Connection& c) -> Result<UnixTime> {
    auto expired = c.Prepare("DELETE FROM login_windows WHERE started <= $1");
    if (!expired) return expired.error();
    REILU_TRY(expired->Bind(1, now - window).Run());
    UnixTime wait = 0;
    for (const auto& limit : limits) {
      auto s = c.Prepare("SELECT started, failures FROM login_windows WHERE key = $1");
      if (!s) return s.error();
      s->Bind(1, limit.key);
      if (s->Step() && s->Int(1) >= limit.max_failures) wait = std::max(wait, s->Int(0) + window - now);
      REILU_TRY(s->status());
    }
    if (wait > 0) return wait;
    for (const auto& limit : limits) {
      auto s = c.Prepare(
          "INSERT INTO login_windows (key, started, failures) VALUES ($1, $2, 1) "
          "ON CONFLICT (key) DO UPDATE SET failures = login_windows.failures + 1");
      if (!s) return s.error();
      REILU_TRY(s->Bind(1, limit.key).Bind(2, now).Run());
    }
    return UnixTime{0};
  });
}

Status SqlStore::SettleLogin(const std::vector<std::string>& clear, const std::vector<std::string>& forgive) {
  return WriteTx<Ok>([&](Connection& c) -> Status {
    for (const auto& key : clear) {
      auto s = c.Prepare("DELETE FROM login_windows WHERE key = $1");
      if (!s) return s.error();
      REILU_TRY(s->Bind(1, key).Run());
    }
    for (const auto& key : forgive) {
      auto s = c.Prepare("UPDATE login_windows SET failures = failures - 1 WHERE key = $1");
      if (!s) return s.error();
      REILU_TRY(s->Bind(1, key).Run());
    }
    auto done = c.Prepare("DELETE FROM login_windows WHERE failures <= 0");
    if (!done) return done.error();
    return done->Run();
  });
}

// ---------------------------------------------------------------- acceptance

namespace {
std::string ConditionsJson(const std::vector<SelectionCondition>& conditions) {
  json::array out;
  for (const auto& c : conditions) {
    json::object o{{"kind", c.kind}, {"note", c.note}};
    o["met"] = c.met ? json::value(*c.met) : json::value(nullptr);
    out.push_back(std::move(o));
  }
  return codec::Serialize(out);
}

std::vector<SelectionCondition> ConditionsFrom(const std::string& text) {
  std::vector<SelectionCondition> out;
  auto parsed = codec::Parse(text);
  if (!parsed || !parsed->is_array()) return out;
  for (const auto& item : parsed->get_array()) {
    if (!item.is_object()) continue;
    const auto& o = item.get_object();
    SelectionCondition c;
    if (const auto* k = o.if_contains("kind"); k && k->is_string()) c.kind = std::string(k->get_string());
    if (const auto* n = o.if_contains("note"); n && n->is_string()) c.note = std::string(n->get_string());
    if (const auto* m = o.if_contains("met"); m && m->is_bool()) c.met = m->get_bool();
    out.push_back(std::move(c));
  }
  return out;
}
}  // namespace

Result<std::vector<Acceptance>> SqlStore::ListAcceptances(OrgId org, RecruitmentId rec) {
  auto lease = Reader();
  auto s = (*lease).Prepare(
      "SELECT application_id, state, conditions, offered_at, answered_at FROM acceptances "
      "WHERE org_id = $1 AND recruitment_id = $2 ORDER BY offered_at, application_id");
  if (!s) return s.error();
  s->Bind(1, org).Bind(2, rec);
  std::vector<Acceptance> out;
  while (s->Step()) {
    Acceptance a;
    a.application_id = s->Text(0);
    a.state = ParseAcceptanceState(s->Text(1)).value_or(AcceptanceState::kOffered);
    a.conditions = ConditionsFrom(s->Text(2));
    a.offered_at = s->Int(3);
    a.answered_at = s->Int(4);
    out.push_back(std::move(a));
  }
  REILU_TRY(s->status());
  return out;
}

Status SqlStore::SaveAcceptance(OrgId org, RecruitmentId rec, const Acceptance& a, UserId actor, std::string_view what,
                                UnixTime now) {
  return WriteTx<Ok>([&](Connection& c) -> Status {
    REILU_TRY(RequireApplication(c, org, rec, a.application_id));
    auto s = c.Prepare(
        "INSERT INTO acceptances (application_id, org_id, recruitment_id, state, conditions, offered_at, answered_at) "
        "VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (application_id) DO UPDATE SET state = excluded.state, "
        "conditions = excluded.conditions, offered_at = excluded.offered_at, answered_at = excluded.answered_at");
    if (!s) return s.error();
    REILU_TRY(s->Bind(1, a.application_id)
                  .Bind(2, org)
                  .Bind(3, rec)
                  .Bind(4, AcceptanceStateName(a.state))
                  .Bind(5, ConditionsJson(a.conditions))
                  .Bind(6, a.offered_at)
                  .Bind(7, a.answered_at)
                  .Run());
    // What happened and the state, not the conditions' notes or results (they may touch health).
    json::object detail{{"what", what}, {"state", AcceptanceStateName(a.state)}};
    return AppendAuditTx(
        c, AuditEvent{org, actor, audit_action::kAcceptance, rec, a.application_id, codec::Serialize(detail)}, now);
  });
}

}  // namespace reilu::store
