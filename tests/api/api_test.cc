// API behaviour: sessions and CSRF, policy enforcement, input errors, idempotent intake.
#include <algorithm>
#include <map>
#include <thread>

#include "api_fixture.h"
#include "store/sqlite_db.h"

namespace reilu::testing {
namespace {

std::string Code(const HttpResult& r) {
  auto v = r.Json();
  return v.is_object() && v.as_object().contains("code") ? std::string(v.at("code").as_string()) : "";
}

TEST_F(ApiTest, LoginSetsAHardenedCookieAndWrongPasswordFails) {
  Client c(server_->port());
  auto bad = c.PostJson("/api/v1/session", json::object{{"username", "a_hr"}, {"password", "wrong password here"}});
  EXPECT_EQ(bad.status, 401);
  EXPECT_EQ(Code(bad), "unauthenticated");
  auto unknown = c.PostJson("/api/v1/session", json::object{{"username", "nobody"}, {"password", "wrong password"}});
  EXPECT_EQ(unknown.body, bad.body);  // no hint whether the username exists
  auto ok = c.PostJson("/api/v1/session", json::object{{"username", "a_hr"}, {"password", kTestPassword}});
  ASSERT_EQ(ok.status, 200);
  EXPECT_NE(ok.headers.find("HttpOnly"), std::string::npos);
  EXPECT_NE(ok.headers.find("SameSite=Strict"), std::string::npos);
  EXPECT_NE(ok.headers.find("Secure"), std::string::npos);
  EXPECT_NE(ok.headers.find("Content-Security-Policy: default-src 'self'"), std::string::npos);
  EXPECT_NE(ok.headers.find("X-Content-Type-Options: nosniff"), std::string::npos);
}

TEST_F(ApiTest, RepeatedFailedLoginsAreThrottledPerUser) {
  Client c(server_->port());
  for (int i = 0; i < 10; ++i) {
    auto bad = c.PostJson("/api/v1/session",
                          json::object{{"username", "a_hr"}, {"password", "guess number " + std::to_string(i)}});
    ASSERT_EQ(bad.status, 401) << i;
  }
  auto locked = c.PostJson("/api/v1/session", json::object{{"username", "a_hr"}, {"password", kTestPassword}});
  EXPECT_EQ(locked.status, 429);
  EXPECT_EQ(Code(locked), "rate_limited");
  EXPECT_NE(locked.headers.find("Retry-After: "), std::string::npos);
  // Other users are not affected.
  EXPECT_EQ(c.Login("a_reviewer", kTestPassword), 200);
}

// Failures from one address lock that address out for the user, not the user everywhere; and one
// address guessing across many usernames is stopped too.
TEST_F(ApiTest, LoginLockoutIsPerAddressAndAddressesAreCapped) {
  Client attacker(server_->port());
  attacker.SetSourceAddress("127.0.0.51");
  for (int i = 0; i < 10; ++i) {
    EXPECT_EQ(attacker.PostJson("/api/v1/session", json::object{{"username", "a_hr"}, {"password", "wrong"}}).status,
              401);
  }
  EXPECT_EQ(
      attacker.PostJson("/api/v1/session", json::object{{"username", "a_hr"}, {"password", kTestPassword}}).status,
      429);
  Client owner(server_->port());
  owner.SetSourceAddress("127.0.0.52");
  EXPECT_EQ(owner.Login("a_hr", kTestPassword), 200);  // the real user, from elsewhere, gets in

  Client sprayer(server_->port());
  sprayer.SetSourceAddress("127.0.0.53");
  int refused = 0, tried = 0;
  for (const char* user : {"a_admin", "a_reviewer", "a_reviewer2", "a_reviewer3", "a_registry", "a_auditor", "b_admin",
                           "b_hr", "b_reviewer", "b_reviewer2", "b_reviewer3", "b_registry", "b_auditor"}) {
    for (int i = 0; i < 3; ++i, ++tried) {
      auto res = sprayer.PostJson("/api/v1/session", json::object{{"username", user}, {"password", "wrong"}});
      refused += res.status == 429;
    }
  }
  EXPECT_EQ(tried, 39);
  EXPECT_EQ(refused, 39 - 30);  // thirty failures per address, whatever the usernames
}

TEST_F(ApiTest, StateChangesNeedTheCsrfToken) {
  Client hr = LoggedIn("a_hr");
  auto body = json::serialize(RecruitmentBody({}));
  auto missing =
      hr.Call("POST", "/api/v1/recruitments", body, {{"Content-Type", "application/json"}, {"X-CSRF-Token", "wrong"}});
  EXPECT_EQ(missing.status, 403);
  EXPECT_EQ(Code(missing), "csrf_failed");
  EXPECT_EQ(hr.Call("POST", "/api/v1/recruitments", body, {{"Content-Type", "application/json"}}).status, 201);
}

TEST_F(ApiTest, LogoutEndsTheSession) {
  Client hr = LoggedIn("a_hr");
  EXPECT_EQ(hr.Get("/api/v1/session").status, 200);
  EXPECT_EQ(hr.Call("DELETE", "/api/v1/session").status, 204);
  EXPECT_EQ(hr.Get("/api/v1/recruitments").status, 401);
}

TEST_F(ApiTest, PermanentPostCannotBeMadeNonAnonymous) {
  Client hr = LoggedIn("a_hr");
  auto body = RecruitmentBody({});
  body["anonymous"] = false;
  body["anonymity_exception_reason"] = "We would rather see the names";
  auto res = hr.PostJson("/api/v1/recruitments", body);
  EXPECT_EQ(res.status, 422);
  EXPECT_EQ(Code(res), "policy_violation");
}

TEST_F(ApiTest, FixedTermExceptionNeedsAReasonAndIsAudited) {
  Client hr = LoggedIn("a_hr");
  auto body = RecruitmentBody({}, "fixed_term");
  body["anonymous"] = false;
  auto no_reason = hr.PostJson("/api/v1/recruitments", body);
  EXPECT_EQ(no_reason.status, 422);
  EXPECT_EQ(Code(no_reason), "reason_required");
  body["anonymity_exception_reason"] = "Two-week substitute, starts Monday";
  auto ok = hr.PostJson("/api/v1/recruitments", body);
  ASSERT_EQ(ok.status, 201) << ok.body;
  EXPECT_FALSE(ok.Json().at("anonymous").as_bool());
  auto log = LoggedIn("a_auditor").Get("/api/v1/audit?limit=1000").body;
  EXPECT_NE(log.find("anonymity.exception"), std::string::npos);
  EXPECT_NE(log.find("Two-week substitute, starts Monday"), std::string::npos);
  // Default for fixed-term without a request: anonymous.
  auto dflt = hr.PostJson("/api/v1/recruitments", RecruitmentBody({}, "fixed_term"));
  EXPECT_TRUE(dflt.Json().at("anonymous").as_bool());
}

TEST_F(ApiTest, AnonymityChoiceLocksAtPublication) {
  Client hr = LoggedIn("a_hr");
  auto created = hr.PostJson("/api/v1/recruitments", RecruitmentBody({a_.users["reviewer"]}, "fixed_term"));
  auto id = std::to_string(created.Json().at("id").as_int64());
  ASSERT_EQ(hr.PostJson("/api/v1/recruitments/" + id + "/publish", json::object{}).status, 200);
  auto patch = hr.Call("PATCH", "/api/v1/recruitments/" + id,
                       R"({"anonymous":false,"anonymity_exception_reason":"Changed my mind after all"})",
                       {{"Content-Type", "application/json"}});
  EXPECT_EQ(patch.status, 409);
  EXPECT_TRUE(hr.Get("/api/v1/recruitments/" + id).Json().at("anonymous").as_bool());
}

TEST_F(ApiTest, DraftEditUsesVersionForConcurrency) {
  Client hr = LoggedIn("a_hr");
  auto created = hr.PostJson("/api/v1/recruitments", RecruitmentBody({})).Json();
  auto id = std::to_string(created.at("id").as_int64());
  auto version = created.at("version").as_int64();
  auto edit = [&](std::int64_t v) {
    return hr.Call("PATCH", "/api/v1/recruitments/" + id,
                   json::serialize(json::object{{"version", v}, {"title", {{"fi", "Uusi"}, {"en", "New"}}}}),
                   {{"Content-Type", "application/json"}});
  };
  auto first = edit(version);
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_EQ(first.Json().at("title").at("fi").as_string(), "Uusi");
  EXPECT_EQ(edit(version).status, 409);  // stale version
}

// The recruitments list in pages: filtered by stage, by words of the title (capitals and Ä/Ö
// folded) and by owner, sorted by deadline or title, followed page by page to the end; a bad
// filter is refused with its field.
TEST_F(ApiTest, RecruitmentsComeInPagesFilteredAndSorted) {
  Client hr = LoggedIn("a_hr");
  auto added = LoggedIn("a_admin").PostJson(
      "/api/v1/users",
      json::object{{"username", "a_hr2"}, {"display_name", "Toinen"}, {"role", "hr"}, {"password", kTestPassword}});
  ASSERT_EQ(added.status, 201) << added.body;
  const std::vector<std::pair<std::string, std::int64_t>> made{{"Öljyalan asiantuntija", 5000},
                                                               {"Kirjastonhoitaja", 3000},
                                                               {"Arkistonhoitaja", 9000},
                                                               {"Ävlöpsmontör", 7000},
                                                               {"Opettaja", 4000}};
  std::map<std::int64_t, std::int64_t> deadline_of;
  std::map<std::string, std::int64_t> id_of;
  for (const auto& [title, deadline_in] : made) {
    json::object body = RecruitmentBody({a_.users["reviewer"]}, "permanent", deadline_in);
    body["title"] = json::object{{"fi", title}, {"en", "Post"}};
    auto created = hr.PostJson("/api/v1/recruitments", body);
    ASSERT_EQ(created.status, 201) << created.body;
    id_of[title] = created.Json().at("id").as_int64();
    deadline_of[id_of[title]] = created.Json().at("deadline").as_int64();
  }
  for (const char* published : {"Kirjastonhoitaja", "Opettaja"}) {
    auto res = hr.PostJson("/api/v1/recruitments/" + std::to_string(id_of[published]) + "/publish", json::object{});
    ASSERT_EQ(res.status, 200) << res.body;
  }
  Client other = LoggedIn(std::string(added.Json().at("username").as_string()));  // with the login domain
  ASSERT_EQ(other.PostJson("/api/v1/recruitments", RecruitmentBody({})).status, 201);

  auto ids = [](const json::value& page) {
    std::vector<std::int64_t> out;
    for (const auto& r : page.at("recruitments").as_array()) out.push_back(r.at("id").as_int64());
    return out;
  };
  // Page by page, soonest deadline first, only a_hr's own.
  std::vector<std::int64_t> seen;
  std::string cursor;
  int pages = 0;
  do {
    auto res =
        hr.Get("/api/v1/recruitments?mine=true&sort=deadline&limit=2" + (cursor.empty() ? "" : "&cursor=" + cursor));
    ASSERT_EQ(res.status, 200) << res.body;
    auto page = res.Json();
    EXPECT_EQ(page.at("total").as_int64(), 5);
    EXPECT_LE(page.at("recruitments").as_array().size(), 2u);
    for (auto id : ids(page)) seen.push_back(id);
    cursor = page.at("next_cursor").is_null() ? "" : std::string(page.at("next_cursor").as_string());
    ++pages;
  } while (!cursor.empty() && pages < 10);
  EXPECT_EQ(pages, 3);
  std::vector<std::int64_t> by_deadline;
  for (const auto& [title, _] : made) by_deadline.push_back(id_of[title]);
  std::sort(by_deadline.begin(), by_deadline.end(), [&](auto a, auto b) { return deadline_of[a] < deadline_of[b]; });
  EXPECT_EQ(seen, by_deadline);
  // Without `mine` the other HR specialist's draft is there too.
  EXPECT_EQ(hr.Get("/api/v1/recruitments").Json().at("total").as_int64(), 6);
  // By title in Finnish, letters compared without case (Ä sorts as ä, after a-z).
  auto by_title = ids(hr.Get("/api/v1/recruitments?mine=true&sort=title&lang=fi").Json());
  EXPECT_EQ(by_title, (std::vector<std::int64_t>{id_of["Arkistonhoitaja"], id_of["Kirjastonhoitaja"], id_of["Opettaja"],
                                                 id_of["Ävlöpsmontör"], id_of["Öljyalan asiantuntija"]}));
  // Words of the title, any case; a stage.
  EXPECT_EQ(ids(hr.Get("/api/v1/recruitments?q=%C3%96LJY").Json()),
            std::vector<std::int64_t>{id_of["Öljyalan asiantuntija"]});
  EXPECT_EQ(ids(hr.Get("/api/v1/recruitments?q=HOITAJA&sort=newest&mine=true").Json()),
            (std::vector<std::int64_t>{id_of["Arkistonhoitaja"], id_of["Kirjastonhoitaja"]}));
  EXPECT_EQ(ids(hr.Get("/api/v1/recruitments?stage=collecting&sort=-deadline").Json()),
            (std::vector<std::int64_t>{id_of["Opettaja"], id_of["Kirjastonhoitaja"]}));
  // Refusals name the parameter.
  for (const char* bad : {"sort=age", "stage=open", "limit=0", "cursor=-1", "mine=yes", "lang=de"}) {
    auto res = hr.Get(std::string("/api/v1/recruitments?") + bad);
    EXPECT_EQ(res.status, 422) << bad;
    EXPECT_EQ(Code(res), "invalid_input") << bad;
    EXPECT_EQ(std::string(res.Json().at("field").as_string()), std::string(bad).substr(0, std::string(bad).find('=')))
        << bad;
  }
}

TEST_F(ApiTest, RolesAreEnforced) {
  EXPECT_EQ(LoggedIn("a_reviewer").PostJson("/api/v1/recruitments", RecruitmentBody({})).status, 403);
  EXPECT_EQ(LoggedIn("a_admin").Get("/api/v1/recruitments").status, 403);
  EXPECT_EQ(LoggedIn("a_auditor").Get("/api/v1/recruitments").status, 403);
  Client anonymous(server_->port());
  EXPECT_EQ(anonymous.Get("/api/v1/recruitments").status, 401);
  auto created = LoggedIn("a_admin").PostJson(
      "/api/v1/users",
      json::object{
          {"username", "a_new"}, {"display_name", "New"}, {"role", "reviewer"}, {"password", "another good password"}});
  EXPECT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(LoggedIn("a_hr").PostJson("/api/v1/users", json::object{}).status, 403);
}

TEST_F(ApiTest, BadInputGetsA4xxProblemNeverA5xx) {
  Client hr = LoggedIn("a_hr");
  std::int64_t rec = PublishedRecruitment(hr);
  std::string apply = "/api/v1/jobs/" + std::to_string(rec) + "/applications";
  Client pub(server_->port());
  struct Case {
    std::string body;
    std::string content_type;
    int status;
    std::string code;
  };
  std::vector<Case> cases = {
      {"{not json", "application/json", 400, "malformed_json"},
      {"{\"identity\":{\"first_name\":\"\xff\xfe\"}}", "application/json", 400, "invalid_utf8"},
      {"[]", "application/json", 422, "invalid_input"},
      {"{\"identity\":5}", "application/json", 422, "invalid_input"},
      {"{\"identity\":{\"first_name\":\"A\"}}", "application/json", 422, "invalid_input"},
      {"{\"identity\":{}}", "text/plain", 422, "invalid_input"},
      // Over the form's limit with its largest files (base64 makes 10 MB about 14).
      {std::string(15 << 20, 'x'), "application/json", 413, "payload_too_large"},
      {std::string(100, '['), "application/json", 400, "malformed_json"},
      {"", "application/json", 400, "malformed_json"},
  };
  for (const auto& c : cases) {
    auto res = pub.Call("POST", apply, c.body, {{"Content-Type", c.content_type}});
    EXPECT_EQ(res.status, c.status) << c.body.substr(0, 60);
    EXPECT_NE(res.headers.find("application/problem+json"), std::string::npos);
    if (res.status != 413) {
      EXPECT_EQ(Code(res), c.code) << c.body.substr(0, 60);
    }
  }
  auto bad_field = pub.PostJson(
      apply,
      json::object{{"identity", {{"first_name", "A"}, {"last_name", "B"}, {"email", "nope"}, {"language", "fi"}}}});
  EXPECT_EQ(bad_field.Json().at("field").as_string(), "identity.email");
  EXPECT_EQ(pub.Get("/api/v1/jobs/abc").status, 404);
  EXPECT_EQ(pub.Get("/api/v1/jobs/%ff").status, 400);
  EXPECT_EQ(pub.Get("/api/v1/jobs/999999").status, 404);
  EXPECT_EQ(pub.Get("/api/v1/nothing").status, 404);
  // The server is still healthy and nothing was stored by the bad requests.
  EXPECT_EQ(pub.Get("/healthz").status, 200);
  EXPECT_EQ(hr.Get("/api/v1/recruitments/" + std::to_string(rec)).Json().at("application_count").as_int64(), 0);
}

TEST_F(ApiTest, IdempotencyKeyMakesRetriesSafe) {
  Client hr = LoggedIn("a_hr");
  std::int64_t rec = PublishedRecruitment(hr);
  std::string apply = "/api/v1/jobs/" + std::to_string(rec) + "/applications";
  Client pub(server_->port());
  auto first = pub.PostJson(apply, Application("201"), {{"Idempotency-Key", "retry-me-1"}});
  ASSERT_EQ(first.status, 201) << first.body;
  auto retry = pub.PostJson(apply, Application("201"), {{"Idempotency-Key", "retry-me-1"}});
  EXPECT_EQ(retry.status, 200);
  EXPECT_EQ(retry.Json().at("reference"), first.Json().at("reference"));
  EXPECT_TRUE(retry.Json().at("replayed").as_bool());
  auto reused = pub.PostJson(apply, Application("202"), {{"Idempotency-Key", "retry-me-1"}});
  EXPECT_EQ(reused.status, 409);
  EXPECT_EQ(Code(reused), "idempotency_conflict");
  EXPECT_EQ(hr.Get("/api/v1/recruitments/" + std::to_string(rec)).Json().at("application_count").as_int64(), 1);
  auto ref = std::string(first.Json().at("reference").as_string());
  EXPECT_TRUE(ref.starts_with("R-"));
  // The reference is the applicant's: reviewers never see it.
  EXPECT_EQ(LoggedIn("a_reviewer").Get("/api/v1/recruitments/" + std::to_string(rec) + "/applications").body.find(ref),
            std::string::npos);
}

TEST_F(ApiTest, DeadlineIsHardServerTime) {
  Client hr = LoggedIn("a_hr");
  // Four seconds: the first submission loads the redaction engine, slow under ASan on a busy machine.
  std::int64_t rec = PublishedRecruitment(hr, 4);
  std::string apply = "/api/v1/jobs/" + std::to_string(rec) + "/applications";
  Client pub(server_->port());
  ASSERT_EQ(pub.PostJson(apply, Application("301")).status, 201);
  std::this_thread::sleep_for(std::chrono::milliseconds(5100));
  auto late = pub.PostJson(apply, Application("302"));
  EXPECT_EQ(late.status, 409);
  EXPECT_EQ(Code(late), "deadline_passed");
  EXPECT_FALSE(pub.Get("/api/v1/jobs/" + std::to_string(rec)).Json().at("accepting_applications").as_bool());
  EXPECT_EQ(pub.Get("/api/v1/jobs").body.find("\"id\":" + std::to_string(rec) + ","), std::string::npos);
}

// Issue 14: an ad says what municipal ads say (pay, hours, place, start, qualifications, whom to
// ask), kept with the recruitment and shown on the public ad.
TEST_F(ApiTest, AdDetailsAreKeptAndShownOnThePublicAd) {
  Client hr = LoggedIn("a_hr");
  json::object body = RecruitmentBody({a_.users["reviewer"]});
  body["ad"] = json::object{{"salary", {{"fi", "KVTES:n mukaan"}, {"en", "Collective agreement"}}},
                            {"qualifications", {{"fi", "Soveltuva korkeakoulututkinto."}, {"en", "A degree."}}},
                            {"contact_name", "Maija Esimerkki"},
                            {"contact_title", {{"fi", "Kirjastotoimenjohtaja"}, {"en", "Head of libraries"}}},
                            {"contact_phone", "+358 40 123 4567"},
                            {"contact_email", "maija.esimerkki@kunta.test"}};
  auto created = hr.PostJson("/api/v1/recruitments", body);
  ASSERT_EQ(created.status, 201) << created.body;
  std::string id = std::to_string(created.Json().at("id").as_int64());
  ASSERT_EQ(hr.PostJson("/api/v1/recruitments/" + id + "/publish", json::object{}).status, 200);
  auto ad = Client(Port()).Get("/api/v1/jobs/" + id).Json().at("ad");
  EXPECT_EQ(ad.at("salary").at("fi").as_string(), "KVTES:n mukaan");
  EXPECT_EQ(ad.at("qualifications").at("fi").as_string(), "Soveltuva korkeakoulututkinto.");
  EXPECT_EQ(ad.at("contact_name").as_string(), "Maija Esimerkki");
  EXPECT_EQ(ad.at("contact_phone").as_string(), "+358 40 123 4567");
  // A bad phone number is named by its field.
  body["ad"].as_object()["contact_phone"] = "call me";
  auto bad = hr.PostJson("/api/v1/recruitments", body);
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(bad.Json().at("field").as_string(), "ad.contact_phone");
}

TEST_F(ApiTest, JobBoardListsPublishedAdsOnlyAndSearches) {
  Client hr = LoggedIn("a_hr");
  std::int64_t rec = PublishedRecruitment(hr);
  auto draft = hr.PostJson("/api/v1/recruitments", RecruitmentBody({})).Json().at("id").as_int64();
  Client pub(server_->port());
  auto jobs = pub.Get("/api/v1/jobs").Json().at("jobs").as_array();
  ASSERT_EQ(jobs.size(), 1u);
  EXPECT_EQ(jobs[0].at("id").as_int64(), rec);
  EXPECT_TRUE(jobs[0].at("anonymous").as_bool());
  EXPECT_FALSE(jobs[0].as_object().contains("owner_id"));
  EXPECT_FALSE(jobs[0].as_object().contains("reviewer_ids"));
  EXPECT_EQ(pub.Get("/api/v1/jobs?q=librarian").Json().at("jobs").as_array().size(), 1u);
  EXPECT_EQ(pub.Get("/api/v1/jobs?q=astronaut").Json().at("jobs").as_array().size(), 0u);
  EXPECT_EQ(pub.Get("/api/v1/jobs/" + std::to_string(draft)).status, 404);
}

TEST_F(ApiTest, OperationalEndpoints) {
  Client c(server_->port());
  EXPECT_EQ(c.Get("/healthz").status, 200);
  EXPECT_EQ(c.Get("/readyz").status, 200);
  // /metrics is for the operator's scraper: not public, only with the token.
  EXPECT_EQ(c.Get("/metrics").status, 401);
  EXPECT_EQ(c.Call("GET", "/metrics", "", {{"Authorization", "Bearer wrong"}}).status, 401);
  auto metrics = c.Call("GET", "/metrics", "", {{"Authorization", std::string("Bearer ") + kMetricsToken}});
  EXPECT_EQ(metrics.status, 200);
  EXPECT_NE(metrics.body.find("reilu_http_requests_total{method=\"GET\",route=\"/healthz\",status=\"200\"}"),
            std::string::npos);
  auto doc = c.Get("/api/v1/openapi.json").Json();
  EXPECT_EQ(doc.at("openapi").as_string(), "3.1.0");
}

TEST_F(ApiTest, AuditChainVerifiesFromTheCommandLine) {
  Client hr = LoggedIn("a_hr");
  PublishedRecruitment(hr);
  server_->Stop();
  std::string cmd = ReiluBinary() + " --data-dir " + dir_.path().string() + DatabaseArgs(dir_.path()) + " audit verify";
  FILE* p = popen(cmd.c_str(), "r");
  ASSERT_NE(p, nullptr);
  char buf[4096];
  std::string out;
  while (size_t n = fread(buf, 1, sizeof buf, p)) out.append(buf, n);
  EXPECT_EQ(pclose(p), 0) << out;
  EXPECT_NE(out.find("ok"), std::string::npos);
  // Tamper with the file behind the server's back: verify must now fail.
  auto conn = app::OpenDatabase(TestDataDir(dir_.path()), false);
  ASSERT_TRUE(conn.ok());
  ASSERT_TRUE(conn->Exec(DropAuditGuardSql(dir_.path()) + " UPDATE audit_log SET detail = '{}' WHERE seq = 3").ok());
  p = popen(cmd.c_str(), "r");
  out.clear();
  while (size_t n = fread(buf, 1, sizeof buf, p)) out.append(buf, n);
  EXPECT_NE(pclose(p), 0);
  EXPECT_NE(out.find("BROKEN"), std::string::npos);
}

// The value of response header `name` ("" when absent).
std::string HeaderOf(const HttpResult& res, const std::string& name) {
  std::string lower = res.headers;
  for (auto& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  auto at = lower.find(name + ": ");
  if (at == std::string::npos) return "";
  auto start = at + name.size() + 2;
  return res.headers.substr(start, res.headers.find_first_of("\r\n", start) - start);
}

TEST_F(ApiTest, ApplicationListsArePagedFilteredAndRevalidated) {
  Client hr = LoggedIn("a_hr");
  std::int64_t rec = PublishedRecruitment(hr);
  Client applicant(Port());
  for (int i = 1; i <= 7; ++i) {
    ASSERT_EQ(
        applicant
            .PostJson("/api/v1/jobs/" + std::to_string(rec) + "/applications", Application("70" + std::to_string(i)))
            .status,
        201);
  }
  CloseApplicationPeriod(hr, rec);
  const std::string list = "/api/v1/recruitments/" + std::to_string(rec) + "/applications";
  auto full = hr.Get(list).Json();
  ASSERT_EQ(full.at("total").as_int64(), 7);
  EXPECT_TRUE(full.at("next_cursor").is_null());

  // Pages in the caller's order: every application once, in the same order as the whole list.
  std::vector<std::string> paged;
  std::string cursor = "0";
  for (int pages = 0; pages < 5 && !cursor.empty(); ++pages) {
    auto page = hr.Get(list + "?limit=3&cursor=" + cursor).Json();
    for (const auto& a : page.at("applications").as_array()) paged.emplace_back(a.at("id").as_string());
    cursor = page.at("next_cursor").is_null() ? "" : std::string(page.at("next_cursor").as_string());
  }
  ASSERT_EQ(paged.size(), 7u);
  for (size_t i = 0; i < paged.size(); ++i) {
    EXPECT_EQ(paged[i], full.at("applications").as_array()[i].at("id").as_string());
  }

  // Unchanged: 304. A release changes the list, its ETag and what the filters find.
  auto first = hr.Get(list + "?redaction=pending");
  ASSERT_EQ(first.status, 200);
  EXPECT_EQ(first.Json().at("total").as_int64(), 7);
  const std::string etag = HeaderOf(first, "etag");
  ASSERT_FALSE(etag.empty());
  EXPECT_EQ(HeaderOf(first, "cache-control"), "private, no-cache");
  auto again = hr.Call("GET", list + "?redaction=pending", "", {{"If-None-Match", etag}});
  EXPECT_EQ(again.status, 304) << again.body;
  auto put = hr.Call("PUT", list + "/" + paged[0] + "/redaction", "{}", {{"Content-Type", "application/json"}});
  ASSERT_EQ(put.status, 200) << put.body;
  auto after = hr.Call("GET", list + "?redaction=pending", "", {{"If-None-Match", etag}});
  ASSERT_EQ(after.status, 200);
  EXPECT_NE(HeaderOf(after, "etag"), etag);
  EXPECT_EQ(after.Json().at("total").as_int64(), 6);
  EXPECT_EQ(hr.Get(list + "?redaction=ready").Json().at("total").as_int64(), 1);
  const std::string pseudonym(full.at("applications").as_array()[3].at("pseudonym").as_string());
  auto found = hr.Get(list + "?q=" + pseudonym.substr(0, 4)).Json();
  EXPECT_GE(found.at("total").as_int64(), 1);

  // A client that takes gzip gets the same list compressed (made once per page and change).
  for (int twice = 0; twice < 2; ++twice) {
    auto zipped = hr.Call("GET", list, "", {{"Accept-Encoding", "gzip, deflate, br"}});
    ASSERT_EQ(zipped.status, 200);
    EXPECT_EQ(HeaderOf(zipped, "content-encoding"), "gzip");
    EXPECT_NE(HeaderOf(zipped, "vary").find("Accept-Encoding"), std::string::npos);
    const std::string plain = Gunzip(zipped.body);
    ASSERT_FALSE(plain.empty());
    EXPECT_LT(zipped.body.size(), plain.size());
    EXPECT_EQ(json::parse(plain).at("total").as_int64(), 7);
  }
  EXPECT_EQ(HeaderOf(hr.Get(list), "content-encoding"), "");  // not asked: not compressed

  for (const char* bad : {"?limit=0", "?limit=abc", "?limit=5000", "?cursor=-1", "?redaction=all", "?withdrawn=1"}) {
    auto res = hr.Get(list + bad);
    EXPECT_EQ(res.status, 422) << bad;
    EXPECT_EQ(res.Json().at("code").as_string(), "invalid_input") << bad;
  }
}

// A list that shows identities is read afresh, and audited, every time: never kept, never 304.
TEST_F(ApiTest, ListsWithIdentityAreNeverCachedAndEachViewIsAudited) {
  Client hr = LoggedIn("a_hr");
  auto created = hr.PostJson("/api/v1/recruitments", RecruitmentBody({a_.users["reviewer"]}, "fixed_term"));
  ASSERT_EQ(created.status, 201) << created.body;
  std::int64_t rec = created.Json().at("id").as_int64();
  const std::string base = "/api/v1/recruitments/" + std::to_string(rec);
  auto patched = hr.Call("PATCH", base,
                         json::serialize(json::object{{"anonymous", false},
                                                      {"anonymity_exception_reason", "Lyhyt sijaisuus, nopea täyttö"}}),
                         {{"Content-Type", "application/json"}});
  ASSERT_EQ(patched.status, 200) << patched.body;
  ASSERT_EQ(hr.PostJson(base + "/publish", json::object{}).status, 200);
  ASSERT_EQ(Client(Port()).PostJson("/api/v1/jobs/" + std::to_string(rec) + "/applications", Application("801")).status,
            201);
  auto audit_reads = [&] {
    auto log = LoggedIn("a_auditor").Get("/api/v1/audit?limit=1000").Json();
    int reads = 0;
    for (const auto& e : log.at("entries").as_array()) reads += e.at("action").as_string() == "identity.read";
    return reads;
  };
  const int before = audit_reads();
  auto one = hr.Get(base + "/applications");
  ASSERT_EQ(one.status, 200);
  EXPECT_NE(one.body.find("Firstname801"), std::string::npos);
  EXPECT_EQ(HeaderOf(one, "etag"), "");
  EXPECT_EQ(HeaderOf(one, "cache-control"), "no-store");
  auto two = hr.Call("GET", base + "/applications", "", {{"If-None-Match", "*"}});
  EXPECT_EQ(two.status, 200);
  EXPECT_EQ(audit_reads(), before + 2);
  // Identity mixed with applicant-written text is never compressed, even when asked.
  auto asked = hr.Call("GET", base + "/applications", "", {{"Accept-Encoding", "gzip"}});
  EXPECT_NE(asked.body.find("Firstname801"), std::string::npos);
  EXPECT_EQ(HeaderOf(asked, "content-encoding"), "");
}

// Issue 13, item 1: what the council asks, from the recorded data; each view audited.
TEST_F(ApiTest, TheComplianceReportCountsAnonymityAndListsEveryException) {
  Client hr = LoggedIn("a_hr");
  std::int64_t permanent = PublishedRecruitment(hr);
  Client applicant(Port());
  for (const char* tag : {"811", "812"}) {
    ASSERT_EQ(
        applicant.PostJson("/api/v1/jobs/" + std::to_string(permanent) + "/applications", Application(tag)).status,
        201);
  }
  json::object body = RecruitmentBody({a_.users["reviewer"]}, "fixed_term");
  body["title"] = {{"fi", "=HYPERLINK(\"http://x\")"}, {"en", "Substitute"}};
  body["anonymous"] = false;
  body["anonymity_exception_reason"] = "Kahden viikon sijaisuus, täytetään heti";
  auto created = hr.PostJson("/api/v1/recruitments", body);
  ASSERT_EQ(created.status, 201) << created.body;
  std::int64_t open = created.Json().at("id").as_int64();
  ASSERT_EQ(hr.PostJson("/api/v1/recruitments/" + std::to_string(open) + "/publish", json::object{}).status, 200);

  Client admin = LoggedIn("a_admin");
  auto res = admin.Get("/api/v1/reports/compliance");
  ASSERT_EQ(res.status, 200) << res.body;
  auto report = res.Json();
  EXPECT_EQ(report.at("by_term").at("permanent").at("anonymous").as_int64(), 1);
  EXPECT_EQ(report.at("by_term").at("permanent").at("not_anonymous").as_int64(), 0);
  EXPECT_EQ(report.at("by_term").at("permanent").at("share_anonymous").as_double(), 1.0);
  EXPECT_EQ(report.at("by_term").at("fixed_term").at("not_anonymous").as_int64(), 1);
  ASSERT_EQ(report.at("exceptions").as_array().size(), 1u);
  EXPECT_EQ(report.at("exceptions").at(0).at("reason").as_string(), "Kahden viikon sijaisuus, täytetään heti");
  EXPECT_EQ(report.at("exceptions").at(0).at("recorded_by").as_int64(), a_.users["hr"]);
  EXPECT_TRUE(report.at("permanent_not_anonymous").as_array().empty());
  for (const auto& r : report.at("recruitments").as_array()) {
    if (r.at("id").as_int64() == permanent) {
      EXPECT_EQ(r.at("applications").as_int64(), 2);
    }
  }
  EXPECT_EQ(res.body.find("Firstname811"), std::string::npos);  // aggregates, never identity

  // CSV for Finnish Excel: BOM, semicolons, and a title that looks like a formula is neutralised.
  auto csv = admin.Get("/api/v1/reports/compliance?format=csv&separator=semicolon");
  ASSERT_EQ(csv.status, 200);
  EXPECT_EQ(csv.body.rfind("\xEF\xBB\xBF\"id\";\"title\"", 0), 0u) << csv.body.substr(0, 40);
  EXPECT_NE(csv.body.find("\"'=HYPERLINK(\"\"http://x\"\")\""), std::string::npos) << csv.body;

  // Outside its organisation a report shows nothing; a reviewer gets none; bad input is a 422.
  auto other = LoggedIn("b_admin").Get("/api/v1/reports/compliance").Json();
  EXPECT_TRUE(other.at("recruitments").as_array().empty());
  EXPECT_EQ(LoggedIn("a_reviewer").Get("/api/v1/reports/compliance").status, 403);
  // For the council's agenda: the same report as a PDF in the asked language, aggregates only.
  auto pdf = admin.Get("/api/v1/reports/compliance?format=pdf&lang=fi");
  ASSERT_EQ(pdf.status, 200) << pdf.body;
  EXPECT_NE(pdf.headers.find("application/pdf"), std::string::npos);
  EXPECT_NE(pdf.headers.find("filename=\"reilu-compliance-"), std::string::npos) << pdf.headers;
  EXPECT_EQ(pdf.body.rfind("%PDF-", 0), 0u);
  if (HasPdfToText()) {
    std::string text = PdfText(pdf.body);
    EXPECT_NE(text.find("Nimettömän rekrytoinnin toteutuminen"), std::string::npos) << text;
    EXPECT_NE(text.find("City A"), std::string::npos);
    EXPECT_NE(text.find("Kahden viikon sijaisuus"), std::string::npos);
    EXPECT_NE(text.find("jokainen vakituinen rekrytointi käsiteltiin nimettömästi"), std::string::npos);
    EXPECT_EQ(text.find("Firstname811"), std::string::npos);
  }
  for (const char* bad : {"?from=31.12.2026", "?format=xml", "?format=pdf&lang=de", "?separator=tab", "?unit_id=x"}) {
    EXPECT_EQ(admin.Get(std::string("/api/v1/reports/compliance") + bad).status, 422) << bad;
  }
  auto log = LoggedIn("a_auditor").Get("/api/v1/audit?limit=1000").Json();
  int views = 0;
  for (const auto& e : log.at("entries").as_array()) views += e.at("action").as_string() == "report.view";
  EXPECT_EQ(views, 3);  // the JSON, the CSV and the PDF view of City A's admin
}

// Issue 10 (medium 3) and 12: the registry office's identity reads are shown to the owner.
TEST_F(ApiTest, TheOwnerSeesWhoReadIdentitiesAndWhy) {
  Client hr = LoggedIn("a_hr");
  std::int64_t rec = PublishedRecruitment(hr);
  auto applied = Client(Port()).PostJson("/api/v1/jobs/" + std::to_string(rec) + "/applications", Application("821"));
  ASSERT_EQ(applied.status, 201);
  CloseApplicationPeriod(hr, rec);
  const std::string base = "/api/v1/recruitments/" + std::to_string(rec);
  auto listed = hr.Get(base + "/applications").Json();
  const std::string app(listed.at("applications").at(0).at("id").as_string());
  Client registry = LoggedIn("a_registry");
  auto request = registry.PostJson("/api/v1/records-requests", json::object{{"recruitment_id", rec},
                                                                            {"requester", "Maija Meikäläinen"},
                                                                            {"received_on", "2025-06-02"},
                                                                            {"subject", "Hakijalista"},
                                                                            {"applicant_list", true}});
  ASSERT_EQ(request.status, 201) << request.body;
  const std::string reason = "records request " + std::to_string(request.Json().at("id").as_int64());
  auto read = registry.PostJson(base + "/applications/" + app + "/identity",
                                json::object{{"records_request_id", request.Json().at("id").as_int64()}});
  ASSERT_EQ(read.status, 200) << read.body;
  auto reads = hr.Get(base + "/identity-reads");
  ASSERT_EQ(reads.status, 200) << reads.body;
  bool seen = false;
  const auto reads_json = reads.Json();
  for (const auto& r : reads_json.at("identity_reads").as_array()) {
    if (r.at("actor_role").as_string() == "registry") {
      seen = true;
      EXPECT_EQ(r.at("reason").as_string(), reason);
      EXPECT_EQ(r.at("application_id").as_string(), app);
      EXPECT_EQ(r.at("basis").as_string(), "registry_request");
    }
  }
  EXPECT_TRUE(seen) << reads.body;
  EXPECT_EQ(LoggedIn("a_reviewer").Get(base + "/identity-reads").status, 403);
  EXPECT_EQ(LoggedIn("a_registry").Get(base + "/identity-reads").status, 403);
  EXPECT_EQ(LoggedIn("b_hr").Get(base + "/identity-reads").status, 404);
}

}  // namespace
}  // namespace reilu::testing

namespace reilu::testing {
namespace {

// Issue 10 (medium 3): an admin who creates an account that reaches identity data (HR, registry
// office) is shown to the organisation's auditor in the compliance report.
TEST_F(ApiTest, AccountsThatReachIdentityAreShownToTheAuditor) {
  Client admin = LoggedIn("a_admin");
  for (const auto& [username, role] : {std::pair{"new_registry", "registry"}, std::pair{"new_reviewer", "reviewer"}}) {
    auto created = admin.PostJson("/api/v1/users", json::object{{"username", username},
                                                                {"display_name", std::string("Name of ") + username},
                                                                {"role", role},
                                                                {"password", "a-long-enough-passphrase-2026"}});
    ASSERT_EQ(created.status, 201) << created.body;
  }
  auto report = LoggedIn("a_auditor").Get("/api/v1/reports/compliance");
  ASSERT_EQ(report.status, 200) << report.body;
  const auto json = report.Json();
  bool registry_seen = false;
  for (const auto& g : json.at("identity_role_grants").as_array()) {
    EXPECT_NE(g.at("user_name").as_string(), "Name of new_reviewer");  // reviewers reach no identity
    if (g.at("user_name").as_string() == "Name of new_registry") {
      registry_seen = true;
      EXPECT_EQ(g.at("role").as_string(), "registry");
      EXPECT_EQ(g.at("granted_by").as_int64(), a_.users["admin"]);
    }
  }
  EXPECT_TRUE(registry_seen) << report.body;
  // An HR specialist's report covers their own recruitments and no account grants.
  EXPECT_TRUE(LoggedIn("a_hr").Get("/api/v1/reports/compliance").Json().at("identity_role_grants").as_array().empty());
}

}  // namespace
}  // namespace reilu::testing

namespace reilu::testing {
namespace {

// Issue 10 (low): one organisation's admin could find another's usernames through "409 That
// username is taken". A name is now taken only within one organisation: accounts an admin creates
// log in as "name@login-domain".
TEST_F(ApiTest, UsernamesAreTakenOnlyWithinOneOrganisation) {
  Client admin_b = LoggedIn("b_admin");
  auto user = [](const std::string& name) {
    return json::object{{"username", name},
                        {"display_name", "Probe " + name},
                        {"role", "reviewer"},
                        {"password", "a-long-enough-passphrase-2026"}};
  };
  // "a_hr" exists in organisation A; B's admin cannot tell.
  auto created = admin_b.PostJson("/api/v1/users", user("a_hr"));
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.Json().at("username").as_string(), "a_hr@org-b");
  auto unknown = admin_b.PostJson("/api/v1/users", user("nobody_has_this"));
  ASSERT_EQ(unknown.status, 201) << unknown.body;
  // Taken within B: told, as B's admin sees B's accounts anyway.
  auto again = admin_b.PostJson("/api/v1/users", user("a_hr"));
  EXPECT_EQ(again.status, 409) << again.body;
  // Nor can B's admin write another organisation's domain into the name.
  auto foreign = admin_b.PostJson("/api/v1/users", user("hr@org-a"));
  EXPECT_EQ(foreign.status, 422) << foreign.body;
  EXPECT_EQ(foreign.Json().at("field").as_string(), "username");
  // The new account logs in with its domain; A's account is still A's.
  Client probe(Port());
  EXPECT_EQ(probe.Login("a_hr@org-b", "a-long-enough-passphrase-2026"), 200);
  EXPECT_EQ(probe.Get("/api/v1/session").Json().at("user").at("id").as_int64(), created.Json().at("id").as_int64());
  EXPECT_EQ(LoggedIn("a_hr").Get("/api/v1/session").Json().at("user").at("id").as_int64(), a_.users["hr"]);
}

}  // namespace
}  // namespace reilu::testing

