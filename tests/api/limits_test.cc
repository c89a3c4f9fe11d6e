// Limits on expensive and oversized requests: the redaction preview is open to anyone and runs the
// engine, so its body is capped, its fields must fit the submission's limits, each address gets a
// bounded number per minute and only a few run at once.
#include "limits_fixture.h"

namespace reilu::testing {
namespace {

TEST_F(LimitsTest, ABodyOverThePreviewsLimitIs413BeforeAnyWork) {
  Client pub(server_->port());
  auto res = pub.PostJson(preview_, WithTexts(Letter(300'000), "x"));
  EXPECT_EQ(res.status, 413) << res.body;
  EXPECT_NE(res.headers.find("application/problem+json"), std::string::npos);
  EXPECT_EQ(Code(res), "payload_too_large");
  // The same size is still fine where a larger body is allowed: the limit is the route's own.
  Client hr = LoggedIn("a_hr");
  auto big = hr.PostJson("/api/v1/recruitments", json::object{{"title", json::object{{"fi", Letter(300'000)}}}});
  EXPECT_NE(big.status, 413) << big.body.substr(0, 300);
}

TEST_F(LimitsTest, APreviewTextOverTheSubmissionLimitIs422) {
  Client pub(server_->port());
  auto res = pub.PostJson(preview_, WithTexts(Letter(25'000), "x"));
  EXPECT_EQ(res.status, 422) << res.body;
  EXPECT_EQ(Code(res), "invalid_input");
  EXPECT_EQ(std::string(res.Json().at("field").as_string()), "free_text.cover_letter");
}

TEST_F(LimitsTest, OneAddressGetsABurstThen429WithRetryAfter) {
  Client pub(server_->port());
  pub.SetSourceAddress("127.0.0.21");
  std::vector<int> statuses;
  for (int i = 0; i < 12; ++i) statuses.push_back(pub.PostJson(preview_, WithTexts(Letter(2'000), "x")).status);
  EXPECT_EQ(std::count(statuses.begin(), statuses.begin() + 10, 200), 10);
  auto limited = pub.PostJson(preview_, WithTexts(Letter(2'000), "x"));
  EXPECT_EQ(limited.status, 429);
  EXPECT_EQ(Code(limited), "rate_limited");
  EXPECT_NE(limited.headers.find("Retry-After: "), std::string::npos) << limited.headers;
  // Another address is not affected.
  Client other(server_->port());
  other.SetSourceAddress("127.0.0.22");
  EXPECT_EQ(other.PostJson(preview_, WithTexts(Letter(2'000), "x")).status, 200);
}

// 300 logins with 1 MB usernames once grew the throttle table by 300 MB: long names are refused
// before they reach it, and the login body has its own small limit.
TEST_F(LimitsTest, LoginRefusesLongUsernamesAndLargeBodies) {
  Client c(server_->port());
  auto long_name =
      c.PostJson("/api/v1/session", json::object{{"username", std::string(5'000, 'u')}, {"password", "x"}});
  EXPECT_EQ(long_name.status, 422) << long_name.body;
  EXPECT_EQ(std::string(long_name.Json().at("field").as_string()), "username");
  auto huge = c.PostJson("/api/v1/session", json::object{{"username", std::string(100'000, 'u')}, {"password", "x"}});
  EXPECT_EQ(huge.status, 413) << huge.body;
  EXPECT_EQ(LoggedIn("a_hr").Get("/api/v1/session").status, 200);  // ordinary logins unaffected
}

}  // namespace
}  // namespace reilu::testing
