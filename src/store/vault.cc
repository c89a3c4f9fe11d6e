#include "store/vault.h"

#include <array>

#include "core/pseudonym.h"

namespace reilu::store {

namespace {

// What each sealed value is bound to (the AEAD's associated data). Changing one of these makes
// every value already sealed under it unreadable: they are part of the stored format.
std::string KeyWrapContext(OrgId org, RecruitmentId rec) {
  return "reilu/recruitment-key/v1/" + std::to_string(org) + "/" + std::to_string(rec);
}
std::string IdentityContext(OrgId org, RecruitmentId rec, const ApplicationId& app) {
  return "reilu/identity/v1/" + std::to_string(org) + "/" + std::to_string(rec) + "/" + app;
}
std::string AttachmentContext(OrgId org, RecruitmentId rec, const ApplicationId& app, int position, const char* part) {
  return "reilu/attachment/v1/" + std::to_string(org) + "/" + std::to_string(rec) + "/" + app + "/" +
         std::to_string(position) + "/" + part;
}
std::string RectificationContext(OrgId org, RecruitmentId rec, const ApplicationId& app, const char* part) {
  return "reilu/rectification/v1/" + std::to_string(org) + "/" + std::to_string(rec) + "/" + app + "/" + part;
}
std::string DraftContext(OrgId org, RecruitmentId rec, const std::string& draft) {
  return "reilu/draft/v1/" + std::to_string(org) + "/" + std::to_string(rec) + "/" + draft;
}
std::string MailContext(const std::string& id) { return "reilu/mail/v1/" + id; }
std::string MailSettingsContext(OrgId org) { return "reilu/mail-settings/v1/" + std::to_string(org); }
constexpr const char* kKeyCheckContext = "reilu/key-check/v1";
constexpr const char* kKeyCheckValue = "reilu server key";
// The secret behind applicants' status links; kept apart from the server key so that rotating the
// key does not break the links already e-mailed.
constexpr const char* kLinkKeyContext = "reilu/link-key/v1";

const char* AttachmentPartName(RecruitmentSeal::AttachmentPart part) {
  return part == RecruitmentSeal::AttachmentPart::kOriginal ? "original" : "details";
}
const char* RectificationPartName(RecruitmentSeal::RectificationPart part) {
  return part == RecruitmentSeal::RectificationPart::kWhat ? "what" : "answer";
}

std::string_view AsText(std::span<const std::uint8_t, crypto::SecretKey::kSize> bytes) {
  return {reinterpret_cast<const char*>(bytes.data()), bytes.size()};
}

Error WrongKey() {
  return MakeError(ErrorCode::kInternal,
                   "The server key does not belong to this database (another installation's key, or a rotation "
                   "that was not finished).");
}

std::int64_t Number(const std::string& text) { return static_cast<std::int64_t>(std::stoll(text)); }

}  // namespace

std::string RecruitmentSeal::SealIdentity(const ApplicationId& app, std::string_view plain) const {
  return crypto::Seal(key_, plain, IdentityContext(org_, rec_, app));
}
Result<std::string> RecruitmentSeal::OpenIdentity(const ApplicationId& app, std::string_view sealed) const {
  return crypto::Open(key_, sealed, IdentityContext(org_, rec_, app));
}

std::string RecruitmentSeal::SealAttachment(const ApplicationId& app, int position, AttachmentPart part,
                                            std::string_view plain) const {
  return crypto::Seal(key_, plain, AttachmentContext(org_, rec_, app, position, AttachmentPartName(part)));
}
Result<std::string> RecruitmentSeal::OpenAttachment(const ApplicationId& app, int position, AttachmentPart part,
                                                    std::string_view sealed) const {
  return crypto::Open(key_, sealed, AttachmentContext(org_, rec_, app, position, AttachmentPartName(part)));
}

std::string RecruitmentSeal::SealRectification(const ApplicationId& app, RectificationPart part,
                                               std::string_view plain) const {
  return crypto::Seal(key_, plain, RectificationContext(org_, rec_, app, RectificationPartName(part)));
}
Result<std::string> RecruitmentSeal::OpenRectification(const ApplicationId& app, RectificationPart part,
                                                       std::string_view sealed) const {
  return crypto::Open(key_, sealed, RectificationContext(org_, rec_, app, RectificationPartName(part)));
}

std::string RecruitmentSeal::SealDraft(const std::string& draft, std::string_view plain) const {
  return crypto::Seal(key_, plain, DraftContext(org_, rec_, draft));
}
Result<std::string> RecruitmentSeal::OpenDraft(const std::string& draft, std::string_view sealed) const {
  return crypto::Open(key_, sealed, DraftContext(org_, rec_, draft));
}

std::string Vault::SealKeyCheck() const { return SealKeyCheckWith(server_key_); }

std::string Vault::SealKeyCheckWith(const crypto::SecretKey& key) {
  return crypto::Seal(key, kKeyCheckValue, kKeyCheckContext);
}

std::string Vault::SealFirstLinkKey() const {
  return crypto::Seal(server_key_, AsText(server_key_.bytes()), kLinkKeyContext);
}

Status Vault::Adopt(std::string_view key_check, std::string_view link_key) {
  if (!KeyCheckOpens(key_check, server_key_)) return WrongKey();
  auto raw = crypto::Open(server_key_, link_key, kLinkKeyContext);
  if (!raw) return WrongKey();
  auto key = crypto::SecretKey::FromBytes(*raw);
  if (!key) return key.error();
  link_key_ = *key;
  return OkStatus();
}

bool Vault::KeyCheckOpens(std::string_view sealed, const crypto::SecretKey& key) {
  auto opened = crypto::Open(key, sealed, kKeyCheckContext);
  return opened.ok() && *opened == kKeyCheckValue;
}

const std::vector<Vault::ServerSealedColumn>& Vault::ServerSealedColumns() {
  static const std::vector<ServerSealedColumn> columns = {
      {"recruitment_keys", "recruitment_id", "org_id", "wrapped_key", Binding::kRecruitmentKey},
      {"mail_queue", "id", "", "sealed", Binding::kMail},
      {"mail_settings", "org_id", "", "sealed", Binding::kMailSettings},
      {"mail_settings_pending", "org_id", "", "sealed", Binding::kMailSettings},
  };
  return columns;
}

Result<std::string> Vault::Reseal(const ServerSealedColumn& column, const std::string& id, const std::string& org,
                                  std::string_view sealed, const crypto::SecretKey& to) const {
  std::string context;
  switch (column.binding) {
    case Binding::kRecruitmentKey:
      context = KeyWrapContext(Number(org), Number(id));
      break;
    case Binding::kMail:
      context = MailContext(id);
      break;
    case Binding::kMailSettings:
      context = MailSettingsContext(Number(id));
      break;
  }
  auto plain = crypto::Open(server_key_, sealed, context);
  if (!plain) return MakeError(ErrorCode::kInternal, std::string("A value in ") + column.table + " does not open.");
  return crypto::Seal(to, *plain, context);
}

Result<std::string> Vault::ResealLinkKey(std::string_view sealed, const crypto::SecretKey& to) const {
  auto raw = crypto::Open(server_key_, sealed, kLinkKeyContext);
  if (!raw) return WrongKey();
  return crypto::Seal(to, *raw, kLinkKeyContext);
}

std::string Vault::NewWrappedRecruitmentKey(OrgId org, RecruitmentId rec) const {
  crypto::SecretKey key = crypto::SecretKey::Generate();
  return crypto::Seal(server_key_, AsText(key.bytes()), KeyWrapContext(org, rec));
}

Result<RecruitmentSeal> Vault::UnwrapRecruitmentKey(OrgId org, RecruitmentId rec, std::string_view wrapped) const {
  auto raw = crypto::Open(server_key_, wrapped, KeyWrapContext(org, rec));
  if (!raw) return raw.error();
  auto key = crypto::SecretKey::FromBytes(*raw);
  if (!key) return key.error();
  return RecruitmentSeal(std::move(*key), org, rec);
}

std::string Vault::NewOrderKey() {
  std::array<std::uint8_t, 32> key{};
  crypto::RandomBytes(key);
  return std::string(reinterpret_cast<const char*>(key.data()), key.size());
}

std::string Vault::SealMail(const std::string& id, std::string_view plain) const {
  return crypto::Seal(server_key_, plain, MailContext(id));
}
Result<std::string> Vault::OpenMail(const std::string& id, std::string_view sealed) const {
  return crypto::Open(server_key_, sealed, MailContext(id));
}

std::string Vault::SealMailSettings(OrgId org, std::string_view plain) const {
  return crypto::Seal(server_key_, plain, MailSettingsContext(org));
}
Result<std::string> Vault::OpenMailSettings(OrgId org, std::string_view sealed) const {
  return crypto::Open(server_key_, sealed, MailSettingsContext(org));
}

std::string Vault::ApplicantToken(const ApplicationId& app) const {
  return crypto::KeyedHashHex(link_key_, "reilu/applicant-token/v1/" + app);
}

std::string Vault::EmailKey(std::string_view normalised_email) const {
  if (normalised_email.empty()) return {};
  return crypto::KeyedHashHex(link_key_, "reilu/email-key/v1/" + std::string(normalised_email));
}

std::string Vault::NewId() { return MakeApplicationId(crypto::SystemRandom()); }

RandomSource Vault::Random() { return crypto::SystemRandom(); }

std::string Vault::IdempotencyHash(std::string_view key) { return crypto::Sha256Hex(key); }

void Vault::Chain(AuditEntry& e, const AuditEntry* previous) { SealAuditEntry(e, previous, crypto::Sha256Hex); }

}  // namespace reilu::store
