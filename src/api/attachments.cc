// Attachments: the applicant's preview of a file, the owner's check before release (the original
// beside the proposal, covers added or removed), the reviewers' rendition and the original after
// the lift. Every response that carries a file names it by its place ("liite-2.pdf"), never by the
// name it was sent with.
#include "service/attachments.h"
#include <charconv>

#include "api/handler.h"

namespace reilu::api {

namespace {

// One file in base64 is 4/3 of its size; the form's whole body takes all its files.
constexpr size_t kPreviewBodyLimit = kMaxAttachmentBytes / 3 * 4 + 64 * 1024;

std::string_view ContentType(std::string_view kind) {
  if (kind == "docx") return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  if (kind == "odt") return "application/vnd.oasis.opendocument.text";
  return "application/pdf";
}

http::Response FileResponse(std::string bytes, std::string_view kind, int position, bool inline_view) {
  http::Response res{200, std::string(ContentType(kind)), std::move(bytes), {}};
  res.headers.emplace_back("Content-Disposition", std::string(inline_view ? "inline" : "attachment") +
                                                      "; filename=\"liite-" + std::to_string(position) + "." +
                                                      std::string(kind) + "\"");
  res.headers.emplace_back("Cache-Control", "private, no-store");
  return res;
}

Result<int> PositionParam(const http::Request& req) {
  auto position = IdParam(req, "position");
  if (!position) return position.error();
  if (*position > static_cast<std::int64_t>(kMaxAttachments))
    return MakeError(ErrorCode::kNotFound, "No such attachment.");
  return static_cast<int>(*position);
}

// {"spans": [{"start", "end", "type"}…]} over the attachment's text (absent: the proposal),
// "boxes": [{"page", "x", "y", "width", "height"}…] in points on the page, "shown_scans": [page…].
Result<service::HrChoices> ReadChoices(const codec::Fields& body, const std::string& text) {
  service::HrChoices choices;
  if (body.Find("spans")) {
    std::vector<ProposedSpan> spans;
    REILU_TRY(body.Each("spans", [&](const json::value& item, const std::string& path) -> Status {
      if (spans.size() >= 10000) return MakeError(ErrorCode::kInvalidInput, "Too many spans.", "spans");
      auto span = ReadChosenSpan(item, path, text);
      if (!span) return span.error();
      spans.push_back(std::move(*span));
      return OkStatus();
    }));
    choices.spans = std::move(spans);
  }
  REILU_TRY(body.Each("boxes", [&](const json::value& item, const std::string& path) -> Status {
    if (!item.is_object()) return MakeError(ErrorCode::kInvalidInput, "A box must be an object.", path);
    const auto& o = item.get_object();
    attachment::PageBox b;
    try {
      b.page = static_cast<int>(o.at("page").to_number<std::int64_t>());
      b.box = attachment::Box{o.at("x").to_number<double>(), o.at("y").to_number<double>(),
                              o.at("width").to_number<double>(), o.at("height").to_number<double>()};
    } catch (const std::exception&) {
      return MakeError(ErrorCode::kInvalidInput, "A box needs page, x, y, width and height (numbers).", path);
    }
    choices.boxes.push_back(b);
    return OkStatus();
  }));
  std::vector<std::int64_t> shown;
  REILU_TRY(body.IntList("shown_scans", shown));
  choices.shown_scans.assign(shown.begin(), shown.end());
  return choices;
}

json::object ReviewJson(const service::AttachmentUnderReview& r) {
  json::array spans;
  for (const auto& s : r.proposal) {
    spans.push_back(json::object{{"start", s.start},
                                 {"end", s.end},
                                 {"type", s.type},
                                 {"confidence", s.confidence},
                                 {"sure", s.confidence >= kSureSpan}});
  }
  json::array pages;
  for (size_t i = 0; i < r.extracted.pages.size(); ++i) {
    const auto& p = r.extracted.pages[i];
    pages.push_back(json::object{{"number", i + 1}, {"width", p.width}, {"height", p.height}, {"scanned", p.scanned}});
  }
  return json::object{{"application_id", r.application},
                      {"pages", pages},
                      {"position", r.opened.info.position},
                      {"kind", r.opened.info.kind},
                      {"text", r.extracted.text},
                      {"spans", spans},
                      {"scanned", r.extracted.has_scanned_pages},
                      {"needs_a_look", r.opened.info.needs_a_look},
                      {"released", r.opened.info.released}};
}

// Who asks about which file: the staff member, the recruitment, the application and the place.
struct FileTarget {
  Caller caller;
  RecruitmentId recruitment = 0;
  ApplicationId application;
  int position = 0;
};

Result<FileTarget> Target(ApiContext& ctx, const http::Request& req) {
  auto caller = RequireRole(ctx, req, {Role::kHr, Role::kReviewer, Role::kRegistry});
  if (!caller) return caller.error();
  auto id = IdParam(req, "id");
  if (!id) return id.error();
  auto position = PositionParam(req);
  if (!position) return position.error();
  return FileTarget{std::move(*caller), *id, req.params.at("application_id"), *position};
}

// The owner's check, and the choices the body gives (none: the proposal).
struct CheckedFile {
  FileTarget target;
  service::AttachmentUnderReview reviewed;
  service::HrChoices choices;
};

Result<service::AttachmentUnderReview> LoadReview(ApiContext& ctx, const FileTarget& t) {
  auto services = ctx.Services();
  return service::LoadAttachmentReview(services, t.caller.user, t.recruitment, t.application, t.position);
}

Result<CheckedFile> LoadChecked(ApiContext& ctx, const http::Request& req) {
  auto target = Target(ctx, req);
  if (!target) return target.error();
  auto body = JsonFields(req);
  if (!body) return body.error();
  auto reviewed = LoadReview(ctx, *target);
  if (!reviewed) return reviewed.error();
  auto choices = ReadChoices(*body, reviewed->extracted.text);
  if (!choices) return choices.error();
  return CheckedFile{std::move(*target), std::move(*reviewed), std::move(*choices)};
}

}  // namespace

void RegisterAttachmentRoutes(http::Router& router, ApiContext& ctx) {
  // What reviewers would get of one file, before sending: open to anyone and CPU-bound (the file
  // is read and drawn in the worker), so an expensive route; nothing is stored.
  router.Add("POST", "/api/v1/jobs/{id}/attachment-preview", Wrap([&ctx](http::Request& req) -> Result<http::Response> {
               auto id = IdParam(req, "id");
               if (!id) return id.error();
               auto body = JsonFields(req);
               if (!body) return body.error();
               Identity identity;
               if (const auto* who = body->Find("identity")) REILU_TRY(codec::FromJson(*who, "identity", identity));
               const json::value* given = body->Find("attachment");
               if (!given) return body->Invalid("attachment", "is required");
               Submission one;
               REILU_TRY(codec::FromJson(
                   json::object{{"identity", json::object{}}, {"attachments", json::array{*given}}}, "", one));
               auto services = ctx.Services();
               auto pdf = service::PreviewAttachment(services, *id, identity, one.attachments.at(0));
               if (!pdf) return pdf.error();
               return FileResponse(std::move(*pdf), "pdf", 1, true);
             }),
             http::RouteOptions{kPreviewBodyLimit, true});

  // The reviewers' rendition (released by HR); 404 until then.
  router.Add("GET", "/api/v1/recruitments/{id}/applications/{application_id}/attachments/{position}",
             Wrap([&ctx](http::Request& req) -> Result<http::Response> {
               auto t = Target(ctx, req);
               if (!t) return t.error();
               auto services = ctx.Services();
               auto pdf =
                   service::AttachmentRendition(services, t->caller.user, t->recruitment, t->application, t->position);
               if (!pdf) return pdf.error();
               return FileResponse(std::move(*pdf), "pdf", t->position, true);
             }));

  // The file as sent: where the identity opens without a reason (after the lift, or in a
  // recruitment that is not anonymous), or for the owner with ?reason= (checking before release);
  // the read is audited with the reason.
  router.Add("GET", "/api/v1/recruitments/{id}/applications/{application_id}/attachments/{position}/original",
             Wrap([&ctx](http::Request& req) -> Result<http::Response> {
               auto t = Target(ctx, req);
               if (!t) return t.error();
               auto services = ctx.Services();
               const std::string reason = req.query["reason"];
               if (reason.size() > 2000)
                 return MakeError(ErrorCode::kInvalidInput, "The reason is too long.", "reason");
               auto file = service::AttachmentOriginal(services, t->caller.user, t->recruitment, t->application,
                                                       t->position, reason);
               if (!file) return file.error();
               return FileResponse(std::move(file->bytes), file->info.kind, t->position, false);
             }));

  // One page of the original as a picture, to draw boxes on (the owner with ?reason=; audited).
  router.Add("GET", "/api/v1/recruitments/{id}/applications/{application_id}/attachments/{position}/pages/{page}",
             Wrap([&ctx](http::Request& req) -> Result<http::Response> {
               auto t = Target(ctx, req);
               if (!t) return t.error();
               auto page = IdParam(req, "page");
               if (!page) return page.error();
               if (*page > 1000) return MakeError(ErrorCode::kNotFound, "No such page.");
               const std::string reason = req.query["reason"];
               if (reason.size() > 2000)
                 return MakeError(ErrorCode::kInvalidInput, "The reason is too long.", "reason");
               auto services = ctx.Services();
               auto png = service::AttachmentPagePicture(services, t->caller.user, t->recruitment, t->application,
                                                         t->position, static_cast<int>(*page), reason);
               if (!png) return png.error();
               http::Response res{200, "image/png", std::move(*png), {}};
               res.headers.emplace_back("Cache-Control", "private, no-store");
               return res;
             }));

  // The owner's check: the text of the original with the proposed covers (an audited read).
  router.Add("GET", "/api/v1/recruitments/{id}/applications/{application_id}/attachments/{position}/review",
             Wrap([&ctx](http::Request& req) -> Result<http::Response> {
               auto t = Target(ctx, req);
               if (!t) return t.error();
               auto reviewed = LoadReview(ctx, *t);
               if (!reviewed) return reviewed.error();
               return http::JsonResponse(200, ReviewJson(*reviewed));
             }));

  // The rendition with the covers HR is trying (the proposal when none are given), to look at.
  router.Add("POST", "/api/v1/recruitments/{id}/applications/{application_id}/attachments/{position}/render",
             Wrap([&ctx](http::Request& req) -> Result<http::Response> {
               auto checked = LoadChecked(ctx, req);
               if (!checked) return checked.error();
               auto services = ctx.Services();
               // ?page=N: that page as a picture, to set beside the original page.
               if (req.query.count("page")) {
                 const std::string& text = req.query["page"];
                 int page = 0;
                 auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), page);
                 if (ec != std::errc() || end != text.data() + text.size() || page < 1 || page > 1000) {
                   return MakeError(ErrorCode::kInvalidInput, "The page is a number from 1.", "page");
                 }
                 auto png = service::RenderAttachmentPage(services, checked->reviewed, checked->choices, page);
                 if (!png) return png.error();
                 http::Response res{200, "image/png", std::move(*png), {}};
                 res.headers.emplace_back("Cache-Control", "private, no-store");
                 return res;
               }
               auto pdf = service::RenderAttachment(services, checked->reviewed, checked->choices);
               if (!pdf) return pdf.error();
               return FileResponse(std::move(*pdf), "pdf", checked->target.position, true);
             }),
             http::RouteOptions{256 * 1024, false});

  router.Add("POST", "/api/v1/recruitments/{id}/applications/{application_id}/attachments/{position}/release",
             Wrap([&ctx](http::Request& req) -> Result<http::Response> {
               auto checked = LoadChecked(ctx, req);
               if (!checked) return checked.error();
               auto services = ctx.Services();
               auto note = service::ReleaseAttachment(services, checked->target.caller.user, checked->reviewed,
                                                      checked->choices);
               if (!note) return note.error();
               return http::JsonResponse(200, json::object{{"released", true},
                                                           {"position", checked->target.position},
                                                           {"mode", note->mode},
                                                           {"spans_added", note->spans_added},
                                                           {"spans_removed", note->spans_removed},
                                                           {"boxes", note->boxes},
                                                           {"scans_shown", note->scans_shown}});
             }),
             http::RouteOptions{256 * 1024, false});
}

}  // namespace reilu::api
