// Person names found by the learned model (name_model.h): words the other recognizers do not know
// ("Oyeyiola", "Näkkäläjärven", "Lena Erixon") are judged by their shape, context and what the
// dictionaries say of them. Professional terms and systems that look like names are never names
// (professional_terms.h).
#include <cctype>
#include <limits>
#include <unordered_set>

#include "redact/name_model.h"
#include "redact/place_gazetteer.h"
#include "redact/professional_terms.h"
#include "redact/redact.h"
#include "redact/text_util.h"

namespace reilu::redact {

namespace {

// Closed-class words (pronouns, auxiliaries, greetings) that start sentences in letters.
const std::unordered_set<std::string, StringHash, std::equal_to<>>& FunctionWords() {
  static const std::unordered_set<std::string, StringHash, std::equal_to<>> kWords = {
      // fi
      "olen", "olin", "olet", "on", "oli", "olemme", "minä", "sinä", "hän", "me", "te", "he", "minun", "minulla",
      "minulle", "voin", "voit", "ja", "tai", "mutta", "kiitos", "terveisin", "ystävällisin", "hei", "hyvä", "arvoisa",
      "työskentelen", "työskentelin", "asun", "haen",
      // spoken and typed on a phone: "oon" (olen), "mulla", "mun", "moi"; closings cut short
      "oon", "mulla", "mun", "moi", "terv", "mvh", "hälsn",
      // sv
      "jag", "du", "han", "hon", "vi", "ni", "de", "min", "mitt", "mina", "är", "var", "har", "och", "men", "hej",
      "tack", "med", "vänliga", "bästa", "hälsningar", "mig",
      // en
      "i", "my", "me", "we", "you", "he", "she", "they", "our", "your", "am", "is", "was", "have", "and", "but", "the",
      "a", "dear", "kind", "regards", "best", "thank", "thanks", "hi", "hello", "sincerely", "yours"};
  return kWords;
}

class LearnedNameRecognizer final : public WordRecognizer {
 public:
  // The perceptron's own boundary; the shipped threshold lies below it, traded for recall.
  static constexpr float kSure = 0.0f;
  // How sure the model must be to take, with no name beside it, a word that is also an everyday
  // word ("Minttu muuten väitti", "jotka Lintu bongasi"): half-way from the threshold to the
  // boundary. Measured on the development splits and the CV-style set (threshold for 95 % recall):
  // at the boundary fi 88.9 %, at half-way 92.3 %, at the threshold 93.6 % with over-redaction 3 %.
  static float EverydayBar(const NameModel& model) { return model.threshold() + (kSure - model.threshold()) / 2; }
  // Three quarters of the way: an everyday word at a sentence's start, where the capital says
  // nothing and Finnish sentences often begin with a noun ("Sarjakuvapaja ja kirjailijavierailut"),
  // and a place that is no name ("Helsinki", "Leeds" are far more often places than people).
  static float StartOrPlaceBar(const NameModel& model) {
    return model.threshold() + (kSure - model.threshold()) * 3 / 4;
  }

