#include "redact/free_text_redactor.h"

namespace reilu::redact {

std::optional<std::string> EngineRedactor::RedactOne(const std::string& input, const Identity& identity,
                                                     std::string_view reviewers_language, Deadline deadline) const {
  if (input.empty()) return input;
  std::vector<std::string> names;
  for (const auto* n : {&identity.first_name, &identity.last_name}) {
    if (!n->empty()) names.push_back(*n);
  }
  std::string lang = identity.language.empty() ? DetectLanguage(input) : identity.language;
  auto spans = engine_.AnalyzeWithin(input, Context{lang, names}, deadline);
  if (!spans) return std::nullopt;
  return Apply(input, *spans, reviewers_language);
}

Merits EngineRedactor::RedactMerits(const Merits& merits, const Identity& identity,
                                    std::string_view reviewers_language) const {
  const Deadline deadline = std::chrono::steady_clock::now() + budget_;
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
  const Deadline deadline = std::chrono::steady_clock::now() + budget_;
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

}  // namespace reilu::redact
