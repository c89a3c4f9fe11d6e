// Issue 12 (registry office) and issue 10 (medium 3): a public-records request from receipt to
// disclosure, through the real server.
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <thread>

#include "api/api_fixture.h"
#include "codec/codec.h"

namespace reilu::testing {
namespace {

class RecordsTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    if (IsSkipped()) return;
    hr_.emplace(LoggedIn("a_hr"));
    rec_ = PublishedRecruitment(*hr_);
    base_ = "/api/v1/recruitments/" + std::to_string(rec_);
    auto open = Application("831");
    open.at("free_text").as_object()["cover_letter"] =
        "Olen Firstname831 Lastname831, henkilötunnus 131052-308T. Minulla on diabetes ja kaksi lasta. "
        "Puhelin 040 123 4567. Olen toiminut kirjastonhoitajana kahdeksan vuotta.";
    // A phone number typed into a merit field: secret in a copy as well.
    open.at("merits").as_object()["skills"] = json::array{"Finna", "Tavoitat minut numerosta 050 765 4321"};
    auto wish = Application("832");
    wish.at("identity").as_object()["non_disclosure_wish"] = true;
    for (const auto& body : {open, wish}) {
      auto res = Client(Port()).PostJson("/api/v1/jobs/" + std::to_string(rec_) + "/applications", body);
      ASSERT_EQ(res.status, 201) << res.body;
    }
  }

  json::object NewRequest(bool list, bool applications) const {
    return json::object{{"recruitment_id", rec_},
                        {"requester", "Paikallislehti Oy, toimittaja"},
                        {"requester_contact", "toimitus@lehti.example"},
                        {"received_on", "2025-06-02"},
                        {"subject", "Virkaan hakeneiden nimet ja hakemukset"},
                        {"applicant_list", list},
                        {"applications", applications}};
  }

  std::string ApplicationOf(const std::string& tag) {
    auto list = hr_->Get(base_ + "/applications").Json();
    for (const auto& a : list.at("applications").as_array()) {
      std::string id(a.at("id").as_string());
      // The owner's gatekeeper read tells which application is which (audited, with a reason).
      auto full = hr_->PostJson(base_ + "/applications/" + id + "/identity",
                                json::object{{"reason", "Test set-up: which application is which"}});
      if (full.Json().at("identity").at("first_name").as_string() == "Firstname" + tag) return id;
    }
    return {};
  }

  std::optional<Client> hr_;
  std::int64_t rec_ = 0;
  std::string base_;
};

