// Review before release: the owning HR specialist sees each original text with the spans the engine
// proposes to hide (an audited identity read), adds or removes spans, and releases; texts the engine
// is unsure about, and merits that name a place, are marked "needs a look" and are left out of bulk
// release. Every release is audited with what was done.
#include <algorithm>
#include <set>

#include "api/handler.h"

namespace reilu::api {

namespace {

constexpr const char* kCheckReason = "Checking the redaction before release";

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

// The owner only; reads the original (audited) and asks the engine for its proposal.
struct Reviewed {
  Scope scope;
  IdentifiedApplication full;
  RedactionReview review;
};

Result<Reviewed> LoadReview(ApiContext& ctx, const http::Request& req, const ApplicationId& app_id) {
  auto scope = LoadOwnerScope(ctx, req, "Only the HR specialist who owns the recruitment checks redactions.");
  if (!scope) return scope.error();
  auto read = ReadIdentityWithReason(ctx, *scope, app_id, kCheckReason);
  if (!read) return read.error();
  const IdentifiedApplication& full = read->application;
  auto review =
      ctx.redactor.Review(full.free_text, full.original_merits.value_or(full.anonymous.merits), full.identity);
  if (!review) {
    return MakeError(ErrorCode::kRedactionUnavailable, "The texts could not be checked automatically in time.");
  }
  return Reviewed{std::move(*scope), std::move(read->application), std::move(*review)};
}

bool OnCharBoundary(const std::string& text, size_t pos) {
  return pos == text.size() || (static_cast<unsigned char>(text[pos]) & 0xC0) != 0x80;
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
      auto f = codec::Fields::Of(items[k], "spans." + t.field + "[" + std::to_string(k) + "]");
      if (!f) return f.error();
      std::int64_t start = 0, end = 0;
      std::string type;
      REILU_TRY(f->Int("start", start, true));
      REILU_TRY(f->Int("end", end, true));
      REILU_TRY(f->Str("type", type, true));
      if (start < 0 || end <= start || static_cast<size_t>(end) > t.original.size() ||
          !OnCharBoundary(t.original, static_cast<size_t>(start)) ||
          !OnCharBoundary(t.original, static_cast<size_t>(end))) {
        return f->Invalid("start", "must mark characters inside the text");
      }
      spans.push_back(ProposedSpan{static_cast<size_t>(start), static_cast<size_t>(end), type, 1.0});
    }
    std::sort(spans.begin(), spans.end(), [](const auto& a, const auto& b) { return a.start < b.start; });
  }
  return OkStatus();
}

RedactedText ApplyAll(ApiContext& ctx, const Recruitment& r, const IdentifiedApplication& full,
                      const std::map<std::string, std::vector<ProposedSpan>>& spans) {
  auto apply = [&](const std::string& field, const std::string& text) {
    auto it = spans.find(field);
    return it == spans.end() ? text : ctx.redactor.ApplySpans(text, it->second, ReviewersLanguage(r));
  };
  RedactedText out;
  out.cover_letter = apply("cover_letter", full.free_text.cover_letter);
  for (const auto& a : full.free_text.answers)
    out.answers.push_back(Answer{a.question_id, apply(a.question_id, a.text)});
  return out;
}

// How many spans HR added and removed, by position (a span counts as kept when one with the same
// start and end remains).
std::pair<int, int> Changes(const RedactionReview& review,
                            const std::map<std::string, std::vector<ProposedSpan>>& final) {
  int added = 0, removed = 0;
  for (const auto& t : review.texts) {
    std::set<std::pair<size_t, size_t>> before, after;
    for (const auto& s : t.spans) before.insert({s.start, s.end});
    auto it = final.find(t.field);
    if (it != final.end()) {
      for (const auto& s : it->second) after.insert({s.start, s.end});
    }
    for (const auto& b : before) removed += !after.count(b);
    for (const auto& a : after) added += !before.count(a);
  }
  return {added, removed};
}

std::map<std::string, std::vector<ProposedSpan>> Proposed(const RedactionReview& review) {
  std::map<std::string, std::vector<ProposedSpan>> out;
  for (const auto& t : review.texts) out[t.field] = t.spans;
  return out;
}

}  // namespace

