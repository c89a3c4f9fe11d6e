// Free text reaches reviewers only as a redacted rendition that the owner released.
#include "api_fixture.h"

namespace reilu::testing {
namespace {

class RedactionFlowTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    if (IsSkipped()) return;
    hr_ = std::make_unique<Client>(LoggedIn("a_hr"));
    rec_ = std::to_string(PublishedRecruitment(*hr_));
  }
  std::unique_ptr<Client> hr_;
  std::string rec_;
};

TEST_F(RedactionFlowTest, PreviewShowsTheRedactedTextAndStoresNothing) {
  Client pub(server_->port());
  auto preview = pub.PostJson("/api/v1/jobs/" + rec_ + "/redaction-preview", Application("401"));
  ASSERT_EQ(preview.status, 200) << preview.body;
  std::string letter(preview.Json().at("free_text").at("cover_letter").as_string());
  EXPECT_NE(letter.find("[NIMI]"), std::string::npos) << letter;
  for (const auto& canary : Canaries("401")) EXPECT_EQ(preview.body.find(canary), std::string::npos) << canary;
  EXPECT_EQ(hr_->Get("/api/v1/recruitments/" + rec_).Json().at("application_count").as_int64(), 0);
}

// The recruitment is Finnish first: an application in English gets Finnish placeholders, so that
// "[NAME]" does not tell the reviewers which language the applicant chose.
TEST_F(RedactionFlowTest, PlaceholdersAreInTheRecruitmentsLanguage) {
  json::object app = Application("404");
  app["identity"].as_object()["language"] = "en";
  app["free_text"].as_object()["cover_letter"] = "My name is Firstname404 Lastname404 and my manager was Tom Baker.";
  Client pub(server_->port());
  auto preview = pub.PostJson("/api/v1/jobs/" + rec_ + "/redaction-preview", app);
  ASSERT_EQ(preview.status, 200) << preview.body;
  std::string letter(preview.Json().at("free_text").at("cover_letter").as_string());
  EXPECT_EQ(letter, "My name is [NIMI] and my manager was [NIMI].");
}

TEST_F(RedactionFlowTest, ReviewersSeeFreeTextOnlyAfterTheOwnerReleasesIt) {
  Client pub(server_->port());
  ASSERT_EQ(pub.PostJson("/api/v1/jobs/" + rec_ + "/applications", Application("402")).status, 201);
  CloseApplicationPeriod(*hr_, std::stoll(rec_));
  Client reviewer = LoggedIn("a_reviewer");
  auto before = reviewer.Get("/api/v1/recruitments/" + rec_ + "/applications").Json();
  auto app = before.at("applications").as_array()[0];
  std::string app_id(app.at("id").as_string());
  EXPECT_EQ(app.at("redaction").as_string(), "pending");
  EXPECT_TRUE(app.at("free_text").is_null());

  std::string release = "/api/v1/recruitments/" + rec_ + "/applications/" + app_id + "/redaction";
  EXPECT_EQ(reviewer.Call("PUT", release, "{}", {{"Content-Type", "application/json"}}).status, 403);

  // The owner sees the proposal beside the original (an audited identity read) and releases it.
  auto check = hr_->PostJson("/api/v1/recruitments/" + rec_ + "/applications/" + app_id + "/identity",
                             json::object{{"reason", "Checking the redaction proposal"}});
  ASSERT_EQ(check.status, 200);
  EXPECT_NE(std::string(check.Json().at("redaction_proposal").at("cover_letter").as_string()).find("[NIMI]"),
            std::string::npos);
  auto released = hr_->Call("PUT", release, "{}", {{"Content-Type", "application/json"}});
  ASSERT_EQ(released.status, 200) << released.body;
  EXPECT_FALSE(released.Json().at("edited").as_bool());

  auto after = reviewer.Get("/api/v1/recruitments/" + rec_ + "/applications");
  EXPECT_NE(after.body.find("\"redaction\":\"ready\""), std::string::npos);
  EXPECT_NE(after.body.find("Rakastan kirjoja"), std::string::npos);  // the merit-bearing text is there
  for (const auto& canary : Canaries("402")) EXPECT_EQ(after.body.find(canary), std::string::npos) << canary;
}

