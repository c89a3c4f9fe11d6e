#include "api/list_cache.h"

#include "http/compress.h"

namespace reilu::api {

std::shared_ptr<const http::KeptBody> CachedList::Kept(KeptBodies& kept, const std::string& key,
                                                       const std::function<std::string()>& make) const {
  {
    std::lock_guard lock(pages_mutex_);
    if (auto it = kept.find(key); it != kept.end()) return it->second;
  }
  auto made = std::make_shared<const http::KeptBody>(make());
  std::lock_guard lock(pages_mutex_);
  if (kept.size() < kMaxKeptPages) kept.emplace(key, made);
  return made;
}

std::shared_ptr<const http::KeptBody> CachedList::Page(const std::string& key,
                                                       const std::function<std::string()>& render) const {
  return Kept(pages_, key, render);
}

std::shared_ptr<const http::KeptBody> CachedList::Gzipped(const std::string& key, const std::string& page) const {
  return Kept(gzipped_, key, [&] { return http::Gzip(page); });
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
