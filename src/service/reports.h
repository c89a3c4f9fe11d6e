// Evidence for the council: the compliance report (issue 13) of an organisation over a period. Every
// view is audited. Admins and auditors see the whole organisation, HR specialists their own
// recruitments; nobody else.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/equality.h"
#include "service/context.h"

namespace reilu::service {

struct ReportScope {
  UnixTime from = 0;  // published at or after (0: from the start)
  UnixTime to = 0;    // published before (0: until now)
  UnitId unit = 0;    // 0: every unit
};

struct ReportedRecruitment {
  RecruitmentId id = 0;
  std::string title;
  std::string term;  // permanent, fixed_term
  bool anonymous = true;
  std::string exception_reason;  // why not anonymous
  UserId exception_by = 0;       // who recorded the exception (from the audit log)
  UnixTime published_at = 0;
  UnixTime deadline = 0;
  std::int64_t applications = 0;
  std::int64_t lifted = 0;     // applications whose anonymity was lifted
  UnixTime first_lift_at = 0;  // 0: none
  std::optional<UnixTime> decided_at;
};

struct ComplianceReport {
  ReportScope scope;
  std::vector<ReportedRecruitment> recruitments;
  std::int64_t registry_identity_reads = 0;  // identity reads by the registry office in the period
  // Counts by term: anonymous and not.
  struct TermCounts {
    std::int64_t anonymous = 0, not_anonymous = 0;
  };
  TermCounts permanent, fixed_term;
  // Accounts created in the period with a role that reaches identity data (HR specialist, registry
  // office): shown to the auditor, since an admin could otherwise make themselves a reader.
  struct RoleGrant {
    UnixTime at = 0;
    UserId granted_by = 0;
    std::string granted_by_name;
    UserId user_id = 0;
    std::string user_name;
    std::string role;
  };
  std::vector<RoleGrant> identity_role_grants;  // admins and auditors only
};

Result<ComplianceReport> BuildComplianceReport(Context& ctx, const User& viewer, const ReportScope& scope);

// The equality funnel (issue 13): for the recruitments published in the period, applications by
// stage (applied, shortlisted, interviewed, selected) and voluntary group, anonymous and
// non-anonymous recruitments side by side; small groups are not shown (core/equality.h). Withdrawn
// applications are left out. The same viewers as the compliance report; every view is audited.
struct EqualityReport {
  ReportScope scope;
  int recruitments = 0;
  std::vector<FunnelRow> rows;
};
Result<EqualityReport> BuildEqualityReport(Context& ctx, const User& viewer, const ReportScope& scope);

// Who read which applicant's identity in one recruitment, when, on what basis and why: shown to the
// owner, so that reads by the registry office (or anyone) do not go unseen.
struct IdentityReadRecord {
  UnixTime at = 0;
  UserId actor_id = 0;  // 0: the system (a notice to the applicant)
  std::string actor_name;
  std::string actor_role;
  ApplicationId application_id;
  std::string basis;
  std::string reason;
};
Result<std::vector<IdentityReadRecord>> ListIdentityReads(Context& ctx, const User& owner, RecruitmentId id);
// The same records without an access check, for the recruitment or (with `application`) one of its
// applications: the owner's view above and the applicant's own export use it.
Result<std::vector<IdentityReadRecord>> IdentityReadsIn(Context& ctx, OrgId org, RecruitmentId id,
                                                        const ApplicationId& application = {});

}  // namespace reilu::service
