// Public-records requests (asiakirjapyynnöt) answered by the registry office (kirjaamo).
// Applications to a public post are public documents: once the application period is over anyone
// may ask for the list of applicants or copies of applications. Secret parts (personal identity
// code, health, personal circumstances, contact details) are masked out of a copy. The registry
// reads identity only for a request it has recorded, and every disclosure is logged.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/application.h"
#include "core/recruitment.h"
#include "core/redaction.h"
#include "core/result.h"
#include "core/types.h"

namespace reilu {

using RecordsRequestId = std::int64_t;

enum class RecordsDecision {
  kOpen,      // recorded, not yet decided
  kDisclose,  // the documents are given (secret parts masked)
  kPartly,    // some documents or parts are given, the rest refused on the stated ground
  kRefuse,    // refused on the stated ground
};
std::string_view RecordsDecisionName(RecordsDecision decision);
std::optional<RecordsDecision> ParseRecordsDecision(std::string_view name);

struct RecordsRequest {
  RecordsRequestId id = 0;
  OrgId org_id = 0;
  RecruitmentId recruitment_id = 0;
  std::string requester;          // who asked, as they gave it (a person, a newspaper, …)
  std::string requester_contact;  // where the answer goes (e-mail or postal address)
  std::string received_on;        // YYYY-MM-DD, the day the request arrived
  std::string subject;            // what was asked, in the requester's words
  bool applicant_list = false;    // asks for the list of applicants
  bool applications = false;      // asks for copies of applications
  RecordsDecision decision = RecordsDecision::kOpen;
  std::string ground;       // the legal ground of a refusal or partial refusal
  std::string explanation;  // the reasoning given to the requester
  std::string answered_on;  // YYYY-MM-DD, set with the decision
  UserId registered_by = 0;
  UserId decided_by = 0;
  // Applicants whose non-disclosure wish the registry found the law not to support in this
  // request, each with the ground (the name is then given): application id → ground.
  std::map<ApplicationId, std::string> wish_overrides;
};

// A required text may not be blank, and every text has a limit.
Status ValidateNewRecordsRequest(const RecordsRequest& request, std::string_view today);
// A refusal (whole or partial) states its legal ground; a request is decided once.
Status ValidateRecordsDecision(const RecordsRequest& current, RecordsDecision decision, std::string_view ground,
                               std::string_view explanation);

// The registry office reads identity for a request until it has been refused.
bool RequestAllowsIdentityReads(const RecordsRequest& request);

enum class DisclosureKind { kApplicantList, kMaskedCopy };
std::string_view DisclosureKindName(DisclosureKind kind);

// What may be given out now: the request was decided to be (partly) disclosed, it asked for this
// kind of document, and the application period is over (before that the applicants are not known
// to the public and the list would tell who applied while others still can).
Status CheckMayDisclose(const RecordsRequest& request, DisclosureKind kind, const Recruitment& recruitment,
                        UnixTime now);

// One entry of the disclosure log: what was given out for which request.
struct Disclosure {
  std::int64_t id = 0;
  RecordsRequestId request_id = 0;
  DisclosureKind kind = DisclosureKind::kApplicantList;
  ApplicationId application_id;  // for a masked copy
  UserId actor = 0;
  UnixTime at = 0;
};

// One line of a disclosed list of applicants: the name, or that it is withheld because the
// applicant asked for non-disclosure.
struct ListedApplicant {
  std::string reference;  // the application's position in the list (1, 2, …), not its id
  std::string name;       // empty when withheld
  bool withheld = false;
  ApplicationId application_id;  // for the registry to decide on a withheld name; never printed
  std::string wish_overridden;   // the ground, where a wish was found not to hold
};
// Applicants in the order of their names (not of arrival), withdrawn ones left out; a wish is
// honoured unless `overrides` names the application.
std::vector<ListedApplicant> ApplicantList(const std::vector<IdentifiedApplication>& applications,
                                           const std::map<ApplicationId, std::string>& overrides = {});

// The registry gives a withheld name after all: a request decided to be (partly) disclosed, and a
// ground (why no secrecy provision protects this name).
Status ValidateWishOverride(const RecordsRequest& request, std::string_view ground);

// The parts of a text that are secret in a copy given to the public: the personal identity code,
// contact details, birth date and age, health, family and religion (personal circumstances).
bool IsSecretInCopy(std::string_view span_type);

// A copy of one application as it may be given out: the name (public), the merits as written and
// the free text with the secret parts replaced by the ground they are secret on.
struct MaskedCopy {
  std::string name;
  Merits merits;
  std::string cover_letter;
  std::vector<Answer> answers;
  int masked_parts = 0;
};
// `review` is the redaction engine's reading of the application's free text (spans by field);
// only the spans IsSecretInCopy are masked.
MaskedCopy MaskForDisclosure(const IdentifiedApplication& application, const RedactionReview& review,
                             std::string_view lang);
// The copy's merit strings get the same treatment (a phone number typed into an employer field):
// `find` is the engine's reading of one string, nothing when it cannot tell (then the copy is
// refused with kRedactionUnavailable rather than given with a secret in it).
using MeritSpanFinder = std::function<std::optional<std::vector<ProposedSpan>>(std::string_view)>;
Status MaskMerits(MaskedCopy& copy, const MeritSpanFinder& find, std::string_view lang);

}  // namespace reilu
