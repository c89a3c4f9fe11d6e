#include "service/attachments.h"

#include <boost/json.hpp>
#include <set>

#include "service/work.h"

namespace reilu::service {

namespace {

namespace json = boost::json;

constexpr const char* kOwnerOnly = "Only the HR specialist who owns the recruitment checks attachments.";
constexpr const char* kCheckReason = "Checking an attachment before release";

Status CheckConverter(const Context& ctx) {
  if (!ctx.attachments) {
    return MakeError(ErrorCode::kUnsupportedFile, "This server does not take attachments.", "attachments");
  }
  return OkStatus();
}

std::string Field(size_t index) { return "attachments[" + std::to_string(index) + "]"; }

Error AtField(Error e, size_t index) {
  e.field = Field(index);
  return e;
}

// Unsure spans or scanned pages: a person must look before release.
bool NeedsALook(const std::vector<ProposedSpan>& spans, const attachment::Extracted& extracted) {
  if (extracted.has_scanned_pages) return true;
  for (const auto& s : spans) {
    if (s.confidence < kSureSpan) return true;
  }
  return false;
}

std::string ProposalJson(const std::vector<ProposedSpan>& spans) {
  json::array out;
  for (const auto& s : spans) out.push_back(json::array{s.start, s.end, s.type, s.confidence});
  return json::serialize(out);
}

Result<std::vector<ProposedSpan>> ProposalFromJson(const std::string& text) {
  try {
    std::vector<ProposedSpan> out;
    const json::value parsed = json::parse(text);
    for (const auto& v : parsed.as_array()) {
      const auto& a = v.as_array();
      out.push_back(ProposedSpan{a.at(0).to_number<size_t>(), a.at(1).to_number<size_t>(),
                                 std::string(a.at(2).as_string()), a.at(3).to_number<double>()});
    }
    return out;
  } catch (const std::exception&) {
    return MakeError(ErrorCode::kInternal, "The attachment's proposal is corrupt.");
  }
}

// The engine's spans; a file the engine cannot finish in time is covered whole (the rendition is
// then a set of labelled pages) and flagged for HR.
std::vector<ProposedSpan> Propose(const Context& ctx, const attachment::Extracted& extracted, const Identity& who) {
  if (extracted.text.empty()) return {};
  auto spans = ctx.redactor.FindSpans(extracted.text, who);
  if (spans) return std::move(*spans);
  return {ProposedSpan{0, extracted.text.size(), "OTHER", 0.0}};
}

attachment::RenditionOptions WordsFor(const Recruitment& r, int position) {
  const std::string lang = ReviewersLanguage(r);
  if (lang == "sv") return {lang, "Bilaga " + std::to_string(position), "[BILD]"};
  if (lang == "en") return {lang, "Attachment " + std::to_string(position), "[PICTURE]"};
  return {lang, "Liite " + std::to_string(position), "[KUVA]"};
}

std::vector<attachment::Cover> Covers(const Context& ctx, const Recruitment& r,
                                      const std::vector<ProposedSpan>& spans) {
  std::vector<attachment::Cover> covers;
  for (const auto& s : spans) covers.push_back({s.start, s.end, ctx.redactor.Label(s.type, ReviewersLanguage(r))});
  return covers;
}

}  // namespace

Result<std::vector<store::NewAttachment>> PrepareAttachments(Context& ctx, const Recruitment& r,
                                                             const Submission& submission) {
  std::vector<store::NewAttachment> out;
  if (submission.attachments.empty()) return out;
  REILU_TRY(CheckConverter(ctx));
  REILU_TRY(ValidateAttachmentSizes(r, submission.attachments));
  for (size_t i = 0; i < submission.attachments.size(); ++i) {
    const auto& file = submission.attachments[i];
    auto extracted = ctx.attachments->Extract(file.bytes);
    if (!extracted) return AtField(extracted.error(), i);
    auto spans = Propose(ctx, *extracted, submission.identity);
    out.push_back(store::NewAttachment{std::string(AttachmentKindName(extracted->kind)), file.file_name, file.bytes,
                                       ProposalJson(spans), NeedsALook(spans, *extracted)});
  }
  return out;
}

Result<std::string> PreviewAttachment(Context& ctx, RecruitmentId job, const Identity& identity,
                                      const SubmittedAttachment& file) {
  auto r = ctx.store.GetPublicAd(job);
  if (!r) return r.error();
  REILU_TRY(CheckConverter(ctx));
  REILU_TRY(ValidateAttachmentSizes(*r, {file}));
  auto extracted = ctx.attachments->Extract(file.bytes);
  if (!extracted) return AtField(extracted.error(), 0);
  return ctx.attachments->Render(file.bytes, Covers(ctx, *r, Propose(ctx, *extracted, identity)), WordsFor(*r, 1));
}

Result<AttachmentUnderReview> LoadAttachmentReview(Context& ctx, const User& actor, RecruitmentId id,
                                                   const ApplicationId& app, int position) {
  REILU_TRY(CheckConverter(ctx));
  auto r = LoadOwned(ctx, actor, id, kOwnerOnly);
  if (!r) return r.error();
  auto lifts = ctx.store.GetLiftState(r->org_id, r->id);
  if (!lifts) return lifts.error();
  auto access = RequestIdentity(ctx, actor, *r, *lifts, app, kCheckReason);
  if (!access) return access.error();
  auto opened = ctx.store.ReadAttachment(*access, position, ctx.now());
  if (!opened) return opened.error();
  auto extracted = ctx.attachments->Extract(opened->bytes);
  if (!extracted) return extracted.error();
  auto proposal = ProposalFromJson(opened->proposal);
  if (!proposal) return proposal.error();
  return AttachmentUnderReview{std::move(*r), app, std::move(*opened), std::move(*extracted), std::move(*proposal)};
}

Result<std::string> RenderAttachment(Context& ctx, const AttachmentUnderReview& reviewed, const HrChoices& choices) {
  REILU_TRY(CheckConverter(ctx));
  const auto& spans = choices.spans.value_or(reviewed.proposal);
  for (const auto& s : spans) {
    if (s.start >= s.end || s.end > reviewed.extracted.text.size()) {
      return MakeError(ErrorCode::kInvalidInput, "A span lies outside the attachment's text.", "spans");
    }
  }
  const auto& pages = reviewed.extracted.pages;
  auto no_page = [&](int page) { return page < 1 || static_cast<size_t>(page) > pages.size(); };
  if (choices.boxes.size() > 500) return MakeError(ErrorCode::kInvalidInput, "Too many boxes.", "boxes");
  for (const auto& b : choices.boxes) {
    if (no_page(b.page))
      return MakeError(ErrorCode::kInvalidInput, "A box is on a page the file does not have.", "boxes");
    const auto& p = pages[static_cast<size_t>(b.page - 1)];
    if (!(b.box.width > 0 && b.box.height > 0 && b.box.x >= 0 && b.box.y >= 0 && b.box.x + b.box.width <= p.width + 1 &&
          b.box.y + b.box.height <= p.height + 1)) {
      return MakeError(ErrorCode::kInvalidInput, "A box must lie on its page.", "boxes");
    }
  }
  for (int page : choices.shown_scans) {
    if (no_page(page)) return MakeError(ErrorCode::kInvalidInput, "No such page to show.", "shown_scans");
  }
  attachment::RenditionOptions options = WordsFor(reviewed.recruitment, reviewed.opened.info.position);
  options.boxes = choices.boxes;
  options.shown_scans = choices.shown_scans;
  return ctx.attachments->Render(reviewed.opened.bytes, Covers(ctx, reviewed.recruitment, spans), options);
}

Result<store::RedactionReleaseNote> ReleaseAttachment(Context& ctx, const User& actor,
                                                      const AttachmentUnderReview& reviewed, const HrChoices& choices,
                                                      const std::string& bulk_mode) {
  auto rendition = RenderAttachment(ctx, reviewed, choices);
  if (!rendition) return rendition.error();
  bool checked = choices.spans || !choices.boxes.empty() || !choices.shown_scans.empty();
  store::RedactionReleaseNote note{checked ? "reviewed" : bulk_mode.empty() ? "as_proposed" : bulk_mode, false, 0, 0};
  if (choices.spans) {
    std::set<std::pair<size_t, size_t>> before, after;
    for (const auto& s : reviewed.proposal) before.insert({s.start, s.end});
    for (const auto& s : *choices.spans) after.insert({s.start, s.end});
    for (const auto& b : before) note.spans_removed += !after.count(b);
    for (const auto& a : after) note.spans_added += !before.count(a);
  }
  note.boxes = static_cast<int>(choices.boxes.size());
  note.scans_shown = static_cast<int>(choices.shown_scans.size());
  const Recruitment& r = reviewed.recruitment;
  REILU_TRY(ctx.store.ReleaseAttachment(r.org_id, r.id, reviewed.application, reviewed.opened.info.position, *rendition,
                                        actor.id, note, ctx.now()));
  return note;
}

Result<std::string> RenderAttachmentPage(Context& ctx, const AttachmentUnderReview& reviewed, const HrChoices& choices,
                                         int page) {
  auto pdf = RenderAttachment(ctx, reviewed, choices);
  if (!pdf) return pdf.error();
  return ctx.attachments->PagePicture(*pdf, page);
}

Result<std::string> AttachmentPagePicture(Context& ctx, const User& actor, RecruitmentId id, const ApplicationId& app,
                                          int position, int page, const std::string& reason) {
  REILU_TRY(CheckConverter(ctx));
  auto file = AttachmentOriginal(ctx, actor, id, app, position, reason);
  if (!file) return file.error();
  return ctx.attachments->PagePicture(file->bytes, page);
}

Result<std::string> AttachmentRendition(Context& ctx, const User& actor, RecruitmentId id, const ApplicationId& app,
                                        int position) {
  auto r = LoadForWork(ctx, actor, id);
  if (!r) return r.error();
  REILU_TRY(CheckMaySeeApplicationsNow(actor, *r, ctx.now()));
  auto recused = IsRecused(ctx, actor, *r, app);
  if (!recused) return recused.error();
  if (*recused) return MakeError(ErrorCode::kRecused, "You declared a conflict of interest for this application.");
  return ctx.store.GetAttachmentRendition(r->org_id, r->id, app, position);
}

Result<store::OpenedAttachment> AttachmentOriginal(Context& ctx, const User& actor, RecruitmentId id,
                                                   const ApplicationId& app, int position, const std::string& reason) {
  auto r = LoadForWork(ctx, actor, id);
  if (!r) return r.error();
  REILU_TRY(CheckMaySeeApplicationsNow(actor, *r, ctx.now()));
  auto lifts = ctx.store.GetLiftState(r->org_id, r->id);
  if (!lifts) return lifts.error();
  auto access = RequestIdentity(ctx, actor, *r, *lifts, app, reason);
  if (!access) return access.error();
  return ctx.store.ReadAttachment(*access, position, ctx.now());
}

}  // namespace reilu::service
