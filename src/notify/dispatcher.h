// Sends queued e-mail in the background: requests only queue, so they never wait for SMTP. Each
// organisation's SMTP settings are used when an admin set them; otherwise messages are written
// to the outbox folder. Failures are retried with growing delays, then marked failed.
#pragma once

#include <atomic>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>

#include "notify/transport.h"
#include "store/store.h"

namespace reilu::notify {

// The organisation's SMTP settings as an admin set them; nullopt: none (the outbox folder is used).
Result<std::optional<SmtpSettings>> StoredSmtpSettings(store::Store& store, OrgId org);

struct DispatcherOptions {
  std::string outbox_dir;
  int poll_milliseconds = 500;
  int batch = 20;
  int max_attempts = 8;
  // How long a claimed message is this node's: a node that dies mid-send leaves its messages to
  // the others once the lease ends.
  int lease_seconds = 600;
};

// A delivery error as it may be kept and shown in the owner's mail log: e-mail addresses (a
// relay's "550 <someone@example.fi>: unknown") are replaced, since the log must name no recipient.
std::string WithoutAddresses(std::string_view message);

class MailDispatcher {
 public:
  MailDispatcher(store::Store& store, DispatcherOptions options, std::function<UnixTime()> now);
  ~MailDispatcher();

  void Start();
  void Stop();
  // Delivers what is due now; returns how many messages were sent.
  int RunOnce();

  // Seconds to wait before attempt `attempt` + 1: 1 min, 5 min, 30 min, 2 h, then 6 h.
  static UnixTime RetryDelay(std::int64_t attempt);

 private:
  store::Store& store_;
  DispatcherOptions options_;
  std::function<UnixTime()> now_;
  std::thread thread_;
  std::mutex mutex_;
  std::condition_variable cv_;
  bool stopping_ = false;
};

}  // namespace reilu::notify