  void FindInWords(std::string_view text, const std::vector<Word>& words, const Context& context,
                   std::vector<Span>& out) const override {
    const NameModel* model = NameModel::Builtin(context.lang);
    if (!model) return;
    Tokens tokens = Tokenize(text, words);
    // Only capitalised words and initials can come out as names below: the model scores just those
    // (most words of a letter are not), which is most of its cost saved.
    std::vector<bool> candidate(tokens.tokens.size());
    for (size_t i = 0; i < candidate.size(); ++i) {
      std::string_view word = text.substr(tokens.tokens[i].start, tokens.tokens[i].end - tokens.tokens[i].start);
      candidate[i] = LooksLikeAName(word) || IsInitial(word);
    }
    auto scores = model->Score(text, tokens, WordKnowledge::For(context.lang), &candidate);
    const WordKnowledge& knowledge = WordKnowledge::For(context.lang);
    const Morphology* finnish = FinnishMorphology();
    // kOrdinary: also an everyday word ("Lintu", "Jag"). kAfterName: a place that is no name, which
    // a name after it does not make a name ("Kroatian Davor Šuker"), but a name before it may, as
    // many surnames are places ("Maija S. Peltola"). kAloneOnly: a word that can only be a verb
    // ("Kävin Mattilan kanssa", "Hallitsen") or an abbreviation ("NHS"): only where the model is sure.
    enum class Kind { kNone, kName, kOrdinary, kAfterName, kAloneOnly };
    std::vector<Kind> kind(scores.size(), Kind::kNone);
    std::vector<float> bar(scores.size(), kSure);  // what an kOrdinary word must score to stand alone
    for (size_t i = 0; i < scores.size(); ++i) {
      const Token& t = tokens.tokens[i];
      std::string_view word = text.substr(t.start, t.end - t.start);
      if (scores[i] <= model->threshold()) {
        // A Finnish first name that is also an everyday word, before a surname ("Pilvi
        // Hämäläinen", "Tuuli Mattilan"): the first name stays in the basic case. It counts only
        // beside a name found (so "Tiimissä Virtanen" is not one), whatever the model thought.
        if (finnish && context.lang == "fi" && BeforeFinnishSurname(text, tokens, i, *finnish)) {
          kind[i] = Kind::kOrdinary;
        }
        continue;
      }
      bool dotted = t.end < text.size() && text[t.end] == '.';
      if (IsInitial(word) && (dotted || word.size() == 2)) {  // "Maija S. Peltola": an initial counts beside a name
        kind[i] = Kind::kOrdinary;
        continue;
      }
      if (!LooksLikeAName(word)) continue;
      std::string folded = Fold(word);
      if (IsProfessionalTerm(folded) || FunctionWords().count(folded)) continue;
      if (IsHeading(text, tokens, i) || BesideProduct(text, tokens, i)) continue;
      // A word in capitals is looked up as it would be written in a sentence ("ANSIOLUETTELO" →
      // "Ansioluettelo"), so the dictionaries know it.
      std::string as_written;
      if (IsAllCaps(word)) {
        size_t first = static_cast<unsigned char>(word[0]) == 0xC3 ? 2 : 1;
        as_written = std::string(word.substr(0, first)) + Fold(word.substr(first));
        word = as_written;
      }
      WordClasses classes = knowledge.Classes(word);
      // libvoikko knows places of the world in any text ("Espoo", "Korea"), but its analysis is
      // the slowest step: in Swedish and English only asked where the word lists leave it open.
      const bool open = !classes.Name() || classes.everyday_too;
      WordClasses finnish_classes = finnish && (context.lang == "fi" || open) ? finnish->Classify(word) : WordClasses{};
      // An everyday word in any of the languages' dictionaries ("Consulting" in a Finnish company
      // name, "Lintu"), a word that is also a verb or noun at the start of a sentence ("Anna
      // palautetta"), and a place that is no name ("Nokialla"; but "Peltola" is both) all count
      // only beside a name.
      // A word written with a capital inside a sentence that the dictionary also lists as a
      // proper noun is used as one ("support Trump", "ask Bill").
      bool proper_inside = !StartsSentence(text, tokens, i) && !IsAllCaps(word) && knowledge.ProperToo(word);
      bool ordinary = (!classes.Name() || classes.everyday_too) && !proper_inside &&
                      ((classes.other && !classes.other_only_proper) || IsCommonAnywhere(word));
      // ...unless a verb follows it at once: "Nurminen kertoi", "Peltola puhui" (but "Anna
      // palautetta" stays a verb).
      bool ambiguous_start = classes.Ambiguous() && StartsSentence(text, tokens, i) &&
                             !(finnish && classes.Name() && i + 1 < tokens.tokens.size() &&
                               IsVerbAfterName(text, tokens.tokens[i + 1], *finnish));
      bool place_only =
          open && !finnish_classes.Name() && (classes.place || finnish_classes.place || IsKnownPlace(word));
      // Month and weekday names are proper nouns in the word lists, and dates in a CV ("until
      // June"); beside a name they may still be one ("June Carter").
      if (ambiguous_start || IsCalendarWord(folded)) ordinary = true;
      bool verb_only = finnish_classes.verb && !finnish_classes.Name() && !finnish_classes.place;
      // Three capitals are more often an abbreviation than a name ("YKI", "AMK", "NHS"): only where
      // the model is sure, and no anchor for the words beside it ("NHS Digital").
      bool alone_only = verb_only || IsAbbreviation(text.substr(t.start, t.end - t.start));
      // An everyday word before a company form belongs to the company ("Virtanen Consulting Oy").
      if (ordinary && BeforeCompanyForm(text, tokens, i)) continue;
      if (ordinary) bar[i] = StartsSentence(text, tokens, i) ? StartOrPlaceBar(*model) : EverydayBar(*model);
      kind[i] = ordinary ? Kind::kOrdinary : Kind::kName;
      if (alone_only) {
        bar[i] = kSure;
        kind[i] = Kind::kAloneOnly;
      } else if (place_only) {
        bar[i] = StartOrPlaceBar(*model);
        kind[i] = Kind::kAfterName;
      }
      // A skill that is also a name ("used Ruby daily"): a name only beside another ("Ruby Smith").
      if (IsSkillAlsoAName(folded, context.lang)) {
        kind[i] = Kind::kOrdinary;
        bar[i] = std::numeric_limits<float>::infinity();
      }
    }
    // An everyday word counts only beside a kept name ("Satu Lintu", "Maija S. Peltola": the chain
    // goes through initials and their full stops), or where the model is sure without lowering its
    // threshold for recall.
    std::vector<bool> keep(kind.size(), false);
    for (size_t i = 0; i < kind.size(); ++i)
      keep[i] = kind[i] == Kind::kName || (kind[i] != Kind::kNone && scores[i] > bar[i]);
    auto is_initial = [&](size_t k) {
      return IsInitial(text.substr(tokens.tokens[k].start, tokens.tokens[k].end - tokens.tokens[k].start));
    };
    auto is_stop = [&](size_t k) {
      return text.substr(tokens.tokens[k].start, tokens.tokens[k].end - tokens.tokens[k].start) == ".";
    };
    for (bool changed = true; changed;) {
      changed = false;
      for (size_t i = 0; i < kind.size(); ++i) {
        if (keep[i] || (kind[i] != Kind::kOrdinary && kind[i] != Kind::kAfterName)) continue;
        size_t before = i, after = i + 1;
        // Across the full stop of an initial: "S. Peltola" (before), "Maija S." (after).
        if (before >= 2 && is_stop(before - 1) && is_initial(before - 2)) --before;
        if (after < kind.size() && is_stop(after) && is_initial(i)) ++after;
        // One step from a name only, except through initials: "Lagos University Teaching Hospital"
        // must not grow word by word from "Lagos".
        // ...and not across a line and a change of style: a heading in capitals on the line after
        // a name written normally ("Franz FISCHLER" on one line is a name).
        auto caps = [&](size_t k) {
          return IsAllCaps(text.substr(tokens.tokens[k].start, tokens.tokens[k].end - tokens.tokens[k].start));
        };
        auto same_style = [&](size_t k) {
          const Token& a = tokens.tokens[std::min(i, k)];
          const Token& b = tokens.tokens[std::max(i, k)];
          bool line_between =
              b.start > a.end && text.substr(a.end, b.start - a.end).find('\n') != std::string_view::npos;
          return !line_between || is_initial(k) || caps(k) == caps(i);
        };
        auto anchor = [&](size_t k) { return keep[k] && (kind[k] == Kind::kName || is_initial(k)) && same_style(k); };
        bool beside =
            (before > 0 && anchor(before - 1)) || (kind[i] == Kind::kOrdinary && after < kind.size() && anchor(after));
        if (beside) keep[i] = changed = true;
      }
    }
    for (size_t i = 0; i < kind.size(); ++i) {
      if (kind[i] == Kind::kNone || (kind[i] >= Kind::kAfterName && !keep[i])) continue;
      const Token& t = tokens.tokens[i];
      // Confidence: how far above the threshold, for the "needs a look" marking. An everyday word
      // with no name beside it here may still lie beside one another recognizer finds ("Pilvi
      // Hämäläinen"): the engine decides (Span::only_beside_name).
      float margin = scores[i] - model->threshold();
      Span span{t.start, t.end, EntityType::kPerson, margin > 4 && kind[i] == Kind::kName ? 0.8 : 0.5};
      span.only_beside_name = !keep[i];
      out.push_back(span);
    }
    // A name written in lower case ("thanks obama", "emma and kaite", "ask connor"): a word the
    // Swedish or English word list has only as a name-like proper noun, or a given name of the
    // lexicon that is no everyday word, and no language's dictionary has as a word.
    if (context.lang != "fi" && knowledge.HasWordList()) FindLowerCaseNames(text, tokens, knowledge, out);
    FindSignedNames(text, tokens, out);
  }