TEST_F(RecordsTest, FromReceiptToDisclosureWithTheLogAndTheOwnerSeeingIt) {
  Client registry = LoggedIn("a_registry");
  auto created = registry.PostJson("/api/v1/records-requests", NewRequest(true, true));
  ASSERT_EQ(created.status, 201) << created.body;
  const std::int64_t id = created.Json().at("id").as_int64();
  EXPECT_EQ(created.Json().at("decision").as_string(), "open");
  const std::string path = "/api/v1/records-requests/" + std::to_string(id);

  // Nothing is given out before the decision.
  EXPECT_EQ(registry.PostJson(path + "/applicant-list", json::object{}).status, 409);
  // A refusal needs its ground; a disclosure does not.
  auto no_ground = registry.PostJson(path + "/decision", json::object{{"decision", "refuse"}});
  EXPECT_EQ(no_ground.status, 422);
  EXPECT_EQ(no_ground.Json().at("field").as_string(), "ground");
  auto decided = registry.PostJson(path + "/decision", json::object{{"decision", "disclose"}});
  ASSERT_EQ(decided.status, 200) << decided.body;
  EXPECT_EQ(registry.PostJson(path + "/decision", json::object{{"decision", "refuse"}, {"ground", "x"}}).status, 409);

  // The applicants are public once the application period is over, not before.
  auto early = registry.PostJson(path + "/applicant-list", json::object{});
  EXPECT_EQ(early.status, 409) << early.body;
  CloseApplicationPeriod(*hr_, rec_);
  auto list = registry.PostJson(path + "/applicant-list", json::object{});
  ASSERT_EQ(list.status, 200) << list.body;
  auto applicants = list.Json().at("applicants").as_array();
  ASSERT_EQ(applicants.size(), 2u);
  EXPECT_EQ(applicants[0].at("name").as_string(), "Firstname831 Lastname831");
  EXPECT_TRUE(applicants[1].at("withheld").as_bool());  // the applicant's non-disclosure wish
  // Neither part of the withheld name (the application's random hex id may hold the digits "832").
  EXPECT_EQ(list.body.find("Firstname832"), std::string::npos) << list.body;
  EXPECT_EQ(list.body.find("Lastname832"), std::string::npos) << list.body;
  EXPECT_EQ(list.body.find("canary.test"), std::string::npos);

  // The registry finds that this wish has no ground in the law (audited); the name is then given
  // in the next list, which says why. Only the registry office, only with a ground.
  const std::string withheld(applicants[1].at("application_id").as_string());
  const std::string ground = "Hakijan nimi on julkinen (JulkL 1 §); salassapitoperustetta ei ole.";
  EXPECT_EQ(
      hr_->PostJson(path + "/wish-overrides", json::object{{"application_id", withheld}, {"ground", ground}}).status,
      403);
  EXPECT_EQ(
      registry.PostJson(path + "/wish-overrides", json::object{{"application_id", withheld}, {"ground", "-"}}).status,
      422);
  EXPECT_EQ(
      registry.PostJson(path + "/wish-overrides", json::object{{"application_id", "nope"}, {"ground", ground}}).status,
      404);
  ASSERT_EQ(registry.PostJson(path + "/wish-overrides", json::object{{"application_id", withheld}, {"ground", ground}})
                .status,
            201);
  auto named = registry.PostJson(path + "/applicant-list", json::object{});
  ASSERT_EQ(named.status, 200) << named.body;
  const json::value named_list = named.Json();
  bool given = false;
  for (const auto& line : named_list.at("applicants").as_array()) {
    if (line.at("name").is_string() && line.at("name").as_string() == "Firstname832 Lastname832") {
      given = true;
      EXPECT_EQ(line.at("wish_overridden").as_string(), ground);
    }
  }
  EXPECT_TRUE(given) << named.body;
  auto decision_text = registry.Get(path + "/decision-document?lang=fi");
  ASSERT_EQ(decision_text.status, 200);
  EXPECT_NE(decision_text.body.find("salassapitoperustetta ei ole"), std::string::npos) << decision_text.body;

  // A masked copy: the name and merits stay, secret parts go.
  const std::string app = ApplicationOf("831");
  ASSERT_FALSE(app.empty());
  auto copy = registry.PostJson(path + "/masked-copies", json::object{{"application_id", app}});
  ASSERT_EQ(copy.status, 200) << copy.body;
  const std::string letter(copy.Json().at("cover_letter").as_string());
  EXPECT_NE(letter.find("Firstname831 Lastname831"), std::string::npos) << letter;
  EXPECT_NE(letter.find("kirjastonhoitajana"), std::string::npos) << letter;
  for (const char* secret : {"131052-308T", "diabetes", "kaksi lasta", "040 123 4567", "050 765 4321"}) {
    EXPECT_EQ(copy.body.find(secret), std::string::npos) << secret << " in " << copy.body;
  }
  EXPECT_NE(copy.body.find("Tavoitat minut numerosta"), std::string::npos) << copy.body;
  for (const char* identity : {"mail831@canary.test", "Streetname831", "1971-01-15", "Nation831", "Tongue831"}) {
    EXPECT_EQ(copy.body.find(identity), std::string::npos) << identity;
  }
  EXPECT_GE(copy.Json().at("masked_parts").as_int64(), 3);
  // The same copy as a PDF to send: the same parts masked, logged as another disclosure.
  auto printed = registry.PostJson(path + "/masked-copies?format=pdf&lang=fi", json::object{{"application_id", app}});
  ASSERT_EQ(printed.status, 200) << printed.body;
  EXPECT_EQ(printed.body.rfind("%PDF-", 0), 0u);
  EXPECT_EQ(printed.headers.find("831"), std::string::npos) << printed.headers;  // no name in the file name
  if (HasPdfToText()) {
    const std::string text = PdfText(printed.body);
    EXPECT_NE(text.find("Jäljennös hakemuksesta"), std::string::npos) << text;
    EXPECT_NE(text.find("Firstname831 Lastname831"), std::string::npos) << text;
    for (const char* secret : {"131052-308T", "diabetes", "kaksi lasta", "040 123 4567", "mail831@canary.test"}) {
      EXPECT_EQ(text.find(secret), std::string::npos) << secret << " in " << text;
    }
    EXPECT_GE(RenderedPages(printed.body), 1);
  }
  EXPECT_EQ(registry.PostJson(path + "/masked-copies?format=pdf&lang=de", json::object{{"application_id", app}}).status,
            422);

  // The disclosure log, and the owner sees the request and the registry's reads.
  auto file = registry.Get(path);
  ASSERT_EQ(file.status, 200) << file.body;
  auto log = file.Json().at("disclosures").as_array();
  ASSERT_EQ(log.size(), 4u);
  EXPECT_EQ(log[0].at("kind").as_string(), "applicant_list");
  EXPECT_EQ(log[1].at("kind").as_string(), "applicant_list");  // again, with the name the wish did not protect
  EXPECT_EQ(log[2].at("kind").as_string(), "masked_copy");
  EXPECT_EQ(log[2].at("application_id").as_string(), app);
  EXPECT_EQ(log[3].at("kind").as_string(), "masked_copy");
  auto owners = hr_->Get("/api/v1/records-requests");
  ASSERT_EQ(owners.status, 200);
  EXPECT_EQ(owners.Json().at("records_requests").as_array().size(), 1u);
  auto reads = hr_->Get(base_ + "/identity-reads").Json();
  int registry_reads = 0;
  for (const auto& r : reads.at("identity_reads").as_array()) {
    if (r.at("actor_role").as_string() == "registry") {
      ++registry_reads;
      EXPECT_EQ(r.at("reason").as_string(), "records request " + std::to_string(id));
    }
  }
  EXPECT_EQ(registry_reads, 6);  // two for each list, one for each copy (as data and as a PDF)

  // Every step is in the audit log.
  auto audit = LoggedIn("a_auditor").Get("/api/v1/audit?limit=1000").Json();
  std::map<std::string, int> actions;
  for (const auto& e : audit.at("entries").as_array()) ++actions[std::string(e.at("action").as_string())];
  EXPECT_EQ(actions["records.register"], 1);
  EXPECT_EQ(actions["records.decide"], 1);
  EXPECT_EQ(actions["records.disclose"], 4);
  EXPECT_EQ(actions["records.wish_override"], 1);
}

TEST_F(RecordsTest, ARefusalIsPrintedWithRectificationInstructionsAndEndsIdentityReads) {
  Client registry = LoggedIn("a_registry");
  auto created = registry.PostJson("/api/v1/records-requests", NewRequest(false, true));
  ASSERT_EQ(created.status, 201) << created.body;
  const std::int64_t id = created.Json().at("id").as_int64();
  const std::string path = "/api/v1/records-requests/" + std::to_string(id);
  EXPECT_EQ(registry.Get(path + "/decision-document").status, 409);  // not decided yet
  auto refused = registry.PostJson(path + "/decision", json::object{{"decision", "refuse"},
                                                                    {"ground", "JulkL 24 § 1 mom. 32 k."},
                                                                    {"explanation",
                                                                     "Hakemukset sisältävät "
                                                                     "yksityiselämää koskevia tietoja."}});
  ASSERT_EQ(refused.status, 200) << refused.body;
  for (const std::string lang : {"fi", "sv", "en"}) {
    auto doc = registry.Get(path + "/decision-document?lang=" + lang);
    ASSERT_EQ(doc.status, 200) << doc.body;
    std::string text;
    const auto doc_json = doc.Json();
    for (const auto& p : doc_json.at("paragraphs").as_array()) text += std::string(p.as_string()) + "\n";
    EXPECT_NE(text.find("JulkL 24 § 1 mom. 32 k."), std::string::npos) << text;
    EXPECT_NE(text.find("14"), std::string::npos) << text;
    EXPECT_NE(text.find("Paikallislehti Oy"), std::string::npos) << text;
  }
  auto fi = registry.Get(path + "/decision-document?lang=fi").body;
  EXPECT_NE(fi.find("Oikaisuvaatimusohje"), std::string::npos) << fi;
  EXPECT_EQ(registry.Get(path + "/decision-document?lang=de").status, 422);
  // The same decision as a PDF to sign and send: the organisation, the diary number field, the text.
  auto pdf = registry.Get(path + "/decision-document?lang=sv&format=pdf");
  ASSERT_EQ(pdf.status, 200) << pdf.body;
  EXPECT_NE(pdf.headers.find("filename=\"records-decision-" + std::to_string(id) + ".pdf\""), std::string::npos);
  EXPECT_EQ(pdf.body.rfind("%PDF-", 0), 0u);
  if (HasPdfToText()) {
    std::string text = PdfText(pdf.body);
    EXPECT_NE(text.find("City A"), std::string::npos) << text;
    EXPECT_NE(text.find("Dnr ________"), std::string::npos) << text;
    EXPECT_NE(text.find("Paikallislehti Oy"), std::string::npos) << text;
    EXPECT_NE(text.find("Sida 1 / "), std::string::npos) << text;
  }

  // A refused request opens nothing.
  CloseApplicationPeriod(*hr_, rec_);
  auto list = hr_->Get(base_ + "/applications").Json();
  const std::string app(list.at("applications").at(0).at("id").as_string());
  auto read = registry.PostJson(base_ + "/applications/" + app + "/identity", json::object{{"records_request_id", id}});
  EXPECT_EQ(read.status, 403) << read.body;
  EXPECT_EQ(registry.PostJson(path + "/masked-copies", json::object{{"application_id", app}}).status, 409);
}