TEST_F(RedactionFlowTest, OwnerCanAdjustTheRedactionAndItIsAudited) {
  Client pub(server_->port());
  ASSERT_EQ(pub.PostJson("/api/v1/jobs/" + rec_ + "/applications", Application("403")).status, 201);
  auto list = hr_->Get("/api/v1/recruitments/" + rec_ + "/applications").Json();
  std::string app_id(list.at("applications").as_array()[0].at("id").as_string());
  std::string release = "/api/v1/recruitments/" + rec_ + "/applications/" + app_id + "/redaction";
  json::object adjusted{{"free_text",
                         {{"cover_letter", "Hei, olen [NIMI]."},
                          {"answers", json::array{{{"question_id", "why"}, {"text", "Rakastan kirjoja."}}}}}}};
  auto res = hr_->Call("PUT", release, json::serialize(adjusted), {{"Content-Type", "application/json"}});
  ASSERT_EQ(res.status, 200) << res.body;
  EXPECT_TRUE(res.Json().at("edited").as_bool());
  EXPECT_EQ(res.Json().at("free_text").at("cover_letter").as_string(), "Hei, olen [NIMI].");
  json::object unknown{{"free_text", {{"answers", json::array{{{"question_id", "nope"}, {"text", "x"}}}}}}};
  EXPECT_EQ(hr_->Call("PUT", release, json::serialize(unknown), {{"Content-Type", "application/json"}}).status, 422);

  auto log = LoggedIn("a_auditor").Get("/api/v1/audit?limit=1000").Json();
  bool found = false;
  for (const auto& e : log.at("entries").as_array()) {
    if (e.at("action").as_string() == "redaction.release" && e.at("application_id").as_string() == app_id) {
      found = true;
      EXPECT_TRUE(e.at("detail").at("edited").as_bool());
      EXPECT_EQ(e.at("actor_id").as_int64(), a_.users["hr"]);
    }
  }
  EXPECT_TRUE(found);
}

