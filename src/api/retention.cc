// Retention (src/service/retention.h):
//   GET  /api/v1/admin/retention                 the schedule, standing legal holds and what is due now (dry run)
//   PUT  /api/v1/admin/retention                 set the schedule (admin)
//   GET  /api/v1/recruitments/{id}/legal-hold    the standing holds (owner or admin)
//   POST /api/v1/recruitments/{id}/legal-hold    stop disposal, with a reason (owner or admin)
//   DELETE /api/v1/recruitments/{id}/legal-hold  release it
#include "service/retention.h"
#include "api/handler.h"

namespace reilu::api {

namespace {

json::object PolicyJson(const RetentionPolicy& p) {
  return json::object{{"others_years", p.others_years},
                      {"selected_years", p.selected_years},
                      {"interview_notes_years", p.interview_notes_years},
                      {"records_requests_years", p.records_requests_years}};
}

}  // namespace

void RegisterRetentionRoutes(http::Router& router, ApiContext& ctx) {
  router.Add(
      "GET", "/api/v1/admin/retention", Wrap([&ctx](http::Request& req) -> Result<http::Response> {
        auto caller = Authenticate(ctx, req);
        if (!caller) return caller.error();
        auto services = ctx.Services();
        auto policy = service::GetRetentionPolicy(services, caller->user);
        if (!policy) return policy.error();
        auto holds = service::ListLegalHolds(services, caller->user);
        if (!holds) return holds.error();
        auto due = service::DisposalDryRun(services, caller->user);
        if (!due) return due.error();
        json::array held, plan;
        for (const auto& h : *holds) {
          held.push_back(json::object{{"recruitment_id", h.recruitment_id},
                                      {"reason", h.reason},
                                      {"placed_by", h.placed_by},
                                      {"placed_at", h.placed_at}});
        }
        for (const auto& d : *due) {
          plan.push_back(json::object{{"recruitment_id", d.recruitment_id},
                                      {"applications", d.applications.size()},
                                      {"interview_notes", d.interview_notes},
                                      {"records_requests", d.records_requests.size()},
                                      {"shred_key", d.shred_key},
                                      {"final_on", d.final_on}});
        }
        json::array schedule;
        for (const auto& row : RetentionSchedule(*policy)) {
          schedule.push_back(json::object{{"document", row.name}, {"years", row.years}, {"settable", row.settable}});
        }
        return http::JsonResponse(
            200, json::object{
                     {"policy", PolicyJson(*policy)}, {"schedule", schedule}, {"legal_holds", held}, {"due", plan}});
      }));

  router.Add("PUT", "/api/v1/admin/retention", Wrap([&ctx](http::Request& req) -> Result<http::Response> {
               auto caller = Authenticate(ctx, req);
               if (!caller) return caller.error();
               auto f = JsonFields(req);
               if (!f) return f.error();
               RetentionPolicy policy;
               REILU_TRY(f->Int("others_years", policy.others_years, true));
               REILU_TRY(f->Int("selected_years", policy.selected_years, true));
               // Not given: as before (a client written before these types keeps their periods).
               auto services = ctx.Services();
               auto current = service::GetRetentionPolicy(services, caller->user);
               if (!current) return current.error();
               policy.interview_notes_years = current->interview_notes_years;
               policy.records_requests_years = current->records_requests_years;
               REILU_TRY(f->Int("interview_notes_years", policy.interview_notes_years));
               REILU_TRY(f->Int("records_requests_years", policy.records_requests_years));
               REILU_TRY(service::SetRetentionPolicy(services, caller->user, policy));
               return http::JsonResponse(200, PolicyJson(policy));
             }));

  router.Add("GET", "/api/v1/recruitments/{id}/legal-hold", Wrap([&ctx](http::Request& req) -> Result<http::Response> {
               auto caller = Authenticate(ctx, req);
               if (!caller) return caller.error();
               auto id = IdParam(req, "id");
               if (!id) return id.error();
               auto services = ctx.Services();
               auto holds = service::LegalHoldsOf(services, caller->user, *id);
               if (!holds) return holds.error();
               json::array arr;
               for (const auto& h : *holds)
                 arr.push_back(json::object{{"reason", h.reason}, {"placed_at", h.placed_at}});
               return http::JsonResponse(200, json::object{{"legal_hold", !holds->empty()}, {"holds", arr}});
             }));

  router.Add("POST", "/api/v1/recruitments/{id}/legal-hold", Wrap([&ctx](http::Request& req) -> Result<http::Response> {
               auto caller = Authenticate(ctx, req);
               if (!caller) return caller.error();
               auto id = IdParam(req, "id");
               if (!id) return id.error();
               auto f = JsonFields(req);
               if (!f) return f.error();
               std::string reason;
               REILU_TRY(f->Str("reason", reason));
               if (reason.size() > 2000) return f->Invalid("reason", "is too long");
               auto services = ctx.Services();
               REILU_TRY(service::PlaceLegalHold(services, caller->user, *id, reason));
               return http::JsonResponse(201, json::object{{"recruitment_id", *id}, {"legal_hold", true}});
             }));

  router.Add("DELETE", "/api/v1/recruitments/{id}/legal-hold",
             Wrap([&ctx](http::Request& req) -> Result<http::Response> {
               auto caller = Authenticate(ctx, req);
               if (!caller) return caller.error();
               auto id = IdParam(req, "id");
               if (!id) return id.error();
               auto services = ctx.Services();
               REILU_TRY(service::ReleaseLegalHold(services, caller->user, *id));
               return http::JsonResponse(200, json::object{{"recruitment_id", *id}, {"legal_hold", false}});
             }));
}

}  // namespace reilu::api
