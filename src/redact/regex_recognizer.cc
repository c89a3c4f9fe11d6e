#include "redact/regex_recognizer.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <tuple>

namespace reilu::redact {

namespace {

RE2::Options PatternOptions() {
  RE2::Options options;
  options.set_encoding(RE2::Options::EncodingUTF8);
  options.set_log_errors(false);
  // Unicode classes and case folding make large automata; give the DFA room so it does not fall
  // back to the much slower NFA.
  options.set_max_mem(16 << 20);
  return options;
}

// `\p{L}` as the letters of the scripts applications are written in: Latin (with its extensions,
// Vietnamese included), Greek and Cyrillic, not × and ÷. Unicode's whole letter class is hundreds
// of UTF-8 byte ranges, and RE2 builds its automata's states lazily from the text: on text it has
// not seen, building them was most of the engine's time (with every pattern in one automaton,
// 17 000 instructions a byte of the NER development texts with the whole class, 7 700 with these). A word in another
// script ends at its first letter here; the name recognizers, which are not patterns, still read it.
std::string WithLettersOfTheTexts(const std::string& pattern) {
  static const std::string kLetters =
      R"(A-Za-z\x{C0}-\x{D6}\x{D8}-\x{F6}\x{F8}-\x{24F}\x{370}-\x{52F}\x{1E00}-\x{1EFF})";
  std::string out;
  bool in_class = false;
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '\\' && i + 1 < pattern.size()) {
      if (pattern.compare(i, 5, "\\p{L}") == 0) {
        out += in_class ? kLetters : "[" + kLetters + "]";
        i += 4;
      } else {
        out += pattern.substr(i, 2);
        ++i;
      }
      continue;
    }
    if (pattern[i] == '[') in_class = true;
    if (pattern[i] == ']') in_class = false;
    out += pattern[i];
  }
  return out;
}

}  // namespace

RegexRecognizer::RegexRecognizer(std::vector<PatternRule> rules) {
  const RE2::Options options = PatternOptions();
  for (auto& rule : rules) {
    rule.pattern = WithLettersOfTheTexts(rule.pattern);
    auto re = std::make_unique<RE2>(rule.pattern, options);
    // Patterns are part of the program: a broken one is a bug to stop at, in every build type.
    if (!re->ok()) {
      std::fprintf(stderr, "redact: invalid pattern %s: %s\n", rule.pattern.c_str(), re->error().c_str());
      std::abort();
    }
    // RE2 compiles the backward program that finds where a match starts on the first match;
    // compiled here, that is start-up's cost and not the first application's.
    re->ReverseProgramSize();
    PatternShape shape = ReadPatternShape(rule.pattern);
    Compiled c{std::move(re), std::move(rule)};
    c.kind = shape.kind;
    if (shape.kind == PatternShape::Kind::kBetweenBoundaries) {
      auto part = [&](const std::string& pattern) {
        auto compiled = std::make_unique<RE2>(shape.flags + pattern, options);
        if (!compiled->ok()) std::abort();
        return compiled;
      };
      c.group = part(shape.group);
      c.lead = part(shape.lead_class);
      if (!shape.trail_class.empty()) c.trail = part(shape.trail_class);
      for (size_t ch = 0; ch < c.lead_ascii.size(); ++ch) {
        const std::string one(1, static_cast<char>(ch));
        c.lead_ascii[ch] = RE2::FullMatch(one, *c.lead);
        if (c.trail) c.trail_ascii[ch] = RE2::FullMatch(one, *c.trail);
      }
    }
    compiled_.push_back(std::move(c));
  }
}

std::unique_ptr<RegexRecognizer> RegexRecognizer::Combine(std::vector<std::unique_ptr<Recognizer>>& parts) {
  auto combined = std::unique_ptr<RegexRecognizer>(new RegexRecognizer(std::vector<PatternRule>{}));
  std::vector<std::unique_ptr<Recognizer>> others;
  for (auto& part : parts) {
    if (auto* regex = dynamic_cast<RegexRecognizer*>(part.get())) {
      // The compiled patterns move over; nothing is compiled twice.
      for (auto& c : regex->compiled_) combined->compiled_.push_back(std::move(c));
    } else {
      others.push_back(std::move(part));
    }
  }
  parts = std::move(others);
  return combined;
}

