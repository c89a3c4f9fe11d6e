// Staff sessions: logging in (throttled, audited with the session in one transaction), finding the
// caller of a request from the session token, logging out. Tokens are random; only their SHA-256
// is stored.
#pragma once

#include <optional>
#include <string>

#include "service/context.h"

namespace reilu::service {

struct SignedIn {
  User user;
  store::Session session;
  std::string token;  // for the cookie; never stored
};

struct LoginOutcome {
  std::optional<SignedIn> signed_in;
  UnixTime retry_after = 0;  // > 0: refused, too many failed attempts; try again after this many seconds
};

// Wrong credentials: kUnauthenticated (the same answer and about the same time whether or not the
// user exists).
Result<LoginOutcome> LogIn(Context& ctx, const std::string& username, const std::string& password,
                           const std::string& client_address, UnixTime session_seconds);

struct Caller {
  User user;
  store::Session session;
};
// The caller of a request carrying `token`. State-changing requests (`safe` false) must also send
// the session's CSRF token.
Result<Caller> Authenticate(Context& ctx, const std::string& token, bool safe, const std::string& csrf_sent);

Status LogOut(Context& ctx, const store::Session& session);

}  // namespace reilu::service
