// The applicant's own names, always, in every inflected form: Finnish case endings and possessive
// suffixes ("Virtasen", "Virtaselle", "Matin", "Aulikille", "Annalle", "Annani"), consonant gradation
// (kk→k, pp→p, tt→t, nk→ng, nt→nn, lt→ll, rt→rr), the -nen → -se- stem, and Swedish/English
// genitives ("Annas", "Anna's").
#include <array>
#include <set>

#include "redact/redact.h"
#include "redact/text_util.h"

namespace reilu::redact {

namespace {

// Finnish case endings (with vowel harmony variants), plural forms and clitic/possessive tails.
const std::set<std::string, std::less<>>& Endings() {
  static const std::set<std::string, std::less<>> kEndings = [] {
    std::set<std::string> base = {
        "",    "n",   "a",     "ä",    "ta",   "tä",   "lla",  "llä",  "lle",  "lta",  "ltä",  "ssa",  "ssä",
        "sta", "stä", "ksi",   "na",   "nä",   "in",   "an",   "än",   "han",  "hen",  "hin",  "hon",  "hun",
        "hyn", "hön", "ineen", "tta",  "ttä",  "ni",   "si",   "nsa",  "nsä",  "mme",  "nne",  "s",    "'s",
        "’s",  "t",   "ille",  "illa", "illä", "ilta", "iltä", "issa", "issä", "ista", "istä", "iksi", "ina",
        "inä", "ien", "jen",   "ja",   "jä",   "lle",  "kin",  "kaan", "kään", "en",   "een"};
    std::set<std::string, std::less<>> all(base.begin(), base.end());
    // Possessive suffix after a case ending: "Annalleni", "Matillesi".
    for (const auto& e : base) {
      for (const char* px : {"ni", "si", "nsa", "nsä", "mme", "nne"}) all.insert(e + px);
    }
    return all;
  }();
  return kEndings;
}

// A stem under which Finnish inflection attaches; `needs_ending` guards the shortest stems, so that
// "Ann" (from "Anna") does not match every word that begins with it.
struct Stem {
  std::string text;
  bool needs_ending = false;
};

std::vector<Stem> Stems(const std::string& name) {
  std::vector<Stem> stems = {{name}};
  auto ends = [&](std::string_view s) {
    return name.size() > s.size() && name.compare(name.size() - s.size(), s.size(), s) == 0;
  };
  if (ends("nen")) stems.push_back({name.substr(0, name.size() - 3) + "se"});       // Virtanen → Virtase-n
  if (ends("nen")) stems.push_back({name.substr(0, name.size() - 3) + "s", true});  // Virtas-ta
  if (name.size() > 3) stems.push_back({name.substr(0, name.size() - 1), true});    // Matti → Matt-ia
  if (name.size() > 3 && ends("i")) stems.push_back({name.substr(0, name.size() - 1) + "e", true});  // Rovanieme-llä
  // Consonant gradation in the last syllable: Matti → Mati-n, Aulikki → Auliki-lle, Helena stays.
  static const std::pair<const char*, const char*> kGradation[] = {
      {"kk", "k"}, {"pp", "p"}, {"tt", "t"}, {"nk", "ng"}, {"nt", "nn"}, {"lt", "ll"}, {"rt", "rr"}, {"mp", "mm"}};
  for (const auto& [strong, weak] : kGradation) {
    size_t pos = name.rfind(strong);
    if (pos != std::string::npos && pos + 3 >= name.size() && pos > 0) {
      std::string weak_stem = name.substr(0, pos) + weak + name.substr(pos + 2);
      stems.push_back({weak_stem});
    }
  }
  return stems;
}

class KnownNameRecognizer final : public WordRecognizer {
 public:
  void FindInWords(std::string_view text, const std::vector<Word>& words, const Context& context,
                   std::vector<Span>& out) const override {
    std::vector<std::pair<std::vector<Stem>, EntityType>> names;
    auto add = [&](const std::string& raw, EntityType type) {
      for (const auto& part : SplitWords(raw)) {  // "Anna-Liisa Virtanen" → each part as well
        std::string folded = Fold(raw.substr(part.start, part.end - part.start));
        if (folded.size() < 2) continue;
        names.push_back({Stems(folded), type});
        // Hyphenated names also match their halves: "Anna-Liisan" → "anna", "liisa".
        size_t dash = folded.find('-');
        while (dash != std::string::npos) {
          std::string left = folded.substr(0, dash), right = folded.substr(dash + 1);
          if (left.size() >= 2) names.push_back({Stems(left), type});
          if (right.size() >= 2) names.push_back({Stems(right), type});
          dash = folded.find('-', dash + 1);
        }
      }
    };
    for (const auto& raw : context.known_names) add(raw, EntityType::kPerson);
    for (const auto& raw : context.known_places) add(raw, EntityType::kResidence);
    if (!names.empty()) {
      // A word whose first letter begins no name is skipped unfolded (most words of a letter).
      std::array<bool, 256> may_begin{};
      for (const auto& [stems, type] : names) {
        auto first = static_cast<unsigned char>(stems.front().text[0]);
        may_begin[first] = true;
        if (first >= 'a' && first <= 'z') may_begin[first - 32] = true;
      }
      for (unsigned c = 0x80; c < 256; ++c) may_begin[c] = true;  // a letter beyond ASCII: folded to see
      for (const auto& w : words) {
        if (!may_begin[static_cast<unsigned char>(text[w.start])]) continue;
        std::string word = Fold(text.substr(w.start, w.end - w.start));
        for (const auto& [stems, type] : names) {
          if (Matches(word, stems)) {
            out.push_back(Span{w.start, w.end, type, 1.0});
            break;
          }
        }
      }
    }
    for (const auto& [type, value] : context.known_values) {
      if (type == EntityType::kPhone) {
        FindPhone(text, value, out);
      } else {
        FindLiteral(text, value, type, out);
      }
    }
  }

