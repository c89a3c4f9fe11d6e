#include "service/reports.h"

#include <map>

#include "codec/codec.h"
#include "service/mail.h"

namespace reilu::service {

namespace json = boost::json;

namespace {

bool SeesWholeOrganisation(const User& viewer) { return viewer.role == Role::kAdmin || viewer.role == Role::kAuditor; }

// The store's selection of the same recruitments as ReportedRecruitments (after it filled `to`).
store::ReportPeriod PeriodOf(const User& viewer, const ReportScope& scope) {
  return store::ReportPeriod{scope.from, scope.to, scope.unit, SeesWholeOrganisation(viewer) ? 0 : viewer.id};
}

// The recruitments a report covers: published in the scope's period (to now when open-ended) and
// unit, the whole organisation for admins and auditors, their own for an HR specialist; nobody
// else gets a report. `scope.to` comes back filled in.
Result<std::vector<Recruitment>> ReportedRecruitments(Context& ctx, const User& viewer, ReportScope& scope) {
  const bool whole_org = SeesWholeOrganisation(viewer);
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
  const bool whole_org = SeesWholeOrganisation(viewer);
  ReportScope scope = asked;
  auto recruitments = ReportedRecruitments(ctx, viewer, scope);
  if (!recruitments) return recruitments.error();
  const UnixTime to = scope.to;
  auto facts = ctx.store.ReportRecruitmentFacts(viewer.org_id, PeriodOf(viewer, scope));
  if (!facts) return facts.error();
  std::map<RecruitmentId, const store::RecruitmentFacts*> facts_of;
  for (const auto& f : *facts) facts_of[f.id] = &f;

  ComplianceReport report;
  report.scope = ReportScope{scope.from, to, scope.unit};
  for (const auto& r : *recruitments) {
    ReportedRecruitment item;
    item.id = r.id;
    item.title = TitleIn(r, ReviewersLanguage(r));
    item.term = std::string(EmploymentTermName(r.employment.term));
    item.anonymous = r.anonymous;
    item.exception_reason = r.anonymity_exception_reason;
    item.published_at = r.published_at;
    item.deadline = r.deadline;
    if (auto f = facts_of.find(r.id); f != facts_of.end()) {
      item.applications = f->second->applications;
      item.lifted = f->second->lifted;
      item.first_lift_at = f->second->first_lift_at;
      item.decided_at = f->second->decided_at;
      item.exception_by = f->second->exception_by;
    }
    auto& counts = r.employment.term == EmploymentTerm::kPermanent ? report.permanent : report.fixed_term;
    ++(r.anonymous ? counts.anonymous : counts.not_anonymous);
    report.recruitments.push_back(std::move(item));
  }
  // The registry office's identity reads in the period: all of them for the whole organisation, those
  // in the viewer's recruitments for an HR specialist.
  auto reads = ctx.store.CountIdentityReadsByRole(viewer.org_id, Role::kRegistry, scope.from, to);
  if (!reads) return reads.error();
  for (const auto& [recruitment, count] : *reads) {
    if (whole_org || facts_of.count(recruitment)) report.registry_identity_reads += count;
  }
  if (whole_org) {
    auto created = ctx.store.ListAuditByAction(viewer.org_id, audit_action::kUserCreate, scope.from, to);
    if (!created) return created.error();
    // A role changed to one that reaches identity is a grant too.
    auto changed = ctx.store.ListAuditByAction(viewer.org_id, audit_action::kUserUpdate, scope.from, to);
    if (!changed) return changed.error();
    for (auto& e : *changed) {
      auto detail = codec::Parse(e.detail);
      if (!detail || !detail->is_object()) continue;
      const auto* before = detail->get_object().if_contains("previous_role");
      const auto* after = detail->get_object().if_contains("role");
      if (before && after && *before != *after) created->push_back(std::move(e));
    }
    auto users = ctx.store.ListUsers(viewer.org_id);
    if (!users) return users.error();
    std::map<UserId, std::string> name_of;
    for (const auto& u : *users) name_of[u.id] = u.display_name;
    for (const auto& e : *created) {
      auto detail = codec::Parse(e.detail);
      if (!detail || !detail->is_object()) continue;
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
  report.recruitments = static_cast<int>(recruitments->size());
  auto entries = ctx.store.ReportFunnel(viewer.org_id, PeriodOf(viewer, scope));
  if (!entries) return entries.error();
  report.rows = BuildFunnel(*entries);
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
