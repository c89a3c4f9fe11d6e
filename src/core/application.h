// An application is two parts kept apart: the identity part (who) and the merit part (what they
// bring). Reviewers of an anonymous recruitment only ever receive AnonymousApplication, which has
// no identity fields at all; see core/access.h for how identity is reached.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/equality.h"
#include "core/recruitment.h"
#include "core/result.h"
#include "core/types.h"

namespace reilu {

// Identity-class data: stored encrypted, apart from merits, never loaded for reviewers before lift.
struct Identity {
  std::string first_name;
  std::string last_name;
  std::string email;
  std::string phone;
  std::string birth_date;  // YYYY-MM-DD, optional
  std::string gender;      // optional, free text as the applicant wrote it
  std::string street_address;
  std::string postal_code;
  std::string municipality;  // municipality of residence
  std::string mother_tongue;
  std::string nationality;
  std::string language;  // the language the applicant applied in (notices use it)
  // The applicant asked that their name is not given out in a list of applicants where the law
  // allows it (the registry office honours it; see core/records.h).
  bool non_disclosure_wish = false;
};

// Every Identity field value, for tests and checks that must find any of them.
std::vector<std::string> IdentityValues(const Identity& identity);

struct Education {
  std::string level;  // e.g. "master", "bachelor", "vocational"
  std::string field;
  std::string institution;

  bool operator==(const Education&) const = default;
};

// Work experience is a duration, never dates: dates narrow down age and identity.
struct Experience {
  std::string title;
  std::string employer;
  int months = 0;

  bool operator==(const Experience&) const = default;
};

struct LanguageSkill {
  std::string language;
  std::string level;  // e.g. "native-like", "good", "basic" (a skill, not a mother-tongue statement)

  bool operator==(const LanguageSkill&) const = default;
};

struct Merits {
  std::vector<Education> education;
  std::vector<Experience> experience;
  std::vector<std::string> skills;
  std::vector<LanguageSkill> languages;

  bool operator==(const Merits&) const = default;
};

struct Answer {
  std::string question_id;
  std::string text;

  bool operator==(const Answer&) const = default;
};

// Free text as written: identity-class, since applicants write their names, ages and family into it.
struct FreeText {
  std::string cover_letter;
  std::vector<Answer> answers;
};

// The reviewers' rendition of FreeText, produced by the redaction engine (issue: src/redact).
struct RedactedText {
  std::string cover_letter;
  std::vector<Answer> answers;

  bool operator==(const RedactedText&) const = default;
};

// A file sent with the application, as sent. Identity-class as a whole: a CV's header has the
// name, and so does the file name ("Maija_Meikalainen_CV.pdf").
struct SubmittedAttachment {
  std::string file_name;
  std::string bytes;
};
inline constexpr size_t kMaxAttachments = 5;
inline constexpr size_t kMaxAttachmentBytes = 5u << 20;         // one file
inline constexpr size_t kMaxAttachmentsTotalBytes = 10u << 20;  // all of one application's files

// What reviewers may know of an attachment: where it is in the list, its kind, and whether HR has
// released its rendition. Never the file name.
struct AttachmentInfo {
  int position = 0;  // 1, 2, … in the order sent
  std::string kind;  // pdf, docx, odt
  bool released = false;
  // Scanned pages or spans the engine is unsure of: HR must look (never released in bulk).
  bool needs_a_look = false;
  bool operator==(const AttachmentInfo&) const = default;
};

struct Submission {
  Identity identity;
  Merits merits;
  FreeText free_text;
  std::vector<SubmittedAttachment> attachments;
  // Given with consent where the organisation asks them (core/equality.h); counted, never shown.
  std::optional<EqualityStatistics> statistics;
};

// Data minimisation: identity fields an employer may not collect without a need. They are asked
// only when the organisation turned them on, each with its stated legal basis.
struct CollectedField {
  std::string field;        // one of MinimisedIdentityFields()
  std::string legal_basis;  // shown to the applicant beside the field
  bool operator==(const CollectedField&) const = default;
};
const std::vector<std::string>& MinimisedIdentityFields();  // birth_date, gender, nationality, mother_tongue
// Known fields, once each, every one with a legal basis of at least a few words.
Status ValidateCollectedFields(const std::vector<CollectedField>& fields);
// Refuses a value in a minimised field the organisation does not collect (nothing of it is stored).
Status CheckOnlyCollected(const Identity& identity, const std::vector<CollectedField>& collected);

// Checks a submission against the recruitment's questions and the field limits.
Status ValidateSubmission(const Recruitment& r, const Submission& s);

// An address mail can be sent to: one '@' with a local part before it and a domain of dot-separated
// labels after it ("testi@" and "testi@localhost" are not), no spaces or control characters.
bool IsPlausibleEmail(std::string_view address);
// Only the size limits (and that answers go to the ad's questions): what a preview of an
// unfinished form must meet, so that it costs no more than the submission would.
Status ValidateLengths(const Recruitment& r, const Submission& s);
// The ad takes attachments, and their number and sizes are within the limits above.
Status ValidateAttachmentSizes(const Recruitment& r, const std::vector<SubmittedAttachment>& attachments);

// What reviewers of an anonymous recruitment may see.
struct AnonymousApplication {
  ApplicationId id;
  RecruitmentId recruitment_id = 0;
  std::string pseudonym;
  Merits merits;
  // Empty until a redaction exists: reviewers never see the raw free text.
  std::optional<RedactedText> redacted;
  bool on_time = true;  // the only arrival information shown
  bool withdrawn = false;
  std::vector<AttachmentInfo> attachments;
};

// The full view, reachable only through an IdentityAccess (core/access.h).
struct IdentifiedApplication {
  AnonymousApplication anonymous;
  Identity identity;
  FreeText free_text;
  // The redaction engine's rendition, kept identity-class until HR releases it to reviewers.
  std::optional<RedactedText> redaction_proposal;
  // The merits as typed, when scanning changed what reviewers see.
  std::optional<Merits> original_merits;
};

// The applicant's receipt: a reference code to follow the application with.
struct Receipt {
  ApplicationId application_id;
  std::string reference;
  RecruitmentId recruitment_id = 0;
};

}  // namespace reilu
