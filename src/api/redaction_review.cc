// Review before release: the owning HR specialist sees each original text with the spans the engine
// proposes to hide (an audited identity read), adds or removes spans, and releases; texts the engine
// is unsure about, and merits that name a place, are marked "needs a look" and are left out of bulk
// release. Every release is audited with what was done.
#include <algorithm>
#include <set>

#include "api/handler.h"
#include "service/redaction.h"

namespace reilu::api {

namespace {

json::object SpanJson(const ProposedSpan& s) {
  return json::object{{"start", s.start},
                      {"end", s.end},
                      {"type", s.type},
                      {"confidence", s.confidence},
                      {"sure", s.confidence >= kSureSpan}};
}

json::object ReviewJson(const RedactionReview& review, const IdentifiedApplication& full) {
  json::array texts;
  for (const auto& t : review.texts) {
    json::array spans;
    for (const auto& s : t.spans) spans.push_back(SpanJson(s));
    texts.push_back(json::object{{"field", t.field}, {"original", t.original}, {"spans", spans}});
  }
  json::array flags;
  for (const auto& f : review.merit_flags) {
    flags.push_back(json::object{{"field", f.field}, {"value", f.value}, {"reason", f.reason}});
  }
  return json::object{{"application_id", full.anonymous.id},
                      {"pseudonym", full.anonymous.pseudonym},
                      {"texts", texts},
                      {"merit_flags", flags},
                      {"needs_a_look", review.NeedsALook()},
                      {"released", full.anonymous.redacted.has_value()}};
}

Result<Caller> Staff(ApiContext& ctx, const http::Request& req) {
  return RequireRole(ctx, req, {Role::kHr, Role::kReviewer, Role::kRegistry});
}

Result<service::RedactionUnderReview> LoadReview(ApiContext& ctx, const http::Request& req, const User& actor) {
  auto id = IdParam(req, "id");
  if (!id) return id.error();
  auto services = ctx.Services();
  return service::LoadRedactionReview(services, actor, *id, req.params.at("application_id"));
}

// Reads {"spans": {"<field>": [{"start", "end", "type"}...]}}: HR's final spans for every text.
Status ReadSpans(const codec::Fields& body, const RedactionReview& review,
                 std::map<std::string, std::vector<ProposedSpan>>& out) {
  const json::value* given = body.Find("spans");
  if (!given || !given->is_object()) return body.Invalid("spans", "must be an object keyed by text field");
  for (const auto& t : review.texts) {
    auto& spans = out[t.field];
    const json::value* list = given->as_object().if_contains(t.field);
    if (!list) return body.Invalid("spans", "has no entry for " + t.field);
    if (!list->is_array() || list->get_array().size() > 10000) {
      return body.Invalid("spans", "must give a list of spans for " + t.field);
    }
    const auto& items = list->get_array();
    for (size_t k = 0; k < items.size(); ++k) {
      auto span = ReadChosenSpan(items[k], "spans." + t.field + "[" + std::to_string(k) + "]", t.original);
      if (!span) return span.error();
      spans.push_back(std::move(*span));
    }
    std::sort(spans.begin(), spans.end(), [](const auto& a, const auto& b) { return a.start < b.start; });
  }
  return OkStatus();
}

}  // namespace

void RegisterRedactionReviewRoutes(http::Router& router, ApiContext& ctx) {
  router.Add("GET", "/api/v1/recruitments/{id}/applications/{application_id}/redaction",
             Wrap([&ctx](http::Request& req) -> Result<http::Response> {
               auto caller = Staff(ctx, req);
               if (!caller) return caller.error();
               auto reviewed = LoadReview(ctx, req, caller->user);
               if (!reviewed) return reviewed.error();
               return http::JsonResponse(200, ReviewJson(reviewed->review, reviewed->full));
             }));

  // Release: {"spans": {...}} after checking (the server applies them to the original), {} for the
  // proposal as it is, or {"free_text": {...}} written by HR.
  router.Add("PUT", "/api/v1/recruitments/{id}/applications/{application_id}/redaction",
             Wrap([&ctx](http::Request& req) -> Result<http::Response> {
               auto f = JsonFields(req);
               if (!f) return f.error();
               auto caller = Staff(ctx, req);
               if (!caller) return caller.error();
               auto reviewed = LoadReview(ctx, req, caller->user);
               if (!reviewed) return reviewed.error();
               service::ReleaseChoice choice;
               if (f->Find("spans")) {
                 std::map<std::string, std::vector<ProposedSpan>> spans;
                 REILU_TRY(ReadSpans(*f, reviewed->review, spans));
                 choice.spans = std::move(spans);
               } else if (const auto* given = f->Find("free_text")) {
                 RedactedText text;
                 REILU_TRY(codec::FromJson(*given, "free_text", text));
                 choice.written = std::move(text);
               }
               auto services = ctx.Services();
               auto released = service::ReleaseRedaction(services, caller->user, *reviewed, choice);
               if (!released) return released.error();
               json::object o = codec::ToJson(released->application);
               o["edited"] = released->note.edited;
               o["mode"] = released->note.mode;
               return http::JsonResponse(200, o);
             }));

  // Bulk release of the texts nothing is flagged in; the others are listed for a look.
  router.Add("POST", "/api/v1/recruitments/{id}/redactions/release",
             Wrap([&ctx](http::Request& req) -> Result<http::Response> {
               auto caller = Staff(ctx, req);
               if (!caller) return caller.error();
               auto id = IdParam(req, "id");
               if (!id) return id.error();
               auto f = JsonFields(req);
               if (!f) return f.error();
               std::vector<std::string> wanted;
               REILU_TRY(f->StrList("application_ids", wanted));
               auto services = ctx.Services();
               auto done = service::ReleaseUnflagged(services, caller->user, *id, wanted);
               if (!done) return done.error();
               json::array released, needs_a_look;
               for (const auto& app : done->released) released.push_back(json::string(app));
               for (const auto& app : done->needs_a_look) needs_a_look.push_back(json::string(app));
               return http::JsonResponse(200, json::object{{"released", released}, {"needs_a_look", needs_a_look}});
             }));
}

}  // namespace reilu::api
