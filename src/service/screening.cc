#include "service/screening.h"

#include <map>

#include "service/mail.h"
#include "service/work.h"

namespace reilu::service {

Result<ScreeningData> LoadScreening(Context& ctx, const User& actor, const Recruitment& r) {
  if (actor.role == Role::kRegistry) {
    return MakeError(ErrorCode::kForbidden, "The registry office does not take part in screening.");
  }
  return ScreeningOf(ctx, r);
}

Result<ScreeningData> ScreeningOf(Context& ctx, const Recruitment& r) {
  auto state = ctx.store.GetScreeningState(r.org_id, r.id);
  if (!state) return state.error();
  auto scores = ctx.store.ListScores(r.org_id, r.id);
  if (!scores) return scores.error();
  return ScreeningData{std::move(*state), std::move(*scores)};
}

namespace json = boost::json;

namespace {

Result<std::map<ApplicationId, std::string>> Pseudonyms(Context& ctx, const Recruitment& r) {
  auto apps = ctx.store.ListAnonymous(r.org_id, r.id);
  if (!apps) return apps.error();
  std::map<ApplicationId, std::string> out;
  for (const auto& a : *apps) out.emplace(a.id, a.pseudonym);
  return out;
}

std::string PseudonymIn(const std::map<ApplicationId, std::string>& names, const ApplicationId& id) {
  auto it = names.find(id);
  return it == names.end() ? std::string() : it->second;
}

// Screening is for those who review; the registry office takes no part in it.
Result<Recruitment> LoadForScreening(Context& ctx, const User& actor, RecruitmentId id) {
  auto r = LoadForWork(ctx, actor, id);
  if (!r) return r.error();
  if (actor.role == Role::kRegistry) {
    return MakeError(ErrorCode::kForbidden, "The registry office does not take part in screening.");
  }
  return r;
}

Status CheckActiveApplication(const User& actor, const ScreeningState& state, const ApplicationId& app) {
  if (!state.applications.count(app)) return MakeError(ErrorCode::kNotFound, "Application not found.");
  if (state.IsRecused(app, actor.id)) {
    return MakeError(ErrorCode::kRecused, "You declared a conflict of interest for this application.");
  }
  return OkStatus();
}

// true / false as assessed, null until then.
json::value EligibleJson(const ScreeningState& s, const ApplicationId& app) {
  auto it = s.eligibility.find(app);
  return it == s.eligibility.end() ? json::value(nullptr) : json::value(it->second.eligible);
}

}  // namespace

Status SaveScores(Context& ctx, const User& actor, RecruitmentId id, const ApplicationId& app,
                  std::vector<Score> scores) {
  auto r = LoadForScreening(ctx, actor, id);
  if (!r) return r.error();
  auto state = ctx.store.GetScreeningState(r->org_id, r->id);
  if (!state) return state.error();
  REILU_TRY(CheckActiveApplication(actor, *state, app));
  REILU_TRY(CheckMayScore(actor, *r, *state, app, ctx.now()));
  if (scores.empty()) return MakeError(ErrorCode::kInvalidInput, "Give at least one score.", "scores");
  for (auto& s : scores) {
    s.application_id = app;
    s.reviewer_id = actor.id;
    REILU_TRY(ValidateScore(*r, s));
  }
  return ctx.store.SaveScores(r->org_id, r->id, actor.id, scores, ctx.now());
}

Status Recuse(Context& ctx, const User& actor, RecruitmentId id, const ApplicationId& app, const std::string& reason) {
  auto r = LoadForScreening(ctx, actor, id);
  if (!r) return r.error();
  if (reason.size() > 2000) return MakeError(ErrorCode::kInvalidInput, "The reason is too long.", "reason");
  auto state = ctx.store.GetScreeningState(r->org_id, r->id);
  if (!state) return state.error();
  REILU_TRY(CheckMayRecuse(actor, *r, *state, app));
  return ctx.store.Recuse(r->org_id, r->id, app, actor.id, reason, ctx.now());
}

Result<EligibilityAssessment> AssessEligibility(Context& ctx, const User& actor, RecruitmentId id,
                                                const ApplicationId& app, bool eligible, std::string reason,
                                                std::vector<RequirementCheck> requirements) {
  auto r = LoadForScreening(ctx, actor, id);
  if (!r) return r.error();
  auto state = ctx.store.GetScreeningState(r->org_id, r->id);
  if (!state) return state.error();
  EligibilityAssessment assessment{eligible, std::move(reason), actor.id, ctx.now(), std::move(requirements)};
  REILU_TRY(CheckEligibilityAssessment(actor, *r, *state, app, assessment, ctx.now()));
  REILU_TRY(ctx.store.SaveEligibility(r->org_id, r->id, app, assessment, ctx.now()));
  return assessment;
}

Result<std::vector<Shortlisted>> Shortlist(Context& ctx, const User& actor, RecruitmentId id,
                                           const std::vector<ApplicationId>& applications, const std::string& reason) {
  auto r = LoadForScreening(ctx, actor, id);
  if (!r) return r.error();
  if (reason.size() > 2000) return MakeError(ErrorCode::kInvalidInput, "The reason is too long.", "reason");
  auto state = ctx.store.GetScreeningState(r->org_id, r->id);
  if (!state) return state.error();
  REILU_TRY(CheckShortlist(actor, *r, *state, applications, ctx.now()));
  auto names = Pseudonyms(ctx, *r);
  if (!names) return names.error();
  std::vector<Shortlisted> list;
  std::vector<std::string> pseudonyms;
  for (const auto& app : applications) {
    list.push_back(Shortlisted{app, PseudonymIn(*names, app)});
    pseudonyms.push_back(list.back().pseudonym);
  }
  auto sender = SenderFor(ctx, r->org_id);
  if (!sender) return sender.error();
  std::vector<store::OutgoingMail> mails;
  for (UserId reviewer : r->reviewer_ids) {
    auto user = ctx.store.GetUser(r->org_id, reviewer);
    if (!user || user->email.empty()) continue;
    auto mail = ComposeMail(
        *sender, ctx.now(), r->org_id, r->id,
        MailParts{"shortlist", user->email, notify::ShortlistNoticeText(TitleIn(*r, "fi"), pseudonyms), {}});
    if (mail) mails.push_back(std::move(*mail));
  }
  REILU_TRY(ctx.store.FreezeShortlist(r->org_id, r->id, applications, actor.id, reason, mails, ctx.now()));
  return list;
}

Result<store::LiftState> Lift(Context& ctx, const User& actor, RecruitmentId id,
                              std::vector<ApplicationId> applications, bool all, const std::string& reason) {
  auto r = LoadForWork(ctx, actor, id);
  if (!r) return r.error();
  if (reason.size() > 2000) return MakeError(ErrorCode::kInvalidInput, "The reason is too long.", "reason");
  REILU_TRY(CheckLiftAllowed(actor, *r, reason));
  if (all == !applications.empty()) {
    return MakeError(ErrorCode::kInvalidInput, "Give either application_ids or all: true.", "application_ids");
  }
  auto state = ctx.store.GetScreeningState(r->org_id, r->id);
  if (!state) return state.error();
  if (all) applications.assign(state->shortlist.begin(), state->shortlist.end());
  REILU_TRY(CheckLiftTargets(*r, *state, applications));
  REILU_TRY(ctx.store.Lift(r->org_id, r->id, applications, actor.id, reason, ctx.now()));
  return ctx.store.GetLiftState(r->org_id, r->id);
}

Result<json::array> RankingJson(Context& ctx, const Recruitment& r, const ScreeningState& s,
                                const std::vector<Score>& scores) {
  auto names = Pseudonyms(ctx, r);
  if (!names) return names.error();
  json::array arr;
  for (const auto& ra : RankApplications(r, s, scores)) {
    json::array criteria;
    for (const auto& c : ra.criteria) {
      criteria.push_back(json::object{{"criterion_id", c.criterion_id},
                                      {"count", c.count},
                                      {"mean", c.mean},
                                      {"min", c.min},
                                      {"max", c.max},
                                      {"disagreement", c.disagreement}});
    }
    arr.push_back(json::object{{"rank", ra.rank},
                               {"application_id", ra.application_id},
                               {"pseudonym", PseudonymIn(*names, ra.application_id)},
                               {"weighted_score", ra.weighted_score},
                               {"reviewers", ra.reviewers},
                               {"complete", ra.complete},
                               {"disagreement", ra.disagreement},
                               {"shortlisted", s.shortlist.count(ra.application_id) > 0},
                               {"eligible", EligibleJson(s, ra.application_id)},
                               {"criteria", criteria}});
  }
  return arr;
}

}  // namespace reilu::service
