// The use cases without the HTTP server: a real SQLite store in a temporary folder, the real
// redaction engine and a clock the test moves.
#include <gtest/gtest.h>

#include <algorithm>

#include "app/app.h"
#include "redact/free_text_redactor.h"
#include "service/admin.h"
#include "service/applicant.h"
#include "service/drafts.h"
#include "service/intake.h"
#include "service/recruitments.h"
#include "service/redaction.h"
#include "service/retention.h"
#include "service/screening.h"
#include "service/selection.h"
#include "service/session.h"
#include "service/work.h"
#include "support/test_server.h"

namespace reilu::service {
namespace {

constexpr UnixTime kStart = 1800000000;
constexpr const char* kReasoning =
    "Valittu painotettujen pisteiden perusteella: pisin kokemus kirjastotyöstä ja paras haastattelu.";

class ServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    REILU_SKIP_WITHOUT_DATABASE();
    ASSERT_TRUE(crypto::Init().ok());
    auto s = app::OpenStore(testing::TestDataDir(dir_.path()));
    ASSERT_TRUE(s.ok()) << s.error().message;
    store_ = std::move(*s);
    ctx_ = std::make_unique<Context>(Context{*store_, redactor_, [this] { return now_; }, "https://rekry.example.fi"});
    org_ = testing::SeedOrganisation(*store_, "Org A", "a_");
    other_ = testing::SeedOrganisation(*store_, "Org B", "b_");
  }

  User UserOf(const testing::SeededOrg& org, const std::string& role) {
    auto u = store_->GetUser(org.org, org.users.at(role));
    EXPECT_TRUE(u.ok());
    return *u;
  }

  // A published anonymous recruitment of Org A with both reviewers and one question.
  Recruitment Published() {
    Recruitment r;
    r.languages = {"fi"};
    r.title = {{"fi", "Kirjastonhoitaja"}};
    r.description = {{"fi", "Kirjasto hakee kirjastonhoitajaa."}};
    r.employment = Employment{EmploymentRelation::kTyosuhde, EmploymentTerm::kPermanent, {}, {}};
    r.criteria = {{"exp", {{"fi", "Kokemus"}}, 2, {}}, {"idea", {{"fi", "Idea"}}, 1, {}}};
    r.questions = {{"q", {{"fi", "Miksi?"}}, true, "idea"}};
    r.deadline = now_ + 3600;
    r.reviewer_ids = {org_.users.at("reviewer"), org_.users.at("reviewer2")};
    auto created = CreateRecruitment(*ctx_, UserOf(org_, "hr"), r, {});
    EXPECT_TRUE(created.ok()) << created.error().message;
    auto published = PublishRecruitment(*ctx_, UserOf(org_, "hr"), created->id);
    EXPECT_TRUE(published.ok()) << published.error().message;
    return *published;
  }

  Submission Applicant(const std::string& first, const std::string& last, const std::string& language = "fi") {
    Submission s;
    s.identity.first_name = first;
    s.identity.last_name = last;
    s.identity.email = first + "." + last + "@example.fi";
    s.identity.language = language;
    s.merits.experience = {{"Kirjastovirkailija", "Kaupunginkirjasto", 48}};
    s.free_text.cover_letter = "Olen " + first + " " + last + " ja olen työskennellyt kirjastossa.";
    s.free_text.answers = {{"q", "Lukupiirit innostavat nuoria."}};
    return s;
  }

  Submitted Apply(const Recruitment& r, Submission s, const std::string& key = "") {
    auto done = SubmitApplication(*ctx_, SubmitRequest{r.id, std::move(s), key, key.empty() ? "" : "hash-" + key});
    EXPECT_TRUE(done.ok()) << done.error().message;
    return *done;
  }

  std::vector<AuditEntry> Audit() {
    auto entries = store_->ListAudit(org_.org, 0, 10000);
    EXPECT_TRUE(entries.ok());
    return *entries;
  }

  long CountAudit(const std::string& action) {
    auto all = Audit();
    return std::count_if(all.begin(), all.end(), [&](const AuditEntry& e) { return e.action == action; });
  }

  // Applies, closes, releases every text as proposed, scores (reviewer 1 ranks by `scores`),
  // shortlists the first two and lifts them.
  // `statistics`: each applicant gives these (the organisation must ask them).
  std::vector<ApplicationId> ThroughShortlist(const Recruitment& r, std::vector<int> scores,
                                              std::optional<EqualityStatistics> statistics = std::nullopt) {
    std::vector<ApplicationId> ids;
    for (size_t k = 0; k < scores.size(); ++k) {
      Submission s = Applicant("Hakija" + std::string(1, char('A' + k)), "Testinen");
      s.statistics = statistics;
      ids.push_back(Apply(r, std::move(s)).receipt.application_id);
    }
    const User hr = UserOf(org_, "hr");
    EXPECT_TRUE(CloseRecruitment(*ctx_, hr, r.id).ok());
    auto released = ReleaseUnflagged(*ctx_, hr, r.id, {});
    EXPECT_TRUE(released.ok());
    for (const char* reviewer : {"reviewer", "reviewer2"}) {
      for (size_t k = 0; k < ids.size(); ++k) {
        Status saved = SaveScores(*ctx_, UserOf(org_, reviewer), r.id, ids[k],
                                  {{{}, 0, "exp", scores[k], "Kokemus näkyy."}, {{}, 0, "idea", 3, ""}});
        EXPECT_TRUE(saved.ok()) << saved.error().message;
      }
    }
    auto shortlisted = Shortlist(*ctx_, hr, r.id, {ids[0], ids[1]}, "Paras kokemus");
    EXPECT_TRUE(shortlisted.ok()) << shortlisted.error().message;
    auto lifted = Lift(*ctx_, hr, r.id, {}, true, "Haastatteluun kutsuttavat valittu");
    EXPECT_TRUE(lifted.ok()) << lifted.error().message;
    return ids;
  }

