// SqlStore: application drafts kept on the server, sealed with the recruitment's key.
#include "store/sql_store.h"

namespace reilu::store {

namespace {

// A draft is alive while its recruitment takes applications (an ad closed early ends it too).
constexpr const char* kLiveDraft =
    "FROM application_drafts d JOIN recruitments r ON r.id = d.recruitment_id AND r.org_id = d.org_id "
    "WHERE d.id = $1 AND d.secret_hash = $2 AND d.expires_at > $3 AND r.state = 'published' AND r.deadline > $3";

Error NoDraft() { return MakeError(ErrorCode::kNotFound, "No draft matches this link, or its time is over."); }

}  // namespace

Status SqlStore::CreateDraft(const DraftRecord& d, const std::string& secret_hash, const OutgoingMail& link_mail,
                             UnixTime now) {
  return WriteTx<Ok>([&](Connection& c) -> Status {
    auto key = RecruitmentKey(c, d.org_id, d.recruitment_id);
    if (!key) return key.error();
    auto s = c.Prepare(
        "INSERT INTO application_drafts (id, org_id, recruitment_id, secret_hash, sealed, created_at, updated_at, "
        "expires_at) VALUES ($1, $2, $3, $4, $5, $6, $6, $7)");
    if (!s) return s.error();
    REILU_TRY(s->Bind(1, d.id)
                  .Bind(2, d.org_id)
                  .Bind(3, d.recruitment_id)
                  .Bind(4, secret_hash)
                  .BindBlob(5, key->SealDraft(d.id, d.content))
                  .Bind(6, now)
                  .Bind(7, d.expires_at)
                  .Run());
    return EnqueueMailTx(c, link_mail, now);
  });
}

Status SqlStore::UpdateDraft(const std::string& id, const std::string& secret_hash, const std::string& content,
                             UnixTime now) {
  return WriteTx<Ok>([&](Connection& c) -> Status {
    auto found = c.Prepare(std::string("SELECT d.org_id, d.recruitment_id ") + kLiveDraft);
    if (!found) return found.error();
    found->Bind(1, id).Bind(2, secret_hash).Bind(3, now);
    if (!found->Step()) {
      REILU_TRY(found->status());
      return NoDraft();
    }
    const OrgId org = found->Int(0);
    const RecruitmentId rec = found->Int(1);
    auto key = RecruitmentKey(c, org, rec);
    if (!key) return key.error();
    auto s = c.Prepare("UPDATE application_drafts SET sealed = $2, updated_at = $3 WHERE id = $1");
    if (!s) return s.error();
    return s->Bind(1, id).BindBlob(2, key->SealDraft(id, content)).Bind(3, now).Run();
  });
}

Result<DraftRecord> SqlStore::OpenDraft(const std::string& id, const std::string& secret_hash, UnixTime now) {
  auto lease = Reader();
  DraftRecord d;
  std::string sealed;
  {
    auto s = (*lease).Prepare(std::string("SELECT d.org_id, d.recruitment_id, d.sealed, d.updated_at, d.expires_at ") +
                              kLiveDraft);
    if (!s) return s.error();
    s->Bind(1, id).Bind(2, secret_hash).Bind(3, now);
    if (!s->Step()) {
      REILU_TRY(s->status());
      return NoDraft();
    }
    d = DraftRecord{id, s->Int(0), s->Int(1), "", s->Int(3), s->Int(4)};
    sealed = s->Blob(2);
  }
  auto key = RecruitmentKey(*lease, d.org_id, d.recruitment_id);
  if (!key) return key.error();
  auto content = key->OpenDraft(id, sealed);
  if (!content) return content.error();
  d.content = std::move(*content);
  return d;
}

Status SqlStore::DiscardDraft(const std::string& id, const std::string& secret_hash) {
  return WriteTx<Ok>([&](Connection& c) -> Status {
    auto s = c.Prepare("DELETE FROM application_drafts WHERE id = $1 AND secret_hash = $2");
    if (!s) return s.error();
    REILU_TRY(s->Bind(1, id).Bind(2, secret_hash).Run());
    if (c.Changes() == 0) return NoDraft();
    return OkStatus();
  });
}

Result<std::int64_t> SqlStore::PurgeExpiredDrafts(UnixTime now) {
  return WriteTx<std::int64_t>([&](Connection& c) -> Result<std::int64_t> {
    auto s = c.Prepare(
        "DELETE FROM application_drafts WHERE expires_at <= $1 OR recruitment_id IN "
        "(SELECT id FROM recruitments WHERE state <> 'published' OR deadline <= $1)");
    if (!s) return s.error();
    REILU_TRY(s->Bind(1, now).Run());
    return c.Changes();
  });
}

}  // namespace reilu::store
