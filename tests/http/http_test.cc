#include "http/http.h"

#include <gtest/gtest.h>

namespace reilu::http {
namespace {

TEST(Utf8Test, AcceptsValidRejectsInvalid) {
  EXPECT_TRUE(IsValidUtf8("Kemijärvi Åbo 😀"));
  EXPECT_FALSE(IsValidUtf8("\xff"));
  EXPECT_FALSE(IsValidUtf8("\xc3"));              // truncated
  EXPECT_FALSE(IsValidUtf8("\xc0\xaf"));          // overlong '/'
  EXPECT_FALSE(IsValidUtf8("\xed\xa0\x80"));      // surrogate
  EXPECT_FALSE(IsValidUtf8("\xf4\x90\x80\x80"));  // past U+10FFFF
}

TEST(RouterTest, MatchesPatternsAndCapturesParams) {
  Router router;
  router.Add("GET", "/api/v1/things/{id}", [](Request& r) { return Response{200, "text/plain", r.params["id"], {}}; });
  Request req;
  req.method = "GET";
  req.path = "/api/v1/things/42";
  EXPECT_EQ(router.Dispatch(req).body, "42");
  EXPECT_EQ(router.MatchPattern(req), "/api/v1/things/{id}");
  req.method = "DELETE";
  EXPECT_EQ(router.Dispatch(req).status, 405);
  req.path = "/api/v1/other";
  EXPECT_EQ(router.Dispatch(req).status, 404);
  EXPECT_EQ(router.MatchPattern(req), "unmatched");
}

TEST(ProblemTest, CarriesStableCodeAndHidesInternalDetail) {
  auto res = ProblemResponse(MakeError(ErrorCode::kInternal, "SQL failed: table secret_stuff"));
  EXPECT_EQ(res.status, 500);
  EXPECT_EQ(res.content_type, "application/problem+json");
  EXPECT_EQ(res.body.find("secret_stuff"), std::string::npos);
  auto invalid = ProblemResponse(MakeError(ErrorCode::kInvalidInput, "bad", "identity.email"));
  EXPECT_EQ(invalid.status, 422);
  EXPECT_NE(invalid.body.find("\"code\":\"invalid_input\""), std::string::npos);
  EXPECT_NE(invalid.body.find("\"field\":\"identity.email\""), std::string::npos);
}

TEST(CookieTest, FindsNamedCookie) {
  Request req;
  req.headers["cookie"] = "a=1; reilu_session=abc; b=2";
  EXPECT_EQ(req.Cookie("reilu_session"), "abc");
  EXPECT_EQ(req.Cookie("missing"), "");
}

}  // namespace
}  // namespace reilu::http
