// Quasi-identifying cues in fi / sv / en: gender, family, nationality and origin, mother tongue,
// religion and health. Lexicons are deliberately phrase-based: "ruotsin kieli" as a skill is not
// a mother-tongue statement, "äidinkieleni on ruotsi" is.
#include "redact/regex_recognizer.h"

namespace reilu::redact {

namespace {

// (?i) case-insensitive; word edges as "not a letter" (RE2's \b is ASCII-only).
std::string Words(const std::string& alternatives) {
  return R"((?i)(?:^|[^\p{L}])()" + alternatives + R"()(?:[^\p{L}]|$))";
}

}  // namespace

std::unique_ptr<Recognizer> MakeCueRecognizer() {
  return std::make_unique<RegexRecognizer>(std::vector<PatternRule>{
      {Words(
           R"(äitiyslomal\p{L}*|isyyslomal\p{L}*|vanhempainvapaal\p{L}*|hoitovapaal\p{L}*|raskau\p{L}*|raskaana|nainen|miehenä|naisena|mies|föräldraledig\p{L}*|mammaledig\p{L}*|pappaledig\p{L}*|gravid|kvinna|maternity leave|paternity leave|parental leave|pregnan\p{L}*|as a woman|as a man)"),
       EntityType::kGender,
       0.85,
       {}},
      {Words(
           R"(perhe|perhee\p{L}*|naimisissa|naimaton|eronnut|leski|avioliito\p{L}*|avovaimo\p{L}*|avomie\p{L}*|aviomie\p{L}*|vaimo\p{L}*|puoliso\p{L}*|lapse\p{L}*|lapsi|lapsia|lasteni|tytär\p{L}*|tyttäre\p{L}*|poika\p{L}*|poja\p{L}*|är gift|ogift|skild|änka|änkling|min make|min maka|sambo|barn|barnen|dotter|döttrar|min son|söner|married|unmarried|divorced|widow\p{L}*|husband|wife|my children|my child|my kids|my son|my daughter|single mother|single father)"),
       EntityType::kFamily,
       0.8,
       {}},
      {R"((?i)((?:olen|är|I am|I'm)\s+(?:syntyjäni\s+)?(?:kotoisin|från|from|originally from)\s+\p{L}+))",
       EntityType::kNationality,
       0.85,
       {}},
      {Words(
           R"(kansalai\p{L}*|kansallisuu\p{L}*|maahanmuutt\p{L}*|pakolai\p{L}*|medborgar\p{L}*|invandrar\p{L}*|flykting\p{L}*|nationality|citizen(?:ship)?|immigrant|refugee)"),
       EntityType::kNationality,
       0.8,
       {}},
      {R"((?i)((?:(?:mitt|min|my|minun|our)\s+)?(?:äidinkiele\p{L}*|kotikiele\p{L}*|modersmål\p{L}*|mother tongue|native language|first language)(?:\s+(?:on|är|is))?[:\s]+\p{L}+))",
       EntityType::kLanguage,
       0.9,
       {}},
      {R"((?i)((?:\p{L}+)\s+on\s+äidinkieleni))", EntityType::kLanguage, 0.9, {}},
      {Words(
           R"(uskonno\p{L}*|uskonto|kristit\p{L}*|muslimi\p{L}*|juutalai\p{L}*|ortodoksi\p{L}*|lestadiolai\p{L}*|helluntailai\p{L}*|religion|kristen|muslim\p{L}*|judisk|christian|jewish|religious|mosque|moskeija|synagog\p{L}*)"),
       EntityType::kReligion,
       0.85,
       {}},
      {Words(
           R"(sairau\p{L}*|sairas\p{L}*|sairaslomal\p{L}*|masennu\p{L}*|diabete\p{L}*|uupumu\p{L}*|burnout|loppuun\s?palami\p{L}*|vamma\p{L}*|syöpä\p{L}*|kuntoutu\p{L}*|sjukdom\p{L}*|sjukskriv\p{L}*|depression|diabetes|funktionsnedsättning\p{L}*|illness|disability|disabled|cancer|sick leave|chronic)"),
       EntityType::kHealth,
       0.85,
       {}},
      {R"((?i)((?:asun|asuin|asuu|asumme|asuvat|asuimme|bor|I live|living)\s+(?:nykyään\s+|i\s+|in\s+)?\p{Lu}\p{L}+))",
       EntityType::kResidence,
       0.85,
       {}},
  });
}

}  // namespace reilu::redact
