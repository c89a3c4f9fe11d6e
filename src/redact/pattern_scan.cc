#include "redact/pattern_scan.h"

#include <hs/hs.h>

#include <algorithm>
#include <atomic>
#include <bitset>
#include <cctype>
#include <charconv>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <map>
#include <mutex>

// The scan of the default engine's patterns that the build made (prebuilt_scan.cc), in programs
// that link it; absent in the program that makes it.
extern "C" __attribute__((weak)) const char* reilu_prebuilt_pattern_scan(size_t* size);

namespace reilu::redact {

namespace {

// Any one character outside ASCII, as bytes: Hyperscan reads the text as bytes (in UTF-8 mode
// its automata for the patterns' letter classes were a quarter of the scan's cost, and its
// Unicode tables were not RE2's). Up to four bytes of 0x80 and above take in every encoded
// character, and every byte that is no UTF-8, which RE2 matches nowhere.
constexpr std::string_view kNonAscii = R"([\x80-\xFF]{1,4})";

// Every match end is reported; in prefilter mode Hyperscan may match more than the pattern (never
// less), for a faster scan.
constexpr unsigned kFlags = HS_FLAG_ALLOWEMPTY | HS_FLAG_PREFILTER;

// What Serialized's bytes begin with, before the digest of the patterns they are of.
constexpr std::string_view kSerializedMagic = "reilu-pattern-scan 2 ";

// FNV-1a of the patterns, each ended by a zero byte: the same in every build of the same patterns.
std::string PatternsDigest(const std::vector<std::string>& patterns) {
  std::uint64_t hash = 14695981039346656037ull;
  auto add = [&](unsigned char byte) {
    hash ^= byte;
    hash *= 1099511628211ull;
  };
  // Each pattern and what it reads as in Hyperscan's dialect: a change to either makes another scan.
  for (const auto& pattern : patterns) {
    for (char ch : pattern) add(static_cast<unsigned char>(ch));
    add(0);
    for (char ch : ForHyperscan(pattern).value_or("")) add(static_cast<unsigned char>(ch));
    add(0);
  }
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
  return std::string(hex) + " " + std::to_string(patterns.size()) + " " + std::to_string(kFlags) + " " + hs_version();
}

}  // namespace

namespace {

std::string ByteEscape(unsigned byte) {
  char hex[5];
  std::snprintf(hex, sizeof hex, "\\x%02X", byte & 0xFF);
  return hex;
}

std::string Utf8Escaped(char32_t c) {
  std::string bytes;
  if (c < 0x80) return ByteEscape(c);
  if (c < 0x800) return ByteEscape(0xC0 | (c >> 6)) + ByteEscape(0x80 | (c & 0x3F));
  if (c < 0x10000) {
    return ByteEscape(0xE0 | (c >> 12)) + ByteEscape(0x80 | ((c >> 6) & 0x3F)) + ByteEscape(0x80 | (c & 0x3F));
  }
  return ByteEscape(0xF0 | (c >> 18)) + ByteEscape(0x80 | ((c >> 12) & 0x3F)) + ByteEscape(0x80 | ((c >> 6) & 0x3F)) +
         ByteEscape(0x80 | (c & 0x3F));
}

// The character that starts at p[i] in a pattern (its source is UTF-8), and its length in bytes.
std::pair<char32_t, size_t> DecodeAt(std::string_view p, size_t i) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(k < p.size() ? p[k] : 0); };
  const unsigned char lead = byte(i);
  if (lead < 0x80) return {lead, 1};
  const size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
  char32_t c = lead & (0x7F >> length);
  for (size_t k = 1; k < length; ++k) c = (c << 6) | (byte(i + k) & 0x3F);
  return {c, length};
}

// The code point of the escape `\xHH` or `\x{H…}` that starts at p[i], and where it ends (its
// last character); none if it is not one.
std::optional<std::pair<char32_t, size_t>> HexEscapeAt(std::string_view p, size_t i) {
  const bool braced = i + 2 < p.size() && p[i + 2] == '{';
  const size_t close = braced ? p.find('}', i) : i + 3;
  if (close == std::string_view::npos || close >= p.size()) return std::nullopt;
  const std::string_view digits = braced ? p.substr(i + 3, close - i - 3) : p.substr(i + 2, 2);
  unsigned value = 0;
  auto [next, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value, 16);
  if (error != std::errc() || next != digits.data() + digits.size()) return std::nullopt;
  return std::pair<char32_t, size_t>{value, close};
}