void RegisterRedactionReviewRoutes(http::Router& router, ApiContext& ctx) {
  router.Add("GET", "/api/v1/recruitments/{id}/applications/{application_id}/redaction",
             Wrap([&ctx](http::Request& req) -> Result<http::Response> {
               auto reviewed = LoadReview(ctx, req, req.params["application_id"]);
               if (!reviewed) return reviewed.error();
               return http::JsonResponse(200, ReviewJson(reviewed->review, reviewed->full));
             }));

  // Release: {"spans": {...}} after checking (the server applies them to the original), {} for the
  // proposal as it is, or {"free_text": {...}} written by HR.
  router.Add("PUT", "/api/v1/recruitments/{id}/applications/{application_id}/redaction",
             Wrap([&ctx](http::Request& req) -> Result<http::Response> {
               const std::string& app_id = req.params["application_id"];
               auto f = JsonFields(req);
               if (!f) return f.error();
               auto reviewed = LoadReview(ctx, req, app_id);
               if (!reviewed) return reviewed.error();
               const Recruitment& r = reviewed->scope.recruitment;
               const IdentifiedApplication& full = reviewed->full;
               RedactedText text;
               store::RedactionReleaseNote note;
               if (f->Find("spans")) {
                 std::map<std::string, std::vector<ProposedSpan>> spans;
                 REILU_TRY(ReadSpans(*f, reviewed->review, spans));
                 text = ApplyAll(ctx, r, full, spans);
                 auto [added, removed] = Changes(reviewed->review, spans);
                 note = store::RedactionReleaseNote{"reviewed", added + removed > 0, added, removed};
               } else if (const auto* given = f->Find("free_text")) {
                 REILU_TRY(codec::FromJson(*given, "free_text", text));
                 if (text.cover_letter.size() > 20000) return f->Invalid("free_text", "is too long");
                 for (const auto& a : text.answers) {
                   bool known = std::any_of(full.free_text.answers.begin(), full.free_text.answers.end(),
                                            [&](const Answer& o) { return o.question_id == a.question_id; });
                   if (!known || a.text.size() > 20000)
                     return f->Invalid("free_text", "has an unknown or too long answer");
                 }
                 note = store::RedactionReleaseNote{"written",
                                                    !full.redaction_proposal || text != *full.redaction_proposal, 0, 0};
               } else {
                 text = full.redaction_proposal ? *full.redaction_proposal
                                                : ApplyAll(ctx, r, full, Proposed(reviewed->review));
                 note = store::RedactionReleaseNote{"as_proposed", false, 0, 0};
               }
               REILU_TRY(ctx.store.ReleaseRedaction(r.org_id, r.id, app_id, text, reviewed->scope.caller.user.id, note,
                                                    ctx.now()));
               auto app = ctx.store.GetAnonymous(r.org_id, r.id, app_id);
               if (!app) return app.error();
               json::object o = codec::ToJson(*app);
               o["edited"] = note.edited;
               o["mode"] = note.mode;
               return http::JsonResponse(200, o);
             }));

  // Bulk release of the texts nothing is flagged in; the others are listed for a look.
  router.Add("POST", "/api/v1/recruitments/{id}/redactions/release",
             Wrap([&ctx](http::Request& req) -> Result<http::Response> {
               auto scope =
                   LoadOwnerScope(ctx, req, "Only the HR specialist who owns the recruitment releases redactions.");
               if (!scope) return scope.error();
               auto f = JsonFields(req);
               if (!f) return f.error();
               std::vector<std::string> wanted;
               REILU_TRY(f->StrList("application_ids", wanted));
               const Recruitment& r = scope->recruitment;
               auto apps = ctx.store.ListAnonymous(r.org_id, r.id);
               if (!apps) return apps.error();
               json::array released, needs_a_look;
               for (const auto& app : *apps) {
                 bool asked = wanted.empty() || std::find(wanted.begin(), wanted.end(), app.id) != wanted.end();
                 if (!asked || app.redacted || app.withdrawn) continue;
                 auto reviewed = LoadReview(ctx, req, app.id);
                 if (!reviewed) return reviewed.error();
                 if (reviewed->review.NeedsALook()) {
                   needs_a_look.push_back(json::string(app.id));
                   continue;
                 }
                 const IdentifiedApplication& full = reviewed->full;
                 RedactedText text = full.redaction_proposal ? *full.redaction_proposal
                                                             : ApplyAll(ctx, r, full, Proposed(reviewed->review));
                 REILU_TRY(ctx.store.ReleaseRedaction(r.org_id, r.id, app.id, text, scope->caller.user.id,
                                                      store::RedactionReleaseNote{"bulk", false, 0, 0}, ctx.now()));
                 released.push_back(json::string(app.id));
               }
               return http::JsonResponse(200, json::object{{"released", released}, {"needs_a_look", needs_a_look}});
             }));
}

}  // namespace reilu::api
