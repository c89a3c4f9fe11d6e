#include "notify/dispatcher.h"

#include <boost/json.hpp>
#include <chrono>
#include <map>
#include <memory>

#include "notify/transport.h"

namespace reilu::notify {

namespace {

namespace json = boost::json;

std::unique_ptr<Transport> TransportFor(store::Store& store, OrgId org, const std::string& outbox) {
  auto settings = store.GetMailSettings(org);
  if (!settings || !*settings) return std::make_unique<OutboxDirectory>(outbox);
  boost::system::error_code ec;
  json::value v = json::parse(**settings, ec);
  if (ec || !v.is_object()) return std::make_unique<OutboxDirectory>(outbox);
  const auto& o = v.get_object();
  auto str = [&](const char* key) {
    const auto* f = o.if_contains(key);
    return f && f->is_string() ? std::string(f->get_string()) : std::string();
  };
  SmtpSettings s;
  s.host = str("host");
  s.security = str("security");
  s.username = str("username");
  s.password = str("password");
  s.from_address = str("from_address");
  s.from_name = str("from_name");
  s.ca_file = str("ca_file");
  if (const auto* p = o.if_contains("port"); p && p->is_int64()) s.port = static_cast<int>(p->get_int64());
  return std::make_unique<SmtpTransport>(s);
}

}  // namespace

MailDispatcher::MailDispatcher(store::Store& store, DispatcherOptions options, std::function<UnixTime()> now)
    : store_(store), options_(std::move(options)), now_(std::move(now)) {}

MailDispatcher::~MailDispatcher() { Stop(); }

UnixTime MailDispatcher::RetryDelay(std::int64_t attempt) {
  static constexpr UnixTime kDelays[] = {60, 300, 1800, 7200};
  if (attempt >= 1 && attempt <= 4) return kDelays[attempt - 1];
  return 6 * 3600;
}

int MailDispatcher::RunOnce() {
  auto due = store_.ClaimDueMail(now_(), options_.batch, 600);
  if (!due) return 0;
  std::map<OrgId, std::unique_ptr<Transport>> transports;
  int sent = 0;
  for (const auto& m : *due) {
    auto& transport = transports[m.org_id];
    if (!transport) transport = TransportFor(store_, m.org_id, options_.outbox_dir);
    Status delivered = transport->Send(m.from, m.to, m.eml);
    if (delivered) {
      (void)store_.MarkMailSent(m.id, now_());
      ++sent;
    } else {
      UnixTime retry = m.attempts >= options_.max_attempts ? 0 : now_() + RetryDelay(m.attempts);
      (void)store_.MarkMailFailed(m.id, delivered.error().message, retry);
    }
  }
  return sent;
}

void MailDispatcher::Start() {
  thread_ = std::thread([this] {
    std::unique_lock lock(mutex_);
    while (!stopping_) {
      lock.unlock();
      // A full batch means more may be waiting: go again at once.
      while (RunOnce() >= options_.batch) {
      }
      lock.lock();
      cv_.wait_for(lock, std::chrono::milliseconds(options_.poll_milliseconds), [this] { return stopping_; });
    }
  });
}

void MailDispatcher::Stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

}  // namespace reilu::notify
