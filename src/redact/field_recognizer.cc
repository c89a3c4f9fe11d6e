// A CV's block of personal details: a label from a closed list at a line's start, a colon, and the
// value after it ("Marital Status: Married", "Religion: Islam", "Födelseort: Mogadishu",
// "Kotipaikka: Siilinjärvi", "Father's Name: …"). CV templates from many countries ask for these;
// the value is hidden as the label's kind, whatever words it holds, and the label stays
// ("Religion: [RELIGION]"). A value on the next line ("Marital Status:⏎Married", as a table's cells
// come out of a PDF) counts when that line is short.
#include <algorithm>
#include <initializer_list>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

#include "redact/redact.h"
#include "redact/text_util.h"

namespace reilu::redact {

namespace {

struct FieldKind {
  EntityType type;
  double confidence;
};

constexpr double kSure = 0.9;
// A label that may be an employer's or a school's as often as one's own ("Location:" under a job
// in a CV): hidden, but for HR's look.
constexpr double kUnsure = 0.5;

// Reviewed by hand, folded (lower case, single spaces): labels whose value identifies the applicant
// or tells a protected ground. Not skills ("Languages", "Driving licence") or work ("Availability").
const std::unordered_map<std::string_view, FieldKind>& Labels() {
  static const std::unordered_map<std::string_view, FieldKind> kLabels = [] {
    std::unordered_map<std::string_view, FieldKind> labels;
    auto add = [&](EntityType type, double confidence, std::initializer_list<std::string_view> names) {
      for (std::string_view name : names) labels.emplace(name, FieldKind{type, confidence});
    };
    add(EntityType::kPerson, kSure,
        {"name",         "full name",       "first name",    "last name",     "surname",       "given name",
         "given names",  "father's name",   "fathers name",  "father name",   "mother's name", "mothers name",
         "mother name",  "husband's name",  "wife's name",   "spouse's name", "spouse name",   "next of kin",
         "guardian",     "guardian's name", "nimi",          "etunimi",       "etunimet",      "sukunimi",
         "isän nimi",    "äidin nimi",      "puolison nimi", "namn",          "förnamn",       "efternamn",
         "faderns namn", "moderns namn",    "makens namn",   "makans namn"});
    add(EntityType::kIdCode, kSure,
        {"passport",
         "passport no",
         "passport no.",
         "passport number",
         "cnic",
         "cnic no",
         "cnic no.",
         "nic",
         "national id",
         "national id no",
         "national id number",
         "id number",
         "id no",
         "id no.",
         "identity card",
         "identity card no",
         "social security number",
         "ssn",
         "national insurance number",
         "ni number",
         "aadhaar",
         "aadhaar no",
         "iqama",
         "iqama no",
         "emirates id",
         "henkilötunnus",
         "hetu",
         "passinumero",
         "personnummer",
         "personbeteckning",
         "passnummer"});
    add(EntityType::kBirthDate, kSure,
        {"date of birth", "birth date", "birthdate", "dob", "d.o.b", "d.o.b.", "born", "syntymäaika", "syntymäpäivä",
         "syntynyt", "födelsedatum", "född", "födelsedag"});
    add(EntityType::kAge, kSure, {"age", "ikä", "ålder"});
    add(EntityType::kGender, kSure, {"gender", "sex", "kön", "sukupuoli"});
    add(EntityType::kFamily, kSure, {"marital status", "martial status", "civil status",
                                     "family",         "family status",  "dependants",
                                     "dependents",     "children",       "number of children",
                                     "spouse",         "siviilisääty",   "perhe",
                                     "perhesuhteet",   "lapset",         "puoliso",
                                     "civilstånd",     "familj",         "familjeförhållanden",
                                     "barn",           "make",           "maka"});
    add(EntityType::kReligion, kSure,
        {"religion", "faith", "denomination", "religious affiliation", "uskonto", "uskontokunta", "kirkkokunta",
         "trosuppfattning", "samfund"});
    add(EntityType::kNationality, kSure,
        {"nationality",
         "citizenship",
         "place of birth",
         "birthplace",
         "birth place",
         "country of birth",
         "country of origin",
         "ethnicity",
         "ethnic origin",
         "race",
         "tribe",
         "caste",
         "visa",
         "visa status",
         "visa type",
         "immigration status",
         "residence permit",
         "work permit",
         "kansalaisuus",
         "kansallisuus",
         "syntymäpaikka",
         "syntymämaa",
         "synnyinmaa",
         "etninen tausta",
         "oleskelulupa",
         "medborgarskap",
         "nationalitet",
         "födelseort",
         "födelseland",
         "födelseplats",
         "uppehållstillstånd",
         "etnicitet",
         "etnisk bakgrund"});
    add(EntityType::kLanguage, kSure,
        {"mother tongue", "native language", "first language", "äidinkieli", "kotikieli", "modersmål", "hemspråk"});
    add(EntityType::kHealth, kSure,
        {"health",
         "health status",
         "state of health",
         "medical conditions",
         "medical condition",
         "disability",
         "disabilities",
         "allergies",
         "blood group",
         "blood type",
         "height",
         "weight",
         "smoker",
         "terveys",
         "terveydentila",
         "pituus",
         "paino",
         "veriryhmä",
         "hälsa",
         "hälsotillstånd",
         "längd",
         "vikt",
         "blodgrupp"});
    add(EntityType::kResidence, kSure,
        {"domicile", "hometown", "home town", "home city", "place of residence", "residence", "current residence",
         "kotipaikka", "kotikunta", "asuinpaikka", "asuinkunta", "hemort", "hemkommun", "bostadsort", "boendeort"});
    add(EntityType::kResidence, kUnsure, {"location", "current location", "city", "paikkakunta", "ort"});
    add(EntityType::kAddress, kSure,
        {"address", "home address", "postal address", "osoite", "kotiosoite", "postiosoite", "adress", "hemadress",
         "postadress"});
    add(EntityType::kPhone, kSure,
        {"phone", "telephone", "tel", "tel.", "mobile", "mobile phone", "cell", "puhelin", "puh", "puh.",
         "matkapuhelin", "telefon", "mobil", "mobiltelefon"});
    add(EntityType::kEmail, kSure, {"email", "e-mail", "sähköposti", "e-post", "epost"});
    add(EntityType::kUrl, kSure,
        {"skype",     "skype id", "discord",   "telegram",  "signal",     "whatsapp",   "github",      "gitlab",
         "instagram", "tiktok",   "snapchat",  "twitter",   "twitter/x",  "x",          "threads",     "mastodon",
         "bluesky",   "youtube",  "facebook",  "linkedin",  "orcid",      "website",    "web",         "homepage",
         "home page", "blog",     "kotisivu",  "kotisivut", "kotisivuni", "verkkosivu", "verkkosivut", "nettisivut",
         "blogi",     "hemsida",  "webbplats", "webbsida"});
    return labels;
  }();
  return kLabels;
}

constexpr size_t kLongestLabel = 40;  // bytes: "national insurance number", "familjeförhållanden"
constexpr size_t kLongestValueBelow = 60;

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r'; }

// The line's label folded to single spaces, without a bullet before it; empty when none.
void LabelInto(std::string_view label, std::string& folded) {
  folded.clear();
  size_t at = 0;
  // A bullet: "-", "*", "•" (UTF-8 E2 80 A2), "–" (E2 80 93).
  while (at < label.size()) {
    if (label[at] == '-' || label[at] == '*' || IsSpace(label[at])) {
      ++at;
    } else if (label.substr(at, 3) == "\xE2\x80\xA2" || label.substr(at, 3) == "\xE2\x80\x93") {
      at += 3;
    } else {
      break;
    }
  }
  std::string lower;
  FoldInto(label.substr(at), lower);
  bool space = false;
  for (size_t i = 0; i < lower.size(); ++i) {
    const char c = lower[i];
    if (IsSpace(c)) {
      space = !folded.empty();
      continue;
    }
    if (space) folded += ' ';
    space = false;
    // A typographic apostrophe ("Father’s Name", U+2019) as the plain one.
    if (std::string_view(lower).substr(i, 3) == "\xE2\x80\x99") {
      folded += '\'';
      i += 2;
      continue;
    }
    folded += c;
  }
}

// [start, end) of `line` (offsets into the text) without the spaces at its ends.
std::pair<size_t, size_t> Trimmed(std::string_view text, size_t start, size_t end) {
  while (start < end && IsSpace(text[start])) ++start;
  while (end > start && IsSpace(text[end - 1])) --end;
  return {start, end};
}

// Where an item of a line ends: the line's end, or another item after " | " ("Age: 34 | Gender: …").
size_t ItemEnd(std::string_view text, size_t start, size_t line_end) {
  const size_t bar = text.substr(start, line_end - start).find(" | ");
  return bar == std::string_view::npos ? line_end : start + bar;
}

// A value ends with its item, or where a sentence begins ("Personnummer: 150588-4564. Telefon …");
// a full stop or a comma after it is the sentence's ("Hetu: 131052-308T.").
size_t ValueEnd(std::string_view text, size_t start, size_t end) {
  for (size_t i = start; i + 2 < end; ++i) {
    if (text[i] == '.' && text[i + 1] == ' ' && IsCapitalAt(text, i + 2)) {
      end = i;
      break;
    }
  }
  while (end > start && (text[end - 1] == '.' || text[end - 1] == ',' || text[end - 1] == ';')) --end;
  return end;
}

class FieldRecognizer final : public Recognizer {
 public:
  void Find(std::string_view text, const Context&, std::vector<Span>& out) const override {
    std::string label;
    for (size_t line = 0; line < text.size();) {
      size_t line_end = text.find('\n', line);
      if (line_end == std::string_view::npos) line_end = text.size();
      for (size_t item = line; item < line_end;) {
        const size_t item_end = ItemEnd(text, item, line_end);
        FindInItem(text, item, item_end, line_end, label, out);
        item = item_end + 3;  // past " | "
      }
      line = line_end + 1;
    }
  }

