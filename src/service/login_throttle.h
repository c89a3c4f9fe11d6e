// Slows password guessing: after too many failed logins for a username from one address (10), from
// one address across usernames (30) or for one username across addresses (100) within 15 minutes,
// further attempts are refused until the window ends. The counts live in the database, so every
// node behind a balancer sees the same ones; keys are fixed-size digests, so long usernames cannot
// grow them.
#pragma once

#include <string>

#include "store/store.h"

namespace reilu::service {

// A counting key for AdmitLogin: the kind and a fixed-size digest of the value (a username, an
// address), so long values cannot grow the table.
std::string ThrottleKey(std::string_view kind, const std::string& value);
// The same for an e-mail address, in any letter case ("Aino@X.fi" counts as "aino@x.fi").
std::string EmailThrottleKey(std::string_view kind, std::string_view email);

class LoginThrottle {
 public:
  static constexpr UnixTime kWindowSeconds = 15 * 60;
  static constexpr int kPerUserAndAddress = 10;
  static constexpr int kPerAddress = 30;
  static constexpr int kPerUser = 100;

  explicit LoginThrottle(store::Store& store) : store_(store) {}

  // Seconds until this username may try again from this address, or 0: then the attempt is
  // counted as failed at once (Succeeded takes it back), so concurrent guesses cannot slip past.
  Result<UnixTime> Admit(const std::string& username, const std::string& address, UnixTime now);
  // A successful login: the username's counts start again; the address keeps the others' failures
  // but not this attempt (many people may share one address).
  Status Succeeded(const std::string& username, const std::string& address);

 private:
  store::Store& store_;
};

}  // namespace reilu::service
