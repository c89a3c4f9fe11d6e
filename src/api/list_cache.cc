#include "api/list_cache.h"

namespace reilu::api {

std::shared_ptr<const CachedList> ListCache::Find(RecruitmentId rec, UserId caller, std::int64_t version) {
  std::lock_guard lock(mutex_);
  auto it = lists_.find({rec, caller});
  if (it == lists_.end() || it->second->version != version) return nullptr;
  return it->second;
}

void ListCache::Keep(RecruitmentId rec, UserId caller, std::shared_ptr<const CachedList> list) {
  std::lock_guard lock(mutex_);
  if (lists_.size() >= kMaxLists && !lists_.count({rec, caller})) lists_.erase(lists_.begin());
  lists_[{rec, caller}] = std::move(list);
}

}  // namespace reilu::api
