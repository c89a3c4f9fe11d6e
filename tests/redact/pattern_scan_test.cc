#include "redact/pattern_scan.h"

#include <gtest/gtest.h>
#include <re2/re2.h>

#include "redact/regex_recognizer.h"

#include <string>
#include <vector>

namespace reilu::redact {
namespace {

using Windows = std::vector<std::pair<size_t, size_t>>;

// The windows where RE2 itself finds a match of the pattern, searching each window alone with the
// whole text as context (as the recognizer does).
std::vector<uint32_t> Re2Windows(const std::string& pattern, std::string_view text, const Windows& windows) {
  RE2 re(pattern);
  std::vector<uint32_t> found;
  for (size_t w = 0; w < windows.size(); ++w) {
    if (re.Match(re2::StringPiece(text.data(), text.size()), windows[w].first, windows[w].second, RE2::UNANCHORED,
                 nullptr, 0)) {
      found.push_back(static_cast<uint32_t>(w));
    }
  }
  return found;
}

// Every window where RE2 finds a match is among the scan's candidates.
void ExpectCandidatesCoverRe2(const std::string& pattern, std::string_view text) {
  const Windows windows{{0, text.size()}};
  auto scan = PatternScan::For({pattern});
  ASSERT_TRUE(scan->Covers(0)) << pattern;
  const auto candidates = scan->Candidates(text, windows)[0];
  for (uint32_t w : Re2Windows(pattern, text, windows)) {
    EXPECT_NE(std::find(candidates.begin(), candidates.end(), w), candidates.end()) << pattern << " on " << text;
  }
}

TEST(PatternScanTest, ReadsRe2PatternsInHyperscansDialect) {
  EXPECT_EQ(ForHyperscan(R"(a\sb)"), R"(a[\t\n\f\r ]b)");
  EXPECT_EQ(ForHyperscan(R"([^\s<>])"), R"([^\t\n\f\r <>])");
  EXPECT_EQ(ForHyperscan(R"(\d+\.\-\x{C4}\b)"), R"(\d+\.\-\x{C4}\b)");
  EXPECT_EQ(ForHyperscan(R"(\p{Lu})"), R"([\p{Lu}\x{530}-\x{1DFF}\x{1F00}-\x{D7FF}\x{E000}-\x{10FFFF}])");
  // Under (?i), RE2 reads \p{Lu} as every cased letter; the flag holds to the end of its group.
  EXPECT_EQ(
      ForHyperscan(R"((?i:x\p{Lu})\p{Ll})"),
      R"((?i:x[\p{L}\x{300}-\x{36F}\x{530}-\x{1DFF}\x{1F00}-\x{D7FF}\x{E000}-\x{10FFFF}])[\p{Ll}\x{530}-\x{1DFF}\x{1F00}-\x{D7FF}\x{E000}-\x{10FFFF}])");
  EXPECT_EQ(ForHyperscan(R"(((?i)a)\p{Lu})"), R"(((?i)a)[\p{Lu}\x{530}-\x{1DFF}\x{1F00}-\x{D7FF}\x{E000}-\x{10FFFF}])");
  // Constructs read differently, or not read here: the pattern stays with RE2 alone.
  for (const char* unread : {R"(\S)", R"(\W)", R"(\pL)", R"([^\p{Lu}])", R"(\C)", R"((?U)a+)", R"((?P<n>a))",
                             R"([[:alpha:]])", R"((a)", R"(a))"}) {
    EXPECT_EQ(ForHyperscan(unread), std::nullopt) << unread;
  }
}

// Where the two engines' readings could part, the scan still passes every window RE2 matches in.
TEST(PatternScanTest, NeverMissesWhatRe2Matches) {
  ExpectCandidatesCoverRe2(R"((?i)I live in \p{Lu}\p{Ll}+)", "i live in helsinki");
  ExpectCandidatesCoverRe2(R"(\p{Lu}\p{Ll}+)", "\xE1\xB2\x90\xE1\x83\x90");  // Georgian capital (Unicode 11)
  ExpectCandidatesCoverRe2(R"(a[^\s]b)", "a\vb");                            // RE2's \s has no vertical tab
  ExpectCandidatesCoverRe2(R"((?i)puoliso)", "PUOLI\xC5\xBFO");              // long s folds to s
  ExpectCandidatesCoverRe2(R"((?i)kaksi)",
                           "\xE2\x84\xAA"
                           "aksi");  // the Kelvin sign folds to k
  // Bytes that are no UTF-8 are read as a stand-in character, next to words that still match.
  ExpectCandidatesCoverRe2(R"(lapsi\b)", "\xFFlapsi\xC3");
  ExpectCandidatesCoverRe2(R"(\d{3} \d{4})", "040\xC0 123 4567\xED\xA0\x80");
}

// A match is reported in the window it lies in, also at a window's first or last character, and
// nowhere else; a pattern that matches nowhere has no window, and one that can match the empty
// string is not the scan's.
TEST(PatternScanTest, TellsTheWindowsWhereAPatternMatches) {
  const std::string text = "lapsi\n\nei mitään\n\nlapsi";
  const Windows windows{{0, 6}, {6, 19}, {19, 25}};  // as ParagraphWindows makes them
  auto scan = PatternScan::For({"lapsi", "puoliso", "x*", "\n"});
  const auto candidates = scan->Candidates(text, windows);
  EXPECT_EQ(candidates[0], (std::vector<uint32_t>{0, 2}));
  EXPECT_TRUE(candidates[1].empty());
  EXPECT_FALSE(scan->Covers(2));                                        // left to RE2 everywhere
  EXPECT_EQ(candidates[3], (std::vector<uint32_t>{0, 1, 2}));           // the shared edge characters
  EXPECT_EQ(scan, PatternScan::For({"lapsi", "puoliso", "x*", "\n"}));  // compiled once
}

// The scan the build makes is read back whole, and only for the patterns it was made of.
TEST(PatternScanTest, ASerializedScanIsReadBackOnlyForItsPatterns) {
  const std::vector<std::string> patterns{"lapsi", "(?i)puoliso", "\\S+"};
  const std::string bytes = PatternScan::Serialized(patterns);
  auto read = PatternScan::FromSerialized(patterns, bytes);
  ASSERT_NE(read, nullptr);
  EXPECT_TRUE(read->Covers(0));
  EXPECT_TRUE(read->Covers(1));
  EXPECT_FALSE(read->Covers(2));  // \S is not read into Hyperscan's dialect
  const std::string text = "PUOLISO\n\nlapsi";
  const Windows windows{{0, 8}, {8, 14}};
  EXPECT_EQ(read->Candidates(text, windows), PatternScan::For(patterns)->Candidates(text, windows));
  EXPECT_EQ(PatternScan::FromSerialized({"lapsi", "(?i)puoliso"}, bytes), nullptr);
  EXPECT_EQ(PatternScan::FromSerialized({"lapsi", "(?i)puoliso", "\\s+"}, bytes), nullptr);
  EXPECT_EQ(PatternScan::FromSerialized(patterns, bytes.substr(0, bytes.size() / 2)), nullptr);
}

// This program has the build's scan, and it is of the default engine's patterns as they are now.
TEST(PatternScanTest, TheBuildsScanIsOfTheEnginesPatterns) {
  ASSERT_FALSE(PatternScan::Prebuilt().empty());
  EXPECT_NE(PatternScan::FromSerialized(MakePatternRecognizer()->Patterns(), PatternScan::Prebuilt()), nullptr);
}

}  // namespace
}  // namespace reilu::redact