 private:
  // Swedish and English names written in lower case. One word alone is a name when the word list
  // has it only as a name-like proper noun, or it is a given name of the lexicon that is no
  // everyday word, and no language's dictionary has it as a word ("thanks obama", "emma and
  // kaite", "ask connor"). Two words are a full name when the first is such a given name, of any
  // length ("amy"), and the second a surname, a proper noun or no dictionary's word ("amy
  // schumer", "kevin smith", "paul walker"). A first name that is also a word of some language
  // starts no full name: "will power", "grace period", and Swedish "inga lyxkrogar", "alla
  // kejsarsnitt" (compounds the word list cannot hold) stay words.
  static void FindLowerCaseNames(std::string_view text, const Tokens& tokens, const WordKnowledge& knowledge,
                                 std::vector<Span>& out) {
    const size_t n = tokens.tokens.size();
    auto word_at = [&](size_t k) {
      return text.substr(tokens.tokens[k].start, tokens.tokens[k].end - tokens.tokens[k].start);
    };
    // As before the full names: three letters or more, the first an ASCII letter in lower case.
    auto lower_word = [](std::string_view w) { return w.size() >= 3 && w[0] >= 'a' && w[0] <= 'z'; };
    std::string capitalised;
    auto classes = [&](std::string_view w) {
      CapitaliseInto(w, capitalised);
      return knowledge.Classes(capitalised);
    };
    // Words no name can be: terms of the trade, months, and the closed classes.
    auto never = [&](std::string_view w) {
      std::string folded = Fold(w);
      return IsProfessionalTerm(folded) || IsCalendarWord(folded) || FunctionWords().count(folded) > 0;
    };
    size_t pair_end = 0;  // the first token after the last full name found
    for (size_t i = 0; i < n; ++i) {
      std::string_view word = word_at(i);
      if (!lower_word(word)) continue;
      // Most lower-case words are a language's everyday words, which start no name below (neither
      // a given name of their own nor a name-only proper noun): nothing more to ask.
      if (IsCommonAnywhere(word)) continue;
      WordClasses c = classes(word);
      if (!c.first_name && !knowledge.NameOnly(word)) continue;
      if (never(word)) continue;
      // From the lexicon, four letters or more: three-letter words in lower case are as often
      // abbreviations ("dev", "jan") as names.
      const bool given = c.first_name && !c.other && !c.everyday_too;
      if (i + 1 < n && i >= pair_end && given && !tokens.line_break_before[i + 1]) {
        std::string_view next = word_at(i + 1);
        if (lower_word(next) && !never(next)) {
          bool unknown = !IsCommonAnywhere(next);
          if (unknown || knowledge.ProperToo(next) || classes(next).surname) {
            out.push_back(Span{tokens.tokens[i].start, tokens.tokens[i + 1].end, EntityType::kPerson, 0.5});
            pair_end = i + 2;
            continue;
          }
        }
      }
      if (i < pair_end) continue;
      bool name = knowledge.NameOnly(word) || (word.size() >= 4 && given);
      if (!name) continue;
      out.push_back(Span{tokens.tokens[i].start, tokens.tokens[i].end, EntityType::kPerson, 0.5});
    }
  }

