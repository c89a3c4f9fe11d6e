// After the shortlist: interviews (invitations with .ics), interview notes, the reasoned decision
// with notices to every applicant, and the equality-law explanation of the selection.
#include <algorithm>
#include <cstdio>
#include <map>

#include "api/handler.h"
#include "core/finnish_calendar.h"
#include "service/admin.h"
#include "service/decision_document.h"
#include "service/mail.h"
#include "service/recruitments.h"
#include "service/selection.h"

namespace reilu::api {

namespace {

json::object InterviewJson(const Interview& i, const std::string& pseudonym) {
  json::array interviewers;
  for (auto id : i.interviewers) interviewers.push_back(id);
  return json::object{{"id", i.id},
                      {"application_id", i.application_id},
                      {"pseudonym", pseudonym},
                      {"starts_at", i.starts_at},
                      {"minutes", i.minutes},
                      {"location", i.location},
                      {"interviewers", interviewers}};
}

}  // namespace

json::object ExplanationJson(const Recruitment& r, const ApplicationId& app, const service::ExplanationData& e) {
  const Decision& d = e.decision;
  const auto& ranking = e.ranking;
  auto mine = d.outcomes.find(app);
  auto result_of = [&](const ApplicationId& id) -> const RankedApplication* {
    auto it = std::find_if(ranking.begin(), ranking.end(),
                           [&](const RankedApplication& x) { return x.application_id == id; });
    return it == ranking.end() ? nullptr : &*it;
  };
  auto summary = [&](const ApplicationId& id) {
    json::object o;
    const RankedApplication* ra = result_of(id);
    json::array per_criterion;
    if (ra) {
      for (const auto& c : ra->criteria) {
        per_criterion.push_back(json::object{{"criterion_id", c.criterion_id}, {"mean", c.mean}, {"count", c.count}});
      }
    }
    o["weighted_score"] = ra ? ra->weighted_score : 0.0;
    o["rank"] = ra ? ra->rank : 0;
    o["criteria"] = per_criterion;
    return o;
  };
  json::array criteria;
  for (const auto& c : r.criteria) {
    criteria.push_back(json::object{{"id", c.id}, {"title", codec::ToJson(c.title)}, {"weight", c.weight}});
  }
  json::object own = summary(app);
  json::array own_scores;
  for (const auto& s : e.scores) {
    if (s.application_id == app) {
      own_scores.push_back(
          json::object{{"criterion_id", s.criterion_id}, {"value", s.value}, {"justification", s.justification}});
    }
  }
  own["scores"] = own_scores;
  json::array selected;
  for (const auto& [id, outcome] : d.outcomes) {
    if (outcome != Outcome::kSelected) continue;
    json::object sel = summary(id);
    auto a = e.applications.find(id);
    if (a != e.applications.end()) sel["merits"] = codec::ToJson(a->second.merits);
    selected.push_back(std::move(sel));
  }
  return json::object{{"recruitment", {{"id", r.id}, {"title", codec::ToJson(r.title)}}},
                      {"outcome", OutcomeName(mine->second)},
                      {"decided_at", d.decided_at},
                      {"appeal_ends", d.appeal_ends},
                      {"reasoning", d.reasoning},
                      {"reasoning_in", codec::ToJson(d.reasoning_in)},
                      {"criteria", criteria},
                      {"own", own},
                      {"selected", selected}};
}

json::object AcceptanceJson(const Acceptance& a) {
  json::array conditions;
  for (const auto& c : a.conditions) {
    json::object o{{"kind", c.kind}, {"note", c.note}};
    o["met"] = c.met ? json::value(*c.met) : json::value(nullptr);
    conditions.push_back(std::move(o));
  }
  return json::object{{"application_id", a.application_id},
                      {"state", AcceptanceStateName(a.state)},
                      {"conditions", conditions},
                      {"offered_at", a.offered_at},
                      {"answered_at", a.answered_at ? json::value(a.answered_at) : json::value(nullptr)},
                      {"confirmed", SelectionConfirmed(a)},
                      {"fell_through", OfferFellThrough(a)}};
}

Result<Document> ExplanationDocument(ApiContext& ctx, const Recruitment& r, const json::object& e,
                                     const std::string& lang) {
  auto services = ctx.Services();
  auto organisation = service::OrganisationOf(services, r.org_id);
  if (!organisation) return organisation.error();
  auto say = [&](std::string_view fi, std::string_view sv, std::string_view en) {
    return InLanguage(lang, fi, sv, en);
  };
  const std::string title = service::TitleIn(r, lang);
  Document doc;
  doc.lang = lang;
  doc.organisation = organisation->name;
  doc.diary_number = r.diary_number;
  doc.title =
      say("Selvitys valintamenettelystä: ", "Redogörelse för urvalsförfarandet: ", "Explanation of the selection: ") +
      title;
  doc.date = FinnishDayText(ctx.now());
  doc.Paragraph(
      say("Tasa-arvolain 10 §:n mukainen selvitys: millä perusteilla valinta tehtiin, ja hakijan omat tulokset "
          "valitun ansioiden rinnalla.",
          "Redogörelse enligt 10 § i jämställdhetslagen: på vilka grunder valet gjordes, och sökandens egna "
          "resultat bredvid den valdas meriter.",
          "An explanation under section 10 of the Equality Act: on what grounds the selection was made, and "
          "the applicant's own results beside the merits of the person selected."));
  const std::string outcome(e.at("outcome").as_string());
  doc.Heading(say("Ratkaisu", "Avgörande", "Outcome"));
  doc.Paragraph(outcome == "selected"  ? say("Valittu tehtävään.", "Vald till tjänsten.", "Selected for the post.")
                : outcome == "reserve" ? say("Valittu varalle.", "Vald som reserv.", "Chosen as the reserve.")
                                       : say("Ei valittu.", "Inte vald.", "Not selected."));
  // The criteria and the applicant's own means beside the selected person's.
  auto mean_of = [](const json::value& summary, const std::string& criterion) -> std::string {
    for (const auto& c : summary.at("criteria").as_array()) {
      if (c.at("criterion_id").as_string() == criterion) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "%.2f", c.at("mean").to_number<double>());
        std::string text = buf;
        for (auto& ch : text) ch = ch == '.' ? ',' : ch;
        return text;
      }
    }
    return "–";
  };
  const json::value& own = e.at("own");
  const json::array& selected = e.at("selected").as_array();
  DocumentTable table{{say("Arviointiperuste", "Bedömningsgrund", "Criterion"), say("Painoarvo", "Vikt", "Weight"),
                       say("Omat pisteet (ka.)", "Egna poäng (medel)", "Own score (mean)"),
                       say("Valitun pisteet (ka.)", "Den valdas poäng (medel)", "Selected (mean)")},
                      {}};
  for (const auto& c : e.at("criteria").as_array()) {
    const std::string id(c.at("id").as_string());
    std::string criterion_title = id;
    if (const auto* t = c.at("title").as_object().if_contains(lang)) criterion_title = std::string(t->as_string());
    table.rows.push_back({criterion_title, std::to_string(c.at("weight").to_number<std::int64_t>()), mean_of(own, id),
                          selected.empty() ? "–" : mean_of(selected.front(), id)});
  }
  doc.Heading(say("Arviointiperusteet ja pisteet", "Bedömningsgrunder och poäng", "Criteria and scores"));
  doc.Table(std::move(table));
  // The selected person by merits only (no name: this document goes to other applicants).
  for (const auto& s : selected) {
    doc.Heading(say("Valitun ansiot", "Den valdas meriter", "The selected person's merits"));
    const auto& merits = s.at("merits").as_object();
    std::string education, experience;
    if (const auto* list = merits.if_contains("education")) {
      for (const auto& x : list->as_array()) {
        education += (education.empty() ? "" : "; ") + std::string(x.at("level").as_string()) + ", " +
                     std::string(x.at("field").as_string());
      }
    }
    if (const auto* list = merits.if_contains("experience")) {
      for (const auto& x : list->as_array()) {
        experience += (experience.empty() ? "" : "; ") + std::string(x.at("title").as_string()) + " (" +
                      std::to_string(x.at("months").to_number<std::int64_t>()) + say(" kk", " mån", " months") + ")";
      }
    }
    doc.Paragraph(say("Koulutus: ", "Utbildning: ", "Education: ") + (education.empty() ? "–" : education));
    doc.Paragraph(say("Työkokemus: ", "Arbetserfarenhet: ", "Experience: ") + (experience.empty() ? "–" : experience));
  }
  doc.Heading(say("Päätöksen perustelut", "Beslutets motivering", "The decision's reasoning"));
  // In the document's language when the decision-maker wrote the reasoning in it.
  const json::value* in_lang = e.at("reasoning_in").as_object().if_contains(lang);
  doc.Paragraph(std::string(in_lang && in_lang->is_string() ? in_lang->as_string() : e.at("reasoning").as_string()));
  return doc;
}

