#include "service/mail.h"

#include "core/pseudonym.h"
#include "crypto/crypto.h"
#include "notify/dispatcher.h"

namespace reilu::service {

namespace {
constexpr std::string_view kDefaultSender = "noreply@reilu.invalid";
}

Result<Sender> SenderFor(Context& ctx, OrgId org) {
  Sender sender{std::string(kDefaultSender), {}};
  auto organisation = ctx.store.GetOrganisation(org);
  if (!organisation) return organisation.error();
  sender.name = organisation->name;
  auto settings = notify::StoredSmtpSettings(ctx.store, org);
  if (!settings) return settings.error();
  if (*settings) {
    sender.address = (*settings)->from_address;
    if (!(*settings)->from_name.empty()) sender.name = (*settings)->from_name;
  }
  return sender;
}

Result<store::OutgoingMail> ComposeMail(const Sender& sender, UnixTime now, OrgId org, RecruitmentId rec,
                                        MailParts parts) {
  if (!notify::IsPlausibleAddress(parts.to)) {
    return MakeError(ErrorCode::kInvalidInput, "The recipient's e-mail address is not valid.", "email");
  }
  notify::Message m{sender.address,
                    sender.name,
                    parts.to,
                    std::move(parts.text.subject),
                    std::move(parts.text.body),
                    std::move(parts.attachments)};
  std::string message_id = MakeApplicationId(crypto::SystemRandom());
  return store::OutgoingMail{
      org, rec, std::move(parts.kind), m.from_address, m.to_address, notify::RenderEml(m, message_id, now)};
}

std::string StatusLink(Context& ctx, const std::string& reference, const ApplicationId& app) {
  return ctx.public_url + "/status#ref=" + reference + "&token=" + ctx.store.ApplicantToken(app);
}

std::string TitleIn(const Recruitment& r, std::string_view lang) {
  auto it = r.title.find(std::string(lang));
  if (it != r.title.end() && !it->second.empty()) return it->second;
  for (const auto& l : r.languages) {
    auto t = r.title.find(l);
    if (t != r.title.end()) return t->second;
  }
  return r.title.empty() ? std::string() : r.title.begin()->second;
}

std::string RectificationAddress(const Organisation& organisation) {
  return organisation.registry_contact.empty() ? organisation.name
                                               : organisation.name + ", " + organisation.registry_contact;
}

}  // namespace reilu::service
