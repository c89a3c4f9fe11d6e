#include "service/session.h"

#include "crypto/crypto.h"
#include "service/login_throttle.h"

namespace reilu::service {

namespace {

// Usernames are at most 100 bytes (admin.cc); passwords longer than this are refused unhashed.
constexpr size_t kMaxUsername = 100;
constexpr size_t kMaxPassword = 1024;

// A fixed hash verified when the user does not exist, so response time does not reveal usernames.
const std::string& DummyHash() {
  static const std::string hash = *crypto::HashPassword("reilu-dummy-password", crypto::PasswordCost::Interactive());
  return hash;
}

}  // namespace

Result<LoginOutcome> LogIn(Context& ctx, const std::string& username, const std::string& password,
                           const std::string& client_address, UnixTime session_seconds) {
  // No account has a longer name; a long password only costs hashing time.
  if (username.size() > kMaxUsername) {
    return MakeError(ErrorCode::kInvalidInput, "The username is too long.", "username");
  }
  if (password.size() > kMaxPassword) {
    return MakeError(ErrorCode::kInvalidInput, "The password is too long.", "password");
  }
  LoginThrottle throttle(ctx.store);
  auto wait = throttle.Admit(username, client_address, ctx.now());
  if (!wait) return wait.error();
  if (*wait > 0) return LoginOutcome{std::nullopt, *wait};
  auto login = ctx.store.FindLogin(username);
  const bool ok = login && login->first.active && crypto::VerifyPassword(login->second, password);
  if (!login) (void)crypto::VerifyPassword(DummyHash(), password);
  if (!ok) {  // Admit counted the failure already
    if (login) {
      (void)ctx.store.AppendAudit(
          store::AuditEvent{login->first.org_id, login->first.id, audit_action::kLoginFailed, 0, {}, "{}"}, ctx.now());
    }
    return MakeError(ErrorCode::kUnauthenticated, "Wrong username or password.");
  }
  REILU_TRY(throttle.Succeeded(username, client_address));
  const User& user = login->first;
  std::string token = crypto::RandomToken();
  store::Session session{crypto::Sha256Hex(token), user.id, user.org_id, crypto::RandomToken(),
                         ctx.now() + session_seconds};
  REILU_TRY(ctx.store.CreateSession(session, store::AuditEvent{user.org_id, user.id, audit_action::kLogin, 0, {}, "{}"},
                                    ctx.now()));
  return LoginOutcome{SignedIn{user, std::move(session), std::move(token)}, 0};
}

Result<Caller> Authenticate(Context& ctx, const std::string& token, bool safe, const std::string& csrf_sent) {
  if (token.empty()) return MakeError(ErrorCode::kUnauthenticated, "Please log in.");
  auto found = ctx.store.FindSessionUser(crypto::Sha256Hex(token), ctx.now());
  if (!found) {
    if (found.error().code == ErrorCode::kNotFound) {
      return MakeError(ErrorCode::kUnauthenticated, "Your session has ended. Please log in again.");
    }
    return found.error();
  }
  auto& [session, user] = *found;
  if (!safe && !crypto::ConstantTimeEquals(csrf_sent, session.csrf_token)) {
    return MakeError(ErrorCode::kCsrfFailed, "The request is missing its CSRF token.");
  }
  if (!user.active) return MakeError(ErrorCode::kUnauthenticated, "This account is disabled.");
  return Caller{std::move(user), std::move(session)};
}

Status LogOut(Context& ctx, const store::Session& session) { return ctx.store.DeleteSession(session.token_hash); }

}  // namespace reilu::service
