#include <algorithm>
#include <array>
#include <set>
#include <unordered_set>

#include "redact/literal_matcher.h"
#include "redact/place_gazetteer.h"
#include "redact/professional_terms.h"

#include "core/redaction.h"
#include "redact/morphology.h"
#include "redact/redact.h"
#include "redact/regex_recognizer.h"
#include "redact/text_util.h"
#include "redact/warm_up.h"

namespace reilu::redact {

namespace {

struct TypeInfo {
  EntityType type;
  std::string_view name;
  std::array<std::string_view, 3> placeholder;  // fi, sv, en
};

constexpr TypeInfo kTypes[] = {
    {EntityType::kPerson, "PERSON", {"[NIMI]", "[NAMN]", "[NAME]"}},
    {EntityType::kIdCode, "ID_CODE", {"[HENKILÖTUNNUS]", "[PERSONNUMMER]", "[ID CODE]"}},
    {EntityType::kPhone, "PHONE", {"[PUHELIN]", "[TELEFON]", "[PHONE]"}},
    {EntityType::kEmail, "EMAIL", {"[SÄHKÖPOSTI]", "[E-POST]", "[EMAIL]"}},
    {EntityType::kUrl, "URL", {"[LINKKI]", "[LÄNK]", "[LINK]"}},
    {EntityType::kAddress, "ADDRESS", {"[OSOITE]", "[ADRESS]", "[ADDRESS]"}},
    {EntityType::kPostal, "POSTAL", {"[OSOITE]", "[ADRESS]", "[ADDRESS]"}},
    {EntityType::kBirthDate, "BIRTH_DATE", {"[SYNTYMÄAIKA]", "[FÖDELSEDATUM]", "[DATE OF BIRTH]"}},
    {EntityType::kAge, "AGE", {"[IKÄ]", "[ÅLDER]", "[AGE]"}},
    {EntityType::kGender, "GENDER", {"[SUKUPUOLI]", "[KÖN]", "[GENDER]"}},
    {EntityType::kFamily, "FAMILY", {"[PERHE]", "[FAMILJ]", "[FAMILY]"}},
    {EntityType::kNationality, "NATIONALITY", {"[KANSALLISUUS]", "[NATIONALITET]", "[NATIONALITY]"}},
    {EntityType::kLanguage, "LANGUAGE", {"[ÄIDINKIELI]", "[MODERSMÅL]", "[MOTHER TONGUE]"}},
    {EntityType::kReligion, "RELIGION", {"[USKONTO]", "[RELIGION]", "[RELIGION]"}},
    {EntityType::kHealth, "HEALTH", {"[TERVEYS]", "[HÄLSA]", "[HEALTH]"}},
    {EntityType::kResidence, "RESIDENCE", {"[ASUINPAIKKA]", "[BOSTADSORT]", "[RESIDENCE]"}},
    {EntityType::kAffiliation, "AFFILIATION", {"[JÄSENYYS]", "[TILLHÖRIGHET]", "[AFFILIATION]"}},
};

const TypeInfo& Info(EntityType type) {
  for (const auto& t : kTypes) {
    if (t.type == type) return t;
  }
  return kTypes[0];
}

// The run of word bytes around `pos`, remembered between calls: spans arrive sorted by start, so
// each run is scanned about once however many spans lie in it (a long run must not cost its
// length once per span).
class WordRuns {
 public:
  explicit WordRuns(std::string_view text) : text_(text) {}
  std::pair<size_t, size_t> Around(size_t pos) {
    if (pos >= start_ && pos < end_) return {start_, end_};
    start_ = end_ = pos;
    while (start_ > 0 && IsWordByte(static_cast<unsigned char>(text_[start_ - 1]))) --start_;
    while (end_ < text_.size() && IsWordByte(static_cast<unsigned char>(text_[end_]))) ++end_;
    return {start_, end_};
  }

