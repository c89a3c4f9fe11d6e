// The anonymity boundary end to end: a real server, real HTTP, every endpoint a reviewer can call.
#include <set>

#include "api_fixture.h"

namespace reilu::testing {
namespace {

class BoundaryTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    if (IsSkipped()) return;
    hr_ = std::make_unique<Client>(LoggedIn("a_hr"));
    rec_ = PublishedRecruitment(*hr_, 3600, /*attachments=*/true);
    Client public_client(server_->port());
    for (const std::string tag : {"101", "102", "103"}) {
      // Each with a CV that holds every identity value: the crawl covers the attachment routes.
      json::object app = Application(tag);
      app["attachments"] = json::array{File("Firstname" + tag + "_CV.pdf", CanaryCv(tag))};
      auto res = public_client.PostJson(Path("/api/v1/jobs/{id}/applications"), app);
      ASSERT_EQ(res.status, 201) << res.body;
    }
    auto list = hr_->Get(Path("/api/v1/recruitments/{id}/applications")).Json();
    for (const auto& a : list.at("applications").as_array()) app_ids_.emplace_back(a.at("id").as_string());
    ASSERT_EQ(app_ids_.size(), 3u);
  }

  std::string Path(std::string pattern, const std::string& app = "") const {
    auto replace = [&](const std::string& key, const std::string& value) {
      auto pos = pattern.find(key);
      if (pos != std::string::npos) pattern.replace(pos, key.size(), value);
    };
    replace("{id}", std::to_string(rec_));
    replace("{application_id}", app);
    return pattern;
  }

  std::string EverythingAReviewerCanFetch(Client& reviewer) {
    return ApiTest::EverythingAReviewerCanFetch(reviewer, rec_, app_ids_);
  }

  std::unique_ptr<Client> hr_;
  std::int64_t rec_ = 0;
  std::vector<std::string> app_ids_;
};

// While the ad is open a reviewer learns nothing of the applications: not their pseudonyms, not
// how many there are (polling would show each arrival).
TEST_F(BoundaryTest, ReviewersSeeNothingBeforeTheApplicationPeriodEnds) {
  Client reviewer = LoggedIn("a_reviewer");
  auto list = reviewer.Get(Path("/api/v1/recruitments/{id}/applications"));
  EXPECT_EQ(list.status, 409) << list.body;
  EXPECT_EQ(std::string(list.Json().at("code").as_string()), "screening_not_open");
  EXPECT_EQ(reviewer.Get(Path("/api/v1/recruitments/{id}/applications/{application_id}", app_ids_[0])).status, 409);
  EXPECT_EQ(reviewer.Get(Path("/api/v1/recruitments/{id}/chunk")).status, 409);
  auto rec = reviewer.Get(Path("/api/v1/recruitments/{id}")).Json();
  EXPECT_FALSE(rec.as_object().contains("application_count"));
  auto screening = reviewer.Get(Path("/api/v1/recruitments/{id}/screening")).Json();
  EXPECT_EQ(screening.at("progress").at("total").as_int64(), 0);
  for (const auto& id : app_ids_) {
    for (const auto& res :
         {reviewer.Get(Path("/api/v1/recruitments/{id}")), reviewer.Get(Path("/api/v1/recruitments/{id}/screening"))}) {
      EXPECT_EQ(res.body.find(id), std::string::npos);
    }
  }
  // The owner sees them (to check redactions), and reviewers do once the period is over.
  EXPECT_TRUE(hr_->Get(Path("/api/v1/recruitments/{id}")).Json().as_object().contains("application_count"));
  CloseApplicationPeriod(*hr_, rec_);
  EXPECT_EQ(reviewer.Get(Path("/api/v1/recruitments/{id}/applications")).status, 200);
  EXPECT_EQ(reviewer.Get(Path("/api/v1/recruitments/{id}")).Json().at("application_count").as_int64(), 3);
}

