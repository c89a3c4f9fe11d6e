// kill -9 during concurrent submissions: every acknowledged application must be there after restart.
#include <atomic>
#include <mutex>
#include <thread>

#include "api_fixture.h"
#include "store/sqlite_db.h"

namespace reilu::testing {
namespace {

TEST_F(ApiTest, AcknowledgedApplicationsSurviveKillNine) {
  Client hr = LoggedIn("a_hr");
  std::int64_t rec = PublishedRecruitment(hr);
  std::string apply = "/api/v1/jobs/" + std::to_string(rec) + "/applications";

  std::mutex mutex;
  std::vector<std::string> acknowledged;
  std::atomic<bool> stop{false};
  std::vector<std::thread> writers;
  for (int t = 0; t < 6; ++t) {
    writers.emplace_back([&, t] {
      Client c(server_->port());
      for (int i = 0; !stop; ++i) {
        try {
          auto tag = std::to_string(100 + t) + std::to_string(i % 10);
          auto res = c.PostJson(apply, Application(tag),
                                {{"Idempotency-Key", "k" + std::to_string(t) + "-" + std::to_string(i)}});
          if (res.status == 201) {
            std::lock_guard lock(mutex);
            acknowledged.emplace_back(res.Json().at("reference").as_string());
          }
        } catch (const std::exception&) {
          return;  // the server is gone
        }
      }
    });
  }
  // Let a good number of submissions through, then kill the server mid-stream.
  for (int i = 0; i < 200; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
    std::lock_guard lock(mutex);
    if (acknowledged.size() >= 60) break;
  }
  server_->Kill();
  stop = true;
  for (auto& w : writers) w.join();
  ASSERT_GE(acknowledged.size(), 20u);

  server_->Start();  // recovery: WAL replay on open
  auto conn = app::OpenDatabase(TestDataDir(dir_.path()), true);
  ASSERT_TRUE(conn.ok());
  std::set<std::string> stored;
  auto s = conn->Prepare(
      "SELECT a.reference FROM applications a JOIN application_identities i ON i.application_id = a.id "
      "WHERE a.recruitment_id = $1");
  ASSERT_TRUE(s.ok());
  s->Bind(1, rec);
  while (s->Step()) stored.insert(s->Text(0));
  for (const auto& ref : acknowledged) EXPECT_TRUE(stored.count(ref)) << "lost acknowledged application " << ref;
  // And the restarted server (on a new port) serves them, identity still decryptable for the owner.
  Client hr_again = LoggedIn("a_hr");
  auto list = hr_again.Get("/api/v1/recruitments/" + std::to_string(rec) + "/applications").Json();
  ASSERT_GE(list.at("applications").as_array().size(), acknowledged.size());
  std::string app(list.at("applications").as_array()[0].at("id").as_string());
  auto identity =
      hr_again.PostJson("/api/v1/recruitments/" + std::to_string(rec) + "/applications/" + app + "/identity",
                        json::object{{"reason", "Crash recovery check 2026"}});
  EXPECT_EQ(identity.status, 200) << identity.body;
}

}  // namespace
}  // namespace reilu::testing
