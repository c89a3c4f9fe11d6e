// Street addresses ("Mannerheimintie 5 A 3", "Storgatan 12", "12 Baker Street") and postal codes
// with the post office ("00100 Helsinki", "980 20 Kemijärvi" style Swedish "123 45 Stockholm").
#include "redact/regex_recognizer.h"

namespace reilu::redact {

std::unique_ptr<Recognizer> MakeAddressRecognizer() {
  // RE2's \b is ASCII-only, so word edges are written as "not a letter" to handle ä, ö, å.
  const std::string street_fi_sv =
      R"((?:^|[^\p{L}])(\p{Lu}[\p{L}\-]*(?:katu|tie|kuja|polku|väylä|raitti|kaari|rinne|ranta|puistikko|gatan|vägen|gränd|stigen|backen)\s+\d{1,4}(?:\s?[A-Za-z](?:\s?\d{1,3})?)?(?:\s+(?:as\.|lgh\.?)\s*\d{1,4})?))";
  const std::string street_en =
      R"((?:^|[^\p{L}\d])(\d{1,5}\s+\p{Lu}\p{L}+(?:\s+\p{Lu}\p{L}+)?\s+(?:Street|St\.|Road|Rd\.|Avenue|Ave\.|Lane|Drive|Close|Way)))";
  const std::string postal = R"((?:^|[^\d])((?:FI-|SE-)?(?:\d{5}|\d{3}\s\d{2})\s+\p{Lu}[\p{L}\-]+))";
  return std::make_unique<RegexRecognizer>(std::vector<PatternRule>{
      {street_fi_sv, EntityType::kAddress, 0.9, {}},
      {street_en, EntityType::kAddress, 0.85, {}},
      {postal, EntityType::kPostal, 0.9, {}},
  });
}

}  // namespace reilu::redact
