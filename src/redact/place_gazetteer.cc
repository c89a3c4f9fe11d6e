#include "redact/place_gazetteer.h"

#include <algorithm>
#include <boost/json.hpp>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <unordered_set>

#include "redact/morphology.h"
#include "redact/name_model.h"
#include "redact/text_util.h"

namespace reilu::redact {

namespace {

// Reviewed by hand: the Swedish names of Finland's bilingual and Swedish-speaking municipalities
// and of towns whose Swedish name differs from the Finnish one (voikko knows the Finnish names),
// Åland's municipalities, former municipalities and villages often named as a workplace, and
// Sweden's larger towns.
constexpr std::string_view kBuiltIn[] = {
    // Finland
    "Helsingfors", "Esbo", "Vanda", "Grankulla", "Kervo", "Träskända", "Hyvinge", "Kyrkslätt", "Sibbo", "Ingå",
    "Sjundeå", "Lojo", "Vichtis", "Raseborg", "Ekenäs", "Karis", "Pojo", "Hangö", "Borgå", "Lovisa", "Lappträsk",
    "Mörskom", "Pernå", "Liljendal", "Strömfors", "Askola", "Åbo", "Pargas", "Nagu", "Korpo", "Houtskär", "Iniö",
    "Kimitoön", "Kimito", "Dragsfjärd", "Västanfjärd", "Nådendal", "Reso", "Nystad", "Raumo", "Björneborg",
    "Tammerfors", "Tavastehus", "Lahtis", "Villmanstrand", "Fredrikshamn", "Nyslott", "Kajana", "Uleåborg", "Torneå",
    "Vasa", "Korsholm", "Korsnäs", "Malax", "Vörå", "Oravais", "Maxmo", "Replot", "Solf", "Petalax", "Bergö", "Närpes",
    "Övermark", "Kristinestad", "Lappfjärd", "Sideby", "Tjöck", "Kaskö", "Jakobstad", "Pedersöre", "Esse", "Purmo",
    "Larsmo", "Nykarleby", "Karleby", "Kronoby", "Terjärv", "Lappo", "Seinäjoki", "Mariehamn", "Jomala", "Finström",
    "Lemland", "Hammarland", "Eckerö", "Saltvik", "Sund", "Vårdö", "Geta", "Lumparland", "Föglö", "Kökar", "Sottunga",
    "Kumlinge", "Brändö",
    // Sweden
    "Stockholm", "Göteborg", "Malmö", "Uppsala", "Västerås", "Örebro", "Linköping", "Helsingborg", "Jönköping",
    "Norrköping", "Lund", "Umeå", "Gävle", "Borås", "Södertälje", "Eskilstuna", "Halmstad", "Växjö", "Karlstad",
    "Sundsvall", "Luleå", "Östersund", "Trollhättan", "Kalmar", "Falun", "Skellefteå", "Kristianstad", "Haparanda",
    "Kiruna", "Visby", "Örnsköldsvik", "Härnösand", "Norrtälje", "Nacka", "Solna", "Sundbyberg", "Huddinge", "Botkyrka",
    "Täby", "Sollentuna", "Järfälla", "Lidingö", "Mölndal", "Kungsbacka", "Varberg", "Karlskrona", "Ystad",
    "Trelleborg", "Landskrona", "Motala", "Nyköping", "Uddevalla", "Borlänge", "Piteå", "Boden"};

// Words a place name may be that are also ordinary words are left out ("Central", "Reading",
// "Bar"): a flag on every "Central Hospital" would hide the ones that matter.
bool OrdinaryWord(std::string_view word) {
  for (const char* lang : {"en", "sv"}) {
    if (WordKnowledge::For(lang).Lookup(word) == WordKnowledge::Dictionary::kCommon) return true;
  }
  return false;
}

class Gazetteer {
 public:
  Gazetteer() {
    for (auto name : kBuiltIn) places_.insert(Fold(name));
    ReadZones("/usr/share/zoneinfo/zone1970.tab");
    ReadIsoNames("/usr/share/iso-codes/json/iso_3166-1.json", "3166-1");
    ReadIsoNames("/usr/share/iso-codes/json/iso_3166-2.json", "3166-2");
    // The countries' Swedish and Finnish names ("Syrien", "Irak", "Bosnien-Hercegovina", "Syyria"),
    // kept apart: the name lexicon and the name model's features ask IsKnownPlace, and the
    // committed models were trained with what it knew.
    for (const char* lang : {"sv", "fi"}) {
      ReadTranslations(std::string("/usr/share/locale/") + lang + "/LC_MESSAGES/iso_3166-1.mo");
    }
  }

  bool ContainsTranslated(std::string_view word) const { return translated_.count(Fold(word)) > 0; }

