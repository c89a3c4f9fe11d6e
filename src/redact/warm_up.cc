#include "redact/warm_up.h"

#include <string>

// data/warm-up.txt, built in: each language's sample after a line "@fi", "@sv" or "@en".
asm(".section .rodata\n.global reilu_warm_up_begin\nreilu_warm_up_begin:\n.incbin \"" REILU_WARM_UP_DATA
    "\"\n.global reilu_warm_up_end\nreilu_warm_up_end:\n.byte 0\n.previous\n");
extern "C" const char reilu_warm_up_begin[], reilu_warm_up_end[];

namespace reilu::redact {

std::string_view WarmUpText(std::string_view lang) {
  const std::string_view all(reilu_warm_up_begin, static_cast<size_t>(reilu_warm_up_end - reilu_warm_up_begin));
  const std::string header = "@" + std::string(lang) + "\n";
  for (size_t line = 0; line < all.size();) {
    size_t next = all.find('\n', line);
    next = next == std::string_view::npos ? all.size() : next + 1;
    if (all.substr(line, next - line) == header) {
      size_t end = all.find("\n@", next);
      return all.substr(next, end == std::string_view::npos ? all.size() - next : end + 1 - next);
    }
    line = next;
  }
  return {};
}

}  // namespace reilu::redact
