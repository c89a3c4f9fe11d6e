// Applications for staff. The list and detail start from AnonymousApplication (no identity is
// loaded); identity is added only for applications the gate opens, and each read is audited.
#include <algorithm>

#include "api/handler.h"
#include "service/screening.h"

namespace reilu::api {

namespace {

Status CheckNotRecused(ApiContext& ctx, const Scope& s, const ApplicationId& app) {
  auto screening = ctx.store.GetScreeningState(s.recruitment.org_id, s.recruitment.id);
  if (!screening) return screening.error();
  if (screening->IsRecused(app, s.caller.user.id)) {
    return MakeError(ErrorCode::kRecused, "You declared a conflict of interest for this application.");
  }
  return OkStatus();
}

// Adds identity to `out` when the gate opens without a reason (lifted, or not anonymous).
Status MaybeAddIdentity(ApiContext& ctx, const Scope& s, const store::LiftState& lifts, const AnonymousApplication& app,
                        json::object& out) {
  if (s.caller.user.role == Role::kRegistry) return OkStatus();  // registry asks per application, with a reason
  bool lifted = lifts.Covers(app.id);
  if (s.recruitment.anonymous && !lifted) return OkStatus();
  auto access = IdentityGate::Request(AccessQuery{s.caller.user, s.recruitment, app.id, lifted, {}});
  if (!access) return OkStatus();
  auto full = ctx.store.ReadIdentity(*access, ctx.now());
  if (!full) return full.error();
  out["identity"] = codec::ToJson(full->identity);
  out["original_free_text"] = codec::ToJson(full->free_text);
  return OkStatus();
}

// Reads the optional `reason` field: what the caller states as the basis for the action.
Status ReadReason(const codec::Fields& f, std::string& reason) {
  REILU_TRY(f.Str("reason", reason));
  if (reason.size() > 2000) return f.Invalid("reason", "is too long");
  return OkStatus();
}

json::object WithStatus(const AnonymousApplication& app, const store::LiftState& lifts) {
  json::object o = codec::ToJson(app);
  o["lifted"] = lifts.Covers(app.id);
  return o;
}

}  // namespace

void RegisterApplicationRoutes(http::Router& router, ApiContext& ctx) {
  router.Add("GET", "/api/v1/recruitments/{id}/applications",
             Wrap([&ctx](http::Request& req) -> Result<http::Response> {
               auto scope = LoadScope(ctx, req);
               if (!scope) return scope.error();
               const Recruitment& r = scope->recruitment;
               REILU_TRY(CheckMaySeeApplicationsNow(scope->caller.user, r, ctx.now()));
               auto apps = ctx.store.ListAnonymous(r.org_id, r.id);
               if (!apps) return apps.error();
               REILU_TRY(OrderForCaller(ctx, r, scope->caller.user.id, *apps));
               auto lifts = ctx.store.GetLiftState(r.org_id, r.id);
               if (!lifts) return lifts.error();
               auto screening = ctx.store.GetScreeningState(r.org_id, r.id);
               if (!screening) return screening.error();
               json::array arr;
               for (const auto& app : *apps) {
                 // A recused reviewer keeps only the fact of the recusal.
                 if (screening->IsRecused(app.id, scope->caller.user.id)) {
                   arr.push_back(json::object{{"id", app.id}, {"pseudonym", app.pseudonym}, {"recused", true}});
                   continue;
                 }
                 json::object o = WithStatus(app, *lifts);
                 REILU_TRY(MaybeAddIdentity(ctx, *scope, *lifts, app, o));
                 arr.push_back(std::move(o));
               }
               return http::JsonResponse(
                   200, json::object{{"recruitment_id", r.id}, {"anonymous", r.anonymous}, {"applications", arr}});
             }));

  router.Add("GET", "/api/v1/recruitments/{id}/applications/{application_id}",
             Wrap([&ctx](http::Request& req) -> Result<http::Response> {
               auto scope = LoadScope(ctx, req);
               if (!scope) return scope.error();
               const Recruitment& r = scope->recruitment;
               REILU_TRY(CheckMaySeeApplicationsNow(scope->caller.user, r, ctx.now()));
               auto app = ctx.store.GetAnonymous(r.org_id, r.id, req.params["application_id"]);
               if (!app) return app.error();
               REILU_TRY(CheckNotRecused(ctx, *scope, app->id));
               auto lifts = ctx.store.GetLiftState(r.org_id, r.id);
               if (!lifts) return lifts.error();
               json::object o = WithStatus(*app, *lifts);
               REILU_TRY(MaybeAddIdentity(ctx, *scope, *lifts, *app, o));
               return http::JsonResponse(200, o);
             }));

  // Identity with a stated reason: the registry office (public-records requests) and the owning HR
  // specialist before the lift. Lifted reviewers may use it too (no reason needed).
  router.Add("POST", "/api/v1/recruitments/{id}/applications/{application_id}/identity",
             Wrap([&ctx](http::Request& req) -> Result<http::Response> {
               auto scope = LoadScope(ctx, req);
               if (!scope) return scope.error();
               auto f = JsonFields(req);
               if (!f) return f.error();
               std::string reason;
               REILU_TRY(ReadReason(*f, reason));
               const Recruitment& r = scope->recruitment;
               REILU_TRY(CheckMaySeeApplicationsNow(scope->caller.user, r, ctx.now()));
               const std::string& app_id = req.params["application_id"];
               auto app = ctx.store.GetAnonymous(r.org_id, r.id, app_id);
               if (!app) return app.error();
               auto read = ReadIdentityWithReason(ctx, *scope, app_id, reason);
               if (!read) return read.error();
               json::object o = codec::ToJson(read->application);
               o["lifted"] = read->lifted;
               o["access_basis"] = AccessBasisName(read->access.basis());
               return http::JsonResponse(200, o);
             }));

  router.Add("POST", "/api/v1/recruitments/{id}/lift", Wrap([&ctx](http::Request& req) -> Result<http::Response> {
               auto scope = LoadScope(ctx, req);
               if (!scope) return scope.error();
               auto f = JsonFields(req);
               if (!f) return f.error();
               std::string reason;
               bool all = false;
               std::vector<std::string> ids;
               REILU_TRY(ReadReason(*f, reason));
               REILU_TRY(f->Bool("all", all));
               REILU_TRY(f->StrList("application_ids", ids));
               auto services = ctx.Services();
               auto lifts =
                   service::Lift(services, scope->caller.user, scope->recruitment.id, std::move(ids), all, reason);
               if (!lifts) return lifts.error();
               json::array lifted;
               for (const auto& id : lifts->applications) lifted.push_back(json::string(id));
               return http::JsonResponse(200, json::object{{"all", lifts->all}, {"application_ids", lifted}});
             }));
}

}  // namespace reilu::api
