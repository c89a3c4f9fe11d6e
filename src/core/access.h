// The anonymity boundary. Identity data can only be read with an IdentityAccess, and the only way
// to get one is IdentityGate::Request, which applies the rules below. The store refuses to load
// identity without one and writes every use to the audit log.
//
// Rules (for a recruitment of the caller's own organisation):
//  - anonymous recruitment, assigned reviewer: only for an application whose anonymity was lifted;
//  - anonymous recruitment, owning HR specialist: only with a stated reason (gatekeeper role);
//  - registry office (kirjaamo): only for a public-records request it recorded for this recruitment
//    and has not refused (core/records.h); the request is the reason;
//  - non-anonymous recruitment: owner and assigned reviewers; registry for a request;
//  - the decision-maker named for the recruitment: only for a lifted application (after the
//    shortlist), or in a recruitment that is not anonymous;
//  - admin and auditor: never (they see aggregates and the audit log).
#pragma once

#include <string>

#include "core/records.h"
#include "core/recruitment.h"
#include "core/result.h"
#include "core/types.h"

namespace reilu {

enum class AccessBasis {
  kLifted,           // anonymity lifted for this application by a recorded decision
  kNotAnonymous,     // the recruitment was not processed anonymously
  kOwnerWithReason,  // the owning HR specialist, with a recorded reason
  kRegistryRequest,  // registry office answering a recorded public-records request
  kApplicantSelf,    // the applicant's own action (proved by their secret link): confirming it to them
  kDecisionNotice,   // the notice of a decision the named decision-maker records: to the mail only
};
std::string_view AccessBasisName(AccessBasis basis);

// Proof that the policy allowed one actor to read one application's identity, now.
class IdentityAccess {
 public:
  OrgId org_id() const { return org_id_; }
  RecruitmentId recruitment_id() const { return recruitment_id_; }
  const ApplicationId& application_id() const { return application_id_; }
  UserId actor_id() const { return actor_id_; }
  AccessBasis basis() const { return basis_; }
  const std::string& reason() const { return reason_; }

 private:
  friend class IdentityGate;
  IdentityAccess(OrgId org, RecruitmentId rec, ApplicationId app, UserId actor, AccessBasis basis, std::string reason)
      : org_id_(org),
        recruitment_id_(rec),
        application_id_(std::move(app)),
        actor_id_(actor),
        basis_(basis),
        reason_(std::move(reason)) {}

  OrgId org_id_;
  RecruitmentId recruitment_id_;
  ApplicationId application_id_;
  UserId actor_id_;
  AccessBasis basis_;
  std::string reason_;
};

struct AccessQuery {
  const User& actor;
  const Recruitment& recruitment;
  ApplicationId application_id;
  bool application_lifted = false;                  // a lift covers this application (per applicant or for all)
  std::string reason;                               // required for the gatekeeper basis
  bool actor_recused = false;                       // the actor declared a conflict of interest for this application
  const RecordsRequest* records_request = nullptr;  // required for the registry office
};

class IdentityGate {
 public:
  static Result<IdentityAccess> Request(const AccessQuery& query);
  // For sending an applicant a confirmation of their own action (e.g. withdrawal). The caller must
  // have verified the applicant's secret; the access has no staff actor (actor id 0).
  static IdentityAccess ForApplicantSelf(const Recruitment& recruitment, const ApplicationId& application);
  // For the notice of the decision `actor` records as the recruitment's named decision-maker: the
  // identity goes into the applicant's e-mail, never to the decision-maker. Refused to anyone else.
  static Result<IdentityAccess> ForDecisionNotice(const User& actor, const Recruitment& recruitment,
                                                  const ApplicationId& application);
};

// Lifting is one-way and recorded: only the owning HR specialist of a published or closed
// anonymous recruitment may lift, and only with a reason.
Status CheckLiftAllowed(const User& actor, const Recruitment& recruitment, std::string_view reason);

// The owning HR specialist: the only one who lifts, shortlists and schedules interviews, and who
// decides unless a decision-maker is named.
bool IsRecruitmentOwner(const User& actor, const Recruitment& recruitment);

// The decision-maker named for the recruitment (an active user of that role in its organisation).
bool IsDecisionMaker(const User& actor, const Recruitment& recruitment);

// Who records the selection decision: the named decision-maker, or the owner when none is named.
bool MayDecide(const User& actor, const Recruitment& recruitment);

// Who may see a recruitment's anonymous applications: the owner and the assigned reviewers.
bool MayReviewApplications(const User& actor, const Recruitment& recruitment);

// Who may open the recruitment's application pages at all: those who review them and the registry
// office of the organisation (which reads identities only through the gate, with a reason).
bool MayOpenApplications(const User& actor, const Recruitment& recruitment);

// Who may see the recruitment itself (ad, criteria, stage): HR specialists and the registry office
// of the organisation, its assigned reviewers and its decision-maker.
bool MaySeeRecruitment(const User& actor, const Recruitment& recruitment);

// Reviewers see no application (nor how many there are) before the application period ends:
// polling would tell each pseudonym's arrival time. The owner and the registry office may.
bool MaySeeApplicationsNow(const User& actor, const Recruitment& recruitment, UnixTime now);
Status CheckMaySeeApplicationsNow(const User& actor, const Recruitment& recruitment, UnixTime now);

}  // namespace reilu
