// Login throttling over the store: the counts are in the database, so two nodes share them.
#include "service/login_throttle.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "support/test_server.h"

namespace reilu::service {
namespace {

constexpr UnixTime kStart = 1800000000;

class LoginThrottleTest : public ::testing::Test {
 protected:
  void SetUp() override {
    REILU_SKIP_WITHOUT_DATABASE();
    ASSERT_TRUE(crypto::Init().ok());
    node_a_ = Open();
    node_b_ = Open();
  }
  std::unique_ptr<store::SqlStore> Open() {
    auto s = app::OpenStore(testing::TestDataDir(dir_.path()));
    EXPECT_TRUE(s.ok()) << s.error().message;
    return std::move(*s);
  }
  std::int64_t Rows() {
    auto conn = app::OpenDatabase(testing::TestDataDir(dir_.path()), true);
    EXPECT_TRUE(conn.ok());
    auto s = conn->Prepare("SELECT COUNT(*) FROM login_windows");
    EXPECT_TRUE(s.ok() && s->Step());
    return s->Int(0);
  }
  testing::TempDir dir_;
  std::unique_ptr<store::SqlStore> node_a_, node_b_;
};

TEST_F(LoginThrottleTest, LocksAfterTooManyFailuresUntilTheWindowEndsOnEveryNode) {
  LoginThrottle a(*node_a_), b(*node_b_);
  // Guesses alternate between two nodes behind a balancer: they count together.
  for (int i = 0; i < LoginThrottle::kPerUserAndAddress; ++i) {
    EXPECT_EQ(*(i % 2 ? a : b).Admit("hr", "192.0.2.1", kStart + i), 0) << i;
  }
  EXPECT_EQ(*a.Admit("hr", "192.0.2.1", kStart + 20), LoginThrottle::kWindowSeconds - 20);
  EXPECT_EQ(*b.Admit("hr", "192.0.2.1", kStart + 20), LoginThrottle::kWindowSeconds - 20);
  EXPECT_EQ(*b.Admit("hr", "192.0.2.2", kStart + 20), 0);  // nobody is locked out from elsewhere
  EXPECT_EQ(*a.Admit("hr", "192.0.2.1", kStart + LoginThrottle::kWindowSeconds), 0);  // window over
}

TEST_F(LoginThrottleTest, SuccessClearsTheUsersCountButNotOthersFromTheSameAddress) {
  LoginThrottle t(*node_a_);
  for (int i = 0; i < LoginThrottle::kPerUserAndAddress - 1; ++i) ASSERT_EQ(*t.Admit("hr", "192.0.2.1", kStart), 0);
  ASSERT_TRUE(t.Succeeded("hr", "192.0.2.1").ok());
  for (int i = 0; i < LoginThrottle::kPerUserAndAddress; ++i) EXPECT_EQ(*t.Admit("hr", "192.0.2.1", kStart + 1), 0);
  EXPECT_GT(*t.Admit("hr", "192.0.2.1", kStart + 1), 0);
}

TEST_F(LoginThrottleTest, OneAddressGuessingManyUsernamesIsStopped) {
  LoginThrottle t(*node_a_);
  for (int i = 0; i < LoginThrottle::kPerAddress; ++i) {
    EXPECT_EQ(*t.Admit("user" + std::to_string(i), "198.51.100.7", kStart), 0);
  }
  EXPECT_GT(*t.Admit("someone-else", "198.51.100.7", kStart), 0);
  EXPECT_EQ(*t.Admit("someone-else", "198.51.100.8", kStart), 0);
}

// Attempts are counted when admitted, not when they fail: concurrent guesses on two nodes get
// exactly the limit.
TEST_F(LoginThrottleTest, ConcurrentAttemptsCannotExceedTheLimit) {
  LoginThrottle a(*node_a_), b(*node_b_);
  std::atomic<int> admitted{0};
  std::vector<std::thread> guesses;
  for (int i = 0; i < 32; ++i) {
    guesses.emplace_back([&, i] {
      auto wait = (i % 2 ? a : b).Admit("hr", "203.0.113.9", kStart);
      if (wait.ok() && *wait == 0) ++admitted;
    });
  }
  for (auto& g : guesses) g.join();
  EXPECT_EQ(admitted.load(), LoginThrottle::kPerUserAndAddress);
}

// Keys are fixed-size digests, and windows that ended are deleted: long usernames cannot grow it.
TEST_F(LoginThrottleTest, StorageIsBoundedWhateverTheUsernames) {
  LoginThrottle t(*node_a_);
  std::string long_name(1 << 20, 'x');
  for (int i = 0; i < 50; ++i) {
    ASSERT_EQ(*t.Admit(long_name + std::to_string(i), "192.0.2." + std::to_string(i), kStart), 0);
  }
  EXPECT_EQ(Rows(), 50 * 3);  // a pair, a user and an address key each
  ASSERT_EQ(*t.Admit("late", "192.0.2.9", kStart + LoginThrottle::kWindowSeconds), 0);
  EXPECT_EQ(Rows(), 3);
}

}  // namespace
}  // namespace reilu::service