 private:
  std::string_view text_;
  size_t start_ = 0, end_ = 0;
};

// Extends spans to whole words, then merges overlapping or touching ones.
std::vector<Span> Normalise(std::string_view text, std::vector<Span> spans) {
  std::sort(spans.begin(), spans.end(),
            [](const Span& a, const Span& b) { return a.start != b.start ? a.start < b.start : a.end > b.end; });
  WordRuns left(text), right(text);
  auto word_byte = [&](size_t i) { return IsWordByte(static_cast<unsigned char>(text[i])); };
  for (auto& s : spans) {
    if (s.start > 0 && s.start < text.size() && word_byte(s.start - 1) && word_byte(s.start)) {
      s.start = left.Around(s.start).first;
    }
    if (s.end < text.size() && s.end > s.start && word_byte(s.end) && word_byte(s.end - 1)) {
      s.end = right.Around(s.end).second;
    }
  }
  std::sort(spans.begin(), spans.end(),
            [](const Span& a, const Span& b) { return a.start != b.start ? a.start < b.start : a.end > b.end; });
  std::vector<Span> merged;
  for (const auto& s : spans) {
    if (s.end <= s.start) continue;
    // Same-type spans separated only by spaces merge too: "[NIMI]" for a full name hides how many
    // names there were.
    bool adjacent_same =
        !merged.empty() && merged.back().type == s.type && s.start >= merged.back().end &&
        text.substr(merged.back().end, s.start - merged.back().end).find_first_not_of(' ') == std::string_view::npos;
    if (!merged.empty() && (s.start < merged.back().end || adjacent_same)) {
      Span& last = merged.back();
      // The merged span keeps the type of the longer one; direct identifiers win ties.
      if (s.end - s.start > last.end - last.start) last.type = s.type;
      last.end = std::max(last.end, s.end);
      last.confidence = std::max(last.confidence, s.confidence);
    } else {
      merged.push_back(s);
    }
  }
  return merged;
}

}  // namespace

std::string_view EntityTypeName(EntityType type) { return Info(type).name; }

std::optional<EntityType> ParseEntityType(std::string_view name) {
  for (const auto& t : kTypes) {
    if (t.name == name) return t.type;
  }
  return std::nullopt;
}

std::unique_ptr<RegexRecognizer> MakePatternRecognizer() {
  std::vector<std::unique_ptr<Recognizer>> parts;
  parts.push_back(MakeContextNameRecognizer());
  parts.push_back(MakeIdCodeRecognizer());
  parts.push_back(MakeEmailRecognizer());
  parts.push_back(MakeUrlRecognizer());
  parts.push_back(MakePhoneRecognizer());
  parts.push_back(MakeAddressRecognizer());
  parts.push_back(MakeAgeRecognizer());
  parts.push_back(MakeCueRecognizer());
  parts.push_back(MakeDisclosureRecognizer());
  return RegexRecognizer::Combine(parts);
}

Engine Engine::Default() {
  Engine e;
  e.Add(MakeKnownNameRecognizer());
  e.Add(MakeLexiconNameRecognizer(FinnishMorphology(), SwedishEnglishNameLexicon()));
  e.Add(MakeLearnedNameRecognizer());
  e.Add(MakeNationalityRecognizer());
  e.Add(MakePronounRecognizer());
  e.Add(MakeFieldRecognizer());
  // Every pattern-based recognizer as one automaton: a single pass over the text.
  e.Add(MakePatternRecognizer());
  return e;
}

void WordRecognizer::Find(std::string_view text, const Context& context, std::vector<Span>& out) const {
  FindInWords(text, SplitWords(text), context, out);
}

void Engine::Add(std::unique_ptr<Recognizer> recognizer) { recognizers_.push_back(std::move(recognizer)); }

void Engine::Warm() const {
  std::call_once(*warm_once_, [this] {
    for (const char* lang : {"fi", "sv", "en"}) {
      Analyze(WarmUpText(lang), Context{lang, {}});
      for (const auto& r : recognizers_) r->Warm(WarmUpText(lang));
    }
    IsKnownPlace("Helsinki");  // the learned recognizer asks only about some words
  });
}

std::vector<Span> Engine::Analyze(std::string_view text, const Context& context) const {
  return *AnalyzeWithin(text, context, std::chrono::steady_clock::time_point::max());
}

namespace {

// Is [pos, pos + length) inside one of `spans` (sorted by start, disjoint)?
bool Covered(const std::vector<Span>& spans, size_t pos, size_t length) {
  auto after = std::upper_bound(spans.begin(), spans.end(), pos, [](size_t p, const Span& s) { return p < s.start; });
  return after != spans.begin() && pos + length <= std::prev(after)->end;
}

// Is the text between two spans only spaces, or the full stop of an initial and spaces ("S. P")?
bool OnlySpaceBetween(std::string_view text, const Span& left, const Span& right) {
  if (right.start < left.end) return true;
  std::string_view gap = text.substr(left.end, right.start - left.end);
  if (!gap.empty() && gap[0] == '.' && left.end - left.start == 1) gap.remove_prefix(1);
  return gap.find_first_not_of(" \t") == std::string_view::npos && right.start - left.end <= 3;
}

// The word next to a span across spaces only (no line break, no punctuation), after it or before it.
std::string_view NeighbourWord(std::string_view text, const Span& s, bool after) {
  auto part_of_word = [&](size_t i) { return IsWordByte(static_cast<unsigned char>(text[i])) || text[i] == '-'; };
  if (after) {
    size_t i = s.end;
    while (i < text.size() && text[i] == ' ') ++i;
    size_t end = i;
    while (end < text.size() && part_of_word(end)) ++end;
    return text.substr(i, end - i);
  }
  size_t i = s.start;
  while (i > 0 && text[i - 1] == ' ') --i;
  size_t start = i;
  while (start > 0 && part_of_word(start - 1)) --start;
  return text.substr(start, i - start);
}

// Is the span, or a word beside it, the head of an institution's name ("Lagos University",
// "Åbo Akademi", "Teaching Hospital"), also across "of" / "i" before the span ("University of
// Helsinki", "Universitetet i Oslo")?
bool BesideInstitution(std::string_view text, const Span& s) {
  // Asked of every name found: folded in one buffer, not a new string a word.
  std::string folded;
  auto institution = [&](std::string_view w) {
    if (w.empty()) return false;
    FoldInto(w, folded);
    return IsInstitutionWord(folded);
  };
  if (institution(text.substr(s.start, s.end - s.start)) || institution(NeighbourWord(text, s, true)) ||
      institution(NeighbourWord(text, s, false))) {
    return true;
  }
  std::string_view before = NeighbourWord(text, s, false);
  if (before != "of" && before != "i") return false;
  size_t at = static_cast<size_t>(before.data() - text.data());
  return institution(NeighbourWord(text, Span{at, at + before.size(), s.type, s.confidence}, false));
}

// Keeps a span that counts only beside a name when a name lies next to it, found by any recognizer.
// Kept initials pass the neighbourhood on ("Maija S. T. Peltola"); kept everyday words do not, so a
// run of capitalised words ("Lagos University Teaching Hospital") cannot grow word by word. An
// everyday word before a company form belongs to the company ("Virtanen Consulting Oy").
void KeepOnlyBesideNames(std::string_view text, std::vector<Span>& spans) {
  std::vector<size_t> persons;
  for (size_t i = 0; i < spans.size(); ++i) {
    if (spans[i].type == EntityType::kPerson) persons.push_back(i);
  }
  std::sort(persons.begin(), persons.end(), [&](size_t a, size_t b) { return spans[a].start < spans[b].start; });
  std::vector<bool> anchor(spans.size(), false), keep(spans.size(), true);
  for (size_t i : persons) {
    anchor[i] = !spans[i].only_beside_name;
    keep[i] = anchor[i];
  }
  auto is_initial = [&](const Span& s) {
    return s.end - s.start == 1 || (s.end - s.start == 2 && text[s.end - 1] == '.');
  };
  for (bool changed = true; changed;) {
    changed = false;
    for (size_t k = 0; k < persons.size(); ++k) {
      size_t i = persons[k];
      if (keep[i]) continue;
      // A heading in capitals on the next line is no part of a name written normally ("Maija
      // Meikäläinen\nANSIOLUETTELO"); on one line it may be ("Franz FISCHLER").
      auto same_style = [&](size_t other) {
        const Span& a = spans[std::min(i, other)];
        const Span& b = spans[std::max(i, other)];
        bool line_between = b.start > a.end && text.substr(a.end, b.start - a.end).find('\n') != std::string_view::npos;
        return !line_between || IsAllCaps(text.substr(spans[i].start, spans[i].end - spans[i].start)) ==
                                    IsAllCaps(text.substr(spans[other].start, spans[other].end - spans[other].start));
      };
      bool beside = (k > 0 && anchor[persons[k - 1]] && same_style(persons[k - 1]) &&
                     OnlySpaceBetween(text, spans[persons[k - 1]], spans[i])) ||
                    (k + 1 < persons.size() && anchor[persons[k + 1]] && same_style(persons[k + 1]) &&
                     OnlySpaceBetween(text, spans[i], spans[persons[k + 1]]));
      if (!beside || IsCompanyForm(Fold(NeighbourWord(text, spans[i], true)))) continue;
      keep[i] = changed = true;
      anchor[i] = is_initial(spans[i]);
    }
  }
  size_t out = 0;
  for (size_t i = 0; i < spans.size(); ++i) {
    if (!keep[i]) continue;
    // An initial's full stop goes with it, so "Maija S. Peltola" becomes one name.
    Span& s = spans[i];
    if (s.type == EntityType::kPerson && s.end - s.start == 1 && s.end < text.size() && text[s.end] == '.') ++s.end;
    spans[out++] = s;
  }
  spans.resize(out);
}

// A word found as a name that is, or stands beside, the head of an institution's name belongs to
// the institution. The applicant's own name (confidence 1) always stays.
void DropInstitutionNames(std::string_view text, std::vector<Span>& spans) {
  spans.erase(std::remove_if(spans.begin(), spans.end(),
                             [&](const Span& s) {
                               return s.type == EntityType::kPerson && s.confidence < 1.0 && BesideInstitution(text, s);
                             }),
              spans.end());
}

// Words that belong to a name beside it without being names themselves: particles before a
// surname ("van der Burgh", "Juan de la Fuente", "Yves-Thibault DE SILGUY") and a regnal number
// after a name ("Paavali II", "Kaarle XII"). A particle alone is no name ("de" is also Swedish for
// "they"), so it only joins a name found by a recognizer.
bool IsNameParticle(std::string_view word) {
  static const std::set<std::string, std::less<>> kParticles = {
      "van", "von", "der", "den", "de",  "del", "della", "di",  "da", "du", "des", "la", "le",
      "dos", "das", "af",  "zu",  "ten", "ter", "bin",   "ibn", "al", "el", "mac", "st."};
  return kParticles.count(Fold(word)) > 0;
}

bool IsRegnalNumber(std::string_view word) {
  static const std::set<std::string_view> kNumbers = {"II", "III", "IV",   "VI",  "VII", "VIII", "IX",
                                                      "XI", "XII", "XIII", "XIV", "XV",  "XVI"};
  return kNumbers.count(word) > 0;
}

void JoinNameParticles(std::string_view text, std::vector<Span>& spans) {
  for (auto& s : spans) {
    if (s.type != EntityType::kPerson) continue;
    for (int step = 0; step < 3; ++step) {
      std::string_view before = NeighbourWord(text, s, false);
      if (before.empty() || !IsNameParticle(before)) break;
      s.start = static_cast<size_t>(before.data() - text.data());
    }
    // "al-Maleh" after "Haytham": an Arabic article glued to the surname, in lower case.
    std::string_view after = NeighbourWord(text, s, true);
    bool glued_article = after.size() > 4 && (after.starts_with("al-") || after.starts_with("el-")) &&
                         after[3] >= 'A' && after[3] <= 'Z';
    if (IsRegnalNumber(after) || glued_article) s.end = static_cast<size_t>(after.data() - text.data()) + after.size();
  }
}

}  // namespace

std::optional<std::vector<Span>> Engine::AnalyzeWithin(std::string_view text, const Context& context,
                                                       std::chrono::steady_clock::time_point deadline) const {
  auto late = [&] { return std::chrono::steady_clock::now() > deadline; };
  std::vector<Span> spans;
  const std::vector<Word> words = SplitWords(text);
  for (const auto& r : recognizers_) {
    r->FindInWords(text, words, context, spans);
    if (late()) return std::nullopt;
  }
  // Terms of the trade ("Wilma", "Primuksen") are not names, whichever recognizer thought so; a
  // personal-details label before its colon ("Födelseort:", "Religion:") is nothing, its value is
  // what tells. The applicant's own name (confidence 1) always is.
  std::string folded;
  spans.erase(std::remove_if(spans.begin(), spans.end(),
                             [&](const Span& s) {
                               if (s.confidence >= 1.0) return false;
                               const bool label = s.end < text.size() && text[s.end] == ':';
                               if (s.type != EntityType::kPerson && !label) return false;
                               FoldInto(text.substr(s.start, s.end - s.start), folded);
                               return (label && IsFieldLabel(folded)) ||
                                      (s.type == EntityType::kPerson && IsProfessionalTerm(folded));
                             }),
              spans.end());
  KeepOnlyBesideNames(text, spans);
  DropInstitutionNames(text, spans);
  JoinNameParticles(text, spans);
  spans = Normalise(text, std::move(spans));
  // Once a string is found to identify, every occurrence of it is redacted, also where it is glued
  // to other text that the recognizers could not split ("VirtasenAino"). Widening to whole words can
  // produce a longer string that occurs again, so repeat until nothing new is found. Each string is
  // searched for once, and all of a round's strings in one pass, so the work stays linear.
  std::unordered_set<std::string_view> searched;
  for (int round = 0; round < 4; ++round) {
    std::vector<std::string> needles;
    std::vector<Span> kinds;  // the type and confidence each needle carries
    auto add = [&](std::string_view needle, const Span& s) {
      if (needle.size() < 3 || !searched.insert(needle).second) return;
      needles.emplace_back(needle);
      kinds.push_back(s);
    };
    for (const auto& s : spans) {
      // A cue word said of nobody in particular ("isää", "mies": an unsure quasi-identifier) is no
      // string that identifies; searched for, it would also take words it is part of ("sisään").
      if (!IsDirectIdentifier(s.type) && s.confidence < kSureSpan) continue;
      // A gender word is found as a word wherever it stands; searched for as a string, "her" would
      // take "other" and "she" "finished".
      if (s.type == EntityType::kGender) continue;
      std::string_view found = text.substr(s.start, s.end - s.start);
      add(found, s);
      // A full name once found gives away its parts too: "Ana Torres" … later "Torres".
      if (s.type == EntityType::kPerson && found.find(' ') != std::string_view::npos) {
        for (const auto& w : SplitWords(found)) {
          std::string_view part = found.substr(w.start, w.end - w.start);
          auto first = static_cast<unsigned char>(part[0]);
          if ((first >= 'A' && first <= 'Z') || first >= 0xC3) add(part, s);
        }
      }
    }
    if (needles.empty()) break;
    std::vector<Span> extra;
    LiteralMatcher(needles).FindLongestAtEachEnd(text, [&](size_t index, size_t pos) {
      size_t length = needles[index].size();
      if (!Covered(spans, pos, length))
        extra.push_back(Span{pos, pos + length, kinds[index].type, kinds[index].confidence});
    });
    if (extra.empty()) break;
    spans.insert(spans.end(), extra.begin(), extra.end());
    spans = Normalise(text, std::move(spans));
    if (late()) return std::nullopt;
  }
  return spans;
}

std::string Placeholder(EntityType type, std::string_view lang) {
  const auto& p = Info(type).placeholder;
  return std::string(lang == "sv" ? p[1] : lang == "en" ? p[2] : p[0]);
}

std::string Apply(std::string_view text, const std::vector<Span>& spans, std::string_view lang) {
  std::vector<Span> normal = Normalise(text, spans);
  std::string out;
  size_t pos = 0;
  for (const auto& s : normal) {
    out.append(text.substr(pos, s.start - pos));
    out += Placeholder(s.type, lang);
    pos = s.end;
  }
  out.append(text.substr(pos));
  return out;
}

std::string DetectLanguage(std::string_view text) {
  static const std::array<std::pair<std::string_view, std::array<std::string_view, 10>>, 3> kWords = {{
      {"fi", {"ja", "on", "olen", "että", "ei", "myös", "kanssa", "minä", "työ", "olin"}},
      {"sv", {"och", "är", "jag", "att", "det", "som", "med", "för", "har", "inte"}},
      {"en", {"and", "the", "is", "i", "to", "of", "with", "have", "for", "my"}},
  }};
  std::array<int, 3> score{};
  for (const auto& w : SplitWords(text)) {
    std::string word = Fold(text.substr(w.start, w.end - w.start));
    for (size_t i = 0; i < kWords.size(); ++i) {
      for (auto sw : kWords[i].second) score[i] += (word == sw);
    }
  }
  size_t best = 0;
  for (size_t i = 1; i < score.size(); ++i) {
    if (score[i] > score[best]) best = i;
  }
  return std::string(kWords[best].first);
}

}  // namespace reilu::redact
