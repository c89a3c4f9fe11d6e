// The council's reports at the size of a large municipality's history (issue 13): 10 000
// recruitments and 500 000 applications over two years, on SQLite or PostgreSQL.
//   1. fills a fresh database: the organisation, units and staff through the store, then the
//      history in bulk SQL (recruitments, applications with a cover letter's worth of reviewers'
//      text, equality statistics, eligibility, shortlists, interviews, lifts, decisions and their
//      outcomes, one identity read per application for the notices, registry reads, exceptions);
//   2. times the compliance and equality reports as the admin (whole organisation) and as one HR
//      specialist (their quarter), each the median of several runs through the service layer;
//   3. beside them in the same run, the anchor: one raw query that reads every application row of
//      the organisation (what no report can do without).
// Audit rows written in bulk are not hash-chained (the reports do not verify the chain).
// Usage: report_bench [--recruitments N] [--per-recruitment M] [--database postgresql://…] [--runs K] [--keep]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include <unistd.h>

#include "app/app.h"
#include "codec/codec.h"
#include "crypto/crypto.h"
#include "redact/free_text_redactor.h"
#include "service/reports.h"
#include "store/postgres_db.h"
#include "store/sql_store.h"
#include "store/sqlite_db.h"

using namespace reilu;
using Clock = std::chrono::steady_clock;

