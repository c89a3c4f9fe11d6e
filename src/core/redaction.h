// The seam the redaction engine (src/redact) fills. Until a real engine is wired in, the intake
// uses NoRedaction, which produces nothing: reviewers then see "redaction pending", never raw text.
#pragma once

#include <optional>
#include <string_view>

#include "core/application.h"

namespace reilu {

class FreeTextRedactor {
 public:
  virtual ~FreeTextRedactor() = default;
  // Returns the reviewers' rendition of `text`, or nothing when this redactor cannot vouch for one.
  // Placeholders are written in `reviewers_language` (the recruitment's), never the applicant's:
  // "[NAMN]" in a Finnish recruitment would tell that a Swedish speaker applied.
  virtual std::optional<RedactedText> Redact(const FreeText& text, const Identity& identity,
                                             std::string_view reviewers_language) const = 0;
  // The structured merit fields are typed by the applicant too (an employer may be their own firm,
  // a skill may carry an e-mail address): the same engine scans every string. Returns the merits as
  // reviewers may see them; the default leaves them as they are.
  virtual Merits RedactMerits(const Merits& merits, const Identity& /*identity*/,
                              std::string_view /*reviewers_language*/) const {
    return merits;
  }
};

class NoRedaction final : public FreeTextRedactor {
 public:
  std::optional<RedactedText> Redact(const FreeText&, const Identity&, std::string_view) const override {
    return std::nullopt;
  }
};

}  // namespace reilu
