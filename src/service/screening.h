// Anonymous screening: scores per criterion, recusal, the shortlist that freezes every score, and
// lifting anonymity for those invited. Each use case is one transaction with its audit entry.
#pragma once

#include <boost/json.hpp>
#include <string>
#include <vector>

#include "service/context.h"

namespace reilu::service {

// The recruitment's screening state and every score.
struct ScreeningData {
  ScreeningState state;
  std::vector<Score> scores;
};
Result<ScreeningData> ScreeningOf(Context& ctx, const Recruitment& r);
// ScreeningOf for a staff member's screening work: the registry office takes no part (kForbidden).
Result<ScreeningData> LoadScreening(Context& ctx, const User& actor, const Recruitment& r);

// Saves the reviewer's scores for one application (upserted per criterion).
Status SaveScores(Context& ctx, const User& actor, RecruitmentId id, const ApplicationId& app,
                  std::vector<Score> scores);

// "I recognise this applicant": ends the reviewer's access to the application and deletes their
// scores for it, recorded with the reason.
Status Recuse(Context& ctx, const User& actor, RecruitmentId id, const ApplicationId& app, const std::string& reason);

// The owner's assessment of whether an application meets the post's formal requirements; may
// change until the shortlist. Returns it as stored.
Result<EligibilityAssessment> AssessEligibility(Context& ctx, const User& actor, RecruitmentId id,
                                                const ApplicationId& app, bool eligible, std::string reason,
                                                std::vector<RequirementCheck> requirements = {});

struct Shortlisted {
  ApplicationId application_id;
  std::string pseudonym;
};
// Records the shortlist, freezes every score and tells the reviewers by pseudonym.
Result<std::vector<Shortlisted>> Shortlist(Context& ctx, const User& actor, RecruitmentId id,
                                           const std::vector<ApplicationId>& applications, const std::string& reason);

// Lifts anonymity for `applications`; `all` means everyone on the shortlist (the others stay
// anonymous for good). Returns the lift state afterwards.
Result<store::LiftState> Lift(Context& ctx, const User& actor, RecruitmentId id,
                              std::vector<ApplicationId> applications, bool all, const std::string& reason);

// The combined ranking (pseudonyms, weighted scores, disagreement) as JSON: what the owner sees and
// what the decision keeps as its snapshot.
Result<boost::json::array> RankingJson(Context& ctx, const Recruitment& r, const ScreeningState& s,
                                       const std::vector<Score>& scores);

}  // namespace reilu::service
