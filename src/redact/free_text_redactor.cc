#include "redact/free_text_redactor.h"

namespace reilu::redact {

std::string EngineRedactor::RedactOne(const std::string& input, const Identity& identity) const {
  if (input.empty()) return input;
  std::vector<std::string> names;
  for (const auto* n : {&identity.first_name, &identity.last_name}) {
    if (!n->empty()) names.push_back(*n);
  }
  std::string lang = identity.language.empty() ? DetectLanguage(input) : identity.language;
  return Apply(input, engine_.Analyze(input, Context{lang, names}), lang);
}

Merits EngineRedactor::RedactMerits(const Merits& merits, const Identity& identity) const {
  Merits out = merits;
  for (auto& e : out.education) {
    for (auto* field : {&e.level, &e.field, &e.institution}) *field = RedactOne(*field, identity);
  }
  for (auto& x : out.experience) {
    for (auto* field : {&x.title, &x.employer}) *field = RedactOne(*field, identity);
  }
  for (auto& skill : out.skills) skill = RedactOne(skill, identity);
  for (auto& l : out.languages) {
    for (auto* field : {&l.language, &l.level}) *field = RedactOne(*field, identity);
  }
  return out;
}

std::optional<RedactedText> EngineRedactor::Redact(const FreeText& text, const Identity& identity) const {
  auto one = [&](const std::string& input) { return RedactOne(input, identity); };
  RedactedText out;
  out.cover_letter = one(text.cover_letter);
  for (const auto& a : text.answers) out.answers.push_back(Answer{a.question_id, one(a.text)});
  return out;
}

}  // namespace reilu::redact