// Merits are typed by the applicant like the free text: reviewers get them only after the owner's
// check, together with the text.
TEST_F(BoundaryTest, MeritsReachReviewersOnlyAfterTheOwnerReleases) {
  CloseApplicationPeriod(*hr_, rec_);
  Client reviewer = LoggedIn("a_reviewer");
  auto before = reviewer.Get(Path("/api/v1/recruitments/{id}/applications"));
  ASSERT_EQ(before.status, 200);
  auto before_json = before.Json();
  for (const auto& a : before_json.at("applications").as_array()) EXPECT_TRUE(a.at("merits").is_null());
  EXPECT_EQ(before.body.find("Finna"), std::string::npos);
  ReleaseAllAsProposed(*hr_, rec_);
  auto after = reviewer.Get(Path("/api/v1/recruitments/{id}/applications"));
  auto after_json = after.Json();
  for (const auto& a : after_json.at("applications").as_array()) EXPECT_TRUE(a.at("merits").is_object());
  EXPECT_NE(after.body.find("Finna"), std::string::npos);
}

TEST_F(BoundaryTest, ReviewerSeesNoIdentityValueBeforeLift) {
  CloseApplicationPeriod(*hr_, rec_);
  Client reviewer = LoggedIn("a_reviewer");
  // Before the owner's check: no text, no merits, no identity.
  std::string seen = EverythingAReviewerCanFetch(reviewer);
  for (const std::string tag : {"101", "102", "103"}) {
    for (const auto& canary : Canaries(tag)) EXPECT_EQ(seen.find(canary), std::string::npos) << canary;
  }
  EXPECT_EQ(seen.find("\"identity\":{"), std::string::npos);
  EXPECT_EQ(seen.find("Rakastan kirjoja"), std::string::npos);  // no raw free text
  // After the release: the redacted text and the merits, still no identity value.
  ReleaseAllAsProposed(*hr_, rec_);
  seen = EverythingAReviewerCanFetch(reviewer);
  ASSERT_NE(seen.find("Finna"), std::string::npos);  // merits did come through: the search is meaningful
  ASSERT_NE(seen.find("Rakastan kirjoja. [NIMI]"), std::string::npos);
  for (const std::string tag : {"101", "102", "103"}) {
    for (const auto& canary : Canaries(tag)) EXPECT_EQ(seen.find(canary), std::string::npos) << canary;
  }
  EXPECT_EQ(seen.find("\"identity\":{"), std::string::npos);
}

TEST_F(BoundaryTest, AfterLiftingOneApplicantOnlyThatOneAppears) {
  // Which pseudonym the owner lifts: the first application id of the owner's own list.
  CloseAndShortlist(*hr_, rec_, {app_ids_.front()});
  auto lifted =
      hr_->PostJson(Path("/api/v1/recruitments/{id}/lift"),
                    json::object{{"reason", "Invited to interview on 3.12."}, {"application_ids", {app_ids_.front()}}});
  ASSERT_EQ(lifted.status, 200) << lifted.body;
  auto detail = hr_->Get(Path("/api/v1/recruitments/{id}/applications/{application_id}", app_ids_.front())).Json();
  std::string first_name(detail.at("identity").at("first_name").as_string());
  std::string tag = first_name.substr(std::string("Firstname").size());

  Client reviewer = LoggedIn("a_reviewer");
  std::string seen = EverythingAReviewerCanFetch(reviewer);
  for (const auto& canary : Canaries(tag)) EXPECT_NE(seen.find(canary), std::string::npos) << canary;
  for (const std::string other : {"101", "102", "103"}) {
    if (other == tag) continue;
    for (const auto& canary : Canaries(other)) EXPECT_EQ(seen.find(canary), std::string::npos) << canary;
  }
}

