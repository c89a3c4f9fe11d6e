#include "http/limits.h"

#include <algorithm>
#include <cmath>

namespace reilu::http {

ConcurrencyLimit::Slot::~Slot() {
  if (!owner_) return;
  {
    std::lock_guard lock(owner_->mutex_);
    --owner_->running_;
  }
  owner_->freed_.notify_one();
}

std::unique_ptr<ConcurrencyLimit::Slot> ConcurrencyLimit::Acquire() {
  std::unique_lock lock(mutex_);
  if (running_ >= max_) {
    if (waiting_ >= max_waiting_) return nullptr;
    ++waiting_;
    bool got = freed_.wait_for(lock, max_wait_, [this] { return running_ < max_; });
    --waiting_;
    if (!got) return nullptr;
  }
  ++running_;
  return std::make_unique<Slot>(this);
}

int ConcurrencyLimit::Running() const {
  std::lock_guard lock(mutex_);
  return running_;
}

int ConcurrencyLimit::Waiting() const {
  std::lock_guard lock(mutex_);
  return waiting_;
}

int AddressRateLimit::Take(const std::string& address, Clock::time_point now) {
  std::lock_guard lock(mutex_);
  auto it = buckets_.find(address);
  if (it == buckets_.end()) {
    if (buckets_.size() >= max_addresses_) {
      // Forget the buckets that have refilled (they equal a new one); if none has, the one idle
      // longest. The sweep frees many places at once, so it runs rarely.
      const double refill_seconds = burst_ / per_second_;
      for (auto b = buckets_.begin(); b != buckets_.end();) {
        bool refilled = std::chrono::duration<double>(now - b->second.updated).count() >= refill_seconds;
        b = refilled ? buckets_.erase(b) : std::next(b);
      }
      if (buckets_.size() >= max_addresses_) {
        buckets_.erase(std::min_element(buckets_.begin(), buckets_.end(), [](const auto& a, const auto& b) {
          return a.second.updated < b.second.updated;
        }));
      }
    }
    it = buckets_.emplace(address, Bucket{burst_, now}).first;
  }
  Bucket& b = it->second;
  double elapsed = std::chrono::duration<double>(now - b.updated).count();
  b.tokens = std::min(burst_, b.tokens + std::max(0.0, elapsed) * per_second_);
  b.updated = now;
  if (b.tokens >= 1.0) {
    b.tokens -= 1.0;
    return 0;
  }
  return std::max(1, static_cast<int>(std::ceil((1.0 - b.tokens) / per_second_)));
}

std::size_t AddressRateLimit::Tracked() const {
  std::lock_guard lock(mutex_);
  return buckets_.size();
}

}  // namespace reilu::http
