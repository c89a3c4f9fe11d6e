// Finnish morphology for name detection: which lexical classes a word form can belong to.
// "Virtasen" → surname, "Aulikille" → first name, "Anna" → first name or a verb (antaa),
// "Kankaan" → surname or a noun (kangas). Backed by libvoikko with the voikko-fi dictionary.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace reilu::redact {

struct WordClasses {
  bool first_name = false;
  bool surname = false;
  bool place = false;
  bool other = false;       // any reading as an ordinary word (noun, verb, adjective, …)
  bool verb = false;        // a reading as a verb (Finnish only)
  bool nominative = false;  // a reading in the basic case (Finnish only): "Pilvi", not "Pilven"
  // The only readings besides names and places are as some other proper noun (Finnish CLASS
  // "nimi": "Poseidon"); such a word is no everyday word, though `other` is set.
  bool other_only_proper = false;
  // A name from a long list that is also an everyday word, a month or a place ("Grant", "June",
  // "Florence"; and in English titles "Case Manager", "Art Director"): a name only beside another.
  bool everyday_too = false;

  bool Name() const { return first_name || surname; }
  bool Ambiguous() const { return Name() && (place || other); }
};

// Hash for unordered containers keyed by std::string that are looked up with string_views.
struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

class Morphology {
 public:
  virtual ~Morphology() = default;
  // Safe to call from several threads at once.
  virtual WordClasses Classify(std::string_view word) const = 0;
};

// libvoikko with the Finnish dictionary, or nullptr when it is not installed. Created once per
// process (the dictionary is loaded from disk on first use).
const Morphology* FinnishMorphology();

// A built-in lexicon of common given names and surnames for Swedish and English texts.
const Morphology* SwedishEnglishNameLexicon();

}  // namespace reilu::redact
