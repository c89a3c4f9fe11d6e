#include "service/applicant.h"

#include "crypto/crypto.h"
#include "service/mail.h"
#include "service/reports.h"

namespace reilu::service {

Result<ApplicantView> IdentifyApplicant(Context& ctx, const std::string& reference, const std::string& token) {
  Error unknown = MakeError(ErrorCode::kNotFound, "No application matches this reference code and link.");
  if (reference.size() > 64 || token.size() > 128) return unknown;
  auto record = ctx.store.FindByReference(reference);
  if (!record) return record.error().code == ErrorCode::kNotFound ? unknown : record.error();
  if (!crypto::ConstantTimeEquals(token, ctx.store.ApplicantToken(record->application_id))) return unknown;
  auto r = ctx.store.GetRecruitment(record->org_id, record->recruitment_id);
  if (!r) return r.error();
  return ApplicantView{std::move(*record), std::move(*r)};
}

Status Withdraw(Context& ctx, const ApplicantView& a) {
  const Recruitment& r = a.recruitment;
  if (a.record.withdrawn) return MakeError(ErrorCode::kWithdrawn, "The application has already been withdrawn.");
  auto sender = SenderFor(ctx, r.org_id);
  if (!sender) return sender.error();
  store::IdentityNotices notices{
      {IdentityGate::ForApplicantSelf(r, a.record.application_id)},
      [&](const std::vector<IdentifiedApplication>& read) -> Result<std::vector<store::OutgoingMail>> {
        const Identity& who = read.front().identity;
        std::string lang = notify::NoticeLanguage(who.language);
        auto mail = ComposeMail(
            *sender, ctx.now(), r.org_id, r.id,
            MailParts{"withdrawal", who.email, notify::WithdrawalText(lang, TitleIn(r, lang), a.record.reference), {}});
        std::vector<store::OutgoingMail> mails;
        if (mail) mails.push_back(std::move(*mail));  // no usable address: nothing to send
        return mails;
      }};
  return ctx.store.Withdraw(a.record, notices, ctx.now());
}

Result<OwnData> ExportOwnData(Context& ctx, const ApplicantView& a) {
  const Recruitment& r = a.recruitment;
  // Read before the export's own read is logged: the list shows the reads by others. Roles, not
  // staff names.
  auto reads = IdentityReadsIn(ctx, r.org_id, r.id, a.record.application_id);
  if (!reads) return reads.error();
  OwnData out;
  for (const auto& read : *reads) out.identity_reads.push_back({read.at, read.actor_role, read.basis});
  auto full = ctx.store.ReadIdentity(IdentityGate::ForApplicantSelf(r, a.record.application_id), ctx.now());
  if (!full) return full.error();
  out.application = std::move(*full);
  return out;
}

}  // namespace reilu::service
