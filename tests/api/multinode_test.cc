// Two nodes behind HAProxy on one PostgreSQL database: one node is killed (SIGKILL) during 200
// concurrent submissions. Clients retry with the same Idempotency-Key, as a browser's retry would.
#include <atomic>
#include <cstdio>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include "api_fixture.h"

namespace reilu::testing {
namespace {

class MultiNodeTest : public ApiTest {
 protected:
  void SetUp() override {
    if (!Nodes()) GTEST_SKIP() << "needs REILU_TEST_NODES=2 and PostgreSQL (the nodes.* tests of scripts/test)";
    ApiTest::SetUp();
  }

  std::int64_t Count(const std::string& sql, std::int64_t rec) {
    auto conn = app::OpenDatabase(TestDataDir(dir_.path()), true);
    EXPECT_TRUE(conn.ok());
    auto s = conn->Prepare(sql);
    EXPECT_TRUE(s.ok());
    s->Bind(1, rec);
    EXPECT_TRUE(s->Step()) << sql;
    return s->Int(0);
  }
};

TEST_F(MultiNodeTest, KillingANodeDuring200SubmissionsLosesAndDuplicatesNothing) {
  Client hr = LoggedIn("a_hr");
  std::int64_t rec = PublishedRecruitment(hr);
  const std::string apply = "/api/v1/jobs/" + std::to_string(rec) + "/applications";
  constexpr int kThreads = 8, kEach = 25;

  std::mutex mutex;
  std::set<std::string> acknowledged;
  std::atomic<int> done{0}, retries{0};
  std::map<int, int> refused;  // status -> how often (0: no answer)
  std::vector<std::thread> applicants;
  for (int t = 0; t < kThreads; ++t) {
    applicants.emplace_back([&, t] {
      for (int i = 0; i < kEach; ++i) {
        const std::string key = "node-test-" + std::to_string(t) + "-" + std::to_string(i);
        const std::string tag = std::to_string(100 + t) + std::to_string(i % 9 + 1);  // a valid birth month
        for (int attempt = 0; attempt < 100; ++attempt) {
          try {
            Client c(Port());  // a fresh connection per try, as after a dropped one
            auto res = c.PostJson(apply, Application(tag), {{"Idempotency-Key", key}});
            std::lock_guard lock(mutex);
            if (res.status == 201 || res.status == 200) {
              acknowledged.insert(std::string(res.Json().at("reference").as_string()));
              break;
            }
            ++refused[res.status];
            if (refused[res.status] == 1) std::fprintf(stderr, "%d: %s\n", res.status, res.body.c_str());
          } catch (const std::exception&) {
            std::lock_guard lock(mutex);
            ++refused[0];
          }
          ++retries;
          std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
        ++done;
      }
    });
  }
  while (done < 60) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  server_->Kill();  // node 1 dies mid-stream; node 2 carries on
  for (auto& a : applicants) a.join();

  // Every submission was acknowledged once: the survivor took over.
  std::string statuses;
  for (const auto& [status, n] : refused) statuses += " " + std::to_string(status) + "x" + std::to_string(n);
  EXPECT_EQ(acknowledged.size(), static_cast<size_t>(kThreads * kEach)) << retries << " retries:" << statuses;
  // Stored exactly once each: one application per Idempotency-Key, and each acknowledged one there.
  EXPECT_EQ(Count("SELECT COUNT(*) FROM applications WHERE recruitment_id = $1", rec), kThreads * kEach);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM idempotency_keys WHERE recruitment_id = $1", rec), kThreads * kEach);
  EXPECT_EQ(Count("SELECT COUNT(DISTINCT application_id) FROM idempotency_keys WHERE recruitment_id = $1", rec),
            kThreads * kEach);
  auto conn = app::OpenDatabase(TestDataDir(dir_.path()), true);
  ASSERT_TRUE(conn.ok());
  std::set<std::string> stored;
  auto s = conn->Prepare("SELECT reference FROM applications WHERE recruitment_id = $1");
  ASSERT_TRUE(s.ok());
  s->Bind(1, rec);
  while (s->Step()) stored.insert(s->Text(0));
  for (const auto& ref : acknowledged) EXPECT_TRUE(stored.count(ref)) << "lost acknowledged application " << ref;

  // The survivor sends every receipt, also those the dead node had claimed (their lease ends).
  std::int64_t waiting = -1;
  for (int i = 0; i < 300 && waiting != 0; ++i) {
    waiting = Count("SELECT COUNT(*) FROM mail_queue WHERE recruitment_id = $1 AND status <> 'sent'", rec);
    if (waiting != 0) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  EXPECT_EQ(waiting, 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM mail_queue WHERE recruitment_id = $1 AND kind = 'receipt'", rec),
            kThreads * kEach);
}

}  // namespace
}  // namespace reilu::testing
