#include "service/intake.h"

#include <algorithm>

#include "service/attachments.h"
#include "service/mail.h"

namespace reilu::service {

namespace {

// The checks every version of an application passes: the ad's questions and limits, and only the
// identity fields (and statistics) this employer collects.
Status CheckAgainstAd(Context& ctx, const Recruitment& r, const Submission& submission) {
  REILU_TRY(ValidateSubmission(r, submission));
  auto collected = ctx.store.GetCollectedFields(r.org_id);
  if (!collected) return collected.error();
  REILU_TRY(CheckOnlyCollected(submission.identity, *collected));
  if (submission.statistics && std::none_of(collected->begin(), collected->end(), [](const CollectedField& f) {
        return f.field == kEqualityStatisticsField;
      })) {
    return MakeError(ErrorCode::kInvalidInput, "This employer does not ask for equality statistics.", "statistics");
  }
  return OkStatus();
}

// The engine's proposal for the free text and the merits as reviewers may see them (released only
// after HR's check); what was typed stays sealed with the identity.
template <typename Sent>
void ProposeForReviewers(Context& ctx, const Recruitment& r, Sent& sent) {
  const std::string language = ReviewersLanguage(r);
  sent.redaction_proposal = ctx.redactor.Redact(sent.submission.free_text, sent.submission.identity, language);
  Merits scanned = ctx.redactor.RedactMerits(sent.submission.merits, sent.submission.identity, language);
  if (scanned != sent.submission.merits) sent.merits_for_reviewers = std::move(scanned);
}

}  // namespace

Result<Submitted> SubmitApplication(Context& ctx, SubmitRequest request) {
  auto r = ctx.store.GetPublicAd(request.job);
  if (!r) return r.error();
  if (!AcceptsApplications(*r, ctx.now())) {
    return MakeError(ErrorCode::kDeadlinePassed, "This recruitment no longer accepts applications.");
  }
  store::NewApplication app;
  app.recruitment = &*r;
  app.submission = std::move(request.submission);
  REILU_TRY(CheckAgainstAd(ctx, *r, app.submission));
  // Files are read (in the worker) before the transaction, and refused before anything is stored.
  auto files = PrepareAttachments(ctx, *r, app.submission);
  if (!files) return files.error();
  app.attachments = std::move(*files);
  ProposeForReviewers(ctx, *r, app);
  app.idempotency_key = std::move(request.idempotency_key);
  app.request_hash = std::move(request.request_hash);
  auto sender = SenderFor(ctx, r->org_id);
  if (!sender) return sender.error();
  // The receipt is queued in the submission's own transaction.
  app.receipt_mail = [&](const Receipt& receipt) -> std::optional<store::OutgoingMail> {
    const Identity& who = app.submission.identity;
    std::string lang = notify::NoticeLanguage(who.language);
    auto mail = ComposeMail(
        *sender, ctx.now(), r->org_id, r->id,
        MailParts{"receipt",
                  who.email,
                  notify::ReceiptText(lang, TitleIn(*r, lang), receipt.reference,
                                      StatusLink(ctx, receipt.reference, receipt.application_id), r->anonymous),
                  {}});
    if (!mail) return std::nullopt;  // no usable address: the receipt on screen is all
    return std::move(*mail);
  };
  auto result = ctx.store.SubmitApplication(app, ctx.now());
  if (!result) return result.error();
  return Submitted{result->receipt, result->replayed, ctx.store.ApplicantToken(result->receipt.application_id)};
}

Result<Submission> SentApplication(Context& ctx, const ApplicantView& a) {
  if (a.record.withdrawn) return MakeError(ErrorCode::kWithdrawn, "The application has been withdrawn.");
  auto full = ctx.store.ReadIdentity(IdentityGate::ForApplicantSelf(a.recruitment, a.record.application_id), ctx.now());
  if (!full) return full.error();
  Submission sent;
  sent.identity = std::move(full->identity);
  sent.merits = full->original_merits.value_or(full->anonymous.merits);
  sent.free_text = std::move(full->free_text);
  return sent;
}

Status AmendApplication(Context& ctx, const ApplicantView& a, Submission submission) {
  const Recruitment& r = a.recruitment;
  if (a.record.withdrawn) return MakeError(ErrorCode::kWithdrawn, "The application has been withdrawn.");
  if (!AcceptsApplications(r, ctx.now())) {
    return MakeError(ErrorCode::kDeadlinePassed,
                     "The application period is over; the application can no longer be changed.");
  }
  if (!submission.attachments.empty()) {
    return MakeError(ErrorCode::kInvalidInput, "Attachments stay as first sent; they cannot be changed.",
                     "attachments");
  }
  if (submission.statistics) {
    return MakeError(ErrorCode::kInvalidInput, "Equality statistics stay as first given.", "statistics");
  }
  REILU_TRY(CheckAgainstAd(ctx, r, submission));
  store::Amendment amendment;
  amendment.recruitment = &r;
  amendment.application_id = a.record.application_id;
  amendment.submission = std::move(submission);
  ProposeForReviewers(ctx, r, amendment);
  auto sender = SenderFor(ctx, r.org_id);
  if (!sender) return sender.error();
  amendment.confirmation_mail = [&]() -> std::optional<store::OutgoingMail> {
    const Identity& who = amendment.submission.identity;
    std::string lang = notify::NoticeLanguage(who.language);
    auto mail =
        ComposeMail(*sender, ctx.now(), r.org_id, r.id,
                    MailParts{"amendment",
                              who.email,
                              notify::AmendmentText(lang, TitleIn(r, lang), a.record.reference, r.deadline,
                                                    StatusLink(ctx, a.record.reference, a.record.application_id)),
                              {}});
    if (!mail) return std::nullopt;
    return std::move(*mail);
  };
  return ctx.store.AmendApplication(amendment, ctx.now());
}

Result<RedactedText> PreviewRedaction(Context& ctx, RecruitmentId job, const Submission& submission) {
  auto r = ctx.store.GetPublicAd(job);
  if (!r) return r.error();
  REILU_TRY(ValidateLengths(*r, submission));
  auto redacted = ctx.redactor.Redact(submission.free_text, submission.identity, ReviewersLanguage(*r));
  if (!redacted) {
    return MakeError(ErrorCode::kRedactionUnavailable,
                     "The text could not be checked in time. You can still send it: HR checks every text before "
                     "reviewers see it.");
  }
  return std::move(*redacted);
}

}  // namespace reilu::service
