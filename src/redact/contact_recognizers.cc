// E-mail addresses, phone numbers and URLs.
#include "redact/regex_recognizer.h"

namespace reilu::redact {

std::unique_ptr<Recognizer> MakeEmailRecognizer() {
  return std::make_unique<RegexRecognizer>(std::vector<PatternRule>{
      {R"([A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,})", EntityType::kEmail, 0.99, {}},
      // Written out against harvesters: "x(at)example(dot)fi", "x [at] example.com", "x at example dot com".
      // A plain full stop counts only inside the name ("example.com"): "a jacket at school . Today" is none.
      {R"((?i)[A-Za-z0-9._%+\-]+\s*(?:\(at\)|\[at\]|\{at\}|\s(?:at|ät|miukumauku)\s)\s*[A-Za-z0-9\-]+(?:(?:\s*(?:\(dot\)|\[dot\])\s*|\s(?:dot|piste|punkt)\s|\.)[A-Za-z0-9\-]+)*(?:\s*(?:\(dot\)|\[dot\])\s*|\s(?:dot|piste|punkt)\s|\.)[A-Za-z]{2,})",
       EntityType::kEmail,
       0.9,
       {}},
  });
}

std::unique_ptr<Recognizer> MakePhoneRecognizer() {
  // Finnish mobile and landline numbers (040 123 4567, 09-123 4567, +358 40 1234567) and
  // international numbers with a country code. Separators: space, hyphen, dot, parentheses.
  return std::make_unique<RegexRecognizer>(std::vector<PatternRule>{
      {R"((?:^|[^\d+])((?:\+|00)\d{1,3}[\s.\-]?(?:\(0\)[\s.\-]?)?\d{1,4}(?:[\s.\-]?\d{2,4}){2,4}))",
       EntityType::kPhone,
       0.95,
       {}},
      // North American and other area codes in parentheses: "(617) 555-0142", "+1 (617) 555-0142",
      // "(017) 263 4410".
      {R"((?:^|[^\d])((?:\+\d{1,3}\s?)?\(\d{2,4}\)\s?\d{2,4}[\s.\-]?\d{2,4}(?:[\s.\-]?\d{2,4})?))",
       EntityType::kPhone,
       0.9,
       {}},
      {R"((?:^|[^\d])(0\d{1,3}[\s.\-/]?\d{3,4}[\s.\-]?\d{2,4}(?:[\s.\-]?\d{1,4})?)(?:[^\d]|$))", EntityType::kPhone,
       0.85,
       [](std::string_view s) {
         size_t digits = 0;
         for (char c : s) digits += (c >= '0' && c <= '9');
         return digits >= 7 && digits <= 12;
       }},
  });
}

std::unique_ptr<Recognizer> MakeUrlRecognizer() {
  return std::make_unique<RegexRecognizer>(std::vector<PatternRule>{
      // A link never ends in sentence punctuation: "…/in/name." keeps its full stop.
      {R"((?i)\b(?:https?://|www\.)[^\s<>"')\]]*[^\s<>"')\].,;:!?])", EntityType::kUrl, 0.95, {}},
      {R"((?i)\b(?:linkedin\.com|github\.com|facebook\.com|instagram\.com|x\.com|twitter\.com)/[^\s<>"')\]]*[^\s<>"')\].,;:!?])",
       EntityType::kUrl,
       0.95,
       {}},
  });
}

}  // namespace reilu::redact
