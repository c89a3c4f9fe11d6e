// A whole recruitment through the real server and a real SMTP sink: 3 reviewers, 20 applicants,
// scores, a recusal, a withdrawal, the shortlist, lift for 4, interviews, the decision, notices
// and the appeal date; and that nothing a reviewer receives before the lift names anyone.
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <map>
#include <set>
#include <thread>

#include "api_fixture.h"
#include "core/selection.h"
#include "notify/calendar.h"

namespace reilu::testing {
namespace {

class WorkflowTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    if (IsSkipped()) return;
    sink_ = std::make_unique<SmtpSink>(dir_.path() / "smtp", "reilu:sink-password");
    Client admin = LoggedIn("a_admin");
    auto set = admin.Call("PUT", "/api/v1/admin/mail-settings",
                          json::serialize(json::object{{"host", "127.0.0.1"},
                                                       {"port", sink_->port()},
                                                       {"security", "none"},
                                                       {"username", "reilu"},
                                                       {"password", "sink-password"},
                                                       {"from_address", "rekry@city-a.test"},
                                                       {"from_name", "City A"}}),
                          {{"Content-Type", "application/json"}});
    ASSERT_EQ(set.status, 202) << set.body;
    EXPECT_FALSE(set.Json().as_object().contains("password"));
    // A second person confirms where applicant mail goes.
    auto confirmed = LoggedIn("a_hr").PostJson("/api/v1/admin/mail-settings/confirm", json::object{});
    ASSERT_EQ(confirmed.status, 200) << confirmed.body;
  }

  std::string P(const std::string& tail) const { return "/api/v1/recruitments/" + std::to_string(rec_) + tail; }
  std::string A(const std::string& app, const std::string& tail) const { return P("/applications/" + app + tail); }
  HttpResult Put(Client& c, const std::string& path, const json::value& body) {
    return c.Call("PUT", path, json::serialize(body), {{"Content-Type", "application/json"}});
  }

  // All messages to one recipient domain, decoded.
  std::vector<std::string> MailTo(const std::vector<std::string>& all, const std::string& suffix) {
    std::vector<std::string> out;
    for (const auto& m : all) {
      if (MailHeader(m, "X-Envelope-To").ends_with(suffix)) out.push_back(DecodeMail(m));
    }
    return out;
  }

  std::unique_ptr<SmtpSink> sink_;
  std::int64_t rec_ = 0;
};

