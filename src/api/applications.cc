// Applications for staff. The list and detail start from AnonymousApplication (no identity is
// loaded); identity is added only for applications the gate opens, and each read is audited.
#include <algorithm>
#include <cctype>
#include <charconv>

#include "api/handler.h"
#include "core/page.h"
#include "crypto/crypto.h"
#include "http/compress.h"
#include "service/screening.h"
#include "service/work.h"

namespace reilu::api {

namespace {

// Reads the optional `reason` field: what the caller states as the basis for the action.
Status ReadReason(const codec::Fields& f, std::string& reason) {
  REILU_TRY(f.Str("reason", reason));
  if (reason.size() > 2000) return f.Invalid("reason", "is too long");
  return OkStatus();
}

json::object WithStatus(const AnonymousApplication& app, bool lifted) {
  json::object o = codec::ToJson(app);
  o["lifted"] = lifted;
  return o;
}

// What the gate opened without a reason, beside the merits.
void AddIdentity(const IdentifiedApplication& full, json::object& out) {
  out["identity"] = codec::ToJson(full.identity);
  out["original_free_text"] = codec::ToJson(full.free_text);
}

// One page of a list: which items (filters), from where (cursor) and how many (limit).
struct ListQuery {
  size_t offset = 0;
  size_t limit = 0;  // 0: all
  std::string redaction, withdrawn, prefix;

