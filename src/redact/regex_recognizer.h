// A recognizer made of RE2 patterns: each match (or its first capture group, when it has one) is a
// span of the pattern's type, optionally checked by a validator (checksums, calendar dates).
#pragma once

#include <re2/filtered_re2.h>
#include <re2/re2.h>
#include <re2/set.h>

#include <array>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>

#include "redact/pattern_shape.h"
#include "redact/redact.h"

namespace reilu::redact {

struct PatternRule {
  std::string pattern;
  EntityType type;
  double confidence = 0.9;
  std::function<bool(std::string_view)> valid;  // empty: every match counts
};

class RegexRecognizer final : public Recognizer {
 public:
  explicit RegexRecognizer(std::vector<PatternRule> rules);
  // One recognizer with the rules of every RegexRecognizer in `parts` (so one prefilter finds
  // which patterns can match); the other recognizers are returned untouched in `parts`.
  static std::unique_ptr<RegexRecognizer> Combine(std::vector<std::unique_ptr<Recognizer>>& parts);
  void Find(std::string_view text, const Context& context, std::vector<Span>& out) const override;
  // The same spans taken from RE2's own capture groups for every pattern: the reference that tests
  // hold Find to (Find asks for groups only where a pattern's shape does not tell the span).
  void FindWithCaptures(std::string_view text, std::vector<Span>& out) const;
  // Matches lie inside one paragraph: text between blank lines (lines of nothing but spaces), with
  // the newline on each side as a boundary character. Windows [from, to), in order.
  static std::vector<std::pair<size_t, size_t>> ParagraphWindows(std::string_view text);

 private:
  struct Compiled {
    std::unique_ptr<RE2> re;
    PatternRule rule;
    PatternShape::Kind kind = PatternShape::Kind::kCaptured;
    // kBetweenBoundaries: the group alone and the boundary characters' classes, each checked
    // anchored on a stretch of the whole match.
    std::unique_ptr<RE2> group = nullptr, lead = nullptr, trail = nullptr;
    // The boundary classes' answers for each ASCII character, asked of RE2 once: most boundary
    // characters are spaces and punctuation, and each RE2 call costs far more than the lookup.
    std::array<bool, 128> lead_ascii{}, trail_ascii{};
  };
  // Where the pattern's span lies in its whole match [start, end) (kBetweenBoundaries), in the
  // order RE2 prefers the alternatives; nothing if no split fits.
  static std::optional<std::pair<size_t, size_t>> GroupBetweenBoundaries(const Compiled& c, std::string_view text,
                                                                         size_t start, size_t end);
  struct Match {
    size_t whole_start = 0, whole_end = 0;  // what the pattern matched
    size_t start = 0, end = 0;              // the span: the first group, or the whole match
  };
  // The first match of `c` in text[pos, limit), with the whole text as context.
  static std::optional<Match> Search(const Compiled& c, std::string_view text, size_t pos, size_t limit, bool captures,
                                     std::vector<re2::StringPiece>& match);
  // Adds the match's span to `out` if the rule's validator accepts it; where the next search starts.
  static size_t Keep(const Compiled& c, std::string_view text, const Match& m, std::vector<Span>& out);
  // The matches of `c` inside each paragraph of `windows`, as if searched in each paragraph alone.
  static void FindInParagraphs(const Compiled& c, std::string_view text,
                               const std::vector<std::pair<size_t, size_t>>& windows,
                               std::vector<re2::StringPiece>& match, std::vector<Span>& out);

  // Which patterns can match a text at all, before each that can is run over it for positions:
  // the literal strings each pattern needs (RE2's FilteredRE2), looked for in one pass; a pattern
  // whose strings are absent is not run. The patterns with no such string (phone numbers,
  // capitalised words) share a few automata, each run once over the whole text.
  struct Prefilter {
    re2::FilteredRE2 filter{kMinAtomLength};
    std::unique_ptr<RE2::Set> atoms;  // the strings, case-insensitively; none if no pattern has one
    struct Group {
      std::unique_ptr<RE2::Set> set;
      std::vector<int> patterns;  // the set's index -> the pattern's index in compiled_
    };
    std::vector<Group> groups;     // of the patterns with no string
    std::vector<bool> unfiltered;  // by pattern: in one of the groups
  };
  static constexpr int kMinAtomLength = 3;
  // Few: an automaton's states on text it has not seen are the product of its patterns' progress
  // (see "Text seen once" in docs/redaction.md).
  static constexpr size_t kPatternsPerAutomaton = 5;
  const Prefilter& Filter() const;

  std::vector<Compiled> compiled_;
  mutable std::once_flag filter_once_;
  mutable std::unique_ptr<Prefilter> filter_;
};

// Every pattern of the default engine (context names, id codes, contacts, addresses, ages, cues)
// in one recognizer.
std::unique_ptr<RegexRecognizer> MakePatternRecognizer();

}  // namespace reilu::redact