 private:
  static char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

  // Every place `value` stands in `text` as written (ASCII letters in any case), not inside a
  // longer word or number.
  static void FindLiteral(std::string_view text, std::string_view value, EntityType type, std::vector<Span>& out) {
    while (!value.empty() && value.back() == ' ') value.remove_suffix(1);
    if (value.size() < 4) return;
    auto word_byte = [&](size_t i) { return IsWordByte(static_cast<unsigned char>(text[i])); };
    for (size_t at = 0; at + value.size() <= text.size(); ++at) {
      size_t k = 0;
      while (k < value.size() && Lower(text[at + k]) == Lower(value[k])) ++k;
      if (k != value.size()) continue;
      size_t end = at + value.size();
      if ((at > 0 && word_byte(at - 1) && word_byte(at)) ||
          (end < text.size() && word_byte(end) && word_byte(end - 1))) {
        continue;
      }
      out.push_back(Span{at, end, type, 1.0});
      at = end - 1;
    }
  }

  // A phone number however it is spaced: a run of digits, spaces, "+", "-", "(" and ")" whose
  // digits end with the last seven of the number given.
  static void FindPhone(std::string_view text, std::string_view phone, std::vector<Span>& out) {
    std::string digits;
    for (char c : phone) {
      if (c >= '0' && c <= '9') digits += c;
    }
    if (digits.size() < 7) return;
    const std::string key = digits.substr(digits.size() - 7);
    auto in_number = [](char c) {
      return (c >= '0' && c <= '9') || c == ' ' || c == '+' || c == '-' || c == '(' || c == ')';
    };
    for (size_t i = 0; i < text.size();) {
      if (!in_number(text[i]) || text[i] == ' ') {
        ++i;
        continue;
      }
      size_t j = i;
      std::string run;
      while (j < text.size() && in_number(text[j])) {
        if (text[j] >= '0' && text[j] <= '9') run += text[j];
        ++j;
      }
      size_t end = j;
      while (end > i && text[end - 1] == ' ') --end;
      if (run.size() >= key.size() && run.find(key) != std::string::npos)
        out.push_back(Span{i, end, EntityType::kPhone, 1.0});
      i = j;
    }
  }

  static bool Matches(const std::string& word, const std::vector<Stem>& stems) {
    for (const auto& stem : stems) {
      if (word.size() < stem.text.size() || word.compare(0, stem.text.size(), stem.text) != 0) continue;
      std::string_view ending = std::string_view(word).substr(stem.text.size());
      if (stem.needs_ending && ending.size() < 2) continue;
      if (Endings().count(ending)) return true;
    }
    return false;
  }
};

}  // namespace

std::unique_ptr<Recognizer> MakeKnownNameRecognizer() { return std::make_unique<KnownNameRecognizer>(); }

}  // namespace reilu::redact
