#include "service/drafts.h"

#include "core/pseudonym.h"
#include "crypto/crypto.h"
#include "service/login_throttle.h"
#include "service/mail.h"

namespace reilu::service {

namespace {

Status CheckContent(const std::string& content) {
  if (content.size() > kMaxDraftBytes) {
    return MakeError(ErrorCode::kInvalidInput, "The draft is too long to keep.", "content");
  }
  return OkStatus();
}

// Malformed ids and secrets are refused like wrong ones: one answer for every miss.
bool Plausible(const std::string& id, const std::string& secret) {
  return !id.empty() && id.size() <= 64 && !secret.empty() && secret.size() <= 128;
}

Error NoDraft() { return MakeError(ErrorCode::kNotFound, "No draft matches this link, or its time is over."); }

}  // namespace

Result<DraftLink> KeepDraft(Context& ctx, RecruitmentId job, const std::string& content, const std::string& email,
                            std::string_view lang, const std::string& client_address) {
  auto r = ctx.store.GetPublicAd(job);
  if (!r) return r.error();
  if (!AcceptsApplications(*r, ctx.now())) {
    return MakeError(ErrorCode::kDeadlinePassed, "This recruitment no longer accepts applications.");
  }
  REILU_TRY(CheckContent(content));
  if (!IsPlausibleEmail(email)) return MakeError(ErrorCode::kInvalidInput, "Give your e-mail address.", "email");
  auto admitted = ctx.store.AdmitLogin(
      {{EmailThrottleKey("draft-address", email), 3}, {ThrottleKey("draft-client", client_address), 20}}, 15 * 60,
      ctx.now());
  if (!admitted) return admitted.error();
  if (*admitted > 0) {
    return MakeError(ErrorCode::kRateLimited, "A draft link was sent to this address a moment ago; try again later.");
  }
  DraftLink link{MakeApplicationId(crypto::SystemRandom()), crypto::RandomToken(), r->deadline};
  auto sender = SenderFor(ctx, r->org_id);
  if (!sender) return sender.error();
  const std::string language = notify::NoticeLanguage(lang);
  const std::string url =
      ctx.public_url + "/jobs/" + std::to_string(r->id) + "#draft=" + link.id + "&secret=" + link.secret;
  auto mail = ComposeMail(
      *sender, ctx.now(), r->org_id, r->id,
      MailParts{"draft_link", email, notify::DraftLinkText(language, TitleIn(*r, language), url, r->deadline), {}});
  if (!mail) return MakeError(ErrorCode::kInvalidInput, "Give your e-mail address.", "email");
  store::DraftRecord draft{link.id, r->org_id, r->id, content, ctx.now(), r->deadline};
  REILU_TRY(ctx.store.CreateDraft(draft, crypto::Sha256Hex(link.secret), *mail, ctx.now()));
  return link;
}

Status SaveDraft(Context& ctx, const std::string& id, const std::string& secret, const std::string& content) {
  if (!Plausible(id, secret)) return NoDraft();
  REILU_TRY(CheckContent(content));
  return ctx.store.UpdateDraft(id, crypto::Sha256Hex(secret), content, ctx.now());
}

Result<store::DraftRecord> OpenDraft(Context& ctx, const std::string& id, const std::string& secret) {
  if (!Plausible(id, secret)) return NoDraft();
  return ctx.store.OpenDraft(id, crypto::Sha256Hex(secret), ctx.now());
}

Status DiscardDraft(Context& ctx, const std::string& id, const std::string& secret) {
  if (!Plausible(id, secret)) return NoDraft();
  return ctx.store.DiscardDraft(id, crypto::Sha256Hex(secret));
}

}  // namespace reilu::service