TEST_F(RecordsTest, OnlyTheRegistryActsAndOthersSeeOnlyWhatIsTheirs) {
  Client registry = LoggedIn("a_registry");
  EXPECT_EQ(hr_->PostJson("/api/v1/records-requests", NewRequest(true, false)).status, 403);
  EXPECT_EQ(LoggedIn("a_admin").PostJson("/api/v1/records-requests", NewRequest(true, false)).status, 403);
  auto created = registry.PostJson("/api/v1/records-requests", NewRequest(true, false));
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string path = "/api/v1/records-requests/" + std::to_string(created.Json().at("id").as_int64());
  EXPECT_EQ(hr_->PostJson(path + "/decision", json::object{{"decision", "disclose"}}).status, 403);
  EXPECT_EQ(LoggedIn("a_reviewer").Get("/api/v1/records-requests").status, 403);
  EXPECT_EQ(LoggedIn("a_reviewer").Get(path).status, 404);
  EXPECT_EQ(LoggedIn("a_admin").Get(path).status, 404);
  EXPECT_EQ(LoggedIn("a_auditor").Get(path).status, 200);
  // Another organisation's registry neither sees it nor files one for this recruitment.
  Client other = LoggedIn("b_registry");
  EXPECT_EQ(other.Get(path).status, 404);
  EXPECT_EQ(other.Get("/api/v1/records-requests").Json().at("records_requests").as_array().size(), 0u);
  EXPECT_EQ(other.PostJson("/api/v1/records-requests", NewRequest(true, false)).status, 404);
  // Bad input is named.
  auto bad = NewRequest(false, false);
  bad["received_on"] = "2.6.2025";
  auto res = registry.PostJson("/api/v1/records-requests", bad);
  EXPECT_EQ(res.status, 422);
  EXPECT_EQ(res.Json().at("field").as_string(), "received_on");
}

}  // namespace
}  // namespace reilu::testing

namespace reilu::testing {
namespace {

// Issue 12 (retention) through the API: the admin's schedule and dry run, the owner's legal hold.
TEST_F(ApiTest, RetentionScheduleDryRunAndLegalHolds) {
  Client admin = LoggedIn("a_admin");
  auto initial = admin.Get("/api/v1/admin/retention");
  ASSERT_EQ(initial.status, 200) << initial.body;
  EXPECT_EQ(initial.Json().at("policy").at("others_years").as_int64(), 2);
  EXPECT_EQ(initial.Json().at("policy").at("selected_years").as_int64(), 0);
  EXPECT_TRUE(initial.Json().at("due").as_array().empty());
  auto bad = admin.Call("PUT", "/api/v1/admin/retention", R"({"others_years":0,"selected_years":0})",
                        {{"Content-Type", "application/json"}});
  EXPECT_EQ(bad.status, 422);
  auto set = admin.Call("PUT", "/api/v1/admin/retention", R"({"others_years":3,"selected_years":50})",
                        {{"Content-Type", "application/json"}});
  ASSERT_EQ(set.status, 200) << set.body;
  EXPECT_EQ(admin.Get("/api/v1/admin/retention").Json().at("policy").at("others_years").as_int64(), 3);
  // Each document type has its period; those not given keep theirs; the fixed rows are listed.
  auto typed = admin.Call("PUT", "/api/v1/admin/retention",
                          R"({"others_years":3,"selected_years":50,"interview_notes_years":1})",
                          {{"Content-Type", "application/json"}});
  ASSERT_EQ(typed.status, 200) << typed.body;
  const json::value schedule = admin.Get("/api/v1/admin/retention").Json();
  EXPECT_EQ(schedule.at("policy").at("interview_notes_years").as_int64(), 1);
  EXPECT_EQ(schedule.at("policy").at("records_requests_years").as_int64(), 2);
  std::map<std::string, std::pair<std::int64_t, bool>> rows;
  for (const auto& row : schedule.at("schedule").as_array()) {
    rows[std::string(row.at("document").as_string())] = {row.at("years").as_int64(), row.at("settable").as_bool()};
  }
  EXPECT_EQ(rows["selected_applications"], std::make_pair(std::int64_t{50}, true));
  EXPECT_EQ(rows["interview_notes"], std::make_pair(std::int64_t{1}, true));
  EXPECT_EQ(rows["decision"], std::make_pair(std::int64_t{0}, false));
  EXPECT_EQ(rows["audit_log"], std::make_pair(std::int64_t{0}, false));
  auto bad_notes = admin.Call("PUT", "/api/v1/admin/retention",
                              R"({"others_years":3,"selected_years":50,"interview_notes_years":0})",
                              {{"Content-Type", "application/json"}});
  EXPECT_EQ(bad_notes.status, 422);
  EXPECT_EQ(bad_notes.Json().at("field").as_string(), "interview_notes_years");
  Client hr = LoggedIn("a_hr");
  EXPECT_EQ(hr.Get("/api/v1/admin/retention").status, 403);
  EXPECT_EQ(LoggedIn("a_auditor").Get("/api/v1/admin/retention").status, 200);

  std::int64_t rec = PublishedRecruitment(hr);
  const std::string hold = "/api/v1/recruitments/" + std::to_string(rec) + "/legal-hold";
  EXPECT_EQ(hr.PostJson(hold, json::object{{"reason", "x"}}).status, 422);
  EXPECT_EQ(LoggedIn("a_reviewer").PostJson(hold, json::object{{"reason", "Oikaisuvaatimus vireillä"}}).status, 403);
  EXPECT_EQ(LoggedIn("b_admin").PostJson(hold, json::object{{"reason", "Oikaisuvaatimus vireillä"}}).status, 404);
  EXPECT_FALSE(hr.Get(hold).Json().at("legal_hold").as_bool());
  ASSERT_EQ(hr.PostJson(hold, json::object{{"reason", "Oikaisuvaatimus vireillä"}}).status, 201);
  EXPECT_TRUE(hr.Get(hold).Json().at("legal_hold").as_bool());
  EXPECT_EQ(LoggedIn("a_reviewer").Get(hold).status, 403);
  auto holds = admin.Get("/api/v1/admin/retention").Json();
  ASSERT_EQ(holds.at("legal_holds").as_array().size(), 1u);
  EXPECT_EQ(holds.at("legal_holds").at(0).at("recruitment_id").as_int64(), rec);
  EXPECT_EQ(admin.Call("DELETE", hold, "", {}).status, 200);
  EXPECT_EQ(admin.Call("DELETE", hold, "", {}).status, 404);
  EXPECT_TRUE(admin.Get("/api/v1/admin/retention").Json().at("legal_holds").as_array().empty());
}

}  // namespace
}  // namespace reilu::testing

