// Organisation administration: users, units, the anonymity policy; and the audit log for auditors.
#include "service/admin.h"
#include "api/handler.h"
#include "crypto/crypto.h"
#include "notify/dispatcher.h"
#include "service/audit.h"

#include <limits>

namespace reilu::api {

namespace {

// The SMTP settings as an admin sees them: the password is write-only.
json::object SettingsWithoutPassword(const notify::SmtpSettings& s) {
  json::object o = codec::Parse(notify::SerializeSmtpSettings(s))->as_object();
  o.erase("password");
  o["password_set"] = !s.password.empty();
  o["transport"] = "smtp";
  return o;
}

}  // namespace

void RegisterAdminRoutes(http::Router& router, ApiContext& ctx) {
  router.Add("GET", "/api/v1/users", Wrap([&ctx](http::Request& req) -> Result<http::Response> {
               auto caller = RequireRole(ctx, req, {Role::kAdmin, Role::kHr});
               if (!caller) return caller.error();
               auto services = ctx.Services();
               auto users = service::UsersFor(services, caller->user);
               if (!users) return users.error();
               json::array arr;
               for (const auto& u : *users) arr.push_back(codec::ToJson(u));
               return http::JsonResponse(200, json::object{{"users", arr}});
             }));

  router.Add("POST", "/api/v1/users", Wrap([&ctx](http::Request& req) -> Result<http::Response> {
               auto caller = RequireRole(ctx, req, {Role::kAdmin});
               if (!caller) return caller.error();
               auto f = JsonFields(req);
               if (!f) return f.error();
               User u;
               std::string role, password;
               REILU_TRY(f->Str("username", u.username, true));
               REILU_TRY(f->Str("display_name", u.display_name, true));
               REILU_TRY(f->Str("email", u.email));
               REILU_TRY(f->Str("role", role, true));
               REILU_TRY(f->Str("password", password, true));
               auto parsed = ParseRole(role);
               if (!parsed) return f->Invalid("role", "must be admin, hr, reviewer, registry or auditor");
               u.role = *parsed;
               auto services = ctx.Services();
               auto created = service::CreateUser(services, caller->user, std::move(u), password);
               if (!created) return created.error();
               return http::JsonResponse(201, codec::ToJson(*created));
             }));

  // An admin changes an account: name, e-mail, role, active (turning it off ends its sessions).
  router.Add("PUT", "/api/v1/users/{id}", Wrap([&ctx](http::Request& req) -> Result<http::Response> {
               auto caller = RequireRole(ctx, req, {Role::kAdmin});
               if (!caller) return caller.error();
               auto id = IdParam(req, "id");
               if (!id) return id.error();
               auto f = JsonFields(req);
               if (!f) return f.error();
               service::UserChanges changes;
               std::string role;
               REILU_TRY(f->Str("display_name", changes.display_name, true));
               REILU_TRY(f->Str("email", changes.email));
               REILU_TRY(f->Str("role", role, true));
               if (!f->Find("active")) return f->Invalid("active", "is required (true or false)");
               REILU_TRY(f->Bool("active", changes.active));
               auto parsed = ParseRole(role);
               if (!parsed)
                 return f->Invalid("role", "must be admin, hr, reviewer, decision_maker, registry or auditor");
               changes.role = *parsed;
               auto services = ctx.Services();
               auto updated = service::UpdateUser(services, caller->user, *id, changes);
               if (!updated) return updated.error();
               return http::JsonResponse(200, codec::ToJson(*updated));
             }));

  // Where applicants send rectification requests (told in decision notices and documents).
  router.Add("GET", "/api/v1/admin/registry-contact", Wrap([&ctx](http::Request& req) -> Result<http::Response> {
               auto caller = RequireRole(ctx, req, {Role::kAdmin});
               if (!caller) return caller.error();
               auto services = ctx.Services();
               auto organisation = service::OrganisationOf(services, caller->user.org_id);
               if (!organisation) return organisation.error();
               return http::JsonResponse(200, json::object{{"contact", organisation->registry_contact}});
             }));
  router.Add("PUT", "/api/v1/admin/registry-contact", Wrap([&ctx](http::Request& req) -> Result<http::Response> {
               auto caller = RequireRole(ctx, req, {Role::kAdmin});
               if (!caller) return caller.error();
               auto f = JsonFields(req);
               if (!f) return f.error();
               std::string contact;
               REILU_TRY(f->Str("contact", contact, true));
               auto services = ctx.Services();
               REILU_TRY(service::SetRegistryContact(services, caller->user, contact));
               return http::JsonResponse(200, json::object{{"contact", contact}});
             }));

  router.Add("GET", "/api/v1/policy", Wrap([&ctx](http::Request& req) -> Result<http::Response> {
               auto caller = Authenticate(ctx, req);
               if (!caller) return caller.error();
               auto services = ctx.Services();
               auto policy = service::PolicyOf(services, caller->user.org_id);
               if (!policy) return policy.error();
               return http::JsonResponse(200, codec::ToJson(*policy));
             }));

  router.Add("PUT", "/api/v1/policy", Wrap([&ctx](http::Request& req) -> Result<http::Response> {
               auto caller = RequireRole(ctx, req, {Role::kAdmin});
               if (!caller) return caller.error();
               auto body = JsonBody(req);
               if (!body) return body.error();
               auto services = ctx.Services();
               auto policy = service::PolicyOf(services, caller->user.org_id);
               if (!policy) return policy.error();
               REILU_TRY(codec::FromJson(*body, "", *policy));
               REILU_TRY(service::SetPolicy(services, caller->user, *policy));
               return http::JsonResponse(200, codec::ToJson(*policy));
             }));

  // Data minimisation: which optional identity fields the form asks, each with its legal basis.
  router.Add("GET", "/api/v1/admin/form-fields", Wrap([&ctx](http::Request& req) -> Result<http::Response> {
               auto caller = RequireRole(ctx, req, {Role::kAdmin, Role::kAuditor});
               if (!caller) return caller.error();
               auto services = ctx.Services();
               auto fields = service::CollectedFields(services, caller->user.org_id);
               if (!fields) return fields.error();
               return http::JsonResponse(200, codec::CollectedFieldsToJson(*fields));
             }));

  router.Add("PUT", "/api/v1/admin/form-fields", Wrap([&ctx](http::Request& req) -> Result<http::Response> {
               auto caller = Authenticate(ctx, req);
               if (!caller) return caller.error();
               auto f = JsonFields(req);
               if (!f) return f.error();
               std::vector<CollectedField> fields;
               REILU_TRY(f->Each("fields", [&](const json::value& item, const std::string& path) -> Status {
                 auto one = codec::Fields::Of(item, path);
                 if (!one) return one.error();
                 CollectedField c;
                 REILU_TRY(one->Str("field", c.field, true));
                 REILU_TRY(one->Str("legal_basis", c.legal_basis, true));
                 fields.push_back(std::move(c));
                 return OkStatus();
               }));
               auto services = ctx.Services();
               REILU_TRY(service::SetCollectedFields(services, caller->user, fields));
               return http::JsonResponse(200, codec::CollectedFieldsToJson(fields));
             }));

  // The organisation's own part of the privacy notice, per language.
  router.Add("GET", "/api/v1/admin/privacy-notice", Wrap([&ctx](http::Request& req) -> Result<http::Response> {
               auto caller = Authenticate(ctx, req);
               if (!caller) return caller.error();
               auto services = ctx.Services();
               auto texts = service::PrivacyTexts(services, caller->user);
               if (!texts) return texts.error();
               return http::JsonResponse(200, json::object{{"texts", codec::ToJson(*texts)}});
             }));

  router.Add("PUT", "/api/v1/admin/privacy-notice", Wrap([&ctx](http::Request& req) -> Result<http::Response> {
               auto caller = Authenticate(ctx, req);
               if (!caller) return caller.error();
               auto body = JsonBody(req);
               if (!body) return body.error();
               if (!body->is_object() || !body->get_object().contains("texts")) {
                 return MakeError(ErrorCode::kInvalidInput, "Field 'texts' is required.", "texts");
               }
               LocalizedText texts;
               REILU_TRY(codec::FromJson(body->get_object().at("texts"), "texts", texts));
               auto services = ctx.Services();
               REILU_TRY(service::SetPrivacyTexts(services, caller->user, texts));
               return http::JsonResponse(200, json::object{{"texts", codec::ToJson(texts)}});
             }));

  router.Add("GET", "/api/v1/units", Wrap([&ctx](http::Request& req) -> Result<http::Response> {
               auto caller = Authenticate(ctx, req);
               if (!caller) return caller.error();
               auto services = ctx.Services();
               auto units = service::UnitsOf(services, caller->user.org_id);
               if (!units) return units.error();
               json::array arr;
               for (const auto& u : *units) arr.push_back(json::object{{"id", u.id}, {"name", u.name}});
               return http::JsonResponse(200, json::object{{"units", arr}});
             }));

  // SMTP settings per organisation. The password is write-only: it is never returned.
  // Where applicant mail goes: the active relay and a proposed change waiting for a second person.
  // HR specialists see it too: they are the ones who notice a change of where their applicants'
  // mail goes, and may confirm it.
  router.Add("GET", "/api/v1/admin/mail-settings", Wrap([&ctx](http::Request& req) -> Result<http::Response> {
               auto caller = RequireRole(ctx, req, {Role::kAdmin, Role::kHr});
               if (!caller) return caller.error();
               auto services = ctx.Services();
               auto relay = service::MailRelayOf(services, caller->user);
               if (!relay) return relay.error();
               json::object out =
                   relay->active ? SettingsWithoutPassword(*relay->active) : json::object{{"transport", "outbox"}};
               if (const auto& pending = relay->pending) {
                 auto proposed = notify::ParseSmtpSettings(pending->settings_json);
                 if (!proposed) return MakeError(ErrorCode::kInternal, "The proposed mail settings are unreadable.");
                 json::object p = SettingsWithoutPassword(*proposed);
                 p["proposed_by"] = pending->proposed_by;
                 p["proposed_at"] = pending->proposed_at;
                 p["yours"] = pending->proposed_by == caller->user.id;
                 out["pending"] = p;
               } else {
                 out["pending"] = nullptr;
               }
               return http::JsonResponse(200, out);
             }));

  // A change of relay is only proposed here (202): mail keeps its old route until another admin or
  // HR specialist confirms. One insider alone cannot redirect applicants' mail and status links.
  router.Add("PUT", "/api/v1/admin/mail-settings", Wrap([&ctx](http::Request& req) -> Result<http::Response> {
               auto caller = RequireRole(ctx, req, {Role::kAdmin});
               if (!caller) return caller.error();
               auto f = JsonFields(req);
               if (!f) return f.error();
               notify::SmtpSettings s;
               REILU_TRY(f->Str("host", s.host, true));
               REILU_TRY(f->Int("port", s.port));
               REILU_TRY(f->Str("security", s.security));
               REILU_TRY(f->Str("username", s.username));
               REILU_TRY(f->Str("password", s.password));
               REILU_TRY(f->Str("from_address", s.from_address, true));
               REILU_TRY(f->Str("from_name", s.from_name));
               REILU_TRY(f->Str("ca_file", s.ca_file));
               auto services = ctx.Services();
               // An omitted password keeps the stored one.
               if (!s.username.empty() && s.password.empty()) {
                 auto old = service::MailRelayOf(services, caller->user);
                 if (!old) return old.error();
                 if (old->active) s.password = old->active->password;
               }
               REILU_TRY(notify::ValidateSmtpSettings(s));
               REILU_TRY(service::ProposeMailRelay(services, caller->user, notify::SerializeSmtpSettings(s)));
               json::object out = SettingsWithoutPassword(s);
               out["pending"] = true;
               return http::JsonResponse(202, out);
             }));

  router.Add("POST", "/api/v1/admin/mail-settings/confirm", Wrap([&ctx](http::Request& req) -> Result<http::Response> {
               auto caller = RequireRole(ctx, req, {Role::kAdmin, Role::kHr});
               if (!caller) return caller.error();
               auto services = ctx.Services();
               REILU_TRY(service::ConfirmMailRelay(services, caller->user));
               auto relay = service::MailRelayOf(services, caller->user);
               if (!relay || !relay->active)
                 return MakeError(ErrorCode::kInternal, "The confirmed settings are missing.");
               return http::JsonResponse(200, SettingsWithoutPassword(*relay->active));
             }));

  // Cursor pagination: `after` is the last seq seen; `next` in the response continues.
  // ?recruitment_id= one recruitment's log (the owner may read it), ?action= a kind of action by
  // its prefix ("identity.", "anonymity.lift").
  router.Add("GET", "/api/v1/audit", Wrap([&ctx](http::Request& req) -> Result<http::Response> {
               auto caller = Authenticate(ctx, req);
               if (!caller) return caller.error();
               constexpr auto kLargest = static_cast<size_t>(std::numeric_limits<std::int64_t>::max());
               size_t after = 0, limit = 100, recruitment = 0;
               REILU_TRY(QueryNumber(req, "after", kLargest, after));
               REILU_TRY(QueryNumber(req, "limit", 1000, limit));
               if (limit == 0) return MakeError(ErrorCode::kInvalidInput, "The limit is 1 to 1000.", "limit");
               REILU_TRY(QueryNumber(req, "recruitment_id", kLargest, recruitment));
               service::AuditFilter filter;
               filter.recruitment_id = static_cast<RecruitmentId>(recruitment);
               std::string order;
               REILU_TRY(QueryChoice(req, "order", {"oldest", "newest"}, order));
               filter.newest_first = order == "newest";
               if (req.query.count("action")) filter.action_prefix = req.query["action"];
               if (filter.action_prefix.size() > 64) {
                 return MakeError(ErrorCode::kInvalidInput, "The action filter is too long.", "action");
               }
               auto services = ctx.Services();
               auto page = service::ReadAuditLog(services, caller->user, static_cast<std::int64_t>(after),
                                                 static_cast<std::int64_t>(limit), filter);
               if (!page) return page.error();
               json::array arr;
               for (const auto& e : page->entries) {
                 json::object o = codec::ToJson(e);
                 // Who, by name and role (0: the system itself, e.g. a notice to the applicant).
                 if (auto who = page->actors.find(e.actor_id); who != page->actors.end()) {
                   o["actor_name"] = who->second.display_name;
                   o["actor_role"] = RoleName(who->second.role);
                 }
                 arr.push_back(std::move(o));
               }
               json::object out{{"entries", arr}};
               out["next"] = page->next ? json::value(*page->next) : json::value(nullptr);
               return http::JsonResponse(200, out);
             }));
}

}  // namespace reilu::api
