#include "api/login_throttle.h"

#include <gtest/gtest.h>

namespace reilu::api {
namespace {

TEST(LoginThrottleTest, LocksAfterTooManyFailuresUntilTheWindowEnds) {
  LoginThrottle t;
  const UnixTime start = 1000;
  for (int i = 0; i < LoginThrottle::kMaxFailures - 1; ++i) EXPECT_EQ(t.Admit("hr", start + i), 0);
  EXPECT_EQ(t.Admit("hr", start + 20), 0);  // the tenth attempt
  EXPECT_EQ(t.Admit("hr", start + 20), LoginThrottle::kWindowSeconds - 20);
  EXPECT_EQ(t.Admit("other", start + 20), 0);
  EXPECT_EQ(t.Admit("hr", start + LoginThrottle::kWindowSeconds), 0);  // window over
}

TEST(LoginThrottleTest, SuccessClearsTheCount) {
  LoginThrottle t;
  for (int i = 0; i < LoginThrottle::kMaxFailures - 1; ++i) t.Admit("hr", 1000);
  t.RecordSuccess("hr");
  for (int i = 0; i < LoginThrottle::kMaxFailures; ++i) EXPECT_EQ(t.Admit("hr", 1001), 0);
  EXPECT_GT(t.Admit("hr", 1001), 0);
}

// Attempts are counted when admitted, not when they fail: concurrent guesses get exactly the limit.
TEST(LoginThrottleTest, ConcurrentAttemptsCannotExceedTheLimit) {
  LoginThrottle t;
  int admitted = 0;
  for (int i = 0; i < 64; ++i) admitted += t.Admit("hr", 1000) == 0;  // none has finished yet
  EXPECT_EQ(admitted, LoginThrottle::kMaxFailures);
}

// Long usernames are kept as a fixed-size digest, and the table is bounded.
TEST(LoginThrottleTest, MemoryIsBoundedWhateverTheUsernames) {
  LoginThrottle t;
  std::string long_name(1 << 20, 'x');
  for (int i = 0; i < 300; ++i) t.Admit(long_name + std::to_string(i), 1000);
  EXPECT_EQ(t.Tracked(), 300u);
}

}  // namespace
}  // namespace reilu::api
