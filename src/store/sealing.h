// What each sealed value is bound to (the AEAD's associated data): a sealed value copied to another
// row, organisation or purpose does not open there.
#pragma once

#include <string>

#include "core/types.h"

namespace reilu::store {

inline std::string KeyWrapContext(OrgId org, RecruitmentId rec) {
  return "reilu/recruitment-key/v1/" + std::to_string(org) + "/" + std::to_string(rec);
}
inline std::string IdentityContext(OrgId org, RecruitmentId rec, const ApplicationId& app) {
  return "reilu/identity/v1/" + std::to_string(org) + "/" + std::to_string(rec) + "/" + app;
}
// `part` is "original" (the file as sent) or "details" (its name and the engine's proposal).
inline std::string AttachmentContext(OrgId org, RecruitmentId rec, const ApplicationId& app, int position,
                                     const char* part) {
  return "reilu/attachment/v1/" + std::to_string(org) + "/" + std::to_string(rec) + "/" + app + "/" +
         std::to_string(position) + "/" + part;
}
// `part` is "what" (the applicant's request) or "answer" (the owner's).
inline std::string RectificationContext(OrgId org, RecruitmentId rec, const ApplicationId& app, const char* part) {
  return "reilu/rectification/v1/" + std::to_string(org) + "/" + std::to_string(rec) + "/" + app + "/" + part;
}
inline std::string DraftContext(OrgId org, RecruitmentId rec, const std::string& draft) {
  return "reilu/draft/v1/" + std::to_string(org) + "/" + std::to_string(rec) + "/" + draft;
}
inline std::string MailContext(const std::string& id) { return "reilu/mail/v1/" + id; }
inline std::string MailSettingsContext(OrgId org) { return "reilu/mail-settings/v1/" + std::to_string(org); }
// A known value sealed under the server key: tells at start-up whether the key belongs here.
inline constexpr const char* kKeyCheckContext = "reilu/key-check/v1";
inline constexpr const char* kKeyCheckValue = "reilu server key";
// The secret behind applicants' status links; kept apart from the server key so that rotating the
// key does not break the links already e-mailed.
inline constexpr const char* kLinkKeyContext = "reilu/link-key/v1";

}  // namespace reilu::store
