#include "core/screening.h"

#include <algorithm>
#include <map>

#include "core/access.h"

namespace reilu {

namespace {

constexpr size_t kMaxJustification = 4000;

bool HasCriterion(const Recruitment& r, std::string_view id) {
  return std::any_of(r.criteria.begin(), r.criteria.end(), [&](const Criterion& c) { return c.id == id; });
}

bool IsAssignedReviewer(const User& actor, const Recruitment& r) {
  return actor.org_id == r.org_id && actor.role == Role::kReviewer && actor.active && r.IsReviewer(actor.id);
}

Status CheckActive(const ScreeningState& s, const ApplicationId& app) {
  if (!s.applications.count(app)) return MakeError(ErrorCode::kNotFound, "Application not found.");
  if (s.withdrawn.count(app)) return MakeError(ErrorCode::kWithdrawn, "The applicant withdrew this application.");
  return OkStatus();
}

}  // namespace

Status ValidateScore(const Recruitment& r, const Score& score) {
  if (!HasCriterion(r, score.criterion_id)) {
    return MakeError(ErrorCode::kInvalidInput, "No such criterion in this recruitment.", "criterion_id");
  }
  if (score.value < kMinScore || score.value > kMaxScore) {
    return MakeError(ErrorCode::kInvalidInput, "A score is a whole number from 1 to 5.", "value");
  }
  if (score.justification.size() > kMaxJustification) {
    return MakeError(ErrorCode::kInvalidInput, "The justification is too long (at most 4000 bytes).", "justification");
  }
  return OkStatus();
}

Status CheckMayScore(const User& actor, const Recruitment& r, const ScreeningState& s, const ApplicationId& app,
                     UnixTime now) {
  if (!IsAssignedReviewer(actor, r)) {
    return MakeError(ErrorCode::kForbidden, "Only the reviewers assigned to this recruitment score applications.");
  }
  if (!ApplicationPeriodOver(r, now)) {
    return MakeError(ErrorCode::kScreeningNotOpen, "Scoring starts when the application period is over.");
  }
  if (s.frozen) {
    return MakeError(ErrorCode::kScoresFrozen, "The shortlist has been chosen: the screening scores are final.");
  }
  REILU_TRY(CheckActive(s, app));
  if (s.IsRecused(app, actor.id)) {
    return MakeError(ErrorCode::kRecused, "You declared a conflict of interest for this application.");
  }
  if (s.IsIneligible(app)) {
    return MakeError(ErrorCode::kNotEligible, "An application found not eligible is not scored.");
  }
  return OkStatus();
}

bool OwnScoresComplete(const Recruitment& r, const std::vector<Score>& scores, const ApplicationId& app,
                       UserId reviewer) {
  std::set<std::string> scored;
  for (const auto& sc : scores) {
    if (sc.application_id == app && sc.reviewer_id == reviewer) scored.insert(sc.criterion_id);
  }
  return std::all_of(r.criteria.begin(), r.criteria.end(), [&](const Criterion& c) { return scored.count(c.id); });
}

bool MaySeeOthersScores(const User& actor, const Recruitment& r, const std::vector<Score>& scores,
                        const ApplicationId& app) {
  if (IsRecruitmentOwner(actor, r)) return true;
  return IsAssignedReviewer(actor, r) && OwnScoresComplete(r, scores, app, actor.id);
}

std::vector<RankedApplication> RankApplications(const Recruitment& r, const ScreeningState& s,
                                                const std::vector<Score>& scores) {
  // application -> criterion -> values
  std::map<ApplicationId, std::map<std::string, std::vector<int>>> values;
  std::map<ApplicationId, std::set<UserId>> scorers;
  for (const auto& sc : scores) {
    if (!s.IsActive(sc.application_id) || s.IsRecused(sc.application_id, sc.reviewer_id)) continue;
    values[sc.application_id][sc.criterion_id].push_back(sc.value);
    scorers[sc.application_id].insert(sc.reviewer_id);
  }
  std::vector<RankedApplication> out;
  for (const auto& app : s.applications) {
    // Ineligible applications leave the ranking (their scores stay, should the call change).
    if (!s.IsActive(app) || s.IsIneligible(app)) continue;
    RankedApplication ranked;
    ranked.application_id = app;
    ranked.reviewers = static_cast<int>(scorers[app].size());
    size_t expected_reviewers = 0;
    for (UserId reviewer : r.reviewer_ids) expected_reviewers += s.IsRecused(app, reviewer) ? 0 : 1;
    ranked.complete = expected_reviewers > 0;
    double weighted_sum = 0;
    int weight_sum = 0;
    for (const auto& c : r.criteria) {
      CriterionResult cr;
      cr.criterion_id = c.id;
      const auto& v = values[app][c.id];
      cr.count = static_cast<int>(v.size());
      if (!v.empty()) {
        auto [lo, hi] = std::minmax_element(v.begin(), v.end());
        cr.min = *lo;
        cr.max = *hi;
        double sum = 0;
        for (int x : v) sum += x;
        cr.mean = sum / static_cast<double>(v.size());
        cr.disagreement = cr.max - cr.min >= kDisagreementGap;
        weighted_sum += cr.mean * c.weight;
        weight_sum += c.weight;
      }
      ranked.disagreement = ranked.disagreement || cr.disagreement;
      ranked.complete = ranked.complete && v.size() >= expected_reviewers;
      ranked.criteria.push_back(cr);
    }
    ranked.weighted_score = weight_sum > 0 ? weighted_sum / weight_sum : 0;
    out.push_back(std::move(ranked));
  }
  // Best first; ties by application id only to be deterministic (ids are random, not arrival order).
  std::sort(out.begin(), out.end(), [](const RankedApplication& a, const RankedApplication& b) {
    if (a.weighted_score != b.weighted_score) return a.weighted_score > b.weighted_score;
    return a.application_id < b.application_id;
  });
  for (size_t i = 0; i < out.size(); ++i) {
    bool tie = i > 0 && out[i].weighted_score == out[i - 1].weighted_score;
    out[i].rank = tie ? out[i - 1].rank : static_cast<int>(i) + 1;
  }
  return out;
}

Status CheckMayRecuse(const User& actor, const Recruitment& r, const ScreeningState& s, const ApplicationId& app) {
  if (!IsAssignedReviewer(actor, r)) {
    return MakeError(ErrorCode::kForbidden, "Only an assigned reviewer can declare a conflict of interest.");
  }
  if (s.frozen) {
    return MakeError(ErrorCode::kScoresFrozen, "The shortlist has been chosen: the screening is over.");
  }
  REILU_TRY(CheckActive(s, app));
  if (s.IsRecused(app, actor.id)) return MakeError(ErrorCode::kRecused, "You have already recused yourself.");
  return OkStatus();
}

Status CheckEligibilityAssessment(const User& actor, const Recruitment& r, const ScreeningState& s,
                                  const ApplicationId& app, EligibilityAssessment& assessment, UnixTime now) {
  if (!IsRecruitmentOwner(actor, r)) {
    return MakeError(ErrorCode::kForbidden, "Only the HR specialist who owns the recruitment assesses eligibility.");
  }
  if (!ApplicationPeriodOver(r, now)) {
    return MakeError(ErrorCode::kScreeningNotOpen, "Eligibility is assessed after the application period.");
  }
  if (s.frozen) {
    return MakeError(ErrorCode::kScoresFrozen, "The shortlist has been chosen: eligibility can no longer change.");
  }
  REILU_TRY(CheckActive(s, app));
  if (assessment.requirements.size() > kMaxRequirements) {
    return MakeError(ErrorCode::kInvalidInput, "At most 20 requirements.", "requirements");
  }
  std::string unmet;
  for (const auto& c : assessment.requirements) {
    if (c.requirement.find_first_not_of(" \t\r\n") == std::string::npos || c.requirement.size() > kMaxRequirementText) {
      return MakeError(ErrorCode::kInvalidInput, "Name each requirement (at most 200 bytes).", "requirements");
    }
    if (!c.met) unmet += (unmet.empty() ? "" : "; ") + c.requirement;
  }
  if (!assessment.requirements.empty() && assessment.eligible != unmet.empty()) {
    return MakeError(ErrorCode::kInvalidInput, "Eligible exactly when every listed requirement is met.", "eligible");
  }
  const bool no_reason = assessment.reason.find_first_not_of(" \t\r\n") == std::string::npos;
  if (!assessment.eligible && no_reason && !unmet.empty()) assessment.reason = unmet;
  if (!assessment.eligible && assessment.reason.find_first_not_of(" \t\r\n") == std::string::npos) {
    return MakeError(ErrorCode::kReasonRequired, "Say which requirement the application does not meet.", "reason");
  }
  if (assessment.reason.size() > kMaxEligibilityReason) {
    return MakeError(ErrorCode::kInvalidInput, "The reason is too long (at most 1000 bytes).", "reason");
  }
  return OkStatus();
}

Status CheckShortlist(const User& actor, const Recruitment& r, const ScreeningState& s,
                      const std::vector<ApplicationId>& chosen, UnixTime now) {
  if (!IsRecruitmentOwner(actor, r)) {
    return MakeError(ErrorCode::kForbidden, "Only the HR specialist who owns the recruitment chooses the shortlist.");
  }
  if (!ApplicationPeriodOver(r, now)) {
    return MakeError(ErrorCode::kScreeningNotOpen, "The shortlist is chosen after the application period.");
  }
  if (s.frozen) return MakeError(ErrorCode::kScoresFrozen, "The shortlist has already been chosen.");
  if (chosen.empty()) {
    return MakeError(ErrorCode::kInvalidInput, "Choose at least one application for the shortlist.", "application_ids");
  }
  std::set<ApplicationId> seen;
  for (const auto& app : chosen) {
    REILU_TRY(CheckActive(s, app));
    if (s.IsIneligible(app)) {
      return MakeError(ErrorCode::kNotEligible, "An application found not eligible cannot be shortlisted.",
                       "application_ids");
    }
    if (!seen.insert(app).second) {
      return MakeError(ErrorCode::kInvalidInput, "An application is listed twice.", "application_ids");
    }
  }
  return OkStatus();
}

Status CheckLiftTargets(const Recruitment& r, const ScreeningState& s, const std::vector<ApplicationId>& targets) {
  if (!r.anonymous) return OkStatus();
  if (!s.frozen) {
    return MakeError(ErrorCode::kNotShortlisted,
                     "Choose the shortlist first: it freezes the anonymous-stage scores before anyone is identified.");
  }
  for (const auto& app : targets) {
    if (!s.shortlist.count(app)) {
      return MakeError(ErrorCode::kNotShortlisted,
                       "Anonymity is lifted only for shortlisted applications; the others stay anonymous.",
                       "application_ids");
    }
  }
  return OkStatus();
}

std::string_view RecruitmentStage(const Recruitment& r, bool shortlisted, bool decided, UnixTime now) {
  if (decided) return "decided";
  if (shortlisted) return "shortlisted";
  if (r.state == RecruitmentState::kDraft) return "draft";
  if (ApplicationPeriodOver(r, now)) return "screening";
  return "collecting";
}

}  // namespace reilu
