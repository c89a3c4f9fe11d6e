#include "service/audit.h"

#include "service/work.h"

namespace reilu::service {

Result<AuditPage> ReadAuditLog(Context& ctx, const User& actor, std::int64_t after, std::int64_t limit,
                               const store::Store::AuditFilter& filter) {
  if (actor.role != Role::kAuditor) {
    // An HR specialist reads the log of a recruitment they own, nothing wider.
    if (actor.role != Role::kHr || filter.recruitment_id == 0) {
      return MakeError(ErrorCode::kForbidden,
                       "The auditor reads the audit log; the owner of a recruitment reads its log.");
    }
    auto r = LoadOwned(ctx, actor, filter.recruitment_id, "Only the recruitment's owner reads its log.");
    if (!r) return r.error();
  }
  AuditPage page;
  auto entries = ctx.store.ListAuditWhere(actor.org_id, after, limit, filter);
  if (!entries) return entries.error();
  page.entries = std::move(*entries);
  if (static_cast<std::int64_t>(page.entries.size()) == limit && !page.entries.empty()) {
    page.next = page.entries.back().seq;
  }
  auto users = ctx.store.ListUsers(actor.org_id);
  if (!users) return users.error();
  for (auto& u : *users) page.actors.emplace(u.id, std::move(u));
  return page;
}

}  // namespace reilu::service
