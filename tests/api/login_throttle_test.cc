#include "api/login_throttle.h"

#include <gtest/gtest.h>

namespace reilu::api {
namespace {

TEST(LoginThrottleTest, LocksAfterTooManyFailuresUntilTheWindowEnds) {
  LoginThrottle t;
  const UnixTime start = 1000;
  for (int i = 0; i < LoginThrottle::kMaxFailures - 1; ++i) t.RecordFailure("hr", start + i);
  EXPECT_EQ(t.RetryAfter("hr", start + 20), 0);
  t.RecordFailure("hr", start + 20);
  EXPECT_EQ(t.RetryAfter("hr", start + 20), LoginThrottle::kWindowSeconds - 20);
  EXPECT_EQ(t.RetryAfter("other", start + 20), 0);
  EXPECT_EQ(t.RetryAfter("hr", start + LoginThrottle::kWindowSeconds), 0);  // window over
}

TEST(LoginThrottleTest, SuccessClearsTheCount) {
  LoginThrottle t;
  for (int i = 0; i < LoginThrottle::kMaxFailures - 1; ++i) t.RecordFailure("hr", 1000);
  t.RecordSuccess("hr");
  t.RecordFailure("hr", 1001);
  EXPECT_EQ(t.RetryAfter("hr", 1001), 0);
}

}  // namespace
}  // namespace reilu::api
