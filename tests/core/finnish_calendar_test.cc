#include "core/finnish_calendar.h"

#include <gtest/gtest.h>

#include "core/selection.h"

namespace reilu {
namespace {

using namespace std::chrono;

// Seconds since the epoch of a Finnish local time (y-m-d hh:mm), for readable cases.
UnixTime Helsinki(int y, unsigned m, unsigned d, int hh, int mm) {
  UnixTime utc_guess =
      sys_seconds{sys_days{year{y} / month{m} / day{d}}}.time_since_epoch().count() + hh * 3600 + mm * 60;
  return utc_guess - FinnishUtcOffset(utc_guess - 3 * 3600);
}

TEST(FinnishCalendarTest, EasterMatchesPublishedDates) {
  EXPECT_EQ(IsoDate(EasterSunday(2024)), "2024-03-31");
  EXPECT_EQ(IsoDate(EasterSunday(2025)), "2025-04-20");
  EXPECT_EQ(IsoDate(EasterSunday(2026)), "2026-04-05");
  EXPECT_EQ(IsoDate(EasterSunday(2027)), "2027-03-28");
  EXPECT_EQ(IsoDate(EasterSunday(2028)), "2028-04-16");
  EXPECT_EQ(IsoDate(EasterSunday(2038)), "2038-04-25");
}

TEST(FinnishCalendarTest, PublicHolidaysOfTwoYears) {
  for (const char* holiday :
       {"2026-01-01", "2026-01-06", "2026-04-03", "2026-04-05", "2026-04-06", "2026-05-01", "2026-05-14", "2026-05-24",
        "2026-06-19", "2026-06-20", "2026-10-31", "2026-12-06", "2026-12-24", "2026-12-25", "2026-12-26", "2027-03-26",
        "2027-03-29", "2027-05-06", "2027-05-16", "2027-06-25", "2027-06-26", "2027-11-06"}) {
    int y = 0;
    unsigned m = 0, d = 0;
    ASSERT_EQ(std::sscanf(holiday, "%d-%u-%u", &y, &m, &d), 3);
    EXPECT_TRUE(IsFinnishPublicHoliday(year{y} / month{m} / day{d})) << holiday;
  }
  for (const char* ordinary : {"2026-04-07", "2026-06-18", "2026-06-26", "2026-11-02", "2026-12-23", "2027-11-01"}) {
    int y = 0;
    unsigned m = 0, d = 0;
    ASSERT_EQ(std::sscanf(ordinary, "%d-%u-%u", &y, &m, &d), 3);
    EXPECT_FALSE(IsFinnishPublicHoliday(year{y} / month{m} / day{d})) << ordinary;
  }
}

// Sent (Finnish time) → received on the third day → 14 days → moved past Saturdays, Sundays and
// public holidays.
TEST(FinnishCalendarTest, AppealPeriodEndsOnAWorkingDayInFinnishTime) {
  struct Case {
    UnixTime sent;
    const char* last_day;
    const char* why;
  };
  const Case cases[] = {
      {Helsinki(2026, 9, 1, 12, 0), "2026-09-18", "an ordinary Friday"},
      {Helsinki(2026, 3, 10, 1, 0), "2026-03-27", "sent after midnight in Finland, still the 9th in UTC"},
      {Helsinki(2026, 3, 20, 12, 0), "2026-04-07", "Easter Monday"},
      {Helsinki(2027, 3, 9, 12, 0), "2027-03-30", "Good Friday, the weekend and Easter Monday"},
      {Helsinki(2026, 4, 27, 12, 0), "2026-05-15", "Ascension Day"},
      {Helsinki(2026, 4, 14, 12, 0), "2026-05-04", "May Day on a Friday"},
      {Helsinki(2026, 6, 2, 12, 0), "2026-06-22", "Midsummer Eve"},
      {Helsinki(2026, 12, 7, 12, 0), "2026-12-28", "Christmas Eve to the Sunday after"},
      {Helsinki(2027, 11, 19, 12, 0), "2027-12-07", "Independence Day on a Monday"},
      {Helsinki(2025, 12, 20, 12, 0), "2026-01-07", "Epiphany"},
      {Helsinki(2026, 10, 25, 3, 30), "2026-11-11", "the night summer time ends"},
  };
  for (const auto& c : cases) EXPECT_EQ(AppealPeriodEnd(c.sent), c.last_day) << c.why;
}

TEST(FinnishCalendarTest, TheFinnishDateFollowsSummerTime) {
  EXPECT_EQ(IsoDate(FinnishDate(1'774'745'999)), "2026-03-29");  // 00:59:59 UTC, 02:59:59 in Finland
  EXPECT_EQ(IsoDate(FinnishDate(sys_seconds{sys_days{2026y / June / 30}}.time_since_epoch().count() + 21 * 3600)),
            "2026-07-01");  // 21:00 UTC is midnight in summer
  EXPECT_EQ(IsoDate(FinnishDate(sys_seconds{sys_days{2026y / December / 31}}.time_since_epoch().count() + 21 * 3600)),
            "2026-12-31");  // 23:00 in winter
}

}  // namespace
}  // namespace reilu
