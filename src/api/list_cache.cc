#include "api/list_cache.h"

#include "http/compress.h"

namespace reilu::api {

std::string CachedList::Gzipped(const std::string& key, const std::string& page) const {
  {
    std::lock_guard lock(gzip_mutex_);
    if (auto it = gzipped_.find(key); it != gzipped_.end()) return it->second;
  }
  std::string compressed = http::Gzip(page);
  std::lock_guard lock(gzip_mutex_);
  if (gzipped_.size() < kMaxGzippedPages) gzipped_.emplace(key, compressed);
  return compressed;
}

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
