#include "service/login_throttle.h"

#include "crypto/crypto.h"

namespace reilu::service {

std::string LoginThrottle::Key(std::string_view kind, const std::string& value) {
  return std::string(kind) + ":" + crypto::Sha256Hex(value).substr(0, 32);
}

Result<UnixTime> LoginThrottle::Admit(const std::string& username, const std::string& address, UnixTime now) {
  return store_.AdmitLogin({{Key("pair", username + '\x1f' + address), kPerUserAndAddress},
                            {Key("address", address), kPerAddress},
                            {Key("user", username), kPerUser}},
                           kWindowSeconds, now);
}

Status LoginThrottle::Succeeded(const std::string& username, const std::string& address) {
  return store_.SettleLogin({Key("pair", username + '\x1f' + address), Key("user", username)},
                            {Key("address", address)});
}

}  // namespace reilu::service
