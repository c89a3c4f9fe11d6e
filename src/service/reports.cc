#include "service/reports.h"

#include <set>

#include <map>

#include "codec/codec.h"
#include "service/mail.h"

namespace reilu::service {

namespace json = boost::json;

namespace {}  // namespace

namespace {

// The recruitments a report covers: published in the scope's period (to now when open-ended) and
// unit, the whole organisation for admins and auditors, their own for an HR specialist; nobody
// else gets a report. `scope.to` comes back filled in.
Result<std::vector<Recruitment>> ReportedRecruitments(Context& ctx, const User& viewer, ReportScope& scope) {
  const bool whole_org = viewer.role == Role::kAdmin || viewer.role == Role::kAuditor;
  if (!viewer.active || (!whole_org && viewer.role != Role::kHr)) {
    return MakeError(ErrorCode::kForbidden, "Reports are for admins, auditors and HR specialists.");
  }
  if (scope.to <= 0) scope.to = ctx.now() + 1;
  auto all = ctx.store.ListRecruitments(viewer.org_id);
  if (!all) return all.error();
  std::vector<Recruitment> out;
  for (auto& r : *all) {
    if (r.state == RecruitmentState::kDraft || r.published_at < scope.from || r.published_at >= scope.to) continue;
    if (scope.unit != 0 && r.unit_id != scope.unit) continue;
    if (!whole_org && r.owner_id != viewer.id) continue;
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace

Result<ComplianceReport> BuildComplianceReport(Context& ctx, const User& viewer, const ReportScope& asked) {
  const bool whole_org = viewer.role == Role::kAdmin || viewer.role == Role::kAuditor;
  ReportScope scope = asked;
  auto recruitments = ReportedRecruitments(ctx, viewer, scope);
  if (!recruitments) return recruitments.error();
  const UnixTime to = scope.to;
  auto audit = store::WholeAuditLog(ctx.store, viewer.org_id);
  if (!audit) return audit.error();
  auto users = ctx.store.ListUsers(viewer.org_id);
  if (!users) return users.error();
  std::map<UserId, Role> role_of;
  std::map<UserId, std::string> name_of;
  for (const auto& u : *users) {
    role_of[u.id] = u.role;
    name_of[u.id] = u.display_name;
  }

  ComplianceReport report;
  report.scope = ReportScope{scope.from, to, scope.unit};
  std::map<RecruitmentId, size_t> index;
  for (const auto& r : *recruitments) {
    ReportedRecruitment item;
    item.id = r.id;
    item.title = TitleIn(r, ReviewersLanguage(r));
    item.term = std::string(EmploymentTermName(r.employment.term));
    item.anonymous = r.anonymous;
    item.exception_reason = r.anonymity_exception_reason;
    item.published_at = r.published_at;
    item.deadline = r.deadline;
    auto count = ctx.store.CountApplications(r.org_id, r.id);
    if (!count) return count.error();
    item.applications = *count;
    auto decision = ctx.store.GetDecision(r.org_id, r.id);
    if (!decision) return decision.error();
    if (*decision) item.decided_at = (*decision)->decision.decided_at;
    auto& counts = r.employment.term == EmploymentTerm::kPermanent ? report.permanent : report.fixed_term;
    ++(r.anonymous ? counts.anonymous : counts.not_anonymous);
    index[r.id] = report.recruitments.size();
    report.recruitments.push_back(std::move(item));
  }
  for (const auto& e : *audit) {
    if (whole_org && e.action == audit_action::kUserCreate && e.at >= scope.from && e.at < to) {
      auto detail = codec::Parse(e.detail);
      if (detail && detail->is_object()) {
        const auto& o = detail->get_object();
        const auto* role = o.if_contains("role");
        const auto* user = o.if_contains("user_id");
        if (role && role->is_string() && user && user->is_int64() &&
            (role->get_string() == RoleName(Role::kHr) || role->get_string() == RoleName(Role::kRegistry))) {
          report.identity_role_grants.push_back({e.at, e.actor_id, name_of[e.actor_id], user->get_int64(),
                                                 name_of[user->get_int64()], std::string(role->get_string())});
        }
      }
    }
    auto it = index.find(e.recruitment_id);
    if (e.action == audit_action::kIdentityRead && e.at >= scope.from && e.at < to) {
      auto role = role_of.find(e.actor_id);
      if (role != role_of.end() && role->second == Role::kRegistry && (whole_org || it != index.end())) {
        ++report.registry_identity_reads;
      }
    }
    if (it == index.end()) continue;
    ReportedRecruitment& item = report.recruitments[it->second];
    if (e.action == audit_action::kPolicyException) item.exception_by = e.actor_id;
    if (e.action == audit_action::kLift) {
      ++item.lifted;
      if (item.first_lift_at == 0) item.first_lift_at = e.at;
    }
  }
  REILU_TRY(ctx.store.AppendAudit(
      store::AuditEvent{viewer.org_id,
                        viewer.id,
                        audit_action::kReportView,
                        0,
                        {},
                        codec::Serialize(json::object{{"report", "compliance"},
                                                      {"from", scope.from},
                                                      {"to", to},
                                                      {"unit_id", scope.unit},
                                                      {"recruitments", report.recruitments.size()}})},
      ctx.now()));
  return report;
}

Result<EqualityReport> BuildEqualityReport(Context& ctx, const User& viewer, const ReportScope& asked) {
  ReportScope scope = asked;
  auto recruitments = ReportedRecruitments(ctx, viewer, scope);
  if (!recruitments) return recruitments.error();
  const UnixTime to = scope.to;
  EqualityReport report;
  report.scope = scope;
  std::vector<FunnelEntry> entries;
  for (const auto& r : *recruitments) {
    ++report.recruitments;
    auto state = ctx.store.GetScreeningState(r.org_id, r.id);
    if (!state) return state.error();
    auto statistics = ctx.store.ListEqualityStatistics(r.org_id, r.id);
    if (!statistics) return statistics.error();
    auto interviews = ctx.store.ListInterviews(r.org_id, r.id);
    if (!interviews) return interviews.error();
    std::set<ApplicationId> interviewed;
    for (const auto& i : *interviews) interviewed.insert(i.application_id);
    auto decision = ctx.store.GetDecision(r.org_id, r.id);
    if (!decision) return decision.error();
    for (const auto& app : state->applications) {
      if (state->withdrawn.count(app)) continue;
      FunnelEntry e;
      e.anonymous = r.anonymous;
      if (auto it = statistics->find(app); it != statistics->end()) e.statistics = it->second;
      e.shortlisted = state->shortlist.count(app) > 0;
      e.interviewed = interviewed.count(app) > 0;
      if (*decision) {
        auto outcome = (*decision)->decision.outcomes.find(app);
        e.selected = outcome != (*decision)->decision.outcomes.end() && outcome->second == Outcome::kSelected;
      }
      entries.push_back(std::move(e));
    }
  }
  report.rows = BuildFunnel(entries);
  REILU_TRY(
      ctx.store.AppendAudit(store::AuditEvent{viewer.org_id,
                                              viewer.id,
                                              audit_action::kReportView,
                                              0,
                                              {},
                                              codec::Serialize(json::object{{"report", "equality"},
                                                                            {"from", scope.from},
                                                                            {"to", to},
                                                                            {"unit_id", scope.unit},
                                                                            {"recruitments", report.recruitments}})},
                            ctx.now()));
  return report;
}

Result<std::vector<IdentityReadRecord>> ListIdentityReads(Context& ctx, const User& owner, RecruitmentId id) {
  auto r = ctx.store.GetRecruitment(owner.org_id, id);
  if (!r) return r.error();
  if (!MaySeeRecruitment(owner, *r)) return MakeError(ErrorCode::kNotFound, "Recruitment not found.");
  if (!IsRecruitmentOwner(owner, *r)) {
    return MakeError(ErrorCode::kForbidden,
                     "Only the HR specialist who owns the recruitment sees who read identities.");
  }
  return IdentityReadsIn(ctx, owner.org_id, id);
}

Result<std::vector<IdentityReadRecord>> IdentityReadsIn(Context& ctx, OrgId org, RecruitmentId id,
                                                        const ApplicationId& application) {
  auto audit = ctx.store.ListAuditOf(org, id, audit_action::kIdentityRead);
  if (!audit) return audit.error();
  auto users = ctx.store.ListUsers(org);
  if (!users) return users.error();
  std::map<UserId, const User*> by_id;
  for (const auto& u : *users) by_id[u.id] = &u;
  std::vector<IdentityReadRecord> out;
  for (const auto& e : *audit) {
    if (!application.empty() && e.application_id != application) continue;
    IdentityReadRecord rec{e.at, e.actor_id, "", "", e.application_id, "", ""};
    if (auto u = by_id.find(e.actor_id); u != by_id.end()) {
      rec.actor_name = u->second->display_name;
      rec.actor_role = std::string(RoleName(u->second->role));
    } else {
      rec.actor_role = "system";
    }
    if (auto detail = codec::Parse(e.detail); detail && detail->is_object()) {
      const auto& o = detail->get_object();
      if (auto b = o.if_contains("basis"); b && b->is_string()) rec.basis = std::string(b->get_string());
      if (auto why = o.if_contains("reason"); why && why->is_string()) rec.reason = std::string(why->get_string());
    }
    out.push_back(std::move(rec));
  }
  return out;
}

}  // namespace reilu::service
