#include "core/access.h"

#include "core/policy.h"

namespace reilu {

std::string_view AccessBasisName(AccessBasis basis) {
  switch (basis) {
    case AccessBasis::kLifted:
      return "lifted";
    case AccessBasis::kNotAnonymous:
      return "not_anonymous";
    case AccessBasis::kOwnerWithReason:
      return "owner_with_reason";
    case AccessBasis::kRegistryRequest:
      return "registry_request";
    case AccessBasis::kApplicantSelf:
      return "applicant_self";
    case AccessBasis::kDecisionNotice:
      return "decision_notice";
  }
  return "lifted";
}

bool MayReviewApplications(const User& actor, const Recruitment& r) {
  if (actor.org_id != r.org_id || !actor.active) return false;
  if (actor.role == Role::kHr && actor.id == r.owner_id) return true;
  return actor.role == Role::kReviewer && r.IsReviewer(actor.id);
}

bool MayOpenApplications(const User& actor, const Recruitment& r) {
  if (actor.org_id == r.org_id && actor.active && actor.role == Role::kRegistry) return true;
  return MayReviewApplications(actor, r);
}

bool MaySeeRecruitment(const User& actor, const Recruitment& r) {
  if (actor.org_id != r.org_id || !actor.active) return false;
  if (actor.role == Role::kHr || actor.role == Role::kRegistry) return true;
  if (IsDecisionMaker(actor, r)) return true;
  return actor.role == Role::kReviewer && r.IsReviewer(actor.id);
}

Result<IdentityAccess> IdentityGate::Request(const AccessQuery& q) {
  const User& actor = q.actor;
  const Recruitment& r = q.recruitment;
  auto grant = [&](AccessBasis basis) {
    return IdentityAccess(r.org_id, r.id, q.application_id, actor.id, basis, q.reason);
  };
  auto refuse = [](const char* why) { return MakeError(ErrorCode::kForbidden, why); };

  if (actor.org_id != r.org_id || !actor.active) return refuse("Not available to this user.");

  if (actor.role == Role::kRegistry) {
    const RecordsRequest* request = q.records_request;
    if (request == nullptr || request->org_id != r.org_id || request->recruitment_id != r.id) {
      return MakeError(ErrorCode::kRecordsRequestRequired,
                       "The registry office sees identity data only for a public-records request recorded for this "
                       "recruitment.",
                       "records_request_id");
    }
    if (!RequestAllowsIdentityReads(*request)) return refuse("This records request was refused.");
    return IdentityAccess(r.org_id, r.id, q.application_id, actor.id, AccessBasis::kRegistryRequest,
                          "records request " + std::to_string(request->id));
  }
  // The decision-maker takes no part in screening: a name only once a lift made it known (which
  // in an anonymous recruitment is after the shortlist), or where nothing was anonymous.
  if (IsDecisionMaker(actor, r)) {
    if (!r.anonymous) return grant(AccessBasis::kNotAnonymous);
    if (q.application_lifted) return grant(AccessBasis::kLifted);
    return refuse("This application is anonymous until its anonymity is lifted.");
  }
  if (!MayReviewApplications(actor, r)) return refuse("Not available to this user.");
  // A declared conflict of interest ends the reviewer's part in this application, lift or not.
  if (q.actor_recused) {
    return MakeError(ErrorCode::kRecused, "You declared a conflict of interest for this application.");
  }
  if (!r.anonymous) return grant(AccessBasis::kNotAnonymous);
  if (q.application_lifted) return grant(AccessBasis::kLifted);
  if (actor.role == Role::kHr) {
    if (!IsMeaningfulReason(q.reason)) {
      return MakeError(ErrorCode::kReasonRequired,
                       "This recruitment is anonymous: viewing identity before the lift needs a recorded reason.",
                       "reason");
    }
    return grant(AccessBasis::kOwnerWithReason);
  }
  return refuse("This application is anonymous until its anonymity is lifted.");
}

IdentityAccess IdentityGate::ForApplicantSelf(const Recruitment& r, const ApplicationId& app) {
  return IdentityAccess(r.org_id, r.id, app, 0, AccessBasis::kApplicantSelf,
                        "Confirmation of the applicant's own action");
}

Result<IdentityAccess> IdentityGate::ForDecisionNotice(const User& actor, const Recruitment& r,
                                                       const ApplicationId& app) {
  if (!IsDecisionMaker(actor, r)) return MakeError(ErrorCode::kForbidden, "Not available to this user.");
  return IdentityAccess(r.org_id, r.id, app, actor.id, AccessBasis::kDecisionNotice,
                        "Sending the selection decision notice");
}

bool MaySeeApplicationsNow(const User& actor, const Recruitment& r, UnixTime now) {
  return actor.role == Role::kRegistry || IsRecruitmentOwner(actor, r) || ApplicationPeriodOver(r, now);
}

Status CheckMaySeeApplicationsNow(const User& actor, const Recruitment& r, UnixTime now) {
  if (MaySeeApplicationsNow(actor, r, now)) return OkStatus();
  return MakeError(ErrorCode::kScreeningNotOpen,
                   "Applications are shown to reviewers when the application period is over.");
}

bool IsRecruitmentOwner(const User& actor, const Recruitment& r) {
  return actor.org_id == r.org_id && actor.role == Role::kHr && actor.active && actor.id == r.owner_id;
}

bool IsDecisionMaker(const User& actor, const Recruitment& r) {
  return r.decision_maker_id != 0 && actor.id == r.decision_maker_id && actor.org_id == r.org_id &&
         actor.role == Role::kDecisionMaker && actor.active;
}

bool MayDecide(const User& actor, const Recruitment& r) {
  return r.decision_maker_id != 0 ? IsDecisionMaker(actor, r) : IsRecruitmentOwner(actor, r);
}

Status CheckLiftAllowed(const User& actor, const Recruitment& r, std::string_view reason) {
  if (!IsRecruitmentOwner(actor, r)) {
    return MakeError(ErrorCode::kForbidden, "Only the HR specialist who owns the recruitment can lift anonymity.");
  }
  if (!r.anonymous) return MakeError(ErrorCode::kConflict, "This recruitment is not anonymous.");
  if (r.state == RecruitmentState::kDraft) {
    return MakeError(ErrorCode::kConflict, "A draft has no applications to lift.");
  }
  if (!IsMeaningfulReason(reason)) {
    return MakeError(ErrorCode::kReasonRequired, "Lifting anonymity needs a recorded reason (at least 10 characters).",
                     "reason");
  }
  return OkStatus();
}

}  // namespace reilu
