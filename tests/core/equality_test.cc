#include "core/equality.h"

#include <gtest/gtest.h>

namespace reilu {
namespace {

FunnelEntry Entry(bool anonymous, const std::string& gender, bool shortlisted = false, bool selected = false) {
  FunnelEntry e;
  e.anonymous = anonymous;
  if (!gender.empty()) e.statistics = EqualityStatistics{gender, "", ""};
  e.shortlisted = shortlisted;
  e.interviewed = shortlisted;
  e.selected = selected;
  return e;
}

const FunnelRow& Row(const std::vector<FunnelRow>& rows, const std::string& dimension, const std::string& group) {
  for (const auto& r : rows) {
    if (r.dimension == dimension && r.group == group) return r;
  }
  static const FunnelRow kNone;
  ADD_FAILURE() << dimension << "/" << group << " missing";
  return kNone;
}

TEST(EqualityTest, OnlyTheOfferedChoicesAreAccepted) {
  EXPECT_TRUE(ValidateEqualityStatistics({"woman", "30_44", "sv"}).ok());
  EXPECT_TRUE(ValidateEqualityStatistics({}).ok());
  EXPECT_EQ(ValidateEqualityStatistics({"female", "", ""}).error().field, "statistics.gender");
  EXPECT_EQ(ValidateEqualityStatistics({"", "", "somali"}).error().field, "statistics.language_group");
}

// Stages counted per group, anonymous and not side by side; a count of 1–4 is hidden and a group of
// fewer than five applications is not shown at all.
TEST(EqualityTest, TheFunnelCountsStagesAndHidesSmallGroups) {
  std::vector<FunnelEntry> entries;
  for (int i = 0; i < 8; ++i) entries.push_back(Entry(true, "woman", i < 5, i == 0));
  for (int i = 0; i < 6; ++i) entries.push_back(Entry(true, "man", i < 2));
  for (int i = 0; i < 2; ++i) entries.push_back(Entry(false, "other"));
  for (int i = 0; i < 5; ++i) entries.push_back(Entry(false, ""));
  auto rows = BuildFunnel(entries);
  const FunnelRow& women = Row(rows, "gender", "woman");
  EXPECT_FALSE(women.suppressed);
  EXPECT_EQ(women.anonymous.applied, 8);
  EXPECT_EQ(women.anonymous.shortlisted, 5);
  EXPECT_EQ(women.anonymous.selected, std::nullopt);  // one person: hidden
  EXPECT_EQ(women.not_anonymous.applied, 0);          // nobody is no person to point at
  const FunnelRow& men = Row(rows, "gender", "man");
  EXPECT_EQ(men.anonymous.applied, 6);
  EXPECT_EQ(men.anonymous.shortlisted, std::nullopt);
  EXPECT_EQ(men.anonymous.selected, 0);
  EXPECT_TRUE(Row(rows, "gender", "other").suppressed);  // two applications
  EXPECT_EQ(Row(rows, "gender", "other").not_anonymous.applied, std::nullopt);
  EXPECT_EQ(Row(rows, "gender", "not_given").not_anonymous.applied, 5);
  // Every application without an age band counts as "not given" there.
  EXPECT_EQ(Row(rows, "age_band", "not_given").anonymous.applied, 14);
}

// The store hands the funnel grouped entries (`count` alike applications); "eligible" counts the
// found eligible and the shortlisted (only an eligible one can be shortlisted).
TEST(EqualityTest, GroupedEntriesCountAsManyAndTheShortlistedAreEligible) {
  FunnelEntry eligible = Entry(true, "woman");
  eligible.eligible = true;
  eligible.count = 4;
  FunnelEntry shortlisted = Entry(true, "woman", /*shortlisted=*/true);
  shortlisted.count = 6;
  FunnelEntry other = Entry(true, "woman");
  other.count = 3;
  auto rows = BuildFunnel({eligible, shortlisted, other});
  const FunnelRow& woman = Row(rows, "gender", "woman");
  EXPECT_EQ(woman.anonymous.applied, 13);
  EXPECT_EQ(woman.anonymous.eligible, 10);
  EXPECT_EQ(woman.anonymous.shortlisted, 6);
  EXPECT_EQ(woman.not_anonymous.applied, 0);
  // A group of four alike in one entry is still under five.
  FunnelEntry few = Entry(false, "man");
  few.count = 4;
  EXPECT_TRUE(Row(BuildFunnel({few}), "gender", "man").suppressed);
}

}  // namespace
}  // namespace reilu
