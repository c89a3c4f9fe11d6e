// Cheap routes stay fast while expensive ones are attacked. Runs alone (RUN_SERIAL in CTest): it
// measures latency, which other tests on the same two cores would disturb.
#include <atomic>
#include <chrono>
#include <thread>

#include "limits_fixture.h"

namespace reilu::testing {
namespace {

// The attack that once stalled the server for minutes: many addresses sending the largest
// previews the form allows, in parallel. /healthz must keep answering within 100 ms.
TEST_F(LimitsTest, HealthStaysFastWhileManyAddressesSendLargePreviews) {
  const json::object body = WithTexts(Letter(19'000), Letter(19'000));
  std::atomic<bool> stop{false};
  std::atomic<int> ok{0}, limited{0}, busy{0}, other{0};  // limited: 429, or out of the time budget
  std::vector<std::thread> attackers;
  for (int a = 0; a < 8; ++a) {
    attackers.emplace_back([&, a] {
      Client c(server_->port());
      c.SetSourceAddress("127.0.0." + std::to_string(30 + a));
      while (!stop) {
        auto res = c.PostJson(preview_, body);
        // The engine's time budget is a limit too: a text it cannot finish in time is refused (422).
        bool out_of_time = res.status == 422 && res.body.find("redaction_unavailable") != std::string::npos;
        (res.status == 200 ? ok : res.status == 429 || out_of_time ? limited : res.status == 503 ? busy : other)++;
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
