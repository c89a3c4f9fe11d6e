// Words for the peoples of the world's countries as cues of nationality or origin: "Nigerian
// nursing diploma", "olen somalialainen", "nigerialaisena", "Ghanaians", "somaliskt ursprung". The
// Finnish and English words are those of data/nationalities.txt (see that file's header and
// NOTICE); the Swedish ones are listed here.
#include <algorithm>
#include <bitset>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <iterator>
#include <string>
#include <unordered_set>

#include "redact/morphology.h"
#include "redact/redact.h"
#include "redact/text_util.h"

// The word list, built in.
asm(".section .rodata\n.global reilu_nationalities_begin\nreilu_nationalities_begin:\n.incbin \"" REILU_NATIONALITY_DATA
    "\"\n.global reilu_nationalities_end\nreilu_nationalities_end:\n.byte 0\n.previous\n");
extern "C" const char reilu_nationalities_begin[], reilu_nationalities_end[];

namespace reilu::redact {

namespace {

// Not cues: the host country's people ("suomalainen työelämä" is everywhere in a Finnish
// application), English words that are also a language's name ("Polish: fluent" is a skill; a
// mother tongue is the language cues' part), and entries that are everyday English words.
bool LeftOut(std::string_view folded) {
  static const std::unordered_set<std::string_view> kLeftOut = {
      "suomalainen", "albanian",  "armenian", "azerbaijani", "belarusian", "bulgarian",  "burmese",   "chinese",
      "croatian",    "czech",     "danish",   "dutch",       "estonian",   "filipino",   "finnish",   "french",
      "georgian",    "german",    "greek",    "hungarian",   "icelandic",  "indonesian", "irish",     "italian",
      "japanese",    "kyrgyz",    "latvian",  "lithuanian",  "macedonian", "malagasy",   "maltese",   "manx",
      "mongolian",   "norwegian", "polish",   "portuguese",  "romanian",   "russian",    "serbian",   "slovenian",
      "somali",      "spanish",   "swedish",  "tajik",       "thai",       "turkish",    "ukrainian", "vietnamese",
      "welsh",       "occupied",  "reunion",  "jersey",      "guernsey",   "bermuda",    "u.s."};
  return kLeftOut.count(folded) > 0;
}

// Swedish, written here (the package has no Swedish): adjectives, which take -t and -a
// ("nigeriansk", "nigerianskt", "nigerianska"), and the people's nouns, which take -n, -na, -er,
// -erna ("somalier", "somaliern", "eritreaner"). Not "svensk" or "finsk" (the hosts), and an
// adjective whose -a form is a language's name ("somaliska", "arabiska") only without the -a: the
// language is a skill, "ett tyskt företag" is a cue (in English "German" is both, and left out).
constexpr std::string_view kSwedishAdjectives[] = {
    "afghansk",     "algerisk",     "amerikansk",   "angolansk",   "argentinsk", "australisk", "bangladeshisk",
    "belgisk",      "boliviansk",   "brasiliansk",  "brittisk",    "burundisk",  "chilensk",   "colombiansk",
    "egyptisk",     "eritreansk",   "etiopisk",     "gambisk",     "ghanansk",   "guineansk",  "indisk",
    "irakisk",      "iransk",       "israelisk",    "ivoriansk",   "jamaicansk", "jemenitisk", "jordansk",
    "kamerunsk",    "kanadensisk",  "kenyansk",     "kongolesisk", "kosovansk",  "kubansk",    "kuwaitisk",
    "libanesisk",   "liberiansk",   "libysk",       "malaysisk",   "marockansk", "mexikansk",  "nepalesisk",
    "nigeriansk",   "nigerisk",     "pakistansk",   "palestinsk",  "peruansk",   "rwandisk",   "saudisk",
    "senegalesisk", "sierraleonsk", "sudanesisk",   "syrisk",      "tanzanisk",  "tunisisk",   "ugandisk",
    "venezuelansk", "zambisk",      "zimbabwisk",   "somalisk",    "persisk",    "kurdisk",    "turkisk",
    "kinesisk",     "japansk",      "vietnamesisk", "thailändsk",  "filippinsk", "polsk",      "estnisk",
    "lettisk",      "litauisk",     "ukrainsk",     "bosnisk",     "serbisk",    "kroatisk",   "albansk",
    "grekisk",      "ungersk",      "rumänsk",      "bulgarisk",   "tysk",       "fransk",     "spansk",
    "italiensk",    "portugisisk",  "nederländsk",  "isländsk",    "arabisk",    "rysk"};
constexpr std::string_view kSwedishLanguages[] = {
    "somaliska",   "persiska", "kurdiska",   "turkiska", "kinesiska",  "japanska",     "vietnamesiska",
    "thailändska", "ryska",    "polska",     "estniska", "lettiska",   "litauiska",    "ukrainska",
    "bosniska",    "serbiska", "kroatiska",  "albanska", "grekiska",   "ungerska",     "rumänska",
    "bulgariska",  "tyska",    "franska",    "spanska",  "italienska", "portugisiska", "nederländska",
    "isländska",   "arabiska", "filippinska"};
constexpr std::string_view kSwedishPeople[] = {
    "afghan",    "algerier",   "amerikan",  "argentinare", "australier",  "bosnier",     "brasilianare", "chilenare",
    "colombian", "egyptier",   "eritrean",  "etiopier",    "ghanan",      "indier",      "irakier",      "iranier",
    "jamaican",  "kamerunier", "kenyan",    "kongoles",    "kosovoalban", "kuban",       "kurd",         "libanes",
    "libyer",    "marockan",   "mexikan",   "nigerian",    "pakistanier", "palestinier", "peruan",       "rwandier",
    "saudier",   "senegales",  "somalier",  "sudanes",     "syrier",      "tunisier",    "turk",         "ugandier",
    "ukrainare", "vietnames",  "zimbabwier"};

// Finland's and Sweden's national minorities, whose words no country list has: Finnish stems as
// those of the file ("saamelai|nen"), whole words in any language, and English ones with a capital.
constexpr std::string_view kMinorityFinnishStems[] = {"saamelai", "suomenruotsalai"};
constexpr std::string_view kMinorityWords[] = {
    "romani",   "romanina", "romanit",        "romanien",        "romaneja",        "tataari",  "tataarina",
    "tataarit", "tataaria", "tataarien",      "tatarer",         "tatarerna",       "tatarisk", "tatariskt",
    "samisk",   "samiskt",  "samer",          "samerna",         "romer",           "romerna",  "romsk",
    "romskt",   "romska",   "finlandssvensk", "finlandssvenskt", "finlandssvenskar"};
constexpr std::string_view kMinorityEnglish[] = {"sámi", "saami", "roma", "romani", "tatar"};

class NationalityRecognizer final : public WordRecognizer {
 public:
  NationalityRecognizer() {
    std::string_view data(reilu_nationalities_begin,
                          static_cast<size_t>(reilu_nationalities_end - reilu_nationalities_begin));
    while (!data.empty()) {
      size_t end = data.find('\n');
      std::string_view line = data.substr(0, end);
      data.remove_prefix(end == std::string_view::npos ? data.size() : end + 1);
      size_t tab = line.find('\t');
      if (line.empty() || line[0] == '#' || tab == std::string_view::npos) continue;
      std::string_view lang = line.substr(0, tab);
      std::string word = Fold(line.substr(tab + 1));
      if (LeftOut(word)) continue;
      if (lang == "en") {
        english_.insert(word);
      } else if (word.ends_with("nen")) {
        finnish_stems_.insert(word.substr(0, word.size() - 3));  // "nigerialai": -nen, -sen, -sta…
      } else {
        whole_.insert(word);
      }
    }
    for (std::string_view stem : kMinorityFinnishStems) finnish_stems_.emplace(stem);
    for (std::string_view word : kMinorityWords) whole_.emplace(word);
    for (std::string_view word : kMinorityEnglish) english_.emplace(word);
    std::unordered_set<std::string_view> languages(std::begin(kSwedishLanguages), std::end(kSwedishLanguages));
    for (std::string_view adjective : kSwedishAdjectives) {
      whole_.emplace(adjective);
      whole_.emplace(std::string(adjective) + "t");
      if (!languages.count(std::string(adjective) + "a")) whole_.emplace(std::string(adjective) + "a");
    }
    for (std::string_view person : kSwedishPeople) {
      for (const char* ending : {"", "n", "na", "er", "erna", "s"}) whole_.emplace(std::string(person) + ending);
    }
    for (const Words* words : {&english_, &finnish_stems_, &whole_}) {
      for (const auto& word : *words) {
        if (word.size() < 4) std::abort();  // the gate below reads four bytes of each
        starts_.set(StartKey(word));
      }
    }
  }

