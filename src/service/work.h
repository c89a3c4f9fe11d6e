// Loading a recruitment for a staff member's use case, with the access rules of core/access.h:
// a recruitment the actor may not work on is "not found", so its existence is not told.
#pragma once

#include <initializer_list>
#include <string_view>

#include "service/context.h"

namespace reilu::service {

// kForbidden with `refusal` unless the actor's account is active and has one of `roles`.
Status CheckRole(const User& actor, std::initializer_list<Role> roles, std::string_view refusal);

// Holds a request's first reads (the caller's session, then the recruitment) together: one read
// transaction and lock for both (store::ReadScope). Let go of it before the request writes.
std::unique_ptr<store::ReadScope> ReadTogether(Context& ctx);

// The owner, an assigned reviewer or the registry office of the recruitment's organisation.
Result<Recruitment> LoadForWork(Context& ctx, const User& actor, RecruitmentId id);

// LoadForWork, then require the owning HR specialist (kForbidden with `refusal` otherwise).
Result<Recruitment> LoadOwned(Context& ctx, const User& actor, RecruitmentId id, std::string_view refusal);

// For the selection decision: the named decision-maker, or anyone LoadForWork admits (the rules of
// core/selection.h then say who decides).
Result<Recruitment> LoadForDecision(Context& ctx, const User& actor, RecruitmentId id);

// Whether the actor declared a conflict of interest for the application.
Result<bool> IsRecused(Context& ctx, const User& actor, const Recruitment& r, const ApplicationId& app);

// Asks the gate for the actor's access to one application's identity, with the lift state and the
// actor's recusal taken from the store; the registry office names its records request. The read
// itself happens in the store (audited).
Result<IdentityAccess> RequestIdentity(Context& ctx, const User& actor, const Recruitment& r,
                                       const store::LiftState& lifts, const ApplicationId& app,
                                       const std::string& reason, std::int64_t records_request = 0);

}  // namespace reilu::service
