// Shared plumbing for handlers: authentication, CSRF, role checks and error mapping.
#pragma once

#include <initializer_list>
#include <map>
#include <memory>
#include <utility>

#include "api/api.h"
#include "codec/codec.h"
#include "core/document.h"
#include "core/rectification.h"
#include "service/applicant.h"
#include "service/applications.h"
#include "service/selection.h"

namespace reilu::api {

namespace json = boost::json;

inline constexpr std::string_view kSessionCookie = "reilu_session";

struct Caller {
  User user;
  store::Session session;
};

// Resolves the session cookie; for state-changing methods also checks the X-CSRF-Token header.
Result<Caller> Authenticate(ApiContext& ctx, const http::Request& req);
// Authenticate, then require one of `roles`.
Result<Caller> RequireRole(ApiContext& ctx, const http::Request& req, std::initializer_list<Role> roles);

// Reads the optional query parameter `name` as a whole number 0..max into `out` (kept when absent).
Status QueryNumber(const http::Request& req, const char* name, size_t max, size_t& out);
// Reads the optional query parameter `name`, which must be one of `allowed`, into `out`.
Status QueryChoice(const http::Request& req, const char* name, std::initializer_list<const char*> allowed,
                   std::string& out);
// The error for a query parameter that is none of its allowed values.
Status InvalidChoice(const char* name);
// The same with a value for each allowed name ({"title", Order::kTitle}): `out` becomes the value.
template <typename T>
Status QueryChoice(const http::Request& req, const char* name, std::initializer_list<std::pair<const char*, T>> allowed,
                   T& out) {
  auto it = req.query.find(name);
  if (it == req.query.end()) return OkStatus();
  for (const auto& [text, value] : allowed) {
    if (it->second == text) {
      out = value;
      return OkStatus();
    }
  }
  return InvalidChoice(name);
}
// A list's page: `cursor` (where it starts, from the previous page's next_cursor) and `limit`
// (1 to 1000; absent: the rest).
Status QueryPage(const http::Request& req, size_t& offset, size_t& limit);

// A recruitment and a caller allowed to work on its applications.
struct Scope {
  Caller caller;
  Recruitment recruitment;
  bool IsOwner() const { return IsRecruitmentOwner(caller.user, recruitment); }
};
// The caller must be the owner, an assigned reviewer, or the registry office (path parameter `id`).
Result<Scope> LoadScope(ApiContext& ctx, const http::Request& req);
// For the selection decision: LoadScope's callers and the recruitment's named decision-maker.
Result<Scope> LoadDecisionScope(ApiContext& ctx, const http::Request& req);
// LoadScope, then require the owning HR specialist.
Result<Scope> LoadOwnerScope(ApiContext& ctx, const http::Request& req, const char* refusal);

// Wraps a handler returning Result<Response> so errors become problem+json.
http::Handler Wrap(std::function<Result<http::Response>(http::Request&)> fn);

// Parses a positive integer path parameter.
Result<std::int64_t> IdParam(const http::Request& req, const std::string& name);

// Requires a JSON content type (a cross-site form cannot send one without a CORS preflight) and parses.
Result<json::value> JsonBody(const http::Request& req);

// A JSON object body with a field reader over it. The parsed body lives on the heap, so the reader
// stays valid when this is moved.
class JsonObjectBody : public codec::Fields {
 public:
  JsonObjectBody(std::unique_ptr<json::value> value, const codec::Fields& fields)
      : codec::Fields(fields), value_(std::move(value)) {}

 private:
  std::unique_ptr<json::value> value_;
};
// JsonBody, then require an object: the prologue of most state-changing handlers.
Result<JsonObjectBody> JsonFields(const http::Request& req);

// One span HR chose over `text` ({"start", "end", "type"}, UTF-8 byte offsets): inside the text,
// on character boundaries. Shared by the release of free text and of attachments.
Result<ProposedSpan> ReadChosenSpan(const json::value& item, const std::string& path, std::string_view text);

// The {"email", "lang"} of an applicant's ask for a link by e-mail (lang fi when absent).
Status ReadEmailAndLanguage(const codec::Fields& f, std::string& email, std::string& lang);

// The ?lang= of a document or notice (fi when absent); 422 for another.
Result<std::string> DocumentLanguage(const http::Request& req);
// A document as a PDF download named `filename` (no identity in it: file names leave the server).
Result<http::Response> PdfResponse(const Document& document, const std::string& filename);

void RegisterAuthRoutes(http::Router& router, ApiContext& ctx);
void RegisterAdminRoutes(http::Router& router, ApiContext& ctx);
void RegisterRecruitmentRoutes(http::Router& router, ApiContext& ctx);
void RegisterApplicationRoutes(http::Router& router, ApiContext& ctx);
void RegisterRedactionReviewRoutes(http::Router& router, ApiContext& ctx);
void RegisterAttachmentRoutes(http::Router& router, ApiContext& ctx);
void RegisterPublicRoutes(http::Router& router, ApiContext& ctx);
void RegisterScreeningRoutes(http::Router& router, ApiContext& ctx);
void RegisterSelectionRoutes(http::Router& router, ApiContext& ctx);
void RegisterRecordsRoutes(http::Router& router, ApiContext& ctx);
void RegisterRetentionRoutes(http::Router& router, ApiContext& ctx);
void RegisterApplicantRoutes(http::Router& router, ApiContext& ctx);
void RegisterDraftRoutes(http::Router& router, ApiContext& ctx);
void RegisterReportRoutes(http::Router& router, ApiContext& ctx);
void RegisterRectificationRoutes(http::Router& router, ApiContext& ctx);

// A CSV download for Excel: UTF-8 with a BOM, CRLF lines, every field quoted, a leading = + - @
// neutralised (spreadsheet formulas).
using CsvRows = std::vector<std::vector<std::string>>;
std::string CsvField(std::string value);
http::Response CsvResponse(const CsvRows& rows, char separator, const std::string& filename);

// The equality-law explanation of the selection for one application (after the decision).
json::object ExplanationJson(const Recruitment& r, const ApplicationId& app, const service::ExplanationData& e);
// An offer of the post with its answer and conditions, as the owner and the applicant see it.
json::object AcceptanceJson(const Acceptance& a);
// A rectification request as the applicant and the owner see it (with the answer's last day).
json::object RectificationJson(const RectificationRequest& r);
// The applicant named by the reference code and the secret of the status link in the JSON body.
Result<service::ApplicantView> IdentifyApplicantIn(ApiContext& ctx, const http::Request& req);
// The same explanation (equality act 10 §) as a document to print or send: the outcome, the
// criteria with their weights, the applicant's own results beside the selected person's merits
// and results, and the decision's reasoning. No identity: the selected are described by merits.
Result<Document> ExplanationDocument(ApiContext& ctx, const Recruitment& r, const json::object& explanation,
                                     const std::string& lang);
void RegisterOpsRoutes(http::Router& router, ApiContext& ctx);

}  // namespace reilu::api
