// The public side: the job board and application submission (no account needed).
#include <algorithm>

#include "api/handler.h"
#include "crypto/crypto.h"
#include "service/admin.h"
#include "service/intake.h"
#include "service/job_board.h"

namespace reilu::api {

namespace {

json::object PublicAdJson(const service::PublicAd& ad) {
  json::object o = codec::ToPublicJson(ad.recruitment);
  o["accepting_applications"] = ad.accepting_applications;
  o["organisation"] = ad.organisation;
  o["organisation_id"] = ad.recruitment.org_id;  // for its privacy notice
  return o;
}

constexpr size_t kMaxIdempotencyKey = 200;
// A full form is at most a few 20 000-byte texts; JSON escaping can double that.
constexpr size_t kPreviewBodyLimit = 256 * 1024;
// The form with its files: base64 makes the attachments' bytes a third larger.
constexpr size_t kSubmissionBodyLimit = kMaxAttachmentsTotalBytes / 3 * 4 + 1024 * 1024;

}  // namespace

void RegisterPublicRoutes(http::Router& router, ApiContext& ctx) {
  router.Add("GET", "/api/v1/jobs", Wrap([&ctx](http::Request& req) -> Result<http::Response> {
               const std::string& q = req.query["q"];
               if (q.size() > 200) return MakeError(ErrorCode::kInvalidInput, "The search is too long.", "q");
               auto services = ctx.Services();
               auto ads = service::OpenAds(services, q);
               if (!ads) return ads.error();
               json::array arr;
               for (const auto& ad : *ads) arr.push_back(PublicAdJson(ad));
               return http::JsonResponse(200, json::object{{"jobs", arr}});
             }));

  router.Add("GET", "/api/v1/jobs/{id}", Wrap([&ctx](http::Request& req) -> Result<http::Response> {
               auto id = IdParam(req, "id");
               if (!id) return id.error();
               auto services = ctx.Services();
               auto page = service::PublicAdOf(services, *id);
               if (!page) return page.error();
               json::object ad = PublicAdJson(page->ad);
               // The form's optional identity fields, with the legal basis it shows (the ad page
               // only: the job board's list does not need them).
               ad["identity_fields"] = codec::CollectedFieldsToJson(page->identity_fields).at("fields");
               return http::JsonResponse(200, ad);
             }));

  // The privacy notice an applicant reads at the form, composed from what the organisation does.
  router.Add("GET", "/api/v1/organisations/{id}/privacy-notice",
             Wrap([&ctx](http::Request& req) -> Result<http::Response> {
               auto id = IdParam(req, "id");
               if (!id) return id.error();
               auto lang = DocumentLanguage(req);
               if (!lang) return lang.error();
               auto services = ctx.Services();
               auto notice = service::PrivacyNoticeOf(services, *id, *lang);
               if (!notice) return notice.error();
               json::array sections;
               for (const auto& sec : notice->sections) {
                 sections.push_back(json::object{{"heading", sec.heading}, {"text", sec.text}});
               }
               return http::JsonResponse(200, json::object{{"title", notice->title}, {"sections", sections}});
             }));

  // What reviewers would see of the free text, before sending; nothing is stored. Open to anyone
  // and CPU-bound, so it is an expensive route (limited per address and in parallel), its body is
  // capped near the largest form, and the fields must fit the same limits as a submission.
  router.Add("POST", "/api/v1/jobs/{id}/redaction-preview", Wrap([&ctx](http::Request& req) -> Result<http::Response> {
               auto id = IdParam(req, "id");
               if (!id) return id.error();
               auto body = JsonBody(req);
               if (!body) return body.error();
               Submission s;
               REILU_TRY(codec::FromJson(*body, "", s));
               auto services = ctx.Services();
               auto redacted = service::PreviewRedaction(services, *id, s);
               if (!redacted) return redacted.error();
               return http::JsonResponse(200, json::object{{"free_text", codec::ToJson(*redacted)}});
             }),
             http::RouteOptions{kPreviewBodyLimit, true});

  router.Add("POST", "/api/v1/jobs/{id}/applications", Wrap([&ctx](http::Request& req) -> Result<http::Response> {
               auto id = IdParam(req, "id");
               if (!id) return id.error();
               std::string idempotency_key = req.Header("idempotency-key");
               if (idempotency_key.size() > kMaxIdempotencyKey) {
                 return MakeError(ErrorCode::kInvalidInput, "The Idempotency-Key is too long.", "Idempotency-Key");
               }
               auto body = JsonBody(req);
               if (!body) return body.error();
               service::SubmitRequest request{*id, {}, idempotency_key, crypto::Sha256Hex(req.body)};
               REILU_TRY(codec::FromJson(*body, "", request.submission));
               auto services = ctx.Services();
               auto result = service::SubmitApplication(services, std::move(request));
               if (!result) return result.error();
               json::object receipt = codec::ToJson(result->receipt);
               receipt["replayed"] = result->replayed;
               // The same secret as in the e-mailed link, so the receipt page can offer it at once.
               receipt["status_token"] = result->status_token;
               return http::JsonResponse(result->replayed ? 200 : 201, receipt);
             }),
             http::RouteOptions{kSubmissionBodyLimit, false});
}

}  // namespace reilu::api
