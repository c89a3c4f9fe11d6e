// A recognizer made of RE2 patterns: each match (or its first capture group, when it has one) is a
// span of the pattern's type, optionally checked by a validator (checksums, calendar dates).
#pragma once

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
  // One recognizer with the rules of every RegexRecognizer in `parts` (so one first pass finds
  // which patterns match); the other recognizers are returned untouched in `parts`.
  static std::unique_ptr<RegexRecognizer> Combine(std::vector<std::unique_ptr<Recognizer>>& parts);
  void Find(std::string_view text, const Context& context, std::vector<Span>& out) const override;
  // The same spans taken from RE2's own capture groups for every pattern: the reference that tests
  // hold Find to (Find asks for groups only where a pattern's shape does not tell the span).
  void FindWithCaptures(std::string_view text, std::vector<Span>& out) const;
  // Matches lie inside one paragraph: text between blank lines (lines of nothing but spaces), with
  // the newline on each side as a boundary character. Windows [from, to), in order. Each pattern
  // runs only in the paragraphs where the first pass (a few automata) says it matches: a long
  // letter has an identifier in a few paragraphs, not in all of them.
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
  // The spans of `patterns` that lie in text[from, to).
  void FindSpans(std::string_view text, size_t from, size_t to, const std::vector<int>& patterns, bool captures,
                 std::vector<Span>& out) const;
  // The first pass: a few automata of several patterns each say which patterns match in a
  // paragraph, and only those are run again there for their positions (most patterns match
  // nothing in most paragraphs).
  struct PatternGroup {
    std::unique_ptr<RE2::Set> set;
    std::vector<int> patterns;  // the set's index -> the pattern's index in compiled_
  };
  // Empty when a group is too large for one automaton: every pattern then runs alone.
  const std::vector<PatternGroup>& Groups() const;

  std::vector<Compiled> compiled_;
  mutable std::once_flag groups_once_;
  mutable std::vector<PatternGroup> groups_;
};

// Every pattern of the default engine (context names, id codes, contacts, addresses, ages, cues)
// in one recognizer.
std::unique_ptr<RegexRecognizer> MakePatternRecognizer();

}  // namespace reilu::redact