  testing::TempDir dir_;
  std::unique_ptr<store::SqlStore> store_;
  redact::EngineRedactor redactor_;
  UnixTime now_ = kStart;
  std::unique_ptr<Context> ctx_;
  testing::SeededOrg org_, other_;
};

TEST_F(ServiceTest, IntakeValidatesProposesRedactionAndQueuesTheReceipt) {
  Recruitment r = Published();
  Submitted first = Apply(r, Applicant("Aino", "Virtanen"), "key-1");
  EXPECT_FALSE(first.replayed);
  EXPECT_FALSE(first.status_token.empty());
  // The same key and request again: the same receipt, nothing new stored.
  Submitted again = Apply(r, Applicant("Aino", "Virtanen"), "key-1");
  EXPECT_TRUE(again.replayed);
  EXPECT_EQ(again.receipt.application_id, first.receipt.application_id);
  EXPECT_EQ(*store_->CountApplications(org_.org, r.id), 1);
  auto mail = store_->ListMail(org_.org, r.id);
  ASSERT_TRUE(mail.ok());
  ASSERT_EQ(mail->size(), 1u);
  EXPECT_EQ((*mail)[0].kind, "receipt");
  // Reviewers get nothing of the free text until HR releases it.
  auto anon = store_->GetAnonymous(org_.org, r.id, first.receipt.application_id);
  ASSERT_TRUE(anon.ok());
  EXPECT_FALSE(anon->redacted.has_value());

  Submission missing = Applicant("Ilmari", "Nieminen");
  missing.free_text.answers.clear();
  auto refused = SubmitApplication(*ctx_, SubmitRequest{r.id, missing, {}, {}});
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kInvalidInput);

  now_ = r.deadline;
  auto late = SubmitApplication(*ctx_, SubmitRequest{r.id, Applicant("Eero", "Myöhäinen"), {}, {}});
  ASSERT_FALSE(late.ok());
  EXPECT_EQ(late.error().code, ErrorCode::kDeadlinePassed);
  EXPECT_EQ(*store_->CountApplications(org_.org, r.id), 1);
}

TEST_F(ServiceTest, PreviewNamesNoOneAndStoresNothing) {
  Recruitment r = Published();
  auto preview = PreviewRedaction(*ctx_, r.id, Applicant("Aino", "Virtanen"));
  ASSERT_TRUE(preview.ok());
  EXPECT_EQ(preview->cover_letter.find("Virtanen"), std::string::npos);
  EXPECT_EQ(*store_->CountApplications(org_.org, r.id), 0);
}

TEST_F(ServiceTest, RecruitmentsAreLoadedOnlyByThoseWhoWorkOnThem) {
  Recruitment r = Published();
  EXPECT_TRUE(LoadForWork(*ctx_, UserOf(org_, "reviewer"), r.id).ok());
  EXPECT_TRUE(LoadForWork(*ctx_, UserOf(org_, "registry"), r.id).ok());
  for (const auto& [org, role] : std::vector<std::pair<testing::SeededOrg*, std::string>>{
           {&org_, "admin"}, {&org_, "auditor"}, {&other_, "hr"}, {&other_, "registry"}, {&other_, "reviewer"}}) {
    auto refused = LoadForWork(*ctx_, UserOf(*org, role), r.id);
    ASSERT_FALSE(refused.ok()) << role;
    EXPECT_EQ(refused.error().code, ErrorCode::kNotFound) << role;
  }
  auto not_owner = LoadOwned(*ctx_, UserOf(org_, "reviewer"), r.id, "Only the owner.");
  ASSERT_FALSE(not_owner.ok());
  EXPECT_EQ(not_owner.error().code, ErrorCode::kForbidden);
  // Another organisation's HR cannot close it either, and learns nothing of it.
  auto closed = CloseRecruitment(*ctx_, UserOf(other_, "hr"), r.id);
  ASSERT_FALSE(closed.ok());
  EXPECT_EQ(closed.error().code, ErrorCode::kNotFound);
}

TEST_F(ServiceTest, ReviewersCannotShortlistLiftOrDecide) {
  Recruitment r = Published();
  auto id = Apply(r, Applicant("Aino", "Virtanen")).receipt.application_id;
  ASSERT_TRUE(CloseRecruitment(*ctx_, UserOf(org_, "hr"), r.id).ok());
  const User reviewer = UserOf(org_, "reviewer");
  EXPECT_FALSE(Shortlist(*ctx_, reviewer, r.id, {id}, "").ok());
  EXPECT_FALSE(Lift(*ctx_, reviewer, r.id, {id}, false, "Haluan nähdä nimen").ok());
  EXPECT_FALSE(Decide(*ctx_, reviewer, r.id, DecisionRequest{{{id, Outcome::kSelected}}, "Paras", 14}).ok());
  EXPECT_EQ(CountAudit("identity.read"), 0);
}