namespace reilu::testing {
namespace {

// Issue 12 (data protection): birth date, gender, nationality and mother tongue are asked only when
// the admin turned the field on with a legal basis; the form (job ad) says which, and a value for
// another is refused.
TEST_F(ApiTest, TheFormAsksOnlyTheIdentityFieldsTurnedOnWithALegalBasis) {
  Client admin = LoggedIn("a_admin");
  auto put = [&](const std::string& body) {
    return admin.Call("PUT", "/api/v1/admin/form-fields", body, {{"Content-Type", "application/json"}});
  };
  EXPECT_EQ(put(R"({"fields":[{"field":"religion","legal_basis":"Never asked by anyone"}]})").status, 422);
  EXPECT_EQ(put(R"({"fields":[{"field":"gender","legal_basis":"x"}]})").status, 422);
  auto set = put(R"({"fields":[{"field":"mother_tongue","legal_basis":"Kielilaki: palvelu omalla kielellä"}]})");
  ASSERT_EQ(set.status, 200) << set.body;
  EXPECT_EQ(LoggedIn("a_hr")
                .Call("PUT", "/api/v1/admin/form-fields", R"({"fields":[]})", {{"Content-Type", "application/json"}})
                .status,
            403);

  Client hr = LoggedIn("a_hr");
  std::int64_t rec = PublishedRecruitment(hr);
  const std::string job = "/api/v1/jobs/" + std::to_string(rec);
  auto ad = Client(Port()).Get(job).Json();
  ASSERT_EQ(ad.at("identity_fields").as_array().size(), 1u);
  EXPECT_EQ(ad.at("identity_fields").at(0).at("field").as_string(), "mother_tongue");
  EXPECT_EQ(ad.at("identity_fields").at(0).at("legal_basis").as_string(), "Kielilaki: palvelu omalla kielellä");

  auto body = Application("841");
  auto refused = Client(Port()).PostJson(job + "/applications", body);
  EXPECT_EQ(refused.status, 422) << refused.body;
  EXPECT_EQ(refused.Json().at("field").as_string(), "identity.birth_date");
  auto& identity = body.at("identity").as_object();
  for (const char* field : {"birth_date", "gender", "nationality"}) identity[field] = "";
  auto accepted = Client(Port()).PostJson(job + "/applications", body);
  EXPECT_EQ(accepted.status, 201) << accepted.body;

  // Audited, and another organisation's form is its own.
  auto audit = LoggedIn("a_auditor").Get("/api/v1/audit?limit=1000").Json();
  int changes = 0;
  for (const auto& e : audit.at("entries").as_array()) changes += e.at("action").as_string() == "form.collected_fields";
  EXPECT_GE(changes, 1);
  // The four identity fields and the equality statistics.
  EXPECT_EQ(LoggedIn("b_admin").Get("/api/v1/admin/form-fields").Json().at("fields").as_array().size(), 5u);
}

}  // namespace
}  // namespace reilu::testing

