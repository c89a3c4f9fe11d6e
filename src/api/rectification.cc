// Rectification requests (GDPR art. 16):
//   POST /api/v1/applicant/rectification                      the applicant asks (reference, token, what)
//   GET  /api/v1/recruitments/{id}/rectification-requests     states and days; ?words=1 with the
//                                                             applicants' words (audited)
//   POST /api/v1/recruitments/{id}/rectification-requests/{request}/answer
//                                                             corrected or refused, with the text
// The applicant's status (applicant.cc) lists their own with the answers.
#include "service/rectification.h"
#include "api/handler.h"

namespace reilu::api {

json::object RectificationJson(const RectificationRequest& r) {
  auto time = [](UnixTime t) { return t ? json::value(t) : json::value(nullptr); };
  return json::object{{"id", r.id},
                      {"application_id", r.application_id},
                      {"what", r.what},
                      {"received_at", r.received_at},
                      {"answer_due", RectificationAnswerDue(r.received_at)},
                      {"state", RectificationStateName(r.state)},
                      {"answer", r.state == RectificationState::kOpen ? json::value(nullptr) : json::value(r.answer)},
                      {"answered_at", time(r.answered_at)}};
}

void RegisterRectificationRoutes(http::Router& router, ApiContext& ctx) {
  router.Add("POST", "/api/v1/applicant/rectification", Wrap([&ctx](http::Request& req) -> Result<http::Response> {
               auto a = IdentifyApplicantIn(ctx, req);
               if (!a) return a.error();
               auto f = JsonFields(req);
               if (!f) return f.error();
               std::string what;
               REILU_TRY(f->Str("what", what, true));
               auto services = ctx.Services();
               auto made = service::RequestRectification(services, *a, what);
               if (!made) return made.error();
               return http::JsonResponse(201, RectificationJson(*made));
             }));

  router.Add("GET", "/api/v1/recruitments/{id}/rectification-requests",
             Wrap([&ctx](http::Request& req) -> Result<http::Response> {
               auto caller = Authenticate(ctx, req);
               if (!caller) return caller.error();
               auto id = IdParam(req, "id");
               if (!id) return id.error();
               auto services = ctx.Services();
               // ?words=1: with the applicants' words and the answers (the look is audited).
               const bool with_words = req.query.count("words") && req.query["words"] == "1";
               auto requests = service::RectificationsFor(services, caller->user, *id, with_words);
               if (!requests) return requests.error();
               json::array out;
               for (const auto& r : *requests) {
                 json::object o = RectificationJson(r);
                 o["pseudonym"] = r.pseudonym;
                 if (!with_words) {
                   o.erase("what");
                   o.erase("answer");
                 }
                 out.push_back(std::move(o));
               }
               return http::JsonResponse(200, json::object{{"requests", out}});
             }));

  router.Add("POST", "/api/v1/recruitments/{id}/rectification-requests/{request}/answer",
             Wrap([&ctx](http::Request& req) -> Result<http::Response> {
               auto caller = Authenticate(ctx, req);
               if (!caller) return caller.error();
               auto id = IdParam(req, "id");
               if (!id) return id.error();
               auto request = IdParam(req, "request");
               if (!request) return request.error();
               auto f = JsonFields(req);
               if (!f) return f.error();
               std::string state_name, answer;
               REILU_TRY(f->Str("state", state_name, true));
               REILU_TRY(f->Str("answer", answer, true));
               auto state = ParseRectificationState(state_name);
               if (!state) return f->Invalid("state", "must be corrected or refused");
               auto services = ctx.Services();
               REILU_TRY(service::AnswerRectification(services, caller->user, *id, *request, *state, answer));
               return http::JsonResponse(200, json::object{{"state", state_name}});
             }));
}

}  // namespace reilu::api