TEST_F(ServiceTest, TheDecisionReadsIdentitiesAndQueuesNoticesWithTheDecision) {
  Recruitment r = Published();
  auto ids = ThroughShortlist(r, {5, 3, 2});
  const User hr = UserOf(org_, "hr");
  Interview i;
  i.application_id = ids[0];
  i.starts_at = now_ + 7 * 86400;
  i.minutes = 45;
  i.location = "Kirjasto, neuvotteluhuone";
  i.interviewers = {org_.users.at("reviewer")};
  auto scheduled = ScheduleInterview(*ctx_, hr, r.id, i);
  ASSERT_TRUE(scheduled.ok()) << scheduled.error().message;
  EXPECT_FALSE(scheduled->pseudonym.empty());
  EXPECT_GT(scheduled->interview.id, 0);

  const long reads_before = CountAudit("identity.read");
  DecisionRequest request{
      {{ids[0], Outcome::kSelected}, {ids[1], Outcome::kReserve}, {ids[2], Outcome::kNotSelected}}, kReasoning, 14};
  auto decided = Decide(*ctx_, hr, r.id, request);
  ASSERT_TRUE(decided.ok()) << decided.error().message;
  EXPECT_EQ(decided->notices_queued, 3);
  // The three reads sit right before the decision in the chain: one transaction wrote them.
  auto audit = Audit();
  ASSERT_GE(audit.size(), 4u);
  EXPECT_EQ(audit.back().action, "selection.decision");
  for (size_t k = audit.size() - 4; k < audit.size() - 1; ++k) EXPECT_EQ(audit[k].action, "identity.read");
  EXPECT_EQ(CountAudit("identity.read"), reads_before + 3);
  auto mail = store_->ListMail(org_.org, r.id);
  ASSERT_TRUE(mail.ok());
  EXPECT_EQ(std::count_if(mail->begin(), mail->end(), [](const auto& m) { return m.kind == "decision"; }), 3);

  // A second decision is refused before anything is read.
  auto again = Decide(*ctx_, hr, r.id, request);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, ErrorCode::kDecided);
  EXPECT_EQ(CountAudit("identity.read"), reads_before + 3);
}

// Issue 11 (layering): what handlers show is read through the use cases, with the gate's rules.
TEST_F(ServiceTest, StaffReadApplicationsAndPrintTheDecisionThroughTheGate) {
  Recruitment r = Published();
  const User hr = UserOf(org_, "hr"), reviewer = UserOf(org_, "reviewer");
  // Before the period is over a reviewer gets nothing, not even the list.
  auto early = LoadApplicationList(*ctx_, reviewer, r);
  ASSERT_FALSE(early.ok());
  EXPECT_EQ(early.error().code, ErrorCode::kScreeningNotOpen);

  auto ids = ThroughShortlist(r, {5, 3, 2});  // closes; the two first are lifted
  auto loaded = LoadForWork(*ctx_, reviewer, r.id);
  ASSERT_TRUE(loaded.ok());
  auto list = LoadApplicationList(*ctx_, reviewer, *loaded);
  ASSERT_TRUE(list.ok()) << list.error().message;
  EXPECT_EQ(list->applications.size(), 3u);
  // Each reviewer has an order of their own, the same on every read.
  auto again = InCallerOrder(*ctx_, reviewer, *loaded);
  ASSERT_TRUE(again.ok());
  for (size_t k = 0; k < again->size(); ++k) EXPECT_EQ((*again)[k].id, list->applications[k].id);

  // Identity without a reason: only where the lift reached; a read is audited, a refusal reads nothing.
  const long reads_before = CountAudit("identity.read");
  auto lifted = IdentityWithoutReason(*ctx_, reviewer, *loaded, list->lifts.Covers(ids[0]), ids[0]);
  ASSERT_TRUE(lifted.ok());
  ASSERT_TRUE(lifted->has_value());
  EXPECT_EQ((*lifted)->identity.first_name, "HakijaA");
  auto anonymous = IdentityWithoutReason(*ctx_, reviewer, *loaded, list->lifts.Covers(ids[2]), ids[2]);
  ASSERT_TRUE(anonymous.ok());
  EXPECT_FALSE(anonymous->has_value());
  EXPECT_EQ(CountAudit("identity.read"), reads_before + 1);

  DecisionRequest request{
      {{ids[0], Outcome::kSelected}, {ids[1], Outcome::kReserve}, {ids[2], Outcome::kNotSelected}}, kReasoning, 14};
  ASSERT_TRUE(Decide(*ctx_, hr, r.id, request).ok());
  auto closed = LoadForWork(*ctx_, hr, r.id);
  ASSERT_TRUE(closed.ok());
  auto refused = PrintDecision(*ctx_, reviewer, *closed, "fi");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kForbidden);
  // The selected and the reserve are named, read in one transaction (adjacent in the chain).
  const long before_print = CountAudit("identity.read");
  auto printed = PrintDecision(*ctx_, hr, *closed, "fi");
  ASSERT_TRUE(printed.ok()) << printed.error().message;
  EXPECT_EQ(CountAudit("identity.read"), before_print + 2);
  auto audit = Audit();
  EXPECT_EQ(audit[audit.size() - 1].action, "identity.read");
  EXPECT_EQ(audit[audit.size() - 2].action, "identity.read");
  std::string text;
  for (const auto& b : printed->blocks) {
    text += b.text + "\n";
    for (const auto& row : b.table.rows) {
      for (const auto& cell : row) text += cell + "\n";
    }
  }
  EXPECT_NE(text.find("HakijaA Testinen"), std::string::npos);
  EXPECT_NE(text.find("HakijaB Testinen"), std::string::npos);
  EXPECT_EQ(text.find("HakijaC"), std::string::npos);
}

