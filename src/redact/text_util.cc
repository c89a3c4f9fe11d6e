#include "redact/text_util.h"

namespace reilu::redact {

bool IsWordByte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

bool IsCapitalAt(std::string_view s, size_t i) {
  auto c = static_cast<unsigned char>(s[i]);
  if (c >= 'A' && c <= 'Z') return true;
  if (c != 0xC3 || i + 1 >= s.size()) return false;
  auto d = static_cast<unsigned char>(s[i + 1]);
  return d >= 0x80 && d <= 0x9E && d != 0x97;  // À..Þ
}

bool IsAllCaps(std::string_view s) {
  size_t capitals = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c >= 'a' && c <= 'z') return false;
    if (c == 0xC3 && i + 1 < s.size()) {
      auto d = static_cast<unsigned char>(s[i + 1]);
      if (d >= 0xA0) return false;  // à..ÿ
    }
    if (IsCapitalAt(s, i)) ++capitals;
  }
  return capitals >= 2;
}

std::vector<Word> SplitWords(std::string_view text) {
  std::vector<Word> words;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && !IsWordByte(static_cast<unsigned char>(text[i]))) ++i;
    if (i >= text.size()) break;
    size_t start = i;
    while (i < text.size()) {
      auto c = static_cast<unsigned char>(text[i]);
      bool joiner = (c == '-' || c == '\'') && i + 1 < text.size() &&
                    IsWordByte(static_cast<unsigned char>(text[i + 1])) && i > start;
      if (!IsWordByte(c) && !joiner) break;
      ++i;
    }
    words.push_back({start, i});
  }
  return words;
}

std::string Fold(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c >= 'A' && c <= 'Z') {
      out += static_cast<char>(c + 32);
    } else if (c == 0xC3 && i + 1 < s.size()) {
      auto n = static_cast<unsigned char>(s[i + 1]);
      // À..Þ (U+00C0..U+00DE, not ×) fold to à..þ by adding 0x20 to the second byte.
      if (n >= 0x80 && n <= 0x9E && n != 0x97) n = static_cast<unsigned char>(n + 0x20);
      out += static_cast<char>(c);
      out += static_cast<char>(n);
      ++i;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

}  // namespace reilu::redact
