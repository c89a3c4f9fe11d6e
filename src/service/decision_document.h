// The selection decision as a document to sign and archive (core/document.h), in Finnish, Swedish
// or English: the post, the decision (the selected and the reserve), its reasoning, the applicant
// summary (hakijayhteenveto: each applicant's merits as reviewers saw them, the weighted score and
// the outcome), the conditions of the selection and the answers to the offers, and the complete
// instructions for a rectification request (kuntalaki 134 §).
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/application.h"
#include "core/document.h"
#include "core/recruitment.h"
#include "core/screening.h"
#include "core/selection.h"

namespace reilu::service {

struct DecisionDocumentInput {
  std::string organisation;
  std::string registry_contact;  // where rectification requests go; empty: the organisation by name
  const Recruitment* recruitment = nullptr;
  const Decision* decision = nullptr;
  std::vector<AnonymousApplication> applications;  // as reviewers saw them (pseudonyms, merits)
  std::vector<RankedApplication> ranking;
  std::map<ApplicationId, EligibilityAssessment> eligibility;  // the owner's assessments (kelpoisuus)
  // Names of the selected and the reserve where the owner may see them (lifted or not anonymous);
  // the others are named by pseudonym.
  std::map<ApplicationId, std::string> names;
  // Offers made so far with their answers and conditions (a selected person without one has the
  // decision's standing offer): the document printed later says where the selection stands.
  std::vector<Acceptance> acceptances;
};

Document SelectionDecisionDocument(const DecisionDocumentInput& in, std::string_view lang);

}  // namespace reilu::service
