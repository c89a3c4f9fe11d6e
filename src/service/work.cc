#include "service/work.h"

#include "service/records.h"

namespace reilu::service {

Status CheckRole(const User& actor, std::initializer_list<Role> roles, std::string_view refusal) {
  if (actor.active) {
    for (Role r : roles) {
      if (actor.role == r) return OkStatus();
    }
  }
  return MakeError(ErrorCode::kForbidden, std::string(refusal));
}

std::unique_ptr<store::ReadScope> ReadTogether(Context& ctx) { return ctx.store.ReadTogether(); }

Result<Recruitment> LoadForWork(Context& ctx, const User& actor, RecruitmentId id) {
  auto r = ctx.store.GetRecruitment(actor.org_id, id);
  if (!r) return r.error();
  if (!MayOpenApplications(actor, *r)) return MakeError(ErrorCode::kNotFound, "Recruitment not found.");
  return r;
}

Result<Recruitment> LoadForDecision(Context& ctx, const User& actor, RecruitmentId id) {
  auto r = ctx.store.GetRecruitment(actor.org_id, id);
  if (!r) return r.error();
  if (!IsDecisionMaker(actor, *r) && !MayOpenApplications(actor, *r)) {
    return MakeError(ErrorCode::kNotFound, "Recruitment not found.");
  }
  return r;
}

Result<Recruitment> LoadOwned(Context& ctx, const User& actor, RecruitmentId id, std::string_view refusal) {
  auto r = LoadForWork(ctx, actor, id);
  if (!r) return r.error();
  if (!IsRecruitmentOwner(actor, *r)) return MakeError(ErrorCode::kForbidden, std::string(refusal));
  return r;
}

Result<bool> IsRecused(Context& ctx, const User& actor, const Recruitment& r, const ApplicationId& app) {
  auto screening = ctx.store.GetScreeningState(r.org_id, r.id);
  if (!screening) return screening.error();
  return screening->IsRecused(app, actor.id);
}

Result<IdentityAccess> RequestIdentity(Context& ctx, const User& actor, const Recruitment& r,
                                       const store::LiftState& lifts, const ApplicationId& app,
                                       const std::string& reason, std::int64_t records_request) {
  if (actor.role == Role::kRegistry) return RegistryAccess(ctx, actor, r, app, records_request);
  auto recused = IsRecused(ctx, actor, r, app);
  if (!recused) return recused.error();
  return IdentityGate::Request(AccessQuery{actor, r, app, lifts.Covers(app), reason, *recused});
}

}  // namespace reilu::service
