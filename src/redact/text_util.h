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
// Lower-cases the letters names are written with: ASCII, Latin-1 (Å, Ä, Ö, É, Ü…), Latin
// Extended-A (Š, Ž, Ł, Ć, Ő…), the Romanian Ș and Ț, Greek and Cyrillic.
std::string Fold(std::string_view s);
// The same into `out` (replacing what it held): reuses its buffer where a word is folded per token.
void FoldInto(std::string_view s, std::string& out);
// A word typed in lower case as it is written with its capital ("espoo" → "Espoo"), to ask the word
// lists and voikko, which know names and places so: its first letter, an ASCII one, upper-cased, into
// `out` (replacing what it held).
void CapitaliseInto(std::string_view lower, std::string& out);
// A byte of a word: an ASCII letter or digit, or any byte of a multi-byte UTF-8 character. Inline:
// every pass over a text asks it of each byte.
inline bool IsWordByte(unsigned char c) {
  return static_cast<unsigned char>((c | 0x20) - 'a') < 26 || static_cast<unsigned char>(c - '0') < 10 || c >= 0x80;
}
// Is the character at byte `i` an upper-case letter of those (A–Z, À–Þ but not ×, Š, Ł, Д…)?
bool IsCapitalAt(std::string_view s, size_t i);
// Does `s` begin with an upper-case letter?
inline bool StartsWithCapital(std::string_view s) { return !s.empty() && IsCapitalAt(s, 0); }
// Written in capitals throughout, with at least two letters ("ANSIOLUETTELO", "CV"): a heading's
// style, which a name written normally beside it does not share.
bool IsAllCaps(std::string_view s);

}  // namespace reilu::redact
