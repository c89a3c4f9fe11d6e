#include "store/store.h"

namespace reilu::store {

Result<std::vector<AuditEntry>> WholeAuditLog(Store& store, OrgId org) {
  std::vector<AuditEntry> all;
  std::int64_t after = 0;
  for (;;) {
    auto page = store.ListAudit(org, after, 1000);
    if (!page) return page.error();
    if (page->empty()) return all;
    after = page->back().seq;
    all.insert(all.end(), page->begin(), page->end());
  }
}

}  // namespace reilu::store
