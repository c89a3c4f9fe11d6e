// Review before release: the owning HR specialist reads the original (audited) beside the engine's
// proposal, adjusts it and releases the reviewers' rendition; texts the engine is unsure about are
// left out of bulk release. Every release is audited with what was done.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "service/context.h"

namespace reilu::service {

struct RedactionUnderReview {
  Recruitment recruitment;
  IdentifiedApplication full;
  RedactionReview review;
};
// The owner only; reads the original (audited) and asks the engine for its proposal.
Result<RedactionUnderReview> LoadRedactionReview(Context& ctx, const User& actor, RecruitmentId id,
                                                 const ApplicationId& app);

// What HR releases: exactly one of the final spans per text field, a text HR wrote, or (neither)
// the proposal as it is.
struct ReleaseChoice {
  std::optional<std::map<std::string, std::vector<ProposedSpan>>> spans;
  std::optional<RedactedText> written;
};
struct Released {
  store::RedactionReleaseNote note;
  AnonymousApplication application;  // as reviewers now see it
};
Result<Released> ReleaseRedaction(Context& ctx, const User& actor, const RedactionUnderReview& reviewed,
                                  const ReleaseChoice& choice);

struct BulkRelease {
  std::vector<ApplicationId> released;
  std::vector<ApplicationId> needs_a_look;
};
// Releases the proposals nothing is flagged in (all unreleased when `wanted` is empty). `mode` is
// what the audit log says was done ("bulk"; the demo says "demo_unchecked").
Result<BulkRelease> ReleaseUnflagged(Context& ctx, const User& actor, RecruitmentId id,
                                     const std::vector<ApplicationId>& wanted, const std::string& mode = "bulk");

}  // namespace reilu::service
