// Pronouns that tell a person's gender: English "she", "him", "hers"…, Swedish "hon", "honom",
// "hans"… A reference letter, or a cover letter that quotes one, says them of the applicant on
// every line; of anybody else (a manager, a patient) hiding them costs a word's readability and
// tells nothing away. Finnish "hän" is nobody's gender, and Swedish "hen" is left as it is.
#include <string>
#include <string_view>

#include "redact/redact.h"
#include "redact/text_util.h"

namespace reilu::redact {

namespace {

class PronounRecognizer final : public WordRecognizer {
 public:
  void FindInWords(std::string_view text, const std::vector<Word>& words, const Context& context,
                   std::vector<Span>& out) const override {
    // Finnish "he" is "they": the English word only where the text is not Finnish.
    const bool he_is_english = context.lang != "fi";
    std::string folded;
    for (const auto& w : words) {
      const size_t length = w.end - w.start;
      // Every pronoun here begins with "s" or "h": most words are passed over by their first letter.
      const char first = static_cast<char>(text[w.start] | 0x20);
      if (length < 2 || length > 7 || (first != 's' && first != 'h')) continue;
      FoldInto(text.substr(w.start, length), folded);
      if (IsGenderedPronoun(folded) || (he_is_english && folded == "he")) {
        out.push_back(Span{w.start, w.end, EntityType::kGender, kConfidence});
      }
    }
  }

 private:
  static constexpr double kConfidence = 0.85;

  static bool IsGenderedPronoun(std::string_view word) {
    static constexpr std::string_view kPronouns[] = {"she",     "her",   "hers",   "herself", "him",   "his",
                                                     "himself",                                                  // en
                                                     "hon",     "henne", "hennes", "han",     "honom", "hans"};  // sv
    for (std::string_view pronoun : kPronouns) {
      if (word == pronoun) return true;
    }
    return false;
  }
};

}  // namespace

std::unique_ptr<Recognizer> MakePronounRecognizer() { return std::make_unique<PronounRecognizer>(); }

}  // namespace reilu::redact