namespace reilu::testing {
namespace {

// Issue 12 (data protection): the applicant downloads everything held about them, with who has
// read their identity (roles, not names); the wrong secret gets nothing.
TEST_F(ApiTest, TheApplicantExportsTheirOwnDataWithWhoReadIt) {
  Client hr = LoggedIn("a_hr");
  std::int64_t rec = PublishedRecruitment(hr);
  auto applied = Client(Port()).PostJson("/api/v1/jobs/" + std::to_string(rec) + "/applications", Application("851"));
  ASSERT_EQ(applied.status, 201) << applied.body;
  const std::string reference(applied.Json().at("reference").as_string());
  const std::string token(applied.Json().at("status_token").as_string());
  CloseApplicationPeriod(hr, rec);
  const std::string base = "/api/v1/recruitments/" + std::to_string(rec);
  const auto listed = hr.Get(base + "/applications").Json();
  const std::string app(listed.at("applications").at(0).at("id").as_string());
  ASSERT_EQ(hr.PostJson(base + "/applications/" + app + "/identity",
                        json::object{{"reason", "Checking formal qualifications"}})
                .status,
            200);

  auto wrong = Client(Port()).PostJson("/api/v1/applicant/export",
                                       json::object{{"reference", reference}, {"token", token + "x"}});
  EXPECT_EQ(wrong.status, 404);
  auto res =
      Client(Port()).PostJson("/api/v1/applicant/export", json::object{{"reference", reference}, {"token", token}});
  ASSERT_EQ(res.status, 200) << res.body;
  EXPECT_NE(res.headers.find("attachment"), std::string::npos);
  const auto data = res.Json();
  EXPECT_EQ(data.at("identity").at("first_name").as_string(), "Firstname851");
  EXPECT_EQ(data.at("identity").at("email").as_string(), "mail851@canary.test");
  EXPECT_NE(std::string(data.at("free_text").at("cover_letter").as_string()).find("Lastname851"), std::string::npos);
  bool owner_read = false;
  for (const auto& r : data.at("identity_reads").as_array()) {
    if (r.at("role").as_string() == "hr") {
      owner_read = true;
      EXPECT_EQ(r.at("basis").as_string(), "owner_with_reason");
    }
  }
  EXPECT_TRUE(owner_read) << res.body;
  EXPECT_EQ(res.body.find("a_hr"), std::string::npos);  // roles, not staff names
  // The same as a PDF to keep (in the language asked).
  auto pdf = Client(Port()).PostJson(
      "/api/v1/applicant/export",
      json::object{{"reference", reference}, {"token", token}, {"format", "pdf"}, {"lang", "sv"}});
  ASSERT_EQ(pdf.status, 200) << pdf.body;
  EXPECT_EQ(pdf.body.rfind("%PDF-", 0), 0u);
  if (HasPdfToText()) {
    const std::string text = PdfText(pdf.body);
    for (const char* part : {"Dina uppgifter", "Firstname851 Lastname851", "mail851@canary.test",
                             "Vem har sett dina personuppgifter", "owner_with_reason"}) {
      EXPECT_NE(text.find(part), std::string::npos) << part << "\n" << text;
    }
    EXPECT_GE(RenderedPages(pdf.body), 1);
  }
  EXPECT_EQ(Client(Port())
                .PostJson("/api/v1/applicant/export",
                          json::object{{"reference", reference}, {"token", token}, {"format", "xml"}})
                .status,
            422);
  // The export's own read is audited.
  auto audit = LoggedIn("a_auditor").Get("/api/v1/audit?limit=1000").Json();
  int self_reads = 0;
  for (const auto& e : audit.at("entries").as_array()) {
    if (e.at("action").as_string() == "identity.read" && e.at("detail").at("basis").as_string() == "applicant_self") {
      ++self_reads;
    }
  }
  EXPECT_EQ(self_reads, 2);  // the JSON and the PDF (a refused format reads nothing)
}

}  // namespace
}  // namespace reilu::testing

namespace reilu::testing {
namespace {

// Issue 12 (data protection): the privacy notice at the form says what this organisation actually
// does: its own controller text, the fields it asks with their basis, its retention schedule.
TEST_F(ApiTest, ThePrivacyNoticeSaysWhatTheOrganisationDoes) {
  Client admin = LoggedIn("a_admin");
  ASSERT_EQ(
      admin
          .Call(
              "PUT", "/api/v1/admin/privacy-notice",
              R"({"texts":{"fi":"Rekisterinpitäjä: Kaupunki A, tietosuojavastaava@a.test","en":"Controller: City A"}})",
              {{"Content-Type", "application/json"}})
          .status,
      200);
  EXPECT_EQ(admin
                .Call("PUT", "/api/v1/admin/privacy-notice", R"({"texts":{"de":"x"}})",
                      {{"Content-Type", "application/json"}})
                .status,
            422);
  ASSERT_EQ(admin
                .Call("PUT", "/api/v1/admin/form-fields",
                      R"({"fields":[{"field":"mother_tongue","legal_basis":"Kielilaki: palvelu omalla kielellä"}]})",
                      {{"Content-Type", "application/json"}})
                .status,
            200);
  ASSERT_EQ(admin
                .Call("PUT", "/api/v1/admin/retention", R"({"others_years":3,"selected_years":0})",
                      {{"Content-Type", "application/json"}})
                .status,
            200);
  Client hr = LoggedIn("a_hr");
  std::int64_t rec = PublishedRecruitment(hr);
  const auto ad = Client(Port()).Get("/api/v1/jobs/" + std::to_string(rec)).Json();
  const std::int64_t org = ad.at("organisation_id").as_int64();
  auto fi = Client(Port()).Get("/api/v1/organisations/" + std::to_string(org) + "/privacy-notice?lang=fi");
  ASSERT_EQ(fi.status, 200) << fi.body;
  EXPECT_NE(fi.body.find("tietosuojavastaava@a.test"), std::string::npos);
  EXPECT_NE(fi.body.find("Kielilaki: palvelu omalla kielellä"), std::string::npos);
  EXPECT_NE(fi.body.find("3 vuoden"), std::string::npos) << fi.body;
  EXPECT_NE(fi.body.find("Haastattelumuistiinpanot hävitetään 2 vuoden"), std::string::npos) << fi.body;
  EXPECT_NE(fi.body.find("julkisia asiakirjoja"), std::string::npos);
  auto sv = Client(Port()).Get("/api/v1/organisations/" + std::to_string(org) + "/privacy-notice?lang=sv");
  ASSERT_EQ(sv.status, 200);
  EXPECT_NE(sv.body.find("Dataskyddsbeskrivning"), std::string::npos);
  EXPECT_EQ(Client(Port()).Get("/api/v1/organisations/999999/privacy-notice").status, 404);
  EXPECT_EQ(
      hr.Call("PUT", "/api/v1/admin/privacy-notice", R"({"texts":{}})", {{"Content-Type", "application/json"}}).status,
      403);
}

}  // namespace
}  // namespace reilu::testing

