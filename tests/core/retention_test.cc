#include "core/retention.h"

#include <gtest/gtest.h>

namespace reilu {
namespace {

constexpr UnixTime kDay = 86400;
constexpr UnixTime kDeadline = 1800000000;  // 2027-01-15

RetentionState Decided() {
  RetentionState s;
  s.recruitment.id = 7;
  s.recruitment.state = RecruitmentState::kClosed;
  s.recruitment.deadline = kDeadline;
  Decision d;
  d.appeal_ends = "2027-02-15";
  s.decision = d;
  s.applications = {{"sel", true, false}, {"res", true, false}, {"not", false, false}, {"gone", false, true}};
  return s;
}

TEST(RetentionTest, YearsAfterKeepsTheDayAndMovesLeapDays) {
  EXPECT_EQ(YearsAfter("2027-02-15", 2), "2029-02-15");
  EXPECT_EQ(YearsAfter("2028-02-29", 1), "2029-02-28");
}

TEST(RetentionTest, OthersGoTwoYearsAfterTheDecisionIsFinalTheSelectedStay) {
  RetentionPolicy policy;  // others 2 years, selected permanently
  auto s = Decided();
  // 2029-02-15 is the last day kept; the day after, the others are due.
  const UnixTime last_day = 1865851200;  // 2029-02-15 12:00 UTC
  EXPECT_FALSE(DueForDisposal(s, policy, last_day).has_value());
  auto due = DueForDisposal(s, policy, last_day + kDay);
  ASSERT_TRUE(due.has_value());
  EXPECT_EQ(due->applications, std::vector<ApplicationId>{"not"});
  EXPECT_FALSE(due->shred_key);
  EXPECT_EQ(due->final_on, "2027-02-15");
  // A legal hold stops it.
  s.legal_hold = true;
  EXPECT_FALSE(DueForDisposal(s, policy, last_day + kDay).has_value());
}

TEST(RetentionTest, WhenTheSelectedGoTooTheKeyIsShredded) {
  RetentionPolicy policy{2, 10};
  auto s = Decided();
  auto due = DueForDisposal(s, policy, kDeadline + 11 * 366 * kDay);
  ASSERT_TRUE(due.has_value());
  EXPECT_EQ(due->applications, (std::vector<ApplicationId>{"sel", "res", "not"}));
  EXPECT_TRUE(due->shred_key);
  s.key_present = false;  // done already
  EXPECT_FALSE(DueForDisposal(s, policy, kDeadline + 11 * 366 * kDay).has_value());
}

TEST(RetentionTest, AnUndecidedRecruitmentCountsFromItsDeadlineAndAnOpenOneIsKept) {
  RetentionPolicy policy;
  auto s = Decided();
  s.decision.reset();
  for (auto& a : s.applications) a.selected = false;
  auto due = DueForDisposal(s, policy, kDeadline + 3 * 366 * kDay);
  ASSERT_TRUE(due.has_value());
  EXPECT_EQ(due->applications.size(), 3u);
  EXPECT_TRUE(due->shred_key);
  s.recruitment.state = RecruitmentState::kPublished;
  s.recruitment.deadline = kDeadline + 4 * 366 * kDay;
  EXPECT_FALSE(DueForDisposal(s, policy, kDeadline + 3 * 366 * kDay).has_value());
}

TEST(RetentionTest, TheScheduleIsChecked) {
  EXPECT_TRUE(ValidateRetentionPolicy({2, 0}).ok());
  EXPECT_EQ(ValidateRetentionPolicy({0, 0}).error().field, "others_years");
  EXPECT_EQ(ValidateRetentionPolicy({5, 3}).error().field, "selected_years");
}

}  // namespace
}  // namespace reilu
