// Attachments through the anonymous process: read when sent (in the worker) and checked by the
// engine, sealed as sent with the identity; HR reads the original beside the proposal (audited),
// adjusts the covers and releases the rendition; reviewers get the rendition and nothing else; the
// original opens like the identity does (after the lift, or in a recruitment that is not anonymous).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "service/context.h"

namespace reilu::service {

// Reads every file of a submission and asks the engine what to cover: the rows the submission
// seals. Refuses a file that cannot be read (kUnsupportedFile, kEncryptedFile, kBrokenFile,
// kPayloadTooLarge; field "attachments[i]").
Result<std::vector<store::NewAttachment>> PrepareAttachments(Context& ctx, const Recruitment& r,
                                                             const Submission& submission);

// The applicant's look before sending: the rendition reviewers would get of one file (nothing is
// stored). The identity given is only used to find the applicant's own name in the file.
Result<std::string> PreviewAttachment(Context& ctx, RecruitmentId job, const Identity& identity,
                                      const SubmittedAttachment& file);

struct AttachmentUnderReview {
  Recruitment recruitment;
  ApplicationId application;
  store::OpenedAttachment opened;
  attachment::Extracted extracted;
  std::vector<ProposedSpan> proposal;
};
// The owner only: the original (an audited read) and what the engine proposes to cover.
Result<AttachmentUnderReview> LoadAttachmentReview(Context& ctx, const User& actor, RecruitmentId id,
                                                   const ApplicationId& app, int position);
// What HR decided: the covers over the text (none: the proposal), boxes drawn on PDF pages, and
// scanned pages to show with those boxes instead of covering them whole.
struct HrChoices {
  std::optional<std::vector<ProposedSpan>> spans;
  std::vector<attachment::PageBox> boxes;
  std::vector<int> shown_scans;
};
// The rendition with HR's choices: for the owner to look at.
Result<std::string> RenderAttachment(Context& ctx, const AttachmentUnderReview& reviewed, const HrChoices& choices);
// One page of that rendition as a picture (PNG), to set beside the original page.
Result<std::string> RenderAttachmentPage(Context& ctx, const AttachmentUnderReview& reviewed, const HrChoices& choices,
                                         int page);
// Publishes the rendition with HR's choices to the reviewers. `bulk_mode` names a release without
// a check ("bulk", "demo_unchecked") for the audit log.
Result<store::RedactionReleaseNote> ReleaseAttachment(Context& ctx, const User& actor,
                                                      const AttachmentUnderReview& reviewed, const HrChoices& choices,
                                                      const std::string& bulk_mode = {});
// One page of the original as a picture, for HR to draw boxes on: an identity read (the owner
// with a reason, a lifted reviewer), audited.
Result<std::string> AttachmentPagePicture(Context& ctx, const User& actor, RecruitmentId id, const ApplicationId& app,
                                          int position, int page, const std::string& reason);

// The released rendition, for anyone who may see the anonymous application.
Result<std::string> AttachmentRendition(Context& ctx, const User& actor, RecruitmentId id, const ApplicationId& app,
                                        int position);
// The original as sent, where the gate opens (core/access.h): after the lift or in a recruitment
// that is not anonymous without a reason, for the owner before the lift with one (the check
// before release: the original beside the proposal). Audited with the reason.
Result<store::OpenedAttachment> AttachmentOriginal(Context& ctx, const User& actor, RecruitmentId id,
                                                   const ApplicationId& app, int position,
                                                   const std::string& reason = {});

}  // namespace reilu::service