// What RE2 also matches for an ASCII letter under (?i), beyond its other case (which Hyperscan
// folds itself): the Kelvin sign and the long s.
std::vector<char32_t> FoldsBeyondAscii(char c) {
  switch (c | 0x20) {
    case 'k':
      return {0x212A};
    case 's':
      return {0x17F};
    default:
      return {};
  }
}

// The characters RE2 matches for a non-ASCII one under (?i), where known here (Latin-1's letters);
// none for the others, which are then read as any character outside ASCII.
std::vector<char32_t> CaseVariants(char32_t c) {
  if (c == 0xD7 || c == 0xF7 || c < 0xB5 || c > 0xFF) return {};
  if (c == 0xB5) return {0xB5, 0x39C, 0x3BC};  // micro sign, Greek mu
  if (c == 0xDF) return {0xDF, 0x1E9E};        // sharp s
  if (c == 0xFF) return {0xFF, 0x178};         // y with diaeresis
  if (c < 0xC0) return {};
  std::vector<char32_t> variants{c, c < 0xE0 ? c + 0x20 : c - 0x20};
  if (c == 0xC5 || c == 0xE5) variants.push_back(0x212B);  // the Angstrom sign
  return variants;
}

std::string Alternatives(const std::vector<std::string>& choices) {
  std::string out = "(?:";
  for (size_t k = 0; k < choices.size(); ++k) out += (k ? "|" : "") + choices[k];
  return out + ")";
}

// A character of the pattern outside a class, as bytes.
std::string LiteralBytes(char32_t c, bool caseless) {
  if (c < 0x80) {
    const char ch = static_cast<char>(c);
    const auto beyond =
        caseless && std::isalpha(static_cast<unsigned char>(ch)) ? FoldsBeyondAscii(ch) : std::vector<char32_t>{};
    std::string own = std::isalnum(static_cast<unsigned char>(ch)) ? std::string(1, ch) : ByteEscape(c);
    if (beyond.empty()) return own;
    std::vector<std::string> choices{own};
    for (char32_t b : beyond) choices.push_back(Utf8Escaped(b));
    return Alternatives(choices);
  }
  if (!caseless) return "(?:" + Utf8Escaped(c) + ")";  // one character, for a repeat after it
  const auto variants = CaseVariants(c);
  if (variants.empty()) return std::string(kNonAscii);
  std::vector<std::string> choices;
  for (char32_t v : variants) choices.push_back(Utf8Escaped(v));
  return Alternatives(choices);
}

// A class of the pattern, read from p[i] (its '[') to its ']': the ASCII characters it holds
// (Hyperscan folds their case under (?i)) and whether it holds any beyond. `i` is left on the ']'.
std::optional<std::string> ClassBytes(std::string_view p, size_t& i, bool caseless) {
  std::bitset<128> ascii;
  bool beyond = false;
  const bool negated = i + 1 < p.size() && p[i + 1] == '^';
  i += negated ? 2 : 1;
  auto add_range = [&](char32_t low, char32_t high) {
    for (char32_t c = low; c <= high && c < 0x80; ++c) ascii.set(c);
    if (high >= 0x80) beyond = true;
  };
  // One end of a range, or a lone member: its code point, if it is a character.
  auto endpoint = [&](size_t& k) -> std::optional<char32_t> {
    if (p[k] != '\\') {
      auto [c, length] = DecodeAt(p, k);
      k += length;
      return c;
    }
    if (k + 1 >= p.size()) return std::nullopt;
    const char e = p[k + 1];
    if (e == 'x') {
      auto escape = HexEscapeAt(p, k);
      if (escape) k = escape->second + 1;
      return escape ? std::optional<char32_t>(escape->first) : std::nullopt;
    }
    static constexpr std::string_view kControls = "tnrf";
    if (const size_t at = kControls.find(e); at != std::string_view::npos) {
      k += 2;
      return std::string_view("\t\n\r\f")[at];
    }
    if (std::isalnum(static_cast<unsigned char>(e))) return std::nullopt;
    k += 2;
    return static_cast<unsigned char>(e);
  };
  for (bool first = true; i < p.size() && (p[i] != ']' || first); first = false) {
    if (p[i] == '[' && i + 1 < p.size() && p[i + 1] == ':') return std::nullopt;  // [[:alpha:]]
    if (p[i] == '\\' && i + 1 < p.size()) {
      const char e = p[i + 1];
      if (e == 's') {  // RE2's white space: ASCII, without the vertical tab
        add_range('\t', '\n');
        add_range('\f', '\r');
        add_range(' ', ' ');
        i += 2;
        continue;
      }
      if (e == 'd') {
        add_range('0', '9');
        i += 2;
        continue;
      }
      if (e == 'p') {
        const std::string_view name = p.substr(i, 6);
        if ((name != R"(\p{Lu})" && name != R"(\p{Ll})") || negated) return std::nullopt;
        if (caseless || name == R"(\p{Lu})") add_range('A', 'Z');
        if (caseless || name == R"(\p{Ll})") add_range('a', 'z');
        beyond = true;
        i += 6;
        continue;
      }
    }
    auto low = endpoint(i);
    if (!low) return std::nullopt;
    char32_t high = *low;
    if (i + 1 < p.size() && p[i] == '-' && p[i + 1] != ']') {
      ++i;
      auto end = endpoint(i);
      if (!end || *end < *low) return std::nullopt;
      high = *end;
    }
    add_range(*low, high);
  }
  if (i >= p.size()) return std::nullopt;
  // Under (?i) RE2 folds the Kelvin sign and the long s into k and s.
  if (caseless && !negated && (ascii['k'] || ascii['K'] || ascii['s'] || ascii['S'])) beyond = true;
  std::string members;
  for (unsigned c = 0; c < 128; ++c) {
    if (!ascii[c]) continue;
    unsigned last = c;
    while (last + 1 < 128 && ascii[last + 1]) ++last;
    members += ByteEscape(c);
    if (last > c) members += "-" + ByteEscape(last);
    c = last;
  }
  // A negated class: one byte that is none of its ASCII members (any byte of 0x80 and above), or a
  // whole character outside ASCII.
  if (negated) return "(?:[^" + members + "]|" + std::string(kNonAscii) + ")";
  if (!beyond) return members.empty() ? std::nullopt : std::optional<std::string>("[" + members + "]");
  if (members.empty()) return std::string(kNonAscii);
  return "(?:[" + members + "]|" + std::string(kNonAscii) + ")";
}

}  // namespace

