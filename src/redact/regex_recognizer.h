// A recognizer made of RE2 patterns: each match (or its first capture group, when it has one) is a
// span of the pattern's type, optionally checked by a validator (checksums, calendar dates).
#pragma once

#include <re2/re2.h>
#include <re2/set.h>

#include <functional>
#include <memory>
#include <mutex>

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
  // One recognizer with the rules of every RegexRecognizer in `parts` (so one automaton pass finds
  // which patterns match); the other recognizers are returned untouched in `parts`.
  static std::unique_ptr<RegexRecognizer> Combine(std::vector<std::unique_ptr<Recognizer>>& parts);
  void Find(std::string_view text, const Context& context, std::vector<Span>& out) const override;

 private:
  struct Compiled {
    std::unique_ptr<RE2> re;
    PatternRule rule;
  };
  // All patterns in one automaton: a single pass says which patterns match at all, and only
  // those are run again for their positions (most patterns match nothing in most texts).
  const RE2::Set* AnyPattern() const;

  std::vector<Compiled> compiled_;
  mutable std::once_flag any_once_;
  mutable std::unique_ptr<RE2::Set> any_;
};

}  // namespace reilu::redact