  // A name signed in lower case after a closing, as typed on a phone ("terv. jussi", "thanks,
  // maria k.", "mvh /erik"): a given name of any language's lexicon, last on its line
  // or before an initial or one more word (the surname) that end the line; or after a Finnish
  // self-introduction ("moi oon jussi ja …", "olen aino, 28").
  static void FindSignedNames(std::string_view text, const Tokens& tokens, std::vector<Span>& out) {
    static const std::unordered_set<std::string_view> kClosings = {
        "terveisin", "terv", "t",       "kiittäen", "kiitos", "hälsningar", "hälsn",     "mvh",    "tack",
        "thanks",    "thx",  "regards", "rgds",     "cheers", "br",         "sincerely", "wishes", "yours"};
    static const std::unordered_set<std::string_view> kIntroductions = {"olen", "oon"};
    const size_t n = tokens.tokens.size();
    auto word_at = [&](size_t k) {
      return text.substr(tokens.tokens[k].start, tokens.tokens[k].end - tokens.tokens[k].start);
    };
    auto line_ends_at = [&](size_t k) { return k >= n || tokens.line_break_before[k]; };
    auto punctuation = [&](size_t k) {
      std::string_view w = word_at(k);
      return w.size() == 1 && std::string_view(".,/-!:").find(w[0]) != std::string_view::npos;
    };
    auto lower_word = [](std::string_view w) { return w.size() >= 3 && w[0] >= 'a' && w[0] <= 'z'; };
    std::string folded;
    for (size_t i = 0; i + 1 < n; ++i) {
      size_t j = i + 1;
      while (j < n && j <= i + 3 && punctuation(j)) ++j;
      if (j >= n || !lower_word(word_at(j))) continue;
      // A signature: the name ends its line, perhaps with an initial ("k", "k.") or a surname.
      size_t end = j + 1;
      bool signature = true;
      if (!line_ends_at(end)) {
        std::string_view next = word_at(end);
        const bool initial = next.size() == 1 && next[0] >= 'a' && next[0] <= 'z';
        size_t after = end + 1;
        if (initial && !line_ends_at(after) && word_at(after) == ".") ++after;
        signature = (initial || lower_word(next)) && line_ends_at(after);
        if (signature) end = after;
      }
      // An introduction: the clause goes on after the name ("moi oon jussi ja", "olen aino, 28").
      const bool goes_on = line_ends_at(j + 1) || punctuation(j + 1) || word_at(j + 1) == "ja";
      if (!signature && !goes_on) continue;
      // Asked last, as most words are no closing: folded into a buffer kept across the words.
      std::string_view closing = word_at(i);
      if (closing.empty() || closing.size() > 10) continue;
      FoldInto(closing, folded);
      const std::string_view asked = folded;
      // Looked for here, not by a pattern: "olen" is too common a word for the scan.
      const bool introduction = kIntroductions.count(asked) > 0;
      if (introduction) {
        if (!goes_on || j != i + 1) continue;
        end = j + 1;
      } else if (!signature || !kClosings.count(asked)) {
        continue;
      }
      if (!WordKnowledge::GivenNameInAnyLanguage(word_at(j))) continue;
      out.push_back(Span{tokens.tokens[j].start, tokens.tokens[end - 1].end, EntityType::kPerson, 0.8});
      // ...and an age right after the name: "olen aino, 28 ja", "oon jussi, 41v."
      if (introduction && end + 1 < n && word_at(end) == "," && IsAgeAfterName(word_at(end + 1)) &&
          (line_ends_at(end + 2) || punctuation(end + 2) || word_at(end + 2) == "ja")) {
        out.push_back(Span{tokens.tokens[end + 1].start, tokens.tokens[end + 1].end, EntityType::kAge, 0.85});
      }
    }
  }

