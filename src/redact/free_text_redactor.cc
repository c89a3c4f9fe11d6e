#include "redact/free_text_redactor.h"

#include "redact/place_gazetteer.h"

#include "redact/text_util.h"

namespace reilu::redact {

std::vector<std::string> EngineRedactor::OwnNames(const Identity& identity) const {
  std::vector<std::string> names;
  for (const auto* n : {&identity.first_name, &identity.last_name}) {
    if (!n->empty()) names.push_back(*n);
  }
  return names;
}

Context EngineRedactor::ContextFor(const std::string& input, const Identity& identity) const {
  Context context{TextLanguage(input, identity), OwnNames(identity)};
  if (!identity.municipality.empty()) context.known_places.push_back(identity.municipality);
  for (const auto& [type, value] :
       {std::pair{EntityType::kEmail, &identity.email}, std::pair{EntityType::kPhone, &identity.phone},
        std::pair{EntityType::kAddress, &identity.street_address},
        std::pair{EntityType::kPostal, &identity.postal_code},
        std::pair{EntityType::kBirthDate, &identity.birth_date}}) {
    if (!value->empty()) context.known_values.emplace_back(type, *value);
  }
  return context;
}

EngineRedactor::Deadline EngineRedactor::StartBudget() const {
  engine_.Warm();
  return std::chrono::steady_clock::now() + budget_;
}

std::string EngineRedactor::TextLanguage(const std::string& input, const Identity& identity) const {
  return identity.language.empty() ? DetectLanguage(input) : identity.language;
}

std::optional<std::string> EngineRedactor::RedactOne(const std::string& input, const Identity& identity,
                                                     std::string_view reviewers_language, Deadline deadline) const {
  if (input.empty()) return input;
  auto spans = engine_.AnalyzeWithin(input, ContextFor(input, identity), deadline);
  if (!spans) return std::nullopt;
  return Apply(input, *spans, reviewers_language);
}

Merits EngineRedactor::RedactMerits(const Merits& merits, const Identity& identity,
                                    std::string_view reviewers_language) const {
  const Deadline deadline = StartBudget();
  Merits out = merits;
  // A merit string that could not be checked in time is withheld rather than shown as typed.
  auto one = [&](std::string& field) {
    field = RedactOne(field, identity, reviewers_language, deadline).value_or(std::string());
  };
  for (auto& e : out.education) {
    for (auto* field : {&e.level, &e.field, &e.institution}) one(*field);
  }
  for (auto& x : out.experience) {
    for (auto* field : {&x.title, &x.employer}) one(*field);
  }
  for (auto& skill : out.skills) one(skill);
  for (auto& l : out.languages) {
    for (auto* field : {&l.language, &l.level}) one(*field);
  }
  return out;
}

std::optional<RedactedText> EngineRedactor::Redact(const FreeText& text, const Identity& identity,
                                                   std::string_view reviewers_language) const {
  const Deadline deadline = StartBudget();
  RedactedText out;
  auto cover = RedactOne(text.cover_letter, identity, reviewers_language, deadline);
  if (!cover) return std::nullopt;
  out.cover_letter = std::move(*cover);
  for (const auto& a : text.answers) {
    auto answer = RedactOne(a.text, identity, reviewers_language, deadline);
    if (!answer) return std::nullopt;
    out.answers.push_back(Answer{a.question_id, std::move(*answer)});
  }
  return out;
}

std::optional<RedactionReview> EngineRedactor::Review(const FreeText& text, const Merits& merits,
                                                      const Identity& identity) const {
  const Deadline deadline = StartBudget();
  RedactionReview review;
  auto one = [&](const std::string& field, const std::string& input) -> bool {
    TextReview t{field, input, {}};
    if (!input.empty()) {
      auto spans = engine_.AnalyzeWithin(input, ContextFor(input, identity), deadline);
      if (!spans) return false;
      for (const auto& s : *spans) {
        t.spans.push_back(ProposedSpan{s.start, s.end, std::string(EntityTypeName(s.type)), s.confidence});
      }
    }
    review.texts.push_back(std::move(t));
    return true;
  };
  if (!one("cover_letter", text.cover_letter)) return std::nullopt;
  for (const auto& a : text.answers) {
    if (!one(a.question_id, a.text)) return std::nullopt;
  }
  // Employers and schools that name a place tell where someone lives or comes from; the engine
  // cannot know whether that matters here, so HR decides (e.g. "a municipality").
  auto check = [&](const std::string& field, const std::string& value) {
    if (value.empty()) return;
    auto spans = engine_.Analyze(value, ContextFor(value, identity));
    if (!spans.empty()) {
      review.merit_flags.push_back(MeritFlag{field, value, "redacted"});
      return;
    }
    for (const auto& w : SplitWords(value)) {
      std::string_view word = std::string_view(value).substr(w.start, w.end - w.start);
      auto first = static_cast<unsigned char>(word[0]);
      bool capital = (first >= 'A' && first <= 'Z') || first == 0xC3;
      if (capital && NamesAPlace(word)) {
        review.merit_flags.push_back(MeritFlag{field, value, "names_a_place"});
        return;
      }
    }
  };
  for (const auto& e : merits.experience) check("experience.employer", e.employer);
  for (const auto& e : merits.education) check("education.institution", e.institution);
  return review;
}

std::string EngineRedactor::ApplySpans(std::string_view text, const std::vector<ProposedSpan>& spans,
                                       std::string_view reviewers_language) const {
  std::vector<Span> engine_spans;
  for (const auto& s : spans) {
    engine_spans.push_back(Span{s.start, s.end, ParseEntityType(s.type).value_or(EntityType::kPerson), s.confidence});
  }
  return Apply(text, engine_spans, reviewers_language);
}

std::optional<std::vector<ProposedSpan>> EngineRedactor::FindSpans(std::string_view text,
                                                                   const Identity& identity) const {
  const std::string input(text);
  auto spans = engine_.AnalyzeWithin(input, ContextFor(input, identity), StartBudget());
  if (!spans) return std::nullopt;
  std::vector<ProposedSpan> out;
  for (const auto& s : *spans) {
    out.push_back(ProposedSpan{s.start, s.end, std::string(EntityTypeName(s.type)), s.confidence});
  }
  return out;
}

std::string EngineRedactor::Label(std::string_view type, std::string_view reviewers_language) const {
  return Placeholder(ParseEntityType(type).value_or(EntityType::kPerson), reviewers_language);
}

}  // namespace reilu::redact
