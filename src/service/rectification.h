// Rectification requests (GDPR art. 16) as use cases: the applicant asks from the status link; the
// recruitment's owner reads (audited) and answers — corrected, or refused with the reason.
#pragma once

#include <string>
#include <vector>

#include "core/rectification.h"
#include "service/applicant.h"
#include "service/context.h"

namespace reilu::service {

// Records the applicant's request (audited, never with its words).
Result<RectificationRequest> RequestRectification(Context& ctx, const ApplicantView& applicant,
                                                  const std::string& what);
// The applicant's own requests with their answers.
Result<std::vector<RectificationRequest>> RectificationsOf(Context& ctx, const ApplicantView& applicant);

// The recruitment's requests for its owning HR specialist. With `with_words` the applicants' words
// and the answers too, and the look is audited (rectification.read): they are about a person.
// Without, the states and days only (for the desk to tell that one waits).
Result<std::vector<RectificationRequest>> RectificationsFor(Context& ctx, const User& actor, RecruitmentId id,
                                                            bool with_words);
// The owner's answer to an open request (audited with the state only).
Status AnswerRectification(Context& ctx, const User& actor, RecruitmentId id, std::int64_t request,
                           RectificationState state, const std::string& answer);

}  // namespace reilu::service
