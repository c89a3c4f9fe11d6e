#include "redact/regex_recognizer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <tuple>

#include "redact/evaluation.h"
#include "redact/pattern_shape.h"

namespace reilu::redact {
namespace {

using Kind = PatternShape::Kind;

TEST(PatternShapeTest, ReadsTheShapesThatNeedNoCaptureGroups) {
  EXPECT_EQ(ReadPatternShape(R"([A-Za-z]+@[a-z]+\.fi)").kind, Kind::kWhole);  // no group
  EXPECT_EQ(ReadPatternShape(R"((?i)((?:asun|bor)\s+\p{Lu}\p{L}+))").kind, Kind::kWhole);
  PatternShape s = ReadPatternShape(R"((?i)(?:^|[^\p{L}])(perhe\p{L}*|lapsi(?:a|en)))");
  EXPECT_EQ(s.kind, Kind::kBetweenBoundaries);
  EXPECT_EQ(s.flags, "(?i)");
  EXPECT_EQ(s.lead_class, R"([^\p{L}])");
  EXPECT_EQ(s.group, R"(perhe\p{L}*|lapsi(?:a|en))");
  EXPECT_EQ(s.trail_class, "");
  s = ReadPatternShape(R"((?:^|[^\d])(0\d{1,3}[\s.\-/]?\d{3,4})(?:[^\d]|$))");
  EXPECT_EQ(s.kind, Kind::kBetweenBoundaries);
  EXPECT_EQ(s.group, R"(0\d{1,3}[\s.\-/]?\d{3,4})");
  EXPECT_EQ(s.trail_class, R"([^\d])");
  // A ']' or ')' inside a class does not close anything.
  s = ReadPatternShape(R"((?:^|[^\])])(a[)\]]b))");
  EXPECT_EQ(s.kind, Kind::kBetweenBoundaries);
  EXPECT_EQ(s.lead_class, R"([^\])])");
  EXPECT_EQ(s.group, R"(a[)\]]b)");
}

TEST(PatternShapeTest, AnythingElseKeepsTheCaptureGroups) {
  EXPECT_EQ(ReadPatternShape(R"((?i)(?:jag\s+är)\s+(\d{1,3}\s+år))").kind, Kind::kCaptured);  // a cue before
  EXPECT_EQ(ReadPatternShape(R"((?:^|[^\d])(a)(b))").kind, Kind::kCaptured);                  // two groups
  EXPECT_EQ(ReadPatternShape(R"((?:^|[^\d])(a(b)))").kind, Kind::kCaptured);                  // nested
  EXPECT_EQ(ReadPatternShape(R"((?:^|[^\d])(a)x)").kind, Kind::kCaptured);                    // other trail
  EXPECT_EQ(ReadPatternShape(R"((a)|(b))").kind, Kind::kCaptured);
  EXPECT_EQ(ReadPatternShape(R"((?:^|\s)(a))").kind, Kind::kCaptured);
}

const RegexRecognizer& AllPatterns() {
  static const auto* all = MakePatternRecognizer().release();
  return *all;
}

std::vector<std::tuple<size_t, size_t, EntityType>> Sorted(const std::vector<Span>& spans) {
  std::vector<std::tuple<size_t, size_t, EntityType>> out;
  for (const auto& s : spans) out.emplace_back(s.start, s.end, s.type);
  std::sort(out.begin(), out.end());
  return out;
}

void ExpectSameAsCaptures(const std::string& text) {
  std::vector<Span> fast, reference;
  AllPatterns().Find(text, Context{"fi", {}}, fast);
  AllPatterns().FindWithCaptures(text, reference);
  EXPECT_EQ(Sorted(fast), Sorted(reference)) << text;
}

// A match takes the character after its word as its boundary; the next word may need the same
// character as its own ("vaimo lapsi"). Both are found, also where two codes stand one space apart.
TEST(RegexRecognizerTest, WordsOneCharacterApartAreBothFound) {
  auto found = [](std::string_view text, std::string_view word) {
    std::vector<Span> spans;
    AllPatterns().Find(text, Context{"fi", {}}, spans);
    size_t at = text.find(word);
    return std::any_of(spans.begin(), spans.end(),
                       [&](const Span& s) { return s.start == at && s.end == at + word.size(); });
  };
  for (auto [text, first, second] : {std::tuple{"Minulla on vaimo lapsi ja koira.", "vaimo", "lapsi"},
                                     std::tuple{"I have asthma epilepsy", "asthma", "epilepsy"},
                                     std::tuple{"131052-308T 010101-123N", "131052-308T", "010101-123N"}}) {
    EXPECT_TRUE(found(text, first)) << text;
    EXPECT_TRUE(found(text, second)) << text;
  }
}

// Patterns run per paragraph (a blank line ends one); a match may still cross a single line break,
// and a word at a paragraph's first or last position keeps its boundary.
TEST(RegexRecognizerTest, PatternsRunPerParagraph) {
  using Windows = std::vector<std::pair<size_t, size_t>>;
  EXPECT_EQ(RegexRecognizer::ParagraphWindows("a\n\nb"), (Windows{{0, 2}, {2, 4}}));
  EXPECT_EQ(RegexRecognizer::ParagraphWindows("a\n \t\r\n\nbc\n"), (Windows{{0, 2}, {6, 10}}));
  EXPECT_EQ(RegexRecognizer::ParagraphWindows("a\nb"), (Windows{{0, 3}}));
  EXPECT_EQ(RegexRecognizer::ParagraphWindows(" \n\n "), (Windows{{0, 2}, {2, 4}}));
  EXPECT_TRUE(RegexRecognizer::ParagraphWindows("").empty());
  auto spans = [](std::string_view text) {
    std::vector<Span> out;
    AllPatterns().Find(text, Context{"sv", {}}, out);
    std::vector<std::string> found;
    for (const auto& s : out) found.emplace_back(text.substr(s.start, s.end - s.start));
    std::sort(found.begin(), found.end());
    found.erase(std::unique(found.begin(), found.end()), found.end());
    return found;
  };
  EXPECT_EQ(spans("Hej.\n\ngravid\n\nHej."), (std::vector<std::string>{"gravid"}));
  EXPECT_EQ(spans("Jag är\ngift."), (std::vector<std::string>{"är\ngift"}));
  EXPECT_EQ(spans("Jag är\n\ngift."), (std::vector<std::string>{}));
}

// A pattern runs only in the paragraphs where the scan (Hyperscan) says it can match: with the
// patterns' own case folding, so capitals, also non-ASCII ones, still match, and the spans are
// those of every pattern run on the text.
TEST(RegexRecognizerTest, ScanKeepsEveryPatternThatCanMatch) {
  for (const char* text :
       {"JAG ÄR GIFT", "OLEN ÄITIYSLOMALLA", "Äitiyslomalla olin", "I AM MARRIED", "Flat 3", "MY DAUGHTER",
        "Uskonnollinen yhteisö", "ſingle mother", "Viron kansalainen", "Meillä on LAPSIA", "lasteni kanssa",
        "Sairastan astmaa", "I AM A REFUGEE", "type 1 diabetes", "Apt. 4B", "I LIVE IN Helsinki",
        "\xFFOlen naimisissa ja minulla on lapsi.\xC3", "puh.\v040 1234567"}) {
    std::vector<Span> spans;
    AllPatterns().Find(text, Context{"fi", {}}, spans);
    EXPECT_FALSE(spans.empty()) << text;
    ExpectSameAsCaptures(text);
  }
}

// `\p{L}` in a pattern is a letter of the Latin, Greek and Cyrillic scripts (the automata stay
// small): a cue word glued to one of those is part of a longer word, not the cue; × is no letter.
TEST(RegexRecognizerTest, LettersAreThoseOfLatinGreekAndCyrillic) {
  RegexRecognizer cues({PatternRule{R"((?:^|[^\p{L}])(perhe\p{L}*)(?:[^\p{L}]|$))", EntityType::kFamily}});
  auto found = [&](std::string_view text) {
    std::vector<Span> spans;
    cues.Find(text, Context{"fi", {}}, spans);
    std::vector<std::string> out;
    for (const auto& s : spans) out.emplace_back(text.substr(s.start, s.end - s.start));
    return out;
  };
  using Found = std::vector<std::string>;
  EXPECT_EQ(found("Muutin perheeseni luo."), (Found{"perheeseni"}));
  EXPECT_EQ(found("perheenjäsenet ja perheŝ"), (Found{"perheenjäsenet", "perheŝ"}));
  EXPECT_EQ(found("superhe äperhe Ωperhe жperhe ẞperhe"), (Found{}));
  EXPECT_EQ(found("2×perhe"), (Found{"perhe"}));
}

// The spans found from whole matches are exactly those of RE2's capture groups: on every labelled
// text, and where the boundaries are at the text's edges or are multi-byte characters.
TEST(RegexRecognizerTest, SpansEqualRe2CaptureGroups) {
  for (const char* set : {"/eval.jsonl", "/eval_handwritten.jsonl", "/eval_cv_style.jsonl"}) {
    for (const auto& doc : LoadLabelledDocs(std::string(REILU_EVAL_DIR) + set)) ExpectSameAsCaptures(doc.text);
  }
  for (const char* text : {"perhe",
                           "perheeseen",
                           "—perhe—",
                           "äperhe",
                           "perheä",
                           "040 1234567",
                           "x040 1234567y",
                           "ä040 1234567ä",
                           "00100 Helsinki",
                           "FI-00100 Helsinki",
                           "a FI-00100 Helsinki",
                           "131052-308T",
                           "x131052-308Tx",
                           "Flat 12",
                           "Apt. 3B,",
                           "45-vuotias",
                           "€45-vuotias",
                           "+358 40 1234567",
                           "(09) 123 4567",
                           "x(09) 123 4567",
                           "naimisissa ja minulla on kaksi lasta",
                           "äitiyslomalla",
                           "SW1A 1AA",
                           "London, NW 12345",
                           "Perhe\xE1\xB2\x80 ja lapset",
                           "LAPSI\xE1\xB2\x80 ja vaimo"}) {
    ExpectSameAsCaptures(text);
  }
  // Random texts from pieces that patterns start and end with, glued by boundary characters.
  const std::vector<std::string> pieces = {"perhe", "lapsi",      "040",     "123",      "4567", "00100",    "Helsinki",
                                           "ä",     "—",          " ",       "\n",       "-",    "+358",     "(0)",
                                           "Flat",  "12",         "vuotias", "syntynyt", "1980", "diabetes", "type",
                                           "1",     "äidinkieli", ":",       "somali",   "asun", "Espoo",    "é"};
  std::mt19937 rng(11);
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    for (size_t n = 1 + rng() % 8; n > 0; --n) text += pieces[rng() % pieces.size()];
    ExpectSameAsCaptures(text);
  }
}

}  // namespace
}  // namespace reilu::redact
