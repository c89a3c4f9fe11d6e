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

class Transport {
 public:
  virtual ~Transport() = default;
  // Delivers one rendered RFC 5322 message; an error means "try again later".
  virtual Status Send(const std::string& from, const std::string& to, const std::string& eml) = 0;
};

// Writes <dir>/<file_stem>.eml (0600) atomically; file names carry no identity.
class OutboxDirectory : public Transport {
 public:
  explicit OutboxDirectory(std::string dir) : dir_(std::move(dir)) {}
  Status Send(const std::string& from, const std::string& to, const std::string& eml) override;

 private:
  std::string dir_;
};

class SmtpTransport : public Transport {
 public:
  explicit SmtpTransport(SmtpSettings settings) : settings_(std::move(settings)) {}
  Status Send(const std::string& from, const std::string& to, const std::string& eml) override;

 private:
  SmtpSettings settings_;
};

}  // namespace reilu::notify
