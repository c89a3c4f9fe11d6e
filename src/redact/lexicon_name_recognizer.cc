// Names that are neither the applicant's own nor announced by context ("Kävin Mattilan kanssa
// kurssin"), found by Finnish morphology: a capitalised word that can be a first name or a surname.
// Ambiguous forms ("Anna" = antaa, "Satu" = satu, "Kankaan" = kangas, "Mattilan" = a place) count
// only where capitalisation means something: not at the start of a sentence, or next to another name.
#include <vector>

#include "redact/morphology.h"
#include "redact/professional_terms.h"
#include "redact/redact.h"
#include "redact/text_util.h"

namespace reilu::redact {

namespace {

struct Token {
  size_t start;
  size_t end;
  bool sentence_start;
  WordClasses classes;
};

// Upper-case first letter: ASCII A–Z or Å, Ä, Ö, É, Ü.
bool StartsUppercase(std::string_view w) {
  if (w.empty()) return false;
  auto c = static_cast<unsigned char>(w[0]);
  if (c >= 'A' && c <= 'Z') return true;
  if (c != 0xC3 || w.size() < 2) return false;
  auto d = static_cast<unsigned char>(w[1]);
  return d == 0x85 || d == 0x84 || d == 0x96 || d == 0x89 || d == 0x9C;
}

// A word is asked about when it looks like a name: capitalised, lower-case after that, no digits.
bool LooksLikeName(std::string_view w) {
  if (w.size() < 2 || !StartsUppercase(w)) return false;
  for (size_t i = 1; i < w.size(); ++i) {
    auto c = static_cast<unsigned char>(w[i]);
    if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return false;
  }
  return true;
}

// Does the gap before a word end a sentence (or a list item, a heading, a quotation)?
bool EndsSentence(std::string_view gap) {
  for (char c : gap) {
    if (c == '.' || c == '!' || c == '?' || c == ':' || c == '\n' || c == '*' || c == '"' || c == '-') return true;
  }
  return false;
}

class LexiconNameRecognizer final : public WordRecognizer {
 public:
  LexiconNameRecognizer(const Morphology* finnish, const Morphology* other) : finnish_(finnish), other_(other) {}

  void FindInWords(std::string_view text, const std::vector<Word>& text_words, const Context& context,
                   std::vector<Span>& out) const override {
    const Morphology* morphology_ = context.lang == "fi" ? finnish_ : other_;
    if (!morphology_) return;
    std::vector<Token> words;
    size_t previous_end = 0;
    for (const auto& w : text_words) {
      std::string_view word = text.substr(w.start, w.end - w.start);
      Token t{w.start, w.end, words.empty() || EndsSentence(text.substr(previous_end, w.start - previous_end)), {}};
      if (LooksLikeName(word)) t.classes = morphology_->Classify(word);
      words.push_back(t);
      previous_end = w.end;
    }
    std::vector<bool> name(words.size(), false);
    for (size_t k = 0; k < words.size(); ++k) {
      const Token& w = words[k];
      if (!w.classes.Name()) continue;
      name[k] = !w.classes.everyday_too && (!w.classes.Ambiguous() || !w.sentence_start) &&
                !IsSkillAlsoAName(Fold(text.substr(w.start, w.end - w.start)), context.lang);
    }
    // A sentence-initial ambiguous word counts next to a name that any recognizer finds ("Satu
    // Virtanen", "Pilvi Hämäläinen"): the engine decides (Span::only_beside_name).
    for (size_t k = 0; k < words.size(); ++k) {
      if (!words[k].classes.Name()) continue;
      Span span{words[k].start, words[k].end, EntityType::kPerson, words[k].classes.Ambiguous() ? 0.6 : 0.8};
      span.only_beside_name = !name[k];
      out.push_back(span);
    }
  }

 private:
  const Morphology* finnish_;
  const Morphology* other_;  // Swedish and English
};

}  // namespace

std::unique_ptr<Recognizer> MakeLexiconNameRecognizer(const Morphology* finnish, const Morphology* other) {
  return std::make_unique<LexiconNameRecognizer>(finnish, other);
}

}  // namespace reilu::redact
