#include "core/retention.h"

#include <chrono>
#include <cstdio>

#include "core/finnish_calendar.h"

namespace reilu {

Status ValidateRetentionPolicy(const RetentionPolicy& p) {
  if (p.others_years < 1 || p.others_years > 100) {
    return MakeError(ErrorCode::kInvalidInput, "Keep applications 1 to 100 years.", "others_years");
  }
  if (p.selected_years < 0 || p.selected_years > 100) {
    return MakeError(ErrorCode::kInvalidInput, "Keep the selected 0 (permanently) to 100 years.", "selected_years");
  }
  if (p.selected_years != 0 && p.selected_years < p.others_years) {
    return MakeError(ErrorCode::kInvalidInput, "The selected are kept at least as long as the others.",
                     "selected_years");
  }
  if (p.interview_notes_years < 1 || p.interview_notes_years > 100) {
    return MakeError(ErrorCode::kInvalidInput, "Keep interview notes 1 to 100 years.", "interview_notes_years");
  }
  if (p.records_requests_years < 1 || p.records_requests_years > 100) {
    return MakeError(ErrorCode::kInvalidInput, "Keep the register of records requests 1 to 100 years.",
                     "records_requests_years");
  }
  return OkStatus();
}

std::vector<RetentionRow> RetentionSchedule(const RetentionPolicy& p) {
  return {
      {RetainedDocument::kSelectedApplications, "selected_applications", p.selected_years, true},
      {RetainedDocument::kOtherApplications, "other_applications", p.others_years, true},
      {RetainedDocument::kInterviewNotes, "interview_notes", p.interview_notes_years, true},
      {RetainedDocument::kRecordsRequests, "records_requests", p.records_requests_years, true},
      {RetainedDocument::kDecision, "decision", 0, false},
      {RetainedDocument::kAuditLog, "audit_log", 0, false},
      {RetainedDocument::kDisposalRecord, "disposal_record", 0, false},
  };
}

std::string YearsAfter(const std::string& day, int years) {
  int y = 0;
  unsigned m = 0, d = 0;
  if (std::sscanf(day.c_str(), "%d-%u-%u", &y, &m, &d) != 3) return day;
  using namespace std::chrono;
  year_month_day later{year{y + years}, month{m}, std::chrono::day{d}};
  if (!later.ok()) later = year_month_day{year{y + years}, month{m}, std::chrono::day{28}};
  return IsoDate(later);
}

std::optional<DisposalDue> DueForDisposal(const RetentionState& s, const RetentionPolicy& policy, UnixTime now) {
  const Recruitment& r = s.recruitment;
  if (s.legal_hold || !ApplicationPeriodOver(r, now)) return std::nullopt;
  // Undecided but still within reach of a decision: the owner has the period to decide.
  const std::string final_on = s.decision ? s.decision->appeal_ends : IsoDate(FinnishDate(r.deadline));
  const std::string today = IsoDate(FinnishDate(now));
  const bool others_due = today > YearsAfter(final_on, policy.others_years);
  const bool selected_due = policy.selected_years > 0 && today > YearsAfter(final_on, policy.selected_years);
  DisposalDue due;
  due.recruitment_id = r.id;
  due.final_on = final_on;
  bool all_gone = true;
  for (const auto& a : s.applications) {
    if (a.disposed) continue;
    if (!a.rectification_pending && (a.selected ? selected_due : others_due)) {
      due.applications.push_back(a.id);
    } else {
      all_gone = false;
    }
  }
  // The key goes with the last application (a recruitment with none goes when the others' would).
  due.shred_key = s.key_present && all_gone && (others_due || !s.applications.empty());
  due.interview_notes = s.interview_notes && today > YearsAfter(final_on, policy.interview_notes_years);
  for (const auto& q : s.records_requests) {
    if (!q.answered_on.empty() && today > YearsAfter(q.answered_on, policy.records_requests_years)) {
      due.records_requests.push_back(q.id);
    }
  }
  if (due.applications.empty() && !due.shred_key && !due.interview_notes && due.records_requests.empty()) {
    return std::nullopt;
  }
  return due;
}

}  // namespace reilu
