// A running server with two seeded organisations, and helpers to drive a recruitment.
#pragma once

#include <gtest/gtest.h>

#include "support/test_server.h"

namespace reilu::testing {

namespace json = boost::json;

class ApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    {
      auto store = app::OpenStore(app::DataDir{dir_.path()});
      ASSERT_TRUE(store.ok()) << store.error().message;
      a_ = SeedOrganisation(**store, "City A", "a_");
      b_ = SeedOrganisation(**store, "City B", "b_");
    }
    server_ = std::make_unique<ServerProcess>(dir_.path());
    server_->Start();
  }

  Client LoggedIn(const std::string& username) {
    Client c(server_->port());
    EXPECT_EQ(c.Login(username, kTestPassword), 200) << username;
    return c;
  }

  static json::object RecruitmentBody(const std::vector<std::int64_t>& reviewers, const std::string& term = "permanent",
                                      std::int64_t deadline_in = 3600) {
    json::array rv;
    for (auto r : reviewers) rv.push_back(r);
    json::object employment{{"relation", "virka"}, {"term", term}};
    if (term == "fixed_term") {
      employment["fixed_term_ground"] = "sijaisuus";
      employment["end_date"] = "2027-06-30";
    }
    return json::object{{"title", {{"fi", "Kirjastonhoitaja"}, {"en", "Librarian"}}},
                        {"description", {{"fi", "Kuvaus"}, {"en", "Description"}}},
                        {"languages", {"fi", "en"}},
                        {"employment", employment},
                        {"criteria", json::array{{{"id", "exp"}, {"title", {{"fi", "Kokemus"}}}, {"weight", 2}}}},
                        {"questions", json::array{{{"id", "why"}, {"text", {{"fi", "Miksi?"}}}, {"required", true}}}},
                        {"deadline", app::Now() + deadline_in},
                        {"reviewer_ids", rv}};
  }

  // Creates and publishes an anonymous recruitment owned by a_hr with both reviewers of City A.
  std::int64_t PublishedRecruitment(Client& hr, std::int64_t deadline_in = 3600) {
    auto created = hr.PostJson("/api/v1/recruitments", RecruitmentBody({a_.users["reviewer"], a_.users["reviewer2"]},
                                                                       "permanent", deadline_in));
    EXPECT_EQ(created.status, 201) << created.body;
    std::int64_t id = created.Json().at("id").as_int64();
    auto published = hr.PostJson("/api/v1/recruitments/" + std::to_string(id) + "/publish", json::object{});
    EXPECT_EQ(published.status, 200) << published.body;
    return id;
  }

  static json::object Application(const std::string& tag) {
    return json::object{
        {"identity",
         {{"first_name", "Firstname" + tag},
          {"last_name", "Lastname" + tag},
          {"email", "mail" + tag + "@canary.test"},
          {"phone", "+358 40 555 " + tag},
          {"birth_date", "1971-0" + tag.substr(tag.size() - 1) + "-15"},
          {"gender", "Gender" + tag},
          {"street_address", "Streetname" + tag + " 5 A"},
          {"postal_code", "9" + tag},
          {"municipality", "Hometown" + tag},
          {"mother_tongue", "Tongue" + tag},
          {"nationality", "Nation" + tag},
          {"language", "fi"}}},
        {"merits",
         {{"education",
           json::array{
               {{"level", "master"}, {"field", "Informaatiotutkimus"}, {"institution", "Tampereen yliopisto"}}}},
          {"experience", json::array{{{"title", "Kirjastovirkailija"}, {"employer", "Kaupunki"}, {"months", 48}}}},
          {"skills", {"Finna", "Asiakaspalvelu"}},
          {"languages", json::array{{{"language", "sv"}, {"level", "good"}}}}}},
        {"free_text",
         {{"cover_letter", "Hei, olen Firstname" + tag + " Lastname" + tag + " ja asun Hometown" + tag + "."},
          {"answers", json::array{{{"question_id", "why"}, {"text", "Rakastan kirjoja. Firstname" + tag}}}}}}};
  }

  // Canary strings that must never reach a reviewer before lift (all identity values).
  static std::vector<std::string> Canaries(const std::string& tag) {
    return {"Firstname" + tag, "Lastname" + tag, "mail" + tag + "@canary.test",
            "555 " + tag,      "Gender" + tag,   "Streetname" + tag,
            "Hometown" + tag,  "Tongue" + tag,   "Nation" + tag};
  }

  TempDir dir_;
  SeededOrg a_, b_;
  std::unique_ptr<ServerProcess> server_;
};

}  // namespace reilu::testing
