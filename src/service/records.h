// The registry office's use cases for public-records requests (core/records.h): the register,
// the decision, and what may be given out from a decided request, each logged. Identity is read
// only through a request the registry recorded; the recruitment's owner sees the requests on
// their recruitments (and every read, through ListIdentityReads).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/records.h"
#include "service/context.h"

namespace reilu::service {

// Records a request as it arrived. The registry office only.
Result<RecordsRequest> RegisterRecordsRequest(Context& ctx, const User& actor, RecordsRequest request);

// The registry office and the auditor see every request of the organisation; an HR specialist the
// requests on the recruitments they own; others none (kForbidden).
Result<std::vector<RecordsRequest>> ListRecordsRequests(Context& ctx, const User& actor);

struct RecordsRequestFile {
  RecordsRequest request;
  Recruitment recruitment;
  std::vector<Disclosure> disclosures;
};
// One request with its disclosure log, for those who may see it (kNotFound for others).
Result<RecordsRequestFile> LoadRecordsRequest(Context& ctx, const User& actor, RecordsRequestId id);

// Decides a request still open. The registry office only.
Result<RecordsRequest> DecideRecordsRequest(Context& ctx, const User& actor, RecordsRequestId id,
                                            RecordsDecision decision, const std::string& ground,
                                            const std::string& explanation);

// The gate's answer for the registry office reading one application's identity for a request.
Result<IdentityAccess> RegistryAccess(Context& ctx, const User& actor, const Recruitment& recruitment,
                                      const ApplicationId& application, RecordsRequestId request);

// Gives out the list of applicants of a request decided to be disclosed; reads every applicant's
// identity (audited) and logs the disclosure in one transaction.
Result<std::vector<ListedApplicant>> DiscloseApplicantList(Context& ctx, const User& actor, RecordsRequestId id);

// The registry finds that one applicant's non-disclosure wish has no ground in the law for this
// request (the name is then in the list given out), with the ground; audited.
Status OverrideNonDisclosureWish(Context& ctx, const User& actor, RecordsRequestId id, const ApplicationId& application,
                                 const std::string& ground);

// Gives out a masked copy of one application (core MaskForDisclosure), in the recruitment's
// language; kRedactionUnavailable (and nothing logged) when the engine cannot read the text.
Result<MaskedCopy> DiscloseMaskedCopy(Context& ctx, const User& actor, RecordsRequestId id,
                                      const ApplicationId& application);

// The written decision on a request, with the instructions for a rectification request, to be
// printed and sent to the requester.
struct RecordsDecisionDocument {
  std::string title;
  std::vector<std::string> paragraphs;
};
Result<RecordsDecisionDocument> RecordsDecisionText(Context& ctx, const User& actor, RecordsRequestId id,
                                                    std::string_view lang);

}  // namespace reilu::service
