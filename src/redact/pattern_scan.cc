#include "redact/pattern_scan.h"

#include <hs/hs.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <charconv>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <map>
#include <mutex>

#include "core/utf8.h"

// The scan of the default engine's patterns that the build made (prebuilt_scan.cc), in programs
// that link it; absent in the program that makes it.
extern "C" __attribute__((weak)) const char* reilu_prebuilt_pattern_scan(size_t* size);

namespace reilu::redact {

namespace {

// Code points beyond Latin, Greek and Cyrillic (to U+052F) and Latin Extended Additional, where
// the two engines' Unicode tables may disagree on a letter's case; surrogates are no characters.
constexpr std::string_view kOtherScripts = R"(\x{530}-\x{1DFF}\x{1F00}-\x{D7FF}\x{E000}-\x{10FFFF})";
// What RE2 reads `\p{Lu}` or `\p{Ll}` as under `(?i)`: cased letters and what folds to them
// (U+0345 folds to iota).
constexpr std::string_view kAnyCase = R"(\p{L}\x{300}-\x{36F})";

// Letters whose case folding into Cyrillic came with Unicode 9, which RE2's tables know and
// Hyperscan's do not: under `(?i)` RE2 puts them in a class of Cyrillic letters (found by comparing
// the two on every code point for the letter class of the patterns), so every class there takes
// them in.
constexpr std::string_view kLateFolds = R"(\x{1C80}-\x{1C88})";

// Every match end is reported; the patterns are read as UTF-8 (`\x{E4}` is ä, not a byte); in
// prefilter mode Hyperscan may match more than the pattern (never less), for a faster scan.
constexpr unsigned kFlags = HS_FLAG_UTF8 | HS_FLAG_ALLOWEMPTY | HS_FLAG_PREFILTER;

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

std::optional<std::string> ForHyperscan(std::string_view p) {
  std::string out;
  std::vector<bool> caseless{false};  // for each open group
  bool in_class = false, negated = false;
  for (size_t i = 0; i < p.size(); ++i) {
    const char ch = p[i];
    if (ch == '\\') {
      if (i + 1 >= p.size()) return std::nullopt;
      const char e = p[i + 1];
      if (e == 's') {
        out += in_class ? R"(\t\n\f\r )" : R"([\t\n\f\r ])";
        ++i;
      } else if (e == 'p') {
        const std::string_view name = p.substr(i, 6);
        if ((name != R"(\p{Lu})" && name != R"(\p{Ll})") || (in_class && negated)) return std::nullopt;
        std::string members = caseless.back() ? std::string(kAnyCase) : std::string(name);
        members += kOtherScripts;
        out += in_class ? members : "[" + members + "]";
        i += 5;
      } else if (e == 'x') {
        const size_t end = i + 2 < p.size() && p[i + 2] == '{' ? p.find('}', i) : i + 3;
        if (end == std::string_view::npos || end >= p.size()) return std::nullopt;
        out.append(p.substr(i, end + 1 - i));
        i = end;
      } else if (std::string_view("dbtnrf").find(e) != std::string_view::npos ||
                 !std::isalnum(static_cast<unsigned char>(e))) {
        out.append(p.substr(i, 2));
        ++i;
      } else {
        return std::nullopt;  // \S, \W, \pL, \C, \Q…: not read here
      }
      continue;
    }
    if (in_class) {
      if (ch == '[' && i + 1 < p.size() && p[i + 1] == ':') return std::nullopt;  // [[:alpha:]]
      if (ch == ']') {
        in_class = false;
        if (caseless.back() && !negated) out += kLateFolds;
      }
      out += ch;
      continue;
    }
    if (ch == '[') {
      in_class = true;
      out += ch;
      negated = i + 1 < p.size() && p[i + 1] == '^';
      if (negated) out += p[++i];
      if (i + 1 < p.size() && p[i + 1] == ']') out += p[++i];  // a ']' first is a member
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
  if (in_class || caseless.size() != 1) return std::nullopt;
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

  // Hyperscan reads only well-formed UTF-8. RE2 matches no byte of a malformed sequence, so one
  // that stands for each such byte can only add matches, never take one away.
  std::string mended;
  if (!IsValidUtf8(text)) {
    mended.assign(text);
    for (size_t i = 0; i < mended.size();) {
      const size_t len = Utf8SequenceLength(mended, i);
      if (len == 0) mended[i] = '\x1A';
      i += len == 0 ? 1 : len;
    }
    text = mended;
  }

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
