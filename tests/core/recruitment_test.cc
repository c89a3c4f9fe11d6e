#include "core/recruitment.h"

#include <gtest/gtest.h>

#include "core/application.h"

namespace reilu {
namespace {

Recruitment Valid() {
  Recruitment r;
  r.languages = {"fi", "en"};
  r.title = {{"fi", "Sihteeri"}, {"en", "Secretary"}};
  r.criteria = {{"exp", {{"fi", "Kokemus"}}, 2, {}}};
  r.deadline = 2000;
  return r;
}

TEST(RecruitmentTest, ValidDraftPasses) { EXPECT_TRUE(ValidateRecruitment(Valid()).ok()); }

TEST(RecruitmentTest, TitleIsNeededInEveryLanguage) {
  auto r = Valid();
  r.title.erase("en");
  auto s = ValidateRecruitment(r);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().field, "title.en");
}

TEST(RecruitmentTest, FixedTermNeedsGroundAndEndDate) {
  auto r = Valid();
  r.employment.term = EmploymentTerm::kFixedTerm;
  EXPECT_EQ(ValidateRecruitment(r).error().field, "employment.fixed_term_ground");
  r.employment.fixed_term_ground = "sijaisuus";
  r.employment.end_date = "2026-02-30";
  EXPECT_EQ(ValidateRecruitment(r).error().field, "employment.end_date");
  r.employment.end_date = "2028-02-29";
  EXPECT_TRUE(ValidateRecruitment(r).ok());
}

// Valid, and complete in both languages with a reviewer: publishable before its deadline.
Recruitment Publishable() {
  auto r = Valid();
  r.description = {{"fi", "Kuvaus"}, {"en", "Description"}};
  r.criteria = {{"exp", {{"fi", "Kokemus"}, {"en", "Experience"}}, 2, {}}};
  r.reviewer_ids = {5};
  return r;
}

TEST(RecruitmentTest, PublishingNeedsAReviewerAndEveryTextInEveryLanguage) {
  auto r = Valid();
  std::vector<std::string> fields;
  for (const auto& e : PublishProblems(r, 1000)) fields.push_back(e.field);
  EXPECT_EQ(fields,
            (std::vector<std::string>{"reviewer_ids", "description.fi", "description.en", "criteria.exp.title.en"}));
  EXPECT_TRUE(PublishProblems(Publishable(), 1000).empty());
}

// Issue 14: what municipal ads always say. Each detail is optional; one given in a language is
// given in every advertised language, and the contact's phone and e-mail are checked.
TEST(RecruitmentTest, AdDetailsAreCheckedAndGivenInEveryLanguage) {
  auto r = Publishable();
  r.ad.salary = {{"fi", "KVTES:n mukaan"}};
  r.ad.contact_name = "Maija Esimerkki";
  std::vector<std::string> fields;
  for (const auto& e : PublishProblems(r, 1000)) fields.push_back(e.field);
  EXPECT_EQ(fields, std::vector<std::string>{"ad.salary.en"});
  r.ad.salary["en"] = "According to the collective agreement";
  EXPECT_TRUE(PublishProblems(r, 1000).empty());
  r.ad.salary["sv"] = "Enligt AKTA";  // not an advertised language
  EXPECT_EQ(ValidateRecruitment(r).error().field, "ad.salary.sv");
  r.ad.salary.erase("sv");
  r.ad.contact_phone = "040 123 4567; DROP";
  EXPECT_EQ(ValidateRecruitment(r).error().field, "ad.contact_phone");
  r.ad.contact_phone = "+358 40 123 4567";
  r.ad.contact_email = "maija@";
  EXPECT_EQ(ValidateRecruitment(r).error().field, "ad.contact_email");
  r.ad.contact_email = "maija.esimerkki@kunta.fi";
  EXPECT_TRUE(ValidateRecruitment(r).ok());
}

TEST(RecruitmentTest, PublishingNeedsAFutureDeadlineAndLocksEdits) {
  auto r = Publishable();
  EXPECT_FALSE(CheckPublishable(r, 3000).ok());
  EXPECT_TRUE(CheckPublishable(r, 1000).ok());
  r.state = RecruitmentState::kPublished;
  EXPECT_EQ(CheckEditable(r).error().code, ErrorCode::kConflict);
  EXPECT_EQ(CheckPublishable(r, 1000).error().code, ErrorCode::kConflict);
}

TEST(RecruitmentTest, DeadlineIsHard) {
  auto r = Valid();
  r.state = RecruitmentState::kPublished;
  EXPECT_TRUE(AcceptsApplications(r, 1999));
  EXPECT_FALSE(AcceptsApplications(r, 2000));
}

// Texts are limited in characters, as the form's counter shows them: twenty thousand "ä" (forty
// thousand bytes) fit, one more does not.
TEST(SubmissionTest, TextLimitsCountCharactersNotBytes) {
  auto r = Valid();
  Submission s;
  s.identity.first_name = "Äijälä";
  s.identity.last_name = "B";
  s.identity.email = "a@b.fi";
  s.identity.language = "fi";
  std::string letter;
  for (int i = 0; i < 20000; ++i) letter += "ä";
  s.free_text.cover_letter = letter;
  EXPECT_TRUE(ValidateSubmission(r, s).ok());
  s.free_text.cover_letter += "a";
  auto over = ValidateSubmission(r, s);
  ASSERT_FALSE(over.ok());
  EXPECT_EQ(over.error().field, "free_text.cover_letter");
}

TEST(SubmissionTest, RequiredAnswersAndKnownQuestions) {
  auto r = Valid();
  r.questions = {{"why", {{"fi", "Miksi?"}}, true, {}}};
  Submission s;
  s.identity.first_name = "A";
  s.identity.last_name = "B";
  s.identity.email = "a@b.fi";
  s.identity.language = "fi";
  EXPECT_EQ(ValidateSubmission(r, s).error().field, "free_text.answers.why");
  s.free_text.answers = {{"why", "Koska."}};
  EXPECT_TRUE(ValidateSubmission(r, s).ok());
  s.free_text.answers.push_back({"nope", "x"});
  EXPECT_EQ(ValidateSubmission(r, s).error().code, ErrorCode::kInvalidInput);
}

TEST(DateTest, IsoDates) {
  EXPECT_TRUE(IsIsoDate("2024-02-29"));
  EXPECT_FALSE(IsIsoDate("2023-02-29"));
  EXPECT_FALSE(IsIsoDate("2023-13-01"));
  EXPECT_FALSE(IsIsoDate("23-01-01"));
}

}  // namespace
}  // namespace reilu

namespace reilu {
namespace {

// "testi@" was accepted and the applicant never got a receipt (issue 14).
TEST(ApplicationTest, OnlyPlausibleEmailAddressesAreAccepted) {
  for (const char* good : {"aino.virtanen@example.fi", "a+rekry@kunta.fi", "x@sub.domain-name.fi", "Åsa@exempel.se"}) {
    EXPECT_TRUE(IsPlausibleEmail(good)) << good;
  }
  for (const char* bad :
       {"testi@", "@example.fi", "testi", "testi@localhost", "a@@example.fi", "a b@example.fi", "a@example..fi",
        "a@.example.fi", "a@example.fi.", "a@-example.fi", "<a@example.fi>", "a@exa mple.fi", "a\n@example.fi"}) {
    EXPECT_FALSE(IsPlausibleEmail(bad)) << bad;
  }
}

}  // namespace
}  // namespace reilu
