// JSON shapes of the domain types, one definition shared by storage and the HTTP API.
// Note the asymmetry that carries the anonymity boundary: AnonymousApplication has no identity
// fields to write, and IdentifiedApplication can only be built by a holder of an IdentityAccess.
#pragma once

#include <boost/json.hpp>
#include <optional>

#include "codec/json_fields.h"
#include "core/application.h"
#include "core/audit.h"
#include "core/policy.h"
#include "core/recruitment.h"
#include "core/types.h"

namespace reilu::codec {

json::object ToJson(const LocalizedText& t);
json::object ToJson(const Employment& e);
json::object ToJson(const Merits& m);
json::object ToJson(const Identity& i);
// {"fields": [{"field", "legal_basis"}, …]}: the optional identity fields a form asks.
json::object CollectedFieldsToJson(const std::vector<CollectedField>& fields);
json::object ToJson(const FreeText& f);
json::object ToJson(const RedactedText& r);
json::object ToJson(const AnonymousApplication& a);
json::object ToJson(const AttachmentInfo& a);
Status FromJson(const json::value& v, const std::string& path, std::vector<AttachmentInfo>& out);
// Standard base64 (line breaks allowed), as the form sends files; nothing when it is not base64.
std::optional<std::string> DecodeBase64(std::string_view text);
json::object ToJson(const IdentifiedApplication& a);
json::object ToJson(const Receipt& r);
json::object ToJson(const User& u);
json::object ToJson(const AnonymityPolicy& p);
json::object ToJson(const AuditEntry& e);
// The recruitment as staff see it (includes reviewers, owner, exception reason).
json::object ToJson(const Recruitment& r);
// The ad as the public sees it: no owner, reviewers or internal reasons.
json::object ToPublicJson(const Recruitment& r);

Status FromJson(const json::value& v, const std::string& path, LocalizedText& out);
Status FromJson(const json::value& v, const std::string& path, Merits& out);
Status FromJson(const json::value& v, const std::string& path, Identity& out);
Status FromJson(const json::value& v, const std::string& path, FreeText& out);
Status FromJson(const json::value& v, const std::string& path, RedactedText& out);
Status FromJson(const json::value& v, const std::string& path, Submission& out);
Status FromJson(const json::value& v, const std::string& path, AnonymityPolicy& out);
// Reads the editable fields of a recruitment (not id, org, owner, state, anonymity).
Status RecruitmentContentFromJson(const json::value& v, Recruitment& out);

// Serialises a JSON value, or parses text known to be ours (storage); fails rather than throws.
std::string Serialize(const json::value& v);
Result<json::value> Parse(std::string_view text);

}  // namespace reilu::codec