  std::string Key() const {
    return std::to_string(offset) + "." + std::to_string(limit) + "." + redaction + "." + withdrawn + "." +
           crypto::Sha256Hex(prefix).substr(0, 8);
  }
  bool Wants(const ListedApplication& a) const {
    if (!redaction.empty() && (redaction == "ready") != a.released) return false;
    if (!withdrawn.empty() && (withdrawn == "true") != a.withdrawn) return false;
    return prefix.empty() || a.pseudonym.rfind(prefix, 0) == 0;
  }
  // {"recruitment_id", "anonymous", "applications": [...], "total", "next_cursor"}, spliced from the
  // serialised items without parsing them again.
  std::string Render(const Recruitment& r, const CachedList& list) const {
    std::vector<const ListedApplication*> wanted;
    for (const auto& a : list.items) {
      if (Wants(a)) wanted.push_back(&a);
    }
    const PageBounds page = PageOf(wanted.size(), offset, limit);
    size_t bytes = 200;
    for (size_t i = page.begin; i < page.end; ++i) bytes += wanted[i]->json.size() + 1;
    std::string out;
    out.reserve(bytes);
    out += "{\"recruitment_id\":" + std::to_string(r.id) + ",\"anonymous\":" + (r.anonymous ? "true" : "false") +
           ",\"applications\":[";
    for (size_t i = page.begin; i < page.end; ++i) {
      if (i > page.begin) out += ',';
      out += wanted[i]->json;
    }
    out += "],\"total\":" + std::to_string(wanted.size()) + ",\"next_cursor\":";
    out += page.next ? "\"" + std::to_string(*page.next) + "\"" : "null";
    out += '}';
    return out;
  }
};

Result<ListQuery> ReadListQuery(const http::Request& req) {
  ListQuery q;
  REILU_TRY(QueryPage(req, q.offset, q.limit));
  REILU_TRY(QueryChoice(req, "redaction", {"pending", "ready"}, q.redaction));
  REILU_TRY(QueryChoice(req, "withdrawn", {"true", "false"}, q.withdrawn));
  if (auto it = req.query.find("q"); it != req.query.end()) {
    if (it->second.size() > 20) return MakeError(ErrorCode::kInvalidInput, "The search is too long.", "q");
    for (char ch : it->second) q.prefix += static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  }
  return q;
}

// The whole list as the caller sees it. `with_identity` tells whether any item carries identity
// (then the list is not kept: each identity read is audited when served).
Result<std::shared_ptr<const CachedList>> BuildList(ApiContext& ctx, const Scope& scope, std::int64_t version,
                                                    bool& with_identity) {
  auto services = ctx.Services();
  const User& me = scope.caller.user;
  auto loaded = service::LoadApplicationList(services, me, scope.recruitment);
  if (!loaded) return loaded.error();
  auto list = std::make_shared<CachedList>();
  list->version = version;
  list->items.reserve(loaded->applications.size());
  for (const auto& app : loaded->applications) {
    ListedApplication item{{}, app.pseudonym, app.redacted.has_value(), app.withdrawn, false};
    // A recused reviewer keeps only the fact of the recusal.
    if (loaded->screening.IsRecused(app.id, me.id)) {
      item.recused = true;
      item.json = json::serialize(json::object{{"id", app.id}, {"pseudonym", app.pseudonym}, {"recused", true}});
    } else {
      json::object o = WithStatus(app, loaded->lifts.Covers(app.id));
      // The eligibility verdict (not the owner's reason): an ineligible one is not scored.
      auto verdict = loaded->screening.eligibility.find(app.id);
      o["eligible"] =
          verdict == loaded->screening.eligibility.end() ? json::value(nullptr) : json::value(verdict->second.eligible);
      auto identity =
          service::IdentityWithoutReason(services, me, scope.recruitment, loaded->lifts.Covers(app.id), app.id);
      if (!identity) return identity.error();
      if (*identity) {
        AddIdentity(**identity, o);
        with_identity = true;
      }
      item.json = json::serialize(o);
    }
    list->items.push_back(std::move(item));
  }
  return std::shared_ptr<const CachedList>(std::move(list));
}

}  // namespace

void RegisterApplicationRoutes(http::Router& router, ApiContext& ctx) {
  // The list in the caller's own order, one page at a time (?limit=&cursor=), with filters
  // (?redaction=pending|ready, ?withdrawn=true|false, ?q=pseudonym prefix). Built once per change
  // of the recruitment's data and cut into pages from the cache; a list without identity carries
  // an ETag, and an unchanged one is answered 304.
  router.Add("GET", "/api/v1/recruitments/{id}/applications",
             Wrap([&ctx](http::Request& req) -> Result<http::Response> {
               auto scope = LoadScope(ctx, req);
               if (!scope) return scope.error();
               const Recruitment& r = scope->recruitment;
               const User& me = scope->caller.user;
               auto page = ReadListQuery(req);
               if (!page) return page.error();
               auto services = ctx.Services();
               auto version = service::ApplicationsVersion(services, me, r);
               if (!version) return version.error();
               const std::string etag =
                   "W/\"" + std::to_string(*version) + "-" + std::to_string(me.id) + "-" + page->Key() + "\"";
               std::shared_ptr<const CachedList> list = ctx.list_cache.Find(r.id, me.id, *version);
               bool with_identity = false;
               if (!list) {
                 auto built = BuildList(ctx, *scope, *version, with_identity);
                 if (!built) return built.error();
                 list = std::move(*built);
                 if (!with_identity) ctx.list_cache.Keep(r.id, me.id, list);
               } else if (req.Header("if-none-match") == etag) {
                 http::Response not_modified{304, "application/json", "", {}};
                 not_modified.headers.emplace_back("ETag", etag);
                 not_modified.headers.emplace_back("Cache-Control", "private, no-cache");
                 return not_modified;
               }
               // A list with identity is never kept, so its pages are not either.
               http::Response res{200, "application/json", "", {}};
               if (with_identity) {
                 res.body = page->Render(r, *list);
                 res.headers.emplace_back("Cache-Control", "no-store");
               } else {
                 res.shared_body = list->Page(page->Key(), [&] { return page->Render(r, *list); });
                 res.headers.emplace_back("ETag", etag);
                 res.headers.emplace_back("Cache-Control", "private, no-cache");
                 // Lists without identity go compressed; a list with identity does not (it mixes
                 // identity with applicant-written text, and its reads are never cached).
                 http::EncodeBody(req, res, [&] { return list->Gzipped(page->Key(), res.shared_body->bytes()); });
               }
               return res;
             }));

  router.Add("GET", "/api/v1/recruitments/{id}/applications/{application_id}",
             Wrap([&ctx](http::Request& req) -> Result<http::Response> {
               auto scope = LoadScope(ctx, req);
               if (!scope) return scope.error();
               const Recruitment& r = scope->recruitment;
               const User& me = scope->caller.user;
               auto services = ctx.Services();
               auto one = service::LoadApplication(services, me, r, req.params["application_id"]);
               if (!one) return one.error();
               json::object o = WithStatus(one->application, one->lifted);
               auto identity = service::IdentityWithoutReason(services, me, r, one->lifted, one->application.id);
               if (!identity) return identity.error();
               if (*identity) AddIdentity(**identity, o);
               return http::JsonResponse(200, o);
             }));

  // Identity with a stated reason: the owning HR specialist before the lift; the registry office for a
  // records request it recorded (`records_request_id`). Lifted reviewers may use it too.
  router.Add("POST", "/api/v1/recruitments/{id}/applications/{application_id}/identity",
             Wrap([&ctx](http::Request& req) -> Result<http::Response> {
               auto scope = LoadScope(ctx, req);
               if (!scope) return scope.error();
               auto f = JsonFields(req);
               if (!f) return f.error();
               std::string reason;
               std::int64_t records_request = 0;
               REILU_TRY(ReadReason(*f, reason));
               REILU_TRY(f->Int("records_request_id", records_request));
               const Recruitment& r = scope->recruitment;
               const User& me = scope->caller.user;
               const std::string& app_id = req.params["application_id"];
               auto services = ctx.Services();
               auto app = service::LoadApplication(services, me, r, app_id);
               if (!app) return app.error();
               auto read = service::ReadIdentityWithReason(services, me, r, app_id, reason, records_request);
               if (!read) return read.error();
               json::object o = codec::ToJson(read->application);
               o["lifted"] = read->lifted;
               o["access_basis"] = AccessBasisName(read->access.basis());
               return http::JsonResponse(200, o);
             }));

  router.Add("POST", "/api/v1/recruitments/{id}/lift", Wrap([&ctx](http::Request& req) -> Result<http::Response> {
               auto scope = LoadScope(ctx, req);
               if (!scope) return scope.error();
               auto f = JsonFields(req);
               if (!f) return f.error();
               std::string reason;
               bool all = false;
               std::vector<std::string> ids;
               REILU_TRY(ReadReason(*f, reason));
               REILU_TRY(f->Bool("all", all));
               REILU_TRY(f->StrList("application_ids", ids));
               auto services = ctx.Services();
               auto lifts =
                   service::Lift(services, scope->caller.user, scope->recruitment.id, std::move(ids), all, reason);
               if (!lifts) return lifts.error();
               json::array lifted;
               for (const auto& id : lifts->applications) lifted.push_back(json::string(id));
               return http::JsonResponse(200, json::object{{"all", lifts->all}, {"application_ids", lifted}});
             }));
}

}  // namespace reilu::api
