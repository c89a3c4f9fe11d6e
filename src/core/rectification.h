// Rectification of personal data (GDPR art. 16): an applicant asks from the status link that
// something held about them be corrected; the recruitment's owner answers — corrected, or refused
// with the reason — within a month (art. 12(3)). No I/O: the store keeps the requests sealed with
// the recruitment's key, the service checks who may do what.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"
#include "core/types.h"

namespace reilu {

enum class RectificationState { kOpen, kCorrected, kRefused };
std::string_view RectificationStateName(RectificationState s);
std::optional<RectificationState> ParseRectificationState(std::string_view s);

struct RectificationRequest {
  std::int64_t id = 0;
  RecruitmentId recruitment_id = 0;
  ApplicationId application_id;
  std::string pseudonym;  // as the owner's desk names the application
  std::string what;       // the applicant's words: what is wrong and what it should be
  UnixTime received_at = 0;
  RectificationState state = RectificationState::kOpen;
  std::string answer;  // what was corrected, or why not
  UserId answered_by = 0;
  UnixTime answered_at = 0;
};

inline constexpr std::size_t kMinRectificationBytes = 10;
inline constexpr std::size_t kMaxRectificationBytes = 4000;
inline constexpr std::size_t kMaxOpenRectifications = 5;  // per application: a form, not a mailbox

// The applicant's text: 10 to 4000 bytes of something other than blanks.
Status ValidateRectificationText(std::string_view what);
// An answer: corrected or refused (never back to open) with a meaningful text — what was
// corrected, or the reason for refusing (the applicant may then turn to the supervisory authority).
Status ValidateRectificationAnswer(RectificationState state, std::string_view answer);
// The last day of the answer (YYYY-MM-DD, Finnish date): one month after receipt (GDPR art. 12(3));
// the 31st of a shorter month is its last day.
std::string RectificationAnswerDue(UnixTime received_at);

}  // namespace reilu
