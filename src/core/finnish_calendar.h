// Finnish time and the days the law counts: the local date in Finland (EU summer time), the public
// holidays (Easter-dependent ones included) and the days on which a time limit cannot end.
#pragma once

#include <chrono>
#include <string>

#include "core/types.h"

namespace reilu {

// Seconds east of UTC in Finland at `t`: +3 h in EU summer time (last Sunday of March 01:00 UTC
// to last Sunday of October 01:00 UTC), +2 h otherwise.
int FinnishUtcOffset(UnixTime t);

// The calendar date in Finland at `t`.
std::chrono::year_month_day FinnishDate(UnixTime t);

// Easter Sunday of `year` (Gregorian; the anonymous algorithm).
std::chrono::year_month_day EasterSunday(int year);

// Finnish public holidays (yleiset vapaapäivät, not counting ordinary Sundays): New Year's Day,
// Epiphany, Good Friday, Easter Sunday and Monday, May Day, Ascension Day, Whit Sunday, Midsummer
// Eve and Day, All Saints' Day, Independence Day, Christmas Eve, Christmas Day, Boxing Day.
bool IsFinnishPublicHoliday(std::chrono::year_month_day date);

// A day on which a statutory time limit cannot end (laki säädettyjen määräaikain laskemisesta
// 5 §): a Saturday, a Sunday or a public holiday (Independence Day, May Day, Midsummer Eve and
// Christmas Eve included). The limit then ends on the next day that is none of these.
bool IsNonWorkingDay(std::chrono::year_month_day date);

std::string IsoDate(std::chrono::year_month_day date);
// "25.11.2026": a date as it is written in Finnish and Swedish documents (and here in English ones).
std::string FinnishDateText(std::chrono::year_month_day date);
// The Finnish day of a moment as documents print it ("25.11.2026"); "–" when `t` is unset (0).
std::string FinnishDayText(UnixTime t);

}  // namespace reilu
