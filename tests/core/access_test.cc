#include "core/access.h"

#include <gtest/gtest.h>

namespace reilu {
namespace {

User MakeUser(UserId id, Role role, OrgId org = 1) {
  User u;
  u.id = id;
  u.org_id = org;
  u.role = role;
  return u;
}

Recruitment AnonymousRecruitment() {
  Recruitment r;
  r.id = 7;
  r.org_id = 1;
  r.owner_id = 10;
  r.reviewer_ids = {20};
  r.anonymous = true;
  r.state = RecruitmentState::kPublished;
  return r;
}

const std::string kReason = "Public-records request 2026/114";

TEST(AccessTest, ReviewerIsRefusedBeforeLift) {
  auto r = AnonymousRecruitment();
  auto reviewer = MakeUser(20, Role::kReviewer);
  auto access = IdentityGate::Request({reviewer, r, "app", false, kReason});
  ASSERT_FALSE(access.ok());
  EXPECT_EQ(access.error().code, ErrorCode::kForbidden);
}

TEST(AccessTest, ReviewerIsGrantedAfterLift) {
  auto r = AnonymousRecruitment();
  auto reviewer = MakeUser(20, Role::kReviewer);
  auto access = IdentityGate::Request({reviewer, r, "app", true, ""});
  ASSERT_TRUE(access.ok());
  EXPECT_EQ(access->basis(), AccessBasis::kLifted);
  EXPECT_EQ(access->application_id(), "app");
  EXPECT_EQ(access->actor_id(), 20);
}

TEST(AccessTest, UnassignedReviewerIsRefusedEvenAfterLift) {
  auto r = AnonymousRecruitment();
  auto other = MakeUser(21, Role::kReviewer);
  EXPECT_FALSE(IdentityGate::Request({other, r, "app", true, ""}).ok());
}

TEST(AccessTest, OwnerNeedsAReasonBeforeLift) {
  auto r = AnonymousRecruitment();
  auto hr = MakeUser(10, Role::kHr);
  auto none = IdentityGate::Request({hr, r, "app", false, ""});
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.error().code, ErrorCode::kReasonRequired);
  auto with = IdentityGate::Request({hr, r, "app", false, "Checking formal qualifications"});
  ASSERT_TRUE(with.ok());
  EXPECT_EQ(with->basis(), AccessBasis::kOwnerWithReason);
}

// Issue 10 (medium 3): the registry office reads identity only for a records request it recorded
// for this recruitment, and not after refusing it; a stated reason alone is not enough.
TEST(AccessTest, RegistryReadsOnlyForARecordedRequest) {
  auto r = AnonymousRecruitment();
  auto registry = MakeUser(30, Role::kRegistry);
  auto without = IdentityGate::Request({registry, r, "app", false, kReason});
  ASSERT_FALSE(without.ok());
  EXPECT_EQ(without.error().code, ErrorCode::kRecordsRequestRequired);

  RecordsRequest request;
  request.id = 12;
  request.org_id = r.org_id;
  request.recruitment_id = r.id + 1;  // another recruitment's request
  EXPECT_EQ(IdentityGate::Request({registry, r, "app", false, {}, false, &request}).error().code,
            ErrorCode::kRecordsRequestRequired);
  request.recruitment_id = r.id;
  auto ok = IdentityGate::Request({registry, r, "app", false, {}, false, &request});
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok->basis(), AccessBasis::kRegistryRequest);
  EXPECT_EQ(ok->reason(), "records request 12");
  request.decision = RecordsDecision::kRefuse;
  EXPECT_EQ(IdentityGate::Request({registry, r, "app", false, {}, false, &request}).error().code,
            ErrorCode::kForbidden);
}

TEST(AccessTest, AdminAndAuditorNeverSeeIdentity) {
  auto r = AnonymousRecruitment();
  for (Role role : {Role::kAdmin, Role::kAuditor}) {
    auto u = MakeUser(40, role);
    EXPECT_EQ(IdentityGate::Request({u, r, "app", true, kReason}).error().code, ErrorCode::kForbidden);
  }
}

