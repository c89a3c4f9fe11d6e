// The audit log: append-only and hash-chained. Each entry's hash covers its content and the hash
// of the entry before it (per organisation), so changing or removing any entry breaks the chain
// from that point on. Hashing itself is injected (SHA-256 from src/crypto).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/types.h"

namespace reilu {

// Stable action names; auditors filter on them.
namespace audit_action {
inline constexpr std::string_view kIdentityRead = "identity.read";
inline constexpr std::string_view kLift = "anonymity.lift";
inline constexpr std::string_view kPolicyException = "anonymity.exception";
inline constexpr std::string_view kPolicyChange = "policy.change";
inline constexpr std::string_view kPublish = "recruitment.publish";
inline constexpr std::string_view kClose = "recruitment.close";
inline constexpr std::string_view kLogin = "session.login";
inline constexpr std::string_view kLoginFailed = "session.login_failed";
inline constexpr std::string_view kUserCreate = "user.create";
inline constexpr std::string_view kUserUpdate = "user.update";
inline constexpr std::string_view kKeyShred = "recruitment.key_shred";
inline constexpr std::string_view kKeyRotate = "server_key.rotate";
inline constexpr std::string_view kReportView = "report.view";
inline constexpr std::string_view kRegistryContact = "organisation.registry_contact";
inline constexpr std::string_view kRedactionRelease = "redaction.release";
inline constexpr std::string_view kAttachmentRead = "attachment.read";  // an original, through the identity gate
inline constexpr std::string_view kAttachmentRelease = "attachment.release";
inline constexpr std::string_view kCriteriaChange = "criteria.change";
inline constexpr std::string_view kDecisionMaker = "recruitment.decision_maker";
inline constexpr std::string_view kDiaryNumber = "recruitment.diary_number";
inline constexpr std::string_view kScore = "screening.score";
inline constexpr std::string_view kRecusal = "screening.recusal";
inline constexpr std::string_view kShortlist = "screening.shortlist";
inline constexpr std::string_view kEligibility = "screening.eligibility";
inline constexpr std::string_view kInterview = "interview.schedule";
inline constexpr std::string_view kInterviewNotes = "interview.notes";
inline constexpr std::string_view kDecision = "selection.decision";
inline constexpr std::string_view kAcceptance = "selection.acceptance";
inline constexpr std::string_view kNoticeLetter = "selection.notice_letter";
inline constexpr std::string_view kWithdraw = "application.withdraw";
inline constexpr std::string_view kAmend = "application.amend";
inline constexpr std::string_view kRectificationRequest = "rectification.request";
inline constexpr std::string_view kRectificationRead = "rectification.read";
inline constexpr std::string_view kRectificationAnswer = "rectification.answer";
inline constexpr std::string_view kMailSettings = "mail.settings";
inline constexpr std::string_view kMailSettingsProposed = "mail.settings_proposed";
inline constexpr std::string_view kMailSettingsConfirmed = "mail.settings_confirmed";
inline constexpr std::string_view kRecordsRegister = "records.register";
inline constexpr std::string_view kRecordsDecide = "records.decide";
inline constexpr std::string_view kRecordsDisclose = "records.disclose";
inline constexpr std::string_view kRecordsWishOverride = "records.wish_override";
inline constexpr std::string_view kRetentionPolicy = "retention.policy";
inline constexpr std::string_view kLegalHold = "retention.hold";
inline constexpr std::string_view kLegalHoldReleased = "retention.hold_released";
inline constexpr std::string_view kDispose = "retention.dispose";
inline constexpr std::string_view kCollectedFields = "form.collected_fields";
inline constexpr std::string_view kPrivacyNotice = "form.privacy_notice";
}  // namespace audit_action

struct AuditEntry {
  std::int64_t seq = 0;  // position in the organisation's chain, from 1
  OrgId org_id = 0;
  UnixTime at = 0;
  UserId actor_id = 0;  // 0 for the system / command line
  std::string action;
  RecruitmentId recruitment_id = 0;
  ApplicationId application_id;  // empty when not about one application
  std::string detail;            // JSON object text; never identity values
  std::string prev_hash;         // hex; 64 zeros for the first entry
  std::string hash;              // hex SHA-256 of CanonicalAuditBytes
};

inline const std::string kGenesisHash(64, '0');

// Unambiguous serialisation (length-prefixed fields) of everything but `hash`.
std::string CanonicalAuditBytes(const AuditEntry& e);

using HashFn = std::function<std::string(std::string_view)>;  // returns lowercase hex

// Fills prev_hash and hash of `e`, which follows `previous` (nullptr for the first entry).
void SealAuditEntry(AuditEntry& e, const AuditEntry* previous, const HashFn& hash);

// Verifies a whole chain in seq order; returns the seq of the first broken entry, if any.
std::optional<std::int64_t> FindChainBreak(const std::vector<AuditEntry>& chain, const HashFn& hash);

}  // namespace reilu
