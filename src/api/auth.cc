// POST /api/v1/session (log in), GET (who am I), DELETE (log out).
#include "api/handler.h"
#include "service/session.h"

namespace reilu::api {

namespace {

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
  router.Add(
      "POST", "/api/v1/session", Wrap([&ctx](http::Request& req) -> Result<http::Response> {
        auto f = JsonFields(req);
        if (!f) return f.error();
        std::string username, password;
        REILU_TRY(f->Str("username", username, true));
        REILU_TRY(f->Str("password", password, true));
        auto services = ctx.Services();
        auto outcome = service::LogIn(services, username, password, req.client_address, ctx.options.session_seconds);
        if (!outcome) return outcome.error();
        if (!outcome->signed_in) {
          auto res =
              http::ProblemResponse(MakeError(ErrorCode::kRateLimited, "Too many failed logins. Try again later."));
          res.headers.emplace_back("Retry-After", std::to_string(outcome->retry_after));
          return res;
        }
        const service::SignedIn& in = *outcome->signed_in;
        auto res = http::JsonResponse(200, Me(in.user, in.session.csrf_token));
        res.headers.emplace_back("Set-Cookie", SessionCookie(ctx, in.token, ctx.options.session_seconds));
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
               auto services = ctx.Services();
               REILU_TRY(service::LogOut(services, caller->session));
               http::Response res{204, "application/json", "", {}};
               res.headers.emplace_back("Set-Cookie", SessionCookie(ctx, "", 0));
               return res;
             }));
}

}  // namespace reilu::api
