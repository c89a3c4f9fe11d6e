// The texts of Reilu's e-mails in Finnish, Swedish and English (plain language). Applicants get
// them in the language they applied in; staff notices never name an applicant before the lift.
#pragma once

#include <string>
#include <vector>

#include "core/selection.h"
#include "core/types.h"

namespace reilu::notify {

struct Text {
  std::string subject;
  std::string body;
};

// Falls back to Finnish for an unknown language.
std::string NoticeLanguage(std::string_view lang);

// `anonymous`: whether the recruitment is processed anonymously (only then is anonymity promised).
Text ReceiptText(std::string_view lang, const std::string& job_title, const std::string& reference,
                 const std::string& status_link, bool anonymous);

// The links back to one's applications, asked for with the e-mail address on the status page.
struct StatusLinkLine {
  std::string job_title;
  std::string reference;
  std::string status_link;
};
Text StatusLinksText(std::string_view lang, const std::vector<StatusLinkLine>& lines);

// `contact`: whom to tell if the time does not suit (the ad's contact person); empty: the ad's
// contact person in general words. Never "reply to this message": mail comes from a no-reply sender.
Text InterviewInvitationText(std::string_view lang, const std::string& job_title, UnixTime starts_at, int minutes,
                             const std::string& location, const std::string& status_link,
                             const std::string& contact = "");

// To the interviewers: the pseudonym only, whatever the lift state.
Text InterviewerNoticeText(const std::string& job_title, const std::string& pseudonym, UnixTime starts_at, int minutes,
                           const std::string& location);

// To every reviewer when the shortlist is chosen: pseudonyms only.
Text ShortlistNoticeText(const std::string& job_title, const std::vector<std::string>& pseudonyms);

// `rectification_to`: where a rectification request goes (the organisation and, when the admin
// has set it, its registry office's address).
// `not_eligible_because`: set when the application was found not to meet the post's formal
// requirements; the notice says which (in the owner's words).
Text DecisionNoticeText(std::string_view lang, const std::string& job_title, Outcome outcome,
                        const std::string& decided_on, const std::string& appeal_ends,
                        const std::string& rectification_to, const std::string& status_link,
                        const std::string& not_eligible_because = "");

Text WithdrawalText(std::string_view lang, const std::string& job_title, const std::string& reference);

// After the applicant changed the application before the deadline (told in Finnish time); says
// what to do if they did not (someone else holds the link).
Text AmendmentText(std::string_view lang, const std::string& job_title, const std::string& reference,
                   UnixTime deadline_at, const std::string& status_link);

// The link to a draft kept on the server; says the draft is not an application and when it goes.
Text DraftLinkText(std::string_view lang, const std::string& job_title, const std::string& draft_link,
                   UnixTime deadline_at);

}  // namespace reilu::notify
