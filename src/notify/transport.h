// Delivering rendered messages: SMTP through libcurl, or (the embedded default) .eml files in an
// outbox folder that an operator or a test can read.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "core/result.h"

namespace reilu::notify {

struct SmtpSettings {
  std::string host;
  int port = 587;
  std::string security = "starttls";  // starttls | tls (SMTPS) | none (loopback hosts only)
  std::string username;               // empty: no AUTH
  std::string password;
  std::string from_address;
  std::string from_name;
  std::string ca_file;  // optional CA bundle for a private certificate authority
};

// Checks the settings; `none` is refused unless the host is a loopback address.
Status ValidateSmtpSettings(const SmtpSettings& s);

// The settings as the store keeps them (JSON, sealed at rest), password included; and back.
std::string SerializeSmtpSettings(const SmtpSettings& s);
std::optional<SmtpSettings> ParseSmtpSettings(std::string_view json);

// One rendered RFC 5322 message and where it goes. `id` is the queue's random id of the message.
struct Envelope {
  std::string id;
  std::string from;
  std::string to;
  std::string eml;
};

class Transport {
 public:
  virtual ~Transport() = default;
  // Delivers one message; an error means "try again later".
  virtual Status Send(const Envelope& mail) = 0;
};

// Writes <dir>/<id>.eml (0600) atomically: the file is named by the queue id (random, no identity),
// so that erasing a recruitment's identities can remove its files too (OutboxFileOf).
class OutboxDirectory : public Transport {
 public:
  explicit OutboxDirectory(std::string dir) : dir_(std::move(dir)) {}
  Status Send(const Envelope& mail) override;
  // The file a message with queue id `id` is written to in `dir`; empty for an id that cannot name
  // a file (such messages get a time-stamped name).
  static std::string OutboxFileOf(const std::string& dir, const std::string& id);

 private:
  std::string dir_;
};

class SmtpTransport : public Transport {
 public:
  explicit SmtpTransport(SmtpSettings settings) : settings_(std::move(settings)) {}
  Status Send(const Envelope& mail) override;

 private:
  SmtpSettings settings_;
};

}  // namespace reilu::notify
