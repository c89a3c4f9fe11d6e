#include "service/rectification.h"

#include "codec/codec.h"
#include "service/work.h"

namespace reilu::service {

namespace {

// The owning HR specialist; others who work on the recruitment (the decision-maker too) are
// refused, others still are told it does not exist.
Result<Recruitment> LoadForRectification(Context& ctx, const User& actor, RecruitmentId id) {
  auto r = LoadForDecision(ctx, actor, id);
  if (!r) return r.error();
  if (!IsRecruitmentOwner(actor, *r)) {
    return MakeError(ErrorCode::kForbidden, "The recruitment's owner answers rectification requests.");
  }
  return r;
}

}  // namespace

Result<RectificationRequest> RequestRectification(Context& ctx, const ApplicantView& a, const std::string& what) {
  REILU_TRY(ValidateRectificationText(what));
  RectificationRequest request;
  request.recruitment_id = a.recruitment.id;
  request.application_id = a.record.application_id;
  request.what = what;
  request.received_at = ctx.now();
  auto id = ctx.store.CreateRectificationRequest(a.recruitment.org_id, request, request.received_at);
  if (!id) return id.error();
  request.id = *id;
  return request;
}

Result<std::vector<RectificationRequest>> RectificationsOf(Context& ctx, const ApplicantView& a) {
  return ctx.store.ListRectificationRequests(a.recruitment.org_id, a.recruitment.id, a.record.application_id);
}

Result<std::vector<RectificationRequest>> RectificationsFor(Context& ctx, const User& actor, RecruitmentId id,
                                                            bool with_words) {
  auto r = LoadForRectification(ctx, actor, id);
  if (!r) return r.error();
  auto requests = ctx.store.ListRectificationRequests(r->org_id, r->id, {});
  if (!requests) return requests.error();
  if (!with_words) {
    for (auto& q : *requests) {
      q.what.clear();
      q.answer.clear();
    }
  } else if (!requests->empty()) {
    boost::json::object detail{{"requests", requests->size()}};
    REILU_TRY(ctx.store.AppendAudit(
        store::AuditEvent{r->org_id, actor.id, audit_action::kRectificationRead, r->id, {}, codec::Serialize(detail)},
        ctx.now()));
  }
  return requests;
}

Status AnswerRectification(Context& ctx, const User& actor, RecruitmentId id, std::int64_t request,
                           RectificationState state, const std::string& answer) {
  auto r = LoadForRectification(ctx, actor, id);
  if (!r) return r.error();
  REILU_TRY(ValidateRectificationAnswer(state, answer));
  RectificationRequest answered;
  answered.id = request;
  answered.state = state;
  answered.answer = answer;
  answered.answered_by = actor.id;
  return ctx.store.AnswerRectificationRequest(r->org_id, r->id, answered, ctx.now());
}

}  // namespace reilu::service
