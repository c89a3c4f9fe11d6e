// Street addresses ("Mannerheimintie 5 A 3", "Storgatan 12", "12 Baker Street") and postal codes
// with the post office ("00100 Helsinki", "980 20 Kemijärvi" style Swedish "123 45 Stockholm").
#include "redact/regex_recognizer.h"

namespace reilu::redact {

std::unique_ptr<Recognizer> MakeAddressRecognizer() {
  // RE2's \b is ASCII-only, so word edges are written as "not a letter" to handle ä, ö, å.
  const std::string street_fi_sv =
      R"((?:^|[^\p{L}])(\p{Lu}[\p{L}\-]*(?:katu|tie|kuja|polku|väylä|raitti|kaari|rinne|ranta|puistikko|puisto|aukio|tori|gatan|vägen|gränd|stigen|backen|esplanaden|allén|torget|plan|gata|väg)\s+\d{1,4}(?:\s+(?:as\.?|asunto|lgh\.?|bst\.?)\s*\d{1,4}|\s?[A-Za-z](?:\s?\d{1,3})?(?:\s+(?:as\.?|lgh\.?)\s*\d{1,4})?)?))";
  const std::string street_en =
      R"((?:^|[^\p{L}\d])(\d{1,5}\s+\p{Lu}\p{L}+(?:\s+\p{Lu}\p{L}+)?\s+(?:Street|St\.|Road|Rd\.|Avenue|Ave\.|Lane|Drive|Close|Way|Boulevard|Blvd\.?|Court|Place|Crescent|Terrace|Gardens|Square)))";
  // The post office follows the code on the same line: "62704\nPhone" is a code and a label.
  const std::string postal = R"((?:^|[^\d])((?:FI-|SE-)?(?:\d{5}|\d{3} \d{2})[ \t]+\p{Lu}[\p{L}\-]+))";
  // A flat or apartment before an English street: "Flat 3, 27 Hyde Park Road", "Apt 4B".
  const std::string flat = R"((?:^|[^\p{L}])((?:Flat|Apt\.?|Apartment|Unit|Suite)\s+\d{1,4}[A-Za-z]?))";
  // UK postcodes with the post town before them ("Leeds LS6 1AE", "London, SW1A 2AA") and US state +
  // ZIP ("IL 62704").
  const std::string uk_postcode =
      R"((?:^|[^\p{L}\d])((?:\p{Lu}[\p{L}\-]+,?[ \t]+)?[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2})(?:[^\p{L}\d]|$))";
  const std::string us_zip = R"((?:^|[^\p{L}])(\p{Lu}[\p{L}]+,\s+[A-Z]{2}\s+\d{5}(?:-\d{4})?))";
  return std::make_unique<RegexRecognizer>(std::vector<PatternRule>{
      {street_fi_sv, EntityType::kAddress, 0.9, {}},
      {street_en, EntityType::kAddress, 0.85, {}},
      {postal, EntityType::kPostal, 0.9, {}},
      {flat, EntityType::kAddress, 0.85, {}},
      {uk_postcode, EntityType::kPostal, 0.85, {}},
      {us_zip, EntityType::kPostal, 0.85, {}},
  });
}

}  // namespace reilu::redact
