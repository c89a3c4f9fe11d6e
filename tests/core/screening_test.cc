#include "core/screening.h"

#include <gtest/gtest.h>

#include "core/selection.h"

namespace reilu {
namespace {

constexpr UnixTime kNow = 1'800'000'000;

class ScreeningTest : public ::testing::Test {
 protected:
  void SetUp() override {
    r.id = 7;
    r.org_id = 1;
    r.owner_id = 10;
    r.state = RecruitmentState::kPublished;
    r.deadline = kNow - 1;
    r.criteria = {{"exp", {{"fi", "Kokemus"}}, 3, {}}, {"edu", {{"fi", "Koulutus"}}, 1, {}}};
    r.reviewer_ids = {20, 21};
    s.applications = {"a", "b", "c"};
  }
  User Reviewer(UserId id) const { return User{id, 1, "r", "R", "", Role::kReviewer, true}; }
  User Owner() const { return User{10, 1, "hr", "HR", "", Role::kHr, true}; }

  Recruitment r;
  ScreeningState s;
};

TEST_F(ScreeningTest, ScoringOpensAfterThePeriodAndClosesAtTheShortlist) {
  EXPECT_TRUE(CheckMayScore(Reviewer(20), r, s, "a", kNow).ok());
  Recruitment open = r;
  open.deadline = kNow + 100;
  EXPECT_EQ(CheckMayScore(Reviewer(20), open, s, "a", kNow).error().code, ErrorCode::kScreeningNotOpen);
  open.state = RecruitmentState::kClosed;  // closed early by the owner
  EXPECT_TRUE(CheckMayScore(Reviewer(20), open, s, "a", kNow).ok());
  s.frozen = true;
  EXPECT_EQ(CheckMayScore(Reviewer(20), r, s, "a", kNow).error().code, ErrorCode::kScoresFrozen);
}

TEST_F(ScreeningTest, OnlyAssignedReviewersScoreAndRecusalEndsIt) {
  EXPECT_EQ(CheckMayScore(Reviewer(99), r, s, "a", kNow).error().code, ErrorCode::kForbidden);
  EXPECT_EQ(CheckMayScore(Owner(), r, s, "a", kNow).error().code, ErrorCode::kForbidden);
  EXPECT_TRUE(CheckMayRecuse(Reviewer(21), r, s, "b").ok());
  s.recusals.insert({"b", 21});
  EXPECT_EQ(CheckMayScore(Reviewer(21), r, s, "b", kNow).error().code, ErrorCode::kRecused);
  EXPECT_EQ(CheckMayRecuse(Reviewer(21), r, s, "b").error().code, ErrorCode::kRecused);
  EXPECT_TRUE(CheckMayScore(Reviewer(20), r, s, "b", kNow).ok());
  s.withdrawn.insert("c");
  EXPECT_EQ(CheckMayScore(Reviewer(20), r, s, "c", kNow).error().code, ErrorCode::kWithdrawn);
  EXPECT_EQ(CheckMayScore(Reviewer(20), r, s, "zzz", kNow).error().code, ErrorCode::kNotFound);
}

TEST_F(ScreeningTest, ScoreShape) {
  EXPECT_TRUE(ValidateScore(r, Score{"a", 20, "exp", 5, ""}).ok());
  EXPECT_FALSE(ValidateScore(r, Score{"a", 20, "exp", 0, ""}).ok());
  EXPECT_FALSE(ValidateScore(r, Score{"a", 20, "exp", 6, ""}).ok());
  EXPECT_FALSE(ValidateScore(r, Score{"a", 20, "nope", 3, ""}).ok());
  EXPECT_FALSE(ValidateScore(r, Score{"a", 20, "exp", 3, std::string(5000, 'x')}).ok());
}

TEST_F(ScreeningTest, OthersScoresHiddenUntilOwnAreComplete) {
  std::vector<Score> scores = {{"a", 21, "exp", 4, ""}, {"a", 21, "edu", 4, ""}, {"a", 20, "exp", 2, ""}};
  EXPECT_FALSE(MaySeeOthersScores(Reviewer(20), r, scores, "a"));
  scores.push_back({"a", 20, "edu", 3, ""});
  EXPECT_TRUE(MaySeeOthersScores(Reviewer(20), r, scores, "a"));
  EXPECT_TRUE(MaySeeOthersScores(Owner(), r, {}, "a"));
}

TEST_F(ScreeningTest, RankingIsWeightedFlagsDisagreementAndSharesTies) {
  std::vector<Score> scores = {
      {"a", 20, "exp", 5, ""}, {"a", 21, "exp", 3, ""}, {"a", 20, "edu", 1, ""}, {"a", 21, "edu", 1, ""},
      {"b", 20, "exp", 4, ""}, {"b", 21, "exp", 4, ""}, {"b", 20, "edu", 1, ""}, {"b", 21, "edu", 1, ""},
      {"c", 20, "exp", 1, ""}, {"c", 20, "edu", 5, ""},
  };
  auto ranking = RankApplications(r, s, scores);
  ASSERT_EQ(ranking.size(), 3u);
  // a and b: exp mean 4 (weight 3), edu 1 (weight 1) → (12 + 1) / 4 = 3.25; c: (3 + 5) / 4 = 2.
  EXPECT_DOUBLE_EQ(ranking[0].weighted_score, 3.25);
  EXPECT_DOUBLE_EQ(ranking[1].weighted_score, 3.25);
  EXPECT_EQ(ranking[0].rank, 1);
  EXPECT_EQ(ranking[1].rank, 1);
  EXPECT_EQ(ranking[2].application_id, "c");
  EXPECT_EQ(ranking[2].rank, 3);
  EXPECT_FALSE(ranking[2].complete);  // reviewer 21 has not scored c
  for (const auto& ra : ranking) {
    if (ra.application_id == "a") {
      EXPECT_TRUE(ra.disagreement);  // 5 vs 3 on exp
      EXPECT_TRUE(ra.complete);
    }
    if (ra.application_id == "b") {
      EXPECT_FALSE(ra.disagreement);
    }
  }
}

TEST_F(ScreeningTest, RecusedAndWithdrawnAreLeftOutOfTheRanking) {
  std::vector<Score> scores = {{"a", 20, "exp", 5, ""}, {"a", 21, "exp", 1, ""}, {"b", 20, "exp", 3, ""}};
  s.recusals.insert({"a", 21});
  s.withdrawn.insert("c");
  auto ranking = RankApplications(r, s, scores);
  ASSERT_EQ(ranking.size(), 2u);
  EXPECT_EQ(ranking[0].application_id, "a");
  EXPECT_EQ(ranking[0].reviewers, 1);
  EXPECT_FALSE(ranking[0].disagreement);
}

TEST_F(ScreeningTest, ShortlistRulesAndLiftTargets) {
  EXPECT_EQ(CheckShortlist(Reviewer(20), r, s, {"a"}, kNow).error().code, ErrorCode::kForbidden);
  EXPECT_FALSE(CheckShortlist(Owner(), r, s, {}, kNow).ok());
  EXPECT_FALSE(CheckShortlist(Owner(), r, s, {"a", "a"}, kNow).ok());
  EXPECT_TRUE(CheckShortlist(Owner(), r, s, {"a", "b"}, kNow).ok());
  EXPECT_EQ(CheckLiftTargets(r, s, {"a"}).error().code, ErrorCode::kNotShortlisted);
  s.frozen = true;
  s.shortlist = {"a", "b"};
  EXPECT_TRUE(CheckLiftTargets(r, s, {"a", "b"}).ok());
  EXPECT_EQ(CheckLiftTargets(r, s, {"c"}).error().code, ErrorCode::kNotShortlisted);
  EXPECT_EQ(CheckShortlist(Owner(), r, s, {"c"}, kNow).error().code, ErrorCode::kScoresFrozen);
}

TEST_F(ScreeningTest, EligibilityIsTheOwnersWithAReasonAndGatesTheShortlist) {
  const EligibilityAssessment yes{true, "", 10, kNow, {}};
  const EligibilityAssessment no{false, "Ei vaadittua tutkintoa", 10, kNow, {}};
  // Checked on a copy: the check may fill in the reason.
  auto check = [&](const User& who, const Recruitment& rec, const ApplicationId& app, EligibilityAssessment a) {
    return CheckEligibilityAssessment(who, rec, s, app, a, kNow);
  };
  EXPECT_TRUE(check(Owner(), r, "a", yes).ok());
  EXPECT_EQ(check(Reviewer(20), r, "a", yes).error().code, ErrorCode::kForbidden);
  EXPECT_EQ(check(Owner(), r, "a", {false, " \n", 10, kNow, {}}).error().code, ErrorCode::kReasonRequired);
  EXPECT_EQ(check(Owner(), r, "a", {false, std::string(1001, 'x'), 10, kNow, {}}).error().field, "reason");
  EXPECT_EQ(check(Owner(), r, "zzz", yes).error().code, ErrorCode::kNotFound);
  Recruitment open = r;
  open.deadline = kNow + 100;
  EXPECT_EQ(check(Owner(), open, "a", no).error().code, ErrorCode::kScreeningNotOpen);
  EXPECT_TRUE(check(Owner(), r, "b", no).ok());
  // Requirement by requirement: the verdict follows the facts, and the unmet ones are the reason.
  EligibilityAssessment facts{false, "", 10, kNow, {{"Sosionomi (AMK)", false}, {"B-ajokortti", true}}};
  ASSERT_TRUE(CheckEligibilityAssessment(Owner(), r, s, "b", facts, kNow).ok());
  EXPECT_EQ(facts.reason, "Sosionomi (AMK)");
  EXPECT_EQ(check(Owner(), r, "b", {true, "", 10, kNow, {{"Sosionomi (AMK)", false}}}).error().field, "eligible");
  EXPECT_EQ(check(Owner(), r, "b", {true, "", 10, kNow, {{" ", true}}}).error().field, "requirements");

  s.eligibility["b"] = no;
  s.eligibility["a"] = yes;
  EXPECT_TRUE(s.IsIneligible("b"));
  EXPECT_FALSE(s.IsIneligible("a"));
  EXPECT_FALSE(s.IsIneligible("c"));  // not assessed is not ineligible
  EXPECT_EQ(CheckShortlist(Owner(), r, s, {"a", "b"}, kNow).error().code, ErrorCode::kNotEligible);
  EXPECT_TRUE(CheckShortlist(Owner(), r, s, {"a", "c"}, kNow).ok());
  // Not scored, not ranked.
  EXPECT_EQ(CheckMayScore(Reviewer(20), r, s, "b", kNow).error().code, ErrorCode::kNotEligible);
  for (const auto& ranked : RankApplications(r, s, {})) EXPECT_NE(ranked.application_id, "b");
  s.frozen = true;
  EXPECT_EQ(check(Owner(), r, "a", no).error().code, ErrorCode::kScoresFrozen);
  // Nor selected where no shortlist was needed (an open recruitment).
  Recruitment open_process = r;
  open_process.anonymous = false;
  EXPECT_EQ(
      MakeDecision(Owner(), open_process, s, {{"b", Outcome::kSelected}}, std::string(40, 'x'), kNow, 14).error().code,
      ErrorCode::kNotEligible);
}

TEST_F(ScreeningTest, AnOfferFallsThroughOnADeclineOrAFailedConditionAndOnlyThenGoesToTheReserve) {
  Decision d;
  d.outcomes = {{"a", Outcome::kSelected}, {"b", Outcome::kReserve}, {"c", Outcome::kNotSelected}};
  Acceptance offer{"a", AcceptanceState::kOffered, {{"health_check", "", std::nullopt}}, kNow, 0};
  EXPECT_FALSE(OfferFellThrough(offer));
  EXPECT_EQ(CheckOfferToReserve(Owner(), r, d, {offer}, "b").error().code, ErrorCode::kConflict);
  offer.state = AcceptanceState::kAccepted;
  EXPECT_FALSE(SelectionConfirmed(offer));  // the health check is still open
  offer.conditions[0].met = true;
  EXPECT_TRUE(SelectionConfirmed(offer));
  offer.conditions[0].met = false;
  EXPECT_TRUE(OfferFellThrough(offer));
  EXPECT_TRUE(CheckOfferToReserve(Owner(), r, d, {offer}, "b").ok());
  EXPECT_EQ(CheckOfferToReserve(Owner(), r, d, {offer}, "c").error().field, "application_id");
  EXPECT_EQ(CheckOfferToReserve(Reviewer(20), r, d, {offer}, "b").error().code, ErrorCode::kForbidden);
  Acceptance to_reserve{"b", AcceptanceState::kOffered, {}, kNow, 0};
  EXPECT_EQ(CheckOfferToReserve(Owner(), r, d, {offer, to_reserve}, "b").error().code, ErrorCode::kConflict);
  EXPECT_TRUE(ValidateConditions({{"criminal_record", "", std::nullopt}}).ok());
  EXPECT_FALSE(ValidateConditions({{"other", " ", std::nullopt}}).ok());
  EXPECT_FALSE(ValidateConditions({{"drug_test", "", std::nullopt}}).ok());
  EXPECT_EQ(ParseAcceptanceState("declined"), AcceptanceState::kDeclined);
}

TEST(AppealPeriodTest, ThreeDaysForDeliveryThenFourteenSkippingTheWeekend) {
  // 2026-11-25 (Wed) 12:00 UTC + 3 + 14 days = 2026-12-12, a Saturday → Monday 2026-12-14.
  EXPECT_EQ(AppealPeriodEnd(1'795'608'000), "2026-12-14");
  // 2026-11-23 (Mon) + 17 = 2026-12-10 (Thu).
  EXPECT_EQ(AppealPeriodEnd(1'795'435'200), "2026-12-10");
  EXPECT_EQ(IsoDate(1'795'608'000), "2026-11-25");
}

TEST_F(ScreeningTest, DecisionNeedsShortlistReasonsAndShortlistedChoices) {
  std::string why = "Best scores on experience and education.";
  EXPECT_EQ(MakeDecision(Owner(), r, s, {}, why, kNow).error().code, ErrorCode::kNotShortlisted);
  s.frozen = true;
  s.shortlist = {"a", "b"};
  EXPECT_EQ(MakeDecision(Owner(), r, s, {}, "short", kNow).error().code, ErrorCode::kReasonRequired);
  EXPECT_EQ(MakeDecision(Owner(), r, s, {{"c", Outcome::kSelected}}, why, kNow).error().code,
            ErrorCode::kNotShortlisted);
  EXPECT_EQ(MakeDecision(Reviewer(20), r, s, {{"a", Outcome::kSelected}}, why, kNow).error().code,
            ErrorCode::kForbidden);
  s.withdrawn.insert("b");
  auto d = MakeDecision(Owner(), r, s, {{"a", Outcome::kSelected}}, why, kNow);
  ASSERT_TRUE(d.ok()) << d.error().message;
  EXPECT_EQ(d->outcomes.size(), 2u);  // a and c; b withdrew
  EXPECT_EQ(d->outcomes.at("a"), Outcome::kSelected);
  EXPECT_EQ(d->outcomes.at("c"), Outcome::kNotSelected);
  EXPECT_EQ(d->appeal_ends, AppealPeriodEnd(kNow));
}

TEST_F(ScreeningTest, InterviewsAreForShortlistedInTheFuture) {
  s.frozen = true;
  s.shortlist = {"a"};
  Interview i{0, "a", kNow + 3600, 60, "Room 1", {20}};
  EXPECT_TRUE(CheckInterview(Owner(), r, s, i, kNow).ok());
  Interview past = i;
  past.starts_at = kNow - 1;
  EXPECT_FALSE(CheckInterview(Owner(), r, s, past, kNow).ok());
  Interview other = i;
  other.application_id = "b";
  EXPECT_EQ(CheckInterview(Owner(), r, s, other, kNow).error().code, ErrorCode::kNotShortlisted);
  Interview stranger = i;
  stranger.interviewers = {99};
  EXPECT_FALSE(CheckInterview(Owner(), r, s, stranger, kNow).ok());
  EXPECT_TRUE(CheckInterviewNote(Reviewer(20), r, i, InterviewNote{0, 20, "exp", 4, "ok"}).ok());
  EXPECT_EQ(CheckInterviewNote(Reviewer(21), r, i, InterviewNote{0, 21, "exp", 4, "ok"}).error().code,
            ErrorCode::kForbidden);
  EXPECT_FALSE(CheckInterviewNote(Reviewer(20), r, i, InterviewNote{0, 20, "exp", 9, "ok"}).ok());
}

TEST(CriteriaLockTest, EditableUntilThePeriodEnds) {
  Recruitment r;
  r.state = RecruitmentState::kPublished;
  r.deadline = kNow + 10;
  EXPECT_TRUE(CheckCriteriaEditable(r, kNow).ok());
  EXPECT_EQ(CheckCriteriaEditable(r, kNow + 10).error().code, ErrorCode::kCriteriaLocked);
  r.state = RecruitmentState::kClosed;
  EXPECT_EQ(CheckCriteriaEditable(r, kNow).error().code, ErrorCode::kCriteriaLocked);
}

}  // namespace
}  // namespace reilu
