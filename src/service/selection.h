// After the shortlist: interviews (the invitation with an .ics, read from the identity in the same
// transaction that records the interview), interview notes, and the selection decision with its
// notices to every applicant, all in one transaction.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "service/context.h"

namespace reilu::service {

struct Scheduled {
  Interview interview;  // with its id
  std::string pseudonym;
};
// The applicant must be lifted (in an anonymous recruitment); interviewers get the time and the
// pseudonym only.
Result<Scheduled> ScheduleInterview(Context& ctx, const User& actor, RecruitmentId id, Interview interview);

// The actor's own notes on an interview they sit on (or the owner's).
Status SaveInterviewNotes(Context& ctx, const User& actor, RecruitmentId id, std::int64_t interview_id,
                          std::vector<InterviewNote> notes);

struct DecisionRequest {
  std::map<ApplicationId, Outcome> outcomes;
  std::string reasoning;
  int appeal_days = kDefaultAppealDays;
};
struct Decided {
  Decision decision;
  std::int64_t notices_queued = 0;
};
// Final once recorded: the ranking as it stands is kept with it, and every applicant's notice (in
// the language they applied in) is queued in the same transaction as the identity reads it needs.
Result<Decided> Decide(Context& ctx, const User& actor, RecruitmentId id, DecisionRequest request);

}  // namespace reilu::service
