#include "notify/dispatcher.h"

#include <chrono>
#include <map>
#include <memory>

namespace reilu::notify {

namespace {

std::unique_ptr<Transport> TransportFor(store::Store& store, OrgId org, const std::string& outbox) {
  auto settings = StoredSmtpSettings(store, org);
  if (!settings || !*settings) return std::make_unique<OutboxDirectory>(outbox);
  return std::make_unique<SmtpTransport>(**settings);
}

}  // namespace

Result<std::optional<SmtpSettings>> StoredSmtpSettings(store::Store& store, OrgId org) {
  auto stored = store.GetMailSettings(org);
  if (!stored) return stored.error();
  if (!*stored) return std::optional<SmtpSettings>();
  auto parsed = ParseSmtpSettings(**stored);
  if (!parsed) return MakeError(ErrorCode::kInternal, "The stored mail settings are corrupt.");
  return parsed;
}

MailDispatcher::MailDispatcher(store::Store& store, DispatcherOptions options, std::function<UnixTime()> now)
    : store_(store), options_(std::move(options)), now_(std::move(now)) {}

MailDispatcher::~MailDispatcher() { Stop(); }

std::string WithoutAddresses(std::string_view message) {
  std::string out;
  size_t i = 0;
  auto separator = [](char c) {
    return c == ' ' || c == '<' || c == '>' || c == '"' || c == '\'' || c == ',' || c == ';' || c == '(' || c == ')' ||
           c == '[' || c == ']' || c == '\t' || c == '\n' || c == '\r' || c == ':';
  };
  while (i < message.size()) {
    if (separator(message[i])) {
      out += message[i++];
      continue;
    }
    size_t end = i;
    while (end < message.size() && !separator(message[end])) ++end;
    std::string_view token = message.substr(i, end - i);
    out += token.find('@') != std::string_view::npos ? std::string("[address]") : std::string(token);
    i = end;
  }
  return out;
}

UnixTime MailDispatcher::RetryDelay(std::int64_t attempt) {
  static constexpr UnixTime kDelays[] = {60, 300, 1800, 7200};
  if (attempt >= 1 && attempt <= 4) return kDelays[attempt - 1];
  return 6 * 3600;
}

int MailDispatcher::RunOnce() {
  auto due = store_.ClaimDueMail(now_(), options_.batch, options_.lease_seconds);
  if (!due) return 0;
  std::map<OrgId, std::unique_ptr<Transport>> transports;
  int sent = 0;
  for (const auto& m : *due) {
    auto& transport = transports[m.org_id];
    if (!transport) transport = TransportFor(store_, m.org_id, options_.outbox_dir);
    Status delivered = transport->Send(Envelope{m.id, m.from, m.to, m.eml});
    if (delivered) {
      (void)store_.MarkMailSent(m.id, now_());
      ++sent;
    } else {
      UnixTime retry = m.attempts >= options_.max_attempts ? 0 : now_() + RetryDelay(m.attempts);
      (void)store_.MarkMailFailed(m.id, WithoutAddresses(delivered.error().message), retry);
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
