// E-mail messages as Reilu sends them: plain UTF-8 text, optionally one calendar invitation,
// rendered to RFC 5322 / MIME. No I/O here; transports (transport.h) deliver the rendered text.
#pragma once

#include <string>
#include <vector>

#include "core/types.h"

namespace reilu::notify {

struct Attachment {
  std::string filename;      // ASCII, no identity (e.g. "kutsu.ics")
  std::string content_type;  // e.g. "text/calendar; method=REQUEST"
  std::string data;
};

struct Message {
  std::string from_address;
  std::string from_name;
  std::string to_address;
  std::string subject;
  std::string body;  // UTF-8 plain text
  std::vector<Attachment> attachments;
};

// Renders the message with CRLF line ends: RFC 2047 encoded headers, base64 bodies, a
// Message-ID of `message_id`@reilu and the Date of `at`.
std::string RenderEml(const Message& m, const std::string& message_id, UnixTime at);

// Standard base64 (RFC 4648) with CRLF line breaks every 76 characters.
std::string Base64Lines(std::string_view data);

// True for an address we are willing to put in a header: one @, no spaces or line breaks.
bool IsPlausibleAddress(std::string_view address);

}  // namespace reilu::notify
