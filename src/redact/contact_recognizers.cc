// E-mail addresses, phone numbers and URLs.
#include <algorithm>
#include <iterator>
#include <string>
#include <string_view>

#include "redact/regex_recognizer.h"
#include "redact/text_util.h"

namespace reilu::redact {

namespace {

// Sites an applicant names as places of work or search, never as their own: the domain alone.
bool NotAPublicSite(std::string_view site) {
  static constexpr std::string_view kPublic[] = {"duunitori.fi",
                                                 "te-palvelut.fi",
                                                 "tyomarkkinatori.fi",
                                                 "kuntarekry.fi",
                                                 "oikotie.fi",
                                                 "monster.fi",
                                                 "jobly.fi",
                                                 "indeed.com",
                                                 "linkedin.com",
                                                 "github.com",
                                                 "gitlab.com",
                                                 "facebook.com",
                                                 "instagram.com",
                                                 "youtube.com",
                                                 "google.com",
                                                 "kela.fi",
                                                 "suomi.fi",
                                                 "valvira.fi",
                                                 "migri.fi",
                                                 "vero.fi",
                                                 "peda.net",
                                                 "opintopolku.fi",
                                                 "studieinfo.fi",
                                                 "yle.fi",
                                                 "hs.fi",
                                                 "arbetsformedlingen.se",
                                                 "wikipedia.org",
                                                 "microsoft.com",
                                                 "apple.com"};
  std::string folded = Fold(site);
  if (folded.starts_with("www.")) folded.erase(0, 4);
  return std::find(std::begin(kPublic), std::end(kPublic), folded) == std::end(kPublic);
}

// "aino.virtanen85", "jussi#4821", "@aino_leipoo": a handle, not a word ("great").
bool HasAHandlesMark(std::string_view phrase) {
  const size_t space = phrase.find_last_of(" \t");
  const std::string_view handle = space == std::string_view::npos ? phrase : phrase.substr(space + 1);
  return handle.find_first_of("0123456789_.#@") != std::string_view::npos;
}

}  // namespace

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
      // A handle: "@ainovirtanen_art", "nimellä @ainon.kuvat" (not an e-mail address's "@").
      {R"((?:^|[^A-Za-z0-9_@.])(@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?))", EntityType::kUrl, 0.9, {}},
      // A site without "www." or "https://": "ainovirtanen.com", "aino-kirjoittaa.fi", "x.blogspot.com"
      // (the top-level domain in lower case, so "ASP.NET" is none); not a public site named alone
      // ("duunitori.fi", "kela.fi").
      {R"((?:^|[^A-Za-z0-9_@./\-])([A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?)*\.(?:com|fi|se|net|org|io|dev|me|blog|info|eu|uk|de|no|dk|ee|nu|app|page|site|online)(?:/[^\s<>"')\]]*[^\s<>"')\].,;:!?])?)(?:[^A-Za-z0-9\-]|$))",
       EntityType::kUrl, 0.9, NotAPublicSite},
      // An account named after its service: "Skype: aino.virtanen85", "Skype-tunnukseni on
      // jussi.virtanen77", "Mitt Skype-namn är anna_lindqvist", "Discord: jussi#4821" (a handle has a
      // digit, a dot, an underscore, "#" or "@" in it, so "Instagram is great" is none).
      {R"((?:^|[^\p{L}])(?i:skype|discord|telegram|signal|whatsapp|github|gitlab|instagram|insta|tiktok|snapchat|twitter|threads|mastodon|bluesky|youtube|facebook|linkedin)(?:[\- ](?i:tunnu\p{L}*|nimi\p{L}*|nimeni|namn\p{L}*|id|handle|username|user\s*name|account|käyttäjä\p{L}*|profiili\p{L}*|profil\p{L}*|channel|kanava\p{L}*))?[ \t]*(?::|[ \t](?i:on|är|is))[ \t]+(@?[\p{L}0-9_#](?:[\p{L}0-9_.#\-]*[\p{L}0-9_#])?))",
       EntityType::kUrl, 0.9, HasAHandlesMark},
  });
}

}  // namespace reilu::redact