  bool Contains(std::string_view word) const {
    std::string folded = Fold(word);
    if (places_.count(folded)) return true;
    // The Swedish genitive ("Jakobstads stad") and the English one ("London's").
    if (folded.size() > 3 && folded.ends_with("'s")) return places_.count(folded.substr(0, folded.size() - 2)) > 0;
    if (folded.size() > 3 && folded.back() == 's') return places_.count(folded.substr(0, folded.size() - 1)) > 0;
    return false;
  }

 private:
  // One word names only; a name of several words is found by its own words where they are places.
  void Add(std::string_view name) {
    if (name.size() < 3 || name.find_first_of(" _-,()'") != std::string_view::npos) return;
    if (!StartsWithCapital(name) || OrdinaryWord(name)) return;
    places_.insert(Fold(name));
  }

  // A translated country name of one word, or each part of one joined by hyphens
  // ("Bosnien-Hercegovina").
  void AddTranslated(std::string_view name) {
    if (name.find_first_of(" _,()'") != std::string_view::npos) return;
    for (size_t start = 0; start < name.size();) {
      const size_t end = std::min(name.find('-', start), name.size());
      const std::string_view part = name.substr(start, end - start);
      start = end + 1;
      if (part.size() < 3 || !StartsWithCapital(part) || OrdinaryWord(part)) continue;
      translated_.insert(Fold(part));
    }
  }

  // Every translation in a gettext catalogue (.mo): a header, then the lengths and offsets of the
  // original strings and of their translations (little-endian, as Debian ships them).
  void ReadTranslations(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return;
    std::stringstream bytes;
    bytes << in.rdbuf();
    const std::string data = bytes.str();
    auto word_at = [&](size_t offset) -> std::optional<std::uint32_t> {
      if (offset + 4 > data.size()) return std::nullopt;
      std::uint32_t value;
      std::memcpy(&value, data.data() + offset, 4);
      return value;
    };
    const auto magic = word_at(0), count = word_at(8), originals = word_at(12), translations = word_at(16);
    if (!magic || *magic != 0x950412de || !count || !originals || !translations) return;
    for (std::uint32_t i = 0; i < *count; ++i) {
      const auto original_length = word_at(*originals + 8 * size_t{i});
      const auto length = word_at(*translations + 8 * size_t{i});
      const auto offset = word_at(*translations + 8 * size_t{i} + 4);
      if (!original_length || *original_length == 0 || !length || !offset) continue;  // the header
      if (size_t{*offset} + *length > data.size()) return;
      AddTranslated(std::string_view(data).substr(*offset, *length));
    }
  }

  // "FI\t+6010+02458\tEurope/Helsinki": the city after the last slash.
  void ReadZones(const char* path) {
    std::ifstream in(path);
    for (std::string line; std::getline(in, line);) {
      if (line.empty() || line[0] == '#') continue;
      size_t tab = line.rfind('\t');
      std::string zone = tab == std::string::npos ? line : line.substr(tab + 1);
      size_t slash = zone.rfind('/');
      if (slash != std::string::npos) Add(std::string_view(zone).substr(slash + 1));
    }
  }

  // Country and subdivision names ("Nigeria", "Leeds", "Lagos", "Uusimaa"); a Swedish county's
  // name gives its town ("Stockholms län" → "Stockholm").
  void ReadIsoNames(const char* path, const char* key) {
    std::ifstream in(path);
    if (!in) return;
    std::stringstream bytes;
    bytes << in.rdbuf();
    boost::system::error_code error;
    boost::json::value doc = boost::json::parse(bytes.str(), error);
    if (error || !doc.is_object()) return;
    const auto* entries = doc.as_object().if_contains(key);
    if (!entries || !entries->is_array()) return;
    for (const auto& entry : entries->as_array()) {
      if (!entry.is_object()) continue;
      for (const char* field : {"name", "common_name"}) {
        const auto* value = entry.as_object().if_contains(field);
        if (!value || !value->is_string()) continue;
        std::string_view name = value->as_string();
        name = name.substr(0, name.find(" ["));  // "Stockholms län [SE-01]"
        if (name.ends_with("s län")) name = name.substr(0, name.size() - std::string_view("s län").size());
        Add(name);
      }
    }
  }

  std::unordered_set<std::string> places_;
  std::unordered_set<std::string> translated_;
};

const Gazetteer& TheGazetteer() {
  static const Gazetteer gazetteer;
  return gazetteer;
}

}  // namespace

bool IsKnownPlace(std::string_view word) { return TheGazetteer().Contains(word); }

bool NamesAPlace(std::string_view word) {
  const Morphology* finnish = FinnishMorphology();
  return IsKnownPlace(word) || TheGazetteer().ContainsTranslated(word) || (finnish && finnish->Classify(word).place);
}

}  // namespace reilu::redact
