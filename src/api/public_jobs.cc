// The public side: the job board and application submission (no account needed).
#include <algorithm>

#include "api/handler.h"
#include "api/mailer.h"
#include "crypto/crypto.h"

namespace reilu::api {

namespace {

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

bool Matches(const Recruitment& r, const std::string& q) {
  if (q.empty()) return true;
  for (const auto* text : {&r.title, &r.description}) {
    for (const auto& [lang, value] : *text) {
      if (Lower(value).find(q) != std::string::npos) return true;
    }
  }
  return false;
}

json::object PublicAd(ApiContext& ctx, const Recruitment& r) {
  json::object o = codec::ToPublicJson(r);
  o["accepting_applications"] = AcceptsApplications(r, ctx.now());
  auto organisation = ctx.store.GetOrganisation(r.org_id);
  o["organisation"] = organisation ? organisation->name : std::string();
  return o;
}

constexpr size_t kMaxIdempotencyKey = 200;
// A full form is at most a few 20 000-byte texts; JSON escaping can double that.
constexpr size_t kPreviewBodyLimit = 256 * 1024;

}  // namespace

void RegisterPublicRoutes(http::Router& router, ApiContext& ctx) {
  router.Add("GET", "/api/v1/jobs", Wrap([&ctx](http::Request& req) -> Result<http::Response> {
               std::string q = Lower(req.query["q"]);
               if (q.size() > 200) return MakeError(ErrorCode::kInvalidInput, "The search is too long.", "q");
               auto ads = ctx.store.ListOpenAds(ctx.now());
               if (!ads) return ads.error();
               json::array arr;
               for (const auto& r : *ads) {
                 if (Matches(r, q)) arr.push_back(PublicAd(ctx, r));
               }
               return http::JsonResponse(200, json::object{{"jobs", arr}});
             }));

  router.Add("GET", "/api/v1/jobs/{id}", Wrap([&ctx](http::Request& req) -> Result<http::Response> {
               auto id = IdParam(req, "id");
               if (!id) return id.error();
               auto r = ctx.store.GetPublicAd(*id);
               if (!r) return r.error();
               return http::JsonResponse(200, PublicAd(ctx, *r));
             }));

  // What reviewers would see of the free text, before sending; nothing is stored. Open to anyone
  // and CPU-bound, so it is an expensive route (limited per address and in parallel), its body is
  // capped near the largest form, and the fields must fit the same limits as a submission.
  router.Add("POST", "/api/v1/jobs/{id}/redaction-preview", Wrap([&ctx](http::Request& req) -> Result<http::Response> {
               auto id = IdParam(req, "id");
               if (!id) return id.error();
               auto body = JsonBody(req);
               if (!body) return body.error();
               auto r = ctx.store.GetPublicAd(*id);
               if (!r) return r.error();
               Submission s;
               REILU_TRY(codec::FromJson(*body, "", s));
               REILU_TRY(ValidateLengths(*r, s));
               auto redacted = ctx.redactor.Redact(s.free_text, s.identity, ReviewersLanguage(*r));
               if (!redacted) {
                 return MakeError(ErrorCode::kRedactionUnavailable,
                                  "The text could not be checked in time. You can still send it: HR checks every text "
                                  "before reviewers see it.");
               }
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
               auto r = ctx.store.GetPublicAd(*id);
               if (!r) return r.error();
               if (!AcceptsApplications(*r, ctx.now())) {
                 return MakeError(ErrorCode::kDeadlinePassed, "This recruitment no longer accepts applications.");
               }
               store::NewApplication app;
               app.recruitment = &*r;
               REILU_TRY(codec::FromJson(*body, "", app.submission));
               REILU_TRY(ValidateSubmission(*r, app.submission));
               app.redaction_proposal =
                   ctx.redactor.Redact(app.submission.free_text, app.submission.identity, ReviewersLanguage(*r));
               // Merit strings are scanned too; what was typed stays sealed with the identity.
               Merits scanned =
                   ctx.redactor.RedactMerits(app.submission.merits, app.submission.identity, ReviewersLanguage(*r));
               if (scanned != app.submission.merits) app.merits_for_reviewers = std::move(scanned);
               app.idempotency_key = idempotency_key;
               app.request_hash = crypto::Sha256Hex(req.body);
               auto sender = SenderFor(ctx, r->org_id);
               if (!sender) return sender.error();
               // The receipt is queued in the submission's own transaction.
               app.receipt_mail = [&](const Receipt& receipt) -> std::optional<store::OutgoingMail> {
                 const Identity& who = app.submission.identity;
                 std::string lang = notify::NoticeLanguage(who.language);
                 auto mail = ComposeMail(
                     *sender, ctx.now(), r->org_id, r->id,
                     MailParts{"receipt",
                               who.email,
                               notify::ReceiptText(lang, TitleIn(*r, lang), receipt.reference,
                                                   StatusLink(ctx, receipt.reference, receipt.application_id)),
                               {}});
                 if (!mail) return std::nullopt;  // no usable address: the receipt on screen is all
                 return std::move(*mail);
               };
               auto result = ctx.store.SubmitApplication(app, ctx.now());
               if (!result) return result.error();
               json::object receipt = codec::ToJson(result->receipt);
               receipt["replayed"] = result->replayed;
               // The same secret as in the e-mailed link, so the receipt page can offer it at once.
               receipt["status_token"] = ctx.store.ApplicantToken(result->receipt.application_id);
               return http::JsonResponse(result->replayed ? 200 : 201, receipt);
             }));
}

}  // namespace reilu::api
