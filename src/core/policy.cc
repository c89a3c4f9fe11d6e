#include "core/policy.h"

#include <cctype>

namespace reilu {

std::string_view EmploymentRelationName(EmploymentRelation r) {
  return r == EmploymentRelation::kVirka ? "virka" : "tyosuhde";
}
std::optional<EmploymentRelation> ParseEmploymentRelation(std::string_view s) {
  if (s == "virka") return EmploymentRelation::kVirka;
  if (s == "tyosuhde") return EmploymentRelation::kTyosuhde;
  return std::nullopt;
}
std::string_view EmploymentTermName(EmploymentTerm t) {
  return t == EmploymentTerm::kPermanent ? "permanent" : "fixed_term";
}
std::optional<EmploymentTerm> ParseEmploymentTerm(std::string_view s) {
  if (s == "permanent") return EmploymentTerm::kPermanent;
  if (s == "fixed_term") return EmploymentTerm::kFixedTerm;
  return std::nullopt;
}
std::string_view AnonymityRuleName(AnonymityRule r) {
  switch (r) {
    case AnonymityRule::kMandatory:
      return "mandatory";
    case AnonymityRule::kDefaultOn:
      return "default_on";
    case AnonymityRule::kOptional:
      return "optional";
  }
  return "mandatory";
}
std::optional<AnonymityRule> ParseAnonymityRule(std::string_view s) {
  for (auto r : {AnonymityRule::kMandatory, AnonymityRule::kDefaultOn, AnonymityRule::kOptional}) {
    if (AnonymityRuleName(r) == s) return r;
  }
  return std::nullopt;
}

bool IsMeaningfulReason(std::string_view reason) {
  size_t visible = 0;
  for (unsigned char c : reason) {
    if (!std::isspace(c)) ++visible;
  }
  return visible >= kMinReasonLength;
}

Result<AnonymityChoice> DecideAnonymity(const AnonymityPolicy& policy, EmploymentTerm term,
                                        const AnonymityRequest& request) {
  switch (policy.RuleFor(term)) {
    case AnonymityRule::kMandatory:
      if (request.anonymous == false) {
        return MakeError(ErrorCode::kPolicyViolation,
                         "The organisation's policy requires anonymous processing for this kind of post.", "anonymous");
      }
      return AnonymityChoice{true, {}};
    case AnonymityRule::kDefaultOn:
      if (request.anonymous == false) {
        if (!IsMeaningfulReason(request.exception_reason)) {
          return MakeError(ErrorCode::kReasonRequired,
                           "Turning anonymous processing off needs a recorded reason (at least 10 characters).",
                           "anonymity_exception_reason");
        }
        return AnonymityChoice{false, request.exception_reason};
      }
      return AnonymityChoice{true, {}};
    case AnonymityRule::kOptional: {
      // No reason is needed, but one given is kept: the council's report shows it.
      const bool anonymous = request.anonymous.value_or(false);
      return AnonymityChoice{anonymous, anonymous ? std::string() : request.exception_reason};
    }
  }
  return AnonymityChoice{true, {}};
}

}  // namespace reilu
