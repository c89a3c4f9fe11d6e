#include "redact/free_text_redactor.h"

namespace reilu::redact {

std::optional<RedactedText> EngineRedactor::Redact(const FreeText& text, const Identity& identity) const {
  std::vector<std::string> names;
  for (const auto* n : {&identity.first_name, &identity.last_name}) {
    if (!n->empty()) names.push_back(*n);
  }
  auto one = [&](const std::string& input) {
    std::string lang = identity.language.empty() ? DetectLanguage(input) : identity.language;
    return Apply(input, engine_.Analyze(input, Context{lang, names}), lang);
  };
  RedactedText out;
  out.cover_letter = one(text.cover_letter);
  for (const auto& a : text.answers) out.answers.push_back(Answer{a.question_id, one(a.text)});
  return out;
}

}  // namespace reilu::redact