// HR sees the original with the proposed spans (an audited identity read), removes one, adds one,
// and releases: the server applies exactly those spans, and the audit entry says what changed.
TEST_F(RedactionFlowTest, OwnerChecksTheSpansAddsAndRemovesThenReleases) {
  json::object app = Application("405");
  const std::string letter = "Hei, olen Firstname405 Lastname405. Työskentelin Oulussa ja kehitin lukupiirejä.";
  app["free_text"].as_object()["cover_letter"] = letter;
  Client pub(server_->port());
  ASSERT_EQ(pub.PostJson("/api/v1/jobs/" + rec_ + "/applications", app).status, 201);
  auto list = hr_->Get("/api/v1/recruitments/" + rec_ + "/applications").Json();
  std::string app_id(list.at("applications").as_array()[0].at("id").as_string());
  std::string path = "/api/v1/recruitments/" + rec_ + "/applications/" + app_id + "/redaction";

  Client reviewer = LoggedIn("a_reviewer");
  EXPECT_EQ(reviewer.Get(path).status, 403);  // only the owner checks
  auto review = hr_->Get(path);
  ASSERT_EQ(review.status, 200) << review.body;
  auto texts = review.Json().at("texts").as_array();
  ASSERT_EQ(texts[0].at("field").as_string(), "cover_letter");
  EXPECT_EQ(texts[0].at("original").as_string(), letter);
  // The applicant's own name is proposed; find that span.
  json::array spans;
  size_t name_at = letter.find("Firstname405");
  bool name_proposed = false;
  for (const auto& s : texts[0].at("spans").as_array()) {
    if (static_cast<size_t>(s.at("start").as_int64()) == name_at) name_proposed = true;
    if (static_cast<size_t>(s.at("start").as_int64()) != name_at) continue;  // drop every other span...
    spans.push_back(json::object{{"start", s.at("start")}, {"end", s.at("end")}, {"type", s.at("type")}});
  }
  ASSERT_TRUE(name_proposed) << review.body;
  size_t town = letter.find("Oulussa");  // ...and add one over the town
  spans.push_back(json::object{{"start", town}, {"end", town + std::string("Oulussa").size()}, {"type", "RESIDENCE"}});
  json::object body{{"spans", {{"cover_letter", spans}, {"why", json::array{}}}}};
  auto released = hr_->Call("PUT", path, json::serialize(body), {{"Content-Type", "application/json"}});
  ASSERT_EQ(released.status, 200) << released.body;
  EXPECT_EQ(released.Json().at("free_text").at("cover_letter").as_string(),
            "Hei, olen [NIMI]. Työskentelin [ASUINPAIKKA] ja kehitin lukupiirejä.");
  EXPECT_EQ(released.Json().at("mode").as_string(), "reviewed");

  // Spans outside the text, or a text left out, are refused and nothing changes.
  json::object outside{
      {"spans",
       {{"cover_letter", json::array{{{"start", 0}, {"end", 100000}, {"type", "PERSON"}}}}, {"why", json::array{}}}}};
  EXPECT_EQ(hr_->Call("PUT", path, json::serialize(outside), {{"Content-Type", "application/json"}}).status, 422);
  json::object missing{{"spans", {{"cover_letter", json::array{}}}}};
  EXPECT_EQ(hr_->Call("PUT", path, json::serialize(missing), {{"Content-Type", "application/json"}}).status, 422);

  auto log = LoggedIn("a_auditor").Get("/api/v1/audit?limit=1000").Json();
  int checks = 0;
  bool release_logged = false;
  for (const auto& e : log.at("entries").as_array()) {
    if (e.at("application_id").as_string() != app_id) continue;
    if (e.at("action").as_string() == "identity.read") ++checks;
    if (e.at("action").as_string() == "redaction.release") {
      release_logged = true;
      EXPECT_EQ(e.at("detail").at("mode").as_string(), "reviewed");
      EXPECT_TRUE(e.at("detail").at("edited").as_bool());
      EXPECT_EQ(e.at("detail").at("spans_added").as_int64(), 1);
      EXPECT_GE(e.at("detail").at("spans_removed").as_int64(), 0);
    }
  }
  EXPECT_GE(checks, 2);  // the review and the release each read the original
  EXPECT_TRUE(release_logged);
}