TEST_F(WorkflowTest, WholeRecruitmentFromScoresToNotices) {
  Client hr = LoggedIn("a_hr");
  json::object body = RecruitmentBody({a_.users["reviewer"], a_.users["reviewer2"], a_.users["reviewer3"]});
  body["languages"] = {"fi", "sv", "en"};
  body["title"] = {{"fi", "Kirjastonhoitaja"}, {"sv", "Bibliotekarie"}, {"en", "Librarian"}};
  body["description"] = {{"fi", "Kuvaus"}, {"sv", "Beskrivning"}, {"en", "Description"}};
  body["criteria"] = json::array{
      {{"id", "exp"}, {"title", {{"fi", "Kokemus"}, {"sv", "Erfarenhet"}, {"en", "Experience"}}}, {"weight", 2}}};
  body["questions"] =
      json::array{{{"id", "why"}, {"text", {{"fi", "Miksi?"}, {"sv", "Varför?"}, {"en", "Why?"}}}, {"required", true}}};
  auto created = hr.PostJson("/api/v1/recruitments", body);
  ASSERT_EQ(created.status, 201) << created.body;
  rec_ = created.Json().at("id").as_int64();
  ASSERT_EQ(hr.PostJson(P("/publish"), json::object{}).status, 200);

  // Criteria can still change before the deadline: add education, with marking guides.
  json::array criteria{
      {{"id", "exp"}, {"title", {{"fi", "Kokemus"}}}, {"weight", 2}, {"guide", {{"fi", "1 = ei, 5 = laaja"}}}},
      {{"id", "edu"}, {"title", {{"fi", "Koulutus"}}}, {"weight", 1}, {"guide", {{"fi", "1 = ei, 5 = ylempi"}}}}};
  // Published in three languages: a criterion only in Finnish is refused, naming what is missing.
  auto untranslated = Put(hr, P("/criteria"), json::object{{"criteria", criteria}});
  EXPECT_EQ(untranslated.status, 422) << untranslated.body;
  EXPECT_EQ(untranslated.Json().at("field").as_string(), "criteria.exp.title.sv");
  criteria[0].as_object()["title"] = {{"fi", "Kokemus"}, {"sv", "Erfarenhet"}, {"en", "Experience"}};
  criteria[1].as_object()["title"] = {{"fi", "Koulutus"}, {"sv", "Utbildning"}, {"en", "Education"}};
  auto crit = Put(hr, P("/criteria"), json::object{{"criteria", criteria}});
  ASSERT_EQ(crit.status, 200) << crit.body;
  EXPECT_EQ(crit.Json().at("criteria").as_array().size(), 2u);

  // 20 applicants in three languages.
  std::vector<std::string> tags;
  for (int t = 411; tags.size() < 20; ++t) {
    if (t % 10 != 0) tags.push_back(std::to_string(t));
  }
  std::map<std::string, std::string> lang_of;  // tag -> language
  Client public_client(Port());
  for (size_t i = 0; i < tags.size(); ++i) {
    json::object app = Application(tags[i]);
    std::string lang = i % 3 == 0 ? "sv" : i % 3 == 1 ? "en" : "fi";
    app["identity"].as_object()["language"] = lang;
    lang_of[tags[i]] = lang;
    auto res = public_client.PostJson("/api/v1/jobs/" + std::to_string(rec_) + "/applications", app);
    ASSERT_EQ(res.status, 201) << res.body;
  }
  // Every applicant gets a receipt with the status link, in their language, through SMTP with AUTH.
  auto receipts = sink_->WaitFor(20);
  ASSERT_EQ(receipts.size(), 20u);
  std::map<std::string, std::pair<std::string, std::string>> link_of;  // tag -> (reference, token)
  for (const auto& raw : receipts) {
    EXPECT_EQ(MailHeader(raw, "X-Authenticated"), "yes");
    std::string text = DecodeMail(raw);
    std::string to = MailHeader(raw, "X-Envelope-To");
    std::string tag = to.substr(4, to.find('@') - 4);  // mail<tag>@canary.test
    auto ref = text.find("#ref="), tok = text.find("&token=");
    ASSERT_NE(ref, std::string::npos);
    EXPECT_EQ(text.find("http://reilu.test/status#ref="), ref - std::string("http://reilu.test/status").size());
    link_of[tag] = {text.substr(ref + 5, tok - ref - 5), text.substr(tok + 7, 64)};
    const std::string& lang = lang_of[tag];
    EXPECT_NE(text.find(lang == "sv"   ? "Tack för din ansökan"
                        : lang == "en" ? "Thank you for your application"
                                       : "Kiitos hakemuksestasi"),
              std::string::npos)
        << tag << " " << lang;
  }
  ASSERT_EQ(link_of.size(), 20u);

  auto list = hr.Get(P("/applications")).Json().at("applications").as_array();
  std::vector<std::string> ids;
  for (const auto& a : list) ids.emplace_back(a.at("id").as_string());
  for (const auto& id : ids) ASSERT_EQ(Put(hr, A(id, "/redaction"), json::object{}).status, 200);

  Client r1 = LoggedIn("a_reviewer"), r2 = LoggedIn("a_reviewer2"), r3 = LoggedIn("a_reviewer3");
  json::object one_score{{"scores", json::array{{{"criterion_id", "exp"}, {"value", 3}}}}};
  auto early = Put(r1, A(ids[0], "/scores"), one_score);
  EXPECT_EQ(early.status, 409);
  EXPECT_EQ(early.Json().at("code").as_string(), "screening_not_open");

  ASSERT_EQ(hr.PostJson(P("/close"), json::object{}).status, 200);
  auto locked = Put(hr, P("/criteria"), json::object{{"criteria", criteria}});
  EXPECT_EQ(locked.status, 409);
  EXPECT_EQ(locked.Json().at("code").as_string(), "criteria_locked");

  // The last applicant withdraws with the reference code and the e-mailed secret.
  const std::string& quitter = tags.back();
  json::object wrong{{"reference", link_of[quitter].first}, {"token", std::string(64, '0')}};
  EXPECT_EQ(public_client.PostJson("/api/v1/applicant/withdraw", wrong).status, 404);
  json::object proof{{"reference", link_of[quitter].first}, {"token", link_of[quitter].second}};
  auto withdrawn = public_client.PostJson("/api/v1/applicant/withdraw", proof);
  ASSERT_EQ(withdrawn.status, 200) << withdrawn.body;
  EXPECT_EQ(public_client.PostJson("/api/v1/applicant/status", proof).Json().at("status").as_string(), "withdrawn");
  std::string withdrawn_id;
  auto after_withdrawal = hr.Get(P("/applications")).Json();
  for (const auto& a : after_withdrawal.at("applications").as_array()) {
    if (a.at("withdrawn").as_bool()) withdrawn_id = std::string(a.at("id").as_string());
  }
  ASSERT_FALSE(withdrawn_id.empty());
  std::vector<std::string> active;
  for (const auto& id : ids) {
    if (id != withdrawn_id) active.push_back(id);
  }
  ASSERT_EQ(active.size(), 19u);
  EXPECT_EQ(Put(r1, A(withdrawn_id, "/scores"), one_score).Json().at("code").as_string(), "withdrawn");

  // Before scoring, a reviewer does not see the others' scores.
  auto score = [&](Client& c, const std::string& app, int exp, int edu) {
    json::object b{{"scores", json::array{{{"criterion_id", "exp"}, {"value", exp}, {"justification", "Työkokemus"}},
                                          {{"criterion_id", "edu"}, {"value", edu}}}}};
    auto res = Put(c, A(app, "/scores"), b);
    EXPECT_EQ(res.status, 200) << res.body;
    return res;
  };
  for (size_t i = 0; i < active.size(); ++i) {
    int exp = 1 + static_cast<int>(i % 5), edu = 1 + static_cast<int>((i * 3) % 5);
    score(r1, active[i], exp, edu);
    score(r2, active[i], exp, edu);
  }
  auto hidden = r3.Get(A(active[0], "/scores")).Json();
  EXPECT_FALSE(hidden.at("others_visible").as_bool());
  EXPECT_TRUE(hidden.at("others").is_null());
  for (size_t i = 0; i < active.size(); ++i) {
    int exp = 1 + static_cast<int>(i % 5), edu = 1 + static_cast<int>((i * 3) % 5);
    score(r3, active[i], i == 1 ? 5 : exp, edu);  // r3 disagrees on application 1 (2 vs 5)
  }
  auto visible = r3.Get(A(active[0], "/scores")).Json();
  EXPECT_TRUE(visible.at("others_visible").as_bool());
  EXPECT_EQ(visible.at("others").as_array().size(), 4u);
  auto bad =
      Put(r1, A(active[0], "/scores"), json::object{{"scores", json::array{{{"criterion_id", "exp"}, {"value", 6}}}}});
  EXPECT_EQ(bad.status, 422);

  // Reviewer 3 recognises applicant 2: access and scores end, recorded.
  auto unconfirmed = r3.PostJson(A(active[2], "/recusal"), json::object{{"reason", "Former colleague"}});
  EXPECT_EQ(unconfirmed.status, 422);
  ASSERT_EQ(
      r3.PostJson(A(active[2], "/recusal"), json::object{{"confirm", true}, {"reason", "Former colleague"}}).status,
      200);
  EXPECT_EQ(r3.Get(A(active[2], "")).Json().at("code").as_string(), "recused");
  EXPECT_EQ(r3.Get(A(active[2], "/scores")).status, 403);
  EXPECT_EQ(Put(r3, A(active[2], "/scores"), one_score).status, 403);

  // One question at a time, in the reviewer's own order; the recused application is left out.
  auto chunk = r3.Get(P("/chunk?question_id=why")).Json();
  EXPECT_EQ(chunk.at("answers").as_array().size(), 18u);
  EXPECT_EQ(r1.Get(P("/chunk")).Json().at("answers").as_array().size(), 19u);

  // The combined ranking: 19 active applications, weighted, with the disagreement flagged.
  auto ranking = hr.Get(P("/ranking")).Json().at("ranking").as_array();
  ASSERT_EQ(ranking.size(), 19u);
  std::map<std::string, json::object> by_id;
  for (const auto& e : ranking) by_id[std::string(e.at("application_id").as_string())] = e.as_object();
  EXPECT_TRUE(by_id[active[1]].at("disagreement").as_bool());
  EXPECT_FALSE(by_id[active[0]].at("disagreement").as_bool());
  EXPECT_EQ(by_id[active[2]].at("reviewers").as_int64(), 2);  // the recused reviewer's scores are gone
  for (size_t i = 1; i < ranking.size(); ++i) {
    EXPECT_GE(ranking[i - 1].at("weighted_score").as_double(), ranking[i].at("weighted_score").as_double());
  }
  EXPECT_TRUE(r1.Get(P("/ranking")).Json().at("available").as_bool());
  // The owner's table for a spreadsheet: pseudonyms and scores, each criterion by its title.
  auto csv = hr.Get(P("/ranking?format=csv"));
  ASSERT_EQ(csv.status, 200) << csv.body;
  EXPECT_NE(csv.headers.find("text/csv"), std::string::npos);
  EXPECT_EQ(csv.body.rfind("\xEF\xBB\xBF\"rank\";\"pseudonym\";\"weighted_score\"", 0), 0u) << csv.body;
  EXPECT_EQ(std::count(csv.body.begin(), csv.body.end(), '\n'), static_cast<std::ptrdiff_t>(ranking.size() + 1));
  EXPECT_EQ(csv.body.find("Firstname"), std::string::npos);
  EXPECT_EQ(r1.Get(P("/ranking?format=csv")).status, 403);

  // The lowest-ranked one lacks the required degree (kelpoisuus): it says so in the decision.
  const std::string lowest(ranking.back().at("application_id").as_string());
  ASSERT_EQ(hr.Call("PUT", A(lowest, "/eligibility"),
                    R"({"eligible":false,"reason":"Lacks the required degree in library science"})",
                    {{"Content-Type", "application/json"}})
                .status,
            200);

  // Shortlist the top four: the anonymous-stage scores freeze.
  std::vector<std::string> top;
  for (size_t i = 0; i < 4; ++i) top.emplace_back(ranking[i].at("application_id").as_string());
  json::array top_ids;
  for (const auto& id : top) top_ids.push_back(json::string(id));
  auto shortlisted =
      hr.PostJson(P("/shortlist"), json::object{{"application_ids", top_ids}, {"reason", "Four best on the criteria"}});
  ASSERT_EQ(shortlisted.status, 200) << shortlisted.body;
  auto frozen = Put(r1, A(active[0], "/scores"), one_score);
  EXPECT_EQ(frozen.status, 409);
  EXPECT_EQ(frozen.Json().at("code").as_string(), "scores_frozen");
  auto mails = sink_->WaitFor(20 + 1 + 3);
  ASSERT_EQ(mails.size(), 24u);

  // Before the lift: nothing a reviewer can fetch or was e-mailed names any applicant.
  std::string reviewer_view;
  for (Client* c : {&r1, &r2, &r3}) reviewer_view += EverythingAReviewerCanFetch(*c, rec_, ids);
  for (const auto& m : MailTo(mails, "@staff.test")) reviewer_view += m;
  ASSERT_NE(reviewer_view.find(std::string(ranking[0].at("pseudonym").as_string())), std::string::npos);
  for (const auto& tag : tags) {
    for (const auto& canary : Canaries(tag)) ASSERT_EQ(reviewer_view.find(canary), std::string::npos) << canary;
  }

  // Lift for the four, then interviews with calendar invitations.
  auto lifted = hr.PostJson(P("/lift"), json::object{{"reason", "Invited to interview"}, {"all", true}});
  ASSERT_EQ(lifted.status, 200) << lifted.body;
  UnixTime when = app::Now() + 7 * 86400;
  for (size_t i = 0; i < top.size(); ++i) {
    auto interview =
        hr.PostJson(P("/interviews"), json::object{{"application_id", top[i]},
                                                   {"starts_at", when + static_cast<UnixTime>(i) * 3600},
                                                   {"minutes", 45},
                                                   {"location", "Kaupungintalo, huone 2"},
                                                   {"interviewers", {a_.users["reviewer"], a_.users["reviewer2"]}}});
    ASSERT_EQ(interview.status, 201) << interview.body;
  }
  std::string outsider = *std::find_if(active.begin(), active.end(), [&](const std::string& id) {
    return std::find(top.begin(), top.end(), id) == top.end();
  });
  auto not_listed = hr.PostJson(
      P("/interviews"), json::object{{"application_id", outsider}, {"starts_at", when}, {"location", "Kaupungintalo"}});
  EXPECT_EQ(not_listed.status, 409);
  auto interviews = r1.Get(P("/interviews")).Json().at("interviews").as_array();
  ASSERT_EQ(interviews.size(), 4u);
  std::string notes_path = P("/interviews/" + std::to_string(interviews[0].at("id").as_int64()) + "/notes");
  auto notes = Put(r1, notes_path,
                   json::object{{"notes", json::array{{{"criterion_id", "exp"}, {"score", 4}, {"note", "Vahva"}}}}});
  EXPECT_EQ(notes.status, 200) << notes.body;
  EXPECT_EQ(Put(r3, notes_path, json::object{{"notes", json::array{{{"criterion_id", "exp"}, {"note", "x"}}}}}).status,
            403);

  mails = sink_->WaitFor(24 + 4 + 8);
  ASSERT_EQ(mails.size(), 36u);
  int invitations = 0;
  for (const auto& raw : mails) {
    if (raw.find("text/calendar") == std::string::npos) continue;
    std::string text = DecodeMail(raw);
    EXPECT_NE(text.find("BEGIN:VEVENT"), std::string::npos);
    EXPECT_NE(text.find("LOCATION:Kaupungintalo\\, huone 2"), std::string::npos);
    if (MailHeader(raw, "X-Envelope-To").ends_with("@canary.test")) ++invitations;
  }
  EXPECT_EQ(invitations, 4);
  // Interviewers' e-mail names the pseudonym only, even after the lift.
  std::string staff_mail;
  for (const auto& m : MailTo(mails, "@staff.test")) staff_mail += m;
  for (const auto& tag : tags) {
    for (const auto& canary : Canaries(tag)) EXPECT_EQ(staff_mail.find(canary), std::string::npos) << canary;
  }

  // Where rectification requests go, set by the admin, is told in every notice and the document.
  ASSERT_EQ(LoggedIn("a_admin")
                .Call("PUT", "/api/v1/admin/registry-contact",
                      R"({"contact":"kirjaamo, PL 1, 98101 Kemijärvi, kirjaamo@city-a.test"})",
                      {{"Content-Type", "application/json"}})
                .status,
            200);
  // The reasoned decision: first selected, second in reserve, the rest not selected. The reasoning
  // is also written in Swedish (the ad's languages only), for those who applied in Swedish.
  json::object decided{{"outcomes", json::array{{{"application_id", top[0]}, {"outcome", "selected"}},
                                                {{"application_id", top[1]}, {"outcome", "reserve"}}}},
                       {"reasoning", "Highest weighted score on experience and education; strongest interview."},
                       {"reasoning_in", {{"de", "Die höchste gewichtete Punktzahl bei Erfahrung und Ausbildung."}}}};
  auto german = hr.PostJson(P("/decision"), decided);
  EXPECT_EQ(german.status, 422) << german.body;
  EXPECT_EQ(german.Json().at("field").as_string(), "reasoning_in.de");
  decided["reasoning_in"] = {{"sv", "Högsta viktade poäng i erfarenhet och utbildning; starkaste intervjun."}};
  auto decision = hr.PostJson(P("/decision"), decided);
  ASSERT_EQ(decision.status, 201) << decision.body;
  std::string appeal_ends(decision.Json().at("appeal_ends").as_string());
  EXPECT_EQ(appeal_ends, AppealPeriodEnd(app::Now()));
  EXPECT_EQ(decision.Json().at("notices_queued").as_int64(), 19);
  EXPECT_EQ(hr.PostJson(P("/decision"), json::object{{"reasoning", "Second thoughts about the whole thing."}})
                .Json()
                .at("code")
                .as_string(),
            "decided");

  mails = sink_->WaitFor(36 + 19);
  ASSERT_EQ(mails.size(), 55u);
  int decisions = 0;
  for (const auto& raw : mails) {
    std::string text = DecodeMail(raw);
    if (text.find("Valintapäätös") == std::string::npos && text.find("Beslut om val") == std::string::npos &&
        text.find("Selection decision") == std::string::npos) {
      continue;
    }
    ++decisions;
    std::string to = MailHeader(raw, "X-Envelope-To");
    std::string tag = to.substr(4, to.find('@') - 4);
    EXPECT_NE(tag, quitter);
    const std::string& lang = lang_of[tag];
    EXPECT_NE(text.find(lang == "sv"   ? "Beslut om val"
                        : lang == "en" ? "Selection decision"
                                       : "Valintapäätös"),
              std::string::npos);
    EXPECT_NE(text.find(notify::FormatDate(appeal_ends)), std::string::npos) << text;
    EXPECT_NE(text.find("PL 1, 98101 Kemijärvi, kirjaamo@city-a.test"), std::string::npos) << text;
  }
  EXPECT_EQ(decisions, 19);
  // Mail comes from a no-reply sender: nothing asks the applicant to reply to it.
  for (const auto& raw : mails) {
    std::string text = DecodeMail(raw);
    EXPECT_EQ(text.find("vastaa tähän viestiin"), std::string::npos);
    EXPECT_EQ(text.find("reply to this message"), std::string::npos);
  }

  // Status and explanation for applicants; the explanation for the owner.
  std::string selected_tag, loser_tag, reserve_tag;
  for (const auto& [tag, link] : link_of) {
    auto st = public_client.PostJson("/api/v1/applicant/status",
                                     json::object{{"reference", link.first}, {"token", link.second}});
    ASSERT_EQ(st.status, 200);
    std::string status(st.Json().at("status").as_string());
    if (status == "selected") selected_tag = tag;
    if (status == "reserve") reserve_tag = tag;
    // The post is offered to the selected one only (for now).
    EXPECT_EQ(st.Json().at("offer").is_null(), status != "selected") << status;
    if (status == "not_selected" && loser_tag.empty()) loser_tag = tag;
    EXPECT_FALSE(st.Json().at("withdrawable").as_bool());
  }
  ASSERT_FALSE(selected_tag.empty());
  ASSERT_FALSE(loser_tag.empty());
  auto explanation = public_client.PostJson(
      "/api/v1/applicant/explanation",
      json::object{{"reference", link_of[loser_tag].first}, {"token", link_of[loser_tag].second}});
  ASSERT_EQ(explanation.status, 200) << explanation.body;
  auto ex = explanation.Json();
  EXPECT_EQ(ex.at("outcome").as_string(), "not_selected");
  EXPECT_EQ(ex.at("criteria").as_array().size(), 2u);
  ASSERT_EQ(ex.at("selected").as_array().size(), 1u);
  EXPECT_TRUE(ex.at("selected").as_array()[0].at("merits").as_object().contains("education"));
  EXPECT_GE(ex.at("own").at("scores").as_array().size(), 4u);
  EXPECT_EQ(hr.Get(A(top[0], "/explanation")).Json().at("outcome").as_string(), "selected");
  // The same explanation as a PDF to send by post: the selected person by merits, never by name.
  auto explained = hr.Get(A(top[2], "/explanation?format=pdf&lang=fi"));
  ASSERT_EQ(explained.status, 200) << explained.body;
  EXPECT_EQ(explained.body.rfind("%PDF-", 0), 0u);
  if (HasPdfToText()) {
    std::string text = PdfText(explained.body);
    for (const char* part : {"Selvitys valintamenettelystä", "Arviointiperusteet ja pisteet", "Valitun ansiot",
                             "Päätöksen perustelut", "Highest weighted score"}) {
      EXPECT_NE(text.find(part), std::string::npos) << part << "\n" << text;
    }
    EXPECT_EQ(text.find("Firstname"), std::string::npos) << text;
    EXPECT_GE(RenderedPages(explained.body), 1);
  }
  EXPECT_NE(json::serialize(ex.at("reasoning_in")).find("Högsta viktade poäng"), std::string::npos);
  if (HasPdfToText()) {
    // In Swedish, the document gives the reasoning the decision-maker wrote in Swedish.
    std::string sv = PdfText(hr.Get(A(top[2], "/explanation?format=pdf&lang=sv")).body);
    EXPECT_NE(sv.find("Högsta viktade poäng"), std::string::npos) << sv;
    EXPECT_EQ(sv.find("Highest weighted score"), std::string::npos) << sv;
  }
  EXPECT_EQ(hr.Get(A(top[2], "/explanation?format=xml")).status, 422);
  EXPECT_EQ(r1.Get(A(top[0], "/explanation")).status, 403);

  // The decision to sign and archive: a PDF with the decision, the reasoning, the applicant summary
  // and the rectification instructions; the selected and the reserve (lifted) are named, nobody else.
  // The registry's diary number goes on every page (the owner or the registry office sets it).
  EXPECT_EQ(r1.Call("PUT", P("/diary-number"), R"({"diary_number":"KJ/123/01.01.01/2026"})",
                    {{"Content-Type", "application/json"}})
                .status,
            403);
  auto bad_diary =
      hr.Call("PUT", P("/diary-number"), R"({"diary_number":"line\nbreak"})", {{"Content-Type", "application/json"}});
  EXPECT_EQ(bad_diary.status, 422);
  ASSERT_EQ(LoggedIn("a_registry")
                .Call("PUT", P("/diary-number"), R"({"diary_number":"KJ/123/01.01.01/2026"})",
                      {{"Content-Type", "application/json"}})
                .status,
            200);
  auto document = hr.Get(P("/decision-document?lang=fi"));
  ASSERT_EQ(document.status, 200) << document.body;
  EXPECT_EQ(document.body.rfind("%PDF-", 0), 0u);
  EXPECT_NE(document.headers.find("selection-decision-"), std::string::npos);
  EXPECT_EQ(r1.Get(P("/decision-document")).status, 403);
  if (HasPdfToText()) {
    std::string text = PdfText(document.body);
    for (const char* part :
         {"Valintapäätös", "Tehtävään valitaan", "Varalle valitaan", "Perustelut", "Highest weighted score",
          "Hakijayhteenveto", "Kelpoisuusvaatimus", "Lacks the required degree", "Oikaisuvaatimusohje", "City A",
          "PL 1, 98101 Kemijärvi", "Valinnan vastaanottaminen ja ehdot", "Dnro KJ/123/01.01.01/2026"}) {
      EXPECT_NE(text.find(part), std::string::npos) << part << "\n" << text;
    }
    int named = 0;
    for (size_t at = text.find("Firstname"); at != std::string::npos; at = text.find("Firstname", at + 1)) ++named;
    EXPECT_EQ(named, 3) << text;  // the selected in the decision and in the offers, the reserve once
  }

  // How the notice reached each applicant: the e-mail, the first look at the status link (every one
  // of them looked above), and a letter recorded for one.
  const json::value deliveries = hr.Get(P("/notice-deliveries")).Json();
  ASSERT_EQ(deliveries.at("deliveries").as_array().size(), 19u);
  for (const auto& d : deliveries.at("deliveries").as_array()) {
    EXPECT_FALSE(d.at("email").is_null()) << d;
    EXPECT_FALSE(d.at("opened_at").is_null()) << d;
    EXPECT_TRUE(d.at("letter_sent_at").is_null());
  }
  ASSERT_EQ(hr.PostJson(A(top[3], "/notice-letter"), json::object{}).status, 200);
  EXPECT_EQ(r1.Get(P("/notice-deliveries")).status, 403);
  bool letter = false;
  const json::value after_letter = hr.Get(P("/notice-deliveries")).Json();
  for (const auto& d : after_letter.at("deliveries").as_array()) {
    if (d.at("application_id").as_string() == top[3]) letter = !d.at("letter_sent_at").is_null();
  }
  EXPECT_TRUE(letter);

  // After the decision: the selected person accepts; the selection is conditional on a health check
  // and a criminal-record extract; the health check is not passed, so the post goes to the reserve.
  auto ask = [&](const std::string& tag, const std::string& path, json::object request) {
    request["reference"] = link_of[tag].first;
    request["token"] = link_of[tag].second;
    return public_client.PostJson(path, request);
  };
  auto follow = hr.Get(P("/acceptance")).Json();
  ASSERT_EQ(follow.at("offers").as_array().size(), 1u);
  EXPECT_EQ(follow.at("offers").at(0).at("application_id").as_string(), top[0]);
  EXPECT_EQ(follow.at("offers").at(0).at("state").as_string(), "offered");
  ASSERT_EQ(follow.at("reserves").as_array().size(), 1u);
  EXPECT_EQ(r1.Get(P("/acceptance")).status, 403);
  const std::string offer_path = "/api/v1/recruitments/" + std::to_string(rec_) + "/acceptance/";
  auto too_early = hr.PostJson(offer_path + top[1] + "/offer", json::object{});
  EXPECT_EQ(too_early.status, 409) << too_early.body;
  json::array conditions{{{"kind", "health_check"}, {"note", "Työterveyshuollon lausunto"}},
                         {{"kind", "criminal_record"}, {"note", "Lasten kanssa työskentelevien rikostaustaote"}}};
  auto conditional = hr.Call("PUT", offer_path + top[0], json::serialize(json::object{{"conditions", conditions}}),
                             {{"Content-Type", "application/json"}});
  ASSERT_EQ(conditional.status, 200) << conditional.body;
  auto accepted = ask(selected_tag, "/api/v1/applicant/acceptance", {{"accept", true}});
  ASSERT_EQ(accepted.status, 200) << accepted.body;
  EXPECT_EQ(accepted.Json().at("state").as_string(), "accepted");
  EXPECT_FALSE(accepted.Json().at("confirmed").as_bool());  // the conditions are still open
  EXPECT_EQ(ask(selected_tag, "/api/v1/applicant/acceptance", {{"accept", false}}).status, 409);
  EXPECT_EQ(ask(loser_tag, "/api/v1/applicant/acceptance", {{"accept", true}}).status, 404);
  conditions.at(0).as_object()["met"] = false;
  auto failed = hr.Call("PUT", offer_path + top[0], json::serialize(json::object{{"conditions", conditions}}),
                        {{"Content-Type", "application/json"}});
  ASSERT_EQ(failed.status, 200) << failed.body;
  EXPECT_TRUE(failed.Json().at("fell_through").as_bool());
  auto offered = hr.PostJson(offer_path + top[1] + "/offer", json::object{});
  ASSERT_EQ(offered.status, 201) << offered.body;
  ASSERT_FALSE(reserve_tag.empty());
  auto reserve_status = ask(reserve_tag, "/api/v1/applicant/status", {});
  EXPECT_EQ(reserve_status.Json().at("offer").at("state").as_string(), "offered");
  ASSERT_EQ(ask(reserve_tag, "/api/v1/applicant/acceptance", {{"accept", true}}).status, 200);
  EXPECT_EQ(hr.Get(P("/acceptance")).Json().at("offers").as_array().size(), 2u);
  // The decision printed now says where the selection stands: the offers, answers and conditions
  // (their kinds and whether met; never the notes of a health check).
  auto later = hr.Get(P("/decision-document?lang=en"));
  ASSERT_EQ(later.status, 200) << later.body;
  if (HasPdfToText()) {
    std::string text = PdfText(later.body);
    for (char& c : text) c = c == '\n' ? ' ' : c;
    for (const char* part : {"Acceptance and conditions", "health check (not met)", "criminal-record extract",
                             "(pending)", "accepted", "none"}) {
      EXPECT_NE(text.find(part), std::string::npos) << part << "\n" << text;
    }
    EXPECT_EQ(text.find("Työterveyshuollon lausunto"), std::string::npos) << text;
  }

  // Everything is in the audit log.
  Client auditor = LoggedIn("a_auditor");
  std::multiset<std::string> actions;
  auto audit = auditor.Get("/api/v1/audit?limit=1000").Json();
  for (const auto& e : audit.at("entries").as_array()) {
    actions.insert(std::string(e.at("action").as_string()));
    // The conditions' notes and results stay out of the log (they may touch health).
    EXPECT_EQ(json::serialize(e).find("Työterveyshuollon"), std::string::npos);
  }
  for (const char* a : {"criteria.change", "screening.score", "screening.recusal", "screening.shortlist",
                        "interview.schedule", "interview.notes", "selection.decision", "selection.acceptance",
                        "application.withdraw", "mail.settings_proposed", "mail.settings_confirmed"}) {
    EXPECT_GT(actions.count(a), 0u) << a;
  }
  // No mail failed; the queue keeps no text once sent.
  auto mail_log = hr.Get(P("/mail")).Json();
  for (const auto& m : mail_log.at("mail").as_array()) {
    EXPECT_EQ(m.at("status").as_string(), "sent") << m.at("last_error").as_string();
  }
}

