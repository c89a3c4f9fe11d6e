// Composes e-mails for the queue (the organisation's sender, rendered MIME text) and the links
// in them. Sending happens later, in notify::MailDispatcher.
#pragma once

#include <string>
#include <vector>

#include "notify/mail.h"
#include "notify/templates.h"
#include "service/context.h"

namespace reilu::service {

struct MailParts {
  std::string kind;
  std::string to;
  notify::Text text;
  std::vector<notify::Attachment> attachments;
};

struct Sender {
  std::string address;
  std::string name;
};
// The organisation's sender: from its mail settings, or its name with a no-reply address.
Result<Sender> SenderFor(Context& ctx, OrgId org);

// Renders `parts` for the queue; fails when the recipient address is not usable. Does no I/O, so
// it may run inside a store transaction.
Result<store::OutgoingMail> ComposeMail(const Sender& sender, UnixTime now, OrgId org, RecruitmentId rec,
                                        MailParts parts);

// The applicant's status page. The secret travels in the fragment, which browsers never send to
// the server, so it does not end up in access logs.
std::string StatusLink(Context& ctx, const std::string& reference, const ApplicationId& app);

// Where a rectification request goes: the organisation, and its registry office's address when set.
std::string RectificationAddress(const Organisation& organisation);

// The recruitment's title in `lang`, or in its first advertised language.
std::string TitleIn(const Recruitment& r, std::string_view lang);

}  // namespace reilu::service
