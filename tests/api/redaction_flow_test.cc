// Free text reaches reviewers only as a redacted rendition that the owner released.
#include "api_fixture.h"

namespace reilu::testing {
namespace {

class RedactionFlowTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
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

TEST_F(RedactionFlowTest, MeritFieldsAreScannedAndTheTypedOnesStaySealed) {
  json::object app = Application("403");
  auto& merits = app["merits"].as_object();
  merits["experience"] =
      json::array{{{"title", "Yrittäjä"}, {"employer", "Lastname403 Consulting Oy"}, {"months", 60}}};
  merits["skills"] = json::array{"Finna", "portfolio: mail403@canary.test"};
  Client pub(server_->port());
  ASSERT_EQ(pub.PostJson("/api/v1/jobs/" + rec_ + "/applications", app).status, 201);
  CloseApplicationPeriod(*hr_, std::stoll(rec_));
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
