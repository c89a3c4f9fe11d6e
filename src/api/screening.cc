// Anonymous screening for staff: criteria until the deadline, scores per criterion, recusal,
// one-question-at-a-time review, the combined ranking and the shortlist that freezes it all.
#include <algorithm>
#include <cstdio>
#include <map>

#include "api/handler.h"
#include "service/recruitments.h"
#include "service/screening.h"
#include "service/selection.h"

namespace reilu::api {

namespace {

struct Screening {
  Scope scope;
  ScreeningState state;
  std::vector<Score> scores;
};

Result<Screening> LoadScreening(ApiContext& ctx, const http::Request& req) {
  auto scope = LoadScope(ctx, req);
  if (!scope) return scope.error();
  auto services = ctx.Services();
  auto data = service::LoadScreening(services, scope->caller.user, scope->recruitment);
  if (!data) return data.error();
  return Screening{std::move(*scope), std::move(data->state), std::move(data->scores)};
}

std::string_view Stage(const Recruitment& r, const ScreeningState& s, bool decided, UnixTime now) {
  return RecruitmentStage(r, s.frozen, decided, now);
}

// The ranking as a spreadsheet: rank, pseudonym, weighted score, reviewers, complete, eligibility,
// shortlist, and each criterion's mean under its title in the recruitment's first language.
http::Response RankingCsv(const Recruitment& r, const json::array& ranking, bool comma) {
  CsvRows rows{{"rank", "pseudonym", "weighted_score", "reviewers", "complete", "eligible", "shortlisted"}};
  const std::string lang = r.languages.empty() ? "fi" : r.languages.front();
  for (const auto& c : r.criteria) {
    auto title = c.title.find(lang);
    rows.front().push_back(title != c.title.end() ? title->second : c.id);
  }
  auto number = [](const json::value& v) {
    char text[32];
    std::snprintf(text, sizeof text, "%.2f",
                  v.is_double() ? v.as_double() : static_cast<double>(v.to_number<double>()));
    return std::string(text);
  };
  for (const auto& item : ranking) {
    const json::object& a = item.as_object();
    const json::value& eligible = a.at("eligible");
    std::vector<std::string> row{std::to_string(a.at("rank").as_int64()),
                                 std::string(a.at("pseudonym").as_string()),
                                 number(a.at("weighted_score")),
                                 std::to_string(a.at("reviewers").as_int64()),
                                 a.at("complete").as_bool() ? "yes" : "no",
                                 eligible.is_bool() ? (eligible.as_bool() ? "yes" : "no") : "",
                                 a.at("shortlisted").as_bool() ? "yes" : "no"};
    for (const auto& c : r.criteria) {
      std::string mean;
      for (const auto& result : a.at("criteria").as_array()) {
        if (result.at("criterion_id").as_string() == c.id && result.at("count").as_int64() > 0) {
          mean = number(result.at("mean"));
        }
      }
      row.push_back(mean);
    }
    rows.push_back(std::move(row));
  }
  return CsvResponse(rows, comma ? ',' : ';', "reilu-ranking-" + std::to_string(r.id) + ".csv");
}

json::object ScoreJson(const Score& s) {
  return json::object{{"criterion_id", s.criterion_id},
                      {"reviewer_id", s.reviewer_id},
                      {"value", s.value},
                      {"justification", s.justification}};
}

// The caller's view of one application's scores: own always; others' once own are complete.
json::object ScoresView(const Screening& sc, const ApplicationId& app) {
  const User& me = sc.scope.caller.user;
  json::array own, others;
  bool see_others = MaySeeOthersScores(me, sc.scope.recruitment, sc.scores, app);
  for (const auto& s : sc.scores) {
    if (s.application_id != app) continue;
    if (s.reviewer_id == me.id) {
      own.push_back(ScoreJson(s));
    } else if (see_others) {
      others.push_back(ScoreJson(s));
    }
  }
  json::object o{{"application_id", app}, {"own", own}, {"others_visible", see_others}};
  o["others"] = see_others ? json::value(others) : json::value(nullptr);
  o["own_complete"] = OwnScoresComplete(sc.scope.recruitment, sc.scores, app, me.id);
  o["frozen"] = sc.state.frozen;
  return o;
}

json::object EligibilityJson(const ApplicationId& app, const EligibilityAssessment& a) {
  json::array requirements;
  for (const auto& c : a.requirements) {
    requirements.push_back(json::object{{"requirement", c.requirement}, {"met", c.met}});
  }
  return json::object{{"application_id", app},        {"eligible", a.eligible},       {"reason", a.reason},
                      {"requirements", requirements}, {"assessed_by", a.assessed_by}, {"assessed_at", a.assessed_at}};
}

Status CheckApplicationAccess(const Screening& sc, const ApplicationId& app) {
  if (!sc.state.applications.count(app)) return MakeError(ErrorCode::kNotFound, "Application not found.");
  if (sc.state.IsRecused(app, sc.scope.caller.user.id)) {
    return MakeError(ErrorCode::kRecused, "You declared a conflict of interest for this application.");
  }
  return OkStatus();
}

}  // namespace

void RegisterScreeningRoutes(http::Router& router, ApiContext& ctx) {
  // Criteria, weights and marking guides may change until the application period ends.
  router.Add("PUT", "/api/v1/recruitments/{id}/criteria", Wrap([&ctx](http::Request& req) -> Result<http::Response> {
               auto scope = LoadOwnerScope(ctx, req, "Only the owner sets the criteria.");
               if (!scope) return scope.error();
               auto f = JsonFields(req);
               if (!f) return f.error();
               const json::value* criteria = f->Find("criteria");
               if (!criteria) return f->Invalid("criteria", "is required");
               Recruitment parsed = scope->recruitment;
               REILU_TRY(codec::RecruitmentContentFromJson(json::object{{"criteria", *criteria}}, parsed));
               if (parsed.criteria.empty()) return f->Invalid("criteria", "needs at least one criterion");
               auto services = ctx.Services();
               auto saved = service::SetCriteria(services, scope->caller.user, scope->recruitment.id,
                                                 std::move(parsed.criteria));
               if (!saved) return saved.error();
               return http::JsonResponse(200, codec::ToJson(*saved));
             }));

  router.Add(
      "GET", "/api/v1/recruitments/{id}/screening", Wrap([&ctx](http::Request& req) -> Result<http::Response> {
        auto sc = LoadScreening(ctx, req);
        if (!sc) return sc.error();
        const Recruitment& r = sc->scope.recruitment;
        const User& me = sc->scope.caller.user;
        auto services = ctx.Services();
        auto decision = service::DecisionOf(services, r);
        if (!decision) return decision.error();
        auto apps = service::AnonymousById(services, r);
        if (!apps) return apps.error();
        int to_score = 0, scored = 0;
        // Before the period ends a reviewer learns nothing of the applications, not even their number.
        const bool visible = MaySeeApplicationsNow(me, r, ctx.now());
        for (const auto& app : sc->state.applications) {
          if (!visible || !sc->state.IsActive(app) || sc->state.IsRecused(app, me.id) || sc->state.IsIneligible(app)) {
            continue;
          }
          ++to_score;
          if (OwnScoresComplete(r, sc->scores, app, me.id)) ++scored;
        }
        json::array shortlist;
        for (const auto& app : sc->state.shortlist) {
          shortlist.push_back(json::object{{"application_id", app}, {"pseudonym", service::PseudonymOf(*apps, app)}});
        }
        json::array criteria = codec::ToPublicJson(r).at("criteria").as_array();
        json::object out{{"stage", Stage(r, sc->state, decision->has_value(), ctx.now())},
                         {"criteria", criteria},
                         {"scoring", me.role == Role::kReviewer},
                         {"progress", {{"scored", scored}, {"total", to_score}}},
                         {"frozen_at", sc->state.frozen_at},
                         {"shortlist", shortlist}};
        // The owner's eligibility assessments, with the reasons: reviewers get none of it.
        if (sc->scope.IsOwner()) {
          json::array eligibility;
          for (const auto& [app, a] : sc->state.eligibility) eligibility.push_back(EligibilityJson(app, a));
          out["eligibility"] = std::move(eligibility);
        }
        return http::JsonResponse(200, out);
      }));

  router.Add("GET", "/api/v1/recruitments/{id}/applications/{application_id}/scores",
             Wrap([&ctx](http::Request& req) -> Result<http::Response> {
               auto sc = LoadScreening(ctx, req);
               if (!sc) return sc.error();
               const std::string& app = req.params["application_id"];
               REILU_TRY(CheckApplicationAccess(*sc, app));
               return http::JsonResponse(200, ScoresView(*sc, app));
             }));

  router.Add("PUT", "/api/v1/recruitments/{id}/applications/{application_id}/scores",
             Wrap([&ctx](http::Request& req) -> Result<http::Response> {
               auto sc = LoadScreening(ctx, req);
               if (!sc) return sc.error();
               const Recruitment& r = sc->scope.recruitment;
               const User& me = sc->scope.caller.user;
               const std::string& app = req.params["application_id"];
               REILU_TRY(CheckApplicationAccess(*sc, app));
               auto f = JsonFields(req);
               if (!f) return f.error();
               if (!f->Find("scores")) return f->Invalid("scores", "is required");
               std::vector<Score> scores;
               REILU_TRY(f->Each("scores", [&](const json::value& item, const std::string& path) -> Status {
                 auto sf = codec::Fields::Of(item, path);
                 if (!sf) return sf.error();
                 Score s{app, me.id, {}, 0, {}};
                 REILU_TRY(sf->Str("criterion_id", s.criterion_id, true));
                 REILU_TRY(sf->Int("value", s.value, true));
                 REILU_TRY(sf->Str("justification", s.justification));
                 Status valid = ValidateScore(r, s);
                 if (!valid)
                   return MakeError(valid.error().code, valid.error().message, path + "." + valid.error().field);
                 scores.push_back(std::move(s));
                 return OkStatus();
               }));
               if (scores.empty()) return f->Invalid("scores", "needs at least one score");
               auto services = ctx.Services();
               REILU_TRY(service::SaveScores(services, me, r.id, app, std::move(scores)));
               auto fresh = service::LoadScreening(services, me, r);
               if (!fresh) return fresh.error();
               sc->scores = std::move(fresh->scores);
               return http::JsonResponse(200, ScoresView(*sc, app));
             }));

  // "I recognise this applicant": the reviewer's access and scores for it end, recorded.
  router.Add("POST", "/api/v1/recruitments/{id}/applications/{application_id}/recusal",
             Wrap([&ctx](http::Request& req) -> Result<http::Response> {
               auto sc = LoadScreening(ctx, req);
               if (!sc) return sc.error();
               const Recruitment& r = sc->scope.recruitment;
               const std::string& app = req.params["application_id"];
               auto f = JsonFields(req);
               if (!f) return f.error();
               bool confirm = false;
               std::string reason;
               REILU_TRY(f->Bool("confirm", confirm));
               REILU_TRY(f->Str("reason", reason));
               if (!confirm) {
                 return f->Invalid("confirm", "must be true: recusal ends your access to this application for good");
               }
               if (reason.size() > 2000) return f->Invalid("reason", "is too long");
               auto services = ctx.Services();
               REILU_TRY(service::Recuse(services, sc->scope.caller.user, r.id, app, reason));
               return http::JsonResponse(200, json::object{{"application_id", app}, {"recused", true}});
             }));

  // Chunked review: one question at a time, every applicant's (redacted) answer, in the caller's order.
  router.Add("GET", "/api/v1/recruitments/{id}/chunk", Wrap([&ctx](http::Request& req) -> Result<http::Response> {
               auto sc = LoadScreening(ctx, req);
               if (!sc) return sc.error();
               const Recruitment& r = sc->scope.recruitment;
               const User& me = sc->scope.caller.user;
               if (r.questions.empty()) return MakeError(ErrorCode::kNotFound, "This recruitment has no questions.");
               std::string wanted = req.query.count("question_id") ? req.query["question_id"] : std::string();
               auto q = std::find_if(r.questions.begin(), r.questions.end(),
                                     [&](const Question& x) { return wanted.empty() || x.id == wanted; });
               if (q == r.questions.end()) return MakeError(ErrorCode::kNotFound, "No such question.", "question_id");
               auto services = ctx.Services();
               auto apps = service::InCallerOrder(services, me, r);
               if (!apps) return apps.error();
               json::array answers;
               for (const auto& a : *apps) {
                 if (a.withdrawn || sc->state.IsRecused(a.id, me.id)) continue;
                 json::value text = nullptr;
                 if (a.redacted) {
                   for (const auto& ans : a.redacted->answers) {
                     if (ans.question_id == q->id) text = json::string(ans.text);
                   }
                 }
                 json::value own = nullptr;
                 for (const auto& s : sc->scores) {
                   if (s.application_id == a.id && s.reviewer_id == me.id && s.criterion_id == q->criterion_id) {
                     own = ScoreJson(s);
                   }
                 }
                 answers.push_back(json::object{{"application_id", a.id},
                                                {"pseudonym", a.pseudonym},
                                                {"answer", text},
                                                {"released", a.redacted.has_value()},
                                                {"own_score", own}});
               }
               json::array questions;
               for (const auto& x : r.questions) questions.push_back(json::string(x.id));
               json::object question{{"id", q->id}, {"text", codec::ToJson(q->text)}};
               question["criterion_id"] = q->criterion_id.empty() ? json::value(nullptr) : json::value(q->criterion_id);
               return http::JsonResponse(
                   200, json::object{{"question", question}, {"questions", questions}, {"answers", answers}});
             }));

  router.Add("GET", "/api/v1/recruitments/{id}/ranking", Wrap([&ctx](http::Request& req) -> Result<http::Response> {
               auto sc = LoadScreening(ctx, req);
               if (!sc) return sc.error();
               const Recruitment& r = sc->scope.recruitment;
               const User& me = sc->scope.caller.user;
               // Reviewers see the combined ranking only once their own scoring is done.
               if (!sc->scope.IsOwner()) {
                 for (const auto& app : sc->state.applications) {
                   if (sc->state.IsActive(app) && !sc->state.IsRecused(app, me.id) && !sc->state.IsIneligible(app) &&
                       !OwnScoresComplete(r, sc->scores, app, me.id)) {
                     return http::JsonResponse(200, json::object{{"available", false}, {"ranking", json::array{}}});
                   }
                 }
               }
               auto services = ctx.Services();
               auto ranking = service::RankingJson(services, r, sc->state, sc->scores);
               if (!ranking) return ranking.error();
               // ?format=csv: the owner's table for a spreadsheet (pseudonyms and scores, no identity).
               if (req.query.count("format") && req.query["format"] == "csv") {
                 if (!sc->scope.IsOwner()) return MakeError(ErrorCode::kForbidden, "The owner downloads the table.");
                 return RankingCsv(r, *ranking, req.query.count("separator") && req.query["separator"] == "comma");
               }
               return http::JsonResponse(200, json::object{{"available", true}, {"ranking", std::move(*ranking)}});
             }));

  // Eligibility (kelpoisuus): the owner records whether the application meets the post's formal
  // requirements; "not eligible" needs the reason. Changeable until the shortlist.
  router.Add("PUT", "/api/v1/recruitments/{id}/applications/{application_id}/eligibility",
             Wrap([&ctx](http::Request& req) -> Result<http::Response> {
               auto scope = LoadOwnerScope(ctx, req, "Only the owner assesses eligibility.");
               if (!scope) return scope.error();
               auto f = JsonFields(req);
               if (!f) return f.error();
               bool eligible = true;
               std::string reason;
               if (!f->Find("eligible")) return f->Invalid("eligible", "is required");
               REILU_TRY(f->Bool("eligible", eligible));
               REILU_TRY(f->Str("reason", reason));
               std::vector<RequirementCheck> requirements;
               REILU_TRY(f->Each("requirements", [&](const json::value& item, const std::string& path) -> Status {
                 auto rf = codec::Fields::Of(item, path);
                 if (!rf) return rf.error();
                 RequirementCheck c;
                 REILU_TRY(rf->Str("requirement", c.requirement, true));
                 REILU_TRY(rf->Bool("met", c.met));
                 requirements.push_back(std::move(c));
                 return OkStatus();
               }));
               auto services = ctx.Services();
               const std::string& app = req.params["application_id"];
               auto saved = service::AssessEligibility(services, scope->caller.user, scope->recruitment.id, app,
                                                       eligible, std::move(reason), std::move(requirements));
               if (!saved) return saved.error();
               return http::JsonResponse(200, EligibilityJson(app, *saved));
             }));

  // Choosing interviewees: records the shortlist, freezes every anonymous-stage score, and tells
  // the reviewers (by pseudonym).
  router.Add("POST", "/api/v1/recruitments/{id}/shortlist", Wrap([&ctx](http::Request& req) -> Result<http::Response> {
               auto sc = LoadScreening(ctx, req);
               if (!sc) return sc.error();
               const Recruitment& r = sc->scope.recruitment;
               auto f = JsonFields(req);
               if (!f) return f.error();
               std::vector<std::string> ids;
               std::string reason;
               REILU_TRY(f->StrList("application_ids", ids));
               REILU_TRY(f->Str("reason", reason));
               if (reason.size() > 2000) return f->Invalid("reason", "is too long");
               auto services = ctx.Services();
               auto shortlisted = service::Shortlist(services, sc->scope.caller.user, r.id, ids, reason);
               if (!shortlisted) return shortlisted.error();
               json::array list;
               for (const auto& s : *shortlisted) {
                 list.push_back(json::object{{"application_id", s.application_id}, {"pseudonym", s.pseudonym}});
               }
               return http::JsonResponse(200, json::object{{"frozen", true}, {"shortlist", list}});
             }));
}

}  // namespace reilu::api
