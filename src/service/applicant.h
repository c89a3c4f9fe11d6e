// Applicant self-service without an account: the reference code and the secret from the e-mailed
// link identify the application.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "service/context.h"

namespace reilu::service {

struct ApplicantView {
  store::ApplicantRecord record;
  Recruitment recruitment;
};
// One answer (kNotFound) for every failure, so nobody learns which references exist.
Result<ApplicantView> IdentifyApplicant(Context& ctx, const std::string& reference, const std::string& token);

// Where the application stands, as its applicant sees it. The first look after the decision is
// recorded, so the owner knows the notice reached the applicant.
struct ApplicationStatus {
  std::string status;  // received, in_review, interview, withdrawn, decided or the outcome's name
  std::optional<Decision> decision;
  std::vector<Interview> interviews;  // the applicant's own
  bool withdrawable = false;
  bool editable = false;  // changed until the deadline, as long as it is not withdrawn
};
Result<ApplicationStatus> StatusOf(Context& ctx, const ApplicantView& applicant);

// Withdraws the application; the confirmation goes to the address in it (an audited read by the
// system, in the same transaction).
Status Withdraw(Context& ctx, const ApplicantView& applicant);

// Everything held about the applicant (GDPR art. 15 and 20): the application as sent, what
// reviewers see of it, and who has read the identity (role, when, on what basis; staff names are
// not given). The read for the export is itself audited (basis applicant_self).
struct OwnData {
  IdentifiedApplication application;
  struct Read {
    UnixTime at = 0;
    std::string role;  // hr, reviewer, registry, … or "system" (a notice to the applicant)
    std::string basis;
  };
  std::vector<Read> identity_reads;
};
Result<OwnData> ExportOwnData(Context& ctx, const ApplicantView& applicant);

// The way back without the link: the status links of every application sent from `email` go to
// that address (one message per organisation, from its own sender), and only there. The answer is
// the same whether any were found, so nobody learns who applied; a few asks per address and per
// client in a quarter of an hour (kRateLimited beyond).
Status SendStatusLinks(Context& ctx, const std::string& email, const std::string& client_address,
                       std::string_view lang);

}  // namespace reilu::service
