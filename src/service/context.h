// What every use case needs: the store, the redaction engine, the clock and where links point.
// Handlers, the demo and the command line build one and call the use cases with it.
#pragma once

#include <functional>
#include <string>

#include "core/attachment.h"
#include "core/redaction.h"
#include "store/store.h"

namespace reilu::service {

struct Context {
  store::Store& store;
  const FreeTextRedactor& redactor;
  std::function<UnixTime()> now;
  std::string public_url = "http://localhost:8080";  // base of links in e-mails (no trailing slash)
  // Reads attachments (in a worker process); none: attachments are refused.
  const AttachmentConverter* attachments = nullptr;
};

}  // namespace reilu::service
