// Other people's names announced by context: "esihenkilöni Pekka Korpela", "suosittelijani on
// Riitta Salonen", "min chef Karin Berg", "my manager Tom Baker". Names the morphology lexicon does
// not know are still caught when the sentence says a person follows.
#include <string>
#include <string_view>

#include "redact/name_model.h"
#include "redact/regex_recognizer.h"
#include "redact/text_util.h"

namespace reilu::redact {

namespace {

// "cv-siobhan-oconnor.pdf", "AinoVirtanen_CV.docx": a part of the name before its extension, split
// at "-", "_", "." and a capital inside it, is a given name of some language's lexicon.
bool FileNameWithAGivenName(std::string_view file) {
  const std::string_view stem = file.substr(0, file.rfind('.'));
  std::string part, lower;
  auto given = [&] {
    if (part.size() < 3) return false;
    FoldInto(part, lower);
    return WordKnowledge::GivenNameInAnyLanguage(lower);
  };
  for (size_t i = 0; i <= stem.size(); ++i) {
    const bool cut = i == stem.size() || stem[i] == '-' || stem[i] == '_' || stem[i] == '.' ||
                     (i > 0 && stem[i] >= 'A' && stem[i] <= 'Z' && stem[i - 1] >= 'a' && stem[i - 1] <= 'z');
    if (cut) {
      if (given()) return true;
      part.clear();
    }
    if (i < stem.size() && stem[i] != '-' && stem[i] != '_' && stem[i] != '.') part += stem[i];
  }
  return false;
}

}  // namespace

std::unique_ptr<Recognizer> MakeContextNameRecognizer() {
  // A name's word: "Korpela", "O'Connor-Byrne", "McDonald", "D'Angelo" (after an apostrophe or a
  // hyphen a part may begin with its own capital).
  const std::string word = R"(\p{Lu}\p{L}*(?:['\-]\p{L}+)*)";
  const std::string words = word + R"((?:\s+)" + word + "){0,2}";
  const std::string name = "(" + words + ")";
  // A title before a capitalised word: a name follows for certain, also one that is an everyday
  // word ("Mr. Green", "Ms Jordan", "Prof. Lily Grant", "Herr Berg", "rouva Niskanen"). The title
  // goes with the name, as it may tell the person's gender. Written as titles are ("MS Office" is
  // no title); not the Finnish academic titles, which also stand before a place ("professori
  // Helsingin yliopistossa").
  const std::string titled =
      R"((?:^|[^\p{L}\-])((?:Mr|Mrs|Ms|Mx|Miss|Dr|Prof|Sir|Herr|Fru|Fröken|[Rr]ouva|[Hh]erra|[Nn]eiti)\.?\s+)" + words +
      ")";
  return std::make_unique<RegexRecognizer>(std::vector<PatternRule>{
      {titled, EntityType::kPerson, 0.8, {}},
      // A file's name with a given name in it: "CV_Aino_Virtanen.pdf", "cv-siobhan-oconnor.pdf" (an
      // attachment's name as the letter mentions it), hidden whole.
      {R"((?:^|[^\p{L}0-9_.\-])([\p{L}0-9][\p{L}0-9_.\-]*\.(?i:pdf|docx?|odt|rtf|txt|jpe?g|png|heic)))"
       R"((?:[^\p{L}0-9]|$))",
       EntityType::kPerson, 0.8, FileNameWithAGivenName},
      // One's own name typed in lower case: "hi im tom, 41", "mun nimi on jussi ja", "jag heter erik
      // och": a given name of some language's lexicon, then the clause goes on or ends (not after
      // "olen", a word so frequent that the rule would cost the scan 7 %).
      {R"((?:^|[^\p{L}])(?i:my\s+name\s+is|my\s+name's|i'm|im|i\s+am|nimeni\s+on|mun\s+nimi\s+on|jag\s+heter|heter)\s+(\p{Ll}{3,})(?:\s*[,.!;:)]|\s+(?:and|ja|och|from|in)\s|\s*$))",
       EntityType::kPerson, 0.8, WordKnowledge::GivenNameInAnyLanguage},
      {R"((?:esihenkilö\p{L}*|esimie\p{L}*|suosittelija\p{L}*|kollega\p{L}*|työkaveri\p{L}*|rehtori\p{L}*)(?:\s+(?:on|oli|toimii))?[:\s]+)" +
           name,
       EntityType::kPerson,
       0.8,
       {}},
      {R"((?i:chef|referens|kollega|handledare|rektor)(?:\s+(?:är|var))?[:\s]+)" + name, EntityType::kPerson, 0.8, {}},
      // Lower-case only: "Project Manager, City of Espoo" is a job title, not an announcement.
      {R"((?:(?:manager|supervisor|colleague|principal)(?:\s+(?:is|was))?\s+|(?i:referee|reference)s?(?:\s+(?:is|was))?[:\s]+))" +
           name,
       EntityType::kPerson,
       0.8,
       {}},
  });
}

}  // namespace reilu::redact
