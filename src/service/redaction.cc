#include "service/redaction.h"

#include <algorithm>
#include <set>

#include "service/attachments.h"
#include "service/work.h"

namespace reilu::service {

namespace {

constexpr const char* kCheckReason = "Checking the redaction before release";
constexpr const char* kOwnerOnly = "Only the HR specialist who owns the recruitment checks redactions.";

using SpansByField = std::map<std::string, std::vector<ProposedSpan>>;

RedactedText ApplyAll(Context& ctx, const Recruitment& r, const IdentifiedApplication& full,
                      const SpansByField& spans) {
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
std::pair<int, int> Changes(const RedactionReview& review, const SpansByField& final) {
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

RedactedText AsProposed(Context& ctx, const Recruitment& r, const IdentifiedApplication& full,
                        const RedactionReview& review) {
  if (full.redaction_proposal) return *full.redaction_proposal;
  SpansByField proposed;
  for (const auto& t : review.texts) proposed[t.field] = t.spans;
  return ApplyAll(ctx, r, full, proposed);
}

// The engine's proposal for an application read with its identity.
Result<RedactionReview> ReviewOf(Context& ctx, const IdentifiedApplication& full) {
  auto review =
      ctx.redactor.Review(full.free_text, full.original_merits.value_or(full.anonymous.merits), full.identity);
  if (!review) {
    return MakeError(ErrorCode::kRedactionUnavailable, "The texts could not be checked automatically in time.");
  }
  return std::move(*review);
}

Result<RedactionUnderReview> Review(Context& ctx, const User& actor, Recruitment r, const ApplicationId& app) {
  auto lifts = ctx.store.GetLiftState(r.org_id, r.id);
  if (!lifts) return lifts.error();
  auto access = RequestIdentity(ctx, actor, r, *lifts, app, kCheckReason);
  if (!access) return access.error();
  auto full = ctx.store.ReadIdentity(*access, ctx.now());
  if (!full) return full.error();
  auto review = ReviewOf(ctx, *full);
  if (!review) return review.error();
  return RedactionUnderReview{std::move(r), std::move(*full), std::move(*review)};
}

}  // namespace

Result<RedactionUnderReview> LoadRedactionReview(Context& ctx, const User& actor, RecruitmentId id,
                                                 const ApplicationId& app) {
  auto r = LoadOwned(ctx, actor, id, kOwnerOnly);
  if (!r) return r.error();
  return Review(ctx, actor, std::move(*r), app);
}

Result<Released> ReleaseRedaction(Context& ctx, const User& actor, const RedactionUnderReview& reviewed,
                                  const ReleaseChoice& choice) {
  const Recruitment& r = reviewed.recruitment;
  const IdentifiedApplication& full = reviewed.full;
  if (!IsRecruitmentOwner(actor, r)) return MakeError(ErrorCode::kForbidden, kOwnerOnly);
  RedactedText text;
  store::RedactionReleaseNote note;
  if (choice.spans) {
    text = ApplyAll(ctx, r, full, *choice.spans);
    auto [added, removed] = Changes(reviewed.review, *choice.spans);
    note = store::RedactionReleaseNote{"reviewed", added + removed > 0, added, removed};
  } else if (choice.written) {
    text = *choice.written;
    if (text.cover_letter.size() > 20000) {
      return MakeError(ErrorCode::kInvalidInput, "The text is too long.", "free_text");
    }
    for (const auto& a : text.answers) {
      bool known = std::any_of(full.free_text.answers.begin(), full.free_text.answers.end(),
                               [&](const Answer& o) { return o.question_id == a.question_id; });
      if (!known || a.text.size() > 20000) {
        return MakeError(ErrorCode::kInvalidInput, "An answer is unknown or too long.", "free_text");
      }
    }
    note = store::RedactionReleaseNote{"written", !full.redaction_proposal || text != *full.redaction_proposal, 0, 0};
  } else {
    text = AsProposed(ctx, r, full, reviewed.review);
    note = store::RedactionReleaseNote{"as_proposed", false, 0, 0};
  }
  REILU_TRY(ctx.store.ReleaseRedaction(r.org_id, r.id, full.anonymous.id, text, actor.id, note, ctx.now()));
  auto released = ctx.store.GetAnonymous(r.org_id, r.id, full.anonymous.id);
  if (!released) return released.error();
  return Released{std::move(note), std::move(*released)};
}

Result<BulkRelease> ReleaseUnflagged(Context& ctx, const User& actor, RecruitmentId id,
                                     const std::vector<ApplicationId>& wanted, const std::string& mode) {
  auto r = LoadOwned(ctx, actor, id, "Only the HR specialist who owns the recruitment releases redactions.");
  if (!r) return r.error();
  auto apps = ctx.store.ListAnonymous(r->org_id, r->id);
  if (!apps) return apps.error();
  auto lifts = ctx.store.GetLiftState(r->org_id, r->id);
  if (!lifts) return lifts.error();
  // Every unreleased text asked for is read (audited) in one transaction, and every one released
  // in another: two commits for the whole list, not two per application.
  std::vector<const AnonymousApplication*> candidates;
  std::vector<IdentityAccess> accesses;
  for (const auto& app : *apps) {
    bool asked = wanted.empty() || std::find(wanted.begin(), wanted.end(), app.id) != wanted.end();
    if (!asked || app.redacted || app.withdrawn) continue;
    auto access = RequestIdentity(ctx, actor, *r, *lifts, app.id, kCheckReason);
    if (!access) return access.error();
    candidates.push_back(&app);
    accesses.push_back(*access);
  }
  auto fulls = ctx.store.ReadIdentities(accesses, ctx.now());
  if (!fulls) return fulls.error();
  BulkRelease out;
  std::vector<std::pair<ApplicationId, RedactedText>> texts;
  for (size_t i = 0; i < candidates.size(); ++i) {
    const AnonymousApplication& app = *candidates[i];
    auto review = ReviewOf(ctx, (*fulls)[i]);
    if (!review) return review.error();
    bool file_needs_a_look = std::any_of(app.attachments.begin(), app.attachments.end(),
                                         [](const AttachmentInfo& a) { return a.needs_a_look && !a.released; });
    if (review->NeedsALook() || file_needs_a_look) {
      out.needs_a_look.push_back(app.id);
      continue;
    }
    // The files first: an application counts as released when all of it is.
    for (const auto& file : app.attachments) {
      if (file.released) continue;
      auto attachment = LoadAttachmentReview(ctx, actor, r->id, app.id, file.position);
      if (!attachment) return attachment.error();
      auto note = ReleaseAttachment(ctx, actor, *attachment, HrChoices{}, mode);
      if (!note) return note.error();
    }
    texts.emplace_back(app.id, AsProposed(ctx, *r, (*fulls)[i], *review));
    out.released.push_back(app.id);
  }
  if (!texts.empty()) {
    REILU_TRY(ctx.store.ReleaseRedactions(r->org_id, r->id, texts, actor.id,
                                          store::RedactionReleaseNote{mode, false, 0, 0}, ctx.now()));
  }
  return out;
}

}  // namespace reilu::service
