#include "api/login_throttle.h"

namespace reilu::api {

UnixTime LoginThrottle::RetryAfter(const std::string& username, UnixTime now) {
  std::lock_guard lock(mutex_);
  auto it = windows_.find(username);
  if (it == windows_.end()) return 0;
  UnixTime ends = it->second.started + kWindowSeconds;
  if (now >= ends) {
    windows_.erase(it);
    return 0;
  }
  return it->second.failures >= kMaxFailures ? ends - now : 0;
}

void LoginThrottle::RecordFailure(const std::string& username, UnixTime now) {
  std::lock_guard lock(mutex_);
  if (windows_.size() >= kMaxTracked) {
    for (auto it = windows_.begin(); it != windows_.end();) {
      it = now >= it->second.started + kWindowSeconds ? windows_.erase(it) : std::next(it);
    }
    if (windows_.size() >= kMaxTracked) windows_.erase(windows_.begin());
  }
  Window& w = windows_[username];
  if (w.failures == 0 || now >= w.started + kWindowSeconds) w = Window{now, 0};
  ++w.failures;
}

void LoginThrottle::RecordSuccess(const std::string& username) {
  std::lock_guard lock(mutex_);
  windows_.erase(username);
}

}  // namespace reilu::api