// Bulk release takes only texts with nothing flagged: an employer that names a place waits for HR.
TEST_F(RedactionFlowTest, BulkReleaseLeavesWhatNeedsALook) {
  Client pub(server_->port());
  json::object plain = Application("406");
  plain["merits"].as_object()["education"] =
      json::array{{{"level", "master"}, {"field", "Informaatiotutkimus"}, {"institution", "Yliopisto"}}};
  json::object flagged = plain;
  flagged["identity"].as_object()["first_name"] = "Firstname407";
  flagged["identity"].as_object()["email"] = "mail407@canary.test";
  flagged["merits"].as_object()["experience"] =
      json::array{{{"title", "Kirjastovirkailija"}, {"employer", "Kangasalan kunta"}, {"months", 48}}};
  ASSERT_EQ(pub.PostJson("/api/v1/jobs/" + rec_ + "/applications", plain).status, 201);
  ASSERT_EQ(pub.PostJson("/api/v1/jobs/" + rec_ + "/applications", flagged).status, 201);
  // Which is which: the owner's review says (merits stay out of the anonymous list until release).
  std::map<std::string, std::string> by_employer;
  auto listed = hr_->Get("/api/v1/recruitments/" + rec_ + "/applications").Json();
  for (const auto& a : listed.at("applications").as_array()) {
    std::string id(a.at("id").as_string());
    auto r = hr_->Get("/api/v1/recruitments/" + rec_ + "/applications/" + id + "/redaction").Json();
    by_employer[r.at("needs_a_look").as_bool() ? "Kangasalan kunta" : "Kaupunki"] = id;
  }
  ASSERT_EQ(by_employer.size(), 2u);
  auto flagged_review =
      hr_->Get("/api/v1/recruitments/" + rec_ + "/applications/" + by_employer["Kangasalan kunta"] + "/redaction");
  ASSERT_EQ(flagged_review.status, 200);
  EXPECT_TRUE(flagged_review.Json().at("needs_a_look").as_bool());
  EXPECT_EQ(flagged_review.Json().at("merit_flags").as_array()[0].at("reason").as_string(), "names_a_place");

  auto bulk = hr_->PostJson("/api/v1/recruitments/" + rec_ + "/redactions/release", json::object{});
  ASSERT_EQ(bulk.status, 200) << bulk.body;
  auto result = bulk.Json();
  ASSERT_EQ(result.at("released").as_array().size(), 1u) << bulk.body;
  EXPECT_EQ(result.at("released").as_array()[0].as_string(), by_employer["Kaupunki"]);
  ASSERT_EQ(result.at("needs_a_look").as_array().size(), 1u);
  EXPECT_EQ(result.at("needs_a_look").as_array()[0].as_string(), by_employer["Kangasalan kunta"]);
  EXPECT_EQ(
      LoggedIn("a_reviewer").PostJson("/api/v1/recruitments/" + rec_ + "/redactions/release", json::object{}).status,
      403);
  // Both originals were read for the bulk check, each read audited (beside the two reviews above);
  // the one released says so, marked bulk.
  auto log = LoggedIn("a_auditor").Get("/api/v1/audit?limit=1000").Json();
  std::map<std::string, int> reads, releases;
  for (const auto& e : log.at("entries").as_array()) {
    std::string app(e.at("application_id").as_string());
    if (e.at("action").as_string() == "identity.read") ++reads[app];
    if (e.at("action").as_string() == "redaction.release") {
      ++releases[app];
      EXPECT_EQ(e.at("detail").at("mode").as_string(), "bulk");
    }
  }
  EXPECT_EQ(reads[by_employer["Kaupunki"]], 2);          // the review in the loop above, the bulk
  EXPECT_EQ(reads[by_employer["Kangasalan kunta"]], 3);  // ...and the flagged one's second review
  EXPECT_EQ(releases[by_employer["Kaupunki"]], 1);
  EXPECT_EQ(releases[by_employer["Kangasalan kunta"]], 0);
}

TEST_F(RedactionFlowTest, MeritFieldsAreScannedAndTheTypedOnesStaySealed) {
  json::object app = Application("403");
  auto& merits = app["merits"].as_object();
  merits["experience"] =
      json::array{{{"title", "Yrittäjä"}, {"employer", "Lastname403 Consulting Oy"}, {"months", 60}}};
  merits["skills"] = json::array{"Finna", "portfolio: mail403@canary.test"};
  Client pub(server_->port());
  ASSERT_EQ(pub.PostJson("/api/v1/jobs/" + rec_ + "/applications", app).status, 201);
  CloseApplicationPeriod(*hr_, std::stoll(rec_));
  ReleaseAllAsProposed(*hr_, std::stoll(rec_));
  Client reviewer = LoggedIn("a_reviewer");
  auto list = reviewer.Get("/api/v1/recruitments/" + rec_ + "/applications");
  for (const auto& canary : Canaries("403")) EXPECT_EQ(list.body.find(canary), std::string::npos) << canary;
  auto first = list.Json().at("applications").as_array()[0];
  std::string employer(first.at("merits").at("experience").as_array()[0].at("employer").as_string());
  EXPECT_EQ(employer, "[NIMI] Consulting Oy");
  EXPECT_EQ(first.at("merits").at("skills").as_array()[0].as_string(), "Finna");  // nothing to hide: unchanged
  // The owner, with a reason, sees what was typed.
  std::string app_id(first.at("id").as_string());
  auto full = hr_->PostJson("/api/v1/recruitments/" + rec_ + "/applications/" + app_id + "/identity",
                            json::object{{"reason", "Checking the merit fields"}});
  ASSERT_EQ(full.status, 200) << full.body;
  EXPECT_EQ(full.Json().at("original_merits").at("experience").as_array()[0].at("employer").as_string(),
            "Lastname403 Consulting Oy");
}

}  // namespace
}  // namespace reilu::testing
