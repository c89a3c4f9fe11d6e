// The compliance report (reports.h) as a document for the council's agenda (core/document.h), in
// Finnish, Swedish or English: the share of anonymous recruitments by term, the exceptions with
// their reasons, permanent posts processed openly (must be none), lifts and decisions, registry
// identity reads and the accounts that reach identity.
#pragma once

#include <string>
#include <string_view>

#include "core/document.h"
#include "service/reports.h"

namespace reilu::service {

Document ComplianceDocument(const ComplianceReport& report, const std::string& organisation, std::string_view lang,
                            UnixTime now);

// The equality funnel (reports.h) as a document: one table per dimension, hidden counts as "<5".
Document EqualityDocument(const EqualityReport& report, const std::string& organisation, std::string_view lang,
                          UnixTime now);

// The words of a group ("woman" → "Nainen") and of a dimension in `lang`.
std::string GroupName(const std::string& dimension, const std::string& group, std::string_view lang);
std::string DimensionName(const std::string& dimension, std::string_view lang);

}  // namespace reilu::service