void RegisterSelectionRoutes(http::Router& router, ApiContext& ctx) {
  router.Add("POST", "/api/v1/recruitments/{id}/interviews", Wrap([&ctx](http::Request& req) -> Result<http::Response> {
               auto scope = LoadOwnerScope(ctx, req, "Only the owner schedules interviews.");
               if (!scope) return scope.error();
               const Recruitment& r = scope->recruitment;
               auto f = JsonFields(req);
               if (!f) return f.error();
               Interview i;
               std::vector<std::int64_t> interviewers;
               REILU_TRY(f->Str("application_id", i.application_id, true));
               REILU_TRY(f->Int("starts_at", i.starts_at, true));
               REILU_TRY(f->Int("minutes", i.minutes));
               REILU_TRY(f->Str("location", i.location, true));
               REILU_TRY(f->IntList("interviewers", interviewers));
               i.interviewers.assign(interviewers.begin(), interviewers.end());
               auto services = ctx.Services();
               auto scheduled = service::ScheduleInterview(services, scope->caller.user, r.id, std::move(i));
               if (!scheduled) return scheduled.error();
               return http::JsonResponse(201, InterviewJson(scheduled->interview, scheduled->pseudonym));
             }));

  router.Add("GET", "/api/v1/recruitments/{id}/interviews", Wrap([&ctx](http::Request& req) -> Result<http::Response> {
               auto scope = LoadScope(ctx, req);
               if (!scope) return scope.error();
               auto services = ctx.Services();
               auto view = service::InterviewsFor(services, scope->caller.user, scope->recruitment);
               if (!view) return view.error();
               json::array arr;
               for (const auto& i : view->interviews) {
                 json::object o = InterviewJson(i, service::PseudonymOf(view->applications, i.application_id));
                 json::array own_notes;
                 for (const auto& n : view->notes) {
                   if (n.interview_id != i.id) continue;
                   json::object no{{"author_id", n.author_id}, {"criterion_id", n.criterion_id}, {"note", n.note}};
                   no["score"] = n.score ? json::value(*n.score) : json::value(nullptr);
                   own_notes.push_back(std::move(no));
                 }
                 o["notes"] = own_notes;
                 arr.push_back(std::move(o));
               }
               return http::JsonResponse(200, json::object{{"interviews", arr}});
             }));

  router.Add(
      "PUT", "/api/v1/recruitments/{id}/interviews/{interview_id}/notes",
      Wrap([&ctx](http::Request& req) -> Result<http::Response> {
        auto scope = LoadScope(ctx, req);
        if (!scope) return scope.error();
        const Recruitment& r = scope->recruitment;
        auto interview_id = IdParam(req, "interview_id");
        if (!interview_id) return interview_id.error();
        auto f = JsonFields(req);
        if (!f) return f.error();
        std::vector<InterviewNote> notes;
        REILU_TRY(f->Each("notes", [&](const json::value& item, const std::string& path) -> Status {
          auto nf = codec::Fields::Of(item, path);
          if (!nf) return nf.error();
          InterviewNote n{*interview_id, scope->caller.user.id, {}, std::nullopt, {}};
          REILU_TRY(nf->Str("criterion_id", n.criterion_id, true));
          REILU_TRY(nf->Str("note", n.note));
          if (const auto* sv = nf->Find("score"); sv && !sv->is_null()) {
            int score = 0;
            REILU_TRY(nf->Int("score", score));
            n.score = score;
          }
          notes.push_back(std::move(n));
          return OkStatus();
        }));
        if (notes.empty()) return f->Invalid("notes", "needs at least one note");
        auto services = ctx.Services();
        auto saved = static_cast<std::int64_t>(notes.size());
        REILU_TRY(service::SaveInterviewNotes(services, scope->caller.user, r.id, *interview_id, std::move(notes)));
        return http::JsonResponse(200, json::object{{"saved", saved}});
      }));

  // Who decides: the named decision-maker, or the owner when none is named (names the decision-maker
  // until the decision; audited).
  router.Add("PUT", "/api/v1/recruitments/{id}/decision-maker",
             Wrap([&ctx](http::Request& req) -> Result<http::Response> {
               auto scope = LoadOwnerScope(ctx, req, "Only the owner names the decision-maker.");
               if (!scope) return scope.error();
               auto f = JsonFields(req);
               if (!f) return f.error();
               const json::value* given = f->Find("decision_maker_id");
               if (!given) return f->Invalid("decision_maker_id", "is required (null: the owner decides)");
               std::int64_t user = 0;
               if (!given->is_null()) REILU_TRY(f->Int("decision_maker_id", user));
               auto services = ctx.Services();
               auto saved = service::SetDecisionMaker(services, scope->caller.user, scope->recruitment.id, user);
               if (!saved) return saved.error();
               return http::JsonResponse(200, codec::ToJson(*saved));
             }));

  // The registry's diary number, printed on the recruitment's documents (owner or registry office).
  router.Add("PUT", "/api/v1/recruitments/{id}/diary-number",
             Wrap([&ctx](http::Request& req) -> Result<http::Response> {
               auto caller = Authenticate(ctx, req);
               if (!caller) return caller.error();
               auto id = IdParam(req, "id");
               if (!id) return id.error();
               auto f = JsonFields(req);
               if (!f) return f.error();
               std::string diary_number;
               if (!f->Find("diary_number")) return f->Invalid("diary_number", "is required (empty: none yet)");
               REILU_TRY(f->Str("diary_number", diary_number));
               auto services = ctx.Services();
               auto saved = service::SetDiaryNumber(services, caller->user, *id, diary_number);
               if (!saved) return saved.error();
               return http::JsonResponse(200, codec::ToJson(*saved));
             }));

  // What the decision is made on (service::BriefForDecision): names only where open, each read audited.
  router.Add(
      "GET", "/api/v1/recruitments/{id}/decision-brief", Wrap([&ctx](http::Request& req) -> Result<http::Response> {
        auto scope = LoadDecisionScope(ctx, req);
        if (!scope) return scope.error();
        auto services = ctx.Services();
        auto brief = service::BriefForDecision(services, scope->caller.user, scope->recruitment.id);
        if (!brief) return brief.error();
        json::array apps;
        for (const auto& e : brief->applications) {
          json::array interviews;
          for (auto at : e.interviews) interviews.push_back(at);
          json::object o{
              {"application_id", e.application_id}, {"pseudonym", e.pseudonym}, {"merits", codec::ToJson(e.merits)},
              {"weighted_score", e.weighted_score}, {"rank", e.rank},           {"interviews", interviews}};
          o["name"] = e.name.empty() ? json::value(nullptr) : json::value(e.name);
          apps.push_back(std::move(o));
        }
        return http::JsonResponse(200, json::object{{"may_decide", brief->may_decide}, {"applications", apps}});
      }));

  router.Add("POST", "/api/v1/recruitments/{id}/decision", Wrap([&ctx](http::Request& req) -> Result<http::Response> {
               auto scope = LoadDecisionScope(ctx, req);
               if (!scope) return scope.error();
               const Recruitment& r = scope->recruitment;
               auto f = JsonFields(req);
               if (!f) return f.error();
               std::string reasoning;
               int appeal_days = kDefaultAppealDays;
               std::map<ApplicationId, Outcome> chosen;
               REILU_TRY(f->Str("reasoning", reasoning));
               LocalizedText reasoning_in;
               if (const json::value* in = f->Find("reasoning_in")) {
                 REILU_TRY(codec::FromJson(*in, f->PathOf("reasoning_in"), reasoning_in));
               }
               REILU_TRY(f->Int("appeal_days", appeal_days));
               REILU_TRY(f->Each("outcomes", [&](const json::value& item, const std::string& path) -> Status {
                 auto of = codec::Fields::Of(item, path);
                 if (!of) return of.error();
                 std::string app, outcome;
                 REILU_TRY(of->Str("application_id", app, true));
                 REILU_TRY(of->Str("outcome", outcome, true));
                 auto parsed = ParseOutcome(outcome);
                 if (!parsed) return of->Invalid("outcome", "must be selected, reserve or not_selected");
                 if (!chosen.emplace(app, *parsed).second) return of->Invalid("application_id", "is listed twice");
                 return OkStatus();
               }));
               auto services = ctx.Services();
               auto decided = service::Decide(services, scope->caller.user, r.id,
                                              service::DecisionRequest{std::move(chosen), std::move(reasoning),
                                                                       appeal_days, std::move(reasoning_in)});
               if (!decided) return decided.error();
               const Decision* decision = &decided->decision;
               json::object counts;
               for (const auto& [app, outcome] : decision->outcomes) {
                 auto& n = counts[OutcomeName(outcome)];
                 n = (n.is_int64() ? n.get_int64() : 0) + 1;
               }
               return http::JsonResponse(201, json::object{{"decided_at", decision->decided_at},
                                                           {"appeal_ends", decision->appeal_ends},
                                                           {"outcomes", counts},
                                                           {"notices_queued", decided->notices_queued}});
             }));

  router.Add("GET", "/api/v1/recruitments/{id}/decision", Wrap([&ctx](http::Request& req) -> Result<http::Response> {
               auto scope = LoadDecisionScope(ctx, req);
               if (!scope) return scope.error();
               const Recruitment& r = scope->recruitment;
               auto services = ctx.Services();
               auto stored = service::DecisionOf(services, r);
               if (!stored) return stored.error();
               if (!*stored) return http::JsonResponse(200, json::object{{"decided", false}});
               const Decision& d = (*stored)->decision;
               auto apps = service::AnonymousById(services, r);
               if (!apps) return apps.error();
               json::array outcomes;
               for (const auto& [app, outcome] : d.outcomes) {
                 outcomes.push_back(json::object{{"application_id", app},
                                                 {"pseudonym", service::PseudonymOf(*apps, app)},
                                                 {"outcome", OutcomeName(outcome)}});
               }
               auto ranking = codec::Parse((*stored)->ranking_json);
               return http::JsonResponse(200, json::object{{"decided", true},
                                                           {"decided_at", d.decided_at},
                                                           {"decided_by", d.decided_by},
                                                           {"reasoning", d.reasoning},
                                                           {"reasoning_in", codec::ToJson(d.reasoning_in)},
                                                           {"appeal_ends", d.appeal_ends},
                                                           {"outcomes", outcomes},
                                                           {"ranking", ranking ? *ranking : json::value(nullptr)}});
             }));

  // After the decision: acceptance and conditions (service::ListAcceptances and the rest).
  router.Add(
      "GET", "/api/v1/recruitments/{id}/acceptance", Wrap([&ctx](http::Request& req) -> Result<http::Response> {
        auto scope = LoadDecisionScope(ctx, req);
        if (!scope) return scope.error();
        auto services = ctx.Services();
        auto view = service::ListAcceptances(services, scope->caller.user, scope->recruitment.id);
        if (!view) return view.error();
        auto apps = service::AnonymousById(services, scope->recruitment);
        if (!apps) return apps.error();
        json::array offers, reserves;
        for (const auto& a : view->offers) {
          json::object o = AcceptanceJson(a);
          o["pseudonym"] = service::PseudonymOf(*apps, a.application_id);
          offers.push_back(std::move(o));
        }
        for (const auto& app : view->reserves) {
          reserves.push_back(json::object{{"application_id", app}, {"pseudonym", service::PseudonymOf(*apps, app)}});
        }
        return http::JsonResponse(200, json::object{{"offers", offers}, {"reserves", reserves}});
      }));

  router.Add("PUT", "/api/v1/recruitments/{id}/acceptance/{application_id}",
             Wrap([&ctx](http::Request& req) -> Result<http::Response> {
               auto scope = LoadDecisionScope(ctx, req);
               if (!scope) return scope.error();
               auto f = JsonFields(req);
               if (!f) return f.error();
               std::optional<AcceptanceState> state;
               if (f->Find("state")) {
                 std::string name;
                 REILU_TRY(f->Str("state", name));
                 state = ParseAcceptanceState(name);
                 if (!state) return f->Invalid("state", "must be offered, accepted or declined");
               }
               std::optional<std::vector<SelectionCondition>> conditions;
               if (f->Find("conditions")) {
                 conditions.emplace();
                 REILU_TRY(f->Each("conditions", [&](const json::value& item, const std::string& path) -> Status {
                   auto cf = codec::Fields::Of(item, path);
                   if (!cf) return cf.error();
                   SelectionCondition c;
                   REILU_TRY(cf->Str("kind", c.kind, true));
                   REILU_TRY(cf->Str("note", c.note));
                   if (const auto* met = cf->Find("met"); met && !met->is_null()) {
                     bool value = false;
                     REILU_TRY(cf->Bool("met", value));
                     c.met = value;
                   }
                   conditions->push_back(std::move(c));
                   return OkStatus();
                 }));
               }
               auto services = ctx.Services();
               auto saved = service::RecordAcceptance(services, scope->caller.user, scope->recruitment.id,
                                                      req.params["application_id"], state, std::move(conditions));
               if (!saved) return saved.error();
               return http::JsonResponse(200, AcceptanceJson(*saved));
             }));

  router.Add("POST", "/api/v1/recruitments/{id}/acceptance/{application_id}/offer",
             Wrap([&ctx](http::Request& req) -> Result<http::Response> {
               auto scope = LoadDecisionScope(ctx, req);
               if (!scope) return scope.error();
               auto services = ctx.Services();
               auto offered = service::OfferToReserve(services, scope->caller.user, scope->recruitment.id,
                                                      req.params["application_id"]);
               if (!offered) return offered.error();
               return http::JsonResponse(201, AcceptanceJson(*offered));
             }));

  // How the decision notice reached each applicant (service::NoticeDeliveries).
  router.Add(
      "GET", "/api/v1/recruitments/{id}/notice-deliveries", Wrap([&ctx](http::Request& req) -> Result<http::Response> {
        auto scope = LoadDecisionScope(ctx, req);
        if (!scope) return scope.error();
        auto services = ctx.Services();
        auto rows = service::NoticeDeliveries(services, scope->caller.user, scope->recruitment.id);
        if (!rows) return rows.error();
        auto time = [](UnixTime t) { return t ? json::value(t) : json::value(nullptr); };
        json::array out;
        for (const auto& row : *rows) {
          out.push_back(json::object{{"application_id", row.application_id},
                                     {"pseudonym", row.pseudonym},
                                     {"outcome", OutcomeName(row.outcome)},
                                     {"email", row.email.empty() ? json::value(nullptr) : json::value(row.email)},
                                     {"email_sent_at", time(row.email_sent_at)},
                                     {"opened_at", time(row.opened_at)},
                                     {"letter_sent_at", time(row.letter_sent_at)}});
        }
        return http::JsonResponse(200, json::object{{"deliveries", out}});
      }));

  router.Add("POST", "/api/v1/recruitments/{id}/applications/{application_id}/notice-letter",
             Wrap([&ctx](http::Request& req) -> Result<http::Response> {
               auto scope = LoadDecisionScope(ctx, req);
               if (!scope) return scope.error();
               auto services = ctx.Services();
               REILU_TRY(service::MarkNoticeLetter(services, scope->caller.user, scope->recruitment.id,
                                                   req.params["application_id"]));
               return http::JsonResponse(200, json::object{{"letter_sent", true}});
             }));

  // The equality-law explanation for one applicant: criteria, the selected person's merits and
  // scores, and the applicant's own scores. For the owner and the registry office.
  router.Add("GET", "/api/v1/recruitments/{id}/applications/{application_id}/explanation",
             Wrap([&ctx](http::Request& req) -> Result<http::Response> {
               auto scope = LoadScope(ctx, req);
               if (!scope) return scope.error();
               const std::string& app = req.params["application_id"];
               auto services = ctx.Services();
               auto data = service::ExplanationFor(services, scope->caller.user, scope->recruitment, app);
               if (!data) return data.error();
               json::object explanation = ExplanationJson(scope->recruitment, app, *data);
               // ?format=pdf&lang=: the same to print or send by post.
               if (req.query.count("format") && req.query["format"] == "pdf") {
                 auto lang = DocumentLanguage(req);
                 if (!lang) return lang.error();
                 auto doc = ExplanationDocument(ctx, scope->recruitment, explanation, *lang);
                 if (!doc) return doc.error();
                 return PdfResponse(*doc, "explanation-" + std::to_string(scope->recruitment.id) + ".pdf");
               }
               if (req.query.count("format") && req.query["format"] != "json") {
                 return MakeError(ErrorCode::kInvalidInput, "The format is json or pdf.", "format");
               }
               return http::JsonResponse(200, explanation);
             }));

  // The decision to sign and archive (PDF): the decision, its reasoning, the applicant summary and
  // the rectification instructions. The selected and the reserve are named where the owner may see
  // who they are (lifted, or not anonymous), each such read audited; the others by pseudonym.
  router.Add("GET", "/api/v1/recruitments/{id}/decision-document",
             Wrap([&ctx](http::Request& req) -> Result<http::Response> {
               auto scope = LoadDecisionScope(ctx, req);
               if (!scope) return scope.error();
               auto lang = DocumentLanguage(req);
               if (!lang) return lang.error();
               const Recruitment& r = scope->recruitment;
               auto services = ctx.Services();
               auto document = service::PrintDecision(services, scope->caller.user, r, *lang);
               if (!document) return document.error();
               return PdfResponse(*document, "selection-decision-" + std::to_string(r.id) + ".pdf");
             }));

  // Delivery state of the recruitment's e-mail (no recipients, no text).
  router.Add("GET", "/api/v1/recruitments/{id}/mail", Wrap([&ctx](http::Request& req) -> Result<http::Response> {
               auto scope = LoadScope(ctx, req);
               if (!scope) return scope.error();
               auto services = ctx.Services();
               auto mail = service::MailLogOf(services, scope->caller.user, scope->recruitment);
               if (!mail) return mail.error();
               json::array arr;
               for (const auto& m : *mail) {
                 arr.push_back(json::object{{"id", m.id},
                                            {"kind", m.kind},
                                            {"status", m.status},
                                            {"attempts", m.attempts},
                                            {"created_at", m.created_at},
                                            {"sent_at", m.sent_at},
                                            {"last_error", m.last_error}});
               }
               return http::JsonResponse(200, json::object{{"mail", arr}});
             }));
}

}  // namespace reilu::api
