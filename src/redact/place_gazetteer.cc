#include "redact/place_gazetteer.h"

#include <boost/json.hpp>
#include <fstream>
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
  }

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
};

}  // namespace

bool IsKnownPlace(std::string_view word) {
  static const Gazetteer gazetteer;
  return gazetteer.Contains(word);
}

bool NamesAPlace(std::string_view word) {
  const Morphology* finnish = FinnishMorphology();
  return IsKnownPlace(word) || (finnish && finnish->Classify(word).place);
}

}  // namespace reilu::redact
