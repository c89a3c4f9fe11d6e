// One pass over a text for all the engine's patterns at once (Hyperscan), to tell where each
// pattern's matches can end; RE2 then looks for the spans only near those ends. Hyperscan reports
// where matches end, not the leftmost-first match and its groups that the spans are made of, so it
// only narrows RE2's work: it reports every end of a match RE2 can find, perhaps more.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

struct hs_scratch;

namespace reilu::redact {

// The RE2 pattern in Hyperscan's dialect over bytes (the text is scanned as bytes, not as UTF-8),
// matching the same strings or more, never fewer; nothing if it holds a construct that cannot be
// read so. Where the two differ, the RE2 meaning is kept: `\s` is ASCII white space without the
// vertical tab, a class's members outside ASCII are any character outside ASCII, and under `(?i)`
// letters take in what RE2 folds into them (Latin-1's other case, the Kelvin sign, the long s).
std::optional<std::string> ForHyperscan(std::string_view re2_pattern);

class PatternScan {
 public:
  // Made once per process for each list of patterns, and shared: read from the scan the program was
  // built with when it is of these patterns (prebuilt_scan.cc), else compiled (about two seconds).
  static std::shared_ptr<const PatternScan> For(const std::vector<std::string>& re2_patterns);
  // The scan of these patterns as bytes that For reads back in a program built with them (the
  // build makes the default engine's with reilu_pattern_scan_gen); empty if Hyperscan cannot run here.
  static std::string Serialized(const std::vector<std::string>& re2_patterns);
  // The scan from Serialized's bytes; none if they are of other patterns or do not fit this CPU.
  static std::shared_ptr<const PatternScan> FromSerialized(const std::vector<std::string>& re2_patterns,
                                                           std::string_view serialized);
  // The bytes the build made for the default engine, if this program has them (prebuilt_scan.cc).
  static std::string_view Prebuilt();
  ~PatternScan();
  PatternScan(const PatternScan&) = delete;
  PatternScan& operator=(const PatternScan&) = delete;

  // Whether the scan covers pattern i; one it could not take is to be searched everywhere.
  bool Covers(size_t i) const { return i < covered_.size() && covered_[i]; }
  // For each pattern the scan covers, the offsets where its matches may end, in order and once
  // each: every offset where a match of the RE2 pattern ends, perhaps more. Nothing if the scan
  // could not run on this text (then every pattern is to be searched everywhere).
  std::optional<std::vector<std::vector<uint32_t>>> Ends(std::string_view text) const;
  // The longest match pattern i can have, in bytes (an upper bound; kUnbounded if none is known):
  // a match ending at e starts at e - MaxWidth(i) or later.
  static constexpr size_t kUnbounded = SIZE_MAX;
  size_t MaxWidth(size_t i) const { return i < max_width_.size() ? max_width_[i] : kUnbounded; }

 private:
  explicit PatternScan(const std::vector<std::string>& re2_patterns);
  explicit PatternScan(size_t pattern_count);  // covers none yet
  bool Read(const std::vector<std::string>& re2_patterns, std::string_view serialized);
  void Compile(const std::vector<std::string>& re2_patterns);
  // This thread's working memory for scans of this database.
  hs_scratch* ThreadScratch() const;
  struct Database;
  std::unique_ptr<Database> database_;  // none if no pattern could be taken, or the CPU lacks Hyperscan's needs
  std::vector<bool> covered_;
  std::vector<size_t> max_width_;
  size_t pattern_count_ = 0;
  static std::uint64_t NextId();
  const std::uint64_t id_ = NextId();  // for this thread's scratch
};

}  // namespace reilu::redact
