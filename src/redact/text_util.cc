#include "redact/text_util.h"

namespace reilu::redact {

namespace {

// The code point that starts at byte `i` (a lone continuation byte or a broken sequence reads as
// itself, one byte long).
char32_t Decode(std::string_view s, size_t i, size_t* length) {
  auto b = static_cast<unsigned char>(s[i]);
  size_t n = b < 0xC0 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
  if (n == 1 || i + n > s.size()) {
    *length = 1;
    return b;
  }
  char32_t cp = b & (0x7F >> n);
  for (size_t k = 1; k < n; ++k) {
    auto c = static_cast<unsigned char>(s[i + k]);
    if ((c & 0xC0) != 0x80) {
      *length = 1;
      return b;
    }
    cp = (cp << 6) | (c & 0x3F);
  }
  *length = n;
  return cp;
}

void Encode(char32_t cp, std::string& out) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// The lower-case letter of an upper-case one among those Fold knows; other characters as they are.
char32_t LowerOf(char32_t c) {
  if (c >= 'A' && c <= 'Z') return c + 32;
  if (c < 0xC0) return c;
  if (c <= 0xDE) return c == 0xD7 ? c : c + 0x20;  // À–Þ, not ×
  if (c == 0x130) return 'i';                      // İ
  // Latin Extended-A pairs upper with lower: even–odd, then odd–even from Ĺ, even–odd again from Ŋ.
  if ((c >= 0x100 && c <= 0x137) || (c >= 0x14A && c <= 0x177)) return c % 2 == 0 ? c + 1 : c;
  if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E)) return c % 2 == 1 ? c + 1 : c;
  if (c == 0x178) return 0xFF;                                     // Ÿ
  if (c == 0x218 || c == 0x21A) return c + 1;                      // Ș, Ț
  if (c >= 0x391 && c <= 0x3A9) return c == 0x3A2 ? c : c + 0x20;  // Greek
  if (c >= 0x410 && c <= 0x42F) return c + 0x20;                   // Cyrillic А–Я
  if (c >= 0x400 && c <= 0x40F) return c + 0x50;                   // Ѐ–Џ
  return c;
}

// Is `c` the lower-case member of a pair LowerOf knows (or ß, which has none in common use)?
bool IsLowerLetter(char32_t c) {
  if (c < 0x80) return c >= 'a' && c <= 'z';
  if (c >= 0xDF && c <= 0xFF) return c != 0xF7;
  if (c >= 0x100 && c <= 0x17F) return LowerOf(c) == c && c != 0x130;
  return (c >= 0x3B1 && c <= 0x3C9) || (c >= 0x430 && c <= 0x45F) || c == 0x219 || c == 0x21B;
}

}  // namespace

bool IsCapitalAt(std::string_view s, size_t i) {
  auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  size_t length = 0;
  char32_t cp = Decode(s, i, &length);
  return length > 1 && LowerOf(cp) != cp;
}

bool IsAllCaps(std::string_view s) {
  size_t capitals = 0;
  for (size_t i = 0; i < s.size();) {
    size_t length = 0;
    char32_t cp = Decode(s, i, &length);
    i += length;
    if (LowerOf(cp) != cp) {
      ++capitals;
    } else if (IsLowerLetter(cp)) {
      return false;
    }
  }
  return capitals >= 2;
}

std::vector<Word> SplitWords(std::string_view text) {
  std::vector<Word> words;
  words.reserve(text.size() / 6 + 4);  // about one word in six or seven bytes of a letter
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

void CapitaliseInto(std::string_view lower, std::string& out) {
  out.assign(lower);
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
}

std::string Fold(std::string_view s) {
  std::string out;
  FoldInto(s, out);
  return out;
}

void FoldInto(std::string_view s, std::string& out) {
  out.assign(s);
  // Most words are ASCII: lower-cased in place; the first other byte hands over to decoding.
  size_t i = 0;
  for (; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) break;
    if (c >= 'A' && c <= 'Z') out[i] = static_cast<char>(c + 32);
  }
  if (i == s.size()) return;
  out.resize(i);
  while (i < s.size()) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      out += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
      ++i;
      continue;
    }
    size_t length = 0;
    char32_t cp = Decode(s, i, &length);
    char32_t lower = length > 1 ? LowerOf(cp) : cp;
    if (lower == cp) {
      out.append(s.substr(i, length));
    } else {
      Encode(lower, out);
    }
    i += length;
  }
}

}  // namespace reilu::redact
