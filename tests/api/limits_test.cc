// Limits on expensive and oversized requests: the redaction preview is open to anyone and runs the
// engine, so its body is capped, its fields must fit the submission's limits, each address gets a
// bounded number per minute and only a few run at once. Cheap routes stay fast meanwhile.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <thread>

#include "api_fixture.h"

namespace reilu::testing {
namespace {

class LimitsTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    Client hr = LoggedIn("a_hr");
    preview_ = "/api/v1/jobs/" + std::to_string(PublishedRecruitment(hr)) + "/redaction-preview";
  }

  // A long, realistic letter: names, places, phone numbers and ordinary sentences, repeated.
  static std::string Letter(size_t bytes) {
    static const std::string kParagraph =
        "Hyvä vastaanottaja, olen toiminut kirjastovirkailijana Kemijärvellä ja esihenkilöni Matti Virtanen "
        "voi kertoa työstäni lisää (puh. 040 123 4567). Kollegani Anna-Liisa Korhonen ja Ahmed Hassan "
        "suosittelevat minua. Olen järjestänyt satutunteja ja lukupiirejä, ja hallitsen Finna-järjestelmän. ";
    std::string out;
    while (out.size() < bytes) out += kParagraph;
    out.resize(bytes);
    while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80) out.pop_back();
    if (!out.empty() && static_cast<unsigned char>(out.back()) >= 0xC0) out.pop_back();
    return out;
  }

  static json::object WithTexts(const std::string& letter, const std::string& answer) {
    json::object app = Application("501");
    app["free_text"] =
        json::object{{"cover_letter", letter}, {"answers", json::array{{{"question_id", "why"}, {"text", answer}}}}};
    return app;
  }

  static std::string Code(const HttpResult& r) { return std::string(r.Json().at("code").as_string()); }

  std::string preview_;
};

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

// The attack that once stalled the server for minutes: many addresses sending the largest
// previews the form allows, in parallel. /healthz must keep answering within 100 ms.
TEST_F(LimitsTest, HealthStaysFastWhileManyAddressesSendLargePreviews) {
  const json::object body = WithTexts(Letter(19'000), Letter(19'000));
  std::atomic<bool> stop{false};
  std::atomic<int> ok{0}, limited{0}, busy{0}, other{0};
  std::vector<std::thread> attackers;
  for (int a = 0; a < 8; ++a) {
    attackers.emplace_back([&, a] {
      Client c(server_->port());
      c.SetSourceAddress("127.0.0." + std::to_string(30 + a));
      while (!stop) {
        int status = c.PostJson(preview_, body).status;
        (status == 200 ? ok : status == 429 ? limited : status == 503 ? busy : other)++;
      }
    });
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(300));  // let them get going
  std::vector<double> ms;
  Client probe(server_->port());
  auto until = std::chrono::steady_clock::now() + std::chrono::seconds(4);
  while (std::chrono::steady_clock::now() < until) {
    auto t0 = std::chrono::steady_clock::now();
    EXPECT_EQ(probe.Get("/healthz").status, 200);
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  stop = true;
  for (auto& t : attackers) t.join();
  std::sort(ms.begin(), ms.end());
  std::printf("healthz: %zu probes, median %.1f ms, max %.1f ms; previews: %d ok, %d 429, %d 503, %d other\n",
              ms.size(), ms[ms.size() / 2], ms.back(), ok.load(), limited.load(), busy.load(), other.load());
  EXPECT_LT(ms.back(), 100.0);
  EXPECT_GT(ok.load(), 0);                     // the route still works...
  EXPECT_GT(limited.load() + busy.load(), 0);  // ...and the limits were what held
  EXPECT_EQ(other.load(), 0);
}

}  // namespace
}  // namespace reilu::testing