  // Two digits, or two digits and "v" ("28", "41v").
  static bool IsAgeAfterName(std::string_view w) {
    const bool digits = w.size() >= 2 && std::isdigit(static_cast<unsigned char>(w[0])) &&
                        std::isdigit(static_cast<unsigned char>(w[1]));
    return digits && (w.size() == 2 || (w.size() == 3 && (w[2] == 'v' || w[2] == 'V')));
  }

  // An everyday word of any of the three languages' word lists.
  static bool IsCommonAnywhere(std::string_view word) { return WordKnowledge::CommonInAnyLanguage(word); }

  static bool BeforeFinnishSurname(std::string_view text, const Tokens& tokens, size_t i, const Morphology& finnish) {
    auto word = [&](size_t k) {
      return text.substr(tokens.tokens[k].start, tokens.tokens[k].end - tokens.tokens[k].start);
    };
    if (i + 1 >= tokens.tokens.size() || tokens.line_break_before[i + 1]) return false;
    std::string_view w = word(i), next = word(i + 1);
    if (!LooksLikeAName(w) || IsAllCaps(w) || !StartsWithCapital(next) || IsAllCaps(next)) return false;
    std::string folded = Fold(w);
    if (FunctionWords().count(folded) || IsProfessionalTerm(folded)) return false;
    WordClasses here = finnish.Classify(w);
    return here.nominative && !here.verb && finnish.Classify(next).surname;
  }

