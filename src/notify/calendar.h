// Calendar invitations (RFC 5545) and local time for Finnish readers.
#pragma once

#include <string>

#include "core/finnish_calendar.h"
#include "core/types.h"

namespace reilu::notify {

struct CalendarEvent {
  std::string uid;  // stable per interview, so an update replaces the earlier invitation
  UnixTime starts_at = 0;
  int minutes = 60;
  std::string summary;
  std::string location;
  std::string description;
  std::string organizer_address;
  std::string attendee_address;
};

// A VCALENDAR with one VEVENT (METHOD:REQUEST), UTC times, escaped and folded at 75 octets.
std::string RenderIcs(const CalendarEvent& e, UnixTime stamp);

using reilu::FinnishUtcOffset;  // core/finnish_calendar.h
// "25.11.2026 klo 14.30" style local date and time for notices (fi/sv: d.m.yyyy HH.MM; en: same
// numbers with "at").
std::string FormatLocalDateTime(UnixTime t, std::string_view lang);
// YYYY-MM-DD → d.m.yyyy for notices.
std::string FormatDate(std::string_view iso_date);

}  // namespace reilu::notify
