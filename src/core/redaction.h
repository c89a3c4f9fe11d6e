// The seam the redaction engine (src/redact) fills. Until a real engine is wired in, the intake
// uses NoRedaction, which produces nothing: reviewers then see "redaction pending", never raw text.
#pragma once

#include <optional>

#include "core/application.h"

namespace reilu {

class FreeTextRedactor {
 public:
  virtual ~FreeTextRedactor() = default;
  // Returns the reviewers' rendition of `text`, or nothing when this redactor cannot vouch for one.
  virtual std::optional<RedactedText> Redact(const FreeText& text, const Identity& identity) const = 0;
  // The structured merit fields are typed by the applicant too (an employer may be their own firm,
  // a skill may carry an e-mail address): the same engine scans every string. Returns the merits as
  // reviewers may see them; the default leaves them as they are.
  virtual Merits RedactMerits(const Merits& merits, const Identity& /*identity*/) const { return merits; }
};

class NoRedaction final : public FreeTextRedactor {
 public:
  std::optional<RedactedText> Redact(const FreeText&, const Identity&) const override { return std::nullopt; }
};

}  // namespace reilu
