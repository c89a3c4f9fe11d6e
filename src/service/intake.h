// The public side of an application: what reviewers would see before sending, and the submission
// itself (validated, scanned, sealed and receipted in one durable transaction).
#pragma once

#include <string>

#include "service/applicant.h"
#include "service/context.h"

namespace reilu::service {

struct SubmitRequest {
  RecruitmentId job = 0;
  Submission submission;
  std::string idempotency_key;  // empty: none given
  std::string request_hash;     // SHA-256 of the request as sent, to detect a reused key
};

struct Submitted {
  Receipt receipt;
  bool replayed = false;     // the same key and request were seen before; nothing new was stored
  std::string status_token;  // the secret of the applicant's status link (also e-mailed)
};

// Validates against the ad, proposes redactions of the free text and merits (released to reviewers
// only after HR's check), and stores the application with its receipt e-mail queued.
Result<Submitted> SubmitApplication(Context& ctx, SubmitRequest request);

// The application as the applicant sent it, for changing it (the read is audited as the
// applicant's own).
Result<Submission> SentApplication(Context& ctx, const ApplicantView& applicant);

// Replaces the identity, merits and free text while the recruitment takes applications: checked
// like a new application, proposed for redaction again and back to HR's check; attachments and
// equality statistics stay as first sent. A confirmation goes to the address now given.
Status AmendApplication(Context& ctx, const ApplicantView& applicant, Submission submission);

// The free text as reviewers would see it; nothing is stored. kRedactionUnavailable when the engine
// runs out of its time budget.
Result<RedactedText> PreviewRedaction(Context& ctx, RecruitmentId job, const Submission& submission);

}  // namespace reilu::service
