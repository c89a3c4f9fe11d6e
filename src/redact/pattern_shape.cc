#include "redact/pattern_shape.h"

#include <optional>

namespace reilu::redact {

namespace {

// The index just past the group or class that opens at `open` ('(' or '['), skipping escapes and,
// inside groups, character classes; npos when it never closes.
size_t PastClosing(std::string_view p, size_t open) {
  if (p[open] == '[') {
    size_t i = open + 1;
    if (i < p.size() && p[i] == '^') ++i;
    if (i < p.size() && p[i] == ']') ++i;  // a leading ']' is a literal
    for (; i < p.size(); ++i) {
      if (p[i] == '\\') {
        ++i;
      } else if (p[i] == ']') {
        return i + 1;
      }
    }
    return std::string_view::npos;
  }
  int depth = 0;
  for (size_t i = open; i < p.size(); ++i) {
    if (p[i] == '\\') {
      ++i;
    } else if (p[i] == '[') {
      size_t past = PastClosing(p, i);
      if (past == std::string_view::npos) return past;
      i = past - 1;
    } else if (p[i] == '(') {
      ++depth;
    } else if (p[i] == ')' && --depth == 0) {
      return i + 1;
    }
  }
  return std::string_view::npos;
}

bool IsCapturingOpen(std::string_view p, size_t i) {
  return i < p.size() && p[i] == '(' && (i + 1 >= p.size() || p[i + 1] != '?');
}

bool HasCapturingGroup(std::string_view p) {
  for (size_t i = 0; i < p.size(); ++i) {
    if (p[i] == '\\') {
      ++i;
    } else if (p[i] == '[') {
      size_t past = PastClosing(p, i);
      if (past == std::string_view::npos) return true;  // unreadable: take the safe path
      i = past - 1;
    } else if (IsCapturingOpen(p, i)) {
      return true;
    }
  }
  return false;
}

// `(?:^|[^X])` or `(?:[^Y]|$)` at `at`: the class "[^X]" and the index past it.
std::optional<std::pair<std::string, size_t>> ReadBoundary(std::string_view p, size_t at, bool leading) {
  std::string_view open = leading ? "(?:^|" : "(?:";
  if (p.substr(at, open.size()) != open) return std::nullopt;
  size_t class_start = at + open.size();
  if (class_start + 1 >= p.size() || p[class_start] != '[' || p[class_start + 1] != '^') return std::nullopt;
  size_t class_end = PastClosing(p, class_start);
  if (class_end == std::string_view::npos) return std::nullopt;
  std::string_view close = leading ? ")" : "|$)";
  if (p.substr(class_end, close.size()) != close) return std::nullopt;
  return std::pair{std::string(p.substr(class_start, class_end - class_start)), class_end + close.size()};
}

}  // namespace

PatternShape ReadPatternShape(std::string_view pattern) {
  PatternShape shape;
  std::string_view p = pattern;
  if (p.substr(0, 4) == "(?i)") {
    shape.flags = "(?i)";
    p.remove_prefix(4);
  }
  if (!HasCapturingGroup(p)) {
    shape.kind = PatternShape::Kind::kWhole;
    return shape;
  }
  if (IsCapturingOpen(p, 0) && PastClosing(p, 0) == p.size()) {
    shape.kind = PatternShape::Kind::kWhole;
    return shape;
  }
  auto lead = ReadBoundary(p, 0, true);
  if (!lead || !IsCapturingOpen(p, lead->second)) return shape;
  size_t group_end = PastClosing(p, lead->second);
  if (group_end == std::string_view::npos) return shape;
  std::string_view group = p.substr(lead->second + 1, group_end - lead->second - 2);
  std::string trail;
  if (group_end != p.size()) {
    auto after = ReadBoundary(p, group_end, false);
    if (!after || after->second != p.size()) return shape;
    trail = after->first;
  }
  // The group must hold no group of its own: the span is group 1 and nothing else is numbered.
  if (HasCapturingGroup(group)) return shape;
  shape.kind = PatternShape::Kind::kBetweenBoundaries;
  shape.lead_class = lead->first;
  shape.group = std::string(group);
  shape.trail_class = trail;
  return shape;
}

}  // namespace reilu::redact