// A reviewer who declared a conflict of interest stays out of that application after the lift too.
TEST_F(BoundaryTest, ARecusedReviewerDoesNotReadTheIdentityAfterTheLift) {
  CloseApplicationPeriod(*hr_, rec_);
  Client reviewer = LoggedIn("a_reviewer");
  const std::string app = app_ids_[0];
  auto recused = reviewer.PostJson(Path("/api/v1/recruitments/{id}/applications/{application_id}/recusal", app),
                                   json::object{{"confirm", true}, {"reason", "Former colleague of mine"}});
  ASSERT_EQ(recused.status, 200) << recused.body;
  auto shortlisted =
      hr_->PostJson(Path("/api/v1/recruitments/{id}/shortlist"),
                    json::object{{"application_ids", {app}}, {"reason", "Best matches on the criteria"}});
  ASSERT_EQ(shortlisted.status, 200) << shortlisted.body;
  auto lifted = hr_->PostJson(Path("/api/v1/recruitments/{id}/lift"),
                              json::object{{"reason", "Invited to interview on 3.12."}, {"application_ids", {app}}});
  ASSERT_EQ(lifted.status, 200) << lifted.body;

  auto identity = reviewer.PostJson(Path("/api/v1/recruitments/{id}/applications/{application_id}/identity", app),
                                    json::object{{"reason", "I would like to know who this is"}});
  EXPECT_EQ(identity.status, 403) << identity.body;
  EXPECT_EQ(std::string(identity.Json().at("code").as_string()), "recused");
  std::string seen = EverythingAReviewerCanFetch(reviewer);
  auto detail = hr_->Get(Path("/api/v1/recruitments/{id}/applications/{application_id}", app)).Json();
  std::string tag = std::string(detail.at("identity").at("first_name").as_string()).substr(9);
  for (const auto& canary : Canaries(tag)) EXPECT_EQ(seen.find(canary), std::string::npos) << canary;
  // The other reviewer, not recused, does see the lifted applicant.
  Client other = LoggedIn("a_reviewer2");
  EXPECT_EQ(other
                .PostJson(Path("/api/v1/recruitments/{id}/applications/{application_id}/identity", app),
                          json::object{{"reason", ""}})
                .status,
            200);
}

TEST_F(BoundaryTest, ReviewersGetTheirOwnStableOrder) {
  CloseApplicationPeriod(*hr_, rec_);
  Client r1 = LoggedIn("a_reviewer"), r2 = LoggedIn("a_reviewer2");
  auto ids = [&](Client& c) {
    std::vector<std::string> out;
    auto list = c.Get(Path("/api/v1/recruitments/{id}/applications")).Json();
    for (const auto& a : list.at("applications").as_array()) {
      out.emplace_back(a.at("id").as_string());
      EXPECT_FALSE(a.as_object().contains("received_at"));
      EXPECT_TRUE(a.at("on_time").as_bool());
    }
    return out;
  };
  auto first = ids(r1);
  EXPECT_EQ(ids(r1), first);
  EXPECT_EQ(std::set<std::string>(first.begin(), first.end()), std::set<std::string>(app_ids_.begin(), app_ids_.end()));
  (void)ids(r2);  // with 3 items two reviewers may coincide by chance; the unit test covers independence
}

// A recruitment names a unit of its own organisation only.
TEST_F(BoundaryTest, AnotherOrganisationsUnitIsRefused) {
  json::object body = RecruitmentBody({a_.users["reviewer"]});
  body["unit_id"] = b_.unit;
  auto refused = hr_->PostJson("/api/v1/recruitments", body);
  EXPECT_EQ(refused.status, 422) << refused.body;
  EXPECT_EQ(std::string(refused.Json().at("field").as_string()), "unit_id");
  body["unit_id"] = a_.unit;
  EXPECT_EQ(hr_->PostJson("/api/v1/recruitments", body).status, 201);
}

TEST_F(BoundaryTest, OtherOrganisationIsRefusedEverywhere) {
  for (const std::string user : {"b_hr", "b_reviewer", "b_registry"}) {
    Client c = LoggedIn(user);
    EXPECT_EQ(c.Get(Path("/api/v1/recruitments/{id}")).status, 404) << user;
    EXPECT_EQ(c.Get(Path("/api/v1/recruitments/{id}/applications")).status, 404) << user;
    EXPECT_EQ(c.Get(Path("/api/v1/recruitments/{id}/applications/{application_id}", app_ids_[0])).status, 404);
    auto identity = c.PostJson(Path("/api/v1/recruitments/{id}/applications/{application_id}/identity", app_ids_[0]),
                               json::object{{"reason", "Public-records request 2026/1"}});
    EXPECT_EQ(identity.status, 404) << user;
    auto lift =
        c.PostJson(Path("/api/v1/recruitments/{id}/lift"), json::object{{"reason", "Try to lift it"}, {"all", true}});
    EXPECT_EQ(lift.status, 404) << user;
    auto list = c.Get("/api/v1/recruitments").body;
    EXPECT_EQ(list.find("Kirjastonhoitaja"), std::string::npos);
  }
}

