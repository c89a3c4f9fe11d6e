#include "core/policy.h"

#include <gtest/gtest.h>

namespace reilu {
namespace {

const AnonymityPolicy kSeed{};  // the council's rule: permanent mandatory, fixed-term default on

TEST(PolicyTest, PermanentPostIsAlwaysAnonymous) {
  auto choice = DecideAnonymity(kSeed, EmploymentTerm::kPermanent, {});
  ASSERT_TRUE(choice.ok());
  EXPECT_TRUE(choice->anonymous);
}

TEST(PolicyTest, PermanentPostCannotBeTurnedOffEvenWithAReason) {
  auto choice = DecideAnonymity(kSeed, EmploymentTerm::kPermanent, {false, "We know the applicants already well"});
  ASSERT_FALSE(choice.ok());
  EXPECT_EQ(choice.error().code, ErrorCode::kPolicyViolation);
}

TEST(PolicyTest, FixedTermDefaultsToAnonymous) {
  auto choice = DecideAnonymity(kSeed, EmploymentTerm::kFixedTerm, {});
  ASSERT_TRUE(choice.ok());
  EXPECT_TRUE(choice->anonymous);
  EXPECT_TRUE(choice->exception_reason.empty());
}

TEST(PolicyTest, FixedTermTurnedOffNeedsAReason) {
  auto none = DecideAnonymity(kSeed, EmploymentTerm::kFixedTerm, {false, ""});
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.error().code, ErrorCode::kReasonRequired);
  auto blank = DecideAnonymity(kSeed, EmploymentTerm::kFixedTerm, {false, "   short   "});
  ASSERT_FALSE(blank.ok());
  EXPECT_EQ(blank.error().code, ErrorCode::kReasonRequired);
}

TEST(PolicyTest, FixedTermExceptionWithReasonIsRecorded) {
  auto choice = DecideAnonymity(kSeed, EmploymentTerm::kFixedTerm, {false, "Substitute needed tomorrow morning"});
  ASSERT_TRUE(choice.ok());
  EXPECT_FALSE(choice->anonymous);
  EXPECT_EQ(choice->exception_reason, "Substitute needed tomorrow morning");
}

TEST(PolicyTest, OptionalRuleDefaultsOffAndHonoursRequest) {
  AnonymityPolicy lenient{AnonymityRule::kMandatory, AnonymityRule::kOptional};
  EXPECT_FALSE(DecideAnonymity(lenient, EmploymentTerm::kFixedTerm, {})->anonymous);
  EXPECT_TRUE(DecideAnonymity(lenient, EmploymentTerm::kFixedTerm, {true, ""})->anonymous);
}

TEST(PolicyTest, RuleNamesRoundTrip) {
  for (auto r : {AnonymityRule::kMandatory, AnonymityRule::kDefaultOn, AnonymityRule::kOptional}) {
    EXPECT_EQ(ParseAnonymityRule(AnonymityRuleName(r)), r);
  }
  EXPECT_FALSE(ParseAnonymityRule("sometimes").has_value());
}

}  // namespace
}  // namespace reilu
