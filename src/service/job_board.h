// The public job board: ads that take applications (or did, for their page), with the
// organisation's name, and the form's optional identity fields. No account needed.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "service/context.h"

namespace reilu::service {

struct PublicAd {
  Recruitment recruitment;
  std::string organisation;  // its name
  bool accepting_applications = false;
};

// The open ads whose title or description (any language) contains `query` (ASCII case folded;
// empty: all).
Result<std::vector<PublicAd>> OpenAds(Context& ctx, std::string_view query);

// One published ad with the identity fields its form asks (each with its legal basis).
struct AdPage {
  PublicAd ad;
  std::vector<CollectedField> identity_fields;
};
Result<AdPage> PublicAdOf(Context& ctx, RecruitmentId id);

}  // namespace reilu::service
