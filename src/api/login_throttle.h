// Slows password guessing: after too many failed logins for one key (a username, an address, or
// both) within a window, further attempts are refused until the window ends. Kept in memory per
// node (a cache, like everything a node holds); bounded in size, keyed by a fixed-size digest so
// that long keys cannot grow it.
#pragma once

#include <map>
#include <mutex>
#include <string>

#include "core/types.h"

namespace reilu::api {

class LoginThrottle {
 public:
  static constexpr int kMaxFailures = 10;  // the default
  explicit LoginThrottle(int max_failures = kMaxFailures) : max_failures_(max_failures) {}
  static constexpr UnixTime kWindowSeconds = 15 * 60;
  static constexpr size_t kMaxTracked = 100000;

  // Seconds until `key` may try again, or 0: then this attempt is counted as a failure at once
  // (RecordSuccess or Forgive takes it back), so concurrent guesses cannot slip past the count.
  UnixTime Admit(const std::string& key, UnixTime now);
  // Clears the key's count.
  void RecordSuccess(const std::string& key);
  // Takes back one counted attempt (a success from an address that others share).
  void Forgive(const std::string& key);
  size_t Tracked();

 private:
  struct Window {
    UnixTime started = 0;
    int failures = 0;
  };
  static std::string Key(const std::string& username);
  int max_failures_;
  std::mutex mutex_;
  std::map<std::string, Window> windows_;
};

}  // namespace reilu::api
