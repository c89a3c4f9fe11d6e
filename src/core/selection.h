// After the shortlist: interviews with the identified shortlisted applicants, and the reasoned
// selection decision that every applicant is told about. Pure rules, no I/O.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/recruitment.h"
#include "core/result.h"
#include "core/screening.h"
#include "core/types.h"

namespace reilu {

struct Interview {
  std::int64_t id = 0;
  ApplicationId application_id;
  UnixTime starts_at = 0;
  int minutes = 60;
  std::string location;  // a room or a video link; shown to the applicant
  std::vector<UserId> interviewers;
};

// One interviewer's structured note on one criterion.
struct InterviewNote {
  std::int64_t interview_id = 0;
  UserId author_id = 0;
  std::string criterion_id;
  std::optional<int> score;  // 1..5 when given
  std::string note;
};

// The owner schedules interviews for shortlisted applications, in the future, with assigned
// reviewers (or the owner) as interviewers.
Status CheckInterview(const User& actor, const Recruitment& r, const ScreeningState& s, const Interview& i,
                      UnixTime now);
// Interviewers (and the owner) write notes on the recruitment's criteria.
Status CheckInterviewNote(const User& actor, const Recruitment& r, const Interview& i, const InterviewNote& n);

enum class Outcome { kSelected, kReserve, kNotSelected };
std::string_view OutcomeName(Outcome o);
std::optional<Outcome> ParseOutcome(std::string_view s);

struct Decision {
  UnixTime decided_at = 0;
  UserId decided_by = 0;
  std::string reasoning;                      // why: cites the criteria and the scores
  std::map<ApplicationId, Outcome> outcomes;  // every active application
  std::string appeal_ends;                    // YYYY-MM-DD, last day to ask for a rectification (oikaisuvaatimus)
  // The reasoning in the ad's other languages ("sv", "en"), for those who applied in them.
  std::map<std::string, std::string> reasoning_in = {};
};

// The reasoning in `lang` when the decision-maker wrote it in that language, else as written.
const std::string& ReasoningIn(const Decision& d, std::string_view lang);
// Translations only in the ad's own languages, each as long as a reasoning must be; empty ones are
// dropped.
Result<std::map<std::string, std::string>> CheckReasoningTranslations(const Recruitment& r,
                                                                      std::map<std::string, std::string> translations);

// Days to ask for a rectification after receiving the notice (kuntalaki 134 §).
inline constexpr int kDefaultAppealDays = 14;
// An e-mailed notice is taken to be received on the third day after sending (kuntalaki 139 §,
// hallintolaki 59 §: ordinary electronic notice).
inline constexpr int kElectronicNoticeDays = 3;

// The last day of the appeal period (YYYY-MM-DD) for a notice e-mailed at `sent`: the Finnish date
// of sending, received kElectronicNoticeDays later, then `appeal_days` not counting the day of
// receipt; a last day that is a Saturday, Sunday or public holiday moves to the next working day
// (laki säädettyjen määräaikain laskemisesta 5 §).
std::string AppealPeriodEnd(UnixTime sent, int appeal_days = kDefaultAppealDays);
// The UTC calendar date of `t` as YYYY-MM-DD.
std::string IsoDate(UnixTime t);

// Checks the owner's decision: after the shortlist (anonymous recruitments) or the application
// period (others), once; selected and reserve only from the shortlist; a reasoning is required.
// `chosen` names the selected and reserve applications; every other active one is not selected.
Result<Decision> MakeDecision(const User& actor, const Recruitment& r, const ScreeningState& s,
                              const std::map<ApplicationId, Outcome>& chosen, std::string reasoning, UnixTime now,
                              int appeal_days = kDefaultAppealDays);

// After the decision: the selected person accepts or declines the post, and the selection may be
// conditional (a health check, a criminal-record extract where the law asks one for work with
// children, or another condition the owner names). When the offer is declined or a condition is
// not met, the owner offers the post to the reserve.
enum class AcceptanceState { kOffered, kAccepted, kDeclined };
std::string_view AcceptanceStateName(AcceptanceState s);
std::optional<AcceptanceState> ParseAcceptanceState(std::string_view s);

struct SelectionCondition {
  std::string kind;         // health_check, criminal_record, other
  std::string note;         // what exactly (free text; required for "other")
  std::optional<bool> met;  // not yet known / met / not met
  bool operator==(const SelectionCondition&) const = default;
};
inline constexpr size_t kMaxConditions = 5;

struct Acceptance {
  ApplicationId application_id;
  AcceptanceState state = AcceptanceState::kOffered;
  std::vector<SelectionCondition> conditions;
  UnixTime offered_at = 0;
  UnixTime answered_at = 0;  // 0: no answer yet
};

// Known kinds, notes of bounded length, at most kMaxConditions.
Status ValidateConditions(const std::vector<SelectionCondition>& conditions);

// The offer fell through: declined, or a condition not met.
bool OfferFellThrough(const Acceptance& a);
// Accepted and every condition met: the selection is final.
bool SelectionConfirmed(const Acceptance& a);

// May the post be offered to `reserve`? The owner (or the named decision-maker), a reserve of the
// decision not offered yet, and every standing offer has fallen through.
Status CheckOfferToReserve(const User& actor, const Recruitment& r, const Decision& d,
                           const std::vector<Acceptance>& offers, const ApplicationId& reserve);

}  // namespace reilu
