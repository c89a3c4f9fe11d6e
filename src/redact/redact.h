// The redaction engine: finds identifying spans in Finnish, Swedish and English free text and
// replaces them with typed placeholders. A library with no I/O of its own: a registry of small
// recognizers (one per kind of identifier) whose typed spans are merged, then one operator.
#pragma once

#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace reilu::redact {

enum class EntityType {
  kPerson,
  kIdCode,
  kPhone,
  kEmail,
  kUrl,
  kAddress,
  kPostal,
  kBirthDate,  // direct identifiers
  kAge,
  kGender,
  kFamily,
  kNationality,
  kLanguage,
  kReligion,
  kHealth,
  kResidence,  // quasi-identifiers
  // A political party or a trade union one belongs to or acts for: a ground of discrimination that
  // the public-records act keeps secret too (political conviction), not an identifier.
  kAffiliation,
};
// Direct identifiers (a name, a code, a phone…) against quasi-identifying cues (age, family, health…).
constexpr bool IsDirectIdentifier(EntityType type) { return type <= EntityType::kBirthDate; }
// "PERSON", "ID_CODE", ... as in the CLI output and the labelled corpus.
std::string_view EntityTypeName(EntityType type);
std::optional<EntityType> ParseEntityType(std::string_view name);

// A detected span: UTF-8 byte offsets into the analysed text, end exclusive.
struct Span {
  size_t start = 0;
  size_t end = 0;
  EntityType type = EntityType::kPerson;
  double confidence = 1.0;
  // A person span that counts only beside another person's name, whichever recognizer found that
  // one: an initial ("Maija S. Peltola") or a word that is also an everyday word ("Pilvi", "Lintu").
  bool only_beside_name = false;
};

struct Context {
  std::string lang;                      // "fi", "sv" or "en"
  std::vector<std::string> known_names;  // the applicant's own names: always matched, inflected too
  // The applicant's home municipality: matched like a name, inflected too ("Rovaniemellä").
  std::vector<std::string> known_places = {};
  // The applicant's other values as given on the form (e-mail, phone, street address, postal
  // code, birth date): matched where they appear as written (a phone by its digits).
  std::vector<std::pair<EntityType, std::string>> known_values = {};
};

struct Word;  // text_util.h

class Recognizer {
 public:
  virtual ~Recognizer() = default;
  // Appends the spans found in `text`.
  virtual void Find(std::string_view text, const Context& context, std::vector<Span>& out) const = 0;
  // The same, given the text's words as SplitWords finds them: the engine splits a text once for
  // every recognizer that reads it word by word.
  virtual void FindInWords(std::string_view text, const std::vector<Word>& words, const Context& context,
                           std::vector<Span>& out) const {
    (void)words;
    Find(text, context, out);
  }
  // Builds, once per process, what the recognizer otherwise builds lazily from its first texts,
  // by reading `text` (a sample, warm_up.h); finds nothing. Most recognizers have nothing to build.
  virtual void Warm(std::string_view text) const { (void)text; }
};

// A recognizer that reads a text word by word: Find splits the text (SplitWords) and hands it to
// FindInWords, which the engine calls with the words it split once for all of them.
class WordRecognizer : public Recognizer {
 public:
  void Find(std::string_view text, const Context& context, std::vector<Span>& out) const final;
  void FindInWords(std::string_view text, const std::vector<Word>& words, const Context& context,
                   std::vector<Span>& out) const override = 0;
};

class Engine {
 public:
  // Every recognizer this library has.
  static Engine Default();
  void Add(std::unique_ptr<Recognizer> recognizer);
  // Spans sorted by start; overlapping spans merged (the merged span keeps the type of the longest).
  std::vector<Span> Analyze(std::string_view text, const Context& context) const;
  // The same, or nothing once `deadline` has passed (checked between passes; every pass is linear
  // in the text's length, so the overrun is bounded by one pass).
  std::optional<std::vector<Span>> AnalyzeWithin(std::string_view text, const Context& context,
                                                 std::chrono::steady_clock::time_point deadline) const;
  // Loads, once, what the recognizers otherwise load on their first text (word lists, name models,
  // the pattern automaton, the place gazetteer: over a second under ASan), so that a caller's time
  // budget measures the text's own work.
  void Warm() const;

 private:
  std::vector<std::unique_ptr<Recognizer>> recognizers_;
  std::unique_ptr<std::once_flag> warm_once_ = std::make_unique<std::once_flag>();
};

// "[NIMI]" / "[NAMN]" / "[NAME]" and so on, in the text's language.
std::string Placeholder(EntityType type, std::string_view lang);
// Replaces each span, extended to whole words so no fragment (such as a case ending) survives.
std::string Apply(std::string_view text, const std::vector<Span>& spans, std::string_view lang);
// Guesses fi / sv / en from common function words; "fi" when unsure.
std::string DetectLanguage(std::string_view text);

// The recognizers, exposed for tests and custom registries.
std::unique_ptr<Recognizer> MakeEmailRecognizer();
std::unique_ptr<Recognizer> MakePhoneRecognizer();
std::unique_ptr<Recognizer> MakeIdCodeRecognizer();  // Finnish henkilötunnus, Swedish personnummer
std::unique_ptr<Recognizer> MakeUrlRecognizer();
std::unique_ptr<Recognizer> MakeAddressRecognizer();  // street addresses and postal code + post office
std::unique_ptr<Recognizer> MakeAgeRecognizer();      // ages, birth years, dates of birth
std::unique_ptr<Recognizer> MakeKnownNameRecognizer();
std::unique_ptr<Recognizer> MakeContextNameRecognizer();  // "esihenkilöni X", "my manager X"
// Gender, family, nationality, mother tongue, religion, health and residence cues.
std::unique_ptr<Recognizer> MakeCueRecognizer();
// A personal matter (family, health) tied to the writer: "our three kids", "lastamme", "my stroke",
// "Minulla todettiin uniapnea", "Being deaf".
std::unique_ptr<Recognizer> MakeDisclosureRecognizer();
// The words for the peoples of the world's countries, Finnish in any inflection ("Nigerian",
// "nigerialaisena"), as unsure nationality cues.
std::unique_ptr<Recognizer> MakeNationalityRecognizer();
// Pronouns that tell a gender ("she", "him", "hon", "honom"), as sure gender cues: in a reference
// letter they are said of the applicant.
std::unique_ptr<Recognizer> MakePronounRecognizer();
// A word for a people, in any of the three languages and Finnish inflections ("Nigerian",
// "somalialaisena", "syrisk", "Thai", "finsk"): the host country's and the languages' names too.
bool NamesAPeople(std::string_view word);
// A CV's personal details, "Label: value" (field_recognizer.cc).
std::unique_ptr<Recognizer> MakeFieldRecognizer();
// Is this folded word or phrase one of those labels ("födelseort", "marital status")?
bool IsFieldLabel(std::string_view folded);
class Morphology;
// Names found by Finnish morphology (libvoikko: first names and surnames in any inflection) in
// Finnish texts, and by a name lexicon in Swedish and English ones. A null source finds nothing.
std::unique_ptr<Recognizer> MakeLexiconNameRecognizer(const Morphology* finnish, const Morphology* other = nullptr);

// Person names judged by the learned model (name_model.h), when this build has one for the language.
std::unique_ptr<Recognizer> MakeLearnedNameRecognizer();

// Checksums, exposed for tests.
bool IsValidFinnishIdCode(std::string_view code);            // e.g. "131052-308T", all century signs incl. 2023
bool IsValidSwedishPersonnummer(std::string_view digits10);  // Luhn over YYMMDDNNNC

}  // namespace reilu::redact
