#include "core/pseudonym.h"

#include <gtest/gtest.h>

#include <map>
#include <regex>
#include <set>

#include "crypto/crypto.h"

namespace reilu {
namespace {

TEST(PseudonymTest, HasTheReadableFormat) {
  ASSERT_TRUE(crypto::Init().ok());
  auto random = crypto::SystemRandom();
  std::regex format("^[A-HJ-NP-Z]{3}-[0-9]{3}$");
  for (int i = 0; i < 1000; ++i) {
    auto p = MakePseudonym(random);
    EXPECT_TRUE(std::regex_match(p, format)) << p;
    EXPECT_EQ(p.find_first_of("IOQ"), std::string::npos) << p;
  }
}

TEST(PseudonymTest, IsDrawnFromTheRandomSourceOnly) {
  // The same random stream gives the same pseudonym: nothing else (name, time, order) feeds in.
  std::uint8_t counter = 0;
  RandomSource fixed = [&](std::span<std::uint8_t> out) {
    for (auto& b : out) b = counter++;
  };
  std::string first = MakePseudonym(fixed);
  counter = 0;
  EXPECT_EQ(MakePseudonym(fixed), first);
}

TEST(PseudonymTest, SystemPseudonymsAreSpreadEvenly) {
  ASSERT_TRUE(crypto::Init().ok());
  auto random = crypto::SystemRandom();
  constexpr int kDraws = 23000;
  std::map<char, int> first_letter;
  std::set<std::string> distinct;
  for (int i = 0; i < kDraws; ++i) {
    auto p = MakePseudonym(random);
    first_letter[p[0]]++;
    distinct.insert(p);
  }
  // 23 letters: about 1000 each. Chi-square with 22 degrees of freedom; 48.3 is the 0.1 % tail.
  double chi2 = 0;
  for (char c : std::string("ABCDEFGHJKLMNPRSTUVWXYZ")) {
    double d = first_letter[c] - 1000.0;
    chi2 += d * d / 1000.0;
  }
  EXPECT_LT(chi2, 48.3);
  // ~12 million possible values: collisions among 23 000 draws are rare (birthday bound ~22).
  EXPECT_GT(distinct.size(), static_cast<size_t>(kDraws - 80));
}

TEST(PseudonymTest, ConsecutiveApplicationsGetUnrelatedPseudonyms) {
  ASSERT_TRUE(crypto::Init().ok());
  auto random = crypto::SystemRandom();
  int sorted_pairs = 0;
  std::string prev = MakePseudonym(random);
  for (int i = 0; i < 2000; ++i) {
    auto next = MakePseudonym(random);
    if (next > prev) ++sorted_pairs;
    prev = next;
  }
  // Arrival order must not show in pseudonym order: about half of the pairs ascend.
  EXPECT_GT(sorted_pairs, 850);
  EXPECT_LT(sorted_pairs, 1150);
}

TEST(PseudonymTest, ReferencesAndIdsAreRandomAndWellFormed) {
  ASSERT_TRUE(crypto::Init().ok());
  auto random = crypto::SystemRandom();
  std::regex ref("^R-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$");
  std::set<std::string> ids;
  for (int i = 0; i < 500; ++i) {
    EXPECT_TRUE(std::regex_match(MakeReference(random), ref));
    auto id = MakeApplicationId(random);
    EXPECT_EQ(id.size(), 32u);
    ids.insert(id);
  }
  EXPECT_EQ(ids.size(), 500u);
}

std::vector<AnonymousApplication> Apps(int n) {
  std::vector<AnonymousApplication> apps;
  for (int i = 0; i < n; ++i) {
    AnonymousApplication a;
    a.id = "app" + std::to_string(i);
    apps.push_back(a);
  }
  return apps;
}

std::vector<std::string> Order(UserId reviewer, const crypto::SecretKey& key) {
  auto apps = Apps(30);
  OrderForReviewer(apps, reviewer, [&](UserId r, const ApplicationId& a) {
    return crypto::KeyedHashHex(key, std::to_string(r) + "/" + a);
  });
  std::vector<std::string> ids;
  for (const auto& a : apps) ids.push_back(a.id);
  return ids;
}

TEST(ReviewerOrderTest, StablePerReviewerDifferentAcrossReviewers) {
  ASSERT_TRUE(crypto::Init().ok());
  auto key = crypto::SecretKey::Generate();
  auto a1 = Order(1, key), a2 = Order(1, key), b = Order(2, key);
  EXPECT_EQ(a1, a2);
  EXPECT_NE(a1, b);
  std::vector<std::string> arrival;
  for (const auto& a : Apps(30)) arrival.push_back(a.id);
  EXPECT_NE(a1, arrival);
  std::multiset<std::string> s1(a1.begin(), a1.end()), s0(arrival.begin(), arrival.end());
  EXPECT_EQ(s1, s0);  // a permutation: nothing lost or duplicated
}

}  // namespace
}  // namespace reilu
