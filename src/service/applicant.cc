#include "service/applicant.h"

#include <map>

#include "crypto/crypto.h"
#include "service/login_throttle.h"
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

Result<ApplicationStatus> StatusOf(Context& ctx, const ApplicantView& a) {
  const Recruitment& r = a.recruitment;
  const ApplicationId& app = a.record.application_id;
  const UnixTime now = ctx.now();
  auto decision = ctx.store.GetDecision(r.org_id, r.id);
  if (!decision) return decision.error();
  auto interviews = ctx.store.ListInterviews(r.org_id, r.id);
  if (!interviews) return interviews.error();
  ApplicationStatus out;
  std::erase_if(*interviews, [&](const Interview& i) { return i.application_id != app; });
  out.interviews = std::move(*interviews);
  out.status = "received";
  if (a.record.withdrawn) {
    out.status = "withdrawn";
  } else if (*decision) {
    REILU_TRY(ctx.store.MarkNoticeOpened(r.org_id, r.id, app, now));
    auto it = (*decision)->decision.outcomes.find(app);
    out.status = it == (*decision)->decision.outcomes.end() ? "decided" : std::string(OutcomeName(it->second));
    out.decision = (*decision)->decision;
  } else if (!out.interviews.empty()) {
    out.status = "interview";
  } else if (ApplicationPeriodOver(r, now)) {
    out.status = "in_review";
  }
  out.withdrawable = !a.record.withdrawn && !*decision;
  out.editable = !a.record.withdrawn && AcceptsApplications(r, now);
  return out;
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

Status SendStatusLinks(Context& ctx, const std::string& typed, const std::string& client_address,
                       std::string_view lang) {
  const auto first = typed.find_first_not_of(" \t\r\n");
  const std::string email =
      first == std::string::npos ? "" : typed.substr(first, typed.find_last_not_of(" \t\r\n") - first + 1);
  if (!IsPlausibleEmail(email)) return MakeError(ErrorCode::kInvalidInput, "Give your e-mail address.", "email");
  // Counted like login attempts (in the database, so every node sees them): no mail bombing of an
  // address, no sweeping of addresses from one client.
  const std::string address_key = EmailThrottleKey("links-address", email);
  const std::string client_key = ThrottleKey("links-client", client_address);
  auto admitted = ctx.store.AdmitLogin({{address_key, 3}, {client_key, 20}}, 15 * 60, ctx.now());
  if (!admitted) return admitted.error();
  if (*admitted > 0) {
    return MakeError(ErrorCode::kRateLimited, "Links were asked for this address a moment ago; try again later.");
  }
  auto found = ctx.store.FindByEmail(email);
  if (!found) return found.error();
  std::map<OrgId, std::vector<notify::StatusLinkLine>> by_org;
  std::map<OrgId, RecruitmentId> any_recruitment;
  const std::string language = notify::NoticeLanguage(lang);
  for (const auto& a : *found) {
    auto r = ctx.store.GetRecruitment(a.org_id, a.recruitment_id);
    if (!r) continue;  // a recruitment gone meanwhile: nothing to link to
    by_org[a.org_id].push_back({TitleIn(*r, language), a.reference, StatusLink(ctx, a.reference, a.application_id)});
    any_recruitment[a.org_id] = a.recruitment_id;
  }
  std::vector<store::OutgoingMail> mails;
  for (const auto& [org, lines] : by_org) {
    auto sender = SenderFor(ctx, org);
    if (!sender) return sender.error();
    auto mail = ComposeMail(*sender, ctx.now(), org, any_recruitment[org],
                            MailParts{"status_links", email, notify::StatusLinksText(language, lines), {}});
    if (mail) mails.push_back(std::move(*mail));
  }
  if (mails.empty()) return OkStatus();
  return ctx.store.EnqueueMail(mails, ctx.now());
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
