// Small UTF-8 helpers for the recognizers: words and case folding of Finnish/Swedish letters.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace reilu::redact {

struct Word {
  size_t start;
  size_t end;
};

// Words: runs of letters (ASCII letters and any multi-byte UTF-8 character), digits, hyphens and
// apostrophes inside a word (so "Virtasen", "Anna-Liisan", "O'Brien" are one word each).
std::vector<Word> SplitWords(std::string_view text);
// Lower-cases ASCII and Å, Ä, Ö, É, Ü.
std::string Fold(std::string_view s);
bool IsWordByte(unsigned char c);

}  // namespace reilu::redact