TEST_F(ServiceTest, AnApplicantsStatusFollowsThePeriod) {
  Recruitment r = Published();
  auto sent = Apply(r, Applicant("Aino", "Aikainen"));
  auto me = IdentifyApplicant(*ctx_, sent.receipt.reference, sent.status_token);
  ASSERT_TRUE(me.ok());
  auto open = StatusOf(*ctx_, *me);
  ASSERT_TRUE(open.ok());
  EXPECT_EQ(open->status, "received");
  EXPECT_TRUE(open->editable);
  EXPECT_TRUE(open->withdrawable);
  now_ = r.deadline + 60;
  auto over = StatusOf(*ctx_, *me);
  ASSERT_TRUE(over.ok());
  EXPECT_EQ(over->status, "in_review");
  EXPECT_FALSE(over->editable);
  EXPECT_FALSE(over->decision.has_value());
}

// Issue 12 (retention): the others' applications go two years after the decision is final, a
// legal hold stops it, the selected stay until their own period, and then the key is shredded.
TEST_F(ServiceTest, DisposalFollowsTheScheduleRespectsHoldsAndKeepsTheCounts) {
  ASSERT_TRUE(store_
                  ->SetCollectedFields(org_.org, {{kEqualityStatisticsField, "Tasa-arvolaki 6 a §"}},
                                       org_.users.at("admin"), now_)
                  .ok());
  Recruitment r = Published();
  auto ids = ThroughShortlist(r, {5, 3, 2}, EqualityStatistics{"woman", "30_44", "fi"});
  EXPECT_EQ(store_->ListEqualityStatistics(org_.org, r.id)->size(), 3u);
  const User hr = UserOf(org_, "hr"), admin = UserOf(org_, "admin");
  DecisionRequest request{
      {{ids[0], Outcome::kSelected}, {ids[1], Outcome::kReserve}, {ids[2], Outcome::kNotSelected}}, kReasoning, 14};
  ASSERT_TRUE(Decide(*ctx_, hr, r.id, request).ok());
  EXPECT_EQ(SetRetentionPolicy(*ctx_, hr, {2, 10}).error().code, ErrorCode::kForbidden);
  ASSERT_TRUE(SetRetentionPolicy(*ctx_, admin, {2, 10}).ok());
  auto plan = DisposalDryRun(*ctx_, admin);
  ASSERT_TRUE(plan.ok());
  EXPECT_TRUE(plan->empty());

  now_ += (2 * 366 + 30) * 86400;
  plan = DisposalDryRun(*ctx_, admin);
  ASSERT_TRUE(plan.ok());
  ASSERT_EQ(plan->size(), 1u);
  EXPECT_EQ(plan->front().applications, std::vector<ApplicationId>{ids[2]});
  EXPECT_FALSE(plan->front().shred_key);

  // A hold (the owner, with a reason) stops it; released, it is due again.
  EXPECT_EQ(PlaceLegalHold(*ctx_, hr, r.id, "").error().code, ErrorCode::kReasonRequired);
  EXPECT_EQ(PlaceLegalHold(*ctx_, UserOf(org_, "reviewer"), r.id, "Valitus vireillä hallinto-oikeudessa").error().code,
            ErrorCode::kForbidden);
  ASSERT_TRUE(PlaceLegalHold(*ctx_, hr, r.id, "Valitus vireillä hallinto-oikeudessa").ok());
  auto held = RunDisposals(*ctx_);
  ASSERT_TRUE(held.ok());
  EXPECT_TRUE(held->empty());
  ASSERT_TRUE(ReleaseLegalHold(*ctx_, admin, r.id).ok());

  auto done = RunDisposals(*ctx_);
  ASSERT_TRUE(done.ok()) << done.error().message;
  ASSERT_EQ(done->size(), 1u);
  // The disposed application's identity is gone; the selected one's is still readable.
  auto read = [&](const ApplicationId& id) {
    auto access = IdentityGate::Request({hr, r, id, false, "Checking what retention kept"});
    EXPECT_TRUE(access.ok());
    return store_->ReadIdentity(*access, now_);
  };
  EXPECT_EQ(read(ids[2]).error().code, ErrorCode::kNotFound);
  EXPECT_TRUE(read(ids[0]).ok());
  auto listed = store_->ListAnonymous(org_.org, r.id);
  ASSERT_TRUE(listed.ok());
  EXPECT_EQ(listed->size(), 2u);
  EXPECT_EQ(*store_->CountApplications(org_.org, r.id), 3);  // the counts stay for the statistics
  // The voluntary statistics are personal data too: they go with the application.
  EXPECT_EQ(store_->ListEqualityStatistics(org_.org, r.id)->count(ids[2]), 0u);
  EXPECT_EQ(store_->ListEqualityStatistics(org_.org, r.id)->size(), 2u);
  EXPECT_EQ(CountAudit("retention.dispose"), 1);
  EXPECT_EQ(CountAudit("retention.hold"), 1);
  // The same plan run again (another node a moment later) changes and logs nothing.
  EXPECT_TRUE(store_->Dispose(org_.org, done->front(), 0, now_).ok());
  EXPECT_EQ(CountAudit("retention.dispose"), 1);

  // Ten years on, the selected and the reserve go too, and with them the key.
  now_ += 9 * 366 * 86400;
  done = RunDisposals(*ctx_);
  ASSERT_TRUE(done.ok()) << done.error().message;
  ASSERT_EQ(done->size(), 1u);
  EXPECT_TRUE(done->front().shred_key);
  EXPECT_FALSE(*store_->HasRecruitmentKey(org_.org, r.id));
  EXPECT_TRUE(DisposalDryRun(*ctx_, admin)->empty());
}