 private:
  // The field in text[item, item_end), whose line ends at line_end.
  static void FindInItem(std::string_view text, size_t item, size_t item_end, size_t line_end, std::string& label,
                         std::vector<Span>& out) {
    const size_t colon = text.substr(item, std::min(item_end - item, kLongestLabel + 8)).find(':');
    if (colon == std::string_view::npos) return;
    LabelInto(text.substr(item, colon), label);
    const auto found = Labels().find(label);
    if (label.empty() || label.size() > kLongestLabel || found == Labels().end()) return;
    auto [start, end] = Trimmed(text, item + colon + 1, item_end);
    if (start == end && item_end == line_end && line_end < text.size()) {
      // The value on the next line, as a table's cell: a short one without a label of its own.
      const size_t next_end = std::min(text.find('\n', line_end + 1), text.size());
      std::tie(start, end) = Trimmed(text, line_end + 1, next_end);
      if (end - start > kLongestValueBelow || text.substr(start, end - start).find(':') != std::string_view::npos) {
        start = end;
      }
    }
    end = ValueEnd(text, start, end);
    if (start < end) out.push_back(Span{start, end, found->second.type, found->second.confidence});
  }
};

}  // namespace

std::unique_ptr<Recognizer> MakeFieldRecognizer() { return std::make_unique<FieldRecognizer>(); }

bool IsFieldLabel(std::string_view folded) { return Labels().count(folded) > 0; }

}  // namespace reilu::redact
