#include "core/result.h"

namespace reilu {

std::string_view ErrorCodeName(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidInput:
      return "invalid_input";
    case ErrorCode::kMalformedJson:
      return "malformed_json";
    case ErrorCode::kInvalidUtf8:
      return "invalid_utf8";
    case ErrorCode::kPayloadTooLarge:
      return "payload_too_large";
    case ErrorCode::kUnauthenticated:
      return "unauthenticated";
    case ErrorCode::kForbidden:
      return "forbidden";
    case ErrorCode::kCsrfFailed:
      return "csrf_failed";
    case ErrorCode::kNotFound:
      return "not_found";
    case ErrorCode::kConflict:
      return "conflict";
    case ErrorCode::kPolicyViolation:
      return "policy_violation";
    case ErrorCode::kDeadlinePassed:
      return "deadline_passed";
    case ErrorCode::kIdempotencyConflict:
      return "idempotency_conflict";
    case ErrorCode::kReasonRequired:
      return "reason_required";
    case ErrorCode::kMethodNotAllowed:
      return "method_not_allowed";
    case ErrorCode::kRateLimited:
      return "rate_limited";
    case ErrorCode::kBusy:
      return "busy";
    case ErrorCode::kRedactionUnavailable:
      return "redaction_unavailable";
    case ErrorCode::kRecordsRequestRequired:
      return "records_request_required";
    case ErrorCode::kUnsupportedFile:
      return "unsupported_file";
    case ErrorCode::kEncryptedFile:
      return "encrypted_file";
    case ErrorCode::kNotEligible:
      return "not_eligible";
    case ErrorCode::kBrokenFile:
      return "broken_file";
    case ErrorCode::kCriteriaLocked:
      return "criteria_locked";
    case ErrorCode::kScreeningNotOpen:
      return "screening_not_open";
    case ErrorCode::kScoresFrozen:
      return "scores_frozen";
    case ErrorCode::kRecused:
      return "recused";
    case ErrorCode::kNotShortlisted:
      return "not_shortlisted";
    case ErrorCode::kDecided:
      return "decided";
    case ErrorCode::kWithdrawn:
      return "withdrawn";
    case ErrorCode::kInternal:
      return "internal";
  }
  return "internal";
}

}  // namespace reilu