namespace reilu::testing {
namespace {

// Issue 14: publishing needs a reviewer and every advertised language complete; the owner sees
// every problem at once before confirming.
TEST_F(ApiTest, PublishingNeedsReviewersAndEveryLanguageAndTheCheckListsAllProblems) {
  Client hr = LoggedIn("a_hr");
  auto body = RecruitmentBody({});
  body["description"] = {{"fi", "Kuvaus"}};
  body["criteria"] = json::array{{{"id", "exp"}, {"title", {{"fi", "Kokemus"}}}, {"weight", 2}}};
  auto created = hr.PostJson("/api/v1/recruitments", body);
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string base = "/api/v1/recruitments/" + std::to_string(created.Json().at("id").as_int64());
  auto check = hr.Get(base + "/publish-check");
  ASSERT_EQ(check.status, 200) << check.body;
  const auto json = check.Json();
  EXPECT_FALSE(json.at("publishable").as_bool());
  std::set<std::string> fields;
  for (const auto& p : json.at("problems").as_array()) fields.insert(std::string(p.at("field").as_string()));
  EXPECT_TRUE(fields.count("reviewer_ids")) << check.body;
  EXPECT_TRUE(fields.count("description.en")) << check.body;
  EXPECT_TRUE(fields.count("criteria.exp.title.en")) << check.body;
  EXPECT_FALSE(fields.count("questions.why.text.en")) << check.body;  // the question is there in both
  auto refused = hr.PostJson(base + "/publish", json::object{});
  EXPECT_EQ(refused.status, 422);
  EXPECT_EQ(LoggedIn("a_reviewer").Get(base + "/publish-check").status, 403);

  json::array reviewers{a_.users["reviewer"]};
  auto fixed =
      hr.Call("PATCH", base,
              json::serialize(json::object{
                  {"reviewer_ids", reviewers},
                  {"description", {{"fi", "Kuvaus"}, {"en", "Description"}}},
                  {"criteria",
                   json::array{{{"id", "exp"}, {"title", {{"fi", "Kokemus"}, {"en", "Experience"}}}, {"weight", 2}}}}}),
              {{"Content-Type", "application/json"}});
  ASSERT_EQ(fixed.status, 200) << fixed.body;
  EXPECT_TRUE(hr.Get(base + "/publish-check").Json().at("publishable").as_bool());
  EXPECT_EQ(hr.PostJson(base + "/publish", json::object{}).status, 200);
}

// GDPR art. 16: the applicant asks from the status link; only the owner reads the words (audited,
// the log never holds them) and answers; the applicant sees the answer on the status page and in
// the export.
TEST_F(ApiTest, TheApplicantAsksForRectificationAndTheOwnerAnswers) {
  Client hr = LoggedIn("a_hr");
  std::int64_t rec = PublishedRecruitment(hr);
  auto applied = Client(Port()).PostJson("/api/v1/jobs/" + std::to_string(rec) + "/applications", Application("852"));
  ASSERT_EQ(applied.status, 201) << applied.body;
  const std::string reference(applied.Json().at("reference").as_string());
  const std::string token(applied.Json().at("status_token").as_string());
  auto ask = [&](const std::string& what, const std::string& secret) {
    return Client(Port()).PostJson("/api/v1/applicant/rectification",
                                   json::object{{"reference", reference}, {"token", secret}, {"what", what}});
  };
  const std::string words = "Sukunimeni kirjoitetaan Lastname852-Canary, ei Lastname852.";
  EXPECT_EQ(ask(words, token + "x").status, 404);
  auto short_one = ask("väärin", token);
  EXPECT_EQ(short_one.status, 422);
  EXPECT_EQ(short_one.Json().at("field").as_string(), "what");
  auto asked = ask(words, token);
  ASSERT_EQ(asked.status, 201) << asked.body;
  const std::int64_t id = asked.Json().at("id").as_int64();
  EXPECT_EQ(asked.Json().at("state").as_string(), "open");
  EXPECT_TRUE(asked.Json().at("answer_due").is_string());

  auto status = [&] {
    return Client(Port())
        .PostJson("/api/v1/applicant/status", json::object{{"reference", reference}, {"token", token}})
        .Json();
  };
  ASSERT_EQ(status().at("rectifications").as_array().size(), 1u);
  EXPECT_EQ(status().at("rectifications").at(0).at("what").as_string(), words);

  const std::string base = "/api/v1/recruitments/" + std::to_string(rec) + "/rectification-requests";
  // Reviewers and other organisations never see them; only the owner answers.
  EXPECT_EQ(LoggedIn("a_reviewer").Get(base).status, 403);
  EXPECT_EQ(LoggedIn("b_hr").Get(base).status, 404);
  // Without ?words=1 the desk learns that one waits, not what it says (and nothing is logged).
  auto states = hr.Get(base);
  ASSERT_EQ(states.status, 200) << states.body;
  EXPECT_EQ(states.body.find("Canary"), std::string::npos);
  EXPECT_EQ(states.Json().at("requests").at(0).at("state").as_string(), "open");
  auto listed = hr.Get(base + "?words=1");
  ASSERT_EQ(listed.status, 200) << listed.body;
  const json::value requests = listed.Json();
  ASSERT_EQ(requests.at("requests").as_array().size(), 1u);
  EXPECT_EQ(requests.at("requests").at(0).at("what").as_string(), words);
  EXPECT_FALSE(requests.at("requests").at(0).at("pseudonym").as_string().empty());

  const std::string answer_path = base + "/" + std::to_string(id) + "/answer";
  EXPECT_EQ(hr.PostJson(answer_path, json::object{{"state", "open"}, {"answer", "Ei vielä."}}).status, 422);
  auto unreasoned = hr.PostJson(answer_path, json::object{{"state", "refused"}, {"answer", "-"}});
  EXPECT_EQ(unreasoned.status, 422);
  EXPECT_EQ(unreasoned.Json().at("code").as_string(), "reason_required");
  EXPECT_EQ(LoggedIn("a_reviewer")
                .PostJson(answer_path, json::object{{"state", "corrected"}, {"answer", "Korjattu nimi."}})
                .status,
            403);
  auto answered =
      hr.PostJson(answer_path, json::object{{"state", "corrected"}, {"answer", "Sukunimi korjattu yhteystietoihin."}});
  ASSERT_EQ(answered.status, 200) << answered.body;
  EXPECT_EQ(hr.PostJson(answer_path, json::object{{"state", "refused"}, {"answer", "Toinen vastaus ei käy."}}).status,
            409);
  const json::value after = status();
  EXPECT_EQ(after.at("rectifications").at(0).at("state").as_string(), "corrected");
  EXPECT_EQ(after.at("rectifications").at(0).at("answer").as_string(), "Sukunimi korjattu yhteystietoihin.");
  auto exported =
      Client(Port()).PostJson("/api/v1/applicant/export", json::object{{"reference", reference}, {"token", token}});
  ASSERT_EQ(exported.status, 200);
  EXPECT_EQ(exported.Json().at("rectifications").as_array().size(), 1u);

  // The log says who did what, never the words.
  auto audit = LoggedIn("a_auditor").Get("/api/v1/audit?limit=1000");
  std::map<std::string, int> seen;
  const json::value entries = audit.Json();
  for (const auto& e : entries.at("entries").as_array()) seen[std::string(e.at("action").as_string())]++;
  EXPECT_EQ(seen["rectification.request"], 1);
  EXPECT_EQ(seen["rectification.answer"], 1);
  EXPECT_EQ(seen["rectification.read"], 1);
  EXPECT_EQ(audit.body.find("Canary"), std::string::npos);
  EXPECT_EQ(audit.body.find("yhteystietoihin"), std::string::npos);
}

}  // namespace
}  // namespace reilu::testing

