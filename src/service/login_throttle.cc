#include "service/login_throttle.h"

#include <cctype>

#include "crypto/crypto.h"

namespace reilu::service {

std::string ThrottleKey(std::string_view kind, const std::string& value) {
  return std::string(kind) + ":" + crypto::Sha256Hex(value).substr(0, 32);
}

std::string EmailThrottleKey(std::string_view kind, std::string_view email) {
  std::string lower;
  for (unsigned char ch : email) lower += static_cast<char>(std::tolower(ch));
  return ThrottleKey(kind, lower);
}

Result<UnixTime> LoginThrottle::Admit(const std::string& username, const std::string& address, UnixTime now) {
  return store_.AdmitLogin({{ThrottleKey("pair", username + '\x1f' + address), kPerUserAndAddress},
                            {ThrottleKey("address", address), kPerAddress},
                            {ThrottleKey("user", username), kPerUser}},
                           kWindowSeconds, now);
}

Status LoginThrottle::Succeeded(const std::string& username, const std::string& address) {
  return store_.SettleLogin({ThrottleKey("pair", username + '\x1f' + address), ThrottleKey("user", username)},
                            {ThrottleKey("address", address)});
}

}  // namespace reilu::service
