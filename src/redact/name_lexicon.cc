// A hand-made lexicon of common given names and surnames in Swedish- and English-language texts
// (Finland-Swedish, Swedish, English-speaking and common immigrant names), for texts voikko does not
// analyse. Names that are also ordinary words ("Will", "Grace", "Mark", "Rose", "Björn") are marked
// ambiguous: they count only where capitalisation means something. Also the English given names of
// Moby Word II (data/first-names-en.txt).
#include <algorithm>
#include <mutex>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "redact/morphology.h"
#include "redact/name_model.h"
#include "redact/place_gazetteer.h"
#include "redact/professional_terms.h"
#include "redact/text_util.h"

// 8 400 English given names (Moby Word II, public domain; see the file's header and NOTICE), built in.
asm(".section .rodata\n.global reilu_first_names_en_begin\nreilu_first_names_en_begin:\n.incbin \"" REILU_NAME_DATA
    "\"\n.global reilu_first_names_en_end\nreilu_first_names_en_end:\n.byte 0\n.previous\n");
extern "C" const char reilu_first_names_en_begin[], reilu_first_names_en_end[];

namespace reilu::redact {

namespace {

constexpr const char* kFirstNames[] = {
    // Swedish and Finland-Swedish
    "Anders",
    "Anna",
    "Annika",
    "Astrid",
    "Axel",
    "Birgitta",
    "Britt",
    "Carina",
    "Carl",
    "Cecilia",
    "Christer",
    "Dag",
    "Ebba",
    "Elin",
    "Elsa",
    "Emil",
    "Emma",
    "Erik",
    "Eva",
    "Fredrik",
    "Gunilla",
    "Gustav",
    "Hanna",
    "Hans",
    "Helena",
    "Henrik",
    "Ingrid",
    "Jan",
    "Johan",
    "Johanna",
    "Jonas",
    "Karin",
    "Kerstin",
    "Kristina",
    "Lars",
    "Lena",
    "Linnea",
    "Magnus",
    "Malin",
    "Margareta",
    "Maria",
    "Marie",
    "Mats",
    "Mikael",
    "Nils",
    "Olof",
    "Oskar",
    "Per",
    "Peter",
    "Sara",
    "Sofia",
    "Stefan",
    "Sven",
    "Tove",
    "Ulla",
    "Ulf",
    "Viktor",
    "Åsa",
    // English
    "Alice",
    "Amanda",
    "Andrew",
    "Anthony",
    "Benjamin",
    "Charles",
    "Charlotte",
    "Chloe",
    "Daniel",
    "David",
    "Edward",
    "Elizabeth",
    "Emily",
    "George",
    "Hannah",
    "Harry",
    "Helen",
    "Jack",
    "James",
    "Jane",
    "Jennifer",
    "Jessica",
    "John",
    "Jonathan",
    "Joseph",
    "Katherine",
    "Laura",
    "Lucy",
    "Margaret",
    "Matthew",
    "Michael",
    "Noah",
    "Oliver",
    "Olivia",
    "Patricia",
    "Paul",
    "Rachel",
    "Rebecca",
    "Richard",
    "Robert",
    "Samuel",
    "Sarah",
    "Sophie",
    "Thomas",
    "William",
    // Common names of people who moved to the Nordic countries
    "Abdi",
    "Abdullah",
    "Ahmed",
    "Aisha",
    "Ali",
    "Amina",
    "Fatima",
    "Hassan",
    "Hussein",
    "Ibrahim",
    "Khadija",
    "Mohamed",
    "Mohammed",
    "Mustafa",
    "Omar",
    "Priya",
    "Yusuf",
    "Zainab",
    "Olga",
    "Irina",
    "Sergei",
    "Dmitri",
    "Natalia",
    "Tatiana",
    "Ana",
    "Carlos",
    "Maria",
    "Mateo",
    "Jose",
    "Luis",
    "Sofia",
    "Wei",
    "Li",
};

// Also ordinary words in Swedish or English: only mid-sentence or next to another name.
constexpr const char* kAmbiguousFirstNames[] = {"Will",  "Grace", "Mark",  "Rose", "May", "Bill", "Frank", "Hope",
                                                "Faith", "Joy",   "Björn", "Per",  "Jan", "Dag",  "Li"};

constexpr const char* kSurnames[] = {
    "Andersson", "Berg",     "Bergström",  "Björklund", "Blomqvist", "Ek",        "Eklund",    "Eriksson",
    "Forsman",   "Grönroos", "Gustafsson", "Hansson",   "Holm",      "Holmberg",  "Holmström", "Håkansson",
    "Johansson", "Jonsson",  "Karlsson",   "Lindberg",  "Lindholm",  "Lindqvist", "Lindström", "Lundberg",
    "Lundqvist", "Nilsson",  "Nordström",  "Nyberg",    "Nyman",     "Olsson",    "Persson",   "Sandberg",
    "Sjöberg",   "Strand",   "Ström",      "Svensson",  "Wikström",  "Åberg",     "Anderson",  "Brown",
    "Clarke",    "Davies",   "Evans",      "Harris",    "Hughes",    "Jackson",   "Johnson",   "Jones",
    "Lewis",     "Martin",   "Miller",     "Moore",     "Robinson",  "Smith",     "Taylor",    "Thomas",
    "Thompson",  "Walker",   "Williams",   "Wilson",    "Wright",    "Young",     "Garcia",    "Rodriguez",
    "Martinez",  "Lopez",    "Gonzalez",   "Torres",    "Rossi",     "Nguyen",    "Kim",       "Lee",
    "Chen",      "Wang",     "Singh",      "Kumar",     "Patel",     "Hassan",    "Ali",       "Ahmed",
    "Mohamed",   "Ivanov",   "Petrov",     "Smirnov",
};
constexpr const char* kAmbiguousSurnames[] = {"Strand", "Holm", "Berg", "Young", "Brown", "Lee", "Ström", "Martin"};

// Words that begin sentences in letters and also appear in the long name list ("My", "Min",
// "Even", "Else"): never names from the list.
bool IsFunctionWord(std::string_view folded) {
  static const std::unordered_set<std::string_view> kWords = {
      // en
      "a", "an", "the", "my", "me", "we", "he", "she", "it", "in", "on", "at", "by", "to", "of", "or", "and", "but",
      "if", "so", "do", "did", "had", "has", "have", "may", "can", "will", "any", "even", "else", "ever", "every",
      "see", "say", "way", "all", "also", "as", "be", "is", "are", "was", "her", "his", "him", "our", "us", "you",
      "your", "no", "not", "yes", "hi", "ok", "here", "there", "then", "than", "when", "who",
      // sv
      "jag", "du", "han", "hon", "vi", "ni", "de", "den", "det", "min", "mitt", "mina", "din", "sin", "man", "och",
      "men", "att", "som", "för", "med", "till", "på", "av", "i", "en", "ett", "har", "var", "är", "kan", "ska", "vill",
      "så", "om", "hej", "tack"};
  return kWords.count(folded) > 0;
}

class NameLexicon final : public Morphology {
 public:
  NameLexicon() {
    for (const char* n : kFirstNames) names_[n].first_name = true;
    for (const char* n : kSurnames) names_[n].surname = true;
    for (const char* n : kAmbiguousFirstNames) {
      names_[n].first_name = true;
      names_[n].other = true;
    }
    for (const char* n : kAmbiguousSurnames) {
      names_[n].surname = true;
      names_[n].other = true;
    }
    std::string_view list(reilu_first_names_en_begin,
                          static_cast<size_t>(reilu_first_names_en_end - reilu_first_names_en_begin));
    for (size_t start = 0; start < list.size();) {
      size_t end = std::min(list.find('\n', start), list.size());
      std::string_view name = list.substr(start, end - start);
      start = end + 1;
      if (name.empty() || name[0] == '#' || IsFunctionWord(Fold(name))) continue;
      if (names_.try_emplace(std::string(name)).second) listed_.insert(std::string(name));
      names_[std::string(name)].first_name = true;
    }
  }

