// Applicant self-service without an account: the reference code and the secret from the e-mailed
// link (sent in the body, never in a URL) let an applicant follow the application and withdraw it.
#include "api/handler.h"
#include "api/mailer.h"
#include "crypto/crypto.h"

namespace reilu::api {

namespace {

struct Applicant {
  store::ApplicantRecord record;
  Recruitment recruitment;
};

Result<Applicant> Identify(ApiContext& ctx, const http::Request& req) {
  auto f = JsonFields(req);
  if (!f) return f.error();
  std::string reference, token;
  REILU_TRY(f->Str("reference", reference, true));
  REILU_TRY(f->Str("token", token, true));
  // One answer for every failure, so the endpoint does not tell which references exist.
  Error unknown = MakeError(ErrorCode::kNotFound, "No application matches this reference code and link.");
  if (reference.size() > 64 || token.size() > 128) return unknown;
  auto record = ctx.store.FindByReference(reference);
  if (!record) return record.error().code == ErrorCode::kNotFound ? unknown : record.error();
  if (!crypto::ConstantTimeEquals(token, ctx.store.ApplicantToken(record->application_id))) return unknown;
  auto r = ctx.store.GetRecruitment(record->org_id, record->recruitment_id);
  if (!r) return r.error();
  return Applicant{std::move(*record), std::move(*r)};
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
        const Recruitment& r = a->recruitment;
        if (a->record.withdrawn) {
          return MakeError(ErrorCode::kWithdrawn, "The application has already been withdrawn.");
        }
        // The confirmation goes to the address in the application (read by the system, audited).
        auto sender = SenderFor(ctx, r.org_id);
        if (!sender) return sender.error();
        std::optional<store::OutgoingMail> mail;
        {
          auto full = ctx.store.ReadIdentity(IdentityGate::ForApplicantSelf(r, a->record.application_id), ctx.now());
          if (full) {
            std::string lang = notify::NoticeLanguage(full->identity.language);
            auto composed = ComposeMail(*sender, ctx.now(), r.org_id, r.id,
                                        MailParts{"withdrawal",
                                                  full->identity.email,
                                                  notify::WithdrawalText(lang, TitleIn(r, lang), a->record.reference),
                                                  {}});
            if (composed) mail = std::move(*composed);
          }
        }
        REILU_TRY(ctx.store.Withdraw(a->record, mail, ctx.now()));
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