std::optional<std::string> ForHyperscan(std::string_view p) {
  std::string out;
  std::vector<bool> caseless{false};  // for each open group
  for (size_t i = 0; i < p.size(); ++i) {
    const char ch = p[i];
    if (ch == '\\') {
      if (i + 1 >= p.size()) return std::nullopt;
      const char e = p[i + 1];
      if (e == 's') {
        out += R"([\t\n\f\r ])";
        ++i;
      } else if (e == 'p') {
        // A letter class of its own: read as a class.
        std::string as_class = "[" + std::string(p.substr(i, 6)) + "]";
        size_t k = 0;
        auto bytes = ClassBytes(as_class, k, caseless.back());
        if (!bytes || k + 1 != as_class.size()) return std::nullopt;
        out += *bytes;
        i += 5;
      } else if (e == 'x') {
        auto escape = HexEscapeAt(p, i);
        if (!escape) return std::nullopt;
        out += LiteralBytes(escape->first, caseless.back());
        i = escape->second;
      } else if (std::string_view("dbtnrf").find(e) != std::string_view::npos ||
                 !std::isalnum(static_cast<unsigned char>(e))) {
        out.append(p.substr(i, 2));
        ++i;
      } else {
        return std::nullopt;  // \S, \W, \pL, \C, \Q…: not read here
      }
      continue;
    }
    if (ch == '[') {
      auto bytes = ClassBytes(p, i, caseless.back());
      if (!bytes) return std::nullopt;
      out += *bytes;
      continue;
    }
    if (ch == '.') {
      out += "[\\x00-\\xFF]{1,4}";  // a character, or a line break under (?s): any bytes that can be one
      continue;
    }
    if (static_cast<unsigned char>(ch) >= 0x80) {
      auto [c, length] = DecodeAt(p, i);
      out += LiteralBytes(c, caseless.back());
      i += length - 1;
      continue;
    }
    if (std::isalpha(static_cast<unsigned char>(ch)) && caseless.back()) {
      out += LiteralBytes(static_cast<unsigned char>(ch), true);
      continue;
    }
    if (ch == '(') {
      if (i + 1 < p.size() && p[i + 1] == '?') {
        const size_t end = p.find_first_of(":)", i + 2);
        if (end == std::string_view::npos) return std::nullopt;
        bool on = true, ci = caseless.back();
        for (char flag : p.substr(i + 2, end - i - 2)) {
          if (flag == '-') {
            on = false;
          } else if (flag == 'i') {
            ci = on;
          } else if (flag != 's' && flag != 'm') {
            return std::nullopt;  // named groups, non-greedy mode
          }
        }
        if (p[end] == ')') {
          caseless.back() = ci;  // for the rest of the group
        } else {
          caseless.push_back(ci);
        }
        out.append(p.substr(i, end + 1 - i));
        i = end;
        continue;
      }
      caseless.push_back(caseless.back());
    } else if (ch == ')') {
      if (caseless.size() < 2) return std::nullopt;
      caseless.pop_back();
    }
    out += ch;
  }
  if (caseless.size() != 1) return std::nullopt;
  return out;
}

