#include "service/job_board.h"

#include <algorithm>
#include <map>

namespace reilu::service {

namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

bool Matches(const Recruitment& r, const std::string& q) {
  if (q.empty()) return true;
  for (const auto* text : {&r.title, &r.description}) {
    for (const auto& [lang, value] : *text) {
      if (Lower(value).find(q) != std::string::npos) return true;
    }
  }
  return false;
}

}  // namespace

Result<std::vector<PublicAd>> OpenAds(Context& ctx, std::string_view query) {
  const std::string q = Lower(query);
  const UnixTime now = ctx.now();
  auto ads = ctx.store.ListOpenAds(now);
  if (!ads) return ads.error();
  std::map<OrgId, std::string> names;  // one read per organisation, not per ad
  std::vector<PublicAd> out;
  for (auto& r : *ads) {
    if (!Matches(r, q)) continue;
    auto name = names.find(r.org_id);
    if (name == names.end()) {
      auto organisation = ctx.store.GetOrganisation(r.org_id);
      name = names.emplace(r.org_id, organisation ? organisation->name : std::string()).first;
    }
    bool accepting = AcceptsApplications(r, now);
    out.push_back(PublicAd{std::move(r), name->second, accepting});
  }
  return out;
}

Result<AdPage> PublicAdOf(Context& ctx, RecruitmentId id) {
  auto r = ctx.store.GetPublicAd(id);
  if (!r) return r.error();
  auto organisation = ctx.store.GetOrganisation(r->org_id);
  auto fields = ctx.store.GetCollectedFields(r->org_id);
  if (!fields) return fields.error();
  bool accepting = AcceptsApplications(*r, ctx.now());
  return AdPage{PublicAd{std::move(*r), organisation ? organisation->name : std::string(), accepting},
                std::move(*fields)};
}

}  // namespace reilu::service
