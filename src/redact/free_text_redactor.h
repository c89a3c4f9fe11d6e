// Adapts the redaction engine to the intake's FreeTextRedactor seam: the applicant's own names are
// always matched, and the text is redacted in the language the applicant applied in.
#pragma once

#include "core/redaction.h"
#include "redact/redact.h"

namespace reilu::redact {

class EngineRedactor final : public FreeTextRedactor {
 public:
  EngineRedactor() : engine_(Engine::Default()) {}
  std::optional<RedactedText> Redact(const FreeText& text, const Identity& identity) const override;
  Merits RedactMerits(const Merits& merits, const Identity& identity) const override;

 private:
  std::string RedactOne(const std::string& input, const Identity& identity) const;
  Engine engine_;
};

}  // namespace reilu::redact