  // A word in capitals alone on its line is a CV's heading ("OSAAMINEN", "REFERENCES"); a name in
  // capitals comes with its other part ("ÅSA NORDIN"), and the lexicons know names in any case.
  static bool IsHeading(std::string_view text, const Tokens& tokens, size_t i) {
    const Token& t = tokens.tokens[i];
    bool alone =
        (i == 0 || tokens.line_break_before[i]) && (i + 1 == tokens.tokens.size() || tokens.line_break_before[i + 1]);
    return alone && IsAllCaps(text.substr(t.start, t.end - t.start));
  }

  static bool BeforeCompanyForm(std::string_view text, const Tokens& tokens, size_t i) {
    if (i + 1 >= tokens.tokens.size() || tokens.line_break_before[i + 1]) return false;
    const Token& next = tokens.tokens[i + 1];
    return IsCompanyForm(Fold(text.substr(next.start, next.end - next.start)));
  }

  // A word beside a product or system is part of its name ("Active Directory", "Google
  // Analytics"), not a person's; a word before a company form may be both ("Virtanen Oy").
  static bool BesideProduct(std::string_view text, const Tokens& tokens, size_t i) {
    auto term = [&](size_t k) {
      std::string folded = Fold(text.substr(tokens.tokens[k].start, tokens.tokens[k].end - tokens.tokens[k].start));
      return IsProfessionalTerm(folded) && !IsCompanyForm(folded);
    };
    bool before = i > 0 && !tokens.line_break_before[i] && term(i - 1);
    bool after = i + 1 < tokens.tokens.size() && !tokens.line_break_before[i + 1] && term(i + 1);
    return before || after;
  }

  // A lower-case word that can only be read as a verb ("kertoi", "puhui", "on"), not one that is
  // also a noun or a name.
  static bool IsVerbAfterName(std::string_view text, const Token& next, const Morphology& finnish) {
    std::string_view word = text.substr(next.start, next.end - next.start);
    if (word.empty() || StartsWithCapital(word)) return false;
    WordClasses c = finnish.Classify(word);
    return c.verb && !c.Name() && !c.place;
  }

  static bool IsAbbreviation(std::string_view w) { return w.size() <= 3 && IsAllCaps(w); }

  static bool IsInitial(std::string_view w) {
    return (w.size() == 1 || (w.size() == 2 && w[1] == '.')) && w[0] >= 'A' && w[0] <= 'Z';
  }

  // Names in applications are written with a capital ("Lena", "McDonald", "ÅSA NORDIN"); a
  // lower-case word is left to the other recognizers (the applicant's own name in any case is the
  // known-name recognizer's) and to FindLowerCaseNames. Two-letter capitals ("BI", "IT") are
  // abbreviations.
  static bool LooksLikeAName(std::string_view w) {
    if (!StartsWithCapital(w)) return false;
    size_t letters = 0;
    bool lower_seen = false;
    for (char ch : w) {
      auto b = static_cast<unsigned char>(ch);
      if (b >= '0' && b <= '9') return false;
      letters += (b & 0xC0) != 0x80 && b != '-' && b != '\'';
      lower_seen = lower_seen || (b >= 'a' && b <= 'z');
    }
    return lower_seen || letters >= 3;
  }
};

}  // namespace

std::unique_ptr<Recognizer> MakeLearnedNameRecognizer() { return std::make_unique<LearnedNameRecognizer>(); }

}  // namespace reilu::redact