// Issue 10 (medium 3): a stated reason is not enough; the registry office reads identity for a
// records request it recorded, and every read is audited with the request.
TEST_F(BoundaryTest, RegistryReadsOnlyForARecordedRequestAndEveryAccessIsAudited) {
  Client registry = LoggedIn("a_registry");
  std::string path = Path("/api/v1/recruitments/{id}/applications/{application_id}/identity", app_ids_[1]);
  auto refused = registry.PostJson(path, json::object{{"reason", "Just curious about this one"}});
  EXPECT_EQ(refused.status, 422);
  EXPECT_EQ(refused.Json().at("code").as_string(), "records_request_required");
  auto request = registry.PostJson("/api/v1/records-requests", json::object{{"recruitment_id", rec_},
                                                                            {"requester", "Paikallislehti Oy"},
                                                                            {"received_on", "2025-06-02"},
                                                                            {"subject", "Hakemukset virkaan"},
                                                                            {"applications", true}});
  ASSERT_EQ(request.status, 201) << request.body;
  const std::int64_t request_id = request.Json().at("id").as_int64();
  auto granted = registry.PostJson(path, json::object{{"records_request_id", request_id}});
  ASSERT_EQ(granted.status, 200) << granted.body;
  EXPECT_EQ(granted.Json().at("access_basis").as_string(), "registry_request");
  EXPECT_TRUE(granted.Json().at("identity").at("first_name").as_string().starts_with("Firstname"));
  // The registry list itself shows no identity.
  EXPECT_EQ(registry.Get(Path("/api/v1/recruitments/{id}/applications")).body.find("Firstname"), std::string::npos);

  Client auditor = LoggedIn("a_auditor");
  auto log = auditor.Get("/api/v1/audit?limit=1000").Json();
  bool found = false;
  for (const auto& e : log.at("entries").as_array()) {
    if (e.at("action").as_string() == "identity.read" && e.at("application_id").as_string() == app_ids_[1]) {
      found = true;
      EXPECT_EQ(e.at("actor_id").as_int64(), a_.users["registry"]);
      EXPECT_EQ(e.at("detail").at("basis").as_string(), "registry_request");
      EXPECT_EQ(e.at("detail").at("reason").as_string(), "records request " + std::to_string(request_id));
    }
  }
  EXPECT_TRUE(found);
  EXPECT_EQ(LoggedIn("a_reviewer").Get("/api/v1/audit").status, 403);
}

TEST_F(BoundaryTest, OwnerBeforeLiftNeedsAReasonAndIsAudited) {
  std::string path = Path("/api/v1/recruitments/{id}/applications/{application_id}/identity", app_ids_[2]);
  EXPECT_EQ(hr_->PostJson(path, json::object{}).status, 422);
  auto ok = hr_->PostJson(path, json::object{{"reason", "Checking the formal qualification"}});
  ASSERT_EQ(ok.status, 200);
  EXPECT_EQ(ok.Json().at("access_basis").as_string(), "owner_with_reason");
  // Still anonymous in the owner's list: the gatekeeper read did not lift anything.
  EXPECT_EQ(hr_->Get(Path("/api/v1/recruitments/{id}/applications")).body.find("\"identity\""), std::string::npos);
}

