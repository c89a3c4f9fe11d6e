// Slows password guessing: after too many failed logins for one username within a window, further
// attempts are refused until the window ends. Kept in memory per node (a cache, like everything a
// node holds); bounded in size.
#pragma once

#include <map>
#include <mutex>
#include <string>

#include "core/types.h"

namespace reilu::api {

class LoginThrottle {
 public:
  static constexpr int kMaxFailures = 10;
  static constexpr UnixTime kWindowSeconds = 15 * 60;
  static constexpr size_t kMaxTracked = 100000;

  // Seconds until `username` may try again; 0 when it may try now.
  UnixTime RetryAfter(const std::string& username, UnixTime now);
  void RecordFailure(const std::string& username, UnixTime now);
  void RecordSuccess(const std::string& username);

 private:
  struct Window {
    UnixTime started = 0;
    int failures = 0;
  };
  std::mutex mutex_;
  std::map<std::string, Window> windows_;
};

}  // namespace reilu::api
