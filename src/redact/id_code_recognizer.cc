// Personal identity codes: Finnish henkilötunnus (with the century signs added in 2023) and
// Swedish personnummer, both checked by their checksums so that other numbers are left alone.
#include "redact/regex_recognizer.h"

namespace reilu::redact {

namespace {

bool IsDate(int dd, int mm, int yyyy) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (mm < 1 || mm > 12 || dd < 1) return false;
  bool leap = (yyyy % 4 == 0 && yyyy % 100 != 0) || yyyy % 400 == 0;
  return dd <= kDays[mm - 1] + (mm == 2 && leap ? 1 : 0);
}

int Digits(std::string_view s, size_t pos, size_t len) {
  int v = 0;
  for (size_t i = pos; i < pos + len; ++i) v = v * 10 + (s[i] - '0');
  return v;
}

}  // namespace

bool IsValidFinnishIdCode(std::string_view code) {
  if (code.size() != 11) return false;
  for (size_t i : {0u, 1u, 2u, 3u, 4u, 5u, 7u, 8u, 9u}) {
    if (code[i] < '0' || code[i] > '9') return false;
  }
  int century;
  switch (code[6]) {
    case '+':
      century = 1800;
      break;
    case '-':
    case 'Y':
    case 'X':
    case 'W':
    case 'V':
    case 'U':
      century = 1900;
      break;
    case 'A':
    case 'B':
    case 'C':
    case 'D':
    case 'E':
    case 'F':
      century = 2000;
      break;
    default:
      return false;
  }
  if (!IsDate(Digits(code, 0, 2), Digits(code, 2, 2), century + Digits(code, 4, 2))) return false;
  static constexpr std::string_view kControl = "0123456789ABCDEFHJKLMNPRSTUVWXY";
  long number = Digits(code, 0, 6) * 1000L + Digits(code, 7, 3);
  return kControl[static_cast<size_t>(number % 31)] == code[10];
}

bool IsValidSwedishPersonnummer(std::string_view d) {
  if (d.size() != 10) return false;
  int sum = 0;
  for (size_t i = 0; i < 10; ++i) {
    if (d[i] < '0' || d[i] > '9') return false;
    int v = (d[i] - '0') * (i % 2 == 0 ? 2 : 1);
    sum += v > 9 ? v - 9 : v;
  }
  int month = Digits(d, 2, 2), day = Digits(d, 4, 2);
  if (day > 60) day -= 60;  // samordningsnummer
  return sum % 10 == 0 && IsDate(day, month, 2000);
}

std::unique_ptr<Recognizer> MakeIdCodeRecognizer() {
  return std::make_unique<RegexRecognizer>(std::vector<PatternRule>{
      {R"((?:^|[^\dA-Za-z])(\d{6}[-+A-FU-Y]\d{3}[0-9A-FHJ-NPR-Y])(?:[^\dA-Za-z]|$))", EntityType::kIdCode, 0.99,
       [](std::string_view s) { return IsValidFinnishIdCode(s); }},
      {R"((?:^|[^\d])((?:19|20)?\d{6}[-+]?\d{4})(?:[^\d]|$))", EntityType::kIdCode, 0.95,
       [](std::string_view s) {
         std::string digits;
         for (char c : s) {
           if (c >= '0' && c <= '9') digits += c;
         }
         if (digits.size() == 12) digits = digits.substr(2);
         return IsValidSwedishPersonnummer(digits);
       }},
  });
}

}  // namespace reilu::redact
