// The vault: every key and the sealed-record format in one place. The server key wraps each
// recruitment's key; identity, attachments, rectification words and drafts are sealed under the
// recruitment key; queued mail and mail settings under the server key. Each sealed value is bound
// to its row and purpose (the AEAD's associated data), so a value copied to another row,
// organisation or purpose does not open there. Applicant tokens and e-mail keys are keyed hashes
// under the link key; the audit chain's hashes and random ids come from here too. The SQL code
// stores and fetches only what the vault returns and never calls the crypto library itself
// (tests/layering.cmake checks it).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/audit.h"
#include "core/pseudonym.h"
#include "core/types.h"
#include "crypto/crypto.h"

namespace reilu::store {

// One recruitment's key, bound to its organisation and recruitment: what it seals opens only there.
class RecruitmentSeal {
 public:
  RecruitmentSeal(crypto::SecretKey key, OrgId org, RecruitmentId rec) : key_(std::move(key)), org_(org), rec_(rec) {}

  std::string SealIdentity(const ApplicationId& app, std::string_view plain) const;
  Result<std::string> OpenIdentity(const ApplicationId& app, std::string_view sealed) const;

  // An attachment has two sealed parts: the file as sent, and its name with the engine's proposal.
  enum class AttachmentPart { kOriginal, kDetails };
  std::string SealAttachment(const ApplicationId& app, int position, AttachmentPart part, std::string_view plain) const;
  Result<std::string> OpenAttachment(const ApplicationId& app, int position, AttachmentPart part,
                                     std::string_view sealed) const;

  // A rectification request: the applicant's words, and the owner's answer.
  enum class RectificationPart { kWhat, kAnswer };
  std::string SealRectification(const ApplicationId& app, RectificationPart part, std::string_view plain) const;
  Result<std::string> OpenRectification(const ApplicationId& app, RectificationPart part,
                                        std::string_view sealed) const;

  std::string SealDraft(const std::string& draft, std::string_view plain) const;
  Result<std::string> OpenDraft(const std::string& draft, std::string_view sealed) const;

 private:
  crypto::SecretKey key_;
  OrgId org_;
  RecruitmentId rec_;
};

class Vault {
 public:
  explicit Vault(const crypto::SecretKey& server_key) : server_key_(server_key), link_key_(server_key) {}

  // ---- the installation: which key belongs to the database
  // Written on the first start: a known value sealed under the server key, and the link key (which
  // starts as the server key itself, so status links already e-mailed keep working).
  std::string SealKeyCheck() const;
  std::string SealFirstLinkKey() const;
  // Checks the stored key check and takes the stored link key; kInternal when the key is another's.
  Status Adopt(std::string_view key_check, std::string_view link_key);
  // Whether `sealed` (an installation's key check, e.g. read from a backup) opens with `key`.
  static bool KeyCheckOpens(std::string_view sealed, const crypto::SecretKey& key);

  // ---- rotation: every value sealed under the server key, re-sealed under a new one
  // Where such values live: table, id column, organisation column ("" when the binding has none),
  // the sealed column, and what its values are bound to.
  enum class Binding { kRecruitmentKey, kMail, kMailSettings };
  struct ServerSealedColumn {
    const char* table;
    const char* id_column;
    const char* org_column;
    const char* column;
    Binding binding;
  };
  static const std::vector<ServerSealedColumn>& ServerSealedColumns();
  // Opens one value of `column` (its row's id and organisation as text) and seals it under `to`.
  Result<std::string> Reseal(const ServerSealedColumn& column, const std::string& id, const std::string& org,
                             std::string_view sealed, const crypto::SecretKey& to) const;
  // The installation's link key re-sealed under `to` (the link key itself does not change).
  Result<std::string> ResealLinkKey(std::string_view sealed, const crypto::SecretKey& to) const;
  static std::string SealKeyCheckWith(const crypto::SecretKey& key);
  // After a committed rotation.
  void UseServerKey(const crypto::SecretKey& key) { server_key_ = key; }

  // ---- recruitment keys
  // A fresh recruitment key, wrapped under the server key for the recruitment's row.
  std::string NewWrappedRecruitmentKey(OrgId org, RecruitmentId rec) const;
  Result<RecruitmentSeal> UnwrapRecruitmentKey(OrgId org, RecruitmentId rec, std::string_view wrapped) const;
  // The secret behind each reviewer's own order of the applications (core/pseudonym.h).
  static std::string NewOrderKey();

  // ---- under the server key
  std::string SealMail(const std::string& id, std::string_view plain) const;
  Result<std::string> OpenMail(const std::string& id, std::string_view sealed) const;
  std::string SealMailSettings(OrgId org, std::string_view plain) const;
  Result<std::string> OpenMailSettings(OrgId org, std::string_view sealed) const;

  // ---- applicants' links and addresses (keyed hashes under the link key)
  std::string ApplicantToken(const ApplicationId& app) const;
  // "" for an empty address.
  std::string EmailKey(std::string_view normalised_email) const;

  // ---- ids and the audit chain
  static std::string NewId();  // an application's or a mail's id
  // The system's random source, for pseudonyms, references and ids (core/pseudonym.h).
  static RandomSource Random();
  // What an idempotency key is stored as (the key itself is the client's).
  static std::string IdempotencyHash(std::string_view key);
  // Fills prev_hash and hash of `e`, which follows `previous` (nullptr for the first entry).
  static void Chain(AuditEntry& e, const AuditEntry* previous);

 private:
  crypto::SecretKey server_key_;
  crypto::SecretKey link_key_;
};

}  // namespace reilu::store
