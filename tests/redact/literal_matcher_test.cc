#include "redact/literal_matcher.h"

#include <gtest/gtest.h>

#include <random>

#include "redact/redact.h"

namespace reilu::redact {
namespace {

using Hits = std::vector<std::pair<size_t, size_t>>;  // (needle, start)

Hits FindAll(const std::vector<std::string>& needles, std::string_view text) {
  Hits hits;
  LiteralMatcher(needles).FindLongestAtEachEnd(text, [&](size_t n, size_t start) { hits.emplace_back(n, start); });
  return hits;
}

TEST(LiteralMatcherTest, LongestNeedleEndingAtEachPosition) {
  EXPECT_EQ(FindAll({"Virtanen", "nen", "Aino"}, "Aino Virtanen, VirtasenAino"), (Hits{{2, 0}, {0, 5}, {2, 23}}));
  // "he" ends inside "she" at the same place: the longer one reports.
  EXPECT_EQ(FindAll({"he", "she", "hers"}, "ushers"), (Hits{{1, 1}, {2, 2}}));
  EXPECT_TRUE(FindAll({"xyz"}, "").empty());
  EXPECT_TRUE(FindAll({}, "text").empty());
}

// Against the obvious quadratic search on random small alphabets (where overlaps are dense).
TEST(LiteralMatcherTest, AgreesWithNaiveSearch) {
  std::mt19937 rng(7);
  for (int round = 0; round < 500; ++round) {
    std::vector<std::string> needles(1 + rng() % 6);
    for (auto& n : needles) {
      n.resize(1 + rng() % 4);
      for (auto& c : n) c = static_cast<char>('a' + rng() % 3);
    }
    // 'd' is in no needle: runs of bytes that start none, which the matcher passes by.
    std::string text(rng() % 60, 'a');
    for (auto& c : text) c = static_cast<char>('a' + rng() % 4);
    // Naive: at each end position, the longest needle ending there.
    std::vector<size_t> expected_len(text.size() + 1, 0);
    for (const auto& n : needles) {
      for (size_t pos = text.find(n); pos != std::string::npos; pos = text.find(n, pos + 1)) {
        expected_len[pos + n.size()] = std::max(expected_len[pos + n.size()], n.size());
      }
    }
    std::vector<size_t> got_len(text.size() + 1, 0);
    for (auto [n, start] : FindAll(needles, text)) {
      ASSERT_EQ(text.compare(start, needles[n].size(), needles[n]), 0);
      got_len[start + needles[n].size()] = needles[n].size();
    }
    EXPECT_EQ(got_len, expected_len) << text;
  }
}

// The engine redacts every occurrence of a found name, also in a long document where the name
// repeats thousands of times (the case that once took minutes).
TEST(EngineScaleTest, EveryRepeatInALongDocumentIsRedacted) {
  static const Engine engine = Engine::Default();
  std::string text;
  for (int i = 0; i < 3000; ++i) {
    text += "Esihenkilöni Matti Virtanen ja kollegani Anna Korhonen auttoivat. VirtasenMatti. ";
  }
  std::string redacted = Apply(text, engine.Analyze(text, Context{"fi", {"Aino Laine"}}), "fi");
  EXPECT_EQ(redacted.find("Virtanen"), std::string::npos);
  EXPECT_EQ(redacted.find("Virtasen"), std::string::npos);
  EXPECT_EQ(redacted.find("Korhonen"), std::string::npos);
}

TEST(EngineScaleTest, APassedDeadlineGivesNothing) {
  static const Engine engine = Engine::Default();
  auto past = std::chrono::steady_clock::now() - std::chrono::seconds(1);
  EXPECT_FALSE(engine.AnalyzeWithin("Olen Aino Virtanen.", Context{"fi", {}}, past).has_value());
  auto later = std::chrono::steady_clock::now() + std::chrono::hours(1);
  EXPECT_TRUE(engine.AnalyzeWithin("Olen Aino Virtanen.", Context{"fi", {}}, later).has_value());
}

}  // namespace
}  // namespace reilu::redact
