// Limits that keep one client, or a crowd, from taking the server's CPU: at most a few expensive
// requests run at once (the rest are refused at once with 503 instead of queueing in front of
// cheap ones such as /healthz), and each client address gets a bounded number of expensive
// requests per minute (429). Both are per node, in memory, bounded in size.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace reilu::http {

// What a route needs from the server besides its handler.
struct RouteOptions {
  std::size_t body_limit = 0;  // bytes, smaller or larger than the server's default; 0: the default
  bool expensive = false;      // CPU-heavy (e.g. runs the redaction engine) and open to anyone
};

class ConcurrencyLimit {
 public:
  // At most `max_running` hold a place; up to `max_waiting` more wait for one (each for at most
  // `max_wait`), so that waiting never ties up every server thread.
  ConcurrencyLimit(int max_running, int max_waiting, std::chrono::milliseconds max_wait)
      : max_(max_running), max_waiting_(max_waiting), max_wait_(max_wait) {}
  // Holds one of the places while alive.
  class Slot {
   public:
    explicit Slot(ConcurrencyLimit* owner) : owner_(owner) {}
    Slot(Slot&& other) noexcept : owner_(other.owner_) { other.owner_ = nullptr; }
    Slot(const Slot&) = delete;
    Slot& operator=(const Slot&) = delete;
    Slot& operator=(Slot&&) = delete;
    ~Slot();

   private:
    ConcurrencyLimit* owner_;
  };
  // A place, or nothing when none came free in time (or too many wait already).
  std::unique_ptr<Slot> Acquire();
  int Running() const;
  int Waiting() const;

 private:
  mutable std::mutex mutex_;
  std::condition_variable freed_;
  int max_, max_waiting_;
  std::chrono::milliseconds max_wait_;
  int running_ = 0, waiting_ = 0;
};

class AddressRateLimit {
 public:
  using Clock = std::chrono::steady_clock;
  // `per_minute` requests on average, up to `burst` at once; at most `max_addresses` remembered
  // (when full, the address idle longest is forgotten).
  AddressRateLimit(double per_minute, double burst, std::size_t max_addresses)
      : per_second_(per_minute / 60.0), burst_(burst), max_addresses_(max_addresses) {}
  // 0 when `address` may go ahead now (the request is counted); otherwise whole seconds to wait.
  int Take(const std::string& address, Clock::time_point now);
  std::size_t Tracked() const;

 private:
  struct Bucket {
    double tokens;
    Clock::time_point updated;
  };
  mutable std::mutex mutex_;
  double per_second_, burst_;
  std::size_t max_addresses_;
  std::map<std::string, Bucket> buckets_;
};

}  // namespace reilu::http
