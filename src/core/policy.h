// The organisation's anonymity policy and the decision it makes for one recruitment.
// Default follows the Kemijärvi council decision (2021): permanent posts are always processed
// anonymously; fixed-term posts are anonymous by default and turning that off is a recorded exception.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"

namespace reilu {

// virka = public-office relationship; työsuhde = employment contract.
enum class EmploymentRelation { kVirka, kTyosuhde };
enum class EmploymentTerm { kPermanent, kFixedTerm };

std::string_view EmploymentRelationName(EmploymentRelation r);
std::optional<EmploymentRelation> ParseEmploymentRelation(std::string_view s);
std::string_view EmploymentTermName(EmploymentTerm t);
std::optional<EmploymentTerm> ParseEmploymentTerm(std::string_view s);

enum class AnonymityRule {
  kMandatory,  // always anonymous; cannot be turned off
  kDefaultOn,  // anonymous unless turned off with a recorded reason
  kOptional,   // off unless the recruiter turns it on
};

std::string_view AnonymityRuleName(AnonymityRule r);
std::optional<AnonymityRule> ParseAnonymityRule(std::string_view s);

struct AnonymityPolicy {
  AnonymityRule permanent = AnonymityRule::kMandatory;
  AnonymityRule fixed_term = AnonymityRule::kDefaultOn;

  AnonymityRule RuleFor(EmploymentTerm term) const {
    return term == EmploymentTerm::kPermanent ? permanent : fixed_term;
  }
};

// What the recruiter asked for; `anonymous` empty means "use the policy's default".
struct AnonymityRequest {
  std::optional<bool> anonymous;
  std::string exception_reason;
};

struct AnonymityChoice {
  bool anonymous = true;
  // Non-empty exactly when anonymity was turned off against a default-on rule.
  std::string exception_reason;
};

// A reason must say something: at least this many non-space characters.
inline constexpr size_t kMinReasonLength = 10;
bool IsMeaningfulReason(std::string_view reason);

// Applies the policy. Fails with kPolicyViolation when the rule is mandatory and the request is
// "not anonymous", and with kReasonRequired when a default-on rule is overridden without a reason.
Result<AnonymityChoice> DecideAnonymity(const AnonymityPolicy& policy, EmploymentTerm term,
                                        const AnonymityRequest& request);

}  // namespace reilu
