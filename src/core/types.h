// Small shared vocabulary of the domain: identifiers, roles, languages, time.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace reilu {

using OrgId = std::int64_t;
using UserId = std::int64_t;
using UnitId = std::int64_t;
using RecruitmentId = std::int64_t;
// Applications are named by a random id so that neither the id nor its sort order reveals arrival order.
using ApplicationId = std::string;
// Seconds since the Unix epoch, UTC, from the server clock.
using UnixTime = std::int64_t;

// kDecisionMaker: the official (viranhaltija) who makes the selection decision when it is not the
// HR specialist who runs the recruitment; sees nothing of the applications until the shortlist.
enum class Role { kAdmin, kHr, kReviewer, kRegistry, kAuditor, kDecisionMaker };

std::string_view RoleName(Role role);
std::optional<Role> ParseRole(std::string_view name);

// Languages Reilu serves; also the languages a recruitment is advertised in.
bool IsSupportedLanguage(std::string_view lang);  // fi, sv, en
// The text for `lang` of the three given (the Finnish one for any other language).
std::string InLanguage(std::string_view lang, std::string_view fi, std::string_view sv, std::string_view en);

struct Organisation {
  OrgId id = 0;
  std::string name;
  // Usernames of this organisation are "name@login_domain"; empty for the server's first
  // organisation, whose usernames are bare.
  std::string login_domain;
  // The registry office's postal and e-mail address for rectification requests; empty: not set.
  std::string registry_contact;
};

struct Unit {
  UnitId id = 0;
  OrgId org_id = 0;
  std::string name;
};

struct User {
  UserId id = 0;
  OrgId org_id = 0;
  std::string username;
  std::string display_name;
  std::string email;  // for work notices; staff e-mails never carry applicant identity before lift
  Role role = Role::kReviewer;
  bool active = true;
};

// An instant broken into calendar fields (UTC; add an offset to `t` first for local time).
struct CivilTime {
  int year = 1970;
  unsigned month = 1;  // 1..12
  unsigned day = 1;    // 1..31
  int hour = 0;
  int minute = 0;
  int second = 0;
  unsigned weekday = 4;  // 0 = Sunday … 6 = Saturday
};
CivilTime ToCivil(UnixTime t);

// True when `date` is a real calendar date written YYYY-MM-DD.
bool IsIsoDate(std::string_view date);

}  // namespace reilu