namespace reilu::testing {
namespace {

// Issue 13, item 2: the equality funnel, only from statistics given with consent where the
// organisation asks them, counted per stage and group, small groups hidden; never in any view of an
// application.
TEST_F(ApiTest, TheEqualityFunnelCountsConsentedStatisticsAndHidesSmallGroups) {
  Client hr = LoggedIn("a_hr");
  std::int64_t rec = PublishedRecruitment(hr);
  std::string apply = "/api/v1/jobs/" + std::to_string(rec) + "/applications";
  Client pub(Port());
  int n = 0;
  auto submit = [&](const std::string& gender, const std::string& age) {
    json::object app = Application("7" + std::to_string(10 + n++) + "1");
    app["statistics"] = json::object{{"gender", gender}, {"age_band", age}, {"language_group", "fi"}};
    return pub.PostJson(apply, app);
  };
  for (int i = 0; i < 6; ++i) ASSERT_EQ(submit("woman", "30_44").status, 201);
  for (int i = 0; i < 5; ++i) ASSERT_EQ(submit("man", "45_59").status, 201);
  // A group of four: one short of being shown.
  for (int i = 0; i < 4; ++i) ASSERT_EQ(submit("other", "under_30").status, 201);
  auto bad = submit("female", "");
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(bad.Json().at("field").as_string(), "statistics.gender");

  Client auditor = LoggedIn("a_auditor");
  auto res = auditor.Get("/api/v1/reports/equality");
  ASSERT_EQ(res.status, 200) << res.body;
  auto report = res.Json();
  EXPECT_EQ(report.at("smallest_shown").as_int64(), 5);
  std::map<std::string, json::value> rows;
  for (const auto& r : report.at("rows").as_array()) {
    rows[std::string(r.at("dimension").as_string()) + "/" + std::string(r.at("group").as_string())] = r;
  }
  EXPECT_EQ(rows["gender/woman"].at("anonymous").at("applied").as_int64(), 6);
  EXPECT_EQ(rows["gender/man"].at("anonymous").at("applied").as_int64(), 5);
  EXPECT_TRUE(rows["gender/other"].at("suppressed").as_bool());
  EXPECT_FALSE(rows["gender/other"].as_object().contains("anonymous"));
  EXPECT_EQ(rows["language_group/fi"].at("anonymous").at("applied").as_int64(), 15);
  EXPECT_TRUE(rows["age_band/under_30"].at("suppressed").as_bool());
  EXPECT_EQ(rows["gender/woman"].at("anonymous").at("shortlisted").as_int64(), 0);
  // The same as CSV for Excel and as a PDF for the council, hidden counts as "<5" in both.
  auto csv = auditor.Get("/api/v1/reports/equality?format=csv&separator=semicolon");
  ASSERT_EQ(csv.status, 200);
  EXPECT_EQ(csv.body.rfind("\xEF\xBB\xBF\"dimension\";\"group\"", 0), 0u) << csv.body.substr(0, 60);
  EXPECT_NE(csv.body.find("\"gender\";\"woman\";\"anonymous\";\"6\""), std::string::npos) << csv.body;
  EXPECT_NE(csv.body.find("\"gender\";\"other\";\"anonymous\";\"<5\""), std::string::npos) << csv.body;
  auto pdf = auditor.Get("/api/v1/reports/equality?format=pdf&lang=fi");
  ASSERT_EQ(pdf.status, 200);
  EXPECT_EQ(pdf.body.rfind("%PDF-", 0), 0u);
  if (HasPdfToText()) {
    std::string text = PdfText(pdf.body);
    EXPECT_NE(text.find("Tasa-arvon seuranta"), std::string::npos) << text;
    EXPECT_NE(text.find("Nainen"), std::string::npos) << text;
    EXPECT_NE(text.find("<5"), std::string::npos) << text;
  }

  // The statistics reach no view of an application, not even the owner's.
  CloseApplicationPeriod(hr, rec);
  auto list = hr.Get("/api/v1/recruitments/" + std::to_string(rec) + "/applications");
  EXPECT_EQ(list.body.find("30_44"), std::string::npos);
  EXPECT_EQ(list.body.find("\"woman\""), std::string::npos);
  // Reviewers get no report; every view is audited.
  EXPECT_EQ(LoggedIn("a_reviewer").Get("/api/v1/reports/equality").status, 403);
  auto log = auditor.Get("/api/v1/audit?limit=1000").Json();
  bool seen = false;
  for (const auto& e : log.at("entries").as_array()) {
    seen =
        seen || (e.at("action").as_string() == "report.view" && e.at("detail").at("report").as_string() == "equality");
  }
  EXPECT_TRUE(seen);

  // Where the organisation does not ask them, statistics are refused.
  Client admin = LoggedIn("a_admin");
  ASSERT_EQ(
      admin.Call("PUT", "/api/v1/admin/form-fields", R"({"fields":[]})", {{"Content-Type", "application/json"}}).status,
      200);
  std::int64_t other = PublishedRecruitment(hr);
  json::object app = Application("7991");
  for (const char* field : {"birth_date", "gender", "nationality", "mother_tongue"}) {
    app["identity"].as_object().erase(field);  // not asked any more either
  }
  app["statistics"] = json::object{{"gender", "woman"}};
  auto refused = pub.PostJson("/api/v1/jobs/" + std::to_string(other) + "/applications", app);
  EXPECT_EQ(refused.status, 422) << refused.body;
  EXPECT_EQ(refused.Json().at("field").as_string(), "statistics");
}

// Eligibility (kelpoisuus): the owner's call with a reason for "not eligible", never shown to
// reviewers; an ineligible application cannot be shortlisted; the funnel counts the eligible.
TEST_F(ApiTest, EligibilityIsTheOwnersCallGatesTheShortlistAndCountsInTheFunnel) {
  Client hr = LoggedIn("a_hr");
  std::int64_t rec = PublishedRecruitment(hr);
  const std::string base = "/api/v1/recruitments/" + std::to_string(rec);
  Client pub(Port());
  for (int i = 0; i < 7; ++i) {
    json::object app = Application("8" + std::to_string(10 + i) + "1");
    app["statistics"] = json::object{{"gender", "woman"}, {"age_band", "30_44"}, {"language_group", "fi"}};
    ASSERT_EQ(pub.PostJson("/api/v1/jobs/" + std::to_string(rec) + "/applications", app).status, 201);
  }
  std::vector<std::string> ids;
  const json::value list = hr.Get(base + "/applications").Json();
  for (const auto& a : list.at("applications").as_array()) {
    ids.emplace_back(a.at("id").as_string());
  }
  ASSERT_EQ(ids.size(), 7u);
  auto assess = [&](Client& who, const std::string& id, json::object body) {
    return who.Call("PUT", base + "/applications/" + id + "/eligibility", json::serialize(body),
                    {{"Content-Type", "application/json"}});
  };
  // Not before the application period has ended.
  EXPECT_EQ(assess(hr, ids[0], {{"eligible", true}}).Json().at("code").as_string(), "screening_not_open");
  CloseApplicationPeriod(hr, rec);
  Client reviewer = LoggedIn("a_reviewer");
  EXPECT_EQ(assess(reviewer, ids[0], {{"eligible", true}}).status, 403);
  auto no_reason = assess(hr, ids[6], {{"eligible", false}});
  EXPECT_EQ(no_reason.status, 422) << no_reason.body;
  EXPECT_EQ(no_reason.Json().at("code").as_string(), "reason_required");
  EXPECT_EQ(no_reason.Json().at("field").as_string(), "reason");
  EXPECT_EQ(assess(hr, ids[0], {}).Json().at("field").as_string(), "eligible");
  const std::string reason = "Ei sosionomin (AMK) tutkintoa, jota ilmoitus edellyttää";
  auto refused = assess(hr, ids[6], {{"eligible", false}, {"reason", reason}});
  ASSERT_EQ(refused.status, 200) << refused.body;
  EXPECT_FALSE(refused.Json().at("eligible").as_bool());
  for (int i = 0; i < 6; ++i) ASSERT_EQ(assess(hr, ids[i], {{"eligible", true}}).status, 200);
  EXPECT_EQ(assess(hr, "no-such-application", {{"eligible", true}}).status, 404);
  // Requirement by requirement: the unmet one is the reason when none is written; the verdict must
  // follow the facts.
  json::array facts{{{"requirement", "Sosionomin (AMK) tutkinto"}, {"met", false}},
                    {{"requirement", "B-ajokortti"}, {"met", true}}};
  EXPECT_EQ(assess(hr, ids[6], {{"eligible", true}, {"requirements", facts}}).Json().at("field").as_string(),
            "eligible");
  auto by_facts = assess(hr, ids[6], {{"eligible", false}, {"requirements", facts}});
  ASSERT_EQ(by_facts.status, 200) << by_facts.body;
  EXPECT_EQ(by_facts.Json().at("reason").as_string(), "Sosionomin (AMK) tutkinto");
  EXPECT_EQ(by_facts.Json().at("requirements").as_array().size(), 2u);
  ASSERT_EQ(assess(hr, ids[6], {{"eligible", false}, {"reason", reason}}).status, 200);
  // Reviewers see the verdict on the list (not the reason) and do not score the ineligible one.
  const json::value seen_list = reviewer.Get(base + "/applications").Json();
  for (const auto& a : seen_list.at("applications").as_array()) {
    EXPECT_EQ(a.at("eligible").as_bool(), a.at("id").as_string() != ids[6]);
  }
  auto score =
      reviewer.Call("PUT", base + "/applications/" + ids[6] + "/scores",
                    R"({"scores":[{"criterion_id":"exp","value":3}]})", {{"Content-Type", "application/json"}});
  EXPECT_EQ(score.status, 409) << score.body;
  EXPECT_EQ(score.Json().at("code").as_string(), "not_eligible");

  // The owner sees every assessment with its reason; reviewers none of it.
  auto owner_view = hr.Get(base + "/screening").Json();
  ASSERT_EQ(owner_view.at("eligibility").as_array().size(), 7u);
  EXPECT_NE(json::serialize(owner_view).find("sosionomin"), std::string::npos);
  auto reviewer_view = reviewer.Get(base + "/screening");
  EXPECT_FALSE(reviewer_view.Json().as_object().contains("eligibility"));
  EXPECT_EQ(reviewer_view.body.find("sosionomin"), std::string::npos);
  const json::value ranking = hr.Get(base + "/ranking").Json();
  // The ineligible one has left the ranking.
  ASSERT_EQ(ranking.at("ranking").as_array().size(), 6u);
  for (const auto& row : ranking.at("ranking").as_array()) {
    EXPECT_TRUE(row.at("eligible").as_bool());
    EXPECT_NE(row.at("application_id").as_string(), ids[6]);
  }

  // The ineligible one cannot be shortlisted; after the shortlist nothing changes any more.
  auto with_ineligible = hr.PostJson(base + "/shortlist", json::object{{"application_ids", {ids[0], ids[6]}}});
  EXPECT_EQ(with_ineligible.status, 409) << with_ineligible.body;
  EXPECT_EQ(with_ineligible.Json().at("code").as_string(), "not_eligible");
  ASSERT_EQ(hr.PostJson(base + "/shortlist", json::object{{"application_ids", {ids[0], ids[1]}}}).status, 200);
  EXPECT_EQ(assess(hr, ids[2], {{"eligible", false}, {"reason", "x"}}).Json().at("code").as_string(), "scores_frozen");

  // The funnel: 7 applied, 6 eligible, 2 shortlisted (fewer than five: hidden).
  Client auditor = LoggedIn("a_auditor");
  const json::value funnel = auditor.Get("/api/v1/reports/equality").Json();
  for (const auto& r : funnel.at("rows").as_array()) {
    if (r.at("dimension").as_string() != "gender" || r.at("group").as_string() != "woman") continue;
    EXPECT_EQ(r.at("anonymous").at("applied").as_int64(), 7);
    EXPECT_EQ(r.at("anonymous").at("eligible").as_int64(), 6);
    EXPECT_TRUE(r.at("anonymous").at("shortlisted").is_null());
  }
  auto csv = auditor.Get("/api/v1/reports/equality?format=csv");
  EXPECT_NE(csv.body.find("\"applied\",\"eligible\",\"shortlisted\""), std::string::npos) << csv.body.substr(0, 120);
  EXPECT_NE(csv.body.find("\"gender\",\"woman\",\"anonymous\",\"7\",\"6\",\"<5\""), std::string::npos) << csv.body;
  // The audit log says who assessed which application and the outcome, not the reason's words.
  bool logged = false;
  const json::value audit = auditor.Get("/api/v1/audit?limit=1000").Json();
  for (const auto& e : audit.at("entries").as_array()) {
    if (e.at("action").as_string() != "screening.eligibility") continue;
    logged = true;
    EXPECT_EQ(json::serialize(e).find("sosionomin"), std::string::npos);
  }
  EXPECT_TRUE(logged);
}

// What the council must see: a lift (when, for how many, how long after the deadline) and a
// permanent post processed openly — possible only by a policy change — flagged, and the PDF for
// the agenda draws (pdftoppm), in each language.
TEST_F(ApiTest, TheComplianceReportCountsLiftsAndFlagsAPermanentPostProcessedOpenly) {
  Client hr = LoggedIn("a_hr");
  std::int64_t rec = PublishedRecruitment(hr);
  Client pub(Port());
  for (const char* tag : {"821", "822", "823"}) {
    ASSERT_EQ(pub.PostJson("/api/v1/jobs/" + std::to_string(rec) + "/applications", Application(tag)).status, 201);
  }
  const std::string base = "/api/v1/recruitments/" + std::to_string(rec);
  const json::value list = hr.Get(base + "/applications").Json();
  const std::string first(list.at("applications").at(0).at("id").as_string());
  CloseAndShortlist(hr, rec, {first});
  ASSERT_EQ(hr.PostJson(base + "/lift", json::object{{"all", true}, {"reason", "Kutsuttu haastatteluun"}}).status, 200);

  // A policy change lets a permanent post be processed openly: the report flags it.
  Client admin = LoggedIn("a_admin");
  ASSERT_EQ(admin.Call("PUT", "/api/v1/policy", R"({"permanent":"default_on"})", {{"Content-Type", "application/json"}})
                .status,
            200);
  json::object body = RecruitmentBody({a_.users["reviewer"]}, "permanent");
  body["anonymous"] = false;
  body["anonymity_exception_reason"] = "Sisäinen siirto, hakijat tunnetaan";
  auto created = hr.PostJson("/api/v1/recruitments", body);
  ASSERT_EQ(created.status, 201) << created.body;
  const std::int64_t open = created.Json().at("id").as_int64();
  ASSERT_EQ(hr.PostJson("/api/v1/recruitments/" + std::to_string(open) + "/publish", json::object{}).status, 200);

  const json::value report = admin.Get("/api/v1/reports/compliance").Json();
  EXPECT_EQ(report.at("by_term").at("permanent").at("not_anonymous").as_int64(), 1);
  ASSERT_EQ(report.at("permanent_not_anonymous").as_array().size(), 1u);
  EXPECT_EQ(report.at("permanent_not_anonymous").at(0).at("recruitment_id").as_int64(), open);
  EXPECT_EQ(report.at("permanent_not_anonymous").at(0).at("reason").as_string(), "Sisäinen siirto, hakijat tunnetaan");
  bool seen = false;
  for (const auto& r : report.at("recruitments").as_array()) {
    if (r.at("id").as_int64() != rec) continue;
    seen = true;
    EXPECT_EQ(r.at("applications").as_int64(), 3);
    EXPECT_EQ(r.at("lifted").as_int64(), 1);  // the shortlisted one: the others stay anonymous
    EXPECT_FALSE(r.at("first_lift_at").is_null());
  }
  EXPECT_TRUE(seen);
  for (const char* lang : {"fi", "sv", "en"}) {
    auto pdf = admin.Get(std::string("/api/v1/reports/compliance?format=pdf&lang=") + lang);
    ASSERT_EQ(pdf.status, 200);
    if (HasPdfToText()) {
      EXPECT_GE(RenderedPages(pdf.body), 1) << lang;
      EXPECT_NE(PdfText(pdf.body).find("Sisäinen siirto"), std::string::npos) << lang;
    }
    auto funnel = admin.Get(std::string("/api/v1/reports/equality?format=pdf&lang=") + lang);
    ASSERT_EQ(funnel.status, 200);
    if (HasPdfToText()) {
      EXPECT_GE(RenderedPages(funnel.body), 1) << lang;
    }
  }
}

// The applicant changes the application with the e-mailed link until the deadline: what was sent
// comes back to fill the form, the new version replaces it, goes back to HR's check and is logged;
// files stay as sent; after the deadline (or a withdrawal) nothing can be changed.
TEST_F(ApiTest, TheApplicantChangesTheApplicationUntilTheDeadline) {
  Client hr = LoggedIn("a_hr");
  const std::int64_t rec = PublishedRecruitment(hr);
  const std::string base = "/api/v1/recruitments/" + std::to_string(rec);
  Client applicant(Port());
  auto applied = applicant.PostJson("/api/v1/jobs/" + std::to_string(rec) + "/applications", Application("417"));
  ASSERT_EQ(applied.status, 201) << applied.body;
  const json::value receipt = applied.Json();
  const std::string app_id(hr.Get(base + "/applications").Json().at("applications").at(0).at("id").as_string());
  json::object proof{{"reference", receipt.at("reference")}, {"token", receipt.at("status_token")}};
  auto put = [&](const json::object& body) {
    return applicant.Call("PUT", "/api/v1/applicant/application", json::serialize(body),
                          {{"Content-Type", "application/json"}});
  };

  const json::value status = applicant.PostJson("/api/v1/applicant/status", proof).Json();
  EXPECT_TRUE(status.at("editable").as_bool());
  const json::value sent = applicant.PostJson("/api/v1/applicant/application", proof).Json();
  EXPECT_EQ(sent.at("identity").at("first_name").as_string(), "Firstname417");
  EXPECT_EQ(sent.at("merits").at("experience").at(0).at("months").as_int64(), 48);
  EXPECT_NE(std::string(sent.at("free_text").at("cover_letter").as_string()).find("Hometown417"), std::string::npos);
  json::object wrong = proof;
  wrong["token"] = std::string(64, '0');
  EXPECT_EQ(applicant.PostJson("/api/v1/applicant/application", wrong).status, 404);

  // HR released the first text; the change takes it back for a new check.
  ASSERT_EQ(
      hr.Call("PUT", base + "/applications/" + app_id + "/redaction", "{}", {{"Content-Type", "application/json"}})
          .status,
      200);
  json::object changed = Application("417");
  changed["reference"] = proof["reference"];
  changed["token"] = proof["token"];
  changed["free_text"].as_object()["cover_letter"] = "Olen Firstname417 ja minulla on nyt myös johtamiskokemusta.";
  changed["identity"].as_object()["email"] = "uusi417@canary.test";
  json::object with_file = changed;
  with_file["attachments"] = json::array{File("cv.pdf", CanaryCv("417"))};
  auto refused = put(with_file);
  EXPECT_EQ(refused.status, 422) << refused.body;
  EXPECT_EQ(refused.Json().at("field").as_string(), "attachments");
  json::object bad = changed;
  bad["identity"].as_object()["email"] = "testi@";
  auto invalid = put(bad);
  EXPECT_EQ(invalid.status, 422) << invalid.body;
  EXPECT_EQ(invalid.Json().at("field").as_string(), "identity.email");
  json::object stolen = changed;
  stolen["token"] = std::string(64, '0');
  EXPECT_EQ(put(stolen).status, 404);

  auto amended = put(changed);
  ASSERT_EQ(amended.status, 200) << amended.body;
  const json::value now_sent = applicant.PostJson("/api/v1/applicant/application", proof).Json();
  EXPECT_EQ(now_sent.at("identity").at("email").as_string(), "uusi417@canary.test");
  EXPECT_NE(std::string(now_sent.at("free_text").at("cover_letter").as_string()).find("johtamiskokemusta"),
            std::string::npos);
  const json::value review = hr.Get(base + "/applications/" + app_id + "/redaction").Json();
  EXPECT_FALSE(review.at("released").as_bool());
  EXPECT_NE(json::serialize(review.at("texts")).find("johtamiskokemusta"), std::string::npos);
  const json::value log =
      hr.Get("/api/v1/audit?recruitment_id=" + std::to_string(rec) + "&action=application.amend").Json();
  ASSERT_EQ(log.at("entries").as_array().size(), 1u);
  EXPECT_EQ(json::serialize(log).find("johtamiskokemusta"), std::string::npos);  // the log says that, not what
  EXPECT_EQ(json::serialize(log).find("uusi417"), std::string::npos);

  CloseApplicationPeriod(hr, rec);
  EXPECT_FALSE(applicant.PostJson("/api/v1/applicant/status", proof).Json().at("editable").as_bool());
  auto late = put(changed);
  EXPECT_EQ(late.status, 409) << late.body;
  EXPECT_EQ(late.Json().at("code").as_string(), "deadline_passed");
}

// A draft kept on the server at the applicant's choice: reached only with its secret, saved again
// as the applicant types, discarded after sending, and gone when the ad closes.
TEST_F(ApiTest, ADraftKeptOnTheServerOpensOnlyWithItsSecretUntilTheAdCloses) {
  Client hr = LoggedIn("a_hr");
  const std::int64_t rec = PublishedRecruitment(hr);
  Client applicant(Port());
  const std::string start = "/api/v1/jobs/" + std::to_string(rec) + "/drafts";
  json::object form{{"identity", {{"first_name", "Luonnos"}, {"email", "luonnos@example.fi"}}},
                    {"coverLetter", "Olen työskennellyt kirjastossa"}};
  auto bad_mail = applicant.PostJson(start, json::object{{"content", form}, {"email", "testi@"}});
  EXPECT_EQ(bad_mail.status, 422);
  EXPECT_EQ(bad_mail.Json().at("field").as_string(), "email");
  auto not_object = applicant.PostJson(start, json::object{{"content", "teksti"}, {"email", "luonnos@example.fi"}});
  EXPECT_EQ(not_object.status, 422);
  EXPECT_EQ(not_object.Json().at("field").as_string(), "content");

  auto kept =
      applicant.PostJson(start, json::object{{"content", form}, {"email", "luonnos@example.fi"}, {"lang", "sv"}});
  ASSERT_EQ(kept.status, 201) << kept.body;
  const std::string draft(kept.Json().at("draft").as_string());
  const std::string secret(kept.Json().at("secret").as_string());
  const std::string path = "/api/v1/drafts/" + draft;
  EXPECT_EQ(applicant.PostJson(path + "/open", json::object{{"secret", std::string(64, '0')}}).status, 404);
  EXPECT_EQ(applicant.PostJson("/api/v1/drafts/nonexistent/open", json::object{{"secret", secret}}).status, 404);
  auto opened = applicant.PostJson(path + "/open", json::object{{"secret", secret}});
  ASSERT_EQ(opened.status, 200) << opened.body;
  EXPECT_EQ(opened.Json().at("content"), json::value(form));
  EXPECT_EQ(opened.Json().at("recruitment_id").as_int64(), rec);

  form["coverLetter"] = "Olen työskennellyt kirjastossa kuusi vuotta.";
  auto saved = applicant.Call("PUT", path, json::serialize(json::object{{"secret", secret}, {"content", form}}),
                              {{"Content-Type", "application/json"}});
  ASSERT_EQ(saved.status, 200) << saved.body;
  EXPECT_EQ(applicant.PostJson(path + "/open", json::object{{"secret", secret}}).Json().at("content"),
            json::value(form));
  auto stolen = applicant.Call("PUT", path, json::serialize(json::object{{"secret", "x"}, {"content", form}}),
                               {{"Content-Type", "application/json"}});
  EXPECT_EQ(stolen.status, 404);

  // No one at the employer reaches drafts: nothing of it in the applications or the log.
  EXPECT_EQ(hr.Get("/api/v1/recruitments/" + std::to_string(rec) + "/applications").body.find("Luonnos"),
            std::string::npos);
  EXPECT_EQ(LoggedIn("a_auditor").Get("/api/v1/audit?limit=1000").body.find("Luonnos"), std::string::npos);

  // A few links per address: the fourth within minutes is refused.
  for (int i = 0; i < 2; ++i) {
    EXPECT_EQ(applicant.PostJson(start, json::object{{"content", form}, {"email", "luonnos@example.fi"}}).status, 201);
  }
  auto flood = applicant.PostJson(start, json::object{{"content", form}, {"email", "luonnos@example.fi"}});
  EXPECT_EQ(flood.status, 429) << flood.body;

  EXPECT_EQ(applicant.PostJson(path + "/discard", json::object{{"secret", secret}}).status, 200);
  EXPECT_EQ(applicant.PostJson(path + "/open", json::object{{"secret", secret}}).status, 404);

  auto other = applicant.PostJson(start, json::object{{"content", form}, {"email", "toinen@example.fi"}});
  ASSERT_EQ(other.status, 201) << other.body;
  const std::string other_path = "/api/v1/drafts/" + std::string(other.Json().at("draft").as_string());
  const json::object other_secret{{"secret", other.Json().at("secret")}};
  ASSERT_EQ(applicant.PostJson(other_path + "/open", other_secret).status, 200);
  CloseApplicationPeriod(hr, rec);
  EXPECT_EQ(applicant.PostJson(other_path + "/open", other_secret).status, 404);
  EXPECT_EQ(applicant.PostJson(start, json::object{{"content", form}, {"email", "kolmas@example.fi"}}).status, 409);
}

}  // namespace
}  // namespace reilu::testing
