// A hand-made lexicon of common given names and surnames in Swedish- and English-language texts
// (Finland-Swedish, Swedish, English-speaking and common immigrant names), for texts voikko does not
// analyse. Names that are also ordinary words ("Will", "Grace", "Mark", "Rose", "Björn") are marked
// ambiguous: they count only where capitalisation means something.
#include <string>
#include <unordered_map>

#include "redact/morphology.h"

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
  }

  WordClasses Classify(std::string_view word) const override {
    if (auto it = names_.find(word); it != names_.end()) return it->second;
    // Swedish genitive: "Karins", "Lindbergs"; English possessive is split off by the tokenizer.
    if (word.size() > 3 && word.back() == 's') {
      if (auto it = names_.find(word.substr(0, word.size() - 1)); it != names_.end()) return it->second;
    }
    return {};
  }

 private:
  std::unordered_map<std::string, WordClasses, StringHash, std::equal_to<>> names_;
};

}  // namespace

const Morphology* SwedishEnglishNameLexicon() {
  static const NameLexicon lexicon;
  return &lexicon;
}

}  // namespace reilu::redact
