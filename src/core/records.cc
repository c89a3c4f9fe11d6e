#include "core/records.h"

#include <algorithm>
#include <map>

#include "core/policy.h"

namespace reilu {

std::string_view RecordsDecisionName(RecordsDecision decision) {
  switch (decision) {
    case RecordsDecision::kOpen:
      return "open";
    case RecordsDecision::kDisclose:
      return "disclose";
    case RecordsDecision::kPartly:
      return "partly";
    case RecordsDecision::kRefuse:
      return "refuse";
  }
  return "open";
}

std::optional<RecordsDecision> ParseRecordsDecision(std::string_view name) {
  for (auto d :
       {RecordsDecision::kOpen, RecordsDecision::kDisclose, RecordsDecision::kPartly, RecordsDecision::kRefuse}) {
    if (RecordsDecisionName(d) == name) return d;
  }
  return std::nullopt;
}

std::string_view DisclosureKindName(DisclosureKind kind) {
  return kind == DisclosureKind::kApplicantList ? "applicant_list" : "masked_copy";
}

namespace {

constexpr size_t kShortText = 300;
constexpr size_t kLongText = 4000;

bool IsBlank(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

Status Text(std::string_view value, size_t max, bool required, const char* field) {
  if (required && IsBlank(value)) return MakeError(ErrorCode::kInvalidInput, "This field is required.", field);
  if (value.size() > max) return MakeError(ErrorCode::kInvalidInput, "The field is too long.", field);
  return OkStatus();
}

}  // namespace

Status ValidateNewRecordsRequest(const RecordsRequest& r, std::string_view today) {
  REILU_TRY(Text(r.requester, kShortText, true, "requester"));
  REILU_TRY(Text(r.requester_contact, kShortText, false, "requester_contact"));
  REILU_TRY(Text(r.subject, kLongText, true, "subject"));
  if (!IsIsoDate(r.received_on)) {
    return MakeError(ErrorCode::kInvalidInput, "Give the day the request arrived as YYYY-MM-DD.", "received_on");
  }
  if (r.received_on > today) {
    return MakeError(ErrorCode::kInvalidInput, "The request cannot arrive in the future.", "received_on");
  }
  if (!r.applicant_list && !r.applications) {
    return MakeError(ErrorCode::kInvalidInput, "Say what was asked: the list of applicants, applications or both.",
                     "applicant_list");
  }
  return OkStatus();
}

Status ValidateRecordsDecision(const RecordsRequest& current, RecordsDecision decision, std::string_view ground,
                               std::string_view explanation) {
  if (current.decision != RecordsDecision::kOpen) {
    return MakeError(ErrorCode::kDecided, "This request has been decided.");
  }
  if (decision == RecordsDecision::kOpen) {
    return MakeError(ErrorCode::kInvalidInput, "Decide to disclose, disclose partly or refuse.", "decision");
  }
  REILU_TRY(Text(ground, kShortText, decision != RecordsDecision::kDisclose, "ground"));
  REILU_TRY(Text(explanation, kLongText, decision == RecordsDecision::kRefuse, "explanation"));
  return OkStatus();
}

bool RequestAllowsIdentityReads(const RecordsRequest& r) { return r.decision != RecordsDecision::kRefuse; }

Status CheckMayDisclose(const RecordsRequest& r, DisclosureKind kind, const Recruitment& recruitment, UnixTime now) {
  if (r.decision != RecordsDecision::kDisclose && r.decision != RecordsDecision::kPartly) {
    return MakeError(ErrorCode::kConflict, r.decision == RecordsDecision::kOpen
                                               ? "Record the decision to disclose before giving anything out."
                                               : "This request was refused: nothing is given out.");
  }
  bool asked = kind == DisclosureKind::kApplicantList ? r.applicant_list : r.applications;
  if (!asked) return MakeError(ErrorCode::kConflict, "The request did not ask for this document.");
  if (!ApplicationPeriodOver(recruitment, now)) {
    return MakeError(ErrorCode::kScreeningNotOpen, "Applicants are made public after the application period.");
  }
  return OkStatus();
}

Status ValidateWishOverride(const RecordsRequest& request, std::string_view ground) {
  if (request.decision != RecordsDecision::kDisclose && request.decision != RecordsDecision::kPartly) {
    return MakeError(ErrorCode::kConflict, "Decide to disclose the request first.");
  }
  if (!IsMeaningfulReason(ground)) {
    return MakeError(ErrorCode::kReasonRequired, "Give the ground on which the name is public despite the wish.",
                     "ground");
  }
  if (ground.size() > 2000) return MakeError(ErrorCode::kInvalidInput, "The ground is too long.", "ground");
  return OkStatus();
}

std::vector<ListedApplicant> ApplicantList(const std::vector<IdentifiedApplication>& applications,
                                           const std::map<ApplicationId, std::string>& overrides) {
  std::vector<const IdentifiedApplication*> kept;
  for (const auto& a : applications) {
    if (!a.anonymous.withdrawn) kept.push_back(&a);
  }
  auto name_of = [](const IdentifiedApplication* a) { return a->identity.last_name + ", " + a->identity.first_name; };
  std::sort(kept.begin(), kept.end(), [&](auto* a, auto* b) { return name_of(a) < name_of(b); });
  std::vector<ListedApplicant> out;
  int position = 0;
  for (const auto* a : kept) {
    ListedApplicant line;
    line.reference = std::to_string(++position);
    line.application_id = a->anonymous.id;
    const auto overridden = overrides.find(a->anonymous.id);
    line.withheld = a->identity.non_disclosure_wish && overridden == overrides.end();
    if (a->identity.non_disclosure_wish && overridden != overrides.end()) line.wish_overridden = overridden->second;
    if (!line.withheld) line.name = a->identity.first_name + " " + a->identity.last_name;
    out.push_back(std::move(line));
  }
  return out;
}

namespace {

enum class SecretKind { kIdCode, kContact, kBirth, kHealth, kCircumstances };

std::optional<SecretKind> SecretKindOf(std::string_view type) {
  static const std::map<std::string_view, SecretKind> kinds = {
      {"ID_CODE", SecretKind::kIdCode},         {"PHONE", SecretKind::kContact},
      {"EMAIL", SecretKind::kContact},          {"URL", SecretKind::kContact},
      {"ADDRESS", SecretKind::kContact},        {"POSTAL", SecretKind::kContact},
      {"BIRTH_DATE", SecretKind::kBirth},       {"AGE", SecretKind::kBirth},
      {"HEALTH", SecretKind::kHealth},          {"FAMILY", SecretKind::kCircumstances},
      {"RELIGION", SecretKind::kCircumstances}, {"AFFILIATION", SecretKind::kCircumstances},
  };
  auto it = kinds.find(type);
  if (it == kinds.end()) return std::nullopt;
  return it->second;
}

// What stands in a copy where a secret part was: the kind of secret, in the copy's language.
std::string MaskLabel(SecretKind kind, std::string_view lang) {
  struct Labels {
    const char* fi;
    const char* sv;
    const char* en;
  };
  static const std::map<SecretKind, Labels> labels = {
      {SecretKind::kIdCode, {"henkilötunnus", "personbeteckning", "personal identity code"}},
      {SecretKind::kContact, {"yhteystieto", "kontaktuppgift", "contact detail"}},
      {SecretKind::kBirth, {"syntymäaika tai ikä", "födelsedatum eller ålder", "birth date or age"}},
      {SecretKind::kHealth, {"terveydentila", "hälsotillstånd", "health"}},
      {SecretKind::kCircumstances, {"henkilökohtaiset olot", "personliga förhållanden", "personal circumstances"}},
  };
  const Labels& l = labels.at(kind);
  return InLanguage(lang, std::string("[salassa pidettävä: ") + l.fi + "]",
                    std::string("[sekretessbelagt: ") + l.sv + "]", std::string("[secret: ") + l.en + "]");
}

std::string MaskText(std::string_view text, std::vector<ProposedSpan> spans, std::string_view lang, int& masked) {
  std::sort(spans.begin(), spans.end(), [](const auto& a, const auto& b) { return a.start < b.start; });
  std::string out;
  size_t pos = 0;
  for (const auto& s : spans) {
    auto kind = SecretKindOf(s.type);
    if (!kind || s.start < pos || s.end > text.size() || s.end <= s.start) continue;
    out.append(text.substr(pos, s.start - pos));
    out += MaskLabel(*kind, lang);
    ++masked;
    pos = s.end;
  }
  out.append(text.substr(pos));
  return out;
}

const std::vector<ProposedSpan>* SpansOf(const RedactionReview& review, std::string_view field) {
  for (const auto& t : review.texts) {
    if (t.field == field) return &t.spans;
  }
  return nullptr;
}

}  // namespace

bool IsSecretInCopy(std::string_view span_type) { return SecretKindOf(span_type).has_value(); }

Status MaskMerits(MaskedCopy& copy, const MeritSpanFinder& find, std::string_view lang) {
  auto mask = [&](std::string& value) -> Status {
    if (value.empty()) return OkStatus();
    auto spans = find(value);
    if (!spans) {
      return MakeError(ErrorCode::kRedactionUnavailable,
                       "The secret parts could not be found automatically; mask this copy by hand.");
    }
    value = MaskText(value, *spans, lang, copy.masked_parts);
    return OkStatus();
  };
  for (auto& e : copy.merits.education) {
    for (auto* value : {&e.level, &e.field, &e.institution}) REILU_TRY(mask(*value));
  }
  for (auto& e : copy.merits.experience) {
    for (auto* value : {&e.title, &e.employer}) REILU_TRY(mask(*value));
  }
  for (auto& skill : copy.merits.skills) REILU_TRY(mask(skill));
  for (auto& l : copy.merits.languages) {
    for (auto* value : {&l.language, &l.level}) REILU_TRY(mask(*value));
  }
  return OkStatus();
}

MaskedCopy MaskForDisclosure(const IdentifiedApplication& a, const RedactionReview& review, std::string_view lang) {
  MaskedCopy copy;
  copy.name = a.identity.first_name + " " + a.identity.last_name;
  copy.merits = a.original_merits.value_or(a.anonymous.merits);
  auto masked = [&](std::string_view field, const std::string& text) {
    const auto* spans = SpansOf(review, field);
    return spans ? MaskText(text, *spans, lang, copy.masked_parts) : text;
  };
  copy.cover_letter = masked("cover_letter", a.free_text.cover_letter);
  for (const auto& answer : a.free_text.answers) {
    copy.answers.push_back({answer.question_id, masked(answer.question_id, answer.text)});
  }
  return copy;
}

}  // namespace reilu
