// Recruitments for staff: create and edit drafts (the anonymity policy applied), publish (locks
// the choice), close.
#include "api/handler.h"

namespace reilu::api {

namespace {

// A unit id must name one of the recruitment's own organisation's units (0: none).
Status CheckUnitIsOwn(ApiContext& ctx, const Recruitment& r) {
  if (r.unit_id == 0) return OkStatus();
  auto units = ctx.store.ListUnits(r.org_id);
  if (!units) return units.error();
  for (const auto& u : *units) {
    if (u.id == r.unit_id) return OkStatus();
  }
  return MakeError(ErrorCode::kInvalidInput, "No such unit in your organisation.", "unit_id");
}

// Who can see a recruitment at all: HR and registry of the organisation, assigned reviewers.
bool MaySee(const User& user, const Recruitment& r) {
  if (user.org_id != r.org_id) return false;
  if (user.role == Role::kHr || user.role == Role::kRegistry) return true;
  return user.role == Role::kReviewer && r.IsReviewer(user.id);
}

Result<Recruitment> LoadVisible(ApiContext& ctx, const Caller& caller, const http::Request& req) {
  auto id = IdParam(req, "id");
  if (!id) return id.error();
  auto r = ctx.store.GetRecruitment(caller.user.org_id, *id);
  if (!r) return r.error();
  if (!MaySee(caller.user, *r)) return MakeError(ErrorCode::kNotFound, "Recruitment not found.");
  return r;
}

// The owning HR specialist's own recruitment, for the actions only the owner may take.
struct Owned {
  Caller caller;
  Recruitment recruitment;
};
Result<Owned> LoadOwned(ApiContext& ctx, const http::Request& req, const char* refusal) {
  auto caller = RequireRole(ctx, req, {Role::kHr});
  if (!caller) return caller.error();
  auto r = LoadVisible(ctx, *caller, req);
  if (!r) return r.error();
  if (r->owner_id != caller->user.id) return MakeError(ErrorCode::kForbidden, refusal);
  return Owned{std::move(*caller), std::move(*r)};
}

// Applies the anonymity request in `body` (fields anonymous, anonymity_exception_reason) through the policy.
Status ApplyAnonymity(ApiContext& ctx, const json::value& body, Recruitment& r) {
  auto f = codec::Fields::Of(body, "");
  if (!f) return f.error();
  AnonymityRequest request;
  request.anonymous = r.anonymous;
  request.exception_reason = r.anonymity_exception_reason;
  REILU_TRY(f->OptBool("anonymous", request.anonymous));
  REILU_TRY(f->Str("anonymity_exception_reason", request.exception_reason));
  auto policy = ctx.store.GetPolicy(r.org_id);
  if (!policy) return policy.error();
  auto choice = DecideAnonymity(*policy, r.employment.term, request);
  if (!choice) return choice.error();
  r.anonymous = choice->anonymous;
  r.anonymity_exception_reason = choice->exception_reason;
  return OkStatus();
}

// Saves the recruitment (with its audit entry, in one transaction) and answers with the stored state.
Result<http::Response> SaveAndShow(ApiContext& ctx, const Recruitment& r,
                                   const std::optional<store::AuditEvent>& audit) {
  REILU_TRY(ctx.store.UpdateRecruitment(r, audit, ctx.now()));
  auto saved = ctx.store.GetRecruitment(r.org_id, r.id);
  if (!saved) return saved.error();
  return http::JsonResponse(200, codec::ToJson(*saved));
}

}  // namespace

void RegisterRecruitmentRoutes(http::Router& router, ApiContext& ctx) {
  router.Add("GET", "/api/v1/recruitments", Wrap([&ctx](http::Request& req) -> Result<http::Response> {
               auto caller = RequireRole(ctx, req, {Role::kHr, Role::kReviewer, Role::kRegistry});
               if (!caller) return caller.error();
               auto list = ctx.store.ListRecruitments(caller->user.org_id);
               if (!list) return list.error();
               json::array arr;
               for (const auto& r : *list) {
                 if (MaySee(caller->user, r)) arr.push_back(codec::ToJson(r));
               }
               return http::JsonResponse(200, json::object{{"recruitments", arr}});
             }));

  router.Add("POST", "/api/v1/recruitments", Wrap([&ctx](http::Request& req) -> Result<http::Response> {
               auto caller = RequireRole(ctx, req, {Role::kHr});
               if (!caller) return caller.error();
               auto body = JsonBody(req);
               if (!body) return body.error();
               Recruitment r;
               r.org_id = caller->user.org_id;
               r.owner_id = caller->user.id;
               r.languages = {"fi"};
               REILU_TRY(codec::RecruitmentContentFromJson(*body, r));
               // Anonymity starts from the policy's default for the post's term.
               r.anonymous = true;
               r.anonymity_exception_reason.clear();
               auto policy = ctx.store.GetPolicy(r.org_id);
               if (!policy) return policy.error();
               if (policy->RuleFor(r.employment.term) == AnonymityRule::kOptional) r.anonymous = false;
               REILU_TRY(ApplyAnonymity(ctx, *body, r));
               REILU_TRY(ValidateRecruitment(r));
               REILU_TRY(CheckUnitIsOwn(ctx, r));
               auto id = ctx.store.CreateRecruitment(r, ctx.now());
               if (!id) return id.error();
               auto saved = ctx.store.GetRecruitment(r.org_id, *id);
               if (!saved) return saved.error();
               return http::JsonResponse(201, codec::ToJson(*saved));
             }));

  router.Add("GET", "/api/v1/recruitments/{id}", Wrap([&ctx](http::Request& req) -> Result<http::Response> {
               auto caller = Authenticate(ctx, req);
               if (!caller) return caller.error();
               auto r = LoadVisible(ctx, *caller, req);
               if (!r) return r.error();
               json::object out = codec::ToJson(*r);
               // The count is withheld from reviewers until the period ends (arrivals would show).
               if (MaySeeApplicationsNow(caller->user, *r, ctx.now())) {
                 auto count = ctx.store.CountApplications(r->org_id, r->id);
                 if (!count) return count.error();
                 out["application_count"] = *count;
               }
               return http::JsonResponse(200, out);
             }));

  router.Add("PATCH", "/api/v1/recruitments/{id}", Wrap([&ctx](http::Request& req) -> Result<http::Response> {
               auto owned = LoadOwned(ctx, req, "Only the owner can edit.");
               if (!owned) return owned.error();
               Caller* caller = &owned->caller;
               Recruitment* r = &owned->recruitment;
               REILU_TRY(CheckEditable(*r));
               auto body = JsonBody(req);
               if (!body) return body.error();
               auto f = codec::Fields::Of(*body, "");
               if (!f) return f.error();
               std::int64_t expected = r->version;
               REILU_TRY(f->Int("version", expected));
               if (expected != r->version) {
                 return MakeError(ErrorCode::kConflict,
                                  "The recruitment was changed by someone else; reload and try again.");
               }
               REILU_TRY(codec::RecruitmentContentFromJson(*body, *r));
               REILU_TRY(ApplyAnonymity(ctx, *body, *r));
               REILU_TRY(ValidateRecruitment(*r));
               REILU_TRY(CheckUnitIsOwn(ctx, *r));
               std::optional<store::AuditEvent> audit;
               if (!r->anonymous) {
                 audit = store::AuditEvent{r->org_id,
                                           caller->user.id,
                                           audit_action::kPolicyException,
                                           r->id,
                                           {},
                                           codec::Serialize(json::object{{"reason", r->anonymity_exception_reason}})};
               }
               return SaveAndShow(ctx, *r, audit);
             }));

  router.Add(
      "POST", "/api/v1/recruitments/{id}/publish", Wrap([&ctx](http::Request& req) -> Result<http::Response> {
        auto owned = LoadOwned(ctx, req, "Only the owner can publish.");
        if (!owned) return owned.error();
        Caller* caller = &owned->caller;
        Recruitment* r = &owned->recruitment;
        // The policy is applied again: it may have changed since the draft was saved.
        auto policy = ctx.store.GetPolicy(r->org_id);
        if (!policy) return policy.error();
        auto choice =
            DecideAnonymity(*policy, r->employment.term, AnonymityRequest{r->anonymous, r->anonymity_exception_reason});
        if (!choice) return choice.error();
        REILU_TRY(CheckPublishable(*r, ctx.now()));
        r->state = RecruitmentState::kPublished;
        r->published_at = ctx.now();
        json::object detail{{"anonymous", r->anonymous}, {"term", EmploymentTermName(r->employment.term)}};
        return SaveAndShow(
            ctx, *r,
            store::AuditEvent{r->org_id, caller->user.id, audit_action::kPublish, r->id, {}, codec::Serialize(detail)});
      }));

  router.Add("POST", "/api/v1/recruitments/{id}/close", Wrap([&ctx](http::Request& req) -> Result<http::Response> {
               auto owned = LoadOwned(ctx, req, "Only the owner can close.");
               if (!owned) return owned.error();
               Caller* caller = &owned->caller;
               Recruitment* r = &owned->recruitment;
               if (r->state != RecruitmentState::kPublished)
                 return MakeError(ErrorCode::kConflict, "Only a published recruitment can be closed.");
               r->state = RecruitmentState::kClosed;
               return SaveAndShow(ctx, *r,
                                  store::AuditEvent{r->org_id, caller->user.id, audit_action::kClose, r->id, {}, "{}"});
             }));
}

}  // namespace reilu::api