struct PatternScan::Database {
  hs_database_t* db = nullptr;
  ~Database() { hs_free_database(db); }
};

std::shared_ptr<const PatternScan> PatternScan::For(const std::vector<std::string>& re2_patterns) {
  // Kept for the process: every engine with the same patterns shares one.
  static std::mutex mutex;
  static std::map<std::vector<std::string>, std::shared_ptr<const PatternScan>> made;
  std::lock_guard lock(mutex);
  auto& scan = made[re2_patterns];
  if (!scan) scan = std::shared_ptr<const PatternScan>(new PatternScan(re2_patterns));
  return scan;
}

PatternScan::PatternScan(size_t pattern_count)
    : covered_(pattern_count, false), max_width_(pattern_count, kUnbounded), pattern_count_(pattern_count) {}

PatternScan::PatternScan(const std::vector<std::string>& re2_patterns) : PatternScan(re2_patterns.size()) {
  if (hs_valid_platform() != HS_SUCCESS) return;
  if (Read(re2_patterns, Prebuilt())) return;
  Compile(re2_patterns);
}

std::string_view PatternScan::Prebuilt() {
  size_t size = 0;
  const char* bytes = reilu_prebuilt_pattern_scan ? reilu_prebuilt_pattern_scan(&size) : nullptr;
  return bytes ? std::string_view(bytes, size) : std::string_view();
}

std::shared_ptr<const PatternScan> PatternScan::FromSerialized(const std::vector<std::string>& re2_patterns,
                                                               std::string_view serialized) {
  auto scan = std::shared_ptr<PatternScan>(new PatternScan(re2_patterns.size()));
  if (!scan->Read(re2_patterns, serialized)) return nullptr;
  return scan;
}

std::string PatternScan::Serialized(const std::vector<std::string>& re2_patterns) {
  if (hs_valid_platform() != HS_SUCCESS) return {};
  PatternScan scan(re2_patterns.size());
  scan.Compile(re2_patterns);
  std::string out = std::string(kSerializedMagic) + PatternsDigest(re2_patterns) + "\n";
  for (bool covered : scan.covered_) out += covered ? '1' : '0';
  out += '\n';
  for (size_t width : scan.max_width_) out += std::to_string(width == kUnbounded ? 0 : width + 1) + " ";
  out += '\n';
  if (scan.database_) {
    char* bytes = nullptr;
    size_t length = 0;
    if (hs_serialize_database(scan.database_->db, &bytes, &length) != HS_SUCCESS) return {};
    out.append(bytes, length);
    std::free(bytes);
  }
  return out;
}

// From Serialized's bytes, if they are of these patterns and fit this CPU.
bool PatternScan::Read(const std::vector<std::string>& re2_patterns, std::string_view serialized) {
  const std::string header = std::string(kSerializedMagic) + PatternsDigest(re2_patterns) + "\n";
  if (!serialized.starts_with(header)) return false;  // of other patterns: the program changed
  serialized.remove_prefix(header.size());
  if (serialized.size() <= re2_patterns.size() || serialized[re2_patterns.size()] != '\n') return false;
  std::vector<bool> covered(re2_patterns.size());
  for (size_t i = 0; i < covered.size(); ++i) covered[i] = serialized[i] == '1';
  serialized.remove_prefix(re2_patterns.size() + 1);
  // Each pattern's widest match plus one (0: unbounded), then a newline.
  std::vector<size_t> max_width(re2_patterns.size(), kUnbounded);
  for (size_t i = 0; i < max_width.size(); ++i) {
    size_t value = 0;
    auto [next, error] = std::from_chars(serialized.data(), serialized.data() + serialized.size(), value);
    if (error != std::errc() || next == serialized.data() + serialized.size() || *next != ' ') return false;
    max_width[i] = value == 0 ? kUnbounded : value - 1;
    serialized.remove_prefix(static_cast<size_t>(next - serialized.data()) + 1);
  }
  if (serialized.empty() || serialized[0] != '\n') return false;
  serialized.remove_prefix(1);
  // Patterns the scan covers are searched only where it reports ends: with no database (the bytes
  // cut short) none may be.
  if (serialized.empty() && std::find(covered.begin(), covered.end(), true) != covered.end()) return false;
  if (!serialized.empty()) {
    hs_database_t* db = nullptr;
    // A database built for another CPU's features is refused here; it is compiled anew.
    if (hs_deserialize_database(serialized.data(), serialized.size(), &db) != HS_SUCCESS) return false;
    database_ = std::make_unique<Database>();
    database_->db = db;
  }
  covered_ = std::move(covered);
  max_width_ = std::move(max_width);
  return true;
}

