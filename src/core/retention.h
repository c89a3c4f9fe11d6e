// Retention and disposal (issue 12): how long applications are kept after the selection decision
// becomes final, legal holds that stop disposal, and what is due for disposal now. No I/O: the
// store disposes, the service runs the plan (daily, and as a dry run for the admin).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/recruitment.h"
#include "core/result.h"
#include "core/selection.h"
#include "core/types.h"

namespace reilu {

// Years per document type, counted from the day the decision became final (the last day of the
// rectification period) unless said otherwise. 0 for the selected: kept for good (the archive plan
// decides; the default keeps them).
struct RetentionPolicy {
  int others_years = 2;            // applications of those not selected (and of recruitments never decided)
  int selected_years = 0;          // the selected and reserve applicants' applications; 0 = permanently
  int interview_notes_years = 2;   // the interviewers' notes (the scores stay with the decision)
  int records_requests_years = 2;  // who asked for records and how to reach them, from the answer's day
};
Status ValidateRetentionPolicy(const RetentionPolicy& policy);

// The schedule as the admin and the privacy notice show it: every document type a recruitment
// produces, with its period; the fixed rows are kept by law or as evidence and are not settable.
enum class RetainedDocument {
  kSelectedApplications,
  kOtherApplications,
  kInterviewNotes,
  kRecordsRequests,
  kDecision,        // the decision with the applicant summary: permanently (archive plan)
  kAuditLog,        // append-only evidence of every access; holds no identity in the clear
  kDisposalRecord,  // what was disposed of and the anonymous counts
};
struct RetentionRow {
  RetainedDocument document;
  std::string_view name;  // stable code: selected_applications, other_applications, …
  int years = 0;          // 0: permanently
  bool settable = false;
};
std::vector<RetentionRow> RetentionSchedule(const RetentionPolicy& policy);

// A stop on disposal, e.g. while a rectification request or an appeal is pending.
struct LegalHold {
  std::int64_t id = 0;
  RecruitmentId recruitment_id = 0;
  std::string reason;
  UserId placed_by = 0;
  UnixTime placed_at = 0;
};

// What is due in one recruitment: the applications whose identity, text and merits go, and
// whether the recruitment's key is shredded (nothing in it is kept any longer).
struct DisposalDue {
  RecruitmentId recruitment_id = 0;
  std::vector<ApplicationId> applications;
  bool interview_notes = false;                // the interviewers' notes are emptied
  std::vector<std::int64_t> records_requests;  // the requester's name and contact are removed
  bool shred_key = false;
  std::string final_on;  // YYYY-MM-DD: the day the decision became final (or the deadline's day)
};

// The recruitment's applications as retention sees them: id, whether selected (or reserve), and
// whether already disposed.
struct RetainedApplication {
  ApplicationId id;
  bool selected = false;
  bool disposed = false;
  bool rectification_pending = false;  // an open rectification request holds it until answered
};

// The day `years` whole years after the ISO date `day` (29 February → 28 February).
std::string YearsAfter(const std::string& day, int years);

// A recruitment as retention sees it.
struct RetentionState {
  Recruitment recruitment;
  std::optional<Decision> decision;
  std::vector<RetainedApplication> applications;
  bool legal_hold = false;
  bool key_present = true;       // false once the recruitment's key was shredded
  bool interview_notes = false;  // notes with text remain
  struct RecordsRequest {
    std::int64_t id = 0;
    std::string answered_on;  // YYYY-MM-DD; empty while undecided
  };
  std::vector<RecordsRequest> records_requests;  // those still naming their requester
};

// What is due at `now` (counted in Finnish dates) in a recruitment past its application period;
// nothing while a legal hold stands. The period starts the day after the decision's rectification
// period ended; a recruitment closed without a decision counts from its deadline.
std::optional<DisposalDue> DueForDisposal(const RetentionState& state, const RetentionPolicy& policy, UnixTime now);

}  // namespace reilu
