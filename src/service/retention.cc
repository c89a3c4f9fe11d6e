#include "service/retention.h"

#include <set>

#include "core/policy.h"
#include "service/work.h"

namespace reilu::service {

namespace {

// The owner of the recruitment or an admin of its organisation.
Result<Recruitment> LoadForHold(Context& ctx, const User& actor, RecruitmentId id) {
  auto r = ctx.store.GetRecruitment(actor.org_id, id);
  if (!r) return r.error();
  if (!MaySeeRecruitment(actor, *r) && actor.role != Role::kAdmin) {
    return MakeError(ErrorCode::kNotFound, "Recruitment not found.");
  }
  if (actor.role != Role::kAdmin && !IsRecruitmentOwner(actor, *r)) {
    return MakeError(ErrorCode::kForbidden, "The recruitment's owner or an admin places legal holds.");
  }
  return r;
}

}  // namespace

Result<RetentionPolicy> GetRetentionPolicy(Context& ctx, const User& actor) {
  REILU_TRY(CheckRole(actor, {Role::kAdmin, Role::kAuditor}, "The retention schedule is for admins and auditors."));
  return ctx.store.GetRetentionPolicy(actor.org_id);
}

Status SetRetentionPolicy(Context& ctx, const User& actor, const RetentionPolicy& policy) {
  REILU_TRY(CheckRole(actor, {Role::kAdmin}, "Admins set the retention schedule."));
  REILU_TRY(ValidateRetentionPolicy(policy));
  return ctx.store.SetRetentionPolicy(actor.org_id, policy, actor.id, ctx.now());
}

Status PlaceLegalHold(Context& ctx, const User& actor, RecruitmentId id, const std::string& reason) {
  auto r = LoadForHold(ctx, actor, id);
  if (!r) return r.error();
  if (!IsMeaningfulReason(reason)) {
    return MakeError(ErrorCode::kReasonRequired, "Say why disposal must wait (e.g. the appeal pending).", "reason");
  }
  auto placed = ctx.store.PlaceLegalHold(actor.org_id, id, reason, actor.id, ctx.now());
  if (!placed) return placed.error();
  return OkStatus();
}

Status ReleaseLegalHold(Context& ctx, const User& actor, RecruitmentId id) {
  auto r = LoadForHold(ctx, actor, id);
  if (!r) return r.error();
  return ctx.store.ReleaseLegalHolds(actor.org_id, id, actor.id, ctx.now());
}

Result<std::vector<LegalHold>> LegalHoldsOf(Context& ctx, const User& actor, RecruitmentId id) {
  auto r = LoadForHold(ctx, actor, id);
  if (!r) return r.error();
  auto all = ctx.store.ListLegalHolds(actor.org_id);
  if (!all) return all.error();
  std::vector<LegalHold> mine;
  for (auto& h : *all) {
    if (h.recruitment_id == id) mine.push_back(std::move(h));
  }
  return mine;
}

Result<std::vector<LegalHold>> ListLegalHolds(Context& ctx, const User& actor) {
  REILU_TRY(CheckRole(actor, {Role::kAdmin, Role::kAuditor}, "Legal holds are listed for admins and auditors."));
  return ctx.store.ListLegalHolds(actor.org_id);
}

Result<std::vector<DisposalDue>> PlanDisposals(Context& ctx, OrgId org) {
  auto policy = ctx.store.GetRetentionPolicy(org);
  if (!policy) return policy.error();
  auto holds = ctx.store.ListLegalHolds(org);
  if (!holds) return holds.error();
  std::set<RecruitmentId> held;
  for (const auto& h : *holds) held.insert(h.recruitment_id);
  auto recruitments = ctx.store.ListRecruitments(org);
  if (!recruitments) return recruitments.error();
  const UnixTime now = ctx.now();
  std::vector<DisposalDue> plan;
  for (const auto& r : *recruitments) {
    if (!ApplicationPeriodOver(r, now)) continue;
    RetentionState state;
    state.recruitment = r;
    state.legal_hold = held.count(r.id) > 0;
    auto key = ctx.store.HasRecruitmentKey(org, r.id);
    if (!key) return key.error();
    state.key_present = *key;
    auto decision = ctx.store.GetDecision(org, r.id);
    if (!decision) return decision.error();
    if (*decision) state.decision = (*decision)->decision;
    REILU_TRY(ctx.store.ReadRetainedRecords(org, r.id, state));
    auto apps = ctx.store.ListRetained(org, r.id);
    if (!apps) return apps.error();
    state.applications = std::move(*apps);
    if (state.decision) {
      for (auto& a : state.applications) {
        auto it = state.decision->outcomes.find(a.id);
        a.selected = it != state.decision->outcomes.end() && it->second != Outcome::kNotSelected;
      }
    }
    if (auto due = DueForDisposal(state, *policy, now)) plan.push_back(std::move(*due));
  }
  return plan;
}

Result<std::vector<DisposalDue>> DisposalDryRun(Context& ctx, const User& actor) {
  REILU_TRY(CheckRole(actor, {Role::kAdmin, Role::kAuditor}, "The disposal plan is for admins and auditors."));
  return PlanDisposals(ctx, actor.org_id);
}

Result<std::vector<DisposalDue>> RunDisposals(Context& ctx, bool dry_run) {
  auto orgs = ctx.store.ListOrganisations();
  if (!orgs) return orgs.error();
  std::vector<DisposalDue> done;
  for (const auto& org : *orgs) {
    auto plan = PlanDisposals(ctx, org.id);
    if (!plan) return plan.error();
    for (auto& due : *plan) {
      if (!dry_run) REILU_TRY(ctx.store.Dispose(org.id, due, 0, ctx.now()));
      done.push_back(std::move(due));
    }
  }
  // Drafts whose deadline passed are unreadable already; here they are deleted.
  if (!dry_run) REILU_TRY(ctx.store.PurgeExpiredDrafts(ctx.now()));
  return done;
}

}  // namespace reilu::service
