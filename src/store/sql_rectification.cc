// SqlStore: rectification requests (GDPR art. 16), sealed with the recruitment's key.
#include "codec/codec.h"
#include "store/sql_store.h"

namespace reilu::store {

namespace json = boost::json;

Result<std::int64_t> SqlStore::CreateRectificationRequest(OrgId org, const RectificationRequest& r, UnixTime now) {
  return WriteTx<std::int64_t>([&](Connection& c) -> Result<std::int64_t> {
    auto app = c.Prepare("SELECT state FROM applications WHERE org_id = $1 AND recruitment_id = $2 AND id = $3");
    if (!app) return app.error();
    app->Bind(1, org).Bind(2, r.recruitment_id).Bind(3, r.application_id);
    if (!app->Step() || app->Text(0) == "disposed") {
      REILU_TRY(app->status());
      return MakeError(ErrorCode::kNotFound, "Application not found.");
    }
    auto open = c.Prepare(
        "SELECT COUNT(*) FROM rectification_requests WHERE org_id = $1 AND application_id = $2 AND state = 'open'");
    if (!open) return open.error();
    open->Bind(1, org).Bind(2, r.application_id);
    if (open->Step() && static_cast<std::size_t>(open->Int(0)) >= kMaxOpenRectifications) {
      return MakeError(ErrorCode::kConflict, "Wait for the answers to the requests already sent.");
    }
    REILU_TRY(open->status());
    auto key = RecruitmentKey(c, org, r.recruitment_id);
    if (!key) return key.error();
    auto s = c.Prepare(
        "INSERT INTO rectification_requests (org_id, recruitment_id, application_id, sealed_what, received_at, state) "
        "VALUES ($1, $2, $3, $4, $5, 'open') RETURNING id");
    if (!s) return s.error();
    s->Bind(1, org)
        .Bind(2, r.recruitment_id)
        .Bind(3, r.application_id)
        .BindBlob(4, key->SealRectification(r.application_id, RecruitmentSeal::RectificationPart::kWhat, r.what))
        .Bind(5, now);
    if (!s->Step()) return s->status().ok() ? MakeError(ErrorCode::kInternal, "No id returned.") : s->status().error();
    const std::int64_t id = s->Int(0);
    REILU_TRY(s->status());
    json::object detail{{"request", id}};
    REILU_TRY(AppendAuditTx(c,
                            AuditEvent{org, 0, audit_action::kRectificationRequest, r.recruitment_id, r.application_id,
                                       codec::Serialize(detail)},
                            now));
    return id;
  });
}

Result<std::vector<RectificationRequest>> SqlStore::ListRectificationRequests(OrgId org, RecruitmentId rec,
                                                                              const ApplicationId& app) {
  auto lease = Reader();
  Connection& c = *lease;
  auto s = c.Prepare(
      "SELECT q.id, q.application_id, q.sealed_what, q.received_at, q.state, q.sealed_answer, q.answered_by, "
      "q.answered_at, a.pseudonym FROM rectification_requests q JOIN applications a ON a.id = q.application_id "
      "WHERE q.org_id = $1 AND q.recruitment_id = $2 AND ($3 = '' OR q.application_id = $3) "
      "ORDER BY q.received_at, q.id");
  if (!s) return s.error();
  s->Bind(1, org).Bind(2, rec).Bind(3, app);
  std::vector<RectificationRequest> out;
  std::optional<RecruitmentSeal> key;
  while (s->Step()) {
    if (!key) {
      auto k = RecruitmentKey(c, org, rec);
      if (!k) return k.error();
      key = std::move(*k);
    }
    RectificationRequest r;
    r.id = s->Int(0);
    r.recruitment_id = rec;
    r.application_id = s->Text(1);
    auto what = key->OpenRectification(r.application_id, RecruitmentSeal::RectificationPart::kWhat, s->Blob(2));
    if (!what) return what.error();
    r.what = std::move(*what);
    r.received_at = s->Int(3);
    r.state = ParseRectificationState(s->Text(4)).value_or(RectificationState::kOpen);
    if (r.state != RectificationState::kOpen) {
      auto answer = key->OpenRectification(r.application_id, RecruitmentSeal::RectificationPart::kAnswer, s->Blob(5));
      if (!answer) return answer.error();
      r.answer = std::move(*answer);
    }
    r.answered_by = s->Int(6);
    r.answered_at = s->Int(7);
    r.pseudonym = s->Text(8);
    out.push_back(std::move(r));
  }
  REILU_TRY(s->status());
  return out;
}

Status SqlStore::AnswerRectificationRequest(OrgId org, RecruitmentId rec, const RectificationRequest& a, UnixTime now) {
  return WriteTx<Ok>([&](Connection& c) -> Status {
    auto find = c.Prepare(
        "SELECT application_id, state FROM rectification_requests WHERE org_id = $1 AND recruitment_id = $2 AND id = "
        "$3");
    if (!find) return find.error();
    find->Bind(1, org).Bind(2, rec).Bind(3, a.id);
    if (!find->Step()) {
      return find->status().ok() ? Status(MakeError(ErrorCode::kNotFound, "Rectification request not found."))
                                 : find->status();
    }
    const ApplicationId app = find->Text(0);
    if (find->Text(1) != "open") return MakeError(ErrorCode::kConflict, "This request has been answered already.");
    auto key = RecruitmentKey(c, org, rec);
    if (!key) return key.error();
    auto s = c.Prepare(
        "UPDATE rectification_requests SET state = $4, sealed_answer = $5, answered_by = $6, answered_at = $7 "
        "WHERE org_id = $1 AND recruitment_id = $2 AND id = $3 AND state = 'open'");
    if (!s) return s.error();
    REILU_TRY(s->Bind(1, org)
                  .Bind(2, rec)
                  .Bind(3, a.id)
                  .Bind(4, RectificationStateName(a.state))
                  .BindBlob(5, key->SealRectification(app, RecruitmentSeal::RectificationPart::kAnswer, a.answer))
                  .Bind(6, a.answered_by)
                  .Bind(7, now)
                  .Run());
    // The state, never the words (they are about a person).
    json::object detail{{"request", a.id}, {"state", RectificationStateName(a.state)}};
    return AppendAuditTx(
        c, AuditEvent{org, a.answered_by, audit_action::kRectificationAnswer, rec, app, codec::Serialize(detail)}, now);
  });
}

}  // namespace reilu::store
