// Retention and disposal (core/retention.h) as use cases: the admin sets the schedule and sees what
// is due (a dry run); the owner or the admin places and releases legal holds; the server disposes
// of what is due once a day (and `reilu retention run`). Everything is audited.
#pragma once

#include <vector>

#include "core/retention.h"
#include "service/context.h"

namespace reilu::service {

// The schedule: admins and auditors read it; admins set it.
Result<RetentionPolicy> GetRetentionPolicy(Context& ctx, const User& actor);
Status SetRetentionPolicy(Context& ctx, const User& actor, const RetentionPolicy& policy);

// Stops disposal of a recruitment (e.g. a rectification request or an appeal is pending). The
// recruitment's owner or an admin, with a reason.
Status PlaceLegalHold(Context& ctx, const User& actor, RecruitmentId id, const std::string& reason);
Status ReleaseLegalHold(Context& ctx, const User& actor, RecruitmentId id);
// The standing holds of one recruitment (empty: none), for its owner or an admin.
Result<std::vector<LegalHold>> LegalHoldsOf(Context& ctx, const User& actor, RecruitmentId id);
Result<std::vector<LegalHold>> ListLegalHolds(Context& ctx, const User& actor);  // admins and auditors

// What is due in the organisation now (nothing is changed).
Result<std::vector<DisposalDue>> PlanDisposals(Context& ctx, OrgId org);
// The admin's dry run of the organisation.
Result<std::vector<DisposalDue>> DisposalDryRun(Context& ctx, const User& actor);
// Disposes of everything due in every organisation (the daily job; actor 0, the system), or with
// `dry_run` only plans it. Returns what was (or would be) disposed.
Result<std::vector<DisposalDue>> RunDisposals(Context& ctx, bool dry_run = false);

}  // namespace reilu::service
