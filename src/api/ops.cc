// Operational endpoints: liveness, readiness, metrics and the OpenAPI document.
#include "api/handler.h"

namespace reilu::api {

void RegisterOpsRoutes(http::Router& router, ApiContext& ctx) {
  router.Add("GET", "/healthz", [](http::Request&) { return http::JsonResponse(200, json::object{{"status", "ok"}}); });
  router.Add("GET", "/readyz", Wrap([&ctx](http::Request&) -> Result<http::Response> {
               auto orgs = ctx.store.ListOrganisations();
               if (!orgs) return orgs.error();
               return http::JsonResponse(200, json::object{{"status", "ready"}});
             }));
  router.Add("GET", "/metrics", [&ctx](http::Request&) {
    return http::Response{200, "text/plain; version=0.0.4", ctx.metrics.Render(), {}};
  });
  router.Add("GET", "/api/v1/openapi.json", [](http::Request&) {
    return http::Response{200, "application/json", OpenApiDocument(), {}};
  });
}

}  // namespace reilu::api
