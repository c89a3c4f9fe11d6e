#include "core/selection.h"

#include "core/finnish_calendar.h"

#include <algorithm>
#include <cstdio>

#include "core/access.h"

namespace reilu {

namespace {

constexpr int kMaxInterviewMinutes = 8 * 60;
constexpr size_t kMaxNote = 8000;
constexpr size_t kMinReasoning = 20;
constexpr size_t kMaxReasoning = 20000;

Status CheckStageAfterScreening(const Recruitment& r, const ScreeningState& s, UnixTime now) {
  if (r.anonymous && !s.frozen) {
    return MakeError(ErrorCode::kNotShortlisted, "Choose the shortlist first; it ends the anonymous screening.");
  }
  if (!ApplicationPeriodOver(r, now)) {
    return MakeError(ErrorCode::kScreeningNotOpen, "The application period is not over yet.");
  }
  return OkStatus();
}

}  // namespace

Status CheckInterview(const User& actor, const Recruitment& r, const ScreeningState& s, const Interview& i,
                      UnixTime now) {
  if (!IsRecruitmentOwner(actor, r)) {
    return MakeError(ErrorCode::kForbidden, "Only the HR specialist who owns the recruitment schedules interviews.");
  }
  REILU_TRY(CheckStageAfterScreening(r, s, now));
  if (!s.IsActive(i.application_id)) {
    return MakeError(ErrorCode::kNotFound, "No such active application.", "application_id");
  }
  if (r.anonymous && !s.shortlist.count(i.application_id)) {
    return MakeError(ErrorCode::kNotShortlisted, "Only shortlisted applicants are invited to interview.",
                     "application_id");
  }
  if (i.starts_at <= now)
    return MakeError(ErrorCode::kInvalidInput, "The interview must be in the future.", "starts_at");
  if (i.minutes < 10 || i.minutes > kMaxInterviewMinutes) {
    return MakeError(ErrorCode::kInvalidInput, "An interview lasts 10 to 480 minutes.", "minutes");
  }
  if (i.location.empty() || i.location.size() > 500) {
    return MakeError(ErrorCode::kInvalidInput, "Give the place or the video link (at most 500 bytes).", "location");
  }
  for (UserId interviewer : i.interviewers) {
    if (interviewer != r.owner_id && !r.IsReviewer(interviewer)) {
      return MakeError(ErrorCode::kInvalidInput, "Interviewers are the recruitment's reviewers or its owner.",
                       "interviewers");
    }
  }
  return OkStatus();
}

Status CheckInterviewNote(const User& actor, const Recruitment& r, const Interview& i, const InterviewNote& n) {
  bool interviewer = std::find(i.interviewers.begin(), i.interviewers.end(), actor.id) != i.interviewers.end();
  if (actor.org_id != r.org_id || !actor.active || !(interviewer || IsRecruitmentOwner(actor, r))) {
    return MakeError(ErrorCode::kForbidden, "Only the interviewers and the owner write interview notes.");
  }
  if (std::none_of(r.criteria.begin(), r.criteria.end(), [&](const Criterion& c) { return c.id == n.criterion_id; })) {
    return MakeError(ErrorCode::kInvalidInput, "No such criterion in this recruitment.", "criterion_id");
  }
  if (n.score && (*n.score < kMinScore || *n.score > kMaxScore)) {
    return MakeError(ErrorCode::kInvalidInput, "A score is a whole number from 1 to 5.", "score");
  }
  if (n.note.size() > kMaxNote) return MakeError(ErrorCode::kInvalidInput, "The note is too long.", "note");
  return OkStatus();
}

std::string_view OutcomeName(Outcome o) {
  switch (o) {
    case Outcome::kSelected:
      return "selected";
    case Outcome::kReserve:
      return "reserve";
    case Outcome::kNotSelected:
      return "not_selected";
  }
  return "not_selected";
}

std::optional<Outcome> ParseOutcome(std::string_view s) {
  for (auto o : {Outcome::kSelected, Outcome::kReserve, Outcome::kNotSelected}) {
    if (OutcomeName(o) == s) return o;
  }
  return std::nullopt;
}

std::string IsoDate(UnixTime t) {
  CivilTime c = ToCivil(t);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", c.year, c.month, c.day);
  return buf;
}

std::string AppealPeriodEnd(UnixTime sent, int appeal_days) {
  using namespace std::chrono;
  sys_days last = sys_days{FinnishDate(sent)} + days{kElectronicNoticeDays + appeal_days};
  while (IsNonWorkingDay(year_month_day{last})) last += days{1};
  return IsoDate(year_month_day{last});
}

const std::string& ReasoningIn(const Decision& d, std::string_view lang) {
  auto it = d.reasoning_in.find(std::string(lang));
  return it == d.reasoning_in.end() || it->second.empty() ? d.reasoning : it->second;
}

Result<std::map<std::string, std::string>> CheckReasoningTranslations(const Recruitment& r,
                                                                      std::map<std::string, std::string> translations) {
  std::map<std::string, std::string> kept;
  for (auto& [lang, text] : translations) {
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) continue;
    if (std::find(r.languages.begin(), r.languages.end(), lang) == r.languages.end()) {
      return MakeError(ErrorCode::kInvalidInput, "The reasoning is given only in the ad's languages.",
                       "reasoning_in." + lang);
    }
    if (text.size() < kMinReasoning || text.size() > kMaxReasoning) {
      return MakeError(ErrorCode::kReasonRequired, "The reasoning in each language is 20 to 20000 bytes.",
                       "reasoning_in." + lang);
    }
    kept.emplace(lang, std::move(text));
  }
  return kept;
}

