#include "core/equality.h"

#include <algorithm>

namespace reilu {

const std::vector<EqualityDimension>& EqualityDimensions() {
  static const std::vector<EqualityDimension> kDimensions = {
      {"gender", {"woman", "man", "other"}},
      {"age_band", {"under_30", "30_44", "45_59", "60_plus"}},
      {"language_group", {"fi", "sv", "other"}},
  };
  return kDimensions;
}

namespace {

const std::string& ValueOf(const EqualityStatistics& s, const std::string& dimension) {
  if (dimension == "gender") return s.gender;
  if (dimension == "age_band") return s.age_band;
  return s.language_group;
}

}  // namespace

Status ValidateEqualityStatistics(const EqualityStatistics& s) {
  for (const auto& d : EqualityDimensions()) {
    const std::string& value = ValueOf(s, d.name);
    if (!value.empty() && std::find(d.groups.begin(), d.groups.end(), value) == d.groups.end()) {
      return MakeError(ErrorCode::kInvalidInput, "Not one of the offered choices.", "statistics." + d.name);
    }
  }
  return OkStatus();
}

std::vector<FunnelRow> BuildFunnel(const std::vector<FunnelEntry>& entries) {
  struct Raw {
    int applied = 0, eligible = 0, shortlisted = 0, interviewed = 0, selected = 0;
  };
  auto shown = [](int n) -> std::optional<int> {
    if (n > 0 && n < kSmallestShown) return std::nullopt;
    return n;
  };
  auto cells = [&](const Raw& r) {
    return FunnelCounts{shown(r.applied), shown(r.eligible), shown(r.shortlisted), shown(r.interviewed),
                        shown(r.selected)};
  };
  std::vector<FunnelRow> rows;
  for (const auto& d : EqualityDimensions()) {
    std::vector<std::string> groups = d.groups;
    groups.push_back("not_given");
    for (const auto& group : groups) {
      Raw anonymous, open;
      for (const auto& e : entries) {
        std::string value = e.statistics ? ValueOf(*e.statistics, d.name) : std::string();
        if ((value.empty() ? std::string("not_given") : value) != group) continue;
        Raw& r = e.anonymous ? anonymous : open;
        r.applied += e.count;
        r.eligible += (e.eligible || e.shortlisted) ? e.count : 0;
        r.shortlisted += e.shortlisted ? e.count : 0;
        r.interviewed += e.interviewed ? e.count : 0;
        r.selected += e.selected ? e.count : 0;
      }
      FunnelRow row{d.name, group, false, {}, {}};
      int total = anonymous.applied + open.applied;
      // A group smaller than the threshold is not shown at all: its counts would point at people.
      row.suppressed = total > 0 && total < kSmallestShown;
      if (!row.suppressed) {
        row.anonymous = cells(anonymous);
        row.not_anonymous = cells(open);
      }
      rows.push_back(std::move(row));
    }
  }
  return rows;
}

}  // namespace reilu
