// Applicant self-service without an account: the reference code and the secret from the e-mailed
// link (sent in the body, never in a URL) let an applicant follow the application and withdraw it.
#include "service/applicant.h"
#include "api/handler.h"

namespace reilu::api {

namespace {

Result<service::ApplicantView> Identify(ApiContext& ctx, const http::Request& req) {
  auto f = JsonFields(req);
  if (!f) return f.error();
  std::string reference, token;
  REILU_TRY(f->Str("reference", reference, true));
  REILU_TRY(f->Str("token", token, true));
  auto services = ctx.Services();
  return service::IdentifyApplicant(services, reference, token);
}

}  // namespace

void RegisterApplicantRoutes(http::Router& router, ApiContext& ctx) {
  router.Add(
      "POST", "/api/v1/applicant/status", Wrap([&ctx](http::Request& req) -> Result<http::Response> {
        auto a = Identify(ctx, req);
        if (!a) return a.error();
        const Recruitment& r = a->recruitment;
        const ApplicationId& app = a->record.application_id;
        auto decision = ctx.store.GetDecision(r.org_id, r.id);
        if (!decision) return decision.error();
        auto interviews = ctx.store.ListInterviews(r.org_id, r.id);
        if (!interviews) return interviews.error();
        json::array mine;
        for (const auto& i : *interviews) {
          if (i.application_id != app) continue;
          mine.push_back(json::object{{"starts_at", i.starts_at}, {"minutes", i.minutes}, {"location", i.location}});
        }
        std::string status = "received";
        json::value outcome = nullptr;
        if (a->record.withdrawn) {
          status = "withdrawn";
        } else if (*decision) {
          auto it = (*decision)->decision.outcomes.find(app);
          status = it == (*decision)->decision.outcomes.end() ? "decided" : std::string(OutcomeName(it->second));
          outcome = json::object{{"decided_at", (*decision)->decision.decided_at},
                                 {"appeal_ends", (*decision)->decision.appeal_ends}};
        } else if (!mine.empty()) {
          status = "interview";
        } else if (ApplicationPeriodOver(r, ctx.now())) {
          status = "in_review";
        }
        return http::JsonResponse(200, json::object{{"reference", a->record.reference},
                                                    {"recruitment", {{"id", r.id}, {"title", codec::ToJson(r.title)}}},
                                                    {"status", status},
                                                    {"withdrawable", !a->record.withdrawn && !*decision},
                                                    {"interviews", mine},
                                                    {"decision", outcome}});
      }));

  router.Add(
      "POST", "/api/v1/applicant/withdraw", Wrap([&ctx](http::Request& req) -> Result<http::Response> {
        auto a = Identify(ctx, req);
        if (!a) return a.error();
        auto services = ctx.Services();
        REILU_TRY(service::Withdraw(services, *a));
        return http::JsonResponse(200, json::object{{"reference", a->record.reference}, {"status", "withdrawn"}});
      }));

  router.Add("POST", "/api/v1/applicant/explanation", Wrap([&ctx](http::Request& req) -> Result<http::Response> {
               auto a = Identify(ctx, req);
               if (!a) return a.error();
               auto explanation = ExplanationJson(ctx, a->recruitment, a->record.application_id);
               if (!explanation) return explanation.error();
               return http::JsonResponse(200, *explanation);
             }));
}

}  // namespace reilu::api
