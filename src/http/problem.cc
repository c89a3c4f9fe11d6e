#include "http/http.h"

namespace reilu::http {

namespace json = boost::json;

int HttpStatusFor(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidInput:
      return 422;
    case ErrorCode::kMalformedJson:
      return 400;
    case ErrorCode::kInvalidUtf8:
      return 400;
    case ErrorCode::kPayloadTooLarge:
      return 413;
    case ErrorCode::kUnauthenticated:
      return 401;
    case ErrorCode::kForbidden:
      return 403;
    case ErrorCode::kCsrfFailed:
      return 403;
    case ErrorCode::kNotFound:
      return 404;
    case ErrorCode::kConflict:
      return 409;
    case ErrorCode::kPolicyViolation:
      return 422;
    case ErrorCode::kDeadlinePassed:
      return 409;
    case ErrorCode::kIdempotencyConflict:
      return 409;
    case ErrorCode::kReasonRequired:
      return 422;
    case ErrorCode::kMethodNotAllowed:
      return 405;
    case ErrorCode::kRateLimited:
      return 429;
    case ErrorCode::kBusy:
      return 503;
    case ErrorCode::kRedactionUnavailable:
      return 422;
    case ErrorCode::kRecordsRequestRequired:
      return 422;
    case ErrorCode::kUnsupportedFile:
      return 415;
    case ErrorCode::kEncryptedFile:
      return 422;
    case ErrorCode::kBrokenFile:
      return 422;
    case ErrorCode::kCriteriaLocked:
      return 409;
    case ErrorCode::kScreeningNotOpen:
      return 409;
    case ErrorCode::kScoresFrozen:
      return 409;
    case ErrorCode::kRecused:
      return 403;
    case ErrorCode::kNotShortlisted:
      return 409;
    case ErrorCode::kNotEligible:
      return 409;
    case ErrorCode::kDecided:
      return 409;
    case ErrorCode::kWithdrawn:
      return 409;
    case ErrorCode::kInternal:
      return 500;
  }
  return 500;
}

Response JsonResponse(int status, const json::value& body) {
  return Response{status, "application/json", json::serialize(body), {}};
}

Response ProblemResponse(const Error& error) {
  int status = HttpStatusFor(error.code);
  // Internal details (SQL, paths) are logged, never returned.
  std::string detail = error.code == ErrorCode::kInternal ? "Something went wrong on the server." : error.message;
  json::object body{{"type", "https://reilu.fi/problems/" + std::string(ErrorCodeName(error.code))},
                    {"title", std::string(ErrorCodeName(error.code))},
                    {"status", status},
                    {"code", ErrorCodeName(error.code)},
                    {"detail", detail}};
  if (!error.field.empty()) body["field"] = error.field;
  return Response{status, "application/problem+json", json::serialize(body), {}};
}

Result<json::value> ParseJsonBody(const Request& req) {
  if (!IsValidUtf8(req.body)) return MakeError(ErrorCode::kInvalidUtf8, "The request body is not valid UTF-8.");
  if (req.body.empty()) return MakeError(ErrorCode::kMalformedJson, "A JSON body is required.");
  boost::system::error_code ec;
  json::parse_options opts;
  opts.max_depth = 32;
  json::value v = json::parse(req.body, ec, {}, opts);
  if (ec) return MakeError(ErrorCode::kMalformedJson, "The request body is not valid JSON.");
  return v;
}

}  // namespace reilu::http