TEST(AccessTest, OtherOrganisationIsRefused) {
  auto r = AnonymousRecruitment();
  auto registry = MakeUser(30, Role::kRegistry, 2);
  auto owner_elsewhere = MakeUser(10, Role::kHr, 2);
  EXPECT_EQ(IdentityGate::Request({registry, r, "app", true, kReason}).error().code, ErrorCode::kForbidden);
  EXPECT_EQ(IdentityGate::Request({owner_elsewhere, r, "app", true, kReason}).error().code, ErrorCode::kForbidden);
}

TEST(AccessTest, NonAnonymousRecruitmentOpensToItsReviewers) {
  auto r = AnonymousRecruitment();
  r.anonymous = false;
  auto reviewer = MakeUser(20, Role::kReviewer);
  auto access = IdentityGate::Request({reviewer, r, "app", false, ""});
  ASSERT_TRUE(access.ok());
  EXPECT_EQ(access->basis(), AccessBasis::kNotAnonymous);
}

// The named decision-maker decides instead of the owner, sees the recruitment, never the
// applications' pages, and a name only after the lift (or where nothing was anonymous).
TEST(AccessTest, TheNamedDecisionMakerDecidesAndReadsOnlyLiftedNames) {
  auto r = AnonymousRecruitment();
  auto owner = MakeUser(10, Role::kHr);
  auto dm = MakeUser(30, Role::kDecisionMaker);
  auto other_dm = MakeUser(31, Role::kDecisionMaker);
  EXPECT_TRUE(MayDecide(owner, r));
  EXPECT_FALSE(MayDecide(dm, r));
  EXPECT_FALSE(MaySeeRecruitment(dm, r));
  r.decision_maker_id = 30;
  EXPECT_FALSE(MayDecide(owner, r));
  EXPECT_TRUE(MayDecide(dm, r));
  EXPECT_FALSE(MayDecide(other_dm, r));
  EXPECT_TRUE(MaySeeRecruitment(dm, r));
  EXPECT_FALSE(MaySeeRecruitment(other_dm, r));
  EXPECT_FALSE(MayOpenApplications(dm, r));
  EXPECT_FALSE(IdentityGate::Request({dm, r, "app", false, kReason}).ok());
  auto lifted = IdentityGate::Request({dm, r, "app", true, ""});
  ASSERT_TRUE(lifted.ok());
  EXPECT_EQ(lifted->basis(), AccessBasis::kLifted);
  EXPECT_FALSE(IdentityGate::Request({other_dm, r, "app", true, ""}).ok());
  EXPECT_TRUE(IdentityGate::ForDecisionNotice(dm, r, "app").ok());
  EXPECT_FALSE(IdentityGate::ForDecisionNotice(owner, r, "app").ok());
  r.anonymous = false;
  EXPECT_EQ(IdentityGate::Request({dm, r, "app", false, ""})->basis(), AccessBasis::kNotAnonymous);
  // A deactivated account decides nothing.
  dm.active = false;
  EXPECT_FALSE(MayDecide(dm, r));
}

TEST(AccessTest, OnlyTheOwnerLiftsWithAReason) {
  auto r = AnonymousRecruitment();
  EXPECT_TRUE(CheckLiftAllowed(MakeUser(10, Role::kHr), r, "Invited to interview").ok());
  EXPECT_EQ(CheckLiftAllowed(MakeUser(11, Role::kHr), r, "Invited to interview").error().code, ErrorCode::kForbidden);
  EXPECT_EQ(CheckLiftAllowed(MakeUser(20, Role::kReviewer), r, "Invited to interview").error().code,
            ErrorCode::kForbidden);
  EXPECT_EQ(CheckLiftAllowed(MakeUser(10, Role::kHr), r, "").error().code, ErrorCode::kReasonRequired);
  r.state = RecruitmentState::kDraft;
  EXPECT_EQ(CheckLiftAllowed(MakeUser(10, Role::kHr), r, "Invited to interview").error().code, ErrorCode::kConflict);
}

}  // namespace
}  // namespace reilu
