#include "service/applications.h"

#include "core/pseudonym.h"
#include "crypto/crypto.h"
#include "service/work.h"

namespace reilu::service {

Result<ApplicationsById> AnonymousById(Context& ctx, const Recruitment& r) {
  auto apps = ctx.store.ListAnonymous(r.org_id, r.id);
  if (!apps) return apps.error();
  ApplicationsById out;
  for (auto& a : *apps) out.emplace(a.id, std::move(a));
  return out;
}

std::string PseudonymOf(const ApplicationsById& apps, const ApplicationId& id) {
  auto it = apps.find(id);
  return it == apps.end() ? std::string() : it->second.pseudonym;
}

Result<std::vector<AnonymousApplication>> InCallerOrder(Context& ctx, const User& actor, const Recruitment& r) {
  REILU_TRY(CheckMaySeeApplicationsNow(actor, r, ctx.now()));
  auto apps = ctx.store.ListAnonymous(r.org_id, r.id);
  if (!apps) return apps.error();
  auto order_key = ctx.store.OrderKey(r.org_id, r.id);
  if (!order_key) return order_key.error();
  auto key = crypto::SecretKey::FromBytes(*order_key);
  if (!key) return key.error();
  OrderForReviewer(*apps, actor.id, [&](UserId reviewer, const ApplicationId& app) {
    return crypto::KeyedHashHex(*key, std::to_string(reviewer) + "/" + app);
  });
  return apps;
}

Result<std::int64_t> ApplicationsVersion(Context& ctx, const User& actor, const Recruitment& r) {
  REILU_TRY(CheckMaySeeApplicationsNow(actor, r, ctx.now()));
  return r.data_version;
}

Result<ApplicationList> LoadApplicationList(Context& ctx, const User& actor, const Recruitment& r) {
  auto apps = InCallerOrder(ctx, actor, r);
  if (!apps) return apps.error();
  auto lifts = ctx.store.GetLiftState(r.org_id, r.id);
  if (!lifts) return lifts.error();
  auto screening = ctx.store.GetScreeningState(r.org_id, r.id);
  if (!screening) return screening.error();
  return ApplicationList{std::move(*apps), std::move(*lifts), std::move(*screening)};
}

Result<OneApplication> LoadApplication(Context& ctx, const User& actor, const Recruitment& r,
                                       const ApplicationId& app) {
  REILU_TRY(CheckMaySeeApplicationsNow(actor, r, ctx.now()));
  auto found = ctx.store.GetAnonymous(r.org_id, r.id, app);
  if (!found) return found.error();
  auto recused = IsRecused(ctx, actor, r, found->id);
  if (!recused) return recused.error();
  if (*recused) return MakeError(ErrorCode::kRecused, "You declared a conflict of interest for this application.");
  auto lifts = ctx.store.GetLiftState(r.org_id, r.id);
  if (!lifts) return lifts.error();
  bool lifted = lifts->Covers(found->id);
  return OneApplication{std::move(*found), lifted};
}

Result<std::optional<IdentifiedApplication>> IdentityWithoutReason(Context& ctx, const User& actor,
                                                                   const Recruitment& r, bool lifted,
                                                                   const ApplicationId& app) {
  if (actor.role == Role::kRegistry) return std::optional<IdentifiedApplication>();
  if (r.anonymous && !lifted) return std::optional<IdentifiedApplication>();
  auto access = IdentityGate::Request(AccessQuery{actor, r, app, lifted, {}});
  if (!access) return std::optional<IdentifiedApplication>();
  auto full = ctx.store.ReadIdentity(*access, ctx.now());
  if (!full) return full.error();
  return std::optional<IdentifiedApplication>(std::move(*full));
}

Result<IdentityRead> ReadIdentityWithReason(Context& ctx, const User& actor, const Recruitment& r,
                                            const ApplicationId& app, const std::string& reason,
                                            std::int64_t records_request) {
  auto lifts = ctx.store.GetLiftState(r.org_id, r.id);
  if (!lifts) return lifts.error();
  auto access = RequestIdentity(ctx, actor, r, *lifts, app, reason, records_request);
  if (!access) return access.error();
  auto full = ctx.store.ReadIdentity(*access, ctx.now());
  if (!full) return full.error();
  return IdentityRead{std::move(*access), std::move(*full), lifts->Covers(app)};
}

}  // namespace reilu::service
