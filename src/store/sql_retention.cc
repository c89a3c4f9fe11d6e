// SqlStore: what the organisation keeps and asks: collected identity fields, the retention schedule,
// legal holds and disposal.
#include "codec/codec.h"
#include "store/sql_store.h"

namespace reilu::store {

namespace json = boost::json;

Result<std::vector<CollectedField>> SqlStore::GetCollectedFields(OrgId org) {
  auto lease = Reader();
  auto s = (*lease).Prepare("SELECT field, legal_basis FROM collected_fields WHERE org_id = $1 ORDER BY field");
  if (!s) return s.error();
  s->Bind(1, org);
  std::vector<CollectedField> out;
  while (s->Step()) out.push_back({s->Text(0), s->Text(1)});
  REILU_TRY(s->status());
  return out;
}

Status SqlStore::SetCollectedFields(OrgId org, const std::vector<CollectedField>& fields, UserId actor, UnixTime now) {
  return WriteTx<Ok>([&](Connection& c) -> Status {
    auto clear = c.Prepare("DELETE FROM collected_fields WHERE org_id = $1");
    if (!clear) return clear.error();
    REILU_TRY(clear->Bind(1, org).Run());
    json::array audited;
    for (const auto& f : fields) {
      auto s = c.Prepare("INSERT INTO collected_fields (org_id, field, legal_basis) VALUES ($1, $2, $3)");
      if (!s) return s.error();
      REILU_TRY(s->Bind(1, org).Bind(2, f.field).Bind(3, f.legal_basis).Run());
      audited.push_back(json::object{{"field", f.field}, {"legal_basis", f.legal_basis}});
    }
    return AppendAuditTx(
        c,
        AuditEvent{
            org, actor, audit_action::kCollectedFields, 0, {}, codec::Serialize(json::object{{"fields", audited}})},
        now);
  });
}

Result<LocalizedText> SqlStore::GetPrivacyTexts(OrgId org) {
  auto lease = Reader();
  auto s = (*lease).Prepare("SELECT texts FROM privacy_notices WHERE org_id = $1");
  if (!s) return s.error();
  s->Bind(1, org);
  LocalizedText texts;
  if (s->Step()) {
    auto doc = codec::Parse(s->Text(0));
    if (doc && doc->is_object()) {
      for (const auto& [lang, text] : doc->get_object()) {
        if (text.is_string()) texts[std::string(lang)] = std::string(text.get_string());
      }
    }
  }
  REILU_TRY(s->status());
  return texts;
}

Status SqlStore::SetPrivacyTexts(OrgId org, const LocalizedText& texts, UserId actor, UnixTime now) {
  return WriteTx<Ok>([&](Connection& c) -> Status {
    auto s = c.Prepare(
        "INSERT INTO privacy_notices (org_id, texts, updated_by, updated_at) VALUES ($1, $2, $3, $4) "
        "ON CONFLICT (org_id) DO UPDATE SET texts = excluded.texts, updated_by = excluded.updated_by, "
        "updated_at = excluded.updated_at");
    if (!s) return s.error();
    REILU_TRY(s->Bind(1, org).Bind(2, codec::Serialize(codec::ToJson(texts))).Bind(3, actor).Bind(4, now).Run());
    return AppendAuditTx(c, AuditEvent{org, actor, audit_action::kPrivacyNotice, 0, {}, "{}"}, now);
  });
}

Result<RetentionPolicy> SqlStore::GetRetentionPolicy(OrgId org) {
  auto lease = Reader();
  auto s = (*lease).Prepare(
      "SELECT others_years, selected_years, interview_notes_years, records_requests_years FROM retention_policies "
      "WHERE org_id = $1");
  if (!s) return s.error();
  s->Bind(1, org);
  RetentionPolicy policy;
  if (s->Step()) {
    policy.others_years = static_cast<int>(s->Int(0));
    policy.selected_years = static_cast<int>(s->Int(1));
    policy.interview_notes_years = static_cast<int>(s->Int(2));
    policy.records_requests_years = static_cast<int>(s->Int(3));
  }
  REILU_TRY(s->status());
  return policy;
}

Status SqlStore::SetRetentionPolicy(OrgId org, const RetentionPolicy& p, UserId actor, UnixTime now) {
  return WriteTx<Ok>([&](Connection& c) -> Status {
    auto s = c.Prepare(
        "INSERT INTO retention_policies (org_id, others_years, selected_years, updated_by, updated_at, "
        "interview_notes_years, records_requests_years) VALUES ($1, $2, $3, $4, $5, $6, $7) "
        "ON CONFLICT (org_id) DO UPDATE SET others_years = excluded.others_years, "
        "selected_years = excluded.selected_years, updated_by = excluded.updated_by, updated_at = excluded.updated_at, "
        "interview_notes_years = excluded.interview_notes_years, "
        "records_requests_years = excluded.records_requests_years");
    if (!s) return s.error();
    REILU_TRY(s->Bind(1, org)
                  .Bind(2, std::int64_t{p.others_years})
                  .Bind(3, std::int64_t{p.selected_years})
                  .Bind(4, actor)
                  .Bind(5, now)
                  .Bind(6, std::int64_t{p.interview_notes_years})
                  .Bind(7, std::int64_t{p.records_requests_years})
                  .Run());
    json::object detail{{"others_years", p.others_years},
                        {"selected_years", p.selected_years},
                        {"interview_notes_years", p.interview_notes_years},
                        {"records_requests_years", p.records_requests_years}};
    return AppendAuditTx(c, AuditEvent{org, actor, audit_action::kRetentionPolicy, 0, {}, codec::Serialize(detail)},
                         now);
  });
}

Result<std::int64_t> SqlStore::PlaceLegalHold(OrgId org, RecruitmentId rec, const std::string& reason, UserId actor,
                                              UnixTime now) {
  return WriteTx<std::int64_t>([&](Connection& c) -> Result<std::int64_t> {
    auto own = c.Prepare("SELECT 1 FROM recruitments WHERE org_id = $1 AND id = $2");
    if (!own) return own.error();
    own->Bind(1, org).Bind(2, rec);
    if (!own->Step()) {
      return own->status().ok() ? MakeError(ErrorCode::kNotFound, "Recruitment not found.") : own->status().error();
    }
    auto s = c.Prepare(
        "INSERT INTO legal_holds (org_id, recruitment_id, reason, placed_by, placed_at) VALUES ($1, $2, $3, $4, $5) "
        "RETURNING id");
    if (!s) return s.error();
    s->Bind(1, org).Bind(2, rec).Bind(3, reason).Bind(4, actor).Bind(5, now);
    if (!s->Step()) return s->status().ok() ? MakeError(ErrorCode::kInternal, "no id") : s->status().error();
    std::int64_t id = s->Int(0);
    REILU_TRY(s->Run());
    json::object detail{{"hold_id", id}, {"reason", reason}};
    REILU_TRY(
        AppendAuditTx(c, AuditEvent{org, actor, audit_action::kLegalHold, rec, {}, codec::Serialize(detail)}, now));
    return id;
  });
}

Status SqlStore::ReleaseLegalHolds(OrgId org, RecruitmentId rec, UserId actor, UnixTime now) {
  return WriteTx<Ok>([&](Connection& c) -> Status {
    auto s = c.Prepare(
        "UPDATE legal_holds SET released_by = $3, released_at = $4 "
        "WHERE org_id = $1 AND recruitment_id = $2 AND released_at = 0");
    if (!s) return s.error();
    REILU_TRY(s->Bind(1, org).Bind(2, rec).Bind(3, actor).Bind(4, now).Run());
    if (c.Changes() == 0) return MakeError(ErrorCode::kNotFound, "No legal hold stands on this recruitment.");
    return AppendAuditTx(c, AuditEvent{org, actor, audit_action::kLegalHoldReleased, rec, {}, "{}"}, now);
  });
}

Result<std::vector<LegalHold>> SqlStore::ListLegalHolds(OrgId org) {
  auto lease = Reader();
  auto s = (*lease).Prepare(
      "SELECT id, recruitment_id, reason, placed_by, placed_at FROM legal_holds "
      "WHERE org_id = $1 AND released_at = 0 ORDER BY placed_at, id");
  if (!s) return s.error();
  s->Bind(1, org);
  std::vector<LegalHold> out;
  while (s->Step()) out.push_back({s->Int(0), s->Int(1), s->Text(2), s->Int(3), s->Int(4)});
  REILU_TRY(s->status());
  return out;
}

Result<std::vector<RetainedApplication>> SqlStore::ListRetained(OrgId org, RecruitmentId rec) {
  auto lease = Reader();
  auto s = (*lease).Prepare(
      "SELECT a.id, a.state, CASE WHEN EXISTS (SELECT 1 FROM rectification_requests q WHERE q.org_id = a.org_id "
      "AND q.application_id = a.id AND q.state = 'open') THEN 1 ELSE 0 END FROM applications a WHERE a.org_id = $1 AND "
      "a.recruitment_id = $2 ORDER BY a.id");
  if (!s) return s.error();
  s->Bind(1, org).Bind(2, rec);
  std::vector<RetainedApplication> out;
  while (s->Step()) out.push_back({s->Text(0), false, s->Text(1) == "disposed", s->Int(2) != 0});
  REILU_TRY(s->status());
  return out;
}

Status SqlStore::ReadRetainedRecords(OrgId org, RecruitmentId rec, RetentionState& state) {
  auto lease = Reader();
  auto notes = (*lease).Prepare(
      "SELECT 1 FROM interview_notes n JOIN interviews i ON i.id = n.interview_id WHERE i.org_id = $1 AND "
      "i.recruitment_id = $2 AND n.note <> '' LIMIT 1");
  if (!notes) return notes.error();
  notes->Bind(1, org).Bind(2, rec);
  state.interview_notes = notes->Step();
  REILU_TRY(notes->status());
  auto requests = (*lease).Prepare(
      "SELECT id, answered_on FROM records_requests WHERE org_id = $1 AND recruitment_id = $2 AND "
      "(requester <> '' OR requester_contact <> '') ORDER BY id");
  if (!requests) return requests.error();
  requests->Bind(1, org).Bind(2, rec);
  state.records_requests.clear();
  while (requests->Step()) state.records_requests.push_back({requests->Int(0), requests->Text(1)});
  return requests->status();
}

Result<bool> SqlStore::HasRecruitmentKey(OrgId org, RecruitmentId rec) {
  auto lease = Reader();
  auto s = (*lease).Prepare("SELECT 1 FROM recruitment_keys WHERE org_id = $1 AND recruitment_id = $2");
  if (!s) return s.error();
  s->Bind(1, org).Bind(2, rec);
  bool found = s->Step();
  REILU_TRY(s->status());
  return found;
}

Status SqlStore::Dispose(OrgId org, const DisposalDue& due, UserId actor, UnixTime now) {
  const RecruitmentId rec = due.recruitment_id;
  const std::string no_merits = codec::Serialize(codec::ToJson(Merits{}));
  return WriteTx<Ok>([&](Connection& c) -> Status {
    // Another node may have disposed of the same plan a moment ago: what is gone already is skipped,
    // and a plan with nothing left writes no log.
    std::int64_t disposed = 0;
    for (const auto& app : due.applications) {
      auto row = c.Prepare(
          "UPDATE applications SET merits = $4, redacted = NULL, attachments = '[]', state = 'disposed', email_key = "
          "'' "
          "WHERE org_id = $1 AND recruitment_id = $2 AND id = $3 AND state <> 'disposed'");
      if (!row) return row.error();
      REILU_TRY(row->Bind(1, org).Bind(2, rec).Bind(3, app).Bind(4, no_merits).Run());
      if (c.Changes() == 0) continue;
      ++disposed;
      auto identity = c.Prepare("DELETE FROM application_identities WHERE org_id = $1 AND application_id = $2");
      if (!identity) return identity.error();
      REILU_TRY(identity->Bind(1, org).Bind(2, app).Run());
      // The files go with the identity: originals and the reviewers' renditions alike.
      auto files = c.Prepare("DELETE FROM attachments WHERE org_id = $1 AND application_id = $2");
      if (!files) return files.error();
      REILU_TRY(files->Bind(1, org).Bind(2, app).Run());
      // The voluntary statistics are the applicant's personal data as well: the report counts the
      // application as "not given" from now on.
      auto statistics = c.Prepare("DELETE FROM equality_statistics WHERE org_id = $1 AND application_id = $2");
      if (!statistics) return statistics.error();
      REILU_TRY(statistics->Bind(1, org).Bind(2, app).Run());
      // The reviewers' justifications are words about the applicant; the scores stay for the counts.
      for (const char* sql : {"DELETE FROM acceptances WHERE org_id = $1 AND application_id = $2",
                              "DELETE FROM rectification_requests WHERE org_id = $1 AND application_id = $2",
                              "UPDATE scores SET justification = '' WHERE org_id = $1 AND application_id = $2 AND "
                              "justification <> ''"}) {
        auto gone = c.Prepare(sql);
        if (!gone) return gone.error();
        REILU_TRY(gone->Bind(1, org).Bind(2, app).Run());
      }
    }
    std::int64_t mail_erased = 0;
    bool shredded = false;
    if (due.shred_key) {
      auto erased = ShredKeyTx(c, org, rec);
      if (!erased && erased.error().code != ErrorCode::kNotFound) return erased.error();
      shredded = erased.ok();
      mail_erased = erased.ok() ? *erased : 0;
    }
    bool notes_emptied = false;
    if (due.interview_notes) {
      auto notes = c.Prepare(
          "UPDATE interview_notes SET note = '' WHERE org_id = $1 AND note <> '' AND interview_id IN "
          "(SELECT id FROM interviews WHERE org_id = $1 AND recruitment_id = $2)");
      if (!notes) return notes.error();
      REILU_TRY(notes->Bind(1, org).Bind(2, rec).Run());
      notes_emptied = c.Changes() > 0;
    }
    std::int64_t requesters_removed = 0;
    for (const auto id : due.records_requests) {
      auto request = c.Prepare(
          "UPDATE records_requests SET requester = '', requester_contact = '' WHERE org_id = $1 AND "
          "recruitment_id = $2 AND id = $3 AND (requester <> '' OR requester_contact <> '')");
      if (!request) return request.error();
      REILU_TRY(request->Bind(1, org).Bind(2, rec).Bind(3, id).Run());
      requesters_removed += c.Changes();
    }
    if (disposed == 0 && !shredded && !notes_emptied && requesters_removed == 0) return OkStatus();
    REILU_TRY(BumpDataVersionTx(c, org, rec));
    auto log = c.Prepare(
        "INSERT INTO disposals (org_id, recruitment_id, at, applications, key_shredded) VALUES ($1, $2, $3, $4, $5)");
    if (!log) return log.error();
    REILU_TRY(
        log->Bind(1, org).Bind(2, rec).Bind(3, now).Bind(4, disposed).Bind(5, std::int64_t{shredded ? 1 : 0}).Run());
    json::object detail{{"applications", disposed},
                        {"key_shredded", shredded},
                        {"mail_erased", mail_erased},
                        {"interview_notes", notes_emptied},
                        {"records_requests", requesters_removed},
                        {"final_on", due.final_on}};
    return AppendAuditTx(c, AuditEvent{org, actor, audit_action::kDispose, rec, {}, codec::Serialize(detail)}, now);
  });
}

}  // namespace reilu::store
