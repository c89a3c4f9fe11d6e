#include "core/finnish_calendar.h"

#include <cstdio>

namespace reilu {

namespace {

using namespace std::chrono;

sys_seconds LastSundayAt0100(int y, unsigned m) {
  sys_days last{year_month_weekday_last{year{y}, month{m}, weekday_last{Sunday}}};
  return last + hours{1};
}

bool Same(year_month_day a, year_month_day b) { return a == b; }

// The Saturday (or, with `offset` -1, the Friday before it) of the seven days from `first` of `m`.
year_month_day SaturdayFrom(int y, unsigned m, unsigned first, int offset = 0) {
  sys_days day{year{y} / month{m} / first};
  while (weekday{day} != Saturday) day += days{1};
  return year_month_day{day + days{offset}};
}

}  // namespace

int FinnishUtcOffset(UnixTime t) {
  sys_seconds s{seconds{t}};
  int y = static_cast<int>(year_month_day{floor<days>(s)}.year());
  bool summer = s >= LastSundayAt0100(y, 3) && s < LastSundayAt0100(y, 10);
  return summer ? 3 * 3600 : 2 * 3600;
}

year_month_day FinnishDate(UnixTime t) {
  sys_seconds local{seconds{t + FinnishUtcOffset(t)}};
  return year_month_day{floor<days>(local)};
}

year_month_day EasterSunday(int y) {
  int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
  int h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
  int m = (a + 11 * h + 22 * l) / 451;
  int month_number = (h + l - 7 * m + 114) / 31, day_number = (h + l - 7 * m + 114) % 31 + 1;
  return year{y} / month{static_cast<unsigned>(month_number)} / day{static_cast<unsigned>(day_number)};
}

bool IsFinnishPublicHoliday(year_month_day date) {
  const int y = static_cast<int>(date.year());
  const unsigned m = static_cast<unsigned>(date.month()), d = static_cast<unsigned>(date.day());
  if ((m == 1 && (d == 1 || d == 6)) || (m == 5 && d == 1) || (m == 12 && (d == 6 || d == 24 || d == 25 || d == 26))) {
    return true;
  }
  const sys_days easter{EasterSunday(y)};
  for (int offset : {-2, 0, 1, 39, 49}) {  // Good Friday, Easter, Easter Monday, Ascension, Whit Sunday
    if (Same(date, year_month_day{easter + days{offset}})) return true;
  }
  // Midsummer Day: the Saturday of 20–26 June, its Eve the Friday before; All Saints' Day: the
  // Saturday of 31 October – 6 November.
  if (Same(date, SaturdayFrom(y, 6, 20)) || Same(date, SaturdayFrom(y, 6, 20, -1))) return true;
  return Same(date, SaturdayFrom(y, 10, 31));
}

bool IsNonWorkingDay(year_month_day date) {
  weekday w{sys_days{date}};
  return w == Saturday || w == Sunday || IsFinnishPublicHoliday(date);
}

std::string IsoDate(year_month_day date) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                static_cast<unsigned>(date.day()));
  return buf;
}

std::string FinnishDateText(std::chrono::year_month_day date) {
  return std::to_string(static_cast<unsigned>(date.day())) + "." + std::to_string(static_cast<unsigned>(date.month())) +
         "." + std::to_string(static_cast<int>(date.year()));
}

std::string FinnishDayText(UnixTime t) { return t > 0 ? FinnishDateText(FinnishDate(t)) : "–"; }

}  // namespace reilu
