// Slows password guessing: after too many failed logins for one username within a window, further
// attempts are refused until the window ends. Kept in memory per node (a cache, like everything a
// node holds); bounded in size, keyed by a fixed-size digest of the username so that long
// usernames cannot grow it.
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

  // Seconds until `username` may try again, or 0: then this attempt is counted as a failure at
  // once (RecordSuccess takes it back), so concurrent guesses cannot slip past the count.
  UnixTime Admit(const std::string& username, UnixTime now);
  void RecordSuccess(const std::string& username);
  size_t Tracked();

 private:
  struct Window {
    UnixTime started = 0;
    int failures = 0;
  };
  static std::string Key(const std::string& username);
  std::mutex mutex_;
  std::map<std::string, Window> windows_;
};

}  // namespace reilu::api
