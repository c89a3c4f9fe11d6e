// POST /api/v1/session (log in), GET (who am I), DELETE (log out).
#include <algorithm>

#include "api/handler.h"
#include "crypto/crypto.h"

namespace reilu::api {

namespace {

// Usernames are at most 100 bytes (admin.cc); passwords longer than this are refused unhashed.
constexpr size_t kMaxUsername = 100;
constexpr size_t kMaxPassword = 1024;

std::string SessionCookie(const ApiContext& ctx, const std::string& token, UnixTime max_age) {
  std::string c = std::string(kSessionCookie) + "=" + token +
                  "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + std::to_string(max_age);
  if (ctx.options.secure_cookies) c += "; Secure";
  return c;
}

json::object Me(const User& user, const std::string& csrf) {
  return json::object{{"user", codec::ToJson(user)}, {"org_id", user.org_id}, {"csrf_token", csrf}};
}

}  // namespace

void RegisterAuthRoutes(http::Router& router, ApiContext& ctx) {
  // A fixed hash verified when the user does not exist, so response time does not reveal usernames.
  static const std::string kDummyHash =
      *crypto::HashPassword("reilu-dummy-password", crypto::PasswordCost::Interactive());

  router.Add("POST", "/api/v1/session", Wrap([&ctx](http::Request& req) -> Result<http::Response> {
               auto f = JsonFields(req);
               if (!f) return f.error();
               std::string username, password;
               REILU_TRY(f->Str("username", username, true));
               REILU_TRY(f->Str("password", password, true));
               // No account has a longer name; a long password only costs hashing time.
               if (username.size() > kMaxUsername) {
                 return MakeError(ErrorCode::kInvalidInput, "The username is too long.", "username");
               }
               if (password.size() > kMaxPassword) {
                 return MakeError(ErrorCode::kInvalidInput, "The password is too long.", "password");
               }
               const std::string& address = req.client_address;
               auto wait = ctx.login_throttle.Admit(username, address, ctx.now());
               if (!wait) return wait.error();
               if (*wait > 0) {
                 auto res = http::ProblemResponse(
                     MakeError(ErrorCode::kRateLimited, "Too many failed logins. Try again later."));
                 res.headers.emplace_back("Retry-After", std::to_string(*wait));
                 return res;
               }
               auto login = ctx.store.FindLogin(username);
               bool ok = login && login->first.active && crypto::VerifyPassword(login->second, password);
               if (!login) (void)crypto::VerifyPassword(kDummyHash, password);
               if (!ok) {  // Admit counted the failure already
                 if (login) {
                   (void)ctx.store.AppendAudit(
                       store::AuditEvent{login->first.org_id, login->first.id, audit_action::kLoginFailed, 0, {}, "{}"},
                       ctx.now());
                 }
                 return MakeError(ErrorCode::kUnauthenticated, "Wrong username or password.");
               }
               REILU_TRY(ctx.login_throttle.Succeeded(username, address));
               const User& user = login->first;
               std::string token = crypto::RandomToken();
               store::Session session{crypto::Sha256Hex(token), user.id, user.org_id, crypto::RandomToken(),
                                      ctx.now() + ctx.options.session_seconds};
               REILU_TRY(ctx.store.CreateSession(session, ctx.now()));
               REILU_TRY(ctx.store.AppendAudit(
                   store::AuditEvent{user.org_id, user.id, audit_action::kLogin, 0, {}, "{}"}, ctx.now()));
               auto res = http::JsonResponse(200, Me(user, session.csrf_token));
               res.headers.emplace_back("Set-Cookie", SessionCookie(ctx, token, ctx.options.session_seconds));
               return res;
             }),
             http::RouteOptions{16 * 1024, false});

  router.Add("GET", "/api/v1/session", Wrap([&ctx](http::Request& req) -> Result<http::Response> {
               auto caller = Authenticate(ctx, req);
               if (!caller) return caller.error();
               return http::JsonResponse(200, Me(caller->user, caller->session.csrf_token));
             }));

  router.Add("DELETE", "/api/v1/session", Wrap([&ctx](http::Request& req) -> Result<http::Response> {
               auto caller = Authenticate(ctx, req);
               if (!caller) return caller.error();
               REILU_TRY(ctx.store.DeleteSession(caller->session.token_hash));
               http::Response res{204, "application/json", "", {}};
               res.headers.emplace_back("Set-Cookie", SessionCookie(ctx, "", 0));
               return res;
             }));
}

}  // namespace reilu::api