TEST_F(BoundaryTest, LiftNeedsTheShortlistAndCoversOnlyIt) {
  auto early = hr_->PostJson(Path("/api/v1/recruitments/{id}/lift"),
                             json::object{{"reason", "Invited to interview"}, {"application_ids", {app_ids_[0]}}});
  EXPECT_EQ(early.status, 409);
  EXPECT_EQ(early.Json().at("code").as_string(), "not_shortlisted");
  CloseAndShortlist(*hr_, rec_, {app_ids_[0], app_ids_[1]});
  auto outside = hr_->PostJson(Path("/api/v1/recruitments/{id}/lift"),
                               json::object{{"reason", "Invited to interview"}, {"application_ids", {app_ids_[2]}}});
  EXPECT_EQ(outside.status, 409);
  EXPECT_EQ(outside.Json().at("code").as_string(), "not_shortlisted");
  // "All" lifts the shortlist, not the recruitment: the third stays anonymous for good.
  auto all = hr_->PostJson(Path("/api/v1/recruitments/{id}/lift"),
                           json::object{{"reason", "Both invited to interview"}, {"all", true}});
  ASSERT_EQ(all.status, 200) << all.body;
  EXPECT_EQ(all.Json().at("application_ids").as_array().size(), 2u);
  Client reviewer = LoggedIn("a_reviewer");
  std::string seen = EverythingAReviewerCanFetch(reviewer);
  auto detail = hr_->Get(Path("/api/v1/recruitments/{id}/applications/{application_id}", app_ids_[2])).Json();
  EXPECT_FALSE(detail.as_object().contains("identity"));
  EXPECT_FALSE(detail.at("lifted").as_bool());
  auto third = hr_->PostJson(Path("/api/v1/recruitments/{id}/applications/{application_id}/identity", app_ids_[2]),
                             json::object{{"reason", "Test: which applicant stayed anonymous"}});
  std::string first_name(third.Json().at("identity").at("first_name").as_string());
  for (const auto& canary : Canaries(first_name.substr(std::string("Firstname").size()))) {
    EXPECT_EQ(seen.find(canary), std::string::npos) << canary;
  }
}

TEST_F(BoundaryTest, LiftIsOneWayOwnerOnlyAndNeedsAReason) {
  CloseAndShortlist(*hr_, rec_, app_ids_);
  Client reviewer = LoggedIn("a_reviewer");
  EXPECT_EQ(reviewer
                .PostJson(Path("/api/v1/recruitments/{id}/lift"),
                          json::object{{"reason", "I want to see them all"}, {"all", true}})
                .status,
            403);
  auto no_reason = hr_->PostJson(Path("/api/v1/recruitments/{id}/lift"), json::object{{"all", true}});
  EXPECT_EQ(no_reason.status, 422);
  EXPECT_EQ(no_reason.Json().at("code").as_string(), "reason_required");
  ASSERT_EQ(hr_->PostJson(Path("/api/v1/recruitments/{id}/lift"),
                          json::object{{"reason", "All invited to interview"}, {"all", true}})
                .status,
            200);
  // No route exists to undo a lift.
  EXPECT_EQ(hr_->Call("DELETE", Path("/api/v1/recruitments/{id}/lift")).status, 405);
  std::string seen = reviewer.Get(Path("/api/v1/recruitments/{id}/applications")).body;
  for (const std::string tag : {"101", "102", "103"}) EXPECT_NE(seen.find("Firstname" + tag), std::string::npos);
}

