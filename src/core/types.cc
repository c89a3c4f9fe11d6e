#include "core/types.h"

#include <charconv>
#include <chrono>

namespace reilu {

std::string_view RoleName(Role role) {
  switch (role) {
    case Role::kAdmin:
      return "admin";
    case Role::kHr:
      return "hr";
    case Role::kReviewer:
      return "reviewer";
    case Role::kRegistry:
      return "registry";
    case Role::kAuditor:
      return "auditor";
    case Role::kDecisionMaker:
      return "decision_maker";
  }
  return "reviewer";
}

std::optional<Role> ParseRole(std::string_view name) {
  for (Role r : {Role::kAdmin, Role::kHr, Role::kReviewer, Role::kRegistry, Role::kAuditor, Role::kDecisionMaker}) {
    if (RoleName(r) == name) return r;
  }
  return std::nullopt;
}

bool IsSupportedLanguage(std::string_view lang) { return lang == "fi" || lang == "sv" || lang == "en"; }

std::string InLanguage(std::string_view lang, std::string_view fi, std::string_view sv, std::string_view en) {
  if (lang == "sv") return std::string(sv);
  if (lang == "en") return std::string(en);
  return std::string(fi);
}

bool IsIsoDate(std::string_view d) {
  if (d.size() != 10 || d[4] != '-' || d[7] != '-') return false;
  int y = 0, m = 0, day = 0;
  auto num = [&](size_t pos, size_t len, int& out) {
    auto r = std::from_chars(d.data() + pos, d.data() + pos + len, out);
    return r.ec == std::errc() && r.ptr == d.data() + pos + len;
  };
  if (!num(0, 4, y) || !num(5, 2, m) || !num(8, 2, day)) return false;
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || day < 1) return false;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  int max = kDays[m - 1] + (m == 2 && leap ? 1 : 0);
  return day <= max;
}

CivilTime ToCivil(UnixTime t) {
  using namespace std::chrono;
  sys_seconds s{seconds{t}};
  sys_days day = floor<days>(s);
  year_month_day ymd{day};
  hh_mm_ss hms{s - day};
  return CivilTime{static_cast<int>(ymd.year()),
                   static_cast<unsigned>(ymd.month()),
                   static_cast<unsigned>(ymd.day()),
                   static_cast<int>(hms.hours().count()),
                   static_cast<int>(hms.minutes().count()),
                   static_cast<int>(hms.seconds().count()),
                   weekday{day}.c_encoding()};
}

}  // namespace reilu