Result<Decision> MakeDecision(const User& actor, const Recruitment& r, const ScreeningState& s,
                              const std::map<ApplicationId, Outcome>& chosen, std::string reasoning, UnixTime now,
                              int appeal_days) {
  if (!MayDecide(actor, r)) {
    return MakeError(ErrorCode::kForbidden,
                     r.decision_maker_id != 0
                         ? "Only the decision-maker named for this recruitment records the decision."
                         : "Only the HR specialist who owns the recruitment records the decision.");
  }
  REILU_TRY(CheckStageAfterScreening(r, s, now));
  if (reasoning.size() < kMinReasoning || reasoning.size() > kMaxReasoning) {
    return MakeError(ErrorCode::kReasonRequired,
                     "State the reasons for the selection, citing the criteria and the scores (20 to 20000 bytes).",
                     "reasoning");
  }
  if (appeal_days < 7 || appeal_days > 60) {
    return MakeError(ErrorCode::kInvalidInput, "The appeal period is 7 to 60 days.", "appeal_days");
  }
  Decision d;
  d.decided_at = now;
  d.decided_by = actor.id;
  d.reasoning = std::move(reasoning);
  d.appeal_ends = AppealPeriodEnd(now, appeal_days);
  for (const auto& [app, outcome] : chosen) {
    if (!s.IsActive(app)) return MakeError(ErrorCode::kNotFound, "No such active application.", "outcomes");
    if (outcome != Outcome::kNotSelected && s.IsIneligible(app)) {
      return MakeError(ErrorCode::kNotEligible, "An application found not eligible cannot be selected.", "outcomes");
    }
    if (outcome != Outcome::kNotSelected && r.anonymous && !s.shortlist.count(app)) {
      return MakeError(ErrorCode::kNotShortlisted, "Only shortlisted applicants can be selected or put in reserve.",
                       "outcomes");
    }
  }
  for (const auto& app : s.applications) {
    if (!s.IsActive(app)) continue;
    auto it = chosen.find(app);
    d.outcomes[app] = it == chosen.end() ? Outcome::kNotSelected : it->second;
  }
  return d;
}

std::string_view AcceptanceStateName(AcceptanceState s) {
  switch (s) {
    case AcceptanceState::kOffered:
      return "offered";
    case AcceptanceState::kAccepted:
      return "accepted";
    case AcceptanceState::kDeclined:
      return "declined";
  }
  return "offered";
}

std::optional<AcceptanceState> ParseAcceptanceState(std::string_view s) {
  for (auto state : {AcceptanceState::kOffered, AcceptanceState::kAccepted, AcceptanceState::kDeclined}) {
    if (AcceptanceStateName(state) == s) return state;
  }
  return std::nullopt;
}

Status ValidateConditions(const std::vector<SelectionCondition>& conditions) {
  if (conditions.size() > kMaxConditions) {
    return MakeError(ErrorCode::kInvalidInput, "At most 5 conditions.", "conditions");
  }
  for (const auto& c : conditions) {
    if (c.kind != "health_check" && c.kind != "criminal_record" && c.kind != "other") {
      return MakeError(ErrorCode::kInvalidInput, "A condition is health_check, criminal_record or other.",
                       "conditions.kind");
    }
    if (c.note.size() > 500) return MakeError(ErrorCode::kInvalidInput, "The note is too long.", "conditions.note");
    if (c.kind == "other" && c.note.find_first_not_of(" \t\r\n") == std::string::npos) {
      return MakeError(ErrorCode::kInvalidInput, "Say what the other condition is.", "conditions.note");
    }
  }
  return OkStatus();
}

bool OfferFellThrough(const Acceptance& a) {
  if (a.state == AcceptanceState::kDeclined) return true;
  for (const auto& c : a.conditions) {
    if (c.met == false) return true;
  }
  return false;
}

bool SelectionConfirmed(const Acceptance& a) {
  if (a.state != AcceptanceState::kAccepted) return false;
  for (const auto& c : a.conditions) {
    if (c.met != true) return false;
  }
  return true;
}

Status CheckOfferToReserve(const User& actor, const Recruitment& r, const Decision& d,
                           const std::vector<Acceptance>& offers, const ApplicationId& reserve) {
  if (!IsRecruitmentOwner(actor, r) && !MayDecide(actor, r)) {
    return MakeError(ErrorCode::kForbidden, "The owner or the decision-maker offers the post to the reserve.");
  }
  auto outcome = d.outcomes.find(reserve);
  if (outcome == d.outcomes.end() || outcome->second != Outcome::kReserve) {
    return MakeError(ErrorCode::kInvalidInput, "Only a reserve of the decision can be offered the post.",
                     "application_id");
  }
  for (const auto& o : offers) {
    if (o.application_id == reserve)
      return MakeError(ErrorCode::kConflict, "The post has been offered to them already.");
    if (!OfferFellThrough(o)) {
      return MakeError(ErrorCode::kConflict,
                       "An offer still stands: the post goes to the reserve only when it is declined or a condition "
                       "is not met.");
    }
  }
  return OkStatus();
}

}  // namespace reilu
