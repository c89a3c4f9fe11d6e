// Quasi-identifying cues in fi / sv / en: gender, family, nationality and origin, mother tongue,
// religion and health. Lexicons are deliberately phrase-based: "ruotsin kieli" as a skill is not
// a mother-tongue statement, "äidinkieleni on ruotsi" is.
#include <algorithm>
#include <iterator>

#include "redact/place_gazetteer.h"
#include "redact/regex_recognizer.h"
#include "redact/text_util.h"

namespace reilu::redact {

namespace {

// (?i) case-insensitive, as words of their own.
std::string Words(const std::string& alternatives) { return "(?i)" + WordOfItsOwn("(" + alternatives + ")"); }
// The same for multi-word phrases (alternatives may contain spaces and groups).
std::string Phrases(const std::string& alternatives) { return Words(alternatives); }
// A Finnish place name in a case that says where one was or where one is from: "Tampereella",
// "Mogadishussa", "Joensuusta".
const std::string kFinnishPlaceInOrFrom = R"(\p{Lu}[\p{L}']+(?:ssa|ssä|lla|llä|sta|stä|lta|ltä))";

// A permit, a visa or an integration course tells that one is no citizen, or it is the work of
// whoever arranges them or teaches there.
const std::string kNoCitizensWords =
    R"(kotoutumiskoulutu\p{L}*|kotoutumiskurs\p{L}*|integrationskurs\p{L}*|integrationsutbildning\p{L}*|integration\s+(?:courses?|training|programmes?|programs?)|(?:kurs|kurser|kursen|utbildning|svenska|finska)\s+för\s+invandrare|oleskelulu\p{L}*|työlupa\p{L}*|työluva\p{L}*|työluvi\p{L}*|uppehållstillstånd\p{L}*|arbetstillstånd\p{L}*|residence\s+permits?|work\s+permits?|student\s+visas?|work\s+visas?)";
// Confirmation camps and Sunday schools are a church's, and also a parish youth worker's work.
const std::string kChurchYouthWork =
    R"(rippileiri\p{L}*|rippikoulu\p{L}*|isosena|isoseksi|isoskoulutu\p{L}*|pyhäkoulu\p{L}*|konfirmand\p{L}*|konfirmation\p{L}*|skriftskol\p{L}*|söndagsskol\p{L}*|confirmation\s+camps?|sunday\s+school)";

// "Viron kansalainen": the word before the citizen is a place.
bool CitizenOfAPlace(std::string_view phrase) { return NamesAPlace(phrase.substr(0, phrase.find_first_of(" \t\n"))); }

// "a British citizen", not "a senior citizen" (an age, below) or "a fellow citizen".
bool CitizenOfACountry(std::string_view phrase) {
  static const RE2 kNoCountry(
      R"((?i)(?:an?\s+)?(?:senior|fellow|private|ordinary|global|digital|active|good|responsible|world|corporate|older|elderly|young|concerned|average|law-abiding|first-class|second-class)\s+citizen(?:ship)?)");
  return !RE2::FullMatch(phrase, kNoCountry);
}

// A move says where one lives when the place is the verb's own: not across "and" ("palata
// lapsuuteen ja pelata Playstationia").
bool OneClauseMove(std::string_view phrase) {
  static const RE2 kConjunction(R"((?i)\s(?:ja|and|och|sekä|but|mutta|men)\s)");
  return !RE2::PartialMatch(phrase, kConjunction);
}

// The host country in the forms a phrase ends with ("asun Suomessa", "moved to Finland"): living
// or arriving there tells nothing.
bool IsHostCountry(std::string_view word) {
  static constexpr std::string_view kHost[] = {"Suomi", "Suomessa", "Suomeen", "Suomesta", "Finland", "Finlands"};
  return std::find(std::begin(kHost), std::end(kHost), word) != std::end(kHost);
}

// A phrase typed on a phone in lower case ("asun nykyään mieheni kanssa lahdessa", "bor i vasa",
// "live in espoo") names a place after its verb: a word the gazetteer or voikko knows when written
// with its capital, and not the host country ("suomessa", "finland" tell nothing).
bool NamesALowerCasePlace(std::string_view phrase) {
  std::string word;
  size_t at = phrase.find_first_of(" \t\n");  // after the verb
  while (at != std::string_view::npos) {
    const size_t start = phrase.find_first_not_of(" \t\n", at);
    if (start == std::string_view::npos) break;
    at = phrase.find_first_of(" \t\n", start);
    const std::string_view lower =
        phrase.substr(start, at == std::string_view::npos ? std::string_view::npos : at - start);
    if (lower.size() < 3 || lower[0] < 'a' || lower[0] > 'z') continue;
    CapitaliseInto(lower, word);
    if (!IsHostCountry(word) && NamesAPlace(word)) return true;
  }
  return false;
}

// "Asun vielä vanhempieni luona Kontiolahdella": the same with the place written with its capital,
// after up to three words.
bool NamesAPlaceAfterTheVerb(std::string_view phrase) {
  const size_t space = phrase.find_last_of(" \t\n");
  const std::string_view last = space == std::string_view::npos ? phrase : phrase.substr(space + 1);
  if (!last.empty() && last[0] >= 'a' && last[0] <= 'z') return NamesALowerCasePlace(phrase);
  return !IsHostCountry(last) && NamesAPlace(last);
}

// "came to Finland from Syria": the place one came from, not the host country.
bool NamesAForeignPlace(std::string_view phrase) {
  const size_t space = phrase.find_last_of(" \t\n");
  const std::string_view word = space == std::string_view::npos ? phrase : phrase.substr(space + 1);
  return !IsHostCountry(word) && NamesAPlace(word);
}

// "äidinkieli arabia": the word after the label is the language, not "äidinkieli ja
// kirjallisuus" (a school subject) or a teacher.
bool LanguageAfterLabel(std::string_view phrase) {
  static const RE2 kNoLanguage(
      R"((?i).*\s(?:ja|och|and|sekä|eli|tai|eller|or|on|är|is|was|oli|var|kirjallisuus|litteratur|literature|opettaja\p{L}*|lärare|teacher|teaching|opetus|undervisning|kiitettävä|hyvä|erinomainen))");
  return !RE2::FullMatch(phrase, kNoLanguage);
}

}  // namespace

std::unique_ptr<Recognizer> MakeCueRecognizer() {
  return std::
      make_unique<RegexRecognizer>(
          std::
              vector<PatternRule>{
                  {Words(
                       R"(äitiyslomal\p{L}*|isyyslomal\p{L}*|äitiysvapaa\p{L}*|isyysvapaa\p{L}*|vanhempainvapaal\p{L}*|hoitovapaal\p{L}*|raskau\p{L}*|raskaana|miehenä|naisena|föräldraledig\p{L}*|mammaledig\p{L}*|pappaledig\p{L}*|gravid|maternity leave|paternity leave|parental leave|pregnan\p{L}*|as a woman|as a man)"
                       R"(|hoitovapaa\p{L}*|vanhempainvapaa\p{L}*|kotiäi\p{L}*|kotiäidi\p{L}*|kotiisä\p{L}*|kotiisi\p{L}*|hemmamamma\p{L}*|hemmapappa\p{L}*|hemmafru\p{L}*|stay-at-home\s+(?:mum|mom|mother|dad|father)|housewife|househusband)"),
                   EntityType::kGender,
                   0.85,
                   {}},
                  // "mies", "nainen", "kvinna" said of anybody ("Tuohon mies vastasi"): unsure; said of oneself
                  // ("Olen 35-vuotias mies") the disclosure recognizer is sure.
                  {Words(R"(nainen|mies|kvinna)"), EntityType::kGender, 0.5, {}},
                  // Conscription is for men in Finland: military service tells a gender, yet it is also a merit
                  // ("varusmiespalvelus, johtajakoulutus"). Unsure: HR decides.
                  {Words(
                       R"(varusmiespalvelu\p{L}*|asepalvelu\p{L}*|siviilipalvelu\p{L}*|armeija\p{L}*|intissä|inttiin|intin|värnplikt\p{L}*|beväring\p{L}*|military\s+service|national\s+service)"),
                   EntityType::kGender,
                   0.5,
                   {}},
                  {Words(
                       R"(naimisissa|naimaton|eronnut|leski|avioliito\p{L}*|avovaimo\p{L}*|avomie\p{L}*|aviomie\p{L}*|vaimo\p{L}*|puoliso\p{L}*|lasteni|är gift|ogift|skild|änka|änkling|min make|min maka|sambo|mina barn|våra barn|har barn|dotter|döttrar|min son|söner|married|unmarried|divorced|widow\p{L}*|husband|wife|my children|my child|my kids|my son|my daughter|single mother|single father|miehe\p{L}*ni|kumppani\p{L}*ni|min\s+(?:man|fru|hustru|partner)|my\s+partner|divorce|my\s+divorce|erosin|eroni|avioero\p{L}*|skilsmässa\p{L}*|skilde\s+mig|kihloihin|kihloissa|häät|häämme|menen\s+naimisiin|menemme\s+naimisiin|getting\s+married|will\s+marry|gifter\s+(?:mig|oss)|kihlautu\p{L}*|förlovade\s+mig|förlovad|engaged\s+to|got\s+engaged|\p{L}*barns(?:mamma|pappa|mor|far|förälder|föräldrar)|nygift\p{L}*|newlywed\p{L}*|newly\s+wed|vastanai\p{L}*)"),
                   EntityType::kFamily,
                   0.8,
                   {}},
                  // A family, a child, a son or a daughter, said of nobody in particular: the
                  // applicant's own, or the work ("Ohjasin lapsia", "perhetyö"). Hidden, but unsure:
                  // HR looks before release (the disclosure recognizer is sure of "lapseni", "my
                  // son").
                  {Words(
                       R"(perhe|perhee\p{L}*|lapse\p{L}*|lapsi|lapsia|tytär\p{L}*|tyttäre\p{L}*|poika\p{L}*|poja\p{L}*|veli|velje\p{L}*|sisko\p{L}*|sisar\p{L}*|äiti\p{L}*|äidi(?:n|lle|ltä|llä|ssä|stä|ksi)|isä|isän|isää|isälle|isältä|isällä|mummo\p{L}*|mummi\p{L}*|vaari\p{L}*|isovanhem\p{L}*|isoisä\p{L}*|isoäiti\p{L}*|isoäidi\p{L}*)"
                       R"(|lastenvahti\p{L}*|barnvakt\p{L}*|mormor|farmor|morfar|farfar|grandmother|grandfather|grandma|grandpa|granny)"),
                   EntityType::kFamily,
                   0.5,
                   {}},
                  // Family phrases: "kahden lapsen äitinä", "två barn", "och gift", "a
                  // single parent of three", "two children".
                  {Phrases(
                       R"((?:\p{L}+\s+)?lapsen\s+(?:äiti|isä|vanhem)\p{L}*|(?:yksi|kaksi|kolme|neljä|viisi|\d)\s+lasta|(?:ett|två|tre|fyra|fem|\d)\s+barn|(?:a\s+)?single\s+(?:parent|mother|father|mum|mom|dad)(?:\s+of\s+\p{L}+)?|(?:a\s+)?(?:(?:proud|happy)\s+)?(?:parent|mother|father|mum|mom|dad|grandparent|grandmother|grandfather|grandma|grandpa|granny)\s+(?:of|to)\s+(?:(?:\p{L}+\s+)?(?:boys|girls|sons|daughters)|(?:an?|one|two|three|four|five|\d)(?:\s+(?:toddler|baby|newborn|teenager|teen|child|boy|girl|son|daughter|under-fives?|schoolchild|schoolkids?|little\s+ones?|\p{L}+-year-olds?)s?)?|twins?)|(?:yhden|kahden|kolmen|neljän|viiden|\d+)\s+(?:\p{L}+\s+)?(?:lapsen|koululaisen|teinin|vauvan|taaperon|pojan|tytön|alakoululaisen|ekaluokkalaisen|teini-ikäisen|päiväkoti-ikäisen)\s+(?:äiti|isä|vanhem)\p{L}*|(?:pappa|mamma|far|mor|mormor|farmor|morfar|farfar)\s+till\s+\p{L}+|\p{L}+(?:poikien|tyttöjen|lasten)\s+(?:\p{L}+\s+)?(?:isä|äiti)|(?:one|two|three|four|five|\d)\s+(?:children|kids|child))"),
                   EntityType::kFamily,
                   0.85,
                   {}},
                  {R"((?i)och\s+(gift)(?:[^\p{L}]|$))", EntityType::kFamily, 0.85, {}},
                  // Whole family statements: "Jag är gift och har tre barn", "my
                  // one-year-old daughter", "lapsemme täyttää pian vuoden" ("our" children may be a
                  // teacher's: the disclosure recognizer's, unsure).
                  {Phrases(
                       R"(är\s+gift(?:\s+och\s+har\s+(?:\p{L}+\s+)?barn)?|naimisissa(?:\s+ja\s+minulla\s+on\s+(?:\p{L}+\s+)?lap\p{L}*)?|married(?:\s+(?:and|with)\s+(?:have\s+)?(?:\p{L}+\s+)?(?:children|kids|child))?|my\s+(?:[\p{L}\-]+\s+)?(?:daughter|son|child|children|kids|baby|twins)|(?:min|mina)\s+(?:[\p{L}\-]+\s+)?(?:dotter|son|barn|bebis)|lap\p{L}*\s+(?:\p{L}+\s+){0,2}(?:vuoden|vuotta|vuotia\p{L}*))"),
                   EntityType::kFamily,
                   0.85,
                   {}},
                  {R"((?i)((?:olen|är|I am|I'm|jag\s+kommer|I\s+come|kommer|come)\s+(?:syntyjäni\s+|ursprungligen\s+|originally\s+)?(?:kotoisin|från|from)\s+(?-i:\p{Lu})[\p{L}\-]*(?-i:,\s*\p{Lu}\p{L}+)?))",
                   EntityType::kNationality,
                   0.85,
                   {}},
                  {R"((?i)((?:originally|ursprungligen)\s+(?:from|från)\s+(?-i:\p{Lu})\p{L}+|kotoisin\s+(?-i:\p{Lu})[\p{L}\-]*(?-i:,\s*\p{Lu}\p{L}+)?))",
                   EntityType::kNationality,
                   0.85,
                   {}},
                  // "Viron kansalainen": the word before is a country ("Opetin kansalaisopistossa" is none).
                  {R"((?:^|[^\p{L}])(\p{Lu}\p{L}+\s+(?i:kansalai)\p{L}*))", EntityType::kNationality, 0.8,
                   CitizenOfAPlace},
                  // "a British citizen" (not "a senior citizen", "a fellow citizen").
                  {R"((?:^|[^\p{L}])((?:(?i:an?)\s+)?\p{L}+\s+(?i:citizen(?:ship)?)))", EntityType::kNationality, 0.8,
                   CitizenOfACountry},
                  // "syntyjään virolainen", "svensk medborgare".
                  {Phrases(R"(syntyjään\s+\p{L}+|\p{L}+\s+medborgar\p{L}*|(?:an?\s+)?\p{L}+\s+national)"),
                   EntityType::kNationality,
                   0.8,
                   {}},
                  {Words(
                       R"(kansalaisuu\p{L}*|kansallisuu\p{L}*|maahanmuuttajatausta\p{L}*|olen\s+maahanmuuttaja\p{L}*|pakolai\p{L}*|medborgarskap\p{L}*|invandrarbakgrund\p{L}*|jag\s+är\s+invandrare|flykting\p{L}*|nationality|citizenship|immigrant\s+background|I\s+am\s+an\s+immigrant|refugee|asylum\s+seekers?|asylsökande|turvapaikanhakija\p{L}*|turvapaikan\s+hakija\p{L}*)"
                       R"(|(?:vaihto-oppila|vaihto-opiskelija)\p{L}*\s+Suome(?:ssa|en)|(?:an\s+)?exchange\s+student\s+in\s+Finland|utbytesstudent\p{L}*\s+i\s+Finland)"),
                   EntityType::kNationality,
                   0.8,
                   {}},
                  // A CV's field: "Kansalaisuus: Viro", "Nationality: Kenya", "Medborgarskap: Irak".
                  {R"((?i)((?:kansalaisuus|kansallisuus|nationality|citizenship|medborgarskap|nationalitet)\s*:\s*\p{L}+))",
                   EntityType::kNationality,
                   0.9,
                   {}},
                  // Citizens said of anybody ("kansalaisopisto", "palvelin kuntalaisia ja kansalaisia",
                  // "medborgarinstitut"): unsure.
                  {Words(R"(kansalai\p{L}*|medborgar\p{L}*|citizens?|)" + kNoCitizensWords),
                   EntityType::kNationality,
                   0.5,
                   {}},
                  // Origin as a background: "nigerialainen tausta", "virolaista
                  // syntyperää", "virolaistaustainen", "utländsk bakgrund". Not
                  // "tekninen tausta", "teknisk bakgrund".
                  {Words(
                       R"(\p{L}+(?:lai|läi)(?:nen|sen|sta|stä|sia|siä)\s+(?:taust|syntyper)\p{L}*|\p{L}+(?:lais|läis)(?:taustai|syntyi)\p{L}*|utländsk\s+(?:bakgrund|härkomst)|invandrarbakgrund)"),
                   EntityType::kNationality,
                   0.8,
                   {}},
                  // "a Nigerian background", "of Somali descent": a capitalised
                  // adjective of a people (not "a technical background", "an IT
                  // background").
                  {R"((?:^|[^\p{L}])((?:(?i:of|an?)\s+)?\p{Lu}\p{Ll}+(?:an|ese|ish|i|ch)\s+(?i:background|heritage|descent|origin|roots))(?:[^\p{L}]|$))",
                   EntityType::kNationality,
                   0.8,
                   {}},
                  {R"((?i)((?:(?:mitt|min|my|minun|our)\s+)?(?:äidinkiele\p{L}*|kotikiele\p{L}*|modersmål\p{L}*|mother tongue|native language|first language)(?:\s+(?:on|är|is))?[:\s]+\p{L}+))",
                   EntityType::kLanguage,
                   0.9,
                   {}},
                  // A CV's field list: "Äidinkieli: viro", "Kotikieli on venäjä" (the
                  // nominative only with ":" or "on": "äidinkieli ja kirjallisuus" is
                  // a school subject).
                  {R"((?i)((?:äidinkieli|kotikieli)(?:\s*:|\s+on)\s*\p{L}+))", EntityType::kLanguage, 0.9, {}},
                  {R"((?i)((?:\p{L}+)\s+on\s+(?:äidinkieleni|ensikieleni|kotikieleni)))",
                   EntityType::kLanguage,
                   0.9,
                   {}},
                  // "Somali is my first language", "I speak Somali as my first
                  // language", "a native speaker of Somali", "somaliska är mitt
                  // modersmål".
                  {R"((?:^|[^\p{L}])((?:\p{Lu}\p{L}+[ \t]+){0,2}\p{L}+[ \t]+(?i:is|as)[ \t]+(?i:my|our)[ \t]+(?i:first|native|home|mother)[ \t]+(?i:language|tongue)|\p{L}+[ \t]+(?i:är)[ \t]+(?i:mitt|vårt)[ \t]+(?i:modersmål|förstaspråk|hemspråk)|(?i:native[ \t]+speaker[ \t]+of)[ \t]+\p{L}+|(?i:native)[ \t]+\p{Lu}\p{L}+[ \t]+(?i:speaker)))",
                   EntityType::kLanguage,
                   0.9,
                   {}},
                  // A skills line: "joruba: äidinkieli", "somali – modersmål",
                  // "Polish: native", "Urdu (native)".
                  {R"((?i)(\p{L}+\s*(?:[:\-–]|\()\s*(?:äidinkieli|modersmål|mother tongue|native(?:\s+speaker|\s+language)?|first language)\)?))",
                   EntityType::kLanguage,
                   0.9,
                   {}},
                  {Words(
                       R"(kristit\p{L}*|muslimi\p{L}*|juutalai\p{L}*|ortodoksi\p{L}*|lestadiolai\p{L}*|helluntailai\p{L}*|kristen|muslim\p{L}*|judisk|jude|judinna|christian|jewish|mosques?|moskeij\p{L}*|moské\p{L}*|moskén\p{L}*|synagog\p{L}*|uskovai\p{L}*|troende|I\s+pray|believer|churchgoer|kirkossa\s+käyvä\p{L}*|kyrkobesök\p{L}*|pastor|reverend|vicar|imam|rabbi|kyrkoherde\p{L}*|präst\p{L}*|kirkkoherra\p{L}*|imaami\p{L}*)"),
                   EntityType::kReligion,
                   0.85,
                   {}},
                  // Prayer said of anybody ("full of prayer from family and friends"): unsure.
                  {Words(R"(rukou\p{L}*|rukoile\p{L}*|rukoilen|bön|böner|bönestund\p{L}*|prayers?)"),
                   EntityType::kReligion,
                   0.5,
                   {}},
                  // Religion as a word is as often a school subject ("uskonnon opettaja", "undervisade
                  // i religion") as one's own: unsure, for a look.
                  {Words(R"(uskonno\p{L}*|uskonto|religion|religious|)" + kChurchYouthWork),
                   EntityType::kReligion,
                   0.5,
                   {}},
                  {R"((?i)((?:kuulun|kuuluin|tillhör|I\s+belong\s+to)\s+(?:\p{L}+\s+){0,2}(?:kirkkoon|seurakuntaan|uskontokuntaan|kyrkan|församlingen|church|congregation)))",
                   EntityType::kReligion,
                   0.85,
                   {}},
                  // "aktiivinen seurakunnan jäsen", "aktiv i församlingen", "a
                  // practising Buddhist".
                  {Phrases(
                       R"((?:\p{L}+\s+)?\p{L}*seurakun\p{L}*(?:\s+jäsen\p{L}*)?|(?:\p{L}+\s+)?i\s+församling\p{L}*|församling\p{L}*|(?:an?\s+)?(?:practising|practicing|devout|observant)\s+\p{L}+|buddhist\p{L}*|buddhalai\p{L}*|hindu\p{L}*|katoli\p{L}*|catholic|lutheran|luterilai\p{L}*|frikyrk\p{L}*|vapaakirko\p{L}*|vapaakirkk\p{L}*|ramadan\p{L}*|ramazan\p{L}*|paastokuu\p{L}*|sabbath|sabbat\p{L}*|sapatti\p{L}*)"
                       R"(|(?:my|our)\s+(?:local\s+)?church(?:'s)?)"),
                   EntityType::kReligion,
                   0.8,
                   {}},
                  // A condition, said of nobody in particular: the applicant's own, or the work ("the
                  // diabetes clinic", "vammaispalvelut", "a thesis on burnout"). Hidden, but unsure:
                  // HR looks before release (the disclosure recognizer is sure of "my stroke",
                  // "sairastan diabetesta").
                  {Words(
                       R"((?:type|tyypin|typ)\s+\d\s*-?\s*diabete\p{L}*|astma\p{L}*|asthma|epilep\p{L}*|migreeni\p{L}*|migrän|migraine|adhd|autis\p{L}*|sairau\p{L}*|sairas\p{L}*|sairaslomal\p{L}*|masennu\p{L}*|diabete\p{L}*|uupumu\p{L}*|burnout|loppuun\s?palami\p{L}*|vamma\p{L}*|syöpä\p{L}*|kuntoutu\p{L}*|sjukdom\p{L}*|sjukskriv\p{L}*|depression|diabetes|funktionsnedsättning\p{L}*|illness|disability|disabled|cancer|sick leave|chronic|wheelchair\p{L}*|pyörätuoli\p{L}*|rullstol\p{L}*|kuulolaite\p{L}*|kuulokoje\p{L}*|reuma\p{L}*|rheumat\p{L}*|arthritis|nivelrikko\p{L}*|artros\p{L}*|hörapparat\p{L}*|hearing aids?|näkövamma\p{L}*|kuulovamma\p{L}*|synskada\p{L}*|hörselskada\p{L}*|visually impaired|hearing impaired|lukihäiriö\p{L}*|dyslexi\p{L}*|cochlea\p{L}*|sisäkorvaistut\p{L}*|(?:hearing|cochlear)\s+implants?|panic\s+attacks?|paniikkikohtau\p{L}*|panikattack\p{L}*|(?:knee|hip|back|heart|shoulder|eye|spine|spinal|foot|ankle|wrist|bypass)\s+(?:surgery|operation|replacement)|(?:polvi|lonkka|selkä|olka|silmä|sydän)leikkau\p{L}*|(?:knä|höft|rygg|axel|ögon|hjärt)operation\p{L}*)"
                       R"(|(?:rinta|eturauhas|munasarja|kives)syöp\p{L}*|(?:bröst|prostata|äggstocks|livmoderhals|testikel)cancer\p{L}*|(?:breast|prostate|ovarian|cervical|testicular)\s+cancer)"),
                   EntityType::kHealth,
                   0.5,
                   {}},
                  {Phrases(
                       R"(\p{L}*leikkaukse\p{L}*(?:\s+jälkeen)?|\p{L}*leikattu\p{L}*|(?:after|following)\s+(?:\p{L}+\s+){0,2}surgery|sjukhusvistelse\p{L}*|tried\s+to\s+kill\s+myself|suicide\s+attempt|attempted\s+suicide|itsemurhayrity\p{L}*|yritin\s+itsemurhaa|självmordsförsök\p{L}*)"),
                   EntityType::kHealth,
                   0.85,
                   {}},
                  {Phrases(
                       R"((?:(?:type|tyypin|typ)\s+\d\s*-?\s*)?(?:diabete\p{L}*|astma|asthma|epilepsia|epilepsi|epilepsy|migreeni|migrän|migraine|adhd|ms-tau\p{L}*|ms-sjuk\p{L}*|multiple\s+sclerosis|multipel\s+skleros\p{L}*))"),
                   EntityType::kHealth,
                   0.5,
                   {}},
                  // Dress that tells a faith: "I wear a hijab", "käytän huivia".
                  {Words(
                       R"(hijab\p{L}*|hidžab\p{L}*|niqab\p{L}*|burka\p{L}*|burqa|headscarf|(?:käytän|pidän)\s+huivi\p{L}*|bär\s+(?:slöja|huvudduk))"),
                   EntityType::kReligion,
                   0.8,
                   {}},
                  // Where one was born tells where one comes from: "born in 1985 in Lagos", "född 1988
                  // i Göteborg", "Synnyin Tampereella".
                  {R"((?:^|[^\p{L}])(?i:born)\s+(?:(?:on|in)\s+[\p{L}\d ,]{0,25}?\s+)?in\s+(?:the\s+)?(\p{Lu}[\p{L}\-]+(?:,\s*\p{Lu}[\p{L}\-]+)?))",
                   EntityType::kNationality,
                   0.8,
                   {}},
                  {R"((?:^|[^\p{L}])(?i:född|föddes)\s+(?:[\p{L}\d ,]{0,25}?\s+)?(?:i|på)\s+(\p{Lu}[\p{L}\-]+))",
                   EntityType::kNationality,
                   0.8,
                   {}},
                  {R"((?:^|[^\p{L}])(?i:synnyin|syntynyt|syntyny|syntyisin)\s+(?:[\p{L}\d ,]{0,25}?\s+)?()" +
                       kFinnishPlaceInOrFrom + ")",
                   EntityType::kNationality,
                   0.8,
                   {}},
                  // Where one grew up tells where one comes from: "grew up in Mogadishu", "born and
                  // raised in Glasgow", "Kasvoin Mogadishussa", "syntynyt ja kasvanut Glasgow'ssa",
                  // "växte upp i Mogadishu".
                  {R"((?:^|[^\p{L}])(?i:grew\s+up|raised|växte\s+upp|uppvuxen)\s+(?:\p{Ll}+\s+){0,4}?(?i:in|i|på|outside|near|utanför|nära)\s+(\p{Lu}[\p{L}\-]+))",
                   EntityType::kNationality,
                   0.8,
                   {}},
                  {R"((?:^|[^\p{L}])(?i:kasvoin|kasvanut|varttunut|vartuin)\s+(?:\p{Ll}+\s+){0,2}?()" +
                       kFinnishPlaceInOrFrom + ")",
                   EntityType::kNationality,
                   0.8,
                   {}},
                  // The language of one's home: "Hemma talar vi farsi", "at home we speak Farsi",
                  // "Kotona puhumme farsia", "I grew up speaking Farsi".
                  {R"((?i)((?:hemma\s+talar\s+(?:vi|jag)|at\s+home\s+(?:we|I)\s+speak|kotona\s+puhu\p{L}+|grew\s+up\s+speaking|växte\s+upp\s+med)\s+\p{L}+))",
                   EntityType::kLanguage,
                   0.85,
                   {}},
                  // A refugee's country: "a refugee from Syria", "pakolaisena Syyriasta", "flykting
                  // från Syrien".
                  {R"((?:^|[^\p{L}])((?i:refugee|asylum\s+seeker|flykting|asylsökande|pakolai\p{L}*|turvapaikanhakija\p{L}*)\s+(?:(?i:from|från)\s+)?\p{Lu}\p{L}+))",
                   EntityType::kNationality,
                   0.85,
                   {}},
                  // Fleeing a country tells where one comes from: "I fled Syria", "flydde från
                  // Eritrea", "pakenimme Syyriasta".
                  {R"((?:^|[^\p{L}])(?i:fled|escaped|flydde|flytt|pakenin|pakenimme|pakeni|pakenivat)\s+(?:(?i:from|från)\s+)?(\p{Lu}\p{L}+))",
                   EntityType::kNationality,
                   0.85,
                   {}},
                  // Leaving a place may tell where one comes from ("I left Eritrea at seventeen",
                  // "Lähdin Eritreasta", "lämnade Somalia"), or a former employer ("left Nokia"): a
                  // known place only, and unsure, for a look.
                  {R"((?:^|[^\p{L}])(?i:left|lämnade|jätin|lähdin|lähdimme|lämnat)\s+(\p{Lu}\p{L}+))",
                   EntityType::kNationality, 0.5, NamesAPlace},
                  // The languages of Finland's minorities, and speaking one at home or as one's people: a
                  // mother tongue, or a skill or the work's (a Swedish-speaking school, Sámi teaching): unsure.
                  {Words(R"(pohjoissaame\p{L}*|inarinsaame\p{L}*|koltansaame\p{L}*|nordsamisk\p{L}*|sydsamisk\p{L}*|lulesamisk\p{L}*|northern\s+s[aá]a?mi|venäjänkielis\p{L}*|venäjänkielinen|ruotsinkielis\p{L}*|ruotsinkielinen|viittomakielis\p{L}*|viittomakielinen|grew\s+up\s+bilingual|uppvuxen\s+(?:i\s+en\s+)?tvåspråkig\p{L}*|tvåspråkig\s+familj|kaksikielise\p{L}*\s+perhee\p{L}*)"),
                   EntityType::kLanguage,
                   0.5,
                   {}},
                  // One's people where the word is also an everyday one ("jag är same", "som rom"), an evacuee
                  // family, one's colour.
                  {Words(
                       R"((?:jag\s+är|som)\s+(?:en\s+)?(?:same|rom|tatar)|evakko\p{L}*|(?:person|people|woman|man|women|men)\s+of\s+colou?r)"),
                   EntityType::kNationality,
                   0.5,
                   {}},
                  // A political party one belongs to, stands for or acts in: its name ("kokoomus", "Svenska
                  // folkpartiet", "the Finns Party") or the abbreviation a council member's name carries
                  // ("(kok.)", "SDP:n"). Sure: said of a party's employee too, it tells the same.
                  {Words(
                       R"(kokoomu\p{L}*|sosiaalidemokraat\p{L}*|perussuomalai\p{L}*|vasemmistoliit\p{L}*|vihreä[ \t]+liitto|kristillisdemokraat\p{L}*|keskustapuolue\p{L}*|suomen[ \t]+keskusta\p{L}*|ruotsalai\p{L}*[ \t]+kansanpuolue\p{L}*|liike[ \t]+nyt|sdp|sdp:\p{L}+|rkp|rkp:\p{L}+|samlingsparti\p{L}*|socialdemokrat\p{L}*|sannfinländar\p{L}*|centerparti\p{L}*|vänsterförbund\p{L}*|svenska[ \t]+folkparti\p{L}*|sfp|kristdemokrat\p{L}*|national[ \t]+coalition(?:[ \t]+party)?|social[ \t]+democratic[ \t]+party|finns[ \t]+party|green[ \t]+league|left[ \t]+alliance|centre[ \t]+party|swedish[ \t]+people's[ \t]+party|christian[ \t]+democrats)"),
                   EntityType::kAffiliation,
                   0.85,
                   {}},
                  {R"((\((?:kok|sd|sdp|kesk|ps|vihr|vas|r|rkp|kd|liik|sfp|saml|cent|gröna|vf|kd)\.?\)))",
                   EntityType::kAffiliation,
                   0.85,
                   {}},
                  // A trade union and acting for one: a union's name, a shop steward, "ammattiliitto" (unsure:
                  // negotiating for the staff is also a merit, and a union may be the employer).
                  {Words(
                       R"(ammattiliit\p{L}*|ammattiyhdistys\p{L}*|luottamusmie\p{L}*|pääluottamusmie\p{L}*|jhl|jhl:\p{L}+|tehy\p{L}*|super:\p{L}+|oaj|oaj:\p{L}+|jyty\p{L}*|talentia\p{L}*|fackförbund\p{L}*|facket|fackets|förtroendem[aä]n\p{L}*|fackombud\p{L}*|trade[ \t]+unions?|shop[ \t]+stewards?|union[ \t]+representatives?)"),
                   EntityType::kAffiliation,
                   0.5,
                   {}},
                  // A parent's people tells one's origin: "my father is Finnish and my mother is Thai", "pappa
                  // är finsk", "äitini on virolainen" (the host country's people too: it says the other is not).
                  {R"((?:^|[^\p{L}])(?i:my\s+|min\s+|mitt\s+)?(?i:father|mother|dad|mum|mom|parents|pappa|mamma|far|mor|föräldrar|isäni|äitini|vanhempani|isä|äiti)\s+(?i:is|are|was|är|var|on|oli|ovat)\s+(\p{L}+))",
                   EntityType::kNationality, 0.85, NamesAPeople},
                  // Where one's degree is from may tell where one comes from ("sain lääkärin tutkintoni
                  // Ukrainassa", "tog min läkarexamen i Irak", "qualified as a nurse in the Philippines"), or it
                  // is a merit like any school: a known place only, and unsure, for HR to decide.
                  {R"((?:^|[^\p{L}])(?i:tutkintoni|tutkinnon|tutkinto|tutkintoa|valmistuin|opiskelin|kouluttauduin|koulutukseni|opintoni)[ \t]+(?:\p{L}+[ \t]+){0,2}?(\p{Lu}\p{L}+(?:ssa|ssä|sta|stä|lla|llä|lta|ltä)))",
                   EntityType::kNationality, 0.5, NamesAForeignPlace},
                  {R"((?:^|[^\p{L}])(?i:qualified|graduated|trained|studied|degree|diploma|(?:läkar|sjuksköterske|kandidat|magister|master|yrkes)?examen|utexaminerades|studerade|utbildade[ \t]+mig)[ \t]+(?:\p{L}+[ \t]+){0,3}?(?i:in|from|i|på)[ \t]+(?:(?i:the)[ \t]+)?(\p{Lu}\p{L}+))",
                   EntityType::kNationality, 0.5, NamesAForeignPlace},
                  // A language spoken at home: "Polish, which I spoke at home", "puolaa, jota puhuimme
                  // kotona", "polska, som vi talade hemma".
                  {R"((?:^|[^\p{L}])(\p{L}+,?[ \t]+(?i:(?:which|that)[ \t]+(?:I|we)[ \t]+(?:spoke|speak|used)[ \t]+at[ \t]+home|jota[ \t]+puhu\p{L}+[ \t]+kotona|som[ \t]+(?:vi|jag)[ \t]+(?:talade|talar)[ \t]+hemma)))",
                   EntityType::kLanguage,
                   0.85,
                   {}},
                  // A passport tells a nationality: "Kenian passi", "a Kenyan passport".
                  {R"((?:^|[^\p{L}])(\p{Lu}\p{L}+n\s+passi\p{L}*|\p{Lu}\p{L}+\s+(?i:passport)))",
                   EntityType::kNationality,
                   0.8,
                   {}},
                  // One's own retirement, past or coming, tells one's age: "olen eläkkeellä", "jään
                  // eläkkeelle", "jag är pensionär", "I am retired", "as a recent retiree" (not a referee's
                  // "rehtori (eläkkeellä)", nor a pension company). So does the school year one is in:
                  // "olen yhdeksäsluokkalainen", "käyn lukion toista vuotta", "jag går i nian", "I'm in Year 11".
                  {Words(
                       R"(olen\s+eläkkeellä|olen\s+eläkeläi\p{L}*|eläkeläisenä|jäin\s+eläkkeelle|jään\s+eläkkeelle|jäämässä\s+eläkkeelle|jag\s+är\s+(?:pensionär|pensionerad)|jag\s+gick\s+i\s+pension|jag\s+går\s+i\s+pension|(?:I\s+am|I'm)\s+(?:now\s+)?retired|I\s+(?:will|shall)\s+retire|I\s+retire|I'm\s+retiring|I\s+am\s+retiring)"
                       R"(|(?:as\s+)?an?\s+(?:recent\s+|new\s+|newly\s+)?retiree|(?:seitsemäs|kahdeksas|yhdeksäs|seiska|kasi|ysi)luokkalai\p{L}*|(?:käyn|olen)\s+(?:lukion|yläkoulun|ammattikoulun|amiksen)\s+(?:ensimmäistä|toista|kolmatta|viimeistä|ekaa|tokaa)\s+vuotta|(?:olen|käyn)\s+(?:seitsemännellä|kahdeksannella|yhdeksännellä|seiskalla|kasilla|ysillä)(?:\s+luokalla)?)"
                       R"(|(?:jag\s+)?går\s+i\s+(?:sjuan|åttan|nian)|(?:jag\s+)?går\s+(?:första|andra|tredje|sista)\s+året\s+(?:på|i)\s+(?:gymnasiet|högstadiet|yrkesskolan))"
                       R"(|(?:I'm|I\s+am|im)\s+(?:currently\s+|now\s+)?(?:in\s+(?:year\s+\d{1,2}|(?:\d{1,2}th|ninth|tenth|eleventh|twelfth)\s+grade|sixth\s+form|high\s+school|secondary\s+school)|an?\s+(?:high\s+school|secondary\s+school|sixth\s+form)\s+(?:student|pupil)|an?\s+(?:freshman|sophomore|junior|senior)\s+(?:in|at)\s+high\s+school))"),
                   EntityType::kAge,
                   0.8,
                   {}},
                  // "MS" alone is a disease only where one says one has it, at the end of the clause:
                  // "MS Office", "MS Teams" in a CV are tools.
                  {R"((?i)(?:^|[^\p{L}])((?:minulla\s+on|sairastan|jag\s+har|I\s+have|diagnosed\s+with)\s+ms)(?:\s*[.,;:!)]|\s*$))",
                   EntityType::kHealth,
                   0.85,
                   {}},
                  // Moving somewhere says where one lives: "muutimme viime vuonna
                  // Kuopioon", "flyttade till Åbo".
                  {R"((?:^|[^\p{L}])((?i:muutin|muutimme|muutti|muuttaneet|flyttade|flyttat|moved|moving|palata|palaan|palaamme|muuttaa|muutan|flytta|flyttar|return|move|relocated|relocating|relocate)[ \t]+(?:tillbaka\s+|back\s+)?(?:\p{Ll}+\s+){0,3}(?i:till\s+|to\s+)?\p{Lu}\p{L}+))",
                   EntityType::kResidence, 0.8, OneClauseMove},
                  {R"((?:^|[^\p{L}])((?i:asun|asuin|asuu|asumme|asuvat|asuimme|asunut|asuneet|bor|bott|bodde|I live|we live|live|lives|living|lived|have lived)\s+(?:(?i:nykyään|i|in|around|near|outside|nära|utanför|\p{L}+\s+i|\p{L}+\s+in|\p{L}+\s+around|\p{L}+\s+near)\s+)?\p{Lu}\p{L}+))",
                   EntityType::kResidence, 0.85,
                   // Living in the host country tells nothing ("bott i Finland").
                   [](std::string_view s) {
                     return !s.ends_with("Finland") && !s.ends_with("Suomessa") && !s.ends_with("Suomi");
                   }},
                  // Typed on a phone, in lower case: "asun nykyään mieheni kanssa lahdessa", "bor i vasa",
                  // "live in espoo", "muutetaan ens kesänä kuopioon", "moved here from kenya" — the place
                  // after up to three words, written small; known places only. In the first rule the place may
                  // have its capital too ("Asun vielä vanhempieni luona Kontiolahdella").
                  {R"((?:^|[^\p{L}])((?i:asun|asuin|asunu|asunut|asumme|asutaan|asuttiin|bor|bott|bodde|live|lives|living|lived)(?:[ \t]+\p{Ll}+){0,3}[ \t]+\p{L}[\p{L}\-]*(?:ssa|ssä|lla|llä)))",
                   EntityType::kResidence, 0.85, NamesAPlaceAfterTheVerb},
                  {R"((?:^|[^\p{L}])((?i:bor|bott|bodde|live|lives|living|lived|moved|flyttade|flyttat)[ \t]+(?:\p{Ll}+[ \t]+){0,2}?(?:i|in|to|till|near|nära)[ \t]+\p{Ll}[\p{L}\-]*))",
                   EntityType::kResidence, 0.85, NamesALowerCasePlace},
                  {R"((?:^|[^\p{L}])((?i:muutin|muutimme|muutetaan|muutettiin|muutan|muutamme|muuttaa|palaan|palataan)(?:[ \t]+\p{Ll}+){0,3}[ \t]+\p{Ll}[\p{L}\-]*(?:an|en|in|on|un|yn|än|ön|seen|lle)))",
                   EntityType::kResidence, 0.8, NamesALowerCasePlace},
                  {R"((?:^|[^\p{L}])((?i:from|från|kotoisin|syntyny|syntynyt|synnyin)[ \t]+\p{Ll}[\p{L}\-]*))",
                   EntityType::kNationality, 0.85, NamesALowerCasePlace},
                  // A mother tongue after its label with no colon: "äidinkieli arabia", "modersmål somaliska".
                  {R"((?i)(?:^|[^\p{L}])((?:äidinkieli|kotikieli|modersmål|mother\s+tongue|native\s+language|first\s+language)[ \t]+\p{L}+))",
                   EntityType::kLanguage, 0.85, LanguageAfterLabel},
                  // One's people in a word that is also a language's: "I'm originally Polish", "im half
                  // greek" ("Polish: fluent" alone is a skill).
                  {Words(
                       R"((?:I[ \t]+am|I'm|im)[ \t]+(?:originally[ \t]+|half[ \t]+|by[ \t]+birth[ \t]+)?(?:albanian|armenian|azerbaijani|belarusian|bulgarian|burmese|chinese|croatian|czech|danish|dutch|estonian|filipino|french|georgian|german|greek|hungarian|icelandic|indonesian|irish|italian|japanese|kyrgyz|latvian|lithuanian|macedonian|mongolian|norwegian|polish|portuguese|romanian|russian|serbian|slovenian|somali|spanish|swedish|tajik|thai|turkish|ukrainian|vietnamese|welsh))"),
                   EntityType::kNationality,
                   0.85,
                   {}},
                  // Practising a faith: "käyn kirkossa joka sunnuntai", "går i kyrkan", "I go to mosque on
                  // Fridays", "I keep shabbat", "pidän paaston".
                  {Words(
                       R"((?:käyn|kävin|käymme)[ \t]+(?:\p{L}+[ \t]+)?(?:kirkossa|messussa|moskeijassa|synagogassa|temppelissä|jumalanpalveluksessa|seurakunnassa)|(?:går|gick)[ \t]+(?:i|till)[ \t]+(?:kyrkan|mässan|moskén|synagogan|templet|gudstjänst\p{L}*)|(?:I[ \t]+)?(?:go|went|going)[ \t]+to[ \t]+(?:church|mass|mosque|synagogue|temple)|(?:I[ \t]+)?(?:keep|observe|observing|keeping)[ \t]+(?:the[ \t]+)?(?:shabbat|sabbath|kosher|halal|lent|ramadan)|shabbat|pidän[ \t]+paaston|fastar[ \t]+under)"),
                   EntityType::kReligion,
                   0.85,
                   {}},
                  // Hearing or sight said of oneself: "kuulen huonosti", "näen huonosti", "jag hör dåligt",
                  // "I can't hear well".
                  {Words(
                       R"((?:kuulen|näen)[ \t]+(?:\p{L}+[ \t]+)?(?:huonosti|heikosti)|(?:jag[ \t]+)?(?:hör|ser)[ \t]+(?:\p{L}+[ \t]+)?(?:dåligt|illa)|I[ \t]+(?:can't|cannot|can[ \t]+not|don't)[ \t]+(?:hear|see)[ \t]+(?:very[ \t]+)?well|poor[ \t]+(?:hearing|eyesight))"),
                   EntityType::kHealth,
                   0.85,
                   {}},
                  // Seizures said of anybody: a symptom, as the condition's name (unsure, as conditions are).
                  {Words(R"(seizures?|epileptic[ \t]+fits?)"), EntityType::kHealth, 0.5, {}},
                  // Sexual orientation said of oneself, hidden as a gender cue (a placeholder of its own would
                  // tell reviewers what was said): "I'm gay", "olen lesbo", "jag är bisexuell".
                  {Words(R"((?:I[ \t]+am|I'm|olen|oon|jag[ \t]+är)[ \t]+(?:a[ \t]+|en[ \t]+)?(?:gay|lesbian|bisexual|queer|pansexual|asexual|homosexual|homo|lesbo|biseksuaali|homoseksuaali|panseksuaali|aseksuaali|bisexuell|homosexuell|transperson))"),
                   EntityType::kGender,
                   0.85,
                   {}},
                  // Where one came from, in a reference too: "He came to Finland from Syria", "flyttade till
                  // Finland från Bosnien", "muutti Suomeen Irakista".
                  {R"((?:^|[^\p{L}])(?i:came|moved|fled|arrived|emigrated|kom|flyttade|flydde|flyttat|kommit)[ \t]+(?:\p{L}+[ \t]+){0,3}?(?i:from|från)[ \t]+(\p{Lu}\p{L}+))",
                   EntityType::kNationality, 0.85, NamesAForeignPlace},
                  {R"((?:^|[^\p{L}])(?i:muutti|muutin|muuttivat|muutimme|tuli|tulin|tulivat|tulimme|pakeni|pakenin)[ \t]+(?:\p{L}+[ \t]+){0,3}?(\p{Lu}\p{L}+(?:sta|stä|lta|ltä)))",
                   EntityType::kNationality, 0.85, NamesAForeignPlace},
              });
}

}  // namespace reilu::redact
