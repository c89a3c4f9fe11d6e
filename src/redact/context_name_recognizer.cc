// Other people's names announced by context: "esihenkilöni Pekka Korpela", "suosittelijani on
// Riitta Salonen", "min chef Karin Berg", "my manager Tom Baker". Names the morphology lexicon does
// not know are still caught when the sentence says a person follows.
#include "redact/name_model.h"
#include "redact/regex_recognizer.h"

namespace reilu::redact {

std::unique_ptr<Recognizer> MakeContextNameRecognizer() {
  const std::string words = R"(\p{Lu}[\p{Ll}\-']+(?:\s+\p{Lu}[\p{Ll}\-']+){0,2})";
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