// The decision-maker (viranhaltija) named for the recruitment takes no part in screening: before the
// shortlist nothing of the applications reaches them, after it the shortlisted ones by pseudonym,
// and a name only once lifted. They record the decision (the owner then cannot); the notices read
// the identities on the decision's account, never into the decision-maker's responses.
TEST_F(BoundaryTest, TheDecisionMakerStaysBlindUntilTheShortlistAndDecides) {
  const std::string dm_id = std::to_string(a_.users["decision_maker"]);
  auto named = hr_->Call("PUT", Path("/api/v1/recruitments/{id}/decision-maker"),
                         R"({"decision_maker_id":)" + dm_id + "}", {{"Content-Type", "application/json"}});
  ASSERT_EQ(named.status, 200) << named.body;
  // Only a decision-maker of the organisation can be named.
  EXPECT_EQ(hr_->Call("PUT", Path("/api/v1/recruitments/{id}/decision-maker"),
                      R"({"decision_maker_id":)" + std::to_string(a_.users["reviewer"]) + "}",
                      {{"Content-Type", "application/json"}})
                .status,
            422);
  CloseApplicationPeriod(*hr_, rec_);
  ReleaseAllAsProposed(*hr_, rec_);
  Client dm = LoggedIn("a_decision_maker");
  // The recruitment is on their list; its applications are not, not even by pseudonym.
  const json::value list = dm.Get("/api/v1/recruitments").Json();
  ASSERT_EQ(list.at("recruitments").as_array().size(), 1u);
  EXPECT_EQ(dm.Get(Path("/api/v1/recruitments/{id}/decision-brief")).Json().at("code").as_string(), "not_shortlisted");
  std::string seen = EverythingAReviewerCanFetch(dm);
  for (const std::string tag : {"101", "102", "103"}) {
    for (const auto& canary : Canaries(tag)) EXPECT_EQ(seen.find(canary), std::string::npos) << canary;
  }
  EXPECT_EQ(seen.find("Finna"), std::string::npos);  // no merits either: blind until the shortlist
  const json::value apps = hr_->Get(Path("/api/v1/recruitments/{id}/applications")).Json();
  for (const auto& a : apps.at("applications").as_array()) {
    EXPECT_EQ(seen.find(std::string(a.at("pseudonym").as_string())), std::string::npos);
  }

  // Two are shortlisted, one of them lifted: the brief shows the two, and one name.
  json::array two{json::string(app_ids_[0]), json::string(app_ids_[1])};
  ASSERT_EQ(hr_->PostJson(Path("/api/v1/recruitments/{id}/shortlist"), json::object{{"application_ids", two}}).status,
            200);
  ASSERT_EQ(hr_->PostJson(Path("/api/v1/recruitments/{id}/lift"),
                          json::object{{"application_ids", json::array{json::string(app_ids_[0])}},
                                       {"reason", "Kutsutaan haastatteluun"}})
                .status,
            200);
  auto brief = dm.Get(Path("/api/v1/recruitments/{id}/decision-brief"));
  ASSERT_EQ(brief.status, 200) << brief.body;
  const json::value b = brief.Json();
  EXPECT_TRUE(b.at("may_decide").as_bool());
  ASSERT_EQ(b.at("applications").as_array().size(), 2u);
  int named_ones = 0;
  for (const auto& e : b.at("applications").as_array()) named_ones += !e.at("name").is_null();
  EXPECT_EQ(named_ones, 1);
  // Only the lifted applicant's identity reaches the decision-maker anywhere.
  std::string lifted_name;
  for (const auto& e : b.at("applications").as_array()) {
    if (!e.at("name").is_null()) lifted_name = std::string(e.at("name").as_string());
  }
  seen = EverythingAReviewerCanFetch(dm);
  int identities_seen = 0;
  for (const std::string tag : {"101", "102", "103"}) {
    bool any = false;
    for (const auto& canary : Canaries(tag)) any = any || seen.find(canary) != std::string::npos;
    identities_seen += any;
    if (any) {
      EXPECT_NE(lifted_name.find("Firstname" + tag), std::string::npos) << tag;
    }
  }
  EXPECT_EQ(identities_seen, 1);

  // The owner no longer decides; the decision-maker does.
  json::object decision{{"reasoning", "Valittu hakija on ansioiltaan paras ja haastattelu onnistui."},
                        {"outcomes", json::array{{{"application_id", app_ids_[0]}, {"outcome", "selected"}}}}};
  EXPECT_EQ(hr_->PostJson(Path("/api/v1/recruitments/{id}/decision"), decision).status, 403);
  auto decided = dm.PostJson(Path("/api/v1/recruitments/{id}/decision"), decision);
  ASSERT_EQ(decided.status, 201) << decided.body;
  EXPECT_EQ(decided.Json().at("notices_queued").as_int64(), 3);
  EXPECT_EQ(decided.body.find("Firstname"), std::string::npos);
  EXPECT_EQ(dm.Get(Path("/api/v1/recruitments/{id}/decision")).Json().at("decided_by").as_int64(),
            a_.users["decision_maker"]);
  EXPECT_EQ(dm.Get(Path("/api/v1/recruitments/{id}/decision-document?lang=fi")).status, 200);
  // The audit log says the notices read the identities for the decision.
  const json::value log = LoggedIn("a_auditor").Get("/api/v1/audit?limit=1000").Json();
  int notices = 0;
  for (const auto& e : log.at("entries").as_array()) {
    if (e.at("action").as_string() == "identity.read" && e.at("detail").at("basis").as_string() == "decision_notice") {
      ++notices;
    }
  }
  EXPECT_EQ(notices, 3);
}

}  // namespace
}  // namespace reilu::testing