  WordClasses Classify(std::string_view word) const override {
    std::call_once(listed_once_, [this] { MarkEverydayNames(); });
    if (auto it = names_.find(word); it != names_.end()) return it->second;
    // Swedish genitive: "Karins", "Lindbergs"; English possessive is split off by the tokenizer.
    if (word.size() > 3 && word.back() == 's') {
      if (auto it = names_.find(word.substr(0, word.size() - 1)); it != names_.end()) return it->second;
    }
    return {};
  }

 private:
  // A name from the long list that is also an everyday word in the English or Swedish word list
  // ("Grant", "Summer"), a month ("June") or a place ("Florence", "Jordan") is ambiguous: it counts
  // where capitalisation means something, or beside another name. Marked on the first question, as
  // the word lists are loaded after the lexicon (they ask it about names).
  void MarkEverydayNames() const {
    auto common = [&](std::string_view lang, const std::string& name) {
      return WordKnowledge::For(lang).Lookup(name) == WordKnowledge::Dictionary::kCommon;
    };
    for (const std::string& name : listed_) {
      WordClasses& classes = names_.find(name)->second;
      bool calendar = IsCalendarWord(Fold(name)), place = IsKnownPlace(name);
      classes.everyday_too = calendar || place || common("en", name) || common("sv", name);
      classes.other = classes.other || classes.everyday_too;
      classes.place = classes.place || place;
    }
  }

  mutable std::once_flag listed_once_;
  // Mutable for MarkEverydayNames only, which runs once before any lookup.
  mutable std::unordered_map<std::string, WordClasses, StringHash, std::equal_to<>> names_;
  std::unordered_set<std::string, StringHash, std::equal_to<>> listed_;  // from the long list, not by hand
};

}  // namespace

const Morphology* SwedishEnglishNameLexicon() {
  static const NameLexicon lexicon;
  return &lexicon;
}

}  // namespace reilu::redact
