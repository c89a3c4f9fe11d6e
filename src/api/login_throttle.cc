#include "api/login_throttle.h"

#include "crypto/crypto.h"

namespace reilu::api {

std::string LoginThrottle::Key(const std::string& username) { return crypto::Sha256Hex(username).substr(0, 32); }

UnixTime LoginThrottle::Admit(const std::string& raw_key, UnixTime now) {
  const std::string key = Key(raw_key);
  std::lock_guard lock(mutex_);
  auto it = windows_.find(key);
  if (it != windows_.end() && now >= it->second.started + kWindowSeconds) {
    windows_.erase(it);
    it = windows_.end();
  }
  if (it != windows_.end() && it->second.failures >= max_failures_) {
    return it->second.started + kWindowSeconds - now;
  }
  if (it == windows_.end()) {
    if (windows_.size() >= kMaxTracked) {
      for (auto w = windows_.begin(); w != windows_.end();) {
        w = now >= w->second.started + kWindowSeconds ? windows_.erase(w) : std::next(w);
      }
      if (windows_.size() >= kMaxTracked) windows_.erase(windows_.begin());
    }
    it = windows_.emplace(key, Window{now, 0}).first;
  }
  ++it->second.failures;
  return 0;
}

void LoginThrottle::RecordSuccess(const std::string& raw_key) {
  const std::string key = Key(raw_key);
  std::lock_guard lock(mutex_);
  windows_.erase(key);
}

void LoginThrottle::Forgive(const std::string& key) {
  const std::string digest = Key(key);
  std::lock_guard lock(mutex_);
  auto it = windows_.find(digest);
  if (it != windows_.end() && --it->second.failures <= 0) windows_.erase(it);
}

size_t LoginThrottle::Tracked() {
  std::lock_guard lock(mutex_);
  return windows_.size();
}

}  // namespace reilu::api