namespace {

constexpr UnixTime kDay = 86400;

[[noreturn]] void Fail(const std::string& what, const Error& e) {
  std::fprintf(stderr, "report_bench: %s: %s\n", what.c_str(), e.message.c_str());
  std::exit(1);
}

template <typename T>
T Must(Result<T> r, const std::string& what) {
  if (!r) Fail(what, r.error());
  return std::move(*r);
}

void Must(Status s, const std::string& what) {
  if (!s) Fail(what, s.error());
}

struct Options {
  int recruitments = 10000;
  int per_recruitment = 50;
  int runs = 5;
  std::string database;  // empty: SQLite in a temporary folder
  bool keep = false;     // leave the SQLite file (to look at query plans)
};

struct Staff {
  OrgId org = 0;
  UserId admin = 0, registry = 0;
  std::vector<UserId> hr;
  std::vector<UnitId> units;
};

// The reviewers' text of one application: a real letter's length, names already replaced.
const char* kRedactedLetter =
    "{\"cover_letter\":\"Hyvä vastaanottaja, haen avoinna olevaa tehtävää. Olen [NIMI] ja olen työskennellyt kunnan "
    "hallinnossa kuusi vuotta, viimeksi talous- ja henkilöstösuunnittelun tehtävissä. Työssäni olen valmistellut "
    "talousarvioita, koonnut raportteja lautakunnille ja kehittänyt tiimimme tapaa seurata hankkeiden "
    "kustannuksia. Olen tottunut käyttämään Exceliä ja Power BI:tä, ja olen kouluttanut kollegoita niiden "
    "käytössä. Minua kiinnostaa tehtävässänne erityisesti mahdollisuus kehittää palveluja yhdessä asukkaiden "
    "kanssa. Edellisessä työssäni vedin osallistavan budjetoinnin kokeilua, jossa asukkaat ehdottivat ja "
    "äänestivät lähiympäristön pienhankkeista. Arvostan työyhteisöä, jossa tietoa jaetaan avoimesti. Ystävällisin "
    "terveisin [NIMI]\",\"answers\":[{\"question_id\":\"why\",\"text\":\"Koska työ on merkityksellistä.\"}]}";
const char* kMerits =
    "{\"education\":[{\"level\":\"master\",\"field\":\"Hallintotiede\",\"institution\":\"Tampereen yliopisto\"}],"
    "\"experience\":[{\"title\":\"Suunnittelija\",\"employer\":\"Kunta\",\"months\":60},{\"title\":\"Sihteeri\","
    "\"employer\":\"Kuntayhtymä\",\"months\":24}],\"skills\":[\"Excel\",\"Projektinhallinta\",\"Power BI\"]}";

Staff SeedStaff(store::SqlStore& store, UnixTime now) {
  Staff s;
  s.org = Must(store.CreateOrganisation("Suurkaupunki", AnonymityPolicy{}, now), "organisation");
  for (const char* unit : {"Sivistys", "Sosiaali- ja terveys", "Kaupunkiympäristö", "Konserni"}) {
    s.units.push_back(Must(store.CreateUnit(s.org, unit), "unit"));
  }
  auto user = [&](const std::string& name, Role role) {
    return Must(store.CreateUser(User{0, s.org, name, name, name + "@example.fi", role, true}, "-", 0, now), name);
  };
  s.admin = user("admin", Role::kAdmin);
  s.registry = user("kirjaamo", Role::kRegistry);
  for (int i = 0; i < 8; ++i) s.hr.push_back(user("hr" + std::to_string(i), Role::kHr));
  return s;
}

void Exec(store::Connection& c, const std::string& sql, const std::function<void(store::Statement&)>& bind,
          const char* what) {
  auto s = c.Prepare(sql);
  if (!s) Fail(what, s.error());
  bind(*s);
  Must(s->Run(), what);
}

// The history in bulk, in one transaction: `n` counts from a helper table.
void FillHistory(store::Connection& c, const Staff& staff, const Options& o, UnixTime start, UnixTime now,
                 const std::string& content) {
  auto tx = Must(store::Transaction::Begin(c), "begin");
  Must(c.Exec("CREATE TABLE bench_n (n BIGINT PRIMARY KEY)"), "bench_n");
  const int count = std::max(o.recruitments, o.per_recruitment);
  for (int i = 0; i < count; ++i) {
    Exec(
        c, "INSERT INTO bench_n (n) VALUES ($1)", [&](store::Statement& s) { s.Bind(1, std::int64_t{i}); }, "n");
  }
  const UnixTime step = std::max<UnixTime>(1, (now - start - 60 * kDay) / o.recruitments);
  // Every third post fixed-term; one fixed-term post in seven and one permanent in a thousand (a
  // data error the report must flag) processed openly, with the reason recorded.
  Exec(
      c,
      "INSERT INTO recruitments (org_id, unit_id, owner_id, state, employment_term, anonymous, "
      "anonymity_exception_reason, deadline, published_at, version, content, order_key, created_at) "
      "SELECT $1, CASE n % 4 WHEN 0 THEN $2 WHEN 1 THEN $3 WHEN 2 THEN $4 ELSE $5 END, "
      "CASE n % 8 WHEN 0 THEN $6 WHEN 1 THEN $7 WHEN 2 THEN $8 WHEN 3 THEN $9 WHEN 4 THEN $10 WHEN 5 THEN $11 "
      "WHEN 6 THEN $12 ELSE $13 END, 'closed', "
      "CASE WHEN n % 3 = 0 THEN 'fixed_term' ELSE 'permanent' END, "
      "CASE WHEN (n % 3 = 0 AND n % 7 = 0) OR n % 1000 = 999 THEN 0 ELSE 1 END, "
      "CASE WHEN (n % 3 = 0 AND n % 7 = 0) OR n % 1000 = 999 THEN CAST($14 AS TEXT) ELSE '' END, "
      "$15 + n * $16 + 21 * 86400, $15 + n * $16, 1, CAST($17 AS TEXT), $18, $15 + n * $16 "
      "FROM bench_n WHERE n < $19",
      [&](store::Statement& s) {
        s.Bind(1, staff.org);
        for (int i = 0; i < 4; ++i) s.Bind(2 + i, staff.units[i]);
        for (int i = 0; i < 8; ++i) s.Bind(6 + i, staff.hr[i]);
        s.Bind(14, "Lyhyt sijaisuus, joka täytetään heti")
            .Bind(15, start)
            .Bind(16, step)
            .Bind(17, content)
            .BindBlob(18, std::string(32, '\x01'))
            .Bind(19, std::int64_t{o.recruitments});
      },
      "recruitments");
  auto first = c.Prepare("SELECT MIN(id) FROM recruitments WHERE org_id = $1");
  first->Bind(1, staff.org);
  first->Step();
  const std::int64_t first_id = first->Int(0);
  Must(first->Run(), "first");
  Exec(
      c,
      "INSERT INTO applications (id, org_id, recruitment_id, pseudonym, reference, merits, redacted, state, "
      "received_at, attachments) "
      "SELECT 'b' || CAST(r.id AS TEXT) || '-' || CAST(m.n AS TEXT), r.org_id, r.id, 'Hakija ' || CAST(m.n AS TEXT), "
      "'R' || CAST(r.id AS TEXT) || '-' || CAST(m.n AS TEXT), CAST($2 AS TEXT), CAST($3 AS TEXT), "
      "CASE WHEN (r.id + m.n) % 40 = 0 THEN 'withdrawn' ELSE 'received' END, r.published_at + m.n * 600, '[]' "
      "FROM recruitments r JOIN bench_n m ON m.n < $4 WHERE r.org_id = $1",
      [&](store::Statement& s) {
        s.Bind(1, staff.org).Bind(2, kMerits).Bind(3, kRedactedLetter).Bind(4, std::int64_t{o.per_recruitment});
      },
      "applications");
  const std::string app_of = " FROM applications a WHERE a.org_id = $1";
  const std::string n = "CAST(SUBSTR(a.id, INSTR(a.id, '-') + 1) AS BIGINT)";
  const std::string pg_n = "CAST(SPLIT_PART(a.id, '-', 2) AS BIGINT)";
  const std::string number = c.dialect() == store::Dialect::kPostgres ? pg_n : n;
  auto bulk = [&](const std::string& sql, const char* what) {
    Exec(
        c, sql, [&](store::Statement& s) { s.Bind(1, staff.org); }, what);
  };
  // Six in ten give the voluntary statistics.
  bulk(
      "INSERT INTO equality_statistics (application_id, org_id, recruitment_id, gender, age_band, language_group) "
      "SELECT a.id, a.org_id, a.recruitment_id, "
      "CASE (a.recruitment_id + " +
          number +
          ") % 5 WHEN 0 THEN 'man' WHEN 1 THEN '' WHEN 4 THEN 'other' "
          "ELSE 'woman' END, "
          "CASE " +
          number +
          " % 4 WHEN 0 THEN 'under_30' WHEN 1 THEN '30_44' WHEN 2 THEN '45_59' ELSE '60_plus' END, "
          "CASE " +
          number + " % 7 WHEN 0 THEN 'sv' WHEN 1 THEN 'other' ELSE 'fi' END" + app_of +
          " AND (a.recruitment_id * 7 + " + number + ") % 10 < 6",
      "statistics");
  // Eligibility assessed for the first thirty; one in five of them not eligible.
  bulk(
      "INSERT INTO eligibility (application_id, org_id, recruitment_id, eligible, reason, assessed_by, assessed_at) "
      "SELECT a.id, a.org_id, a.recruitment_id, CASE WHEN " +
          number +
          " % 5 = 0 THEN 0 ELSE 1 END, "
          "CASE WHEN " +
          number + " % 5 = 0 THEN 'Ei vaadittua tutkintoa' ELSE '' END, 0, a.received_at + 30 * 86400" + app_of +
          " AND " + number + " < 30 AND a.state <> 'withdrawn'",
      "eligibility");
  bulk(
      "INSERT INTO shortlists (recruitment_id, org_id, actor_id, reason, frozen_at) "
      "SELECT r.id, r.org_id, r.owner_id, 'Parhaat pisteet', r.deadline + 7 * 86400 FROM recruitments r "
      "WHERE r.org_id = $1",
      "shortlists");
  const std::string shortlisted = " AND " + number + " IN (1, 2, 3, 4, 6) AND a.state <> 'withdrawn'";
  bulk(
      "INSERT INTO shortlist_entries (org_id, recruitment_id, application_id) SELECT a.org_id, a.recruitment_id, a.id" +
          app_of + shortlisted,
      "shortlist");
  bulk(
      "INSERT INTO lifts (org_id, recruitment_id, application_id, actor_id, reason, at) "
      "SELECT a.org_id, a.recruitment_id, a.id, 0, 'Haastatteluun', a.received_at + 40 * 86400" +
          app_of + shortlisted,
      "lifts");
  bulk(
      "INSERT INTO interviews (org_id, recruitment_id, application_id, starts_at, minutes, location, interviewers, "
      "created_by, created_at) SELECT a.org_id, a.recruitment_id, a.id, a.received_at + 50 * 86400, 45, 'Virasto', "
      "'[]', 0, a.received_at + 41 * 86400" +
          app_of + " AND " + number + " IN (1, 2, 3, 4) AND a.state <> 'withdrawn'",
      "interviews");
  bulk(
      "INSERT INTO decisions (recruitment_id, org_id, decided_by, decided_at, reasoning, appeal_ends, ranking) "
      "SELECT r.id, r.org_id, r.owner_id, r.deadline + 60 * 86400, 'Ansioiden perusteella', '', '[]' "
      "FROM recruitments r WHERE r.org_id = $1 AND r.id % 10 <> 0",
      "decisions");
  bulk(
      "INSERT INTO decision_outcomes (org_id, recruitment_id, application_id, outcome) "
      "SELECT a.org_id, a.recruitment_id, a.id, CASE " +
          number + " WHEN 1 THEN 'selected' WHEN 2 THEN 'reserve' ELSE 'not_selected' END" + app_of +
          " AND a.state <> 'withdrawn' AND a.recruitment_id % 10 <> 0",
      "outcomes");
  // The audit rows the reports read: exceptions, one identity read per application (the decision
  // notice) and the registry office's reads for records requests.
  Exec(
      c,
      "INSERT INTO audit_log (org_id, seq, at, actor_id, action, recruitment_id, application_id, detail, prev_hash, "
      "hash) SELECT r.org_id, 1000 + r.id, r.created_at, r.owner_id, 'anonymity.exception', r.id, '', '{}', '', '' "
      "FROM recruitments r WHERE r.org_id = $1 AND r.anonymous = 0",
      [&](store::Statement& s) { s.Bind(1, staff.org); }, "exceptions");
  Exec(
      c,
      "INSERT INTO audit_log (org_id, seq, at, actor_id, action, recruitment_id, application_id, detail, prev_hash, "
      "hash) SELECT a.org_id, 100000 + (a.recruitment_id - $2) * 1000 + " +
          number + ", a.received_at + 61 * 86400, CASE WHEN " + number +
          " = 7 THEN $3 ELSE 0 END, 'identity.read', a.recruitment_id, a.id, '{\"basis\":\"notice\"}', '', '' " +
          app_of,
      [&](store::Statement& s) { s.Bind(1, staff.org).Bind(2, first_id).Bind(3, staff.registry); }, "reads");
  Must(c.Exec("DROP TABLE bench_n"), "drop");
  Must(tx.Commit(), "commit");
  Must(c.Exec("ANALYZE"), "analyze");
}

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

template <typename F>
double MedianMs(int runs, F&& f) {
  std::vector<double> ms;
  for (int i = 0; i < runs; ++i) {
    auto t0 = Clock::now();
    f();
    ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
  }
  return Median(ms);
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    if (std::string(argv[i]) == "--keep") o.keep = true;
  }
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string a = argv[i];
    if (a == "--recruitments") o.recruitments = std::atoi(argv[i + 1]);
    if (a == "--per-recruitment") o.per_recruitment = std::atoi(argv[i + 1]);
    if (a == "--runs") o.runs = std::atoi(argv[i + 1]);
    if (a == "--database") o.database = argv[i + 1];
  }
  const bool postgres = !o.database.empty();
  std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("reilu-report-bench-" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  const std::string sqlite_path = (dir / "reilu.db").string();
  auto key = crypto::SecretKey::Generate();
  auto open = [&]() {
    return Must(postgres ? store::SqlStore::OpenPostgres(o.database, key) : store::SqlStore::Open(sqlite_path, key),
                "open");
  };
  const UnixTime now = app::Now();
  const UnixTime start = now - 2 * 365 * kDay;

  auto t0 = Clock::now();
  std::string content;
  Staff staff;
  {
    auto store = open();
    staff = SeedStaff(*store, now);
    Recruitment r;
    r.org_id = staff.org;
    r.owner_id = staff.hr[0];
    r.languages = {"fi"};
    r.title = {{"fi", "Suunnittelija"}};
    r.description = {{"fi", "Kaupunki hakee suunnittelijaa hallintoon."}};
    r.employment = Employment{EmploymentRelation::kVirka, EmploymentTerm::kPermanent, {}, {}};
    r.criteria = {{"exp", {{"fi", "Kokemus"}}, 2, {}}, {"edu", {{"fi", "Koulutus"}}, 1, {}}};
    r.questions = {{"why", {{"fi", "Miksi haet?"}}, true, "exp"}};
    r.deadline = now;
    RecruitmentId template_id = Must(store->CreateRecruitment(r, now), "template");
    auto conn = Must(postgres ? store::OpenPostgres(o.database) : store::OpenSqlite(sqlite_path), "connect");
    auto s = Must(conn.Prepare("SELECT content FROM recruitments WHERE id = $1"), "template content");
    s.Bind(1, template_id);
    if (s.Step()) content = s.Text(0);
    Must(s.Run(), "template content");
    Exec(
        conn, "DELETE FROM recruitment_keys WHERE recruitment_id = $1",
        [&](store::Statement& d) { d.Bind(1, template_id); }, "template key");
    Exec(
        conn, "DELETE FROM recruitments WHERE id = $1", [&](store::Statement& d) { d.Bind(1, template_id); },
        "template");
    FillHistory(conn, staff, o, start, now, content);
  }
  const double fill_s = std::chrono::duration<double>(Clock::now() - t0).count();

  auto store = open();
  redact::EngineRedactor redactor;
  service::Context ctx{*store, redactor, [] { return app::Now(); }};
  const User admin = Must(store->GetUser(staff.org, staff.admin), "admin");
  const User hr = Must(store->GetUser(staff.org, staff.hr[1]), "hr");
  std::int64_t applications = 0, rows = 0;
  size_t reported = 0;
  const double compliance_ms = MedianMs(o.runs, [&] {
    auto report = Must(service::BuildComplianceReport(ctx, admin, {}), "compliance");
    reported = report.recruitments.size();
    applications = 0;
    for (const auto& r : report.recruitments) applications += r.applications;
  });
  const double equality_ms = MedianMs(o.runs, [&] {
    auto report = Must(service::BuildEqualityReport(ctx, admin, {}), "equality");
    rows = static_cast<std::int64_t>(report.rows.size());
  });
  // An HR specialist's own recruitments of the last quarter.
  service::ReportScope quarter{now - 91 * kDay, 0, 0};
  const double hr_compliance_ms =
      MedianMs(o.runs, [&] { Must(service::BuildComplianceReport(ctx, hr, quarter), "hr compliance"); });
  const double hr_equality_ms =
      MedianMs(o.runs, [&] { Must(service::BuildEqualityReport(ctx, hr, quarter), "hr equality"); });
  // Where the time goes: the store's reads one by one.
  const store::ReportPeriod everything{0, app::Now() + 1, 0, 0};
  const double list_ms = MedianMs(o.runs, [&] { Must(store->ListRecruitments(staff.org), "list"); });
  const double facts_ms =
      MedianMs(o.runs, [&] { Must(store->ReportRecruitmentFacts(staff.org, everything), "facts"); });
  const double funnel_ms = MedianMs(o.runs, [&] { Must(store->ReportFunnel(staff.org, everything), "funnel"); });
  const double reads_ms = MedianMs(
      o.runs, [&] { Must(store->CountIdentityReadsByRole(staff.org, Role::kRegistry, 0, app::Now() + 1), "reads"); });
  // The anchor: every application row of the organisation read once, raw.
  auto conn = Must(postgres ? store::OpenPostgres(o.database) : store::OpenSqlite(sqlite_path, true), "anchor");
  std::int64_t anchor_rows = 0;
  const double anchor_ms = MedianMs(o.runs, [&] {
    auto s =
        Must(conn.Prepare("SELECT recruitment_id, state, LENGTH(id) FROM applications WHERE org_id = $1"), "anchor");
    s.Bind(1, staff.org);
    anchor_rows = 0;
    while (s.Step()) ++anchor_rows;
    Must(s.Run(), "anchor");
  });

  std::printf("== council reports (%s): %zu recruitments, %lld applications (filled in %.1f s)\n",
              postgres ? "PostgreSQL" : "SQLite", reported, static_cast<long long>(applications), fill_s);
  std::printf("anchor: every application row read raw (%lld rows): %.0f ms\n", static_cast<long long>(anchor_rows),
              anchor_ms);
  std::printf("compliance report, whole organisation: %.0f ms (%.2fx the anchor)\n", compliance_ms,
              compliance_ms / anchor_ms);
  std::printf("equality funnel, whole organisation:   %.0f ms (%.2fx the anchor, %lld rows)\n", equality_ms,
              equality_ms / anchor_ms, static_cast<long long>(rows));
  std::printf("compliance report, one HR specialist's quarter: %.0f ms\n", hr_compliance_ms);
  std::printf("equality funnel, one HR specialist's quarter:   %.0f ms\n", hr_equality_ms);
  std::printf("  of which: recruitments listed %.0f ms, facts %.0f ms, funnel rows %.0f ms, registry reads %.0f ms\n",
              list_ms, facts_ms, funnel_ms, reads_ms);
  const bool met = compliance_ms < 1000 && equality_ms < 1000;
  std::printf("target (each under 1 s): %s\n", met ? "met" : "NOT met");
  store.reset();
  if (o.keep) {
    std::printf("kept: %s\n", sqlite_path.c_str());
  } else {
    std::filesystem::remove_all(dir);
  }
  return 0;
}
