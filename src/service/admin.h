// Organisations and staff accounts: what an organisation's admin does, and what the operator does
// at the machine (the command line and the demo) before any admin exists.
#pragma once

#include <string>

#include <optional>
#include <vector>

#include "core/privacy_notice.h"
#include "notify/transport.h"
#include "service/context.h"

namespace reilu::service {

// A new staff account in the admin's own organisation; the password is stored as an argon2id hash.
// `user.username` is the name within the organisation (no "@"); the account's login name is
// "name@login_domain" where the organisation has a login domain, so an admin learns nothing of
// other organisations' usernames (a name is taken only within one organisation).
Result<User> CreateUser(Context& ctx, const User& admin, User user, const std::string& password);

// The operator's way in (command line, demo): an account in `org` with no staff actor.
// An admin changes an account's name, e-mail, role or whether it is active. Not their own role or
// activity: another admin does that, so that nobody locks the organisation out by accident.
struct UserChanges {
  std::string display_name;
  std::string email;
  Role role = Role::kReviewer;
  bool active = true;
};
Result<User> UpdateUser(Context& ctx, const User& admin, UserId id, const UserChanges& changes);
Result<User> CreateUserAsOperator(Context& ctx, OrgId org, User user, const std::string& password);

// The server's first organisation has no login domain (bare usernames); every later one has one:
// `login_domain` when given (2–40 of a–z, 0–9, "-"), else one made from the name ("Närpes stad" →
// "narpes-stad", "-2" added when taken).
Result<OrgId> CreateOrganisation(Context& ctx, const std::string& name, const AnonymityPolicy& policy,
                                 const std::string& login_domain = "");

// The organisation's anonymity policy (audited). Only an admin.
Status SetPolicy(Context& ctx, const User& admin, const AnonymityPolicy& policy);

// Where applicants send a rectification request: the registry office's postal and e-mail address,
// told in decision notices and documents. Only an admin sets it (audited); at most 500 characters.
Status SetRegistryContact(Context& ctx, const User& admin, const std::string& contact);

// The optional identity fields the form asks (data minimisation, core CollectedField): anyone may
// read them (the form shows them with their legal basis); only an admin sets them (audited).
Result<std::vector<CollectedField>> CollectedFields(Context& ctx, OrgId org);
Status SetCollectedFields(Context& ctx, const User& admin, const std::vector<CollectedField>& fields);

// The privacy notice at the form (core/privacy_notice.h): composed from the organisation's own text
// in `lang`, the fields it asks and its retention schedule. Public.
Result<PrivacyNotice> PrivacyNoticeOf(Context& ctx, OrgId org, std::string_view lang);
// The organisation's own text (controller, contact, data protection officer) per language; admins.
Result<LocalizedText> PrivacyTexts(Context& ctx, const User& admin);
Status SetPrivacyTexts(Context& ctx, const User& admin, const LocalizedText& texts);

// A new SMTP relay for the organisation's mail, proposed by an admin as settings JSON
// (notify::SerializeSmtpSettings); it takes effect only when another admin or HR specialist
// confirms it (both steps audited).
Status ProposeMailRelay(Context& ctx, const User& admin, const std::string& settings_json);
Status ConfirmMailRelay(Context& ctx, const User& confirmer);

// Where the organisation's applicant mail goes now (none: the outbox) and a proposed change that
// waits for a second person. Admins and HR specialists.
struct MailRelay {
  std::optional<notify::SmtpSettings> active;
  std::optional<store::PendingMailSettings> pending;
};
Result<MailRelay> MailRelayOf(Context& ctx, const User& actor);

// The organisation's name, registry contact and settings; its anonymity policy; its units.
Result<Organisation> OrganisationOf(Context& ctx, OrgId org);
Result<AnonymityPolicy> PolicyOf(Context& ctx, OrgId org);
Result<std::vector<Unit>> UnitsOf(Context& ctx, OrgId org);
// The organisation's staff accounts, for its admins and HR specialists (who assign reviewers).
Result<std::vector<User>> UsersFor(Context& ctx, const User& actor);

// A unit (toimiala) of the organisation, made by the operator (units have no admin page yet).
Result<UnitId> CreateUnitAsOperator(Context& ctx, OrgId org, const std::string& name);
// Whether any organisation exists yet (the demo seeds only an empty installation).
Result<bool> AnyOrganisation(Context& ctx);

// Whether the database answers (readiness).
Status CheckStoreReady(Context& ctx);

}  // namespace reilu::service
