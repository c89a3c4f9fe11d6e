// A recruitment: the post, its criteria and questions, its deadline and its anonymity choice.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/policy.h"
#include "core/result.h"
#include "core/types.h"

namespace reilu {

enum class RecruitmentState { kDraft, kPublished, kClosed };
std::string_view RecruitmentStateName(RecruitmentState s);
std::optional<RecruitmentState> ParseRecruitmentState(std::string_view s);

// Text in the advertised languages, keyed by "fi" / "sv" / "en".
using LocalizedText = std::map<std::string, std::string>;

struct Employment {
  EmploymentRelation relation = EmploymentRelation::kVirka;
  EmploymentTerm term = EmploymentTerm::kPermanent;
  std::string fixed_term_ground;  // required for fixed-term posts (the legal ground)
  std::string end_date;           // YYYY-MM-DD, required for fixed-term posts
};

// What applications are judged on: experience, education and skills.
struct Criterion {
  std::string id;
  LocalizedText title;
  int weight = 1;       // 1..10
  LocalizedText guide;  // marking guide: what a 1, a 3 and a 5 look like
};

struct Question {
  std::string id;
  LocalizedText text;
  bool required = false;
  std::string criterion_id;  // optional: the criterion this answer is scored on (chunked review)
};

// What a municipal job advertisement says besides its description, each optional: the
// qualifications (kelpoisuusvaatimukset), pay, working hours, place, start, and whom to ask. The
// texts are per advertised language; the contact person's name, phone and e-mail are one each.
struct AdDetails {
  LocalizedText qualifications;
  LocalizedText salary;
  LocalizedText working_hours;
  LocalizedText location;
  LocalizedText starts;
  std::string contact_name;
  LocalizedText contact_title;
  std::string contact_phone;
  std::string contact_email;

  bool operator==(const AdDetails&) const = default;
};

struct Recruitment {
  RecruitmentId id = 0;
  OrgId org_id = 0;
  UnitId unit_id = 0;
  UserId owner_id = 0;  // the HR specialist who owns the process
  LocalizedText title;
  LocalizedText description;
  AdDetails ad;
  Employment employment;
  std::vector<Criterion> criteria;
  std::vector<Question> questions;
  std::vector<std::string> languages;  // advertised languages, subset of fi/sv/en
  // Whether the form takes attachments (a CV, certificates); reviewers see them redacted.
  bool accepts_attachments = false;
  UnixTime deadline = 0;
  bool anonymous = true;
  std::string anonymity_exception_reason;
  RecruitmentState state = RecruitmentState::kDraft;
  UnixTime published_at = 0;
  std::vector<UserId> reviewer_ids;  // hiring managers / reviewers assigned to screen
  UserId decision_maker_id = 0;      // who makes the selection decision; 0: the owning HR specialist
  std::string diary_number;          // the registry's diary number (diaarinumero), printed on its documents
  std::int64_t version = 0;          // bumped on each change (optimistic concurrency)
  // Grows whenever anything its application lists show changes (applications, their released
  // texts, withdrawals, lifts, recusals, the shortlist, the recruitment itself), as read with the
  // recruitment: lists are cached and ETagged by it.
  std::int64_t data_version = 0;

  bool IsReviewer(UserId user) const;
};

// Checks the fields a recruitment must have whatever its state.
Status ValidateRecruitment(const Recruitment& r);
// Everything that stops a draft from being published, for the owner's check before confirming:
// it must be valid with its deadline ahead, have criteria and at least one reviewer, and say
// everything (description, criteria, questions) in every language it is advertised in.
std::vector<Error> PublishProblems(const Recruitment& r, UnixTime now);
// What an applicant reading the ad in one of its languages would miss: the description, a
// criterion's title or a question's text (fields "description.sv", "criteria.<id>.title.sv", …).
std::vector<Error> MissingTranslations(const Recruitment& r);
// The first of PublishProblems, if any.
Status CheckPublishable(const Recruitment& r, UnixTime now);
// Edits are allowed to drafts only; published ads are locked (the anonymity choice with them).
Status CheckEditable(const Recruitment& r);
// Applications are accepted while published and before the deadline (server time, hard).
bool AcceptsApplications(const Recruitment& r, UnixTime now);
// The application period is over once the deadline has passed or the owner closed the ad early;
// screening starts then, and the criteria are locked.
bool ApplicationPeriodOver(const Recruitment& r, UnixTime now);
// Criteria (and weights, marking guides) may change until the application period is over.
Status CheckCriteriaEditable(const Recruitment& r, UnixTime now);
// The language reviewers work in: the ad's first advertised language ("fi" when none).
std::string ReviewersLanguage(const Recruitment& r);

// Checks a criteria list on its own (ids, weights, titles in the advertised languages).
Status ValidateCriteria(const Recruitment& r);

}  // namespace reilu
