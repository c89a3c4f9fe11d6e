#include "service/admin.h"

#include "crypto/crypto.h"
#include "service/work.h"

namespace reilu::service {

namespace {

Status ValidateNewUser(const User& u, const std::string& password) {
  auto invalid = [](const char* field, const char* message) {
    return MakeError(ErrorCode::kInvalidInput, message, field);
  };
  if (u.username.empty()) return invalid("username", "Give a username.");
  if (u.display_name.empty()) return invalid("display_name", "Give a display name.");
  if (u.username.size() > 100 || u.display_name.size() > 200) return invalid("username", "The name is too long.");
  if (u.email.size() > 254 || (!u.email.empty() && u.email.find('@') == std::string::npos)) {
    return invalid("email", "The e-mail address is not valid.");
  }
  if (password.size() < 12) return invalid("password", "The password must be at least 12 characters.");
  if (password.size() > 1024) return invalid("password", "The password is too long.");
  return OkStatus();
}

Result<User> Create(Context& ctx, OrgId org, UserId actor, User user, const std::string& password) {
  REILU_TRY(ValidateNewUser(user, password));
  user.org_id = org;
  auto hash = crypto::HashPassword(password);
  if (!hash) return hash.error();
  auto id = ctx.store.CreateUser(user, *hash, actor, ctx.now());
  if (!id) return id.error();
  user.id = *id;
  return user;
}

}  // namespace

Result<User> CreateUser(Context& ctx, const User& admin, User user, const std::string& password) {
  REILU_TRY(CheckRole(admin, {Role::kAdmin}, "Only an admin creates accounts."));
  return Create(ctx, admin.org_id, admin.id, std::move(user), password);
}

Result<User> CreateUserAsOperator(Context& ctx, OrgId org, User user, const std::string& password) {
  return Create(ctx, org, 0, std::move(user), password);
}

Result<OrgId> CreateOrganisation(Context& ctx, const std::string& name, const AnonymityPolicy& policy) {
  if (name.empty() || name.size() > 200) {
    return MakeError(ErrorCode::kInvalidInput, "Give the organisation a name of at most 200 characters.", "name");
  }
  return ctx.store.CreateOrganisation(name, policy, ctx.now());
}

Status SetPolicy(Context& ctx, const User& admin, const AnonymityPolicy& policy) {
  REILU_TRY(CheckRole(admin, {Role::kAdmin}, "Only an admin sets the policy."));
  return ctx.store.SetPolicy(admin.org_id, policy, admin.id, ctx.now());
}

Status ProposeMailRelay(Context& ctx, const User& admin, const std::string& settings_json) {
  REILU_TRY(CheckRole(admin, {Role::kAdmin}, "Only an admin proposes a mail relay."));
  return ctx.store.ProposeMailSettings(admin.org_id, settings_json, admin.id, ctx.now());
}

Status ConfirmMailRelay(Context& ctx, const User& confirmer) {
  REILU_TRY(CheckRole(confirmer, {Role::kAdmin, Role::kHr}, "An admin or an HR specialist confirms a new mail relay."));
  return ctx.store.ConfirmMailSettings(confirmer.org_id, confirmer.id, ctx.now());
}

Result<std::vector<CollectedField>> CollectedFields(Context& ctx, OrgId org) {
  return ctx.store.GetCollectedFields(org);
}

Status SetCollectedFields(Context& ctx, const User& admin, const std::vector<CollectedField>& fields) {
  REILU_TRY(CheckRole(admin, {Role::kAdmin}, "Admins choose what the application form asks."));
  REILU_TRY(ValidateCollectedFields(fields));
  return ctx.store.SetCollectedFields(admin.org_id, fields, admin.id, ctx.now());
}

Result<PrivacyNotice> PrivacyNoticeOf(Context& ctx, OrgId org, std::string_view lang) {
  auto organisation = ctx.store.GetOrganisation(org);
  if (!organisation) return organisation.error();
  auto texts = ctx.store.GetPrivacyTexts(org);
  if (!texts) return texts.error();
  auto retention = ctx.store.GetRetentionPolicy(org);
  if (!retention) return retention.error();
  auto collected = ctx.store.GetCollectedFields(org);
  if (!collected) return collected.error();
  auto own = texts->find(std::string(lang));
  return ComposePrivacyNotice(organisation->name, own == texts->end() ? "" : own->second, *retention, *collected, lang);
}

Result<LocalizedText> PrivacyTexts(Context& ctx, const User& admin) {
  REILU_TRY(CheckRole(admin, {Role::kAdmin, Role::kAuditor}, "The privacy notice is kept by admins."));
  return ctx.store.GetPrivacyTexts(admin.org_id);
}

Status SetPrivacyTexts(Context& ctx, const User& admin, const LocalizedText& texts) {
  REILU_TRY(CheckRole(admin, {Role::kAdmin}, "The privacy notice is kept by admins."));
  for (const auto& [lang, text] : texts) {
    if (!IsSupportedLanguage(lang)) return MakeError(ErrorCode::kInvalidInput, "Texts are fi, sv or en.", "texts");
    if (text.size() > 8000) return MakeError(ErrorCode::kInvalidInput, "The text is too long.", "texts." + lang);
  }
  return ctx.store.SetPrivacyTexts(admin.org_id, texts, admin.id, ctx.now());
}

}  // namespace reilu::service
