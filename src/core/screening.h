// Anonymous screening: reviewers score each application per criterion, may recuse themselves,
// and the owner's shortlist freezes every anonymous-stage score. Pure rules, no I/O.
#pragma once

#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/recruitment.h"
#include "core/result.h"
#include "core/types.h"

namespace reilu {

inline constexpr int kMinScore = 1;
inline constexpr int kMaxScore = 5;
// Reviewers who differ by this many points on a criterion should talk before the shortlist.
inline constexpr int kDisagreementGap = 2;

struct Score {
  ApplicationId application_id;
  UserId reviewer_id = 0;
  std::string criterion_id;
  int value = 0;
  std::string justification;  // optional, why this score (evidence for the decision and appeals)
};

// One formal requirement of the post (a degree, a licence, a language skill) and whether the
// application meets it: a fact, not a score.
struct RequirementCheck {
  std::string requirement;
  bool met = false;
  bool operator==(const RequirementCheck&) const = default;
};

// Whether an application meets the post's formal requirements (kelpoisuus), judged by the owner
// from the anonymous merits, requirement by requirement where the owner lists them. An ineligible
// one needs a reason (the unmet requirements serve as one), leaves scoring and the ranking, cannot
// be shortlisted or selected, and its notice says why. Reviewers see the result, not the reason.
struct EligibilityAssessment {
  bool eligible = true;
  std::string reason;
  UserId assessed_by = 0;
  UnixTime assessed_at = 0;
  std::vector<RequirementCheck> requirements;  // optional; when given, eligible = every one met
};
inline constexpr size_t kMaxEligibilityReason = 1000;
inline constexpr size_t kMaxRequirements = 20;
inline constexpr size_t kMaxRequirementText = 200;

// What the store knows about a recruitment's screening, as the rules need it.
struct ScreeningState {
  std::set<ApplicationId> applications;  // every application that was received
  std::set<ApplicationId> withdrawn;
  std::set<std::pair<ApplicationId, UserId>> recusals;
  bool frozen = false;  // the shortlist was chosen: anonymous-stage scores are final
  UnixTime frozen_at = 0;
  std::set<ApplicationId> shortlist;
  std::map<ApplicationId, EligibilityAssessment> eligibility;  // assessed ones only

  // Found ineligible (not: not assessed yet).
  bool IsIneligible(const ApplicationId& app) const {
    auto it = eligibility.find(app);
    return it != eligibility.end() && !it->second.eligible;
  }
  bool IsRecused(const ApplicationId& app, UserId reviewer) const { return recusals.count({app, reviewer}) > 0; }
  bool IsActive(const ApplicationId& app) const { return applications.count(app) && !withdrawn.count(app); }
};

// A score's own shape: a known criterion, 1..5, a justification of bounded length.
Status ValidateScore(const Recruitment& r, const Score& score);

// May `actor` score `app` now? An assigned reviewer, after the application period, before the
// shortlist, not recused, the application not withdrawn.
Status CheckMayScore(const User& actor, const Recruitment& r, const ScreeningState& s, const ApplicationId& app,
                     UnixTime now);

// Has `reviewer` scored every criterion of `app`? Until then, others' scores stay hidden from them.
bool OwnScoresComplete(const Recruitment& r, const std::vector<Score>& scores, const ApplicationId& app,
                       UserId reviewer);

// May `actor` see the other reviewers' scores of `app`? The owner always; a reviewer once their own
// scores for it are in.
bool MaySeeOthersScores(const User& actor, const Recruitment& r, const std::vector<Score>& scores,
                        const ApplicationId& app);

struct CriterionResult {
  std::string criterion_id;
  int count = 0;
  double mean = 0;
  int min = 0;
  int max = 0;
  bool disagreement = false;  // max - min >= kDisagreementGap
};

struct RankedApplication {
  ApplicationId application_id;
  int rank = 0;               // 1 = best; equal scores share a rank
  double weighted_score = 0;  // weighted mean of the criterion means, 1..5 (0: no scores)
  int reviewers = 0;          // reviewers who scored it
  bool complete = false;      // every non-recused reviewer scored every criterion
  bool disagreement = false;  // on any criterion
  std::vector<CriterionResult> criteria;
};

// The combined ranking of the active applications, best first; unscored ones last. Recused
// reviewers' scores must not be in `scores` (the store removes them).
std::vector<RankedApplication> RankApplications(const Recruitment& r, const ScreeningState& s,
                                                const std::vector<Score>& scores);

// May `actor` recuse from `app`? An assigned reviewer, before the shortlist, once.
Status CheckMayRecuse(const User& actor, const Recruitment& r, const ScreeningState& s, const ApplicationId& app);

// May `actor` record this eligibility? The owner, after the application period and before the
// shortlist, for an active application; "not eligible" with a reason of bounded length (filled in
// with the unmet requirements when none is written); requirements consistent with the verdict.
Status CheckEligibilityAssessment(const User& actor, const Recruitment& r, const ScreeningState& s,
                                  const ApplicationId& app, EligibilityAssessment& assessment, UnixTime now);

// May `actor` choose this shortlist? The owner, after the application period, once, with at
// least one active application and only active, not ineligible ones.
Status CheckShortlist(const User& actor, const Recruitment& r, const ScreeningState& s,
                      const std::vector<ApplicationId>& chosen, UnixTime now);

// In an anonymous recruitment, anonymity is lifted only after the shortlist froze the scores, and
// only for shortlisted applications: the others stay anonymous to reviewers for good.
Status CheckLiftTargets(const Recruitment& r, const ScreeningState& s, const std::vector<ApplicationId>& targets);

// Where a recruitment stands, as the desk and the list of recruitments name it: draft, collecting
// (the application period runs), screening, shortlisted (interviewees chosen), decided.
std::string_view RecruitmentStage(const Recruitment& r, bool shortlisted, bool decided, UnixTime now);

}  // namespace reilu
