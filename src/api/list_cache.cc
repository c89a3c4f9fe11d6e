#include "api/list_cache.h"

#include "http/compress.h"

namespace reilu::api {

std::string CachedList::Page(const std::string& key, const std::function<std::string()>& render) const {
  {
    std::lock_guard lock(pages_mutex_);
    if (auto it = pages_.find(key); it != pages_.end()) return it->second;
  }
  std::string page = render();
  std::lock_guard lock(pages_mutex_);
  if (pages_.size() < kMaxKeptPages) pages_.emplace(key, page);
  return page;
}

std::string CachedList::Gzipped(const std::string& key, const std::string& page) const {
  {
    std::lock_guard lock(pages_mutex_);
    if (auto it = gzipped_.find(key); it != gzipped_.end()) return it->second;
  }
  std::string compressed = http::Gzip(page);
  std::lock_guard lock(pages_mutex_);
  if (gzipped_.size() < kMaxKeptPages) gzipped_.emplace(key, compressed);
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