  void FindInWords(std::string_view text, const std::vector<Word>& words, const Context&,
                   std::vector<Span>& out) const override {
    std::string folded;
    for (const auto& w : words) {
      std::string_view word = text.substr(w.start, w.end - w.start);
      if (word.size() < 4) continue;
      // Every word of the lists, stems included, is at least four bytes long: a word whose first
      // four (ASCII, lower-cased) begin none of them is passed over before it is folded and
      // looked up; one with other letters there is folded.
      char start[4];
      bool ascii = true;
      for (size_t k = 0; k < 4; ++k) {
        const auto c = static_cast<unsigned char>(word[k]);
        ascii = ascii && c < 0x80;
        start[k] = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
      }
      if (ascii && !starts_.test(StartKey(std::string_view(start, 4)))) continue;
      FoldInto(word, folded);
      if (IsCue(word, folded)) out.push_back(Span{w.start, w.end, EntityType::kNationality, kConfidence});
    }
  }

 public:
  // Is the word one of the lists' peoples (also in any inflection)?
  bool Names(std::string_view word, std::string_view folded) const { return IsCue(word, folded); }

 private:
  // Unsure: "a Nigerian company" or "ranskalainen keittiö" tell less than "olen nigerialainen";
  // the owner of the recruitment has a look before release.
  static constexpr double kConfidence = 0.6;

