#include "redact/pattern_scan.h"

#include <gtest/gtest.h>
#include <re2/re2.h>
#include <re2/set.h>

#include "redact/regex_recognizer.h"

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

namespace reilu::redact {
namespace {

using Ends = std::vector<uint32_t>;

// Where RE2's own matches of the pattern end, searching on from each match's end.
Ends Re2Ends(const std::string& pattern, std::string_view text) {
  RE2 re(pattern);
  Ends found;
  re2::StringPiece m;
  for (size_t pos = 0; pos <= text.size();) {
    if (!re.Match(re2::StringPiece(text.data(), text.size()), pos, text.size(), RE2::UNANCHORED, &m, 1)) break;
    const size_t end = static_cast<size_t>(m.data() - text.data()) + m.size();
    found.push_back(static_cast<uint32_t>(end));
    pos = std::max(end, pos + 1);
  }
  return found;
}

// Every end of a match RE2 finds is among the scan's.
void ExpectEndsCoverRe2(const std::string& pattern, std::string_view text) {
  auto scan = PatternScan::For({pattern});
  ASSERT_TRUE(scan->Covers(0)) << pattern;
  const auto ends = scan->Ends(text);
  ASSERT_TRUE(ends.has_value());
  const Ends& scanned = (*ends)[0];
  const Ends re2_ends = Re2Ends(pattern, text);
  EXPECT_FALSE(re2_ends.empty()) << pattern << " on " << text;
  for (uint32_t end : re2_ends) {
    EXPECT_TRUE(std::binary_search(scanned.begin(), scanned.end(), end)) << pattern << " on " << text << " at " << end;
  }
}

TEST(PatternScanTest, ReadsRe2PatternsInHyperscansDialect) {
  // The text is read as bytes: a class's ASCII members as bytes, its others as any character
  // outside ASCII (one to four bytes of 0x80 and above).
  EXPECT_EQ(ForHyperscan(R"(a\sb)"), R"(a[\t\n\f\r ]b)");
  EXPECT_EQ(ForHyperscan(R"([^\s<>])"), R"((?:[^\x09-\x0A\x0C-\x0D\x20\x3C\x3E]|[\x80-\xFF]{1,4}))");
  EXPECT_EQ(ForHyperscan(R"(\d+\.\-\x{C4}\b)"), R"(\d+\.\-(?:\xC3\x84)\b)");
  EXPECT_EQ(ForHyperscan(R"(\p{Lu})"), R"((?:[\x41-\x5A]|[\x80-\xFF]{1,4}))");
  EXPECT_EQ(ForHyperscan("[a-z\xC3\xA4\xC3\xB6-]"), R"((?:[\x2D\x61-\x7A]|[\x80-\xFF]{1,4}))");
  // A character outside ASCII is one, also before a repeat.
  EXPECT_EQ(ForHyperscan("\xC3\xA4+"), R"((?:\xC3\xA4)+)");
  // Under (?i), RE2 reads \p{Lu} as every cased letter; the flag holds to the end of its group.
  EXPECT_EQ(ForHyperscan(R"((?i:x\p{Lu})\p{Ll})"),
            R"((?i:x(?:[\x41-\x5A\x61-\x7A]|[\x80-\xFF]{1,4}))(?:[\x61-\x7A]|[\x80-\xFF]{1,4}))");
  EXPECT_EQ(ForHyperscan(R"(((?i)a)\p{Lu})"), R"(((?i)a)(?:[\x41-\x5A]|[\x80-\xFF]{1,4}))");
  // Under (?i), RE2 also folds characters outside ASCII into letters (the Kelvin sign into k, the
  // Angstrom sign into å), and a letter of Latin-1 into its other case.
  EXPECT_EQ(ForHyperscan(R"((?i)[a-j])"), R"((?i)[\x61-\x6A])");
  EXPECT_EQ(ForHyperscan(R"((?i)[a-z])"), R"((?i)(?:[\x61-\x7A]|[\x80-\xFF]{1,4}))");
  EXPECT_EQ(ForHyperscan(R"((?i)ok)"), R"((?i)o(?:k|\xE2\x84\xAA))");
  EXPECT_EQ(ForHyperscan("(?i)\xC3\xA5r"), R"((?i)(?:\xC3\xA5|\xC3\x85|\xE2\x84\xAB)r)");
  // Constructs read differently, or not read here: the pattern stays with RE2 alone.
  for (const char* unread : {R"(\S)", R"(\W)", R"(\pL)", R"([^\p{Lu}])", R"(\C)", R"((?U)a+)", R"((?P<n>a))",
                             R"([[:alpha:]])", R"((a)", R"(a))"}) {
    EXPECT_EQ(ForHyperscan(unread), std::nullopt) << unread;
  }
}

// Where the two engines' readings could part, the scan still passes every window RE2 matches in.
TEST(PatternScanTest, NeverMissesWhatRe2Matches) {
  ExpectEndsCoverRe2(R"((?i)I live in \p{Lu}\p{Ll}+)", "i live in helsinki");
  ExpectEndsCoverRe2(R"(\p{Lu}\p{Ll}+)", "\xE1\xB2\x90\xE1\x83\x90");  // Georgian capital (Unicode 11)
  ExpectEndsCoverRe2(R"(a[^\s]b)", "a\vb");                            // RE2's \s has no vertical tab
  ExpectEndsCoverRe2(R"((?i)puoliso)", "PUOLI\xC5\xBFO");              // long s folds to s
  ExpectEndsCoverRe2(R"((?i)kaksi)",
                     "\xE2\x84\xAA"
                     "aksi");  // the Kelvin sign folds to k
  // Cyrillic rounded ve (Unicode 9) folds to ve: a letter of the class under (?i), for RE2.
  ExpectEndsCoverRe2(R"((?i)perhe[a-z\x{370}-\x{52F}]*(?:[^a-z\x{370}-\x{52F}]|$))", "perhe\xE1\xB2\x80 ");
  // Bytes that are no UTF-8 are read as a stand-in character, next to words that still match.
  ExpectEndsCoverRe2(R"(lapsi\b)", "\xFFlapsi\xC3");
  ExpectEndsCoverRe2(R"(\d{3} \d{4})", "040\xC0 123 4567\xED\xA0\x80");
}

std::string Utf8(char32_t c) {
  std::string o;
  if (c < 0x80) {
    o += static_cast<char>(c);
  } else if (c < 0x800) {
    o += static_cast<char>(0xC0 | (c >> 6));
    o += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    o += static_cast<char>(0xE0 | (c >> 12));
    o += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    o += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    o += static_cast<char>(0xF0 | (c >> 18));
    o += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    o += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    o += static_cast<char>(0x80 | (c & 0x3F));
  }
  return o;
}

// The character classes of the patterns, with and without (?i), on every code point of the first
// three planes: each one RE2 puts in the class, the scan does too. This is where the libraries'
// Unicode tables part (a newer Hyperscan or RE2 would show here first).
TEST(PatternScanTest, EveryCharacterRe2PutsInAClassTheScanDoesToo) {
  const std::string letters = R"(A-Za-z\x{C0}-\x{D6}\x{D8}-\x{F6}\x{F8}-\x{24F}\x{370}-\x{52F}\x{1E00}-\x{1EFF})";
  std::vector<std::string> classes;
  for (const char* flags : {"", "(?i)"}) {
    for (const std::string& c : {"[" + letters + "]", "[^" + letters + "]", std::string(R"(\p{Lu})"),
                                 std::string(R"(\p{Ll})"), std::string(R"([^\s<>])"), std::string(R"([\p{Ll}\-'])")}) {
      classes.push_back(std::string(flags) + "^" + c + "$");
    }
  }
  const auto scan = PatternScan::For(classes);
  std::vector<RE2*> re2;
  for (const auto& c : classes) re2.push_back(new RE2(c));
  size_t missed = 0;
  for (char32_t c = 1; c < 0x30000; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;
    const std::string text = Utf8(c);
    std::optional<std::vector<Ends>> ends;
    for (size_t k = 0; k < classes.size(); ++k) {
      if (!RE2::FullMatch(text, *re2[k])) continue;
      if (!ends) ends = scan->Ends(text);
      ASSERT_TRUE(ends.has_value());
      if ((*ends)[k].empty() && ++missed <= 10)
        ADD_FAILURE() << classes[k] << " U+" << std::hex << static_cast<unsigned>(c);
    }
  }
  EXPECT_EQ(missed, 0u);
  for (RE2* re : re2) delete re;
}

// Every letter of ASCII and Latin-1, with and without (?i), on every code point of the first three
// planes: each one RE2 matches for the letter, the scan does too (RE2 folds some from far away:
// the Kelvin sign to k, the long s to s, the Angstrom sign to å, capital sharp s to ß).
TEST(PatternScanTest, EveryCharacterRe2TakesForALetterTheScanDoesToo) {
  std::vector<std::string> letters;
  for (char32_t c = 'a'; c <= 'z'; ++c) letters.push_back(Utf8(c));
  for (char32_t c = 0xB5; c <= 0xFF; ++c) {
    if (c == 0xB5 || (c >= 0xC0 && c != 0xD7 && c != 0xF7)) letters.push_back(Utf8(c));
  }
  std::vector<std::string> patterns;
  RE2::Set re2(RE2::Options(), RE2::ANCHOR_BOTH);
  for (const char* flags : {"", "(?i)"}) {
    for (const auto& letter : letters) {
      patterns.push_back(std::string(flags) + letter);
      ASSERT_EQ(re2.Add(patterns.back(), nullptr), static_cast<int>(patterns.size()) - 1);
    }
  }
  ASSERT_TRUE(re2.Compile());
  std::vector<std::string> anchored;
  for (const auto& p : patterns) anchored.push_back("^" + p + "$");
  const auto scan = PatternScan::For(anchored);
  size_t missed = 0, matched = 0;
  for (char32_t c = 1; c < 0x30000; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;
    const std::string text = Utf8(c);
    std::vector<int> which;
    if (!re2.Match(text, &which)) continue;
    const auto ends = scan->Ends(text);
    ASSERT_TRUE(ends.has_value());
    for (int k : which) {
      ++matched;
      if ((*ends)[static_cast<size_t>(k)].empty() && ++missed <= 10)
        ADD_FAILURE() << patterns[static_cast<size_t>(k)] << " U+" << std::hex << static_cast<unsigned>(c);
    }
  }
  EXPECT_GE(matched, patterns.size() + letters.size());  // each letter itself, and under (?i) its other case
  EXPECT_EQ(missed, 0u);
}

// Each match's end is reported once, also at the text's first or last character; a pattern that
// matches nowhere has none, and one that can match the empty string is not the scan's. The widest
// match is known where the pattern bounds it.
TEST(PatternScanTest, TellsWhereMatchesEndAndHowWideTheyCanBe) {
  const std::string text = "lapsi\n\nei mitään\n\nlapsi";
  auto scan = PatternScan::For({"lapsi", "puoliso", "x*", "\\n", "la+psi"});
  const auto ends = scan->Ends(text);
  ASSERT_TRUE(ends.has_value());
  EXPECT_EQ((*ends)[0], (Ends{5, 25}));
  EXPECT_TRUE((*ends)[1].empty());
  EXPECT_FALSE(scan->Covers(2));  // left to RE2 everywhere
  EXPECT_EQ((*ends)[3], (Ends{6, 7, 19, 20}));
  EXPECT_EQ(scan->MaxWidth(0), 5u);
  EXPECT_EQ(scan->MaxWidth(4), PatternScan::kUnbounded);
  EXPECT_EQ(scan, PatternScan::For({"lapsi", "puoliso", "x*", "\\n", "la+psi"}));  // compiled once
}

// The scan the build makes is read back whole, and only for the patterns it was made of.
TEST(PatternScanTest, ASerializedScanIsReadBackOnlyForItsPatterns) {
  const std::vector<std::string> patterns{"lapsi", "(?i)puoliso", "\\S+", "a+"};
  const std::string bytes = PatternScan::Serialized(patterns);
  auto read = PatternScan::FromSerialized(patterns, bytes);
  ASSERT_NE(read, nullptr);
  EXPECT_TRUE(read->Covers(0));
  EXPECT_TRUE(read->Covers(1));
  EXPECT_FALSE(read->Covers(2));  // \S is not read into Hyperscan's dialect
  const std::string text = "PUOLISO\n\nlapsi";
  EXPECT_EQ(read->Ends(text), PatternScan::For(patterns)->Ends(text));
  for (size_t i = 0; i < patterns.size(); ++i) EXPECT_EQ(read->MaxWidth(i), PatternScan::For(patterns)->MaxWidth(i));
  EXPECT_EQ(PatternScan::FromSerialized({"lapsi", "(?i)puoliso"}, bytes), nullptr);
  EXPECT_EQ(PatternScan::FromSerialized({"lapsi", "(?i)puoliso", "\\s+", "a+"}, bytes), nullptr);
  EXPECT_EQ(PatternScan::FromSerialized(patterns, bytes.substr(0, bytes.size() / 2)), nullptr);
  // Cut after the header: the patterns it covers would be searched nowhere.
  size_t header_end = 0;
  for (int line = 0; line < 3; ++line) header_end = bytes.find('\n', header_end) + 1;
  EXPECT_EQ(PatternScan::FromSerialized(patterns, bytes.substr(0, header_end)), nullptr);
}

// This program has the build's scan, and it is of the default engine's patterns as they are now;
// it covers every one of them (a pattern it could not read would run over every whole text).
TEST(PatternScanTest, TheBuildsScanIsOfTheEnginesPatternsAndCoversThemAll) {
  ASSERT_FALSE(PatternScan::Prebuilt().empty());
  const auto patterns = MakePatternRecognizer()->Patterns();
  auto scan = PatternScan::FromSerialized(patterns, PatternScan::Prebuilt());
  ASSERT_NE(scan, nullptr);
  for (size_t i = 0; i < patterns.size(); ++i) EXPECT_TRUE(scan->Covers(i)) << patterns[i];
}

}  // namespace
}  // namespace reilu::redact
