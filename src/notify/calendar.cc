#include "notify/calendar.h"

#include <chrono>
#include <cstdio>

namespace reilu::notify {

namespace {

std::string IcsTime(UnixTime t) {
  CivilTime c = ToCivil(t);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d%02u%02uT%02d%02d%02dZ", c.year, c.month, c.day, c.hour, c.minute, c.second);
  return buf;
}

std::string Escape(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '\\':
      case ';':
      case ',':
        out += '\\';
        out += c;
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        break;
      default:
        out += c;
    }
  }
  return out;
}

// Folds a content line at 75 octets without splitting a UTF-8 sequence.
std::string Fold(const std::string& line) {
  std::string out;
  size_t width = 0;
  for (size_t i = 0; i < line.size(); ++i) {
    auto c = static_cast<unsigned char>(line[i]);
    bool starts_char = (c & 0xC0) != 0x80;
    if (starts_char && width >= 74) {
      out += "\r\n ";
      width = 1;
    }
    out += line[i];
    ++width;
  }
  return out + "\r\n";
}

}  // namespace

std::string RenderIcs(const CalendarEvent& e, UnixTime stamp) {
  std::string out;
  for (const std::string& line :
       {std::string("BEGIN:VCALENDAR"), std::string("VERSION:2.0"), std::string("PRODID:-//Reilu//Recruitment//FI"),
        std::string("METHOD:REQUEST"), std::string("BEGIN:VEVENT"), "UID:" + e.uid, "DTSTAMP:" + IcsTime(stamp),
        "DTSTART:" + IcsTime(e.starts_at), "DTEND:" + IcsTime(e.starts_at + e.minutes * 60),
        "SUMMARY:" + Escape(e.summary), "LOCATION:" + Escape(e.location), "DESCRIPTION:" + Escape(e.description),
        "ORGANIZER:mailto:" + e.organizer_address, "ATTENDEE;RSVP=TRUE:mailto:" + e.attendee_address,
        std::string("STATUS:CONFIRMED"), std::string("END:VEVENT"), std::string("END:VCALENDAR")}) {
    out += Fold(line);
  }
  return out;
}

std::string FormatLocalDateTime(UnixTime t, std::string_view lang) {
  CivilTime c = ToCivil(t + FinnishUtcOffset(t));
  const char* joiner = lang == "sv" ? "kl." : lang == "en" ? "at" : "klo";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%u.%u.%d %s %02d.%02d", c.day, c.month, c.year, joiner, c.hour, c.minute);
  return buf;
}

std::string FormatDate(std::string_view iso) {
  if (iso.size() != 10) return std::string(iso);
  int d = std::stoi(std::string(iso.substr(8, 2)));
  int m = std::stoi(std::string(iso.substr(5, 2)));
  return std::to_string(d) + "." + std::to_string(m) + "." + std::string(iso.substr(0, 4));
}

}  // namespace reilu::notify
