// GET /api/v1/reports/compliance: the compliance report as JSON, or as CSV for Excel (UTF-8 with a
// BOM; ?separator=semicolon for Finnish Excel). Audited per view (src/service/reports.h).
#include <charconv>

#include "api/handler.h"
#include "core/finnish_calendar.h"
#include "service/admin.h"
#include "service/report_document.h"
#include "service/reports.h"

namespace reilu::api {

namespace {

// A YYYY-MM-DD query parameter as the start of that day in Finland; 0 when absent.
Result<UnixTime> DayStart(const http::Request& req, const char* name) {
  auto it = req.query.find(name);
  if (it == req.query.end() || it->second.empty()) return UnixTime{0};
  if (!IsIsoDate(it->second)) {
    return MakeError(ErrorCode::kInvalidInput, std::string("Give ") + name + " as YYYY-MM-DD.", name);
  }
  int y = 0;
  unsigned m = 0, d = 0;
  std::sscanf(it->second.c_str(), "%d-%u-%u", &y, &m, &d);
  using namespace std::chrono;
  UnixTime midnight_utc = sys_seconds{sys_days{year{y} / month{m} / day{d}}}.time_since_epoch().count();
  return midnight_utc - FinnishUtcOffset(midnight_utc);
}

json::value TimeOrNull(UnixTime t) { return t > 0 ? json::value(t) : json::value(nullptr); }

json::array RoleGrantsJson(const service::ComplianceReport& r) {
  json::array grants;
  for (const auto& g : r.identity_role_grants) {
    grants.push_back(json::object{{"at", g.at},
                                  {"granted_by", g.granted_by ? json::value(g.granted_by) : json::value(nullptr)},
                                  {"granted_by_name", g.granted_by_name},
                                  {"user_id", g.user_id},
                                  {"user_name", g.user_name},
                                  {"role", g.role}});
  }
  return grants;
}

json::object ReportJson(const service::ComplianceReport& r) {
  auto share = [](const service::ComplianceReport::TermCounts& c) {
    std::int64_t all = c.anonymous + c.not_anonymous;
    return json::object{
        {"anonymous", c.anonymous},
        {"not_anonymous", c.not_anonymous},
        {"share_anonymous",
         all ? json::value(static_cast<double>(c.anonymous) / static_cast<double>(all)) : json::value(nullptr)}};
  };
  json::array recruitments, exceptions, permanent_not_anonymous;
  for (const auto& x : r.recruitments) {
    json::object o{
        {"id", x.id},
        {"title", x.title},
        {"term", x.term},
        {"anonymous", x.anonymous},
        {"published_at", x.published_at},
        {"deadline", x.deadline},
        {"applications", x.applications},
        {"lifted", x.lifted},
        {"first_lift_at", TimeOrNull(x.first_lift_at)},
        {"hours_from_deadline_to_lift",
         x.first_lift_at ? json::value((x.first_lift_at - x.deadline) / 3600) : json::value(nullptr)},
        {"decided_at", x.decided_at ? json::value(*x.decided_at) : json::value(nullptr)},
        {"days_to_decision", x.decided_at ? json::value((*x.decided_at - x.deadline) / 86400) : json::value(nullptr)}};
    if (!x.anonymous) {
      json::object e{{"recruitment_id", x.id}, {"title", x.title}, {"term", x.term}, {"reason", x.exception_reason}};
      e["recorded_by"] = x.exception_by ? json::value(x.exception_by) : json::value(nullptr);
      exceptions.push_back(e);
      // Must stay empty: a permanent post processed openly is a data error or a policy change.
      if (x.term == "permanent") permanent_not_anonymous.push_back(e);
    }
    recruitments.push_back(std::move(o));
  }
  return json::object{{"report", "compliance"},
                      {"from", TimeOrNull(r.scope.from)},
                      {"to", r.scope.to},
                      {"unit_id", r.scope.unit ? json::value(r.scope.unit) : json::value(nullptr)},
                      {"by_term", {{"permanent", share(r.permanent)}, {"fixed_term", share(r.fixed_term)}}},
                      {"exceptions", exceptions},
                      {"permanent_not_anonymous", permanent_not_anonymous},
                      {"registry_identity_reads", r.registry_identity_reads},
                      {"identity_role_grants", RoleGrantsJson(r)},
                      {"recruitments", recruitments}};
}

CsvRows ComplianceCsvRows(const service::ComplianceReport& r) {
  CsvRows rows{{"id", "title", "term", "anonymous", "exception_reason", "published", "deadline", "applications",
                "lifted", "decided"}};
  for (const auto& x : r.recruitments) {
    rows.push_back({std::to_string(x.id), x.title, x.term, x.anonymous ? "yes" : "no", x.exception_reason,
                    IsoDate(FinnishDate(x.published_at)), IsoDate(FinnishDate(x.deadline)),
                    std::to_string(x.applications), std::to_string(x.lifted),
                    x.decided_at ? IsoDate(FinnishDate(*x.decided_at)) : ""});
  }
  return rows;
}

// One row per group and side; a hidden count is written "<5", as on the page.
CsvRows EqualityCsvRows(const service::EqualityReport& report) {
  const std::string hidden = "<" + std::to_string(kSmallestShown);
  auto cell = [&](const std::optional<int>& n) { return n ? std::to_string(*n) : hidden; };
  CsvRows rows{{"dimension", "group", "processing", "applied", "eligible", "shortlisted", "interviewed", "selected"}};
  for (const auto& r : report.rows) {
    for (bool anonymous : {true, false}) {
      const FunnelCounts& c = anonymous ? r.anonymous : r.not_anonymous;
      const std::string side = anonymous ? "anonymous" : "not_anonymous";
      if (r.suppressed) {
        rows.push_back({r.dimension, r.group, side, hidden, hidden, hidden, hidden, hidden});
      } else {
        rows.push_back({r.dimension, r.group, side, cell(c.applied), cell(c.eligible), cell(c.shortlisted),
                        cell(c.interviewed), cell(c.selected)});
      }
    }
  }
  return rows;
}

// Counts of one funnel side; a suppressed count (1 to 4) is null.
json::object FunnelJson(const FunnelCounts& c) {
  auto cell = [](const std::optional<int>& n) { return n ? json::value(*n) : json::value(nullptr); };
  return json::object{{"applied", cell(c.applied)},
                      {"eligible", cell(c.eligible)},
                      {"shortlisted", cell(c.shortlisted)},
                      {"interviewed", cell(c.interviewed)},
                      {"selected", cell(c.selected)}};
}

// The report's scope from the query: ?from=&to= (YYYY-MM-DD, Finnish days) and ?unit_id=.
Result<service::ReportScope> ScopeOf(const http::Request& req) {
  service::ReportScope scope;
  auto from = DayStart(req, "from");
  if (!from) return from.error();
  auto to = DayStart(req, "to");
  if (!to) return to.error();
  scope.from = *from;
  scope.to = *to;
  if (auto it = req.query.find("unit_id"); it != req.query.end()) {
    std::int64_t unit = 0;
    auto [ptr, ec] = std::from_chars(it->second.data(), it->second.data() + it->second.size(), unit);
    if (ec != std::errc() || ptr != it->second.data() + it->second.size() || unit <= 0) {
      return MakeError(ErrorCode::kInvalidInput, "The unit_id is not valid.", "unit_id");
    }
    scope.unit = unit;
  }
  return scope;
}

}  // namespace

void RegisterReportRoutes(http::Router& router, ApiContext& ctx) {
  // The equality funnel: stage by voluntary group, anonymous and not side by side, small groups
  // hidden (null counts, "suppressed" rows).
  router.Add("GET", "/api/v1/reports/equality", Wrap([&ctx](http::Request& req) -> Result<http::Response> {
               auto caller = Authenticate(ctx, req);
               if (!caller) return caller.error();
               auto scope = ScopeOf(req);
               if (!scope) return scope.error();
               std::string format = req.query.count("format") ? req.query["format"] : "json";
               if (format != "json" && format != "csv" && format != "pdf") {
                 return MakeError(ErrorCode::kInvalidInput, "The format is json, csv or pdf.", "format");
               }
               auto lang = DocumentLanguage(req);
               if (!lang) return lang.error();
               auto services = ctx.Services();
               auto report = service::BuildEqualityReport(services, caller->user, *scope);
               if (!report) return report.error();
               const std::string day = IsoDate(FinnishDate(ctx.now()));
               if (format == "pdf") {
                 auto organisation = service::OrganisationOf(services, caller->user.org_id);
                 if (!organisation) return organisation.error();
                 return PdfResponse(service::EqualityDocument(*report, organisation->name, *lang, ctx.now()),
                                    "reilu-equality-" + day + ".pdf");
               }
               if (format == "csv") {
                 char separator = req.query.count("separator") && req.query["separator"] == "semicolon" ? ';' : ',';
                 return CsvResponse(EqualityCsvRows(*report), separator, "reilu-equality-" + day + ".csv");
               }
               json::array rows;
               for (const auto& r : report->rows) {
                 json::object row{{"dimension", r.dimension}, {"group", r.group}, {"suppressed", r.suppressed}};
                 if (!r.suppressed) {
                   row["anonymous"] = FunnelJson(r.anonymous);
                   row["not_anonymous"] = FunnelJson(r.not_anonymous);
                 }
                 rows.push_back(std::move(row));
               }
               return http::JsonResponse(200, json::object{{"report", "equality"},
                                                           {"from", TimeOrNull(report->scope.from)},
                                                           {"to", report->scope.to},
                                                           {"recruitments", report->recruitments},
                                                           {"smallest_shown", kSmallestShown},
                                                           {"rows", rows}});
             }));

  // The owner's view of every identity read in the recruitment (registry office reads included).
  router.Add("GET", "/api/v1/recruitments/{id}/identity-reads",
             Wrap([&ctx](http::Request& req) -> Result<http::Response> {
               auto caller = Authenticate(ctx, req);
               if (!caller) return caller.error();
               auto id = IdParam(req, "id");
               if (!id) return id.error();
               auto services = ctx.Services();
               auto reads = service::ListIdentityReads(services, caller->user, *id);
               if (!reads) return reads.error();
               json::array arr;
               for (const auto& r : *reads) {
                 arr.push_back(json::object{{"at", r.at},
                                            {"actor_id", r.actor_id},
                                            {"actor_name", r.actor_name},
                                            {"actor_role", r.actor_role},
                                            {"application_id", r.application_id},
                                            {"basis", r.basis},
                                            {"reason", r.reason}});
               }
               return http::JsonResponse(200, json::object{{"identity_reads", arr}});
             }));

  router.Add("GET", "/api/v1/reports/compliance", Wrap([&ctx](http::Request& req) -> Result<http::Response> {
               auto caller = Authenticate(ctx, req);
               if (!caller) return caller.error();
               auto scope_of = ScopeOf(req);
               if (!scope_of) return scope_of.error();
               const service::ReportScope& scope = *scope_of;
               std::string format = req.query.count("format") ? req.query["format"] : "json";
               std::string separator = req.query.count("separator") ? req.query["separator"] : "comma";
               if (format != "json" && format != "csv" && format != "pdf") {
                 return MakeError(ErrorCode::kInvalidInput, "The format is json, csv or pdf.", "format");
               }
               auto lang = DocumentLanguage(req);
               if (!lang) return lang.error();
               if (separator != "comma" && separator != "semicolon") {
                 return MakeError(ErrorCode::kInvalidInput, "The separator is comma or semicolon.", "separator");
               }
               auto services = ctx.Services();
               auto report = service::BuildComplianceReport(services, caller->user, scope);
               if (!report) return report.error();
               if (format == "json") return http::JsonResponse(200, ReportJson(*report));
               if (format == "pdf") {
                 // For the council's agenda: the same figures as a printable document.
                 auto organisation = service::OrganisationOf(services, caller->user.org_id);
                 if (!organisation) return organisation.error();
                 return PdfResponse(service::ComplianceDocument(*report, organisation->name, *lang, ctx.now()),
                                    "reilu-compliance-" + IsoDate(FinnishDate(ctx.now())) + ".pdf");
               }
               return CsvResponse(ComplianceCsvRows(*report), separator == "comma" ? ',' : ';',
                                  "reilu-compliance-" + IsoDate(FinnishDate(ctx.now())) + ".csv");
             }));
}

}  // namespace reilu::api
