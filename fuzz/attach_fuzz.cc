// libFuzzer target: attachment reading (PDF, DOCX, ODT) on arbitrary bytes. Every word must lie
// inside the text on character boundaries, and reading must end with a result or a refusal.
#include <cstdint>
#include <string>

#include "attach/attachment.h"

namespace {

void Require(bool ok) {
  if (!ok) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string input(reinterpret_cast<const char*>(data), size);
  reilu::attach::Limits limits;
  limits.max_pages = 4;
  auto extracted = reilu::attach::Extract(input, limits);
  if (!extracted) return 0;
  const std::string& text = extracted->text;
  for (const auto& page : extracted->pages) {
    for (const auto& w : page.words) {
      Require(w.start < w.end && w.end <= text.size());
      Require((static_cast<unsigned char>(text[w.start]) & 0xC0) != 0x80);
    }
  }
  return 0;
}
