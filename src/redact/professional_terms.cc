#include "redact/professional_terms.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <unordered_set>
#include <vector>

#include "redact/morphology.h"

namespace reilu::redact {

namespace {

// Reviewed by hand: add a term only when it is a product, method, system or organisation that
// applicants name as a skill or a workplace, never a person's name on its own.
constexpr const char* kTerms[] = {
    // company forms
    "oy", "oyj", "ab", "abp", "ltd", "inc", "ky", "ry", "tmi", "gmbh", "llc", "plc", "as", "wilma", "montessori",
    "kiva", "primus", "excel", "word", "powerpoint", "outlook", "teams", "office", "sap", "effica", "pegasos",
    "lifecare", "apotti", "omni", "kanta", "finna", "koha", "aurora", "sharepoint", "linkedin", "java", "python",
    "javascript", "typescript", "react", "linux", "windows", "autocad", "revit", "photoshop", "illustrator", "indesign",
    "moodle", "peda", "steiner", "reggio", "emilia", "lean", "scrum", "agile", "kela", "kelan", "tyks", "hus", "tays",
    "oys", "kys", "suomi", "suomen", "ruotsi", "ruotsin", "englanti", "englannin", "google", "microsoft", "adobe",
    "salesforce", "jira", "confluence", "git", "github", "ms", "it", "ict", "ok", "cv", "power", "bi", "english",
    "finnish", "swedish", "svenska", "engelska", "finska", "suomea", "ruotsia", "englantia", "portfolio", "manager",
    "directory", "intune", "azure",
    // care and social work systems (not "Esko", "Hilkka", "Daisy": people are called so too)
    "procapita", "treserva", "cosmic", "mediatri", "abilita", "domacare", "nursebuddy", "omakanta", "cerner",
    "medimaster",
    // public authorities that licence or register applicants
    "valvira", "migri", "thl", "traficom",
    // social media and messaging services (the account in them is hidden, not the service's name)
    "instagram", "tiktok", "skype", "facebook", "twitter", "youtube", "whatsapp", "telegram", "discord", "snapchat",
    "gitlab", "slack", "zoom"};

const std::unordered_set<std::string, StringHash, std::equal_to<>>& Stems() {
  static const std::unordered_set<std::string, StringHash, std::equal_to<>> kStems = [] {
    std::unordered_set<std::string, StringHash, std::equal_to<>> stems;
    for (const char* t : kTerms) {
      std::string term(t);
      stems.insert(term);
      // Finnish -s words inflect on a -ks- stem: "Primus" → "Primuksen", "Teams" → "Teamsissa".
      if (term.size() > 3 && term.back() == 's') stems.insert(term.substr(0, term.size() - 1) + "ks");
    }
    return stems;
  }();
  return kStems;
}

// Reviewed by hand, like kTerms: words that name a kind of institution, never a person. Whole
// words (a Finnish case ending may follow: "kunnassa")...
constexpr std::string_view kInstitutionWords[] = {
    "university", "college",  "school",    "academy",    "institute", "hospital",   "clinic", "council",
    "akademi",    "högskola", "högskolan", "institutet", "sjukhus",   "sjukhuset",  "skola",  "skolan",
    "kunta",      "kunna",    "kaupunki",  "kaupungi",   "stiftelse", "foundation", "stad",   "kommun"};
// ...and Finnish heads that end compounds too ("ammattikorkeakoulu", "Savonia-ammattikorkeakoulu",
// "kuntayhtymässä").
constexpr std::string_view kInstitutionCompoundHeads[] = {"yliopisto", "korkeakoulu", "opisto",    "koulu",
                                                          "lukio",     "sairaala",    "päiväkoti", "kirjasto",
                                                          "säätiö",    "yhtymä",      "akatemia"};

constexpr size_t kCaseEnding = 5;  // letters of a Finnish case ending after a head

// The two bytes of `w` from `at` as one number: the index of a table of 65 536 that lets most words
// go before any list is compared.
unsigned TwoBytesAt(std::string_view w, size_t at) {
  return static_cast<unsigned char>(w[at]) << 8 | static_cast<unsigned char>(w[at + 1]);
}

}  // namespace

bool IsInstitutionWord(std::string_view folded) {
  // Asked of the words around every name found, and nearly always false: a table of the heads'
  // first two bytes lets most words and most places in a word go at once.
  struct Starts {
    std::vector<bool> whole = std::vector<bool>(1 << 16), compound = std::vector<bool>(1 << 16);
    size_t shortest = SIZE_MAX, longest = 0;  // of the compound heads
  };
  static const Starts kStarts = [] {
    Starts starts;
    for (std::string_view head : kInstitutionWords) starts.whole[TwoBytesAt(head, 0)] = true;
    for (std::string_view head : kInstitutionCompoundHeads) {
      starts.compound[TwoBytesAt(head, 0)] = true;
      starts.shortest = std::min(starts.shortest, head.size());
      starts.longest = std::max(starts.longest, head.size());
    }
    return starts;
  }();
  if (folded.size() < 2) return false;
  if (kStarts.whole[TwoBytesAt(folded, 0)]) {
    for (std::string_view head : kInstitutionWords) {
      if (folded.size() >= head.size() && folded.size() - head.size() <= kCaseEnding && folded.starts_with(head)) {
        return true;
      }
    }
  }
  // Only the word's end can hold a compound's head: a case ending at most after it.
  if (folded.size() < kStarts.shortest) return false;
  size_t first = folded.size() > kStarts.longest + kCaseEnding ? folded.size() - kStarts.longest - kCaseEnding : 0;
  for (size_t at = first; at + kStarts.shortest <= folded.size(); ++at) {
    if (!kStarts.compound[TwoBytesAt(folded, at)]) continue;
    for (std::string_view head : kInstitutionCompoundHeads) {
      if (at + head.size() <= folded.size() && at + head.size() + kCaseEnding >= folded.size() &&
          folded.compare(at, head.size(), head) == 0) {
        return true;
      }
    }
  }
  return false;
}

bool IsSkillAlsoAName(std::string_view folded, std::string_view lang) {
  // Reviewed by hand: programming languages, tools and systems that applicants list as skills and
  // that are also people's names.
  static const std::unordered_set<std::string_view> kSkills = {"ruby",  "julia", "ada",  "crystal", "pascal", "jenkins",
                                                               "kafka", "alexa", "siri", "watson",  "sage",   "django"};
  // Finnish case endings after a foreign word ("Rubya", "Rubyn", "Jenkinsiä", "Kafkalla"); a
  // genitive -s in Swedish and English.
  static const std::unordered_set<std::string_view> kFinnishEndings = {
      "a",  "ä",   "n",   "na",  "nä",  "aa",  "ää",  "an",  "än",  "in",  "iin", "ia",   "iä",   "ta",
      "tä", "lla", "llä", "lle", "lta", "ltä", "ssa", "ssä", "sta", "stä", "ksi", "ille", "illa", "issa"};
  // Most words begin as no skill does (each has three letters or more): their first two letters
  // say so at once.
  static const std::vector<std::string_view> kStarts = [] {
    std::vector<std::string_view> starts;
    for (std::string_view skill : kSkills) starts.push_back(skill.substr(0, 2));
    return starts;
  }();
  if (folded.size() < 3 ||
      std::none_of(kStarts.begin(), kStarts.end(), [&](std::string_view start) { return folded.starts_with(start); })) {
    return false;
  }
  if (kSkills.count(folded)) return true;
  for (size_t cut = folded.size() > 4 ? folded.size() - 4 : 0; cut < folded.size(); ++cut) {
    if (!kSkills.count(folded.substr(0, cut))) continue;
    std::string_view ending = folded.substr(cut);
    return lang == "fi" ? kFinnishEndings.count(ending) > 0 : ending == "s";
  }
  return false;
}

bool IsCalendarWord(std::string_view folded) {
  static const std::unordered_set<std::string_view> kWords = {
      "january",   "february", "march",    "april",    "may",    "june",    "july",      "august",
      "september", "october",  "november", "december", "monday", "tuesday", "wednesday", "thursday",
      "friday",    "saturday", "sunday",   "jan",      "feb",    "mar",     "apr",       "jun",
      "jul",       "aug",      "sep",      "sept",     "oct",    "nov",     "dec"};
  return kWords.count(folded) > 0;
}

bool IsCompanyForm(std::string_view folded) {
  for (std::string_view form : {"oy", "oyj", "ab", "abp", "ltd", "inc", "ky", "ry", "tmi", "gmbh", "llc", "plc"}) {
    if (folded == form) return true;
  }
  return false;
}

bool IsProfessionalTerm(std::string_view folded) {
  if (Stems().count(folded)) return true;
  // A case ending of up to five letters after a stem of four or more: "wilma|an", "excel|issä".
  // Most words begin no stem: their first two bytes say so at once.
  static const std::vector<bool> kStemStarts = [] {
    std::vector<bool> starts(1 << 16);
    for (const auto& stem : Stems()) {
      if (stem.size() >= 4) starts[TwoBytesAt(stem, 0)] = true;
    }
    return starts;
  }();
  if (folded.size() < 5 || !kStemStarts[TwoBytesAt(folded, 0)]) {
    return false;
  }
  for (size_t cut = folded.size(); cut-- > 4 && cut + 6 >= folded.size();) {
    if (Stems().count(folded.substr(0, cut))) return true;
  }
  // A compound with a term before its hyphen: "Pegasos-järjestelmiä", "Excel-taulukko".
  if (const size_t hyphen = folded.find('-'); hyphen != std::string_view::npos && hyphen >= 2) {
    return Stems().count(folded.substr(0, hyphen)) > 0;
  }
  return false;
}

}  // namespace reilu::redact
