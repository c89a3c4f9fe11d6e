#include "core/application.h"

#include <algorithm>
#include <set>

#include "core/policy.h"

namespace reilu {

std::vector<std::string> IdentityValues(const Identity& i) {
  std::vector<std::string> values = {i.first_name,   i.last_name,     i.email,          i.phone,
                                     i.birth_date,   i.gender,        i.street_address, i.postal_code,
                                     i.municipality, i.mother_tongue, i.nationality};
  values.erase(std::remove_if(values.begin(), values.end(), [](const auto& v) { return v.empty(); }), values.end());
  return values;
}

namespace {

constexpr size_t kShortField = 200;
constexpr size_t kLongField = 20000;

// Limits are in characters, as the form counts them for the applicant (not in UTF-8 bytes, which
// would make "ä" count twice).
Status Limit(const std::string& value, size_t max, const char* field) {
  size_t characters = 0;
  for (unsigned char c : value) characters += (c & 0xC0) != 0x80;
  if (characters > max) return MakeError(ErrorCode::kInvalidInput, "The field is too long.", field);
  return OkStatus();
}

Status Required(const std::string& value, const char* field) {
  if (value.empty()) return MakeError(ErrorCode::kInvalidInput, "This field is required.", field);
  return Limit(value, kShortField, field);
}

}  // namespace

Status ValidateLengths(const Recruitment& r, const Submission& s) {
  const Identity& id = s.identity;
  for (const auto* f : {&id.first_name, &id.last_name, &id.email, &id.birth_date}) {
    REILU_TRY(Limit(*f, kShortField, "identity"));
  }
  for (const auto* f : {&id.phone, &id.gender, &id.street_address, &id.postal_code, &id.municipality, &id.mother_tongue,
                        &id.nationality}) {
    REILU_TRY(Limit(*f, kShortField, "identity"));
  }
  const Merits& m = s.merits;
  if (m.education.size() > 30 || m.experience.size() > 50 || m.skills.size() > 100 || m.languages.size() > 30) {
    return MakeError(ErrorCode::kInvalidInput, "Too many merit entries.", "merits");
  }
  for (const auto& e : m.education) {
    REILU_TRY(Limit(e.level, kShortField, "merits.education"));
    REILU_TRY(Limit(e.field, kShortField, "merits.education"));
    REILU_TRY(Limit(e.institution, kShortField, "merits.education"));
  }
  for (const auto& e : m.experience) {
    REILU_TRY(Limit(e.title, kShortField, "merits.experience.title"));
    REILU_TRY(Limit(e.employer, kShortField, "merits.experience.employer"));
  }
  for (const auto& skill : m.skills) REILU_TRY(Limit(skill, kShortField, "merits.skills"));
  for (const auto& l : m.languages) {
    REILU_TRY(Limit(l.language, kShortField, "merits.languages.language"));
    REILU_TRY(Limit(l.level, kShortField, "merits.languages.level"));
  }
  REILU_TRY(Limit(s.free_text.cover_letter, kLongField, "free_text.cover_letter"));
  std::set<std::string> answered;
  for (const auto& a : s.free_text.answers) {
    bool known =
        std::any_of(r.questions.begin(), r.questions.end(), [&](const Question& q) { return q.id == a.question_id; });
    if (!known || !answered.insert(a.question_id).second) {
      return MakeError(ErrorCode::kInvalidInput, "Answer to an unknown or repeated question.", "free_text.answers");
    }
    REILU_TRY(Limit(a.text, kLongField, "free_text.answers"));
  }
  return ValidateAttachmentSizes(r, s.attachments);
}

Status ValidateAttachmentSizes(const Recruitment& r, const std::vector<SubmittedAttachment>& attachments) {
  if (attachments.empty()) return OkStatus();
  if (!r.accepts_attachments) {
    return MakeError(ErrorCode::kInvalidInput, "This job ad does not take attachments.", "attachments");
  }
  if (attachments.size() > kMaxAttachments) {
    return MakeError(ErrorCode::kPayloadTooLarge,
                     "At most " + std::to_string(kMaxAttachments) + " attachments can be sent.", "attachments");
  }
  size_t total = 0;
  for (const auto& a : attachments) {
    REILU_TRY(Limit(a.file_name, kShortField, "attachments.file_name"));
    if (a.bytes.empty()) return MakeError(ErrorCode::kInvalidInput, "An attachment is empty.", "attachments");
    if (a.bytes.size() > kMaxAttachmentBytes) {
      return MakeError(ErrorCode::kPayloadTooLarge,
                       "An attachment is larger than " + std::to_string(kMaxAttachmentBytes >> 20) + " MB.",
                       "attachments");
    }
    total += a.bytes.size();
  }
  if (total > kMaxAttachmentsTotalBytes) {
    return MakeError(
        ErrorCode::kPayloadTooLarge,
        "The attachments together are larger than " + std::to_string(kMaxAttachmentsTotalBytes >> 20) + " MB.",
        "attachments");
  }
  return OkStatus();
}

bool IsPlausibleEmail(std::string_view a) {
  const auto at = a.find('@');
  if (a.size() > 254 || at == std::string_view::npos || at == 0 || at > 64) return false;
  if (a.find('@', at + 1) != std::string_view::npos) return false;
  for (char c : a) {
    if (static_cast<unsigned char>(c) <= ' ' || c == '<' || c == '>' || c == ',' || c == '"' || c == ';' || c == '(' ||
        c == ')' || c == '\\' || c == '[' || c == ']') {
      return false;
    }
  }
  std::string_view domain = a.substr(at + 1);
  if (domain.find('.') == std::string_view::npos) return false;
  size_t start = 0;
  while (start <= domain.size()) {
    size_t dot = domain.find('.', start);
    std::string_view label = domain.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
    if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') return false;
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  return true;
}

Status ValidateSubmission(const Recruitment& r, const Submission& s) {
  const Identity& id = s.identity;
  REILU_TRY(Required(id.first_name, "identity.first_name"));
  REILU_TRY(Required(id.last_name, "identity.last_name"));
  REILU_TRY(Required(id.email, "identity.email"));
  if (!IsPlausibleEmail(id.email)) {
    return MakeError(ErrorCode::kInvalidInput, "The e-mail address is not valid.", "identity.email");
  }
  if (!id.birth_date.empty() && !IsIsoDate(id.birth_date)) {
    return MakeError(ErrorCode::kInvalidInput, "Birth date must be YYYY-MM-DD.", "identity.birth_date");
  }
  REILU_TRY(ValidateLengths(r, s));
  if (std::find(r.languages.begin(), r.languages.end(), id.language) == r.languages.end()) {
    return MakeError(ErrorCode::kInvalidInput, "Apply in one of the languages of the ad.", "identity.language");
  }
  const Merits& m = s.merits;
  for (const auto& e : m.experience) {
    REILU_TRY(Required(e.title, "merits.experience.title"));
    if (e.months < 0 || e.months > 12 * 60) {
      return MakeError(ErrorCode::kInvalidInput, "Months must be 0 to 720.", "merits.experience.months");
    }
  }
  for (const auto& skill : m.skills) REILU_TRY(Required(skill, "merits.skills"));
  for (const auto& l : m.languages) REILU_TRY(Required(l.language, "merits.languages.language"));
  for (const auto& q : r.questions) {
    if (!q.required) continue;
    bool has = std::any_of(s.free_text.answers.begin(), s.free_text.answers.end(),
                           [&](const Answer& a) { return a.question_id == q.id && !a.text.empty(); });
    if (!has) {
      return MakeError(ErrorCode::kInvalidInput, "A required question is not answered.", "free_text.answers." + q.id);
    }
  }
  return OkStatus();
}

const std::vector<std::string>& MinimisedIdentityFields() {
  static const std::vector<std::string> fields = {"birth_date", "gender", "nationality", "mother_tongue"};
  return fields;
}

Status ValidateCollectedFields(const std::vector<CollectedField>& fields) {
  std::set<std::string> seen;
  const auto& known = MinimisedIdentityFields();
  for (const auto& f : fields) {
    if (std::find(known.begin(), known.end(), f.field) == known.end() && f.field != kEqualityStatisticsField) {
      return MakeError(ErrorCode::kInvalidInput,
                       "Only birth_date, gender, nationality, mother_tongue and equality_statistics are chosen.",
                       "fields");
    }
    if (!seen.insert(f.field).second) {
      return MakeError(ErrorCode::kInvalidInput, "Each field is listed once.", "fields");
    }
    if (!IsMeaningfulReason(f.legal_basis) || f.legal_basis.size() > 500) {
      return MakeError(ErrorCode::kReasonRequired, "State the legal basis for collecting " + f.field + ".",
                       "fields." + f.field);
    }
  }
  return OkStatus();
}

Status CheckOnlyCollected(const Identity& id, const std::vector<CollectedField>& collected) {
  auto asked = [&](const std::string& field) {
    return std::any_of(collected.begin(), collected.end(), [&](const auto& c) { return c.field == field; });
  };
  const std::pair<const char*, const std::string*> values[] = {{"birth_date", &id.birth_date},
                                                               {"gender", &id.gender},
                                                               {"nationality", &id.nationality},
                                                               {"mother_tongue", &id.mother_tongue}};
  for (const auto& [field, value] : values) {
    if (!value->empty() && !asked(field)) {
      return MakeError(ErrorCode::kInvalidInput, "This employer does not ask for this information.",
                       std::string("identity.") + field);
    }
  }
  return OkStatus();
}

}  // namespace reilu
