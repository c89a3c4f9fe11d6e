// libFuzzer target: the redaction engine on arbitrary bytes. The first line of the input is used as
// the applicant's name, the rest as the text. Checks the engine's invariants on every input.
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <tuple>
#include <vector>

#include "redact/redact.h"
#include "redact/regex_recognizer.h"

namespace {

void Require(bool ok) {
  if (!ok) __builtin_trap();
}

std::vector<std::tuple<std::size_t, std::size_t, reilu::redact::EntityType>> Sorted(
    const std::vector<reilu::redact::Span>& spans) {
  std::vector<std::tuple<std::size_t, std::size_t, reilu::redact::EntityType>> out;
  for (const auto& s : spans) out.emplace_back(s.start, s.end, s.type);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const reilu::redact::Engine engine = reilu::redact::Engine::Default();
  static const auto patterns = reilu::redact::MakePatternRecognizer();
  std::string input(reinterpret_cast<const char*>(data), size);
  std::size_t newline = input.find('\n');
  std::string name = newline == std::string::npos ? std::string() : input.substr(0, newline);
  std::string text = newline == std::string::npos ? input : input.substr(newline + 1);
  // The patterns found only where the scan says they can match are those of every pattern run in
  // every paragraph.
  std::vector<reilu::redact::Span> scanned, reference;
  patterns->Find(text, reilu::redact::Context{"fi", {}}, scanned);
  patterns->FindWithCaptures(text, reference);
  Require(Sorted(scanned) == Sorted(reference));
  for (const char* lang : {"fi", "sv", "en"}) {
    auto spans = engine.Analyze(text, reilu::redact::Context{lang, {name}});
    for (std::size_t i = 0; i < spans.size(); ++i) {
      Require(spans[i].start < spans[i].end && spans[i].end <= text.size());
      if (i > 0) Require(spans[i - 1].end <= spans[i].start);
    }
    std::string redacted = reilu::redact::Apply(text, spans, lang);
    if (spans.empty()) Require(redacted == text);
  }
  return 0;
}