std::vector<std::pair<size_t, size_t>> RegexRecognizer::ParagraphWindows(std::string_view text) {
  std::vector<std::pair<size_t, size_t>> windows;
  size_t start = 0;
  auto close = [&](size_t end) {
    // The newline on each side belongs to the window: a word at the paragraph's edge needs it as
    // its boundary character.
    if (end > start) windows.emplace_back(start > 0 ? start - 1 : 0, end < text.size() ? end + 1 : end);
  };
  for (size_t i = text.find('\n'); i != std::string_view::npos; i = text.find('\n', i + 1)) {
    size_t j = i + 1;
    bool blank = false;
    // Lines of nothing but spaces after this one: a paragraph ends here.
    for (size_t k = j; k < text.size(); ++k) {
      char c = text[k];
      if (c == '\n') {
        blank = true;
        j = k + 1;
      } else if (c != ' ' && c != '\t' && c != '\r') {
        break;
      }
    }
    if (!blank) continue;
    close(i);
    start = j;
    i = j - 1;
  }
  close(text.size());
  return windows;
}

std::vector<std::string> RegexRecognizer::Patterns() const {
  std::vector<std::string> patterns;
  for (const auto& c : compiled_) patterns.push_back(c.rule.pattern);
  return patterns;
}

const PatternScan& RegexRecognizer::Scan() const {
  std::call_once(scan_once_, [this] { scan_ = PatternScan::For(Patterns()); });
  return *scan_;
}

void RegexRecognizer::Find(std::string_view text, const Context&, std::vector<Span>& out) const {
  if (compiled_.empty()) return;
  const PatternScan& scan = Scan();
  const auto windows = ParagraphWindows(text);
  const auto ends = scan.Ends(text);
  std::vector<re2::StringPiece> match;
  for (size_t i = 0; i < compiled_.size(); ++i) {
    if (!ends || !scan.Covers(i)) {
      // Not in the scan (none such now, or the scan could not run): each paragraph, as the
      // reference does.
      for (const auto& window : windows) FindInWindow(compiled_[i], text, window, false, match, out);
      continue;
    }
    const std::vector<uint32_t>& pattern_ends = (*ends)[i];
    auto e = pattern_ends.begin();
    auto w = windows.begin();
    while (e != pattern_ends.end() && w != windows.end()) {
      // A match inside window [from, to) ends in (from, to] (none is empty); the windows share
      // their edge characters, so one end may lie in two.
      if (*e <= w->first) {
        ++e;
      } else if (*e > w->second) {
        w = std::lower_bound(w, windows.end(), *e, [](const auto& window, size_t at) { return window.second < at; });
      } else {
        FindNearEnds(compiled_[i], text, *w, pattern_ends, scan.MaxWidth(i), match, out);
        ++w;
      }
    }
  }
}

void RegexRecognizer::Warm(std::string_view text) const {
  std::vector<re2::StringPiece> match;
  std::vector<Span> found;
  for (const auto& window : ParagraphWindows(text)) {
    for (const Compiled& c : compiled_) FindInWindow(c, text, window, false, match, found);
  }
}

void RegexRecognizer::FindNearEnds(const Compiled& c, std::string_view text, std::pair<size_t, size_t> window,
                                   const std::vector<uint32_t>& ends, size_t max_width,
                                   std::vector<re2::StringPiece>& match, std::vector<Span>& out) {
  const auto [from, to] = window;
  // RE2's match ends where one of the scan's does: the search stops at the last of them in the
  // window (no match runs further), and each starts at most the widest match before the first end
  // still ahead (none starts earlier). The spans are those of a search of the whole window.
  const auto last = std::upper_bound(ends.begin(), ends.end(), to);
  if (last == ends.begin() || *std::prev(last) <= from) return;
  const size_t limit = *std::prev(last);
  size_t pos = from;
  while (pos < limit) {
    const auto next = std::upper_bound(ends.begin(), last, pos);
    if (next == last) return;
    const size_t start =
        max_width == PatternScan::kUnbounded || *next < max_width ? pos : std::max(pos, *next - max_width);
    auto found = Search(c, text, start, limit, false, match);
    if (!found) return;
    pos = Keep(c, text, *found, out);
  }
}

void RegexRecognizer::FindWithCaptures(std::string_view text, std::vector<Span>& out) const {
  std::vector<re2::StringPiece> match;
  for (const auto& window : ParagraphWindows(text)) {
    for (const Compiled& c : compiled_) FindInWindow(c, text, window, true, match, out);
  }
}

void RegexRecognizer::FindInWindow(const Compiled& c, std::string_view text, std::pair<size_t, size_t> window,
                                   bool captures, std::vector<re2::StringPiece>& match, std::vector<Span>& out) {
  size_t pos = window.first;
  while (auto found = Search(c, text, pos, window.second, captures, match)) pos = Keep(c, text, *found, out);
}

