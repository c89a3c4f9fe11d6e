#include "core/rectification.h"

#include <gtest/gtest.h>

#include "core/retention.h"

namespace reilu {
namespace {

TEST(RectificationTest, TheRequestSaysSomethingAndFitsTheForm) {
  EXPECT_EQ(ValidateRectificationText("   \n  ").error().field, "what");
  EXPECT_EQ(ValidateRectificationText("wrong").error().code, ErrorCode::kInvalidInput);
  EXPECT_TRUE(ValidateRectificationText("Sukunimeni on Virtanen, ei Virtane.").ok());
  EXPECT_EQ(ValidateRectificationText(std::string(kMaxRectificationBytes + 1, 'a')).error().field, "what");
}

TEST(RectificationTest, AnAnswerIsCorrectedOrRefusedAndSaysWhat) {
  EXPECT_EQ(ValidateRectificationAnswer(RectificationState::kOpen, "Korjattu sukunimi.").error().field, "state");
  EXPECT_EQ(ValidateRectificationAnswer(RectificationState::kRefused, "").error().code, ErrorCode::kReasonRequired);
  EXPECT_TRUE(ValidateRectificationAnswer(RectificationState::kCorrected, "Sukunimi korjattu hakemukseen.").ok());
  EXPECT_TRUE(
      ValidateRectificationAnswer(RectificationState::kRefused, "Hakemus on asiakirja sellaisena kuin se saapui.")
          .ok());
}

TEST(RectificationTest, TheAnswerIsDueAMonthAfterReceiptInFinnishDates) {
  // 2027-01-15 12:00 UTC → 2027-02-15.
  EXPECT_EQ(RectificationAnswerDue(1800014400), "2027-02-15");
  // 2027-01-31 23:30 in Helsinki is still the 31st there (21:30 UTC) → the last day of February.
  EXPECT_EQ(RectificationAnswerDue(1801431000), "2027-02-28");
  // 2026-12-31 22:30 UTC is already 1 January 2027 in Helsinki → 1 February.
  EXPECT_EQ(RectificationAnswerDue(1798756200), "2027-02-01");
  for (auto s : {RectificationState::kOpen, RectificationState::kCorrected, RectificationState::kRefused}) {
    EXPECT_EQ(ParseRectificationState(RectificationStateName(s)), s);
  }
  EXPECT_FALSE(ParseRectificationState("maybe").has_value());
}

TEST(RectificationTest, AnOpenRequestHoldsItsApplicationFromDisposal) {
  RetentionState s;
  s.recruitment.id = 7;
  s.recruitment.state = RecruitmentState::kClosed;
  s.recruitment.deadline = 1800000000;
  Decision d;
  d.appeal_ends = "2027-02-15";
  s.decision = d;
  s.applications = {{"asked", false, false, true}, {"other", false, false, false}};
  auto due = DueForDisposal(s, RetentionPolicy{}, 1800000000 + 3 * 366 * 86400);
  ASSERT_TRUE(due.has_value());
  EXPECT_EQ(due->applications, std::vector<ApplicationId>{"other"});
  EXPECT_FALSE(due->shred_key);  // the key stays while the asked one is kept
}

}  // namespace
}  // namespace reilu
