#include "notify/mail.h"

#include <array>
#include <cstdio>

namespace reilu::notify {

namespace {

constexpr std::string_view kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

std::string Base64(std::string_view data) {
  std::string out;
  out.reserve((data.size() + 2) / 3 * 4);
  size_t i = 0;
  for (; i + 2 < data.size(); i += 3) {
    unsigned v = (static_cast<unsigned char>(data[i]) << 16) | (static_cast<unsigned char>(data[i + 1]) << 8) |
                 static_cast<unsigned char>(data[i + 2]);
    for (int shift : {18, 12, 6, 0}) out += kAlphabet[(v >> shift) & 63];
  }
  if (i < data.size()) {
    unsigned v = static_cast<unsigned char>(data[i]) << 16;
    if (i + 1 < data.size()) v |= static_cast<unsigned char>(data[i + 1]) << 8;
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += i + 1 < data.size() ? kAlphabet[(v >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

bool IsAscii(std::string_view s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

// Header text: strips line breaks (no header injection), encodes non-ASCII as RFC 2047 words.
std::string HeaderText(std::string_view text) {
  std::string clean;
  for (char c : text) clean += (c == '\r' || c == '\n') ? ' ' : c;
  if (IsAscii(clean)) return clean;
  return "=?UTF-8?B?" + Base64(clean) + "?=";
}

std::string Mailbox(std::string_view name, std::string_view address) {
  if (name.empty()) return "<" + std::string(address) + ">";
  std::string quoted;
  if (IsAscii(name)) {
    quoted = "\"";
    for (char c : name) {
      if (c == '"' || c == '\\') quoted += '\\';
      if (c != '\r' && c != '\n') quoted += c;
    }
    quoted += "\"";
  } else {
    quoted = HeaderText(name);
  }
  return quoted + " <" + std::string(address) + ">";
}

std::string RfcDate(UnixTime at) {
  static constexpr std::array<const char*, 7> kDays = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr std::array<const char*, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  CivilTime c = ToCivil(at);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s, %u %s %d %02d:%02d:%02d +0000", kDays[c.weekday], c.day, kMonths[c.month - 1],
                c.year, c.hour, c.minute, c.second);
  return buf;
}

}  // namespace

std::string Base64Lines(std::string_view data) {
  std::string flat = Base64(data);
  std::string out;
  for (size_t i = 0; i < flat.size(); i += 76) out += flat.substr(i, 76) + "\r\n";
  return out;
}

bool IsPlausibleAddress(std::string_view a) {
  auto at = a.find('@');
  if (a.empty() || a.size() > 254 || at == 0 || at == std::string_view::npos || at + 1 == a.size()) return false;
  if (a.find('@', at + 1) != std::string_view::npos) return false;
  for (char c : a) {
    if (c == ' ' || c == '\r' || c == '\n' || c == '<' || c == '>' || c == ',' || c == '"') return false;
  }
  return true;
}

std::string RenderEml(const Message& m, const std::string& message_id, UnixTime at) {
  std::string out;
  out += "From: " + Mailbox(m.from_name, m.from_address) + "\r\n";
  out += "To: <" + m.to_address + ">\r\n";
  out += "Subject: " + HeaderText(m.subject) + "\r\n";
  out += "Date: " + RfcDate(at) + "\r\n";
  out += "Message-ID: <" + message_id + "@reilu>\r\n";
  out += "MIME-Version: 1.0\r\n";
  out += "Auto-Submitted: auto-generated\r\n";
  const std::string text_part =
      "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n" + Base64Lines(m.body);
  if (m.attachments.empty()) return out + text_part;
  const std::string boundary = "reilu-" + message_id;
  out += "Content-Type: multipart/mixed; boundary=\"" + boundary + "\"\r\n\r\n";
  out += "--" + boundary + "\r\n" + text_part;
  for (const auto& a : m.attachments) {
    out += "--" + boundary + "\r\n";
    out += "Content-Type: " + a.content_type + "; charset=UTF-8\r\n";
    out += "Content-Transfer-Encoding: base64\r\n";
    out += "Content-Disposition: attachment; filename=\"" + a.filename + "\"\r\n\r\n";
    out += Base64Lines(a.data);
  }
  out += "--" + boundary + "--\r\n";
  return out;
}

}  // namespace reilu::notify
