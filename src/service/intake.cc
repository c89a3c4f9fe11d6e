#include "service/intake.h"

#include <algorithm>

#include "service/attachments.h"
#include "service/mail.h"

namespace reilu::service {

Result<Submitted> SubmitApplication(Context& ctx, SubmitRequest request) {
  auto r = ctx.store.GetPublicAd(request.job);
  if (!r) return r.error();
  if (!AcceptsApplications(*r, ctx.now())) {
    return MakeError(ErrorCode::kDeadlinePassed, "This recruitment no longer accepts applications.");
  }
  store::NewApplication app;
  app.recruitment = &*r;
  app.submission = std::move(request.submission);
  REILU_TRY(ValidateSubmission(*r, app.submission));
  auto collected = ctx.store.GetCollectedFields(r->org_id);
  if (!collected) return collected.error();
  REILU_TRY(CheckOnlyCollected(app.submission.identity, *collected));
  if (app.submission.statistics && std::none_of(collected->begin(), collected->end(), [](const CollectedField& f) {
        return f.field == kEqualityStatisticsField;
      })) {
    return MakeError(ErrorCode::kInvalidInput, "This employer does not ask for equality statistics.", "statistics");
  }
  // Files are read (in the worker) before the transaction, and refused before anything is stored.
  auto files = PrepareAttachments(ctx, *r, app.submission);
  if (!files) return files.error();
  app.attachments = std::move(*files);
  const std::string language = ReviewersLanguage(*r);
  app.redaction_proposal = ctx.redactor.Redact(app.submission.free_text, app.submission.identity, language);
  // Merit strings are scanned too; what was typed stays sealed with the identity.
  Merits scanned = ctx.redactor.RedactMerits(app.submission.merits, app.submission.identity, language);
  if (scanned != app.submission.merits) app.merits_for_reviewers = std::move(scanned);
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
