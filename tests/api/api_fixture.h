// A running server with two seeded organisations, and helpers to drive a recruitment.
#pragma once

#include <gtest/gtest.h>
#include <sodium.h>

#include "support/sample_documents.h"
#include "support/test_server.h"

namespace reilu::testing {

namespace json = boost::json;

class ApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    REILU_SKIP_WITHOUT_DATABASE();
    {
      auto store = app::OpenStore(TestDataDir(dir_.path()));
      ASSERT_TRUE(store.ok()) << store.error().message;
      a_ = SeedOrganisation(**store, "City A", "a_");
      b_ = SeedOrganisation(**store, "City B", "b_");
    }
    if (!Nodes()) {
      server_ = std::make_unique<ServerProcess>(dir_.path());
      server_->Start();
      return;
    }
    // Two nodes of one installation (one database, one key) behind HAProxy; every call goes
    // through the balancer, so consecutive requests land on different nodes.
    const std::vector<std::string> node_args = {"--behind-proxy", "--mail-lease", "3"};
    server_ = std::make_unique<ServerProcess>(dir_.path(), ServerProcess::Node{dir_.path(), node_args});
    server_->Start();
    second_ = std::make_unique<ServerProcess>(dir_.path() / "node2", ServerProcess::Node{dir_.path(), node_args});
    second_->Start();
    balancer_ = std::make_unique<BalancerProcess>(dir_.path() / "haproxy",
                                                  std::vector<std::uint16_t>{server_->port(), second_->port()});
  }

  // REILU_TEST_NODES=2 (implies PostgreSQL): the same tests against two nodes behind a balancer.
  static bool Nodes() {
    const char* nodes = std::getenv("REILU_TEST_NODES");
    return nodes && std::string_view(nodes) == "2" && TestOnPostgres();
  }
  // Where clients connect: the balancer when there is one, else the server.
  std::uint16_t Port() const { return balancer_ ? balancer_->port() : server_->port(); }

  Client LoggedIn(const std::string& username) {
    Client c(Port());
    int status = c.Login(username, kTestPassword);
    if (status != 200) {  // say why: the problem document of one more try
      auto again = Client(Port()).PostJson("/api/v1/session", json::object{{"username", username}, {"password", "x"}});
      ADD_FAILURE() << username << " could not log in: " << status << "; another try: " << again.body;
    }
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
    return json::object{
        {"title", {{"fi", "Kirjastonhoitaja"}, {"en", "Librarian"}}},
        {"description", {{"fi", "Kuvaus"}, {"en", "Description"}}},
        {"languages", {"fi", "en"}},
        {"employment", employment},
        {"criteria", json::array{{{"id", "exp"}, {"title", {{"fi", "Kokemus"}, {"en", "Experience"}}}, {"weight", 2}}}},
        {"questions", json::array{{{"id", "why"}, {"text", {{"fi", "Miksi?"}, {"en", "Why?"}}}, {"required", true}}}},
        {"deadline", app::Now() + deadline_in},
        {"reviewer_ids", rv}};
  }

  // Creates and publishes an anonymous recruitment owned by a_hr with both reviewers of City A.
  std::int64_t PublishedRecruitment(Client& hr, std::int64_t deadline_in = 3600, bool attachments = false) {
    json::object body = RecruitmentBody({a_.users["reviewer"], a_.users["reviewer2"]}, "permanent", deadline_in);
    body["accepts_attachments"] = attachments;
    auto created = hr.PostJson("/api/v1/recruitments", body);
    EXPECT_EQ(created.status, 201) << created.body;
    std::int64_t id = created.Json().at("id").as_int64();
    auto published = hr.PostJson("/api/v1/recruitments/" + std::to_string(id) + "/publish", json::object{});
    EXPECT_EQ(published.status, 200) << published.body;
    return id;
  }

  // Ends the application period early: reviewers see applications only after it.
  static void CloseApplicationPeriod(Client& hr, std::int64_t rec) {
    auto closed = hr.PostJson("/api/v1/recruitments/" + std::to_string(rec) + "/close", json::object{});
    ASSERT_EQ(closed.status, 200) << closed.body;
  }

  // The owner releases every application's text and attachments as the engine proposed them (no
  // check): what reviewers then may see.
  static void ReleaseAllAsProposed(Client& hr, std::int64_t rec) {
    std::string base = "/api/v1/recruitments/" + std::to_string(rec);
    const json::value list = hr.Get(base + "/applications").Json();
    for (const auto& a : list.at("applications").as_array()) {
      std::string path = base + "/applications/" + std::string(a.at("id").as_string());
      auto res = hr.Call("PUT", path + "/redaction", "{}", {{"Content-Type", "application/json"}});
      ASSERT_EQ(res.status, 200) << res.body;
      for (const auto& file : a.at("attachments").as_array()) {
        auto released = hr.PostJson(
            path + "/attachments/" + std::to_string(file.at("position").as_int64()) + "/release", json::object{});
        ASSERT_EQ(released.status, 200) << released.body;
      }
    }
  }

  // A file the form sends: its name and its bytes in base64.
  static json::object File(const std::string& name, const std::string& bytes) {
    std::string out(sodium_base64_ENCODED_LEN(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                      sodium_base64_VARIANT_ORIGINAL);
    out.resize(out.size() - 1);  // the terminating NUL
    return json::object{{"file_name", name}, {"content", out}};
  }

  // A CV with the identity values of Application(tag) in it, and a photo.
  static std::string CanaryCv(const std::string& tag) {
    return MakePdf({{{"Firstname" + tag + " Lastname" + tag, "mail" + tag + "@canary.test", "+358 40 555 " + tag,
                      "Streetname" + tag + " 5 A, 9" + tag + " Hometown" + tag,
                      "Kokemus: kirjastovirkailija 4 vuotta, asiakaspalvelu ja Finna"}},
                    /*photo=*/true});
  }

  // Ends the application period early and chooses `ids` as interviewees (freezes the scores).
  static void CloseAndShortlist(Client& hr, std::int64_t rec, const std::vector<std::string>& ids) {
    std::string base = "/api/v1/recruitments/" + std::to_string(rec);
    auto closed = hr.PostJson(base + "/close", json::object{});
    ASSERT_EQ(closed.status, 200) << closed.body;
    json::array arr;
    for (const auto& id : ids) arr.push_back(json::string(id));
    auto res = hr.PostJson(base + "/shortlist",
                           json::object{{"application_ids", arr}, {"reason", "Best matches on the criteria"}});
    ASSERT_EQ(res.status, 200) << res.body;
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

  // Calls every GET route of the OpenAPI document (for every application) and every state-changing
  // route a reviewer might try; returns all response headers and bodies concatenated.
  static std::string EverythingAReviewerCanFetch(Client& reviewer, std::int64_t rec,
                                                 const std::vector<std::string>& app_ids) {
    auto Path = [&](std::string pattern, const std::string& app = "") {
      auto replace = [&](const std::string& key, const std::string& value) {
        auto pos = pattern.find(key);
        if (pos != std::string::npos) pattern.replace(pos, key.size(), value);
      };
      replace("{id}", std::to_string(rec));
      replace("{application_id}", app);
      replace("{position}", "1");
      replace("{page}", "1");
      return pattern;
    };
    std::string seen;
    auto doc = reviewer.Get("/api/v1/openapi.json").Json();
    for (const auto& [path, item] : doc.at("paths").as_object()) {
      std::string pattern(path);
      std::vector<std::string> apps = {""};
      if (pattern.find("{application_id}") != std::string::npos) apps = app_ids;
      for (const auto& app : apps) {
        for (const auto& [method, op] : item.as_object()) {
          if (method == "parameters") continue;
          std::string upper(method);
          for (auto& ch : upper) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
          if (upper == "DELETE") continue;  // would end the session
          HttpResult res = upper == "GET" ? reviewer.Get(Path(pattern, app))
                                          : reviewer.Call(upper, Path(pattern, app),
                                                          R"({"reason":"I would like to know who this is","all":true})",
                                                          {{"Content-Type", "application/json"}});
          // The OpenAPI document names the identity fields by design; it holds no values.
          if (pattern != "/api/v1/openapi.json") seen += res.headers + res.body;
          // What a reviewer sends to a state-changing route is refused (4xx, never 5xx), except
          // reading a lifted applicant's identity.
          if (upper != "GET" && pattern.find("/identity") == std::string::npos && pattern != "/api/v1/session") {
            EXPECT_TRUE(res.status >= 400 && res.status < 500)
                << upper << " " << pattern << " " << res.status << " " << res.body;
          }
          if (upper != "GET") {
            EXPECT_LT(res.status, 500) << upper << " " << pattern << " " << res.body;
          }
          // Reached and answered (owner-only routes refuse with 403, a step not reached yet with 409;
          // never 404 or 5xx).
          // An attachment's rendition is 404 until the owner has released it.
          bool unreleased_file = pattern.find("/attachments/{position}") != std::string::npos && res.status == 404;
          if (upper == "GET" && pattern.find("{id}") != std::string::npos &&
              pattern.rfind("/api/v1/recruitments", 0) == 0 && !unreleased_file) {
            EXPECT_TRUE(res.status == 200 || res.status == 403 || res.status == 409)
                << upper << " " << pattern << " " << res.body;
          }
        }
      }
    }
    seen += reviewer.Call("GET", "/metrics", "", {{"Authorization", std::string("Bearer ") + kMetricsToken}}).body;
    return seen;
  }

  // Canary strings that must never reach a reviewer before lift (all identity values).
  static std::vector<std::string> Canaries(const std::string& tag) {
    // Every identity field of Application(tag); the postal code is digits only, so it is looked
    // for as a JSON string value (a bare "9101" can occur inside a timestamp).
    return {"Firstname" + tag,
            "Lastname" + tag,
            "mail" + tag + "@canary.test",
            "555 " + tag,
            "1971-0" + tag.substr(tag.size() - 1) + "-15",
            "Gender" + tag,
            "Streetname" + tag,
            "\"9" + tag + "\"",
            "Hometown" + tag,
            "Tongue" + tag,
            "Nation" + tag};
  }

  TempDir dir_;
  SeededOrg a_, b_;
  std::unique_ptr<ServerProcess> server_;
  std::unique_ptr<ServerProcess> second_;  // with Nodes()
  std::unique_ptr<BalancerProcess> balancer_;
};

}  // namespace reilu::testing
