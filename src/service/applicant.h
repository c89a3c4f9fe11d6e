// Applicant self-service without an account: the reference code and the secret from the e-mailed
// link identify the application.
#pragma once

#include <string>

#include "service/context.h"

namespace reilu::service {

struct ApplicantView {
  store::ApplicantRecord record;
  Recruitment recruitment;
};
// One answer (kNotFound) for every failure, so nobody learns which references exist.
Result<ApplicantView> IdentifyApplicant(Context& ctx, const std::string& reference, const std::string& token);

// Withdraws the application; the confirmation goes to the address in it (an audited read by the
// system, in the same transaction).
Status Withdraw(Context& ctx, const ApplicantView& applicant);

}  // namespace reilu::service
