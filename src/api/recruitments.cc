// Recruitments for staff: create and edit drafts, publish, close (src/service/recruitments.h).
#include "service/recruitments.h"
#include "api/handler.h"

namespace reilu::api {

namespace {

// The anonymity fields of a create or edit body; absent fields keep the current choice.
Result<service::AnonymityWish> ReadAnonymityWish(const json::value& body) {
  auto f = codec::Fields::Of(body, "");
  if (!f) return f.error();
  service::AnonymityWish wish;
  REILU_TRY(f->OptBool("anonymous", wish.anonymous));
  if (f->Find("anonymity_exception_reason")) {
    std::string reason;
    REILU_TRY(f->Str("anonymity_exception_reason", reason));
    wish.exception_reason = std::move(reason);
  }
  return wish;
}

// ?stage=&q=&mine=true&sort=created|newest|deadline|-deadline|title&lang=&cursor=&limit=
Result<service::RecruitmentQuery> ReadRecruitmentQuery(const http::Request& req) {
  using Order = service::RecruitmentQuery::Order;
  service::RecruitmentQuery q;
  REILU_TRY(QueryPage(req, q.offset, q.limit));
  REILU_TRY(QueryChoice(req, "stage", {"draft", "collecting", "screening", "shortlisted", "decided"}, q.stage));
  std::string mine, language;
  REILU_TRY(QueryChoice(req, "mine", {"true", "false"}, mine));
  q.mine = mine == "true";
  REILU_TRY(QueryChoice<Order>(req, "sort",
                               {{"created", Order::kCreated},
                                {"newest", Order::kNewest},
                                {"deadline", Order::kDeadline},
                                {"-deadline", Order::kLatestDeadline},
                                {"title", Order::kTitle}},
                               q.order));
  REILU_TRY(QueryChoice(req, "lang", {"fi", "sv", "en"}, language));
  if (!language.empty()) q.title_language = language;
  if (auto it = req.query.find("q"); it != req.query.end()) {
    if (it->second.size() > 100) return MakeError(ErrorCode::kInvalidInput, "The search is too long.", "q");
    q.text = it->second;
  }
  return q;
}

Result<http::Response> Show(const Result<Recruitment>& r, int status = 200) {
  if (!r) return r.error();
  return http::JsonResponse(status, codec::ToJson(*r));
}

}  // namespace

void RegisterRecruitmentRoutes(http::Router& router, ApiContext& ctx) {
  router.Add("GET", "/api/v1/recruitments", Wrap([&ctx](http::Request& req) -> Result<http::Response> {
               auto caller = RequireRole(ctx, req, {Role::kHr, Role::kReviewer, Role::kRegistry, Role::kDecisionMaker});
               if (!caller) return caller.error();
               auto query = ReadRecruitmentQuery(req);
               if (!query) return query.error();
               auto services = ctx.Services();
               auto page = service::RecruitmentsFor(services, caller->user, *query);
               if (!page) return page.error();
               json::array arr;
               for (const auto& item : page->items) {
                 json::object o = codec::ToJson(item.recruitment);
                 o["stage"] = item.stage;
                 if (item.applications) o["applications"] = *item.applications;
                 arr.push_back(std::move(o));
               }
               json::object out{{"recruitments", arr}, {"total", page->total}};
               out["next_cursor"] = page->next ? json::value(std::to_string(*page->next)) : json::value(nullptr);
               return http::JsonResponse(200, out);
             }));

  router.Add("POST", "/api/v1/recruitments", Wrap([&ctx](http::Request& req) -> Result<http::Response> {
               auto caller = RequireRole(ctx, req, {Role::kHr});
               if (!caller) return caller.error();
               auto body = JsonBody(req);
               if (!body) return body.error();
               Recruitment content;
               content.languages = {"fi"};
               REILU_TRY(codec::RecruitmentContentFromJson(*body, content));
               auto wish = ReadAnonymityWish(*body);
               if (!wish) return wish.error();
               auto services = ctx.Services();
               return Show(service::CreateRecruitment(services, caller->user, std::move(content), *wish), 201);
             }));

  router.Add("GET", "/api/v1/recruitments/{id}", Wrap([&ctx](http::Request& req) -> Result<http::Response> {
               auto caller = Authenticate(ctx, req);
               if (!caller) return caller.error();
               auto id = IdParam(req, "id");
               if (!id) return id.error();
               auto services = ctx.Services();
               auto view = service::RecruitmentFor(services, caller->user, *id);
               if (!view) return view.error();
               json::object out = codec::ToJson(view->recruitment);
               if (view->application_count) out["application_count"] = *view->application_count;
               return http::JsonResponse(200, out);
             }));

  router.Add("PATCH", "/api/v1/recruitments/{id}", Wrap([&ctx](http::Request& req) -> Result<http::Response> {
               auto caller = RequireRole(ctx, req, {Role::kHr});
               if (!caller) return caller.error();
               auto id = IdParam(req, "id");
               if (!id) return id.error();
               auto body = JsonBody(req);
               if (!body) return body.error();
               auto f = codec::Fields::Of(*body, "");
               if (!f) return f.error();
               std::optional<std::int64_t> version;
               if (f->Find("version")) {
                 std::int64_t given = 0;
                 REILU_TRY(f->Int("version", given));
                 version = given;
               }
               auto wish = ReadAnonymityWish(*body);
               if (!wish) return wish.error();
               auto services = ctx.Services();
               auto edit = [&](Recruitment& r) { return codec::RecruitmentContentFromJson(*body, r); };
               return Show(service::EditRecruitment(services, caller->user, *id, version, edit, *wish));
             }));

  router.Add("POST", "/api/v1/recruitments/{id}/publish", Wrap([&ctx](http::Request& req) -> Result<http::Response> {
               auto caller = RequireRole(ctx, req, {Role::kHr});
               if (!caller) return caller.error();
               auto id = IdParam(req, "id");
               if (!id) return id.error();
               auto services = ctx.Services();
               return Show(service::PublishRecruitment(services, caller->user, *id));
             }));

  // What would stop publishing, all at once: the owner's check before confirming.
  router.Add(
      "GET", "/api/v1/recruitments/{id}/publish-check", Wrap([&ctx](http::Request& req) -> Result<http::Response> {
        auto caller = Authenticate(ctx, req);
        if (!caller) return caller.error();
        auto id = IdParam(req, "id");
        if (!id) return id.error();
        auto services = ctx.Services();
        auto problems = service::PublishCheck(services, caller->user, *id);
        if (!problems) return problems.error();
        json::array arr;
        for (const auto& p : *problems) {
          arr.push_back(json::object{{"code", ErrorCodeName(p.code)}, {"field", p.field}, {"detail", p.message}});
        }
        return http::JsonResponse(200, json::object{{"publishable", arr.empty()}, {"problems", arr}});
      }));

  router.Add("POST", "/api/v1/recruitments/{id}/close", Wrap([&ctx](http::Request& req) -> Result<http::Response> {
               auto caller = RequireRole(ctx, req, {Role::kHr});
               if (!caller) return caller.error();
               auto id = IdParam(req, "id");
               if (!id) return id.error();
               auto services = ctx.Services();
               return Show(service::CloseRecruitment(services, caller->user, *id));
             }));
}

}  // namespace reilu::api
