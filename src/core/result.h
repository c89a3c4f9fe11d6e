// One error type for every layer: a stable machine-readable code plus a human message.
// Functions that can fail return Result<T>; no exceptions cross module boundaries.
#pragma once

#include <cassert>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace reilu {

// Stable codes: they appear in problem+json responses and must never be renamed.
enum class ErrorCode {
  kInvalidInput,         // a field is missing or has a bad value
  kMalformedJson,        // the body is not JSON
  kInvalidUtf8,          // the body or a parameter is not UTF-8
  kPayloadTooLarge,      // request body over the limit
  kUnauthenticated,      // no valid session
  kForbidden,            // the caller's role or assignment does not allow this
  kCsrfFailed,           // missing or wrong CSRF token
  kNotFound,             // no such resource in the caller's organisation
  kConflict,             // state does not allow the change (e.g. already published)
  kPolicyViolation,      // the anonymity policy forbids this
  kDeadlinePassed,       // the application deadline has passed
  kIdempotencyConflict,  // an Idempotency-Key was reused with a different body
  kReasonRequired,       // the action needs a recorded reason
  kMethodNotAllowed,
  kRateLimited,             // too many attempts; try again later
  kCriteriaLocked,          // the criteria were locked when the application period ended
  kScreeningNotOpen,        // scoring starts when the application period is over
  kScoresFrozen,            // the shortlist froze the anonymous-stage scores
  kRecused,                 // the reviewer declared a conflict of interest for this application
  kNotShortlisted,          // the action needs an application on the shortlist
  kDecided,                 // the selection decision has been made
  kWithdrawn,               // the applicant withdrew the application
  kBusy,                    // too many expensive requests are running; try again shortly
  kRedactionUnavailable,    // the text could not be checked within the time budget
  kRecordsRequestRequired,  // the registry office reads identity only for a recorded records request
  kUnsupportedFile,         // an attachment that is not a PDF, DOCX or ODT (judged by its bytes)
  kEncryptedFile,           // an attachment behind a password
  kBrokenFile,              // an attachment that cannot be read (damaged, or over a parser limit)
  kNotEligible,             // the application was found not to meet the post's formal requirements
  kInternal,
};

std::string_view ErrorCodeName(ErrorCode code);

struct Error {
  ErrorCode code;
  std::string message;
  std::string field;  // optional: the offending input field
};

inline Error MakeError(ErrorCode code, std::string message, std::string field = {}) {
  return Error{code, std::move(message), std::move(field)};
}

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}      // NOLINT(google-explicit-constructor)
  Result(Error error) : v_(std::move(error)) {}  // NOLINT(google-explicit-constructor)

  bool ok() const { return std::holds_alternative<T>(v_); }
  explicit operator bool() const { return ok(); }

  T& value() & {
    assert(ok());
    return std::get<T>(v_);
  }
  const T& value() const& {
    assert(ok());
    return std::get<T>(v_);
  }
  T&& value() && {
    assert(ok());
    return std::get<T>(std::move(v_));
  }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T&& operator*() && { return std::move(*this).value(); }

  const Error& error() const {
    assert(!ok());
    return std::get<Error>(v_);
  }

 private:
  std::variant<T, Error> v_;
};

struct Ok {};
using Status = Result<Ok>;
inline Status OkStatus() { return Ok{}; }

}  // namespace reilu

// Propagates an error from an expression returning Result<...>.
#define REILU_CONCAT_INNER(a, b) a##b
#define REILU_CONCAT(a, b) REILU_CONCAT_INNER(a, b)
#define REILU_TRY(expr) REILU_TRY_IMPL(REILU_CONCAT(reilu_try_, __COUNTER__), expr)
#define REILU_TRY_IMPL(name, expr)  \
  do {                              \
    auto name = (expr);             \
    if (!name) return name.error(); \
  } while (0)
