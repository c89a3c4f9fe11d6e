// The privacy notice (tietosuojaseloste) an applicant reads at the form, composed from what the
// organisation actually does: the identity fields it asks (with their bases), how long it keeps
// applications, that applications are public documents, and the applicant's rights. The
// organisation's own text (controller contact, data protection officer) comes first.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/application.h"
#include "core/retention.h"

namespace reilu {

struct NoticeSection {
  std::string heading;
  std::string text;
};
struct PrivacyNotice {
  std::string title;
  std::vector<NoticeSection> sections;
};

PrivacyNotice ComposePrivacyNotice(const std::string& organisation, const std::string& own_text,
                                   const RetentionPolicy& retention, const std::vector<CollectedField>& collected,
                                   std::string_view lang);

}  // namespace reilu