// One insider cannot redirect applicants' mail: a new relay is only proposed, mail keeps its old
// route (here the outbox folder) until another person confirms, and both steps are audited.
class MailRelayTest : public ApiTest {};

TEST_F(MailRelayTest, ANewRelayNeedsASecondPersonAndQueuedMailKeepsItsRoute) {
  SmtpSink sink(dir_.path() / "smtp-relay");
  Client admin = LoggedIn("a_admin");
  json::object relay{{"host", "127.0.0.1"},
                     {"port", sink.port()},
                     {"security", "none"},
                     {"from_address", "rekry@city-a.test"},
                     {"from_name", "City A"}};
  auto proposed =
      admin.Call("PUT", "/api/v1/admin/mail-settings", json::serialize(relay), {{"Content-Type", "application/json"}});
  ASSERT_EQ(proposed.status, 202) << proposed.body;
  Client hr = LoggedIn("a_hr");
  auto seen_by_hr = hr.Get("/api/v1/admin/mail-settings").Json();
  EXPECT_EQ(seen_by_hr.at("transport").as_string(), "outbox");  // still the old route
  EXPECT_EQ(seen_by_hr.at("pending").at("host").as_string(), "127.0.0.1");
  EXPECT_FALSE(seen_by_hr.at("pending").at("yours").as_bool());

  // An application while the change waits: its receipt does not go to the proposed relay.
  std::int64_t rec = PublishedRecruitment(hr);
  Client pub(Port());
  ASSERT_EQ(pub.PostJson("/api/v1/jobs/" + std::to_string(rec) + "/applications", Application("601")).status, 201);
  // Whichever node sends it writes it to its own outbox folder.
  auto in_an_outbox = [&] {
    return std::filesystem::exists(dir_.path() / "outbox") || std::filesystem::exists(dir_.path() / "node2" / "outbox");
  };
  for (int i = 0; i < 40 && !in_an_outbox(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  EXPECT_TRUE(in_an_outbox());
  EXPECT_TRUE(sink.Messages().empty());

  // The proposer cannot confirm alone; another person can.
  auto self = admin.PostJson("/api/v1/admin/mail-settings/confirm", json::object{});
  EXPECT_EQ(self.status, 403) << self.body;
  EXPECT_EQ(LoggedIn("a_reviewer").PostJson("/api/v1/admin/mail-settings/confirm", json::object{}).status, 403);
  auto confirmed = hr.PostJson("/api/v1/admin/mail-settings/confirm", json::object{});
  ASSERT_EQ(confirmed.status, 200) << confirmed.body;
  EXPECT_TRUE(hr.Get("/api/v1/admin/mail-settings").Json().at("pending").is_null());
  ASSERT_EQ(pub.PostJson("/api/v1/jobs/" + std::to_string(rec) + "/applications", Application("602")).status, 201);
  auto delivered = sink.WaitFor(1);
  ASSERT_EQ(delivered.size(), 1u);
  EXPECT_NE(delivered[0].find("mail602@canary.test"), std::string::npos);

  auto log = LoggedIn("a_auditor").Get("/api/v1/audit?limit=1000").Json();
  std::map<std::string, std::int64_t> actor_of;
  for (const auto& e : log.at("entries").as_array()) {
    actor_of[std::string(e.at("action").as_string())] = e.at("actor_id").as_int64();
  }
  EXPECT_EQ(actor_of["mail.settings_proposed"], a_.users["admin"]);
  EXPECT_EQ(actor_of["mail.settings_confirmed"], a_.users["hr"]);
}

}  // namespace
}  // namespace reilu::testing