// Issue 12 (retention per document type): interview notes, the others' applications (with the
// reviewers' justifications) and the records requests' requesters each go on their own schedule;
// the selected person's application, the scores and the decision stay.
TEST_F(ServiceTest, EachDocumentTypeGoesOnItsOwnSchedule) {
  Recruitment r = Published();
  auto ids = ThroughShortlist(r, {5, 3, 2});
  const User hr = UserOf(org_, "hr"), admin = UserOf(org_, "admin");
  Interview i;
  i.application_id = ids[0];
  i.starts_at = now_ + 86400;
  i.minutes = 45;
  i.location = "Kirjasto";
  i.interviewers = {org_.users.at("reviewer")};
  auto scheduled = ScheduleInterview(*ctx_, hr, r.id, i);
  ASSERT_TRUE(scheduled.ok()) << scheduled.error().message;
  const std::int64_t interview = scheduled->interview.id;
  ASSERT_TRUE(SaveInterviewNotes(*ctx_, UserOf(org_, "reviewer"), r.id, interview,
                                 {{interview, 0, "exp", 4, "Kertoi kirjastoautosta ja perheestään."}})
                  .ok());
  RecordsRequest asked;
  asked.org_id = org_.org;
  asked.recruitment_id = r.id;
  asked.requester = "Sanomalehti Pohjola";
  asked.requester_contact = "toimitus@pohjola.test";
  asked.received_on = "2026-11-20";
  asked.subject = "Hakijaluettelo";
  asked.applicant_list = true;
  asked.registered_by = hr.id;
  auto request = store_->CreateRecordsRequest(asked, now_);
  ASSERT_TRUE(request.ok()) << request.error().message;
  asked.id = *request;
  asked.decision = RecordsDecision::kDisclose;
  asked.answered_on = "2026-11-25";
  asked.decided_by = hr.id;
  ASSERT_TRUE(store_->DecideRecordsRequest(asked, now_).ok());
  ASSERT_TRUE(Decide(*ctx_, hr, r.id,
                     DecisionRequest{
                         {{ids[0], Outcome::kSelected}, {ids[1], Outcome::kReserve}, {ids[2], Outcome::kNotSelected}},
                         kReasoning,
                         14})
                  .ok());
  RetentionPolicy policy;
  policy.interview_notes_years = 1;
  policy.records_requests_years = 3;
  ASSERT_TRUE(SetRetentionPolicy(*ctx_, admin, policy).ok());
  policy.records_requests_years = 0;
  EXPECT_EQ(SetRetentionPolicy(*ctx_, admin, policy).error().field, "records_requests_years");

  auto notes = [&] {
    std::string all;
    const auto listed = store_->ListInterviewNotes(org_.org, r.id);
    for (const auto& n : *listed) all += n.note;
    return all;
  };
  auto justification = [&](const ApplicationId& id) {
    std::string all;
    const auto scores = store_->ListScores(org_.org, r.id);
    for (const auto& score : *scores) {
      if (score.application_id == id) all += score.justification;
    }
    return all;
  };
  // A year and two months on: the interview notes go; nothing else.
  now_ += (366 + 60) * 86400;
  auto done = RunDisposals(*ctx_);
  ASSERT_TRUE(done.ok()) << done.error().message;
  ASSERT_EQ(done->size(), 1u);
  EXPECT_TRUE(done->front().interview_notes);
  EXPECT_TRUE(done->front().applications.empty());
  EXPECT_EQ(notes(), "");
  EXPECT_EQ(store_->ListInterviewNotes(org_.org, r.id)->size(), 1u);  // the score stays with the decision
  EXPECT_EQ(store_->GetRecordsRequest(org_.org, asked.id)->requester, "Sanomalehti Pohjola");
  // Two years on: the one not selected goes, with the reviewers' words about it; the scores stay.
  now_ += 366 * 86400;
  done = RunDisposals(*ctx_);
  ASSERT_TRUE(done.ok()) << done.error().message;
  ASSERT_EQ(done->size(), 1u);
  EXPECT_EQ(done->front().applications, std::vector<ApplicationId>{ids[2]});
  EXPECT_FALSE(done->front().interview_notes);
  EXPECT_EQ(justification(ids[2]), "");
  EXPECT_EQ(justification(ids[0]), "Kokemus näkyy.Kokemus näkyy.");
  EXPECT_EQ(store_->ListScores(org_.org, r.id)->size(), 12u);
  // Three years after the answer: the requester's name and contact go; the request stays listed.
  now_ += 366 * 86400;
  done = RunDisposals(*ctx_);
  ASSERT_TRUE(done.ok()) << done.error().message;
  ASSERT_EQ(done->size(), 1u);
  EXPECT_EQ(done->front().records_requests, std::vector<std::int64_t>{asked.id});
  auto kept = store_->GetRecordsRequest(org_.org, asked.id);
  ASSERT_TRUE(kept.ok());
  EXPECT_EQ(kept->requester, "");
  EXPECT_EQ(kept->requester_contact, "");
  EXPECT_EQ(kept->subject, "Hakijaluettelo");
  EXPECT_TRUE(DisposalDryRun(*ctx_, admin)->empty());
  EXPECT_EQ(CountAudit("retention.dispose"), 3);
}