namespace reilu::testing {
namespace {

// Issue 14: a readable audit log. The auditor's entries name the actor and role; the log narrows to
// a recruitment and a kind of action; the owning HR specialist reads their own recruitment's log
// and nothing wider; reviewers read none.
TEST_F(ApiTest, TheAuditLogNamesActorsNarrowsAndShowsTheOwnerTheirRecruitment) {
  Client hr = LoggedIn("a_hr");
  const std::int64_t rec = PublishedRecruitment(hr);
  const std::int64_t other = PublishedRecruitment(hr);
  CloseApplicationPeriod(hr, rec);
  Client auditor = LoggedIn("a_auditor");
  const std::string base = "/api/v1/audit?limit=1000";
  const json::value all = auditor.Get(base).Json();
  bool named = false;
  for (const auto& e : all.at("entries").as_array()) {
    if (e.at("action").as_string() == "recruitment.close") {
      named = e.at("actor_role").as_string() == "hr" && !e.at("actor_name").as_string().empty();
    }
  }
  EXPECT_TRUE(named) << all;
  const json::value mine = auditor.Get(base + "&recruitment_id=" + std::to_string(rec)).Json();
  ASSERT_FALSE(mine.at("entries").as_array().empty());
  for (const auto& e : mine.at("entries").as_array()) EXPECT_EQ(e.at("recruitment_id").as_int64(), rec);
  const json::value publishes = auditor.Get(base + "&action=recruitment.pub").Json();
  ASSERT_EQ(publishes.at("entries").as_array().size(), 2u);
  for (const auto& e : publishes.at("entries").as_array()) EXPECT_EQ(e.at("action").as_string(), "recruitment.publish");
  // The owner reads their recruitment's log; not the organisation's, not another owner's.
  auto owners = hr.Get(base + "&recruitment_id=" + std::to_string(rec));
  ASSERT_EQ(owners.status, 200) << owners.body;
  EXPECT_EQ(owners.Json().at("entries").as_array().size(), mine.at("entries").as_array().size());
  EXPECT_EQ(hr.Get(base).status, 403);
  EXPECT_EQ(hr.Get(base + "&recruitment_id=" + std::to_string(other)).status, 200);
  EXPECT_EQ(LoggedIn("b_hr").Get(base + "&recruitment_id=" + std::to_string(rec)).status, 404);
  EXPECT_EQ(LoggedIn("a_reviewer").Get(base + "&recruitment_id=" + std::to_string(rec)).status, 403);
  EXPECT_EQ(auditor.Get("/api/v1/audit?recruitment_id=x").status, 422);
  // Numbers are read whole and within range, and the error names the parameter: no silent
  // clamping of a limit, no "12abc" read as 12.
  for (auto [query, field] :
       {std::pair{"limit=0", "limit"}, std::pair{"limit=1001", "limit"}, std::pair{"limit=12abc", "limit"},
        std::pair{"after=-1", "after"}, std::pair{"after=99999999999999999999", "after"},
        std::pair{"recruitment_id=-5", "recruitment_id"}}) {
    auto bad = auditor.Get(std::string("/api/v1/audit?") + query);
    EXPECT_EQ(bad.status, 422) << query;
    EXPECT_EQ(bad.Json().at("field").as_string(), field) << query;
  }
  EXPECT_EQ(auditor.Get("/api/v1/audit?limit=1000&after=0&recruitment_id=0").status, 200);
  // Newest first, page by page: the same entries as oldest first, in the other order.
  std::vector<std::int64_t> oldest, newest;
  const json::value everything = auditor.Get(base).Json();
  for (const auto& e : everything.at("entries").as_array()) oldest.push_back(e.at("seq").as_int64());
  std::string after;
  for (int pages = 0; pages < 1000; ++pages) {
    const json::value page =
        auditor.Get("/api/v1/audit?order=newest&limit=3" + (after.empty() ? "" : "&after=" + after)).Json();
    for (const auto& e : page.at("entries").as_array()) newest.push_back(e.at("seq").as_int64());
    if (page.at("next").is_null()) break;
    after = std::to_string(page.at("next").as_int64());
  }
  std::reverse(newest.begin(), newest.end());
  EXPECT_EQ(newest, oldest);
  EXPECT_EQ(auditor.Get("/api/v1/audit?order=sideways").status, 422);
}

}  // namespace
}  // namespace reilu::testing

