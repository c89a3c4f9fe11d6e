// The serialised application list of one recruitment as one caller sees it (their own order,
// their recusals), kept per node and keyed by the recruitment's data version: a list is built
// once per change, then pages are cut from it without touching the applications again. Lists
// that carry identity are never kept: every identity read is served (and audited) afresh.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/types.h"
#include "http/kept_body.h"

namespace reilu::api {

struct ListedApplication {
  std::string json;  // the serialised object, as it appears in the list
  std::string pseudonym;
  bool released = false;
  bool withdrawn = false;
  bool recused = false;
};

struct CachedList {
  std::int64_t version = 0;
  std::vector<ListedApplication> items;

  // The page `key` of this list, cut once however many read it (`render` makes it the first time);
  // shared by every response that sends it.
  std::shared_ptr<const http::KeptBody> Page(const std::string& key, const std::function<std::string()>& render) const;
  // The same page gzipped, compressed once (like a static file's .gz twin); `page` is its body.
  std::shared_ptr<const http::KeptBody> Gzipped(const std::string& key, const std::string& page) const;

 private:
  // Pages most read are few (the first pages of each filter); more are cut each time.
  static constexpr size_t kMaxKeptPages = 16;
  // `kept[key]`, made by `make` the first time (kept while fewer than kMaxKeptPages are).
  using KeptBodies = std::map<std::string, std::shared_ptr<const http::KeptBody>>;
  std::shared_ptr<const http::KeptBody> Kept(KeptBodies& kept, const std::string& key,
                                             const std::function<std::string()>& make) const;
  mutable std::mutex pages_mutex_;
  mutable KeptBodies pages_, gzipped_;
};

class ListCache {
 public:
  static constexpr size_t kMaxLists = 512;

  // The list for (recruitment, caller) if it was built at `version`.
  std::shared_ptr<const CachedList> Find(RecruitmentId rec, UserId caller, std::int64_t version);
  void Keep(RecruitmentId rec, UserId caller, std::shared_ptr<const CachedList> list);

 private:
  std::mutex mutex_;
  std::map<std::pair<RecruitmentId, UserId>, std::shared_ptr<const CachedList>> lists_;
};

}  // namespace reilu::api
