#include "service/recruitments.h"

#include <algorithm>
#include <map>

#include "codec/codec.h"
#include "core/page.h"
#include "service/work.h"

namespace reilu::service {

namespace json = boost::json;

namespace {

// A unit id must name one of the recruitment's own organisation's units (0: none).
Status CheckUnitIsOwn(Context& ctx, const Recruitment& r) {
  if (r.unit_id == 0) return OkStatus();
  auto units = ctx.store.ListUnits(r.org_id);
  if (!units) return units.error();
  for (const auto& u : *units) {
    if (u.id == r.unit_id) return OkStatus();
  }
  return MakeError(ErrorCode::kInvalidInput, "No such unit in your organisation.", "unit_id");
}

// The named decision-maker must be an active user of that role in the organisation.
Status CheckDecisionMakerIsOwn(Context& ctx, const Recruitment& r) {
  if (r.decision_maker_id == 0) return OkStatus();
  auto user = ctx.store.GetUser(r.org_id, r.decision_maker_id);
  if (!user || !user->active || user->role != Role::kDecisionMaker) {
    return MakeError(ErrorCode::kInvalidInput, "No such decision-maker in your organisation.", "decision_maker_id");
  }
  return OkStatus();
}

Status ApplyAnonymity(Context& ctx, const AnonymityWish& wish, Recruitment& r) {
  AnonymityRequest request{wish.anonymous.value_or(r.anonymous),
                           wish.exception_reason.value_or(r.anonymity_exception_reason)};
  auto policy = ctx.store.GetPolicy(r.org_id);
  if (!policy) return policy.error();
  auto choice = DecideAnonymity(*policy, r.employment.term, request);
  if (!choice) return choice.error();
  r.anonymous = choice->anonymous;
  r.anonymity_exception_reason = choice->exception_reason;
  return OkStatus();
}

Result<Recruitment> SaveAndReload(Context& ctx, const Recruitment& r, const std::optional<store::AuditEvent>& audit) {
  REILU_TRY(ctx.store.UpdateRecruitment(r, audit, ctx.now()));
  return ctx.store.GetRecruitment(r.org_id, r.id);
}

Result<Recruitment> LoadOwnDraftOrAd(Context& ctx, const User& actor, RecruitmentId id, std::string_view refusal) {
  if (actor.role != Role::kHr) return MakeError(ErrorCode::kForbidden, "Your role does not allow this.");
  auto r = ctx.store.GetRecruitment(actor.org_id, id);
  if (!r) return r.error();
  if (!MaySeeRecruitment(actor, *r)) return MakeError(ErrorCode::kNotFound, "Recruitment not found.");
  if (!IsRecruitmentOwner(actor, *r)) return MakeError(ErrorCode::kForbidden, std::string(refusal));
  return r;
}

}  // namespace

Result<Recruitment> CreateRecruitment(Context& ctx, const User& actor, Recruitment r, const AnonymityWish& wish) {
  if (actor.role != Role::kHr) return MakeError(ErrorCode::kForbidden, "Your role does not allow this.");
  r.id = 0;
  r.org_id = actor.org_id;
  r.owner_id = actor.id;
  r.state = RecruitmentState::kDraft;
  if (r.languages.empty()) r.languages = {"fi"};
  // Anonymity starts from the policy's default for the post's term.
  auto policy = ctx.store.GetPolicy(r.org_id);
  if (!policy) return policy.error();
  r.anonymous = policy->RuleFor(r.employment.term) != AnonymityRule::kOptional;
  r.anonymity_exception_reason.clear();
  REILU_TRY(ApplyAnonymity(ctx, wish, r));
  REILU_TRY(ValidateRecruitment(r));
  REILU_TRY(CheckUnitIsOwn(ctx, r));
  REILU_TRY(CheckDecisionMakerIsOwn(ctx, r));
  auto id = ctx.store.CreateRecruitment(r, ctx.now());
  if (!id) return id.error();
  return ctx.store.GetRecruitment(r.org_id, *id);
}

Result<Recruitment> EditRecruitment(Context& ctx, const User& actor, RecruitmentId id,
                                    std::optional<std::int64_t> expected_version,
                                    const std::function<Status(Recruitment&)>& edit, const AnonymityWish& wish) {
  auto r = LoadOwnDraftOrAd(ctx, actor, id, "Only the owner can edit.");
  if (!r) return r.error();
  REILU_TRY(CheckEditable(*r));
  if (expected_version && *expected_version != r->version) {
    return MakeError(ErrorCode::kConflict, "The recruitment was changed by someone else; reload and try again.");
  }
  REILU_TRY(edit(*r));
  REILU_TRY(ApplyAnonymity(ctx, wish, *r));
  REILU_TRY(ValidateRecruitment(*r));
  REILU_TRY(CheckUnitIsOwn(ctx, *r));
  REILU_TRY(CheckDecisionMakerIsOwn(ctx, *r));
  std::optional<store::AuditEvent> audit;
  if (!r->anonymous) {
    audit = store::AuditEvent{
        r->org_id, actor.id, audit_action::kPolicyException,
        r->id,     {},       codec::Serialize(json::object{{"reason", r->anonymity_exception_reason}})};
  }
  return SaveAndReload(ctx, *r, audit);
}

Result<std::vector<Error>> PublishCheck(Context& ctx, const User& actor, RecruitmentId id) {
  auto r = LoadOwnDraftOrAd(ctx, actor, id, "Only the owner can publish.");
  if (!r) return r.error();
  std::vector<Error> problems;
  if (Status anonymity = ApplyAnonymity(ctx, AnonymityWish{}, *r); !anonymity) problems.push_back(anonymity.error());
  auto more = PublishProblems(*r, ctx.now());
  problems.insert(problems.end(), more.begin(), more.end());
  return problems;
}

Result<Recruitment> PublishRecruitment(Context& ctx, const User& actor, RecruitmentId id) {
  auto r = LoadOwnDraftOrAd(ctx, actor, id, "Only the owner can publish.");
  if (!r) return r.error();
  REILU_TRY(ApplyAnonymity(ctx, AnonymityWish{}, *r));
  REILU_TRY(CheckPublishable(*r, ctx.now()));
  r->state = RecruitmentState::kPublished;
  r->published_at = ctx.now();
  json::object detail{{"anonymous", r->anonymous}, {"term", EmploymentTermName(r->employment.term)}};
  return SaveAndReload(
      ctx, *r, store::AuditEvent{r->org_id, actor.id, audit_action::kPublish, r->id, {}, codec::Serialize(detail)});
}

Result<Recruitment> CloseRecruitment(Context& ctx, const User& actor, RecruitmentId id) {
  auto r = LoadOwnDraftOrAd(ctx, actor, id, "Only the owner can close.");
  if (!r) return r.error();
  if (r->state != RecruitmentState::kPublished) {
    return MakeError(ErrorCode::kConflict, "Only a published recruitment can be closed.");
  }
  r->state = RecruitmentState::kClosed;
  return SaveAndReload(ctx, *r, store::AuditEvent{r->org_id, actor.id, audit_action::kClose, r->id, {}, "{}"});
}

Result<Recruitment> SetDecisionMaker(Context& ctx, const User& actor, RecruitmentId id, UserId decision_maker) {
  auto r = LoadOwned(ctx, actor, id, "Only the owner names the decision-maker.");
  if (!r) return r.error();
  auto decided = ctx.store.GetDecision(r->org_id, r->id);
  if (!decided) return decided.error();
  if (*decided) return MakeError(ErrorCode::kDecided, "The selection decision has already been made.");
  r->decision_maker_id = decision_maker;
  REILU_TRY(CheckDecisionMakerIsOwn(ctx, *r));
  return SaveAndReload(ctx, *r,
                       store::AuditEvent{r->org_id,
                                         actor.id,
                                         audit_action::kDecisionMaker,
                                         r->id,
                                         {},
                                         codec::Serialize(json::object{{"decision_maker_id", decision_maker}})});
}

Result<Recruitment> SetDiaryNumber(Context& ctx, const User& actor, RecruitmentId id, const std::string& diary_number) {
  auto r = LoadForWork(ctx, actor, id);
  if (!r) return r.error();
  if (!IsRecruitmentOwner(actor, *r) && actor.role != Role::kRegistry) {
    return MakeError(ErrorCode::kForbidden, "The owner or the registry office sets the diary number.");
  }
  r->diary_number = diary_number;
  REILU_TRY(ValidateRecruitment(*r));
  return SaveAndReload(ctx, *r,
                       store::AuditEvent{r->org_id,
                                         actor.id,
                                         audit_action::kDiaryNumber,
                                         r->id,
                                         {},
                                         codec::Serialize(json::object{{"diary_number", diary_number}})});
}

Result<Recruitment> SetCriteria(Context& ctx, const User& actor, RecruitmentId id, std::vector<Criterion> criteria) {
  auto r = LoadOwned(ctx, actor, id, "Only the owner sets the criteria.");
  if (!r) return r.error();
  REILU_TRY(CheckCriteriaEditable(*r, ctx.now()));
  if (criteria.empty()) return MakeError(ErrorCode::kInvalidInput, "Give at least one criterion.", "criteria");
  r->criteria = std::move(criteria);
  REILU_TRY(ValidateRecruitment(*r));
  // Published: the ad's readers see the criteria in every advertised language, as at publishing.
  if (r->state != RecruitmentState::kDraft) {
    for (const auto& missing : MissingTranslations(*r)) {
      if (missing.field.rfind("criteria.", 0) == 0) return missing;
    }
  }
  json::array ids;
  for (const auto& c : r->criteria) ids.push_back(json::object{{"id", c.id}, {"weight", c.weight}});
  return SaveAndReload(ctx, *r,
                       store::AuditEvent{r->org_id,
                                         actor.id,
                                         audit_action::kCriteriaChange,
                                         r->id,
                                         {},
                                         codec::Serialize(json::object{{"criteria", ids}})});
}

Result<std::vector<ListedRecruitment>> RecruitmentsFor(Context& ctx, const User& actor) {
  REILU_TRY(CheckRole(actor, {Role::kHr, Role::kReviewer, Role::kRegistry, Role::kDecisionMaker},
                      "Your role does not allow this."));
  auto list = ctx.store.ListRecruitments(actor.org_id);
  if (!list) return list.error();
  auto summaries = ctx.store.SummariseRecruitments(actor.org_id);
  if (!summaries) return summaries.error();
  const UnixTime now = ctx.now();
  std::vector<ListedRecruitment> out;
  for (auto& r : *list) {
    if (!MaySeeRecruitment(actor, r)) continue;
    const store::RecruitmentSummary summary = (*summaries)[r.id];
    ListedRecruitment item{std::move(r), {}, std::nullopt};
    item.stage = RecruitmentStage(item.recruitment, summary.shortlisted, summary.decided, now);
    if (IsRecruitmentOwner(actor, item.recruitment) || ApplicationPeriodOver(item.recruitment, now)) {
      item.applications = summary.applications;
    }
    out.push_back(std::move(item));
  }
  return out;
}

namespace {

// Lower case for comparing titles: ASCII and the Latin-1 capitals (Ä, Ö, Å, É…) that fi/sv/en
// titles use; other bytes as they are.
std::string FoldTitle(std::string_view text) {
  std::string out(text);
  for (size_t i = 0; i < out.size(); ++i) {
    auto c = static_cast<unsigned char>(out[i]);
    if (c >= 'A' && c <= 'Z') {
      out[i] = static_cast<char>(c + 32);
    } else if (c == 0xC3 && i + 1 < out.size()) {
      auto next = static_cast<unsigned char>(out[i + 1]);
      if (next >= 0x80 && next <= 0x9E && next != 0x97) out[i + 1] = static_cast<char>(next + 0x20);
      ++i;
    }
  }
  return out;
}

std::string TitleIn(const Recruitment& r, const std::string& language) {
  if (auto it = r.title.find(language); it != r.title.end()) return FoldTitle(it->second);
  for (const auto& l : r.languages) {
    if (auto it = r.title.find(l); it != r.title.end()) return FoldTitle(it->second);
  }
  return {};
}

bool Wanted(const ListedRecruitment& item, const User& actor, const RecruitmentQuery& q, const std::string& text) {
  if (!q.stage.empty() && item.stage != q.stage) return false;
  if (q.mine && item.recruitment.owner_id != actor.id) return false;
  if (text.empty()) return true;
  return std::any_of(item.recruitment.title.begin(), item.recruitment.title.end(),
                     [&](const auto& t) { return FoldTitle(t.second).find(text) != std::string::npos; });
}

void Order(std::vector<ListedRecruitment>& items, const RecruitmentQuery& q) {
  using O = RecruitmentQuery::Order;
  auto by = [&](auto key) {
    std::stable_sort(items.begin(), items.end(), [&](const ListedRecruitment& a, const ListedRecruitment& b) {
      // By reference where the key is kept (titles): no copy per comparison.
      const auto& ka = key(a.recruitment);
      const auto& kb = key(b.recruitment);
      if (ka != kb) return ka < kb;
      return a.recruitment.id < b.recruitment.id;
    });
  };
  switch (q.order) {
    case O::kCreated:
      return by([](const Recruitment& r) { return r.id; });
    case O::kNewest:
      return by([](const Recruitment& r) { return -r.id; });
    case O::kDeadline:
      return by([](const Recruitment& r) { return r.deadline; });
    case O::kLatestDeadline:
      return by([](const Recruitment& r) { return -r.deadline; });
    case O::kTitle: {
      std::map<RecruitmentId, std::string> titles;
      for (const auto& item : items) titles[item.recruitment.id] = TitleIn(item.recruitment, q.title_language);
      return by([&](const Recruitment& r) -> const std::string& { return titles.at(r.id); });
    }
  }
}

}  // namespace

Result<RecruitmentPage> RecruitmentsFor(Context& ctx, const User& actor, const RecruitmentQuery& query) {
  auto all = RecruitmentsFor(ctx, actor);
  if (!all) return all.error();
  const std::string text = FoldTitle(query.text);
  std::vector<ListedRecruitment> wanted;
  for (auto& item : *all) {
    if (Wanted(item, actor, query, text)) wanted.push_back(std::move(item));
  }
  Order(wanted, query);
  RecruitmentPage page;
  page.total = wanted.size();
  const PageBounds bounds = PageOf(wanted.size(), query.offset, query.limit);
  for (size_t i = bounds.begin; i < bounds.end; ++i) page.items.push_back(std::move(wanted[i]));
  page.next = bounds.next;
  return page;
}

Result<RecruitmentView> RecruitmentFor(Context& ctx, const User& actor, RecruitmentId id) {
  auto r = ctx.store.GetRecruitment(actor.org_id, id);
  if (!r) return r.error();
  if (!MaySeeRecruitment(actor, *r)) return MakeError(ErrorCode::kNotFound, "Recruitment not found.");
  RecruitmentView view{std::move(*r), std::nullopt};
  // Withheld from reviewers until the period ends (arrivals would show).
  if (MaySeeApplicationsNow(actor, view.recruitment, ctx.now())) {
    auto count = ctx.store.CountApplications(view.recruitment.org_id, view.recruitment.id);
    if (!count) return count.error();
    view.application_count = *count;
  }
  return view;
}

}  // namespace reilu::service
