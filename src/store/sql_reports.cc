// SqlStore: what the council's reports read. Each is one grouped query over the period, so a report
// over ten thousand recruitments costs a few index scans, not tens of thousands of queries.
#include <algorithm>
#include <cstdint>
#include <map>
#include <unordered_map>

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
  // Grouped once per table and joined (correlated subqueries per recruitment are slow on
  // PostgreSQL). A lift without an application (NULL) lifted the whole recruitment.
  auto s = (*lease).Prepare(
      "SELECT r.id, COALESCE(ac.n, 0), COALESCE(lf.whole, 0), COALESCE(lf.apps, 0), lf.first_at, d.decided_at, "
      "(SELECT x.actor_id FROM audit_log x WHERE x.org_id = r.org_id AND x.recruitment_id = r.id "
      "   AND x.action = 'anonymity.exception' ORDER BY x.seq DESC LIMIT 1) "
      "FROM recruitments r "
      "LEFT JOIN (SELECT recruitment_id, COUNT(*) AS n FROM applications WHERE org_id = $1 GROUP BY recruitment_id) ac "
      "  ON ac.recruitment_id = r.id "
      "LEFT JOIN (SELECT recruitment_id, SUM(CASE WHEN application_id IS NULL THEN 1 ELSE 0 END) AS whole, "
      "  COUNT(DISTINCT application_id) AS apps, MIN(at) AS first_at FROM lifts WHERE org_id = $1 "
      "  GROUP BY recruitment_id) lf ON lf.recruitment_id = r.id "
      "LEFT JOIN decisions d ON d.org_id = r.org_id AND d.recruitment_id = r.id "
      "WHERE " +
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

// Joining five tables to every application costs seconds at half a million rows; reading each
// table once (the applications of the period, then each stage's rows) and matching them here by
// application id costs a fraction of that, on both backends. Each application is two bytes here.
Result<std::vector<FunnelEntry>> SqlStore::ReportFunnel(OrgId org, const ReportPeriod& period) {
  enum Flag : std::uint8_t { kAnonymous = 1, kEligible = 2, kShortlisted = 4, kInterviewed = 8, kSelected = 16 };
  struct Marks {
    std::uint8_t flags = 0;
    std::uint8_t statistics = 0;  // 0: none given; else 1 + the groups' codes (below)
  };
  // A statistic's value as its place in the dimension's groups (0: not given or unknown).
  const auto& dimensions = EqualityDimensions();
  auto code = [&](size_t dimension, const std::string& value) -> std::uint8_t {
    const auto& groups = dimensions[dimension].groups;
    auto it = std::find(groups.begin(), groups.end(), value);
    return it == groups.end() ? 0 : static_cast<std::uint8_t>(it - groups.begin() + 1);
  };
  constexpr int kBase = 8;  // more than any dimension's groups + 1
  auto lease = Reader();
  Connection& c = *lease;
  std::unordered_map<std::string, Marks> apps;
  {
    auto count = c.Prepare("SELECT COUNT(*) FROM applications WHERE org_id = $1");
    if (!count) return count.error();
    count->Bind(1, org);
    if (count->Step()) apps.reserve(static_cast<size_t>(count->Int(0)));
    REILU_TRY(count->Run());
    auto s = c.Prepare(
        "SELECT a.id, r.anonymous FROM recruitments r JOIN applications a ON a.org_id = r.org_id AND a.recruitment_id "
        "= r.id WHERE " +
        std::string(kReportedRecruitments) + " AND a.state <> 'withdrawn'");
    if (!s) return s.error();
    BindPeriod(*s, org, period);
    while (s->Step()) apps[s->Text(0)].flags = s->Int(1) != 0 ? kAnonymous : 0;
    REILU_TRY(s->status());
  }
  // Each stage's rows of the organisation; those of other periods find no application above.
  auto mark = [&](std::string_view sql, auto&& set) -> Status {
    auto s = c.Prepare(sql);
    if (!s) return s.error();
    s->Bind(1, org);
    while (s->Step()) {
      if (auto it = apps.find(s->Text(0)); it != apps.end()) set(it->second, *s);
    }
    return s->status();
  };
  REILU_TRY(mark("SELECT application_id, gender, age_band, language_group FROM equality_statistics WHERE org_id = $1",
                 [&](Marks& m, Statement& s) {
                   m.statistics = static_cast<std::uint8_t>(1 + code(0, s.Text(1)) +
                                                            kBase * (code(1, s.Text(2)) + kBase * code(2, s.Text(3))));
                 }));
  auto flag = [](std::uint8_t f) { return [f](Marks& m, Statement&) { m.flags |= f; }; };
  REILU_TRY(mark("SELECT application_id FROM eligibility WHERE org_id = $1 AND eligible = 1", flag(kEligible)));
  REILU_TRY(mark("SELECT application_id FROM shortlist_entries WHERE org_id = $1", flag(kShortlisted)));
  REILU_TRY(mark("SELECT application_id FROM interviews WHERE org_id = $1", flag(kInterviewed)));
  REILU_TRY(
      mark("SELECT application_id FROM decision_outcomes WHERE org_id = $1 AND outcome = 'selected'", flag(kSelected)));
  // Alike applications become one entry with their count.
  std::map<std::pair<std::uint8_t, std::uint8_t>, int> grouped;
  for (const auto& [id, m] : apps) ++grouped[{m.statistics, m.flags}];
  auto group = [&](size_t dimension, int place) {
    return place == 0 ? std::string() : dimensions[dimension].groups[place - 1];
  };
  std::vector<FunnelEntry> out;
  for (const auto& [key, count] : grouped) {
    const auto [statistics, flags] = key;
    FunnelEntry e;
    e.anonymous = flags & kAnonymous;
    if (statistics != 0) {
      const int v = statistics - 1;
      e.statistics =
          EqualityStatistics{group(0, v % kBase), group(1, (v / kBase) % kBase), group(2, v / kBase / kBase)};
    }
    e.eligible = flags & kEligible;
    e.shortlisted = flags & kShortlisted;
    e.interviewed = flags & kInterviewed;
    e.selected = flags & kSelected;
    e.count = count;
    out.push_back(std::move(e));
  }
  return out;
}

Result<std::map<RecruitmentId, std::int64_t>> SqlStore::CountIdentityReadsByRole(OrgId org, Role role, UnixTime from,
                                                                                 UnixTime to) {
  auto lease = Reader();
  auto s = (*lease).Prepare(
      "SELECT x.recruitment_id, COUNT(*) FROM audit_log x WHERE x.org_id = $1 AND x.action = 'identity.read' "
      "AND x.actor_id IN (SELECT u.id FROM users u WHERE u.org_id = $1 AND u.role = $4) AND x.at >= $2 AND x.at < $3 "
      "GROUP BY x.recruitment_id");
  if (!s) return s.error();
  s->Bind(1, org).Bind(2, from).Bind(3, to).Bind(4, RoleName(role));
  std::map<RecruitmentId, std::int64_t> out;
  while (s->Step()) out[s->Int(0)] = s->Int(1);
  REILU_TRY(s->status());
  return out;
}

}  // namespace reilu::store