TEST_F(ServiceTest, ReadsForARefusedActionAreRolledBackWithIt) {
  Recruitment r = Published();
  auto ids = ThroughShortlist(r, {4, 2});
  const User hr = UserOf(org_, "hr");
  ASSERT_TRUE(Decide(*ctx_, hr, r.id,
                     DecisionRequest{{{ids[0], Outcome::kSelected}, {ids[1], Outcome::kNotSelected}}, kReasoning, 14})
                  .ok());
  const long reads = CountAudit("identity.read");
  // Straight to the store, as a racing second request would arrive: the decision insert fails
  // inside the transaction, and the identity reads made for its notices go with it.
  auto lifts = store_->GetLiftState(org_.org, r.id);
  ASSERT_TRUE(lifts.ok());
  auto current = *store_->GetRecruitment(org_.org, r.id);
  auto access = RequestIdentity(*ctx_, hr, current, *lifts, ids[1], "Sending the selection decision notice");
  ASSERT_TRUE(access.ok()) << access.error().message;
  bool composed = false;
  store::IdentityNotices notices{{*access}, [&](const std::vector<IdentifiedApplication>& read) {
                                   composed = !read.empty();
                                   return Result<std::vector<store::OutgoingMail>>(std::vector<store::OutgoingMail>{});
                                 }};
  Decision d{now_, hr.id, "B", {{ids[0], Outcome::kNotSelected}, {ids[1], Outcome::kSelected}}, "2026-12-31"};
  Status second = store_->RecordDecision(org_.org, r.id, d, "[]", notices, now_);
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.error().code, ErrorCode::kDecided);
  EXPECT_EQ(CountAudit("identity.read"), reads);
  EXPECT_FALSE(composed);  // the insert failed first; nothing was decrypted
}

TEST_F(ServiceTest, WithdrawalIsConfirmedToTheApplicantOnce) {
  Recruitment r = Published();
  Submitted s = Apply(r, Applicant("Aino", "Virtanen"));
  auto wrong = IdentifyApplicant(*ctx_, s.receipt.reference, std::string(64, 'a'));
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.error().code, ErrorCode::kNotFound);
  auto me = IdentifyApplicant(*ctx_, s.receipt.reference, s.status_token);
  ASSERT_TRUE(me.ok());
  ASSERT_TRUE(Withdraw(*ctx_, *me).ok());
  auto mail = store_->ListMail(org_.org, r.id);
  ASSERT_TRUE(mail.ok());
  EXPECT_EQ(std::count_if(mail->begin(), mail->end(), [](const auto& m) { return m.kind == "withdrawal"; }), 1);
  EXPECT_EQ(CountAudit("identity.read"), 1);  // the system read the address, recorded
  auto again = IdentifyApplicant(*ctx_, s.receipt.reference, s.status_token);
  ASSERT_TRUE(again.ok());
  Status twice = Withdraw(*ctx_, *again);
  ASSERT_FALSE(twice.ok());
  EXPECT_EQ(twice.error().code, ErrorCode::kWithdrawn);
}

