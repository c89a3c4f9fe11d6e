#include "core/recruitment.h"

#include "core/application.h"

#include <algorithm>
#include <set>

namespace reilu {

std::string_view RecruitmentStateName(RecruitmentState s) {
  switch (s) {
    case RecruitmentState::kDraft:
      return "draft";
    case RecruitmentState::kPublished:
      return "published";
    case RecruitmentState::kClosed:
      return "closed";
  }
  return "draft";
}

std::optional<RecruitmentState> ParseRecruitmentState(std::string_view s) {
  for (auto st : {RecruitmentState::kDraft, RecruitmentState::kPublished, RecruitmentState::kClosed}) {
    if (RecruitmentStateName(st) == s) return st;
  }
  return std::nullopt;
}

bool Recruitment::IsReviewer(UserId user) const {
  return std::find(reviewer_ids.begin(), reviewer_ids.end(), user) != reviewer_ids.end();
}

namespace {

Status CheckLocalized(const LocalizedText& text, const std::vector<std::string>& languages, const std::string& field,
                      size_t max_len) {
  for (const auto& [lang, value] : text) {
    if (std::find(languages.begin(), languages.end(), lang) == languages.end()) {
      return MakeError(ErrorCode::kInvalidInput, "Text given in a language the recruitment is not advertised in.",
                       field + "." + lang);
    }
    if (value.size() > max_len) {
      return MakeError(ErrorCode::kInvalidInput, "Text is too long.", field + "." + lang);
    }
  }
  return OkStatus();
}

Status ValidateAdDetails(const AdDetails& ad, const std::vector<std::string>& languages) {
  REILU_TRY(CheckLocalized(ad.qualifications, languages, "ad.qualifications", 4000));
  REILU_TRY(CheckLocalized(ad.salary, languages, "ad.salary", 500));
  REILU_TRY(CheckLocalized(ad.working_hours, languages, "ad.working_hours", 500));
  REILU_TRY(CheckLocalized(ad.location, languages, "ad.location", 500));
  REILU_TRY(CheckLocalized(ad.starts, languages, "ad.starts", 500));
  REILU_TRY(CheckLocalized(ad.contact_title, languages, "ad.contact_title", 200));
  if (ad.contact_name.size() > 200) return MakeError(ErrorCode::kInvalidInput, "Text is too long.", "ad.contact_name");
  if (ad.contact_phone.size() > 40 || ad.contact_phone.find_first_not_of("+0123456789 -()") != std::string::npos) {
    return MakeError(ErrorCode::kInvalidInput, "Write the phone number with digits, spaces, + - ( ) only.",
                     "ad.contact_phone");
  }
  if (!ad.contact_email.empty() && !IsPlausibleEmail(ad.contact_email)) {
    return MakeError(ErrorCode::kInvalidInput, "The e-mail address is not valid.", "ad.contact_email");
  }
  return OkStatus();
}

}  // namespace

Status ValidateRecruitment(const Recruitment& r) {
  if (r.languages.empty()) {
    return MakeError(ErrorCode::kInvalidInput, "Choose at least one language for the ad.", "languages");
  }
  std::set<std::string> seen_langs;
  for (const auto& lang : r.languages) {
    if (!IsSupportedLanguage(lang) || !seen_langs.insert(lang).second) {
      return MakeError(ErrorCode::kInvalidInput, "Languages must be distinct values of fi, sv, en.", "languages");
    }
  }
  if (r.diary_number.size() > 60 ||
      std::any_of(r.diary_number.begin(), r.diary_number.end(), [](unsigned char c) { return c < 0x20; })) {
    return MakeError(ErrorCode::kInvalidInput, "A diary number is one line of at most 60 characters.", "diary_number");
  }
  REILU_TRY(CheckLocalized(r.title, r.languages, "title", 200));
  REILU_TRY(CheckLocalized(r.description, r.languages, "description", 20000));
  REILU_TRY(ValidateAdDetails(r.ad, r.languages));
  for (const auto& lang : r.languages) {
    auto it = r.title.find(lang);
    if (it == r.title.end() || it->second.empty()) {
      return MakeError(ErrorCode::kInvalidInput, "The title is required in every advertised language.",
                       "title." + lang);
    }
  }
  if (r.employment.term == EmploymentTerm::kFixedTerm) {
    if (r.employment.fixed_term_ground.empty()) {
      return MakeError(ErrorCode::kInvalidInput, "A fixed-term post needs its legal ground.",
                       "employment.fixed_term_ground");
    }
    if (!IsIsoDate(r.employment.end_date)) {
      return MakeError(ErrorCode::kInvalidInput, "A fixed-term post needs an end date (YYYY-MM-DD).",
                       "employment.end_date");
    }
  } else if (!r.employment.end_date.empty() || !r.employment.fixed_term_ground.empty()) {
    return MakeError(ErrorCode::kInvalidInput, "A permanent post has no end date or fixed-term ground.", "employment");
  }
  if (r.deadline <= 0) return MakeError(ErrorCode::kInvalidInput, "The deadline is required.", "deadline");
  REILU_TRY(ValidateCriteria(r));
  std::set<std::string> ids;
  for (const auto& q : r.questions) {
    if (q.id.empty() || q.id.size() > 64 || !ids.insert(q.id).second) {
      return MakeError(ErrorCode::kInvalidInput, "Question ids must be unique and non-empty.", "questions");
    }
    REILU_TRY(CheckLocalized(q.text, r.languages, "questions.text", 2000));
    if (!q.criterion_id.empty() && std::none_of(r.criteria.begin(), r.criteria.end(),
                                                [&](const Criterion& c) { return c.id == q.criterion_id; })) {
      return MakeError(ErrorCode::kInvalidInput, "A question can only point to one of the criteria.",
                       "questions.criterion_id");
    }
  }
  if (r.questions.size() > 50) return MakeError(ErrorCode::kInvalidInput, "At most 50 questions.", "questions");
  return OkStatus();
}

Status ValidateCriteria(const Recruitment& r) {
  std::set<std::string> ids;
  for (const auto& c : r.criteria) {
    if (c.id.empty() || c.id.size() > 64 || !ids.insert(c.id).second) {
      return MakeError(ErrorCode::kInvalidInput, "Criterion ids must be unique and non-empty.", "criteria");
    }
    if (c.weight < 1 || c.weight > 10) {
      return MakeError(ErrorCode::kInvalidInput, "Criterion weight must be 1 to 10.", "criteria");
    }
    REILU_TRY(CheckLocalized(c.title, r.languages, "criteria.title", 500));
    REILU_TRY(CheckLocalized(c.guide, r.languages, "criteria.guide", 4000));
  }
  if (r.criteria.size() > 50) return MakeError(ErrorCode::kInvalidInput, "At most 50 criteria.", "criteria");
  return OkStatus();
}

Status CheckEditable(const Recruitment& r) {
  if (r.state != RecruitmentState::kDraft) {
    return MakeError(ErrorCode::kConflict, "A published recruitment is locked; only drafts can be edited.");
  }
  return OkStatus();
}

std::vector<Error> PublishProblems(const Recruitment& r, UnixTime now) {
  std::vector<Error> problems;
  auto add = [&](Status s) {
    if (!s) problems.push_back(s.error());
  };
  add(CheckEditable(r));
  add(ValidateRecruitment(r));
  if (r.deadline <= now) {
    problems.push_back(MakeError(ErrorCode::kInvalidInput, "The deadline must be in the future.", "deadline"));
  }
  if (r.criteria.empty()) {
    problems.push_back(MakeError(ErrorCode::kInvalidInput, "Set the criteria before publishing.", "criteria"));
  }
  if (r.reviewer_ids.empty()) {
    problems.push_back(
        MakeError(ErrorCode::kInvalidInput, "Assign at least one reviewer before publishing.", "reviewer_ids"));
  }
  auto missing = MissingTranslations(r);
  problems.insert(problems.end(), missing.begin(), missing.end());
  return problems;
}

std::vector<Error> MissingTranslations(const Recruitment& r) {
  std::vector<Error> problems;
  // An applicant reads the ad in their own language: every text must be there in each one.
  auto missing = [](const LocalizedText& text, const std::string& lang) {
    auto it = text.find(lang);
    return it == text.end() || it->second.empty();
  };
  for (const auto& lang : r.languages) {
    if (!IsSupportedLanguage(lang)) continue;
    if (missing(r.description, lang)) {
      problems.push_back(
          MakeError(ErrorCode::kInvalidInput, "The description is missing in this language.", "description." + lang));
    }
    for (const auto& c : r.criteria) {
      if (missing(c.title, lang)) {
        problems.push_back(MakeError(ErrorCode::kInvalidInput, "A criterion is missing in this language.",
                                     "criteria." + c.id + ".title." + lang));
      }
    }
    for (const auto& q : r.questions) {
      if (missing(q.text, lang)) {
        problems.push_back(MakeError(ErrorCode::kInvalidInput, "A question is missing in this language.",
                                     "questions." + q.id + ".text." + lang));
      }
    }
    // An ad detail given in one language is given in each.
    for (auto [name, text] : {std::pair{"qualifications", &r.ad.qualifications}, std::pair{"salary", &r.ad.salary},
                              std::pair{"working_hours", &r.ad.working_hours}, std::pair{"location", &r.ad.location},
                              std::pair{"starts", &r.ad.starts}, std::pair{"contact_title", &r.ad.contact_title}}) {
      bool given = false;
      for (const auto& [l, value] : *text) given = given || !value.empty();
      if (given && missing(*text, lang)) {
        problems.push_back(MakeError(ErrorCode::kInvalidInput, "A detail of the ad is missing in this language.",
                                     std::string("ad.") + name + "." + lang));
      }
    }
  }
  return problems;
}

Status CheckPublishable(const Recruitment& r, UnixTime now) {
  auto problems = PublishProblems(r, now);
  if (!problems.empty()) return problems.front();
  return OkStatus();
}

std::string ReviewersLanguage(const Recruitment& r) { return r.languages.empty() ? "fi" : r.languages.front(); }

bool AcceptsApplications(const Recruitment& r, UnixTime now) {
  return r.state == RecruitmentState::kPublished && now < r.deadline;
}

bool ApplicationPeriodOver(const Recruitment& r, UnixTime now) {
  return r.state == RecruitmentState::kClosed || (r.state == RecruitmentState::kPublished && now >= r.deadline);
}

Status CheckCriteriaEditable(const Recruitment& r, UnixTime now) {
  if (r.state == RecruitmentState::kDraft) return OkStatus();
  if (ApplicationPeriodOver(r, now)) {
    return MakeError(ErrorCode::kCriteriaLocked,
                     "The criteria were locked when the application period ended; screening uses them as they are.");
  }
  return OkStatus();
}

}  // namespace reilu
