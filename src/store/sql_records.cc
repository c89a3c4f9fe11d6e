// SqlStore: the registry office's register of public-records requests and its disclosure log.
#include "codec/codec.h"
#include "store/sql_store.h"

namespace reilu::store {

namespace json = boost::json;

namespace {

constexpr std::string_view kRequestColumns =
    "id, org_id, recruitment_id, requester, requester_contact, received_on, subject, applicant_list, applications, "
    "decision, ground, explanation, answered_on, registered_by, decided_by, wish_overrides";

RecordsRequest ReadRequest(const Statement& s) {
  RecordsRequest r;
  r.id = s.Int(0);
  r.org_id = s.Int(1);
  r.recruitment_id = s.Int(2);
  r.requester = s.Text(3);
  r.requester_contact = s.Text(4);
  r.received_on = s.Text(5);
  r.subject = s.Text(6);
  r.applicant_list = s.Int(7) != 0;
  r.applications = s.Int(8) != 0;
  r.decision = ParseRecordsDecision(s.Text(9)).value_or(RecordsDecision::kOpen);
  r.ground = s.Text(10);
  r.explanation = s.Text(11);
  r.answered_on = s.Text(12);
  r.registered_by = s.Int(13);
  r.decided_by = s.Int(14);
  if (auto overrides = codec::Parse(s.Text(15)); overrides && overrides->is_object()) {
    for (const auto& [app, ground] : overrides->get_object()) {
      if (ground.is_string()) r.wish_overrides[std::string(app)] = std::string(ground.get_string());
    }
  }
  return r;
}

}  // namespace

Result<RecordsRequestId> SqlStore::CreateRecordsRequest(const RecordsRequest& r, UnixTime now) {
  return WriteTx<RecordsRequestId>([&](Connection& c) -> Result<RecordsRequestId> {
    // The recruitment must be the organisation's own: the register never points across tenants.
    auto own = c.Prepare("SELECT 1 FROM recruitments WHERE org_id = $1 AND id = $2");
    if (!own) return own.error();
    own->Bind(1, r.org_id).Bind(2, r.recruitment_id);
    if (!own->Step()) {
      return own->status().ok() ? MakeError(ErrorCode::kNotFound, "Recruitment not found.", "recruitment_id")
                                : own->status().error();
    }
    auto s = c.Prepare(
        "INSERT INTO records_requests (org_id, recruitment_id, requester, requester_contact, received_on, subject, "
        "applicant_list, applications, decision, ground, explanation, answered_on, registered_by, decided_by, "
        "created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'open', '', '', '', $9, 0, $10) RETURNING id");
    if (!s) return s.error();
    s->Bind(1, r.org_id)
        .Bind(2, r.recruitment_id)
        .Bind(3, r.requester)
        .Bind(4, r.requester_contact)
        .Bind(5, r.received_on)
        .Bind(6, r.subject)
        .Bind(7, std::int64_t{r.applicant_list ? 1 : 0})
        .Bind(8, std::int64_t{r.applications ? 1 : 0})
        .Bind(9, r.registered_by)
        .Bind(10, now);
    if (!s->Step()) return s->status().ok() ? MakeError(ErrorCode::kInternal, "no id") : s->status().error();
    RecordsRequestId id = s->Int(0);
    REILU_TRY(s->Run());
    json::object detail{{"request_id", id}};
    REILU_TRY(AppendAuditTx(
        c,
        AuditEvent{
            r.org_id, r.registered_by, audit_action::kRecordsRegister, r.recruitment_id, {}, codec::Serialize(detail)},
        now));
    return id;
  });
}

Result<RecordsRequest> SqlStore::GetRecordsRequest(OrgId org, RecordsRequestId id) {
  auto lease = Reader();
  auto s = (*lease).Prepare(std::string("SELECT ") + std::string(kRequestColumns) +
                            " FROM records_requests WHERE org_id = $1 AND id = $2");
  if (!s) return s.error();
  s->Bind(1, org).Bind(2, id);
  if (!s->Step()) {
    return s->status().ok() ? Result<RecordsRequest>(MakeError(ErrorCode::kNotFound, "Records request not found."))
                            : s->status().error();
  }
  return ReadRequest(*s);
}

Result<std::vector<RecordsRequest>> SqlStore::ListRecordsRequests(OrgId org) {
  auto lease = Reader();
  auto s = (*lease).Prepare(std::string("SELECT ") + std::string(kRequestColumns) +
                            " FROM records_requests WHERE org_id = $1 ORDER BY received_on DESC, id DESC");
  if (!s) return s.error();
  s->Bind(1, org);
  std::vector<RecordsRequest> out;
  while (s->Step()) out.push_back(ReadRequest(*s));
  REILU_TRY(s->status());
  return out;
}

Status SqlStore::DecideRecordsRequest(const RecordsRequest& d, UnixTime now) {
  return WriteTx<Ok>([&](Connection& c) -> Status {
    auto s = c.Prepare(
        "UPDATE records_requests SET decision = $3, ground = $4, explanation = $5, answered_on = $6, decided_by = $7 "
        "WHERE org_id = $1 AND id = $2 AND decision = 'open'");
    if (!s) return s.error();
    REILU_TRY(s->Bind(1, d.org_id)
                  .Bind(2, d.id)
                  .Bind(3, RecordsDecisionName(d.decision))
                  .Bind(4, d.ground)
                  .Bind(5, d.explanation)
                  .Bind(6, d.answered_on)
                  .Bind(7, d.decided_by)
                  .Run());
    if (c.Changes() == 0) return MakeError(ErrorCode::kDecided, "This request has been decided.");
    json::object detail{{"request_id", d.id}, {"decision", RecordsDecisionName(d.decision)}, {"ground", d.ground}};
    return AppendAuditTx(
        c,
        AuditEvent{
            d.org_id, d.decided_by, audit_action::kRecordsDecide, d.recruitment_id, {}, codec::Serialize(detail)},
        now);
  });
}

Status SqlStore::OverrideWish(OrgId org, RecordsRequestId id, const ApplicationId& app, const std::string& ground,
                              UserId actor, UnixTime now) {
  return WriteTx<Ok>([&](Connection& c) -> Status {
    auto s = c.Prepare(
        "SELECT q.recruitment_id, q.wish_overrides FROM records_requests q JOIN applications a ON "
        "a.recruitment_id = q.recruitment_id AND a.org_id = q.org_id WHERE q.org_id = $1 AND q.id = $2 AND a.id = $3");
    if (!s) return s.error();
    s->Bind(1, org).Bind(2, id).Bind(3, app);
    if (!s->Step()) {
      return s->status().ok()
                 ? Status(MakeError(ErrorCode::kNotFound, "No such application in this request's recruitment.",
                                    "application_id"))
                 : s->status();
    }
    const RecruitmentId rec = s->Int(0);
    json::object overrides;
    if (auto parsed = codec::Parse(s->Text(1)); parsed && parsed->is_object()) overrides = parsed->get_object();
    overrides[app] = ground;
    auto up = c.Prepare("UPDATE records_requests SET wish_overrides = $3 WHERE org_id = $1 AND id = $2");
    if (!up) return up.error();
    REILU_TRY(up->Bind(1, org).Bind(2, id).Bind(3, codec::Serialize(overrides)).Run());
    json::object detail{{"request_id", id}, {"ground", ground}};
    return AppendAuditTx(
        c, AuditEvent{org, actor, audit_action::kRecordsWishOverride, rec, app, codec::Serialize(detail)}, now);
  });
}

Status SqlStore::Disclose(OrgId org, const Disclosure& d, const std::vector<IdentityAccess>& reads,
                          const DisclosurePreparer& prepare, UnixTime now) {
  return WriteTx<Ok>([&](Connection& c) -> Status {
    auto request = c.Prepare("SELECT recruitment_id FROM records_requests WHERE org_id = $1 AND id = $2");
    if (!request) return request.error();
    request->Bind(1, org).Bind(2, d.request_id);
    if (!request->Step()) {
      return request->status().ok() ? Status(MakeError(ErrorCode::kNotFound, "Records request not found."))
                                    : request->status();
    }
    RecruitmentId rec = request->Int(0);
    std::vector<IdentifiedApplication> read;
    for (const auto& access : reads) {
      if (access.org_id() != org || access.recruitment_id() != rec) {
        return MakeError(ErrorCode::kForbidden, "The access is not for this request's recruitment.");
      }
      auto full = ReadIdentityTx(c, access, now);
      if (!full) return full.error();
      read.push_back(std::move(*full));
    }
    REILU_TRY(prepare(read));
    auto s = c.Prepare(
        "INSERT INTO records_disclosures (org_id, request_id, kind, application_id, actor, at) "
        "VALUES ($1, $2, $3, $4, $5, $6)");
    if (!s) return s.error();
    REILU_TRY(s->Bind(1, org)
                  .Bind(2, d.request_id)
                  .Bind(3, DisclosureKindName(d.kind))
                  .Bind(4, d.application_id)
                  .Bind(5, d.actor)
                  .Bind(6, now)
                  .Run());
    json::object detail{
        {"request_id", d.request_id}, {"kind", DisclosureKindName(d.kind)}, {"applications", reads.size()}};
    REILU_TRY(AppendAuditTx(
        c, AuditEvent{org, d.actor, audit_action::kRecordsDisclose, rec, d.application_id, codec::Serialize(detail)},
        now));
    return OkStatus();
  });
}

Result<std::vector<Disclosure>> SqlStore::ListDisclosures(OrgId org, RecordsRequestId request) {
  auto lease = Reader();
  auto s = (*lease).Prepare(
      "SELECT id, request_id, kind, application_id, actor, at FROM records_disclosures "
      "WHERE org_id = $1 AND request_id = $2 ORDER BY at, id");
  if (!s) return s.error();
  s->Bind(1, org).Bind(2, request);
  std::vector<Disclosure> out;
  while (s->Step()) {
    Disclosure d;
    d.id = s->Int(0);
    d.request_id = s->Int(1);
    d.kind = s->Text(2) == "masked_copy" ? DisclosureKind::kMaskedCopy : DisclosureKind::kApplicantList;
    d.application_id = s->Text(3);
    d.actor = s->Int(4);
    d.at = s->Int(5);
    out.push_back(std::move(d));
  }
  REILU_TRY(s->status());
  return out;
}

}  // namespace reilu::store