// A change before the deadline: the applicant's own read of what was sent is logged as theirs,
// the new version gets a new redaction proposal and the confirmation goes to the address now given;
// a withdrawn application cannot be changed.
TEST_F(ServiceTest, AChangedApplicationIsProposedAgainAndConfirmedToTheNewAddress) {
  Recruitment r = Published();
  Submitted s = Apply(r, Applicant("Aino", "Virtanen"));
  auto me = IdentifyApplicant(*ctx_, s.receipt.reference, s.status_token);
  ASSERT_TRUE(me.ok());
  auto sent = SentApplication(*ctx_, *me);
  ASSERT_TRUE(sent.ok()) << sent.error().message;
  EXPECT_EQ(sent->identity.email, "Aino.Virtanen@example.fi");
  EXPECT_EQ(CountAudit("identity.read"), 1);  // the applicant's own read, on record

  Submission changed = *sent;
  changed.identity.email = "aino.uusi@example.fi";
  changed.free_text.cover_letter = "Jag heter Aino Virtanen och har arbetat på bibliotek i tio år.";
  Status amended = AmendApplication(*ctx_, *me, changed);
  ASSERT_TRUE(amended.ok()) << amended.error().message;
  auto full = store_->ReadIdentity(IdentityGate::ForApplicantSelf(r, me->record.application_id), now_);
  ASSERT_TRUE(full.ok());
  EXPECT_EQ(full->identity.email, "aino.uusi@example.fi");
  ASSERT_TRUE(full->redaction_proposal.has_value());
  EXPECT_EQ(full->redaction_proposal->cover_letter.find("Virtanen"), std::string::npos);
  EXPECT_NE(full->redaction_proposal->cover_letter.find("tio år"), std::string::npos);
  EXPECT_EQ(CountAudit("application.amend"), 1);
  auto due = store_->ClaimDueMail(now_ + 1, 100, 60);
  ASSERT_TRUE(due.ok());
  auto confirmation = std::find_if(due->begin(), due->end(), [](const store::QueuedMail& m) {
    return m.to == "aino.uusi@example.fi" && testing::DecodeMail(m.eml).find("on nyt muutettu") != std::string::npos;
  });
  EXPECT_NE(confirmation, due->end()) << "no confirmation to the new address";

  Submission with_stats = changed;
  with_stats.statistics = EqualityStatistics{"woman", "", ""};
  auto refused = AmendApplication(*ctx_, *me, with_stats);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().field, "statistics");

  ASSERT_TRUE(Withdraw(*ctx_, *me).ok());
  auto after = IdentifyApplicant(*ctx_, s.receipt.reference, s.status_token);
  ASSERT_TRUE(after.ok());
  auto late = AmendApplication(*ctx_, *after, changed);
  ASSERT_FALSE(late.ok());
  EXPECT_EQ(late.error().code, ErrorCode::kWithdrawn);
}

// The draft's link goes to the address typed (in the language asked), carries the secret only in
// the fragment, and the draft is deleted once its deadline has passed.
TEST_F(ServiceTest, ADraftsLinkIsMailedAndTheDraftIsGoneAfterTheDeadline) {
  Recruitment r = Published();
  auto link = KeepDraft(*ctx_, r.id, R"({"coverLetter":"Hei"})", "aino@example.fi", "sv", "198.51.100.7");
  ASSERT_TRUE(link.ok()) << link.error().message;
  EXPECT_EQ(link->expires_at, r.deadline);
  auto due = store_->ClaimDueMail(now_ + 1, 100, 60);
  ASSERT_TRUE(due.ok());
  ASSERT_EQ(due->size(), 1u);
  const std::string text = testing::DecodeMail(due->front().eml);
  EXPECT_EQ(due->front().to, "aino@example.fi");
  EXPECT_NE(text.find("/jobs/" + std::to_string(r.id) + "#draft=" + link->id + "&secret=" + link->secret),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("Utkastet har inte skickats"), std::string::npos);
  auto opened = OpenDraft(*ctx_, link->id, link->secret);
  ASSERT_TRUE(opened.ok());
  EXPECT_EQ(opened->content, R"({"coverLetter":"Hei"})");

  now_ = r.deadline + 1;
  auto late = OpenDraft(*ctx_, link->id, link->secret);
  ASSERT_FALSE(late.ok());
  EXPECT_EQ(late.error().code, ErrorCode::kNotFound);
  ASSERT_TRUE(RunDisposals(*ctx_).ok());
  auto left = store_->PurgeExpiredDrafts(now_);
  ASSERT_TRUE(left.ok());
  EXPECT_EQ(*left, 0);  // the daily run already deleted it
}

TEST_F(ServiceTest, AccountsAreCreatedByAdminsWithCheckedFields) {
  User u;
  u.username = "uusi";
  u.display_name = "Uusi Käyttäjä";
  u.role = Role::kReviewer;
  auto refused = CreateUser(*ctx_, UserOf(org_, "hr"), u, "a long enough password");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kForbidden);
  auto short_password = CreateUser(*ctx_, UserOf(org_, "admin"), u, "short");
  ASSERT_FALSE(short_password.ok());
  EXPECT_EQ(short_password.error().field, "password");
  auto created = CreateUser(*ctx_, UserOf(org_, "admin"), u, "a long enough password");
  ASSERT_TRUE(created.ok()) << created.error().message;
  EXPECT_EQ(created->org_id, org_.org);
  EXPECT_EQ(created->username, "uusi@org-a");  // the organisation's login domain
  auto login = store_->FindLogin("uusi@org-a");
  ASSERT_TRUE(login.ok());
  EXPECT_TRUE(crypto::VerifyPassword(login->second, "a long enough password"));
}

