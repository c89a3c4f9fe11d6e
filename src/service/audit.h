// Reading the audit log: the auditor reads the organisation's, the owning HR specialist the log of
// their own recruitment; narrowed by recruitment and by kind of action, paged by sequence number.
#pragma once

#include <map>
#include <optional>
#include <vector>

#include "service/context.h"

namespace reilu::service {

struct AuditPage {
  std::vector<AuditEntry> entries;
  std::map<UserId, User> actors;     // who the entries' actors are (names and roles)
  std::optional<std::int64_t> next;  // the sequence number to continue after, when more may follow
};

// Which entries: one recruitment's, and/or one kind of action by its prefix; oldest or newest first.
using AuditFilter = store::Store::AuditFilter;
Result<AuditPage> ReadAuditLog(Context& ctx, const User& actor, std::int64_t after, std::int64_t limit,
                               const AuditFilter& filter);

}  // namespace reilu::service
