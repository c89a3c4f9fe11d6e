// Application drafts on the server: an applicant who wants to go on later or on another device
// keeps what was typed; the link (with the draft's secret) goes to the address typed. A draft is
// not an application: nobody at the employer sees it, and it is gone at the deadline.
#pragma once

#include <string>

#include "service/context.h"

namespace reilu::service {

inline constexpr std::size_t kMaxDraftBytes = 200 * 1024;

struct DraftLink {
  std::string id;
  std::string secret;  // given once; only its hash is stored
  UnixTime expires_at = 0;
};

// `content`: the form as typed (a JSON object); `email`: where the link goes; `lang`: its language.
// Limited per address and per client, like the status links.
Result<DraftLink> KeepDraft(Context& ctx, RecruitmentId job, const std::string& content, const std::string& email,
                            std::string_view lang, const std::string& client_address);
Status SaveDraft(Context& ctx, const std::string& id, const std::string& secret, const std::string& content);
Result<store::DraftRecord> OpenDraft(Context& ctx, const std::string& id, const std::string& secret);
Status DiscardDraft(Context& ctx, const std::string& id, const std::string& secret);

}  // namespace reilu::service
