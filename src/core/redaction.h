// The seam the redaction engine (src/redact) fills. Until a real engine is wired in, the intake
// uses NoRedaction, which produces nothing: reviewers then see "redaction pending", never raw text.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/application.h"

namespace reilu {

// One stretch of a text the engine proposes to hide (UTF-8 byte offsets, end exclusive).
struct ProposedSpan {
  size_t start = 0;
  size_t end = 0;
  std::string type;         // "PERSON", "PHONE", ... (redact::EntityTypeName)
  double confidence = 1.0;  // below kSureSpan the engine is unsure: the text needs a look
  bool operator==(const ProposedSpan&) const = default;
};
inline constexpr double kSureSpan = 0.7;

// A text as HR checks it before release: the original and what the engine proposes to hide.
struct TextReview {
  std::string field;  // "cover_letter", or the question id of an answer
  std::string original;
  std::vector<ProposedSpan> spans;
};

// A merit string HR should look at: an employer or school that names a place ("Kangasalan kunta"
// tells where someone lives), or one the engine changed.
struct MeritFlag {
  std::string field;  // "experience.employer", "education.institution", ...
  std::string value;
  std::string reason;  // "names_a_place", "redacted"
};

struct RedactionReview {
  std::vector<TextReview> texts;
  std::vector<MeritFlag> merit_flags;
  // Unsure spans or flagged merits: such an application is not released in bulk.
  bool NeedsALook() const {
    if (!merit_flags.empty()) return true;
    for (const auto& t : texts) {
      for (const auto& s : t.spans) {
        if (s.confidence < kSureSpan) return true;
      }
    }
    return false;
  }
};

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
  // What the engine proposes for each text, and the merits to look at; nothing when this redactor
  // cannot tell.
  virtual std::optional<RedactionReview> Review(const FreeText& /*text*/, const Merits& /*merits*/,
                                                const Identity& /*identity*/) const {
    return std::nullopt;
  }
  // What the engine proposes to hide in one longer text (an attachment's), in the text's own
  // language; nothing when this redactor cannot tell (or not in time).
  virtual std::optional<std::vector<ProposedSpan>> FindSpans(std::string_view /*text*/,
                                                             const Identity& /*identity*/) const {
    return std::nullopt;
  }
  // The placeholder reviewers see for a span of `type` ("PERSON" → "[NIMI]").
  virtual std::string Label(std::string_view /*type*/, std::string_view /*reviewers_language*/) const { return "[…]"; }
  // `text` with `spans` replaced by placeholders in `reviewers_language`. REQUIRES: the spans lie
  // inside the text on UTF-8 character boundaries.
  virtual std::string ApplySpans(std::string_view text, const std::vector<ProposedSpan>& spans,
                                 std::string_view /*reviewers_language*/) const {
    std::string out;
    size_t pos = 0;
    for (const auto& s : spans) {
      if (s.start < pos) continue;
      out.append(text.substr(pos, s.start - pos));
      out += "[…]";
      pos = s.end;
    }
    out.append(text.substr(pos));
    return out;
  }
};

class NoRedaction final : public FreeTextRedactor {
 public:
  std::optional<RedactedText> Redact(const FreeText&, const Identity&, std::string_view) const override {
    return std::nullopt;
  }
};

}  // namespace reilu