namespace {

size_t FirstCharLength(std::string_view text, size_t at) {
  auto b = static_cast<unsigned char>(text[at]);
  size_t n = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
  return std::min(n, text.size() - at);
}

size_t LastCharLength(std::string_view text, size_t end) {
  size_t start = end - 1;
  while (start > 0 && end - start < 4 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
  return end - start;
}

bool Matches(const RE2& re, std::string_view text, size_t start, size_t end) {
  return re.Match(re2::StringPiece(text.data(), text.size()), start, end, RE2::ANCHOR_BOTH, nullptr, 0);
}

// Is the one character text[start, end) in the boundary class `re`? An ASCII one from the table.
bool InClass(const RE2& re, const std::array<bool, 128>& ascii, std::string_view text, size_t start, size_t end) {
  auto b = static_cast<unsigned char>(text[start]);
  if (end == start + 1 && b < 0x80) return ascii[b];
  return Matches(re, text, start, end);
}

}  // namespace

std::optional<std::pair<size_t, size_t>> RegexRecognizer::GroupBetweenBoundaries(const Compiled& c,
                                                                                 std::string_view text, size_t start,
                                                                                 size_t end) {
  if (start == end) return std::nullopt;
  // `(?:^|[^X])`: RE2 prefers `^`, which only the text's start can be.
  size_t first = FirstCharLength(text, start);
  size_t leads[2];
  size_t lead_count = 0;
  if (start == 0) leads[lead_count++] = 0;
  if (InClass(*c.lead, c.lead_ascii, text, start, start + first)) leads[lead_count++] = first;
  // `(?:[^Y]|$)`: RE2 prefers the character, and `$` is only the text's end.
  size_t trails[2];
  size_t trail_count = 0;
  if (!c.trail) {
    trails[trail_count++] = 0;
  } else {
    size_t last = LastCharLength(text, end);
    if (InClass(*c.trail, c.trail_ascii, text, end - last, end)) trails[trail_count++] = last;
    if (end == text.size()) trails[trail_count++] = 0;
  }
  // One way to split: the whole pattern matched, its boundaries are these characters (`^` and `$`
  // are only the text's ends), so the group matched what lies between them.
  if (lead_count == 1 && trail_count == 1) {
    size_t from = start + leads[0], to = end - trails[0];
    if (from <= to) return std::pair{from, to};
    return std::nullopt;
  }
  for (size_t l = 0; l < lead_count; ++l) {
    for (size_t t = 0; t < trail_count; ++t) {
      size_t from = start + leads[l], to = end - trails[t];
      if (from <= to && Matches(*c.group, text, from, to)) return std::pair{from, to};
    }
  }
  return std::nullopt;
}

std::optional<RegexRecognizer::Match> RegexRecognizer::Search(const Compiled& c, std::string_view text, size_t pos,
                                                              size_t limit, bool captures,
                                                              std::vector<re2::StringPiece>& match) {
  if (pos > limit) return std::nullopt;
  const int groups = c.re->NumberOfCapturingGroups();
  // Only the whole match from RE2 where the shape tells the span (see pattern_shape.h).
  const bool ask_groups = captures || c.kind == PatternShape::Kind::kCaptured;
  match.assign(ask_groups ? static_cast<size_t>(groups) + 1 : 1, re2::StringPiece());
  // The whole text is RE2's context: `^` and `$` match only at its ends.
  if (!c.re->Match(re2::StringPiece(text.data(), text.size()), pos, limit, RE2::UNANCHORED, match.data(),
                   static_cast<int>(match.size()))) {
    return std::nullopt;
  }
  Match m;
  m.whole_start = static_cast<size_t>(match[0].data() - text.data());
  m.whole_end = m.whole_start + match[0].size();
  m.start = m.whole_start;
  m.end = m.whole_end;
  if (ask_groups) {
    if (groups > 0 && match[1].data()) {
      m.start = static_cast<size_t>(match[1].data() - text.data());
      m.end = m.start + match[1].size();
    }
  } else if (c.kind == PatternShape::Kind::kBetweenBoundaries) {
    // No split fits only if the shape was misread: the whole match then, which covers the group.
    if (auto group = GroupBetweenBoundaries(c, text, m.whole_start, m.whole_end)) std::tie(m.start, m.end) = *group;
  }
  return m;
}

size_t RegexRecognizer::Keep(const Compiled& c, std::string_view text, const Match& m, std::vector<Span>& out) {
  std::string_view found = text.substr(m.start, m.end - m.start);
  if (!c.rule.valid || c.rule.valid(found)) out.push_back(Span{m.start, m.end, c.rule.type, c.rule.confidence});
  // The next search starts where the span ends, not the whole match: the boundary character
  // after one word is also the one before the next ("vaimo lapsi", two codes one space apart).
  return m.whole_end == m.whole_start ? m.whole_end + 1 : m.end > m.whole_start ? m.end : m.whole_end;
}

std::string WordOfItsOwn(const std::string& inner) { return R"((?:^|[^\p{L}]))" + inner + R"((?:[^\p{L}]|$))"; }

}  // namespace reilu::redact
