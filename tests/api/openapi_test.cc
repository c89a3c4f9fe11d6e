// The OpenAPI document and the router must list exactly the same routes.
#include <gtest/gtest.h>

#include <set>

#include "api/api.h"
#include "support/test_server.h"

namespace reilu::testing {
namespace {

TEST(OpenApiTest, DocumentMatchesRegisteredRoutes) {
  TempDir dir;
  auto store = app::OpenStore(testing::TestDataDir(dir.path()));
  ASSERT_TRUE(store.ok());
  http::Metrics metrics;
  NoRedaction redactor;
  api::ApiContext ctx{**store, metrics, redactor, app::Now, {}};
  http::Router router;
  api::RegisterRoutes(router, ctx);

  std::set<std::string> routes, documented;
  for (const auto& [method, pattern] : router.Routes()) {
    std::string m = method;
    for (auto& ch : m) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    routes.insert(m + " " + pattern);
  }
  auto doc = boost::json::parse(api::OpenApiDocument());
  EXPECT_EQ(doc.at("openapi").as_string(), "3.1.0");
  for (const auto& [path, item] : doc.at("paths").as_object()) {
    for (const auto& [method, op] : item.as_object()) {
      if (method == "parameters") continue;
      documented.insert(std::string(method) + " " + std::string(path));
      EXPECT_TRUE(op.as_object().contains("responses")) << path;
    }
  }
  EXPECT_EQ(routes, documented);
}

}  // namespace
}  // namespace reilu::testing