namespace reilu::testing {
namespace {

// Issue 14: the admin changes and turns off accounts. Turning one off ends its sessions at once; an
// admin cannot turn themselves off; a role changed to one that reaches identity is shown to the
// auditor like a new account with it.
TEST_F(ApiTest, AnAdminChangesAndTurnsOffAccounts) {
  Client admin = LoggedIn("a_admin");
  Client reviewer = LoggedIn("a_reviewer");
  ASSERT_EQ(reviewer.Get("/api/v1/session").status, 200);
  const std::string path = "/api/v1/users/" + std::to_string(a_.users["reviewer"]);
  auto put = [&](Client& c, const std::string& where, const std::string& body) {
    return c.Call("PUT", where, body, {{"Content-Type", "application/json"}});
  };
  EXPECT_EQ(put(reviewer, path, R"({"display_name":"Me","role":"admin","active":true})").status, 403);
  EXPECT_EQ(put(admin, path, R"({"display_name":" ","role":"reviewer","active":true})").status, 422);
  EXPECT_EQ(put(admin, path, R"({"display_name":"R","email":"not-an-address","role":"reviewer","active":true})").status,
            422);
  auto renamed =
      put(admin, path, R"({"display_name":"Riikka Arvioija","email":"riikka@a.test","role":"reviewer","active":true})");
  ASSERT_EQ(renamed.status, 200) << renamed.body;
  EXPECT_EQ(renamed.Json().at("display_name").as_string(), "Riikka Arvioija");
  EXPECT_EQ(reviewer.Get("/api/v1/session").status, 200);
  auto off = put(admin, path,
                 R"({"display_name":"Riikka Arvioija","email":"riikka@a.test","role":"reviewer","active":false})");
  ASSERT_EQ(off.status, 200) << off.body;
  EXPECT_EQ(reviewer.Get("/api/v1/session").status, 401);  // the session ended with the account
  EXPECT_EQ(Client(Port())
                .PostJson("/api/v1/session", json::object{{"username", "a_reviewer"}, {"password", kTestPassword}})
                .status,
            401);
  // Not one's own role or activity; not another organisation's account.
  const std::string self = "/api/v1/users/" + std::to_string(a_.users["admin"]);
  EXPECT_EQ(put(admin, self, R"({"display_name":"Admin","role":"admin","active":false})").status, 409);
  Client other_admin = LoggedIn("b_admin");
  EXPECT_EQ(put(other_admin, path, R"({"display_name":"X","role":"reviewer","active":true})").status, 404);
  // A role that reaches identity, given by a change: in the auditor's compliance report.
  const std::string registry_path = "/api/v1/users/" + std::to_string(a_.users["reviewer2"]);
  ASSERT_EQ(put(admin, registry_path, R"({"display_name":"Reviewer Two","role":"registry","active":true})").status,
            200);
  auto report = LoggedIn("a_auditor").Get("/api/v1/reports/compliance");
  ASSERT_EQ(report.status, 200) << report.body;
  bool granted = false;
  const json::value r = report.Json();
  for (const auto& g : r.at("identity_role_grants").as_array()) {
    if (g.at("user_id").as_int64() == a_.users["reviewer2"] && g.at("role").as_string() == "registry") granted = true;
  }
  EXPECT_TRUE(granted) << report.body;
  auto audit = LoggedIn("a_auditor").Get("/api/v1/audit?limit=1000&action=user.update");
  EXPECT_EQ(audit.Json().at("entries").as_array().size(), 3u);
}

}  // namespace
}  // namespace reilu::testing

namespace reilu::testing {
namespace {

// Issue 14: the way back without the link. The links of every application sent from an address
// go to that address, and only there; the answer is the same for an address that sent none; a
// few asks per address.
TEST_F(ApiTest, StatusLinksGoByEmailToTheAddressThatApplied) {
  Client hr = LoggedIn("a_hr");
  const std::int64_t first = PublishedRecruitment(hr);
  const std::int64_t second = PublishedRecruitment(hr);
  std::vector<std::string> references;
  for (const std::int64_t rec : {first, second}) {
    auto applied = Client(Port()).PostJson("/api/v1/jobs/" + std::to_string(rec) + "/applications", Application("871"));
    ASSERT_EQ(applied.status, 201) << applied.body;
    references.emplace_back(applied.Json().at("reference").as_string());
  }
  auto ask = [&](const std::string& email) {
    return Client(Port()).PostJson("/api/v1/applicant/links", json::object{{"email", email}, {"lang", "en"}});
  };
  EXPECT_EQ(ask("not an address").status, 422);
  auto asked = ask("MAIL871@canary.test ");
  ASSERT_EQ(asked.status, 202) << asked.body;
  auto nobody = ask("nobody@canary.test");
  EXPECT_EQ(nobody.status, 202);
  EXPECT_EQ(nobody.body, asked.body);  // nothing tells whether anyone applied
  // The message reaches the outbox: both links, to that address.
  std::string found;
  for (int i = 0; i < 100 && found.empty(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    if (!std::filesystem::exists(dir_.path() / "outbox")) continue;
    for (const auto& e : std::filesystem::directory_iterator(dir_.path() / "outbox")) {
      std::ifstream in(e.path());
      std::string raw((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      if (raw.find("To: <MAIL871@canary.test>") == std::string::npos) continue;
      const auto body_at = raw.find("\r\n\r\n", raw.find("Content-Transfer-Encoding: base64"));
      auto body = reilu::codec::DecodeBase64(raw.substr(body_at + 4));
      if (body && body->find("asked for the links") != std::string::npos) found = *body;
    }
  }
  ASSERT_FALSE(found.empty());
  for (const auto& reference : references) {
    EXPECT_NE(found.find("ref=" + reference + "&token="), std::string::npos) << found;
  }
  // A few asks per address in a quarter of an hour.
  EXPECT_EQ(ask("mail871@canary.test").status, 202);
  EXPECT_EQ(ask("mail871@canary.test").status, 202);
  EXPECT_EQ(ask("mail871@canary.test").status, 429);
}

}  // namespace
}  // namespace reilu::testing

namespace reilu::testing {
namespace {

// Issue 14: the list of recruitments says where each stands and how many applied; a reviewer learns
// the count only once the application period is over.
TEST_F(ApiTest, TheRecruitmentListShowsStageAndCounts) {
  Client hr = LoggedIn("a_hr");
  const std::int64_t rec = PublishedRecruitment(hr);
  for (const char* tag : {"881", "882"}) {
    ASSERT_EQ(Client(Port()).PostJson("/api/v1/jobs/" + std::to_string(rec) + "/applications", Application(tag)).status,
              201);
  }
  auto find = [&](Client& c) {
    const json::value all = c.Get("/api/v1/recruitments").Json();
    for (const auto& r : all.at("recruitments").as_array()) {
      if (r.at("id").as_int64() == rec) return json::value(r);
    }
    return json::value(nullptr);
  };
  json::value owners = find(hr);
  ASSERT_TRUE(owners.is_object());
  EXPECT_EQ(owners.at("stage").as_string(), "collecting");
  EXPECT_EQ(owners.at("applications").as_int64(), 2);
  Client reviewer = LoggedIn("a_reviewer");
  json::value reviewers = find(reviewer);
  ASSERT_TRUE(reviewers.is_object());
  EXPECT_FALSE(reviewers.as_object().contains("applications"));
  CloseApplicationPeriod(hr, rec);
  reviewers = find(reviewer);
  EXPECT_EQ(reviewers.at("stage").as_string(), "screening");
  EXPECT_EQ(reviewers.at("applications").as_int64(), 2);
}

}  // namespace
}  // namespace reilu::testing
