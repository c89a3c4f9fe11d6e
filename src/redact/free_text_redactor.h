// Adapts the redaction engine to the intake's FreeTextRedactor seam: the applicant's own names are
// always matched, the text is analysed in the language it is written in, and the placeholders are
// written in the recruitment's language.
#pragma once

#include "core/redaction.h"
#include "redact/redact.h"

namespace reilu::redact {

// Each call has a time budget: a text the engine cannot finish within it gets no proposal (the
// intake then keeps the application and HR writes the reviewers' version; a preview says so).
class EngineRedactor final : public FreeTextRedactor {
 public:
  explicit EngineRedactor(std::chrono::milliseconds budget = std::chrono::seconds(2))
      : engine_(Engine::Default()), budget_(budget) {}
  std::optional<RedactedText> Redact(const FreeText& text, const Identity& identity,
                                     std::string_view reviewers_language) const override;
  Merits RedactMerits(const Merits& merits, const Identity& identity,
                      std::string_view reviewers_language) const override;
  std::optional<RedactionReview> Review(const FreeText& text, const Merits& merits,
                                        const Identity& identity) const override;
  std::string ApplySpans(std::string_view text, const std::vector<ProposedSpan>& spans,
                         std::string_view reviewers_language) const override;
  std::optional<std::vector<ProposedSpan>> FindSpans(std::string_view text, const Identity& identity) const override;
  std::string Label(std::string_view type, std::string_view reviewers_language) const override;

 private:
  using Deadline = std::chrono::steady_clock::time_point;
  // Now plus the budget, after the engine's one-time loading (which the budget does not cover).
  Deadline StartBudget() const;
  std::vector<std::string> OwnNames(const Identity& identity) const;
  std::string TextLanguage(const std::string& input, const Identity& identity) const;
  // What the engine is told of the applicant: their names, home municipality and form values.
  Context ContextFor(const std::string& input, const Identity& identity) const;
  std::optional<std::string> RedactOne(const std::string& input, const Identity& identity,
                                       std::string_view reviewers_language, Deadline deadline) const;
  Engine engine_;
  std::chrono::milliseconds budget_;
};

}  // namespace reilu::redact
