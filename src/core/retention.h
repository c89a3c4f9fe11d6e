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

// Years after the decision became final (the last day of the rectification period), per document
// type. 0 for the selected: kept for good (the archive plan decides; the default keeps them).
struct RetentionPolicy {
  int others_years = 2;    // applications of those not selected (and of recruitments never decided)
  int selected_years = 0;  // the selected and reserve applicants' applications; 0 = permanently
};
Status ValidateRetentionPolicy(const RetentionPolicy& policy);

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
  bool key_present = true;  // false once the recruitment's key was shredded
};

// What is due at `now` (counted in Finnish dates) in a recruitment past its application period;
// nothing while a legal hold stands. The period starts the day after the decision's rectification
// period ended; a recruitment closed without a decision counts from its deadline.
std::optional<DisposalDue> DueForDisposal(const RetentionState& state, const RetentionPolicy& policy, UnixTime now);

}  // namespace reilu
