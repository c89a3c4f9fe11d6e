// A recognizer made of RE2 patterns: each match (or its first capture group, when it has one) is a
// span of the pattern's type, optionally checked by a validator (checksums, calendar dates).
#pragma once

#include <re2/re2.h>

#include <array>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>

#include "redact/pattern_scan.h"
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
  // One recognizer with the rules of every RegexRecognizer in `parts` (so one scan finds where
  // each pattern can match); the other recognizers are returned untouched in `parts`.
  static std::unique_ptr<RegexRecognizer> Combine(std::vector<std::unique_ptr<Recognizer>>& parts);
  void Find(std::string_view text, const Context& context, std::vector<Span>& out) const override;
  // Searches every pattern through each paragraph of `text`: RE2 builds its automata's states from
  // the text it reads (shared by every thread), and those ordinary text needs are then built.
  void Warm(std::string_view text) const override;
  // The patterns as RE2 reads them, in order (what the scan is made of).
  std::vector<std::string> Patterns() const;
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
  // The matches of `c` inside the one window [from, to), searched there alone, only near where the
  // scan says its matches end (`ends`, in order; `max_width`: PatternScan::MaxWidth).
  static void FindNearEnds(const Compiled& c, std::string_view text, std::pair<size_t, size_t> window,
                           const std::vector<uint32_t>& ends, size_t max_width, std::vector<re2::StringPiece>& match,
                           std::vector<Span>& out);
  // The matches of `c` inside the one window [from, to), searched there alone.
  static void FindInWindow(const Compiled& c, std::string_view text, std::pair<size_t, size_t> window, bool captures,
                           std::vector<re2::StringPiece>& match, std::vector<Span>& out);

  // Where each pattern's matches can end (see pattern_scan.h); made on first use, so recognizers that are
  // merged by Combine never make one of their own.
  const PatternScan& Scan() const;

  std::vector<Compiled> compiled_;
  mutable std::once_flag scan_once_;
  mutable std::shared_ptr<const PatternScan> scan_;
};

// `inner` as a word of its own: no letter may touch it on either side (RE2's \b is ASCII-only).
std::string WordOfItsOwn(const std::string& inner);

// Every pattern of the default engine (context names, id codes, contacts, addresses, ages, cues)
// in one recognizer.
std::unique_ptr<RegexRecognizer> MakePatternRecognizer();

}  // namespace reilu::redact
