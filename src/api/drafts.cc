// Application drafts kept on the server at the applicant's choice: started from the form (the link
// goes by e-mail), saved as the applicant types, opened from the link on any device, discarded
// once the application is sent. The draft's id is in the path; its secret always in the body.
#include "service/drafts.h"

#include "api/handler.h"

namespace reilu::api {

namespace {

// The form as typed, with room for the longest letter and answers; never files.
constexpr size_t kDraftBodyLimit = service::kMaxDraftBytes + 16 * 1024;

// The draft's content: a JSON object (the form's own shape; the server only keeps it).
Result<std::string> ContentOf(const codec::Fields& f) {
  const json::value* content = f.Find("content");
  if (!content || !content->is_object()) return f.Invalid("content", "must be the form as an object");
  return json::serialize(*content);
}

}  // namespace

void RegisterDraftRoutes(http::Router& router, ApiContext& ctx) {
  router.Add("POST", "/api/v1/jobs/{id}/drafts", Wrap([&ctx](http::Request& req) -> Result<http::Response> {
               auto id = IdParam(req, "id");
               if (!id) return id.error();
               auto f = JsonFields(req);
               if (!f) return f.error();
               std::string email, lang;
               REILU_TRY(ReadEmailAndLanguage(*f, email, lang));
               auto content = ContentOf(*f);
               if (!content) return content.error();
               auto services = ctx.Services();
               auto link = service::KeepDraft(services, *id, *content, email, lang, req.client_address);
               if (!link) return link.error();
               return http::JsonResponse(
                   201, json::object{{"draft", link->id}, {"secret", link->secret}, {"expires_at", link->expires_at}});
             }),
             http::RouteOptions{kDraftBodyLimit, false});

  router.Add("PUT", "/api/v1/drafts/{draft}", Wrap([&ctx](http::Request& req) -> Result<http::Response> {
               auto f = JsonFields(req);
               if (!f) return f.error();
               std::string secret;
               REILU_TRY(f->Str("secret", secret, true));
               auto content = ContentOf(*f);
               if (!content) return content.error();
               auto services = ctx.Services();
               REILU_TRY(service::SaveDraft(services, req.params.at("draft"), secret, *content));
               return http::JsonResponse(200, json::object{{"saved_at", ctx.now()}});
             }),
             http::RouteOptions{kDraftBodyLimit, false});

  router.Add("POST", "/api/v1/drafts/{draft}/open", Wrap([&ctx](http::Request& req) -> Result<http::Response> {
               auto f = JsonFields(req);
               if (!f) return f.error();
               std::string secret;
               REILU_TRY(f->Str("secret", secret, true));
               auto services = ctx.Services();
               auto draft = service::OpenDraft(services, req.params.at("draft"), secret);
               if (!draft) return draft.error();
               auto content = codec::Parse(draft->content);
               if (!content) return content.error();
               return http::JsonResponse(200, json::object{{"recruitment_id", draft->recruitment_id},
                                                           {"content", *content},
                                                           {"saved_at", draft->updated_at},
                                                           {"expires_at", draft->expires_at}});
             }));

  router.Add("POST", "/api/v1/drafts/{draft}/discard", Wrap([&ctx](http::Request& req) -> Result<http::Response> {
               auto f = JsonFields(req);
               if (!f) return f.error();
               std::string secret;
               REILU_TRY(f->Str("secret", secret, true));
               auto services = ctx.Services();
               REILU_TRY(service::DiscardDraft(services, req.params.at("draft"), secret));
               return http::JsonResponse(200, json::object{{"discarded", true}});
             }));
}

}  // namespace reilu::api
