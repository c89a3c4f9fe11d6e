#include "api/handler.h"

#include "pdf/pdf.h"

#include <charconv>

#include "service/session.h"
#include "service/work.h"

namespace reilu::api {

Result<Caller> Authenticate(ApiContext& ctx, const http::Request& req) {
  bool safe = req.method == "GET" || req.method == "HEAD" || req.method == "OPTIONS";
  auto services = ctx.Services();
  auto caller =
      service::Authenticate(services, req.Cookie(std::string(kSessionCookie)), safe, req.Header("x-csrf-token"));
  if (!caller) return caller.error();
  return Caller{std::move(caller->user), std::move(caller->session)};
}

Result<Caller> RequireRole(ApiContext& ctx, const http::Request& req, std::initializer_list<Role> roles) {
  auto caller = Authenticate(ctx, req);
  if (!caller) return caller;
  for (Role r : roles) {
    if (caller->user.role == r) return caller;
  }
  return MakeError(ErrorCode::kForbidden, "Your role does not allow this.");
}

Status QueryNumber(const http::Request& req, const char* name, size_t max, size_t& out) {
  auto it = req.query.find(name);
  if (it == req.query.end()) return OkStatus();
  size_t value = 0;
  auto [ptr, ec] = std::from_chars(it->second.data(), it->second.data() + it->second.size(), value);
  if (ec != std::errc() || ptr != it->second.data() + it->second.size() || value > max) {
    return MakeError(ErrorCode::kInvalidInput, std::string("The ") + name + " is not valid.", name);
  }
  out = value;
  return OkStatus();
}

Status QueryChoice(const http::Request& req, const char* name, std::initializer_list<const char*> allowed,
                   std::string& out) {
  auto it = req.query.find(name);
  if (it == req.query.end()) return OkStatus();
  for (const char* a : allowed) {
    if (it->second == a) {
      out = a;
      return OkStatus();
    }
  }
  return InvalidChoice(name);
}

Status InvalidChoice(const char* name) {
  return MakeError(ErrorCode::kInvalidInput, std::string("The ") + name + " filter is not valid.", name);
}

Status QueryPage(const http::Request& req, size_t& offset, size_t& limit) {
  REILU_TRY(QueryNumber(req, "cursor", 1000000, offset));
  REILU_TRY(QueryNumber(req, "limit", 1000, limit));
  if (req.query.count("limit") && limit == 0)
    return MakeError(ErrorCode::kInvalidInput, "The limit is 1 to 1000.", "limit");
  return OkStatus();
}

Result<Scope> LoadScope(ApiContext& ctx, const http::Request& req) {
  auto services = ctx.Services();
  auto together = service::ReadTogether(services);  // reads only until the scope is returned
  auto caller = RequireRole(ctx, req, {Role::kHr, Role::kReviewer, Role::kRegistry});
  if (!caller) return caller.error();
  auto id = IdParam(req, "id");
  if (!id) return id.error();
  auto r = service::LoadForWork(services, caller->user, *id);
  if (!r) return r.error();
  return Scope{std::move(*caller), std::move(*r)};
}

Result<Scope> LoadDecisionScope(ApiContext& ctx, const http::Request& req) {
  auto services = ctx.Services();
  auto together = service::ReadTogether(services);  // reads only until the scope is returned
  auto caller = RequireRole(ctx, req, {Role::kHr, Role::kReviewer, Role::kRegistry, Role::kDecisionMaker});
  if (!caller) return caller.error();
  auto id = IdParam(req, "id");
  if (!id) return id.error();
  auto r = service::LoadForDecision(services, caller->user, *id);
  if (!r) return r.error();
  return Scope{std::move(*caller), std::move(*r)};
}

Result<Scope> LoadOwnerScope(ApiContext& ctx, const http::Request& req, const char* refusal) {
  auto scope = LoadScope(ctx, req);
  if (!scope) return scope.error();
  if (!scope->IsOwner()) return MakeError(ErrorCode::kForbidden, refusal);
  return scope;
}

http::Handler Wrap(std::function<Result<http::Response>(http::Request&)> fn) {
  return [fn = std::move(fn)](http::Request& req) -> http::Response {
    auto res = fn(req);
    if (!res) {
      if (res.error().code == ErrorCode::kInternal) {
        std::fprintf(stderr, "{\"level\":\"error\",\"request_id\":\"%s\",\"code\":\"internal\"}\n",
                     req.request_id.c_str());
      }
      return http::ProblemResponse(res.error());
    }
    return std::move(*res);
  };
}

Result<std::int64_t> IdParam(const http::Request& req, const std::string& name) {
  auto it = req.params.find(name);
  std::int64_t value = 0;
  if (it != req.params.end()) {
    auto [ptr, ec] = std::from_chars(it->second.data(), it->second.data() + it->second.size(), value);
    if (ec == std::errc() && ptr == it->second.data() + it->second.size() && value > 0) return value;
  }
  return MakeError(ErrorCode::kNotFound, "No such resource.");
}

Result<json::value> JsonBody(const http::Request& req) {
  std::string type = req.Header("content-type");
  if (type.rfind("application/json", 0) != 0) {
    return MakeError(ErrorCode::kInvalidInput, "Send the body as application/json.", "content-type");
  }
  return http::ParseJsonBody(req);
}

Result<JsonObjectBody> JsonFields(const http::Request& req) {
  auto body = JsonBody(req);
  if (!body) return body.error();
  auto value = std::make_unique<json::value>(std::move(*body));
  auto fields = codec::Fields::Of(*value, "");
  if (!fields) return fields.error();
  return JsonObjectBody(std::move(value), *fields);
}

void RegisterRoutes(http::Router& router, ApiContext& ctx) {
  RegisterOpsRoutes(router, ctx);
  RegisterAuthRoutes(router, ctx);
  RegisterAdminRoutes(router, ctx);
  RegisterRecruitmentRoutes(router, ctx);
  RegisterApplicationRoutes(router, ctx);
  RegisterRedactionReviewRoutes(router, ctx);
  RegisterAttachmentRoutes(router, ctx);
  RegisterPublicRoutes(router, ctx);
  RegisterScreeningRoutes(router, ctx);
  RegisterSelectionRoutes(router, ctx);
  RegisterApplicantRoutes(router, ctx);
  RegisterDraftRoutes(router, ctx);
  RegisterRectificationRoutes(router, ctx);
  RegisterReportRoutes(router, ctx);
  RegisterRecordsRoutes(router, ctx);
  RegisterRetentionRoutes(router, ctx);
}

Result<std::string> DocumentLanguage(const http::Request& req) {
  auto it = req.query.find("lang");
  std::string lang = it == req.query.end() ? "fi" : it->second;
  if (!IsSupportedLanguage(lang)) return MakeError(ErrorCode::kInvalidInput, "The lang is fi, sv or en.", "lang");
  return lang;
}

Result<ProposedSpan> ReadChosenSpan(const json::value& item, const std::string& path, std::string_view text) {
  auto f = codec::Fields::Of(item, path);
  if (!f) return f.error();
  std::int64_t start = 0, end = 0;
  std::string type;
  REILU_TRY(f->Int("start", start, true));
  REILU_TRY(f->Int("end", end, true));
  REILU_TRY(f->Str("type", type, true));
  auto on_boundary = [&](std::int64_t pos) {
    return static_cast<size_t>(pos) == text.size() ||
           (static_cast<unsigned char>(text[static_cast<size_t>(pos)]) & 0xC0) != 0x80;
  };
  if (start < 0 || end <= start || static_cast<size_t>(end) > text.size() || !on_boundary(start) || !on_boundary(end)) {
    return f->Invalid("start", "must mark characters inside the text");
  }
  return ProposedSpan{static_cast<size_t>(start), static_cast<size_t>(end), type, 1.0};
}

Result<http::Response> PdfResponse(const Document& document, const std::string& filename) {
  auto pdf = pdf::Render(document);
  if (!pdf) return pdf.error();
  http::Response res{200, "application/pdf", std::move(*pdf), {}};
  res.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + filename + "\"");
  return res;
}

