// Equality statistics (issue 13): voluntary groups an applicant may give for the organisation's
// equality monitoring — gender, age band, mother-tongue group — with consent, only where the
// organisation collects them with a stated legal basis. Kept apart from the application: never
// shown to reviewers or to anyone one by one, only counted per stage of the process, and a group
// too small to hide a person is not shown.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/result.h"

namespace reilu {

// The CollectedField name an organisation turns on (with a legal basis) to ask these.
inline constexpr const char* kEqualityStatisticsField = "equality_statistics";

struct EqualityStatistics {
  std::string gender;          // "woman", "man", "other" or "" (not given)
  std::string age_band;        // "under_30", "30_44", "45_59", "60_plus" or ""
  std::string language_group;  // "fi", "sv", "other" or ""

  bool Empty() const { return gender.empty() && age_band.empty() && language_group.empty(); }
  bool operator==(const EqualityStatistics&) const = default;
};

// Values outside the sets above are refused (field "statistics.<name>").
Status ValidateEqualityStatistics(const EqualityStatistics& s);

// The groups of each dimension, in the order reports show them.
struct EqualityDimension {
  std::string name;  // "gender", "age_band", "language_group"
  std::vector<std::string> groups;
};
const std::vector<EqualityDimension>& EqualityDimensions();

// One application as the funnel counts it (or `count` alike ones, as the store groups them).
struct FunnelEntry {
  bool anonymous = true;  // the recruitment was processed anonymously
  std::optional<EqualityStatistics> statistics;
  bool eligible = false;  // found eligible, or shortlisted (which only an eligible one can be)
  bool shortlisted = false;
  bool interviewed = false;
  bool selected = false;
  int count = 1;
};

// Counts per stage for one group; a count from 1 to kSmallestShown - 1 is not shown (nullopt),
// and a group with fewer applications than that is not shown at all (`suppressed`).
inline constexpr int kSmallestShown = 5;
struct FunnelCounts {
  std::optional<int> applied, eligible, shortlisted, interviewed, selected;
};
struct FunnelRow {
  std::string dimension, group;  // group "not_given": applications without this statistic
  bool suppressed = false;
  FunnelCounts anonymous, not_anonymous;
};
// Every group of every dimension, the applications that gave nothing counted as "not_given".
std::vector<FunnelRow> BuildFunnel(const std::vector<FunnelEntry>& entries);

}  // namespace reilu
