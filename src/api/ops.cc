// Operational endpoints: liveness, readiness, metrics and the OpenAPI document.
#include "api/handler.h"
#include "crypto/crypto.h"
#include "service/admin.h"

namespace reilu::api {

void RegisterOpsRoutes(http::Router& router, ApiContext& ctx) {
  router.Add("GET", "/healthz", [](http::Request&) { return http::JsonResponse(200, json::object{{"status", "ok"}}); });
  router.Add("GET", "/readyz", Wrap([&ctx](http::Request&) -> Result<http::Response> {
               auto services = ctx.Services();
               REILU_TRY(service::CheckStoreReady(services));
               return http::JsonResponse(200, json::object{{"status", "ready"}});
             }));
  // Request counts say how busy each route is (e.g. how many applications arrive): for the
  // operator's scraper only, never public.
  router.Add("GET", "/metrics", Wrap([&ctx](http::Request& req) -> Result<http::Response> {
               const std::string& token = ctx.options.metrics_token;
               if (token.empty()) return MakeError(ErrorCode::kNotFound, "No such resource.");
               if (!crypto::ConstantTimeEquals(req.Header("authorization"), "Bearer " + token)) {
                 return MakeError(ErrorCode::kUnauthenticated, "The metrics need the operator's token.");
               }
               return http::Response{200, "text/plain; version=0.0.4", ctx.metrics.Render(), {}};
             }));
  router.Add("GET", "/api/v1/openapi.json", [](http::Request&) {
    return http::Response{200, "application/json", OpenApiDocument(), {}};
  });
}

}  // namespace reilu::api
