// Where a pattern's span lies within its whole match, read from the pattern's text. RE2 finds a
// whole match with its DFA at a fraction of a microsecond; asking it for capture groups runs its
// submatch engines over the pattern's program, which for the cue patterns (\p{L} many times, under
// (?i): 10 000–24 000 instructions) costs tens of microseconds per match. Most patterns either are
// one group, or are one group between one-character boundaries written as RE2 has no look-behind:
// `(?:^|[^\p{L}])(group)(?:[^\d]|$)`. For those the group is found from the whole match with a few
// anchored DFA checks (RegexRecognizer), and the submatch engines are never asked.
#pragma once

#include <string>
#include <string_view>

namespace reilu::redact {

struct PatternShape {
  enum class Kind {
    kCaptured,           // anything else: ask RE2 for the first group
    kWhole,              // no group, or the whole pattern is group 1: the span is the whole match
    kBetweenBoundaries,  // [flags](?:^|[^X])(group)[(?:[^Y]|$)]
  };
  Kind kind = Kind::kCaptured;
  std::string flags;        // "(?i)" or empty; applies to the parts below too
  std::string lead_class;   // "[^X]": the character before the group, unless the text starts there
  std::string group;        // the group's own pattern
  std::string trail_class;  // "[^Y]": the character after the group, unless the text ends there; or empty
};

PatternShape ReadPatternShape(std::string_view pattern);

}  // namespace reilu::redact
