#include "service/admin.h"

#include "crypto/crypto.h"
#include "notify/dispatcher.h"
#include "service/work.h"

namespace reilu::service {

namespace {

Status ValidateNewUser(const User& u, const std::string& password) {
  auto invalid = [](const char* field, const char* message) {
    return MakeError(ErrorCode::kInvalidInput, message, field);
  };
  if (u.username.empty()) return invalid("username", "Give a username.");
  if (u.username.find_first_of("@ \t\r\n") != std::string::npos) {
    return invalid("username", "A username has no spaces and no \"@\" (the login domain is added to it).");
  }
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
  auto organisation = ctx.store.GetOrganisation(org);
  if (!organisation) return organisation.error();
  if (!organisation->login_domain.empty()) user.username += "@" + organisation->login_domain;
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

Result<User> UpdateUser(Context& ctx, const User& admin, UserId id, const UserChanges& changes) {
  REILU_TRY(CheckRole(admin, {Role::kAdmin}, "Only an admin changes accounts."));
  auto user = ctx.store.GetUser(admin.org_id, id);
  if (!user) return user.error();
  if (id == admin.id && (changes.role != user->role || !changes.active)) {
    return MakeError(ErrorCode::kConflict, "Another admin changes your own role or turns your account off.", "role");
  }
  if (changes.display_name.find_first_not_of(' ') == std::string::npos || changes.display_name.size() > 200) {
    return MakeError(ErrorCode::kInvalidInput, "Give a name of at most 200 characters.", "display_name");
  }
  if (!changes.email.empty() && !IsPlausibleEmail(changes.email)) {
    return MakeError(ErrorCode::kInvalidInput, "That is not an e-mail address.", "email");
  }
  const Role previous = user->role;
  user->display_name = changes.display_name;
  user->email = changes.email;
  user->role = changes.role;
  user->active = changes.active;
  REILU_TRY(ctx.store.UpdateUser(*user, previous, admin.id, ctx.now()));
  return user;
}

Result<User> CreateUserAsOperator(Context& ctx, OrgId org, User user, const std::string& password) {
  return Create(ctx, org, 0, std::move(user), password);
}

namespace {

bool IsLoginDomain(std::string_view domain) {
  if (domain.size() < 2 || domain.size() > 40 || domain.front() == '-' || domain.back() == '-') return false;
  for (char c : domain) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  }
  return true;
}

// "Närpes stad" → "narpes-stad": letters folded to a–z (å, ä → a; ö → o), others to one "-".
std::string LoginDomainFrom(std::string_view name) {
  std::string out;
  for (size_t i = 0; i < name.size(); ++i) {
    auto c = static_cast<unsigned char>(name[i]);
    char folded = 0;
    if (c >= 'a' && c <= 'z') folded = static_cast<char>(c);
    if (c >= 'A' && c <= 'Z') folded = static_cast<char>(c - 'A' + 'a');
    if (c >= '0' && c <= '9') folded = static_cast<char>(c);
    if (c == 0xC3 && i + 1 < name.size()) {
      auto d = static_cast<unsigned char>(name[i + 1]) | 0x20;  // lower case of Å Ä Ö
      folded = d == 0xA5 || d == 0xA4 ? 'a' : d == 0xB6 ? 'o' : d == 0xA9 ? 'e' : d == 0xBC ? 'u' : 0;
      if (folded) ++i;
    }
    if (folded) {
      out += folded;
    } else if (!out.empty() && out.back() != '-') {
      out += '-';
    }
    if (out.size() >= 30) break;
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out.size() >= 2 ? out : "org";
}

}  // namespace

Result<OrgId> CreateOrganisation(Context& ctx, const std::string& name, const AnonymityPolicy& policy,
                                 const std::string& login_domain) {
  if (name.empty() || name.size() > 200) {
    return MakeError(ErrorCode::kInvalidInput, "Give the organisation a name of at most 200 characters.", "name");
  }
  if (!login_domain.empty() && !IsLoginDomain(login_domain)) {
    return MakeError(ErrorCode::kInvalidInput, "A login domain is 2 to 40 of a-z, 0-9 and \"-\".", "login_domain");
  }
  auto existing = ctx.store.ListOrganisations();
  if (!existing) return existing.error();
  std::string domain = login_domain;
  if (domain.empty() && !existing->empty()) {
    std::string base = LoginDomainFrom(name);
    domain = base;
    for (int n = 2;; ++n) {
      bool taken = false;
      for (const auto& o : *existing) taken = taken || o.login_domain == domain;
      if (!taken) break;
      domain = base + "-" + std::to_string(n);
    }
  }
  return ctx.store.CreateOrganisation(name, policy, ctx.now(), domain);
}

Status SetPolicy(Context& ctx, const User& admin, const AnonymityPolicy& policy) {
  REILU_TRY(CheckRole(admin, {Role::kAdmin}, "Only an admin sets the policy."));
  return ctx.store.SetPolicy(admin.org_id, policy, admin.id, ctx.now());
}

Status SetRegistryContact(Context& ctx, const User& admin, const std::string& contact) {
  REILU_TRY(CheckRole(admin, {Role::kAdmin}, "Only an admin sets the registry office's address."));
  if (contact.size() > 500) return MakeError(ErrorCode::kInvalidInput, "The address is too long.", "contact");
  return ctx.store.SetRegistryContact(admin.org_id, contact, admin.id, ctx.now());
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

Result<MailRelay> MailRelayOf(Context& ctx, const User& actor) {
  REILU_TRY(CheckRole(actor, {Role::kAdmin, Role::kHr}, "Admins and HR specialists see where mail goes."));
  auto active = notify::StoredSmtpSettings(ctx.store, actor.org_id);
  if (!active) return active.error();
  auto pending = ctx.store.GetPendingMailSettings(actor.org_id);
  if (!pending) return pending.error();
  return MailRelay{std::move(*active), std::move(*pending)};
}

Result<Organisation> OrganisationOf(Context& ctx, OrgId org) { return ctx.store.GetOrganisation(org); }

Result<AnonymityPolicy> PolicyOf(Context& ctx, OrgId org) { return ctx.store.GetPolicy(org); }

Result<std::vector<Unit>> UnitsOf(Context& ctx, OrgId org) { return ctx.store.ListUnits(org); }

Result<std::vector<User>> UsersFor(Context& ctx, const User& actor) {
  REILU_TRY(CheckRole(actor, {Role::kAdmin, Role::kHr}, "Your role does not allow this."));
  return ctx.store.ListUsers(actor.org_id);
}

Result<UnitId> CreateUnitAsOperator(Context& ctx, OrgId org, const std::string& name) {
  if (name.empty() || name.size() > 200) {
    return MakeError(ErrorCode::kInvalidInput, "Give the unit a name of at most 200 characters.", "name");
  }
  return ctx.store.CreateUnit(org, name);
}

Result<bool> AnyOrganisation(Context& ctx) {
  auto orgs = ctx.store.ListOrganisations();
  if (!orgs) return orgs.error();
  return !orgs->empty();
}

Status CheckStoreReady(Context& ctx) {
  auto any = AnyOrganisation(ctx);
  if (!any) return any.error();
  return OkStatus();
}

}  // namespace reilu::service