  bool IsCue(std::string_view word, std::string_view folded) const {
    // English with a capital, also in the plural ("Ghanaians"); in any language's text, as CVs
    // mix them ("Nigerian nursing diploma" in a Finnish CV).
    if (word[0] >= 'A' && word[0] <= 'Z') {
      if (english_.count(folded)) return true;
      if (folded.ends_with('s') && english_.count(folded.substr(0, folded.size() - 1))) return true;
    }
    if (whole_.count(folded)) return true;
    // Finnish in any inflection and compound: the stem ends in "lai" or "läi", then the ending
    // ("nigerialaisena", "nigerialaistaustainen").
    for (size_t at = folded.find('l'); at != std::string_view::npos; at = folded.find('l', at + 1)) {
      size_t stem_end = folded.compare(at, 3, "lai") == 0 ? at + 3 : folded.compare(at, 4, "läi") == 0 ? at + 4 : 0;
      if (stem_end == 0 || stem_end >= folded.size()) continue;
      if ((folded[stem_end] == 'n' || folded[stem_end] == 's') && finnish_stems_.count(folded.substr(0, stem_end))) {
        return true;
      }
    }
    return false;
  }

  // The first four bytes of a folded word, hashed to 16 bits (the lists have about 1 500 words, so
  // about one word in forty that begins none of them gets through).
  static size_t StartKey(std::string_view folded) {
    std::uint32_t four;
    std::memcpy(&four, folded.data(), 4);
    return (four * 2654435761u) >> 16;
  }

  // Looked up with views of the folded word: no string is made per lookup.
  using Words = std::unordered_set<std::string, StringHash, std::equal_to<>>;
  Words english_, finnish_stems_;
  Words whole_;                  // Finnish words not ending in -nen, Swedish adjectives and nouns
  std::bitset<1 << 16> starts_;  // StartKey of every word above
};

}  // namespace

std::unique_ptr<Recognizer> MakeNationalityRecognizer() { return std::make_unique<NationalityRecognizer>(); }

bool NamesAPeople(std::string_view word) {
  static const NationalityRecognizer kWords;
  const std::string folded = Fold(word);
  static constexpr std::string_view kHosts[] = {"finnish", "finsk", "suomalainen", "swedish", "svensk", "ruotsalainen"};
  return kWords.Names(word, folded) || LeftOut(folded) ||
         std::find(std::begin(kHosts), std::end(kHosts), folded) != std::end(kHosts);
}

}  // namespace reilu::redact
