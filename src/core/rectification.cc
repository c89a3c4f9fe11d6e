#include "core/rectification.h"

#include <chrono>

#include "core/finnish_calendar.h"
#include "core/policy.h"

namespace reilu {

std::string_view RectificationStateName(RectificationState s) {
  switch (s) {
    case RectificationState::kOpen:
      return "open";
    case RectificationState::kCorrected:
      return "corrected";
    case RectificationState::kRefused:
      return "refused";
  }
  return "open";
}

std::optional<RectificationState> ParseRectificationState(std::string_view s) {
  for (auto state : {RectificationState::kOpen, RectificationState::kCorrected, RectificationState::kRefused}) {
    if (RectificationStateName(state) == s) return state;
  }
  return std::nullopt;
}

Status ValidateRectificationText(std::string_view what) {
  if (what.find_first_not_of(" \t\r\n") == std::string_view::npos || what.size() < kMinRectificationBytes) {
    return MakeError(ErrorCode::kInvalidInput, "Say what is wrong and what it should be (at least 10 characters).",
                     "what");
  }
  if (what.size() > kMaxRectificationBytes) {
    return MakeError(ErrorCode::kInvalidInput, "The request is too long (at most 4000 characters).", "what");
  }
  return OkStatus();
}

Status ValidateRectificationAnswer(RectificationState state, std::string_view answer) {
  if (state == RectificationState::kOpen) {
    return MakeError(ErrorCode::kInvalidInput, "Answer corrected or refused.", "state");
  }
  if (!IsMeaningfulReason(answer)) {
    return MakeError(
        ErrorCode::kReasonRequired,
        state == RectificationState::kCorrected ? "Say what was corrected." : "Say why the data is not corrected.",
        "answer");
  }
  if (answer.size() > kMaxRectificationBytes) {
    return MakeError(ErrorCode::kInvalidInput, "The answer is too long (at most 4000 characters).", "answer");
  }
  return OkStatus();
}

std::string RectificationAnswerDue(UnixTime received_at) {
  using namespace std::chrono;
  const year_month_day received = FinnishDate(received_at);
  const year_month next_month = year_month{received.year(), received.month()} + months{1};
  year_month_day due = next_month / received.day();
  if (!due.ok()) due = year_month_day{next_month.year() / next_month.month() / last};
  return IsoDate(due);
}

}  // namespace reilu
