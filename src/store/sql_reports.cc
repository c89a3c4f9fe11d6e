// SqlStore: what the council's reports read. Each is one grouped query over the period, so a report
// over ten thousand recruitments costs a few index scans, not tens of thousands of queries.
#include "store/sql_store.h"

namespace reilu::store {

namespace {

// The period's recruitments as $1..$5 select them (org, from, to, unit, owner; 0 = any).
constexpr std::string_view kReportedRecruitments =
    "r.org_id = $1 AND r.state <> 'draft' AND r.published_at >= $2 AND r.published_at < $3 "
    "AND ($4 = 0 OR r.unit_id = $4) AND ($5 = 0 OR r.owner_id = $5)";

void BindPeriod(Statement& s, OrgId org, const ReportPeriod& p) {
  s.Bind(1, org).Bind(2, p.from).Bind(3, p.to).Bind(4, p.unit).Bind(5, p.owner);
}

}  // namespace

Result<std::vector<RecruitmentFacts>> SqlStore::ReportRecruitmentFacts(OrgId org, const ReportPeriod& period) {
  auto lease = Reader();
  // A lift without an application (NULL) lifted the whole recruitment.
  auto s = (*lease).Prepare(
      "SELECT r.id, "
      "(SELECT COUNT(*) FROM applications a WHERE a.org_id = r.org_id AND a.recruitment_id = r.id), "
      "(SELECT COUNT(*) FROM lifts l WHERE l.org_id = r.org_id AND l.recruitment_id = r.id "
      "   AND l.application_id IS NULL), "
      "(SELECT COUNT(DISTINCT l.application_id) FROM lifts l WHERE l.org_id = r.org_id AND l.recruitment_id = r.id), "
      "(SELECT MIN(l.at) FROM lifts l WHERE l.org_id = r.org_id AND l.recruitment_id = r.id), "
      "(SELECT d.decided_at FROM decisions d WHERE d.org_id = r.org_id AND d.recruitment_id = r.id), "
      "(SELECT x.actor_id FROM audit_log x WHERE x.org_id = r.org_id AND x.recruitment_id = r.id "
      "   AND x.action = 'anonymity.exception' ORDER BY x.seq DESC LIMIT 1) "
      "FROM recruitments r WHERE " +
      std::string(kReportedRecruitments) + " ORDER BY r.id");
  if (!s) return s.error();
  BindPeriod(*s, org, period);
  std::vector<RecruitmentFacts> out;
  while (s->Step()) {
    RecruitmentFacts f;
    f.id = s->Int(0);
    f.applications = s->Int(1);
    f.lifted = s->Int(2) > 0 ? f.applications : s->Int(3);
    f.first_lift_at = s->IsNull(4) ? 0 : s->Int(4);
    if (!s->IsNull(5)) f.decided_at = s->Int(5);
    f.exception_by = s->IsNull(6) ? 0 : s->Int(6);
    out.push_back(f);
  }
  REILU_TRY(s->status());
  return out;
}

Result<std::vector<FunnelEntry>> SqlStore::ReportFunnel(OrgId org, const ReportPeriod& period) {
  auto lease = Reader();
  auto s = (*lease).Prepare(
      "SELECT r.anonymous, "
      "CASE WHEN st.application_id IS NULL THEN 0 ELSE 1 END, "
      "COALESCE(st.gender, ''), COALESCE(st.age_band, ''), COALESCE(st.language_group, ''), "
      "CASE WHEN e.eligible = 1 THEN 1 ELSE 0 END, "
      "CASE WHEN se.application_id IS NULL THEN 0 ELSE 1 END, "
      "CASE WHEN EXISTS (SELECT 1 FROM interviews i WHERE i.org_id = a.org_id AND i.recruitment_id = a.recruitment_id "
      "   AND i.application_id = a.id) THEN 1 ELSE 0 END, "
      "CASE WHEN o.outcome = 'selected' THEN 1 ELSE 0 END, "
      "COUNT(*) "
      "FROM recruitments r "
      "JOIN applications a ON a.org_id = r.org_id AND a.recruitment_id = r.id "
      "LEFT JOIN equality_statistics st ON st.application_id = a.id AND st.org_id = a.org_id "
      "LEFT JOIN eligibility e ON e.application_id = a.id AND e.org_id = a.org_id "
      "LEFT JOIN shortlist_entries se ON se.recruitment_id = a.recruitment_id AND se.application_id = a.id "
      "   AND se.org_id = a.org_id "
      "LEFT JOIN decision_outcomes o ON o.recruitment_id = a.recruitment_id AND o.application_id = a.id "
      "   AND o.org_id = a.org_id "
      "WHERE " +
      std::string(kReportedRecruitments) +
      " AND a.state <> 'withdrawn' "
      "GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9");
  if (!s) return s.error();
  BindPeriod(*s, org, period);
  std::vector<FunnelEntry> out;
  while (s->Step()) {
    FunnelEntry e;
    e.anonymous = s->Int(0) != 0;
    if (s->Int(1) != 0) e.statistics = EqualityStatistics{s->Text(2), s->Text(3), s->Text(4)};
    e.eligible = s->Int(5) != 0;
    e.shortlisted = s->Int(6) != 0;
    e.interviewed = s->Int(7) != 0;
    e.selected = s->Int(8) != 0;
    e.count = static_cast<int>(s->Int(9));
    out.push_back(std::move(e));
  }
  REILU_TRY(s->status());
  return out;
}

Result<std::map<RecruitmentId, std::int64_t>> SqlStore::CountIdentityReadsByRole(OrgId org, Role role, UnixTime from,
                                                                                 UnixTime to) {
  auto lease = Reader();
  auto s = (*lease).Prepare(
      "SELECT x.recruitment_id, COUNT(*) FROM audit_log x JOIN users u ON u.id = x.actor_id AND u.org_id = x.org_id "
      "WHERE x.org_id = $1 AND x.action = 'identity.read' AND x.at >= $2 AND x.at < $3 AND u.role = $4 "
      "GROUP BY x.recruitment_id");
  if (!s) return s.error();
  s->Bind(1, org).Bind(2, from).Bind(3, to).Bind(4, RoleName(role));
  std::map<RecruitmentId, std::int64_t> out;
  while (s->Step()) out[s->Int(0)] = s->Int(1);
  REILU_TRY(s->status());
  return out;
}

}  // namespace reilu::store
