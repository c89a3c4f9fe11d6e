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
  s.key_present = false;  // done already: the key went with the last application
  for (auto& a : s.applications) a.disposed = true;
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

TEST(RetentionTest, NotesAndRecordsRequestsHaveTheirOwnPeriods) {
  RetentionPolicy policy;
  policy.interview_notes_years = 1;
  policy.records_requests_years = 5;
  auto s = Decided();
  s.interview_notes = true;
  s.records_requests = {{1, "2027-03-01"}, {2, ""}};
  const UnixTime after_a_year = 1800000000 + 400 * kDay;  // 2028-02-19: the notes only
  auto due = DueForDisposal(s, policy, after_a_year);
  ASSERT_TRUE(due.has_value());
  EXPECT_TRUE(due->interview_notes);
  EXPECT_TRUE(due->applications.empty());
  EXPECT_TRUE(due->records_requests.empty());
  // Years later the key is gone with the applications, yet an answered request still goes; an
  // undecided one never does.
  s.key_present = false;
  for (auto& a : s.applications) a.disposed = true;
  s.interview_notes = false;
  due = DueForDisposal(s, policy, 1800000000 + 6 * 366 * kDay);
  ASSERT_TRUE(due.has_value());
  EXPECT_EQ(due->records_requests, std::vector<std::int64_t>{1});
  EXPECT_FALSE(due->shred_key);
  policy.records_requests_years = 0;
  EXPECT_EQ(ValidateRetentionPolicy(policy).error().field, "records_requests_years");
  // The schedule names every type; the decision, the audit log and the disposal record are fixed.
  int fixed = 0;
  for (const auto& row : RetentionSchedule(RetentionPolicy{})) fixed += row.settable ? 0 : 1;
  EXPECT_EQ(RetentionSchedule(RetentionPolicy{}).size(), 7u);
  EXPECT_EQ(fixed, 3);
}

}  // namespace
}  // namespace reilu
