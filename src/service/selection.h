// After the shortlist: interviews (the invitation with an .ics, read from the identity in the same
// transaction that records the interview), interview notes, and the selection decision with its
// notices to every applicant, all in one transaction.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/document.h"
#include "service/applications.h"
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
  std::map<std::string, std::string> reasoning_in = {};  // Decision::reasoning_in
};
struct Decided {
  Decision decision;
  std::int64_t notices_queued = 0;
};
// Final once recorded: the ranking as it stands is kept with it, and every applicant's notice (in
// the language they applied in) is queued in the same transaction as the identity reads it needs.
Result<Decided> Decide(Context& ctx, const User& actor, RecruitmentId id, DecisionRequest request);

// What the decision is made on: the shortlisted applications (every active one in a recruitment that
// is not anonymous and has no shortlist) with their merits as reviewers saw them, their place in the
// ranking and their interviews; the name where the identity is open to the actor (lifted, or not
// anonymous), each such read audited. For the one who decides and the owner. A named decision-maker
// stays blind until the shortlist: before it, kNotShortlisted.
struct BriefEntry {
  ApplicationId application_id;
  std::string pseudonym;
  Merits merits;
  double weighted_score = 0;
  int rank = 0;
  std::vector<UnixTime> interviews;
  std::string name;  // empty: not open to the actor
};
struct DecisionBrief {
  bool may_decide = false;
  std::vector<BriefEntry> applications;
};
Result<DecisionBrief> BriefForDecision(Context& ctx, const User& actor, RecruitmentId id);

// After the decision: the offers (the selected, and reserves offered the post) with their answers
// and conditions, and the reserves not offered yet. For the owner and the decision-maker.
struct AcceptanceView {
  std::vector<Acceptance> offers;
  std::vector<ApplicationId> reserves;  // not offered the post (yet)
};
Result<AcceptanceView> ListAcceptances(Context& ctx, const User& actor, RecruitmentId id);
// The owner records an answer given otherwise (by phone, in person) and the conditions and their
// results. `state` / `conditions` absent: unchanged. Audited.
Result<Acceptance> RecordAcceptance(Context& ctx, const User& actor, RecruitmentId id, const ApplicationId& app,
                                    std::optional<AcceptanceState> state,
                                    std::optional<std::vector<SelectionCondition>> conditions);
// The post to a reserve once every standing offer has fallen through (core CheckOfferToReserve).
Result<Acceptance> OfferToReserve(Context& ctx, const User& actor, RecruitmentId id, const ApplicationId& reserve);
// The applicant's own answer to a standing offer, from the status link.
Result<Acceptance> AnswerOffer(Context& ctx, OrgId org, RecruitmentId id, const ApplicationId& app, bool accept);
// Per applicant, how the decision notice reached them: the e-mail's state, when they first opened
// the status link after the decision, and a letter sent. For the owner and the decision-maker.
struct NoticeDeliveryRow {
  ApplicationId application_id;
  std::string pseudonym;
  Outcome outcome = Outcome::kNotSelected;
  std::string email;  // queued, sent, failed, or "" (no e-mail)
  UnixTime email_sent_at = 0;
  UnixTime opened_at = 0;
  UnixTime letter_sent_at = 0;
};
Result<std::vector<NoticeDeliveryRow>> NoticeDeliveries(Context& ctx, const User& actor, RecruitmentId id);
// The notice was also sent by letter (no e-mail address, or the e-mail failed); audited.
Status MarkNoticeLetter(Context& ctx, const User& actor, RecruitmentId id, const ApplicationId& app);

// The applicant's standing or answered offer, if any.
Result<std::optional<Acceptance>> OfferOf(Context& ctx, OrgId org, RecruitmentId id, const ApplicationId& app);

// The recorded decision, if any.
Result<std::optional<store::StoredDecision>> DecisionOf(Context& ctx, const Recruitment& r);

// The interviews with the notes the actor may read: each interviewer their own, the owner all.
struct InterviewsView {
  std::vector<Interview> interviews;
  std::vector<InterviewNote> notes;
  ApplicationsById applications;  // for pseudonyms
};
Result<InterviewsView> InterviewsFor(Context& ctx, const User& actor, const Recruitment& r);

// What the equality-law explanation of the selection (10 §) for one application is built from.
// kConflict before the decision, kNotFound for an application without an outcome.
struct ExplanationData {
  Decision decision;
  ApplicationsById applications;
  std::vector<RankedApplication> ranking;
  std::vector<Score> scores;
};
Result<ExplanationData> LoadExplanation(Context& ctx, const Recruitment& r, const ApplicationId& app);
// LoadExplanation for staff: the owner or the registry office gives explanations (kForbidden for others).
Result<ExplanationData> ExplanationFor(Context& ctx, const User& actor, const Recruitment& r, const ApplicationId& app);

// The selection decision as a document, for the owner and the decision-maker: the names of the
// selected and the reserve where the gate opens (lifted, or not anonymous), read in one audited
// transaction; the others by pseudonym.
Result<Document> PrintDecision(Context& ctx, const User& actor, const Recruitment& r, std::string_view lang);

// The recruitment's e-mail and its delivery (no recipients, no text), for the owner.
Result<std::vector<store::MailRecord>> MailLogOf(Context& ctx, const User& actor, const Recruitment& r);

}  // namespace reilu::service
