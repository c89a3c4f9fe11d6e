// What staff read of a recruitment's applications: the list in the caller's own order, one
// application, and identity (through the gate of core/access.h; every read is audited by the store).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "service/context.h"

namespace reilu::service {

// The recruitment's applications by id: merits and pseudonyms, never identity.
using ApplicationsById = std::map<ApplicationId, AnonymousApplication>;
Result<ApplicationsById> AnonymousById(Context& ctx, const Recruitment& r);
// The pseudonym of `id`, or "" when it is not among `apps`.
std::string PseudonymOf(const ApplicationsById& apps, const ApplicationId& id);

// The applications in the actor's own stable random order (core/pseudonym.h), so that no two
// reviewers read them in the same order and arrival order is never told. kScreeningNotOpen while
// the actor may not see applications yet (core/access.h); so for the other reads below.
Result<std::vector<AnonymousApplication>> InCallerOrder(Context& ctx, const User& actor, const Recruitment& r);

// Changes whenever anything in the recruitment's applications changes (for caches and ETags): the
// version `r` was read at.
Result<std::int64_t> ApplicationsVersion(Context& ctx, const User& actor, const Recruitment& r);

// Everything the reviewer list is built from, read for one caller.
struct ApplicationList {
  std::vector<AnonymousApplication> applications;  // in the caller's order
  store::LiftState lifts;
  ScreeningState screening;
};
Result<ApplicationList> LoadApplicationList(Context& ctx, const User& actor, const Recruitment& r);

// One application as the caller may see it; kRecused when the caller declared a conflict of interest.
struct OneApplication {
  AnonymousApplication application;
  bool lifted = false;
};
Result<OneApplication> LoadApplication(Context& ctx, const User& actor, const Recruitment& r, const ApplicationId& app);

// The identity that the gate opens without a stated reason (anonymity lifted for it, or a
// recruitment that is not anonymous); none otherwise, and never for the registry office, which asks
// per records request. An opened identity is read (and audited) here.
Result<std::optional<IdentifiedApplication>> IdentityWithoutReason(Context& ctx, const User& actor,
                                                                   const Recruitment& r, bool lifted,
                                                                   const ApplicationId& app);

// Identity read with a stated reason: the gate decides (core/access.h), the store audits the read.
struct IdentityRead {
  IdentityAccess access;
  IdentifiedApplication application;
  bool lifted;
};
// `records_request`: the registry office's request the read is for (0: none).
Result<IdentityRead> ReadIdentityWithReason(Context& ctx, const User& actor, const Recruitment& r,
                                            const ApplicationId& app, const std::string& reason,
                                            std::int64_t records_request = 0);

}  // namespace reilu::service