void PatternScan::Compile(const std::vector<std::string>& re2_patterns) {
  std::vector<std::string> expressions;
  std::vector<unsigned> ids;
  for (size_t i = 0; i < re2_patterns.size(); ++i) {
    auto expression = ForHyperscan(re2_patterns[i]);
    if (!expression) continue;
    // An empty match tells no window apart (it may stand at one's first character, which is the
    // last of the one before): such a pattern is searched everywhere.
    hs_expr_info_t* info = nullptr;
    hs_compile_error_t* error = nullptr;
    if (hs_expression_info(expression->c_str(), kFlags, &info, &error) != HS_SUCCESS) {
      hs_free_compile_error(error);
      continue;
    }
    const bool can_be_empty = info->min_width == 0;
    max_width_[i] = info->max_width == UINT_MAX ? kUnbounded : info->max_width;
    std::free(info);
    if (can_be_empty) continue;
    expressions.push_back(std::move(*expression));
    ids.push_back(static_cast<unsigned>(i));
  }
  // A pattern Hyperscan rejects (too large, or a construct it lacks) is left to RE2 alone.
  while (!expressions.empty()) {
    std::vector<const char*> texts;
    for (const auto& e : expressions) texts.push_back(e.c_str());
    const std::vector<unsigned> flags(expressions.size(), kFlags);
    hs_database_t* db = nullptr;
    hs_compile_error_t* error = nullptr;
    if (hs_compile_multi(texts.data(), flags.data(), ids.data(), static_cast<unsigned>(texts.size()), HS_MODE_BLOCK,
                         nullptr, &db, &error) == HS_SUCCESS) {
      database_ = std::make_unique<Database>();
      database_->db = db;
      for (unsigned id : ids) covered_[id] = true;
      return;
    }
    const int failed = error->expression;
    hs_free_compile_error(error);
    if (failed < 0) return;  // not one pattern's fault: RE2 does all
    expressions.erase(expressions.begin() + failed);
    ids.erase(ids.begin() + failed);
  }
}

PatternScan::~PatternScan() = default;

std::uint64_t PatternScan::NextId() {
  static std::atomic<std::uint64_t> next{0};
  return next++;
}

hs_scratch_t* PatternScan::ThreadScratch() const {
  // Making a scratch costs hundreds of microseconds, a scan of a short text a few: each thread
  // makes one per scan and keeps it. Scans are told apart by an id that is never reused (a scan
  // made later at a freed one's address must not take its scratch).
  struct Scratches {
    std::vector<std::pair<std::uint64_t, hs_scratch_t*>> made;
    ~Scratches() {
      for (auto& [id, scratch] : made) hs_free_scratch(scratch);
    }
  };
  thread_local Scratches scratches;
  for (auto& [id, scratch] : scratches.made) {
    if (id == id_) return scratch;
  }
  hs_scratch_t* scratch = nullptr;
  if (hs_alloc_scratch(database_->db, &scratch) != HS_SUCCESS) return nullptr;
  scratches.made.emplace_back(id_, scratch);
  return scratch;
}

std::optional<std::vector<std::vector<uint32_t>>> PatternScan::Ends(std::string_view text) const {
  std::vector<std::vector<uint32_t>> ends(pattern_count_);
  if (!database_ || text.empty()) return ends;
  if (text.size() > std::numeric_limits<std::uint32_t>::max()) return std::nullopt;

  hs_scratch_t* scratch = ThreadScratch();
  if (!scratch) return std::nullopt;
  auto on_match = [](unsigned id, unsigned long long, unsigned long long end, unsigned, void* context) {
    auto& found = (*static_cast<std::vector<std::vector<uint32_t>>*>(context))[id];
    if (found.empty() || found.back() != end) found.push_back(static_cast<uint32_t>(end));
    return 0;
  };
  if (hs_scan(database_->db, text.data(), static_cast<unsigned>(text.size()), 0, scratch, on_match, &ends) !=
      HS_SUCCESS) {
    return std::nullopt;
  }
  // Reports come mostly in the order of their ends; in order and once each.
  for (auto& found : ends) {
    if (!std::is_sorted(found.begin(), found.end())) std::sort(found.begin(), found.end());
    found.erase(std::unique(found.begin(), found.end()), found.end());
  }
  return ends;
}

}  // namespace reilu::redact
