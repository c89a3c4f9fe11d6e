// The JSON API under /api/v1 plus /healthz, /readyz and /metrics. Handlers translate HTTP to the
// use cases in src/service and back; rules live in src/core.
#pragma once

#include <functional>
#include <string>

#include "api/list_cache.h"
#include "core/redaction.h"
#include "http/http.h"
#include "service/context.h"
#include "store/store.h"

namespace reilu::api {

struct ApiOptions {
  UnixTime session_seconds = 8 * 3600;
  bool secure_cookies = true;                        // Secure attribute; browsers accept it on http://localhost too
  std::string public_url = "http://localhost:8080";  // base of links in e-mails (no trailing slash)
  // /metrics answers only with "Authorization: Bearer <metrics_token>"; empty: /metrics is off.
  std::string metrics_token;
};

// What handlers share. The store is private: a handler parses, calls a use case (src/service)
// and serialises, and never reaches storage itself.
class ApiContext {
 public:
  ApiContext(store::Store& store_in, http::Metrics& metrics_in, const FreeTextRedactor& redactor_in,
             std::function<UnixTime()> now_in, ApiOptions options_in)
      : metrics(metrics_in),
        redactor(redactor_in),
        now(std::move(now_in)),
        options(std::move(options_in)),
        store_(store_in) {}

  http::Metrics& metrics;
  const FreeTextRedactor& redactor;
  std::function<UnixTime()> now;
  ApiOptions options;
  ListCache list_cache{};
  const AttachmentConverter* attachments = nullptr;  // none: attachments are refused

  // The use cases' context: the store, the engine and the clock, and the public URL for links.
  service::Context Services() const { return service::Context{store_, redactor, now, options.public_url, attachments}; }

 private:
  store::Store& store_;
};

// Registers every route. The OpenAPI document (OpenApiDocument) lists exactly these routes.
void RegisterRoutes(http::Router& router, ApiContext& ctx);

// The OpenAPI 3.1 document served at /api/v1/openapi.json.
const std::string& OpenApiDocument();

}  // namespace reilu::api