TEST_F(ServiceTest, TheDemoIsSeededThroughTheUseCasesAndSaysWhatWasUnchecked) {
  testing::TempDir dir;
  auto store = app::OpenStore(testing::TestDataDir(dir.path()));
  ASSERT_TRUE(store.ok());
  Context ctx{**store, redactor_, [this] { return now_; }, "https://rekry.example.fi"};
  ASSERT_TRUE(app::SeedDemo(ctx).ok());
  auto orgs = (*store)->ListOrganisations();
  ASSERT_TRUE(orgs.ok());
  ASSERT_EQ(orgs->size(), 1u);
  auto audit = (*store)->ListAudit(orgs->front().id, 0, 10000);
  ASSERT_TRUE(audit.ok());
  std::map<std::string, int> actions;
  for (const auto& e : *audit) {
    ++actions[e.action];
    if (e.action == "redaction.release") {
      EXPECT_NE(e.detail.find("demo_unchecked"), std::string::npos);
    }
  }
  // Two current recruitments and a year of eight finished ones (demo_history.cc), each decided.
  EXPECT_EQ(actions["recruitment.publish"], 2 + 8);
  EXPECT_EQ(actions["selection.decision"], 8);
  EXPECT_EQ(actions["anonymity.exception"], 1);  // one fixed-term post processed openly, with its reason
  EXPECT_EQ(actions["recruitment.close"], 1);
  EXPECT_EQ(actions["redaction.release"], 5);
  EXPECT_EQ(actions["user.create"], 7);
  // Every applicant of the current ones got a receipt, as a real one would.
  auto recruitments = (*store)->ListRecruitments(orgs->front().id);
  ASSERT_TRUE(recruitments.ok());
  size_t receipts = 0;
  for (const auto& r : *recruitments) {
    if (r.published_at < now_ - 86400) continue;  // the year of history
    receipts += (*store)->ListMail(r.org_id, r.id)->size();
  }
  EXPECT_EQ(receipts, 8u);
  // The librarian post is decided by its named decision-maker.
  bool named = false;
  for (const auto& r : *recruitments) named = named || r.decision_maker_id != 0;
  EXPECT_TRUE(named);
  // Seeding again changes nothing.
  ASSERT_TRUE(app::SeedDemo(ctx).ok());
  EXPECT_EQ((*store)->ListAudit(orgs->front().id, 0, 10000)->size(), audit->size());
}

TEST_F(ServiceTest, LoggingInWritesTheSessionWithItsAuditEntryAndIsThrottled) {
  auto wrong = LogIn(*ctx_, "a_hr", "not the password", "192.0.2.1", 3600);
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.error().code, ErrorCode::kUnauthenticated);
  EXPECT_EQ(CountAudit("session.login_failed"), 1);
  auto in = LogIn(*ctx_, "a_hr", testing::kTestPassword, "192.0.2.1", 3600);
  ASSERT_TRUE(in.ok()) << in.error().message;
  ASSERT_TRUE(in->signed_in.has_value());
  EXPECT_EQ(CountAudit("session.login"), 1);
  const std::string token = in->signed_in->token;
  EXPECT_EQ(Authenticate(*ctx_, token, true, "")->user.username, "a_hr");
  auto no_csrf = Authenticate(*ctx_, token, false, "");
  ASSERT_FALSE(no_csrf.ok());
  EXPECT_EQ(no_csrf.error().code, ErrorCode::kCsrfFailed);
  EXPECT_TRUE(Authenticate(*ctx_, token, false, in->signed_in->session.csrf_token).ok());
  ASSERT_TRUE(LogOut(*ctx_, in->signed_in->session).ok());
  EXPECT_EQ(Authenticate(*ctx_, token, true, "").error().code, ErrorCode::kUnauthenticated);
  // Ten failures from one address for one user: the eleventh attempt waits, even with the password.
  for (int i = 0; i < 10; ++i) (void)LogIn(*ctx_, "a_reviewer", "guess " + std::to_string(i), "192.0.2.2", 3600);
  auto locked = LogIn(*ctx_, "a_reviewer", testing::kTestPassword, "192.0.2.2", 3600);
  ASSERT_TRUE(locked.ok());
  EXPECT_FALSE(locked->signed_in.has_value());
  EXPECT_GT(locked->retry_after, 0);
}

}  // namespace
}  // namespace reilu::service

namespace reilu::service {
namespace {

// Organisations after the first get a login domain, made from the name unless given; accounts
// created in them log in as "name@domain" (issue 10: no username enumeration across them).
TEST_F(ServiceTest, LaterOrganisationsGetALoginDomainTheirAccountsCarry) {
  auto first = CreateOrganisation(*ctx_, "Närpes stad", AnonymityPolicy{});
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_EQ(store_->GetOrganisation(*first)->login_domain, "narpes-stad");
  auto twin = CreateOrganisation(*ctx_, "Närpes stad", AnonymityPolicy{});
  ASSERT_TRUE(twin.ok());
  EXPECT_EQ(store_->GetOrganisation(*twin)->login_domain, "narpes-stad-2");
  EXPECT_EQ(CreateOrganisation(*ctx_, "X", AnonymityPolicy{}, "Not A Domain").error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(CreateOrganisation(*ctx_, "X", AnonymityPolicy{}, "narpes-stad").error().code, ErrorCode::kConflict);
  User u;
  u.username = "hr";
  u.display_name = "HR";
  u.role = Role::kHr;
  auto created = CreateUserAsOperator(*ctx_, *first, u, "a-long-enough-passphrase");
  ASSERT_TRUE(created.ok()) << created.error().message;
  EXPECT_EQ(created->username, "hr@narpes-stad");
}

}  // namespace
}  // namespace reilu::service