// One CSV field: quoted, quotes doubled, and a leading = + - @ neutralised (spreadsheet formulas).
std::string CsvField(std::string value) {
  if (!value.empty() && (value[0] == '=' || value[0] == '+' || value[0] == '-' || value[0] == '@')) {
    value.insert(0, "'");
  }
  std::string out = "\"";
  for (char c : value) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

// A CSV download for Excel: UTF-8 with a BOM, CRLF lines, every field quoted (CsvField).
http::Response CsvResponse(const CsvRows& rows, char separator, const std::string& filename) {
  std::string out = "\xEF\xBB\xBF";  // BOM: Excel reads the file as UTF-8
  for (const auto& fields : rows) {
    for (size_t i = 0; i < fields.size(); ++i) out += (i ? std::string(1, separator) : "") + CsvField(fields[i]);
    out += "\r\n";
  }
  http::Response res{200, "text/csv; charset=utf-8", std::move(out), {}};
  res.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + filename + "\"");
  return res;
}

Status ReadEmailAndLanguage(const codec::Fields& f, std::string& email, std::string& lang) {
  lang = "fi";
  REILU_TRY(f.Str("email", email, true));
  REILU_TRY(f.Str("lang", lang));
  if (!IsSupportedLanguage(lang)) return f.Invalid("lang", "must be fi, sv or en");
  return OkStatus();
}

}  // namespace reilu::api
