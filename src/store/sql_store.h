// The Store over SQL: SQLite (the embedded default: WAL, durable commits) or PostgreSQL, with the same
// statements. One writer connection per process with group commit (writes are serialised, as SQLite
// requires; on PostgreSQL an advisory lock serialises them across nodes too) and a small pool of
// reader connections.
#pragma once

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "crypto/crypto.h"
#include "store/sql.h"
#include "store/store.h"
#include "store/vault.h"

namespace reilu::store {

class SqlStore final : public Store {
 public:
  // Opens the SQLite database at `path`, applying migrations. `server_key` wraps recruitment keys.
  static Result<std::unique_ptr<SqlStore>> Open(const std::string& path, const crypto::SecretKey& server_key,
                                                int readers = 4);
  // Opens the PostgreSQL database `conninfo` (a libpq URI), applying migrations.
  static Result<std::unique_ptr<SqlStore>> OpenPostgres(const std::string& conninfo,
                                                        const crypto::SecretKey& server_key, int readers = 4);
  // Opens the store over whatever `connect` opens (called once per connection). The backend is
  // untrusted: it is given only what the vault has sealed for identity, never plaintext.
  using Connector = std::function<Result<Connection>()>;
  static Result<std::unique_ptr<SqlStore>> OpenOn(const Connector& connect, const crypto::SecretKey& server_key,
                                                  int readers = 4);

  // On SQLite (on PostgreSQL a read takes no such lock, and BEGIN/COMMIT would be two more round trips).
  std::unique_ptr<ReadScope> ReadTogether() override;

  Result<OrgId> CreateOrganisation(const std::string& name, const AnonymityPolicy& policy, UnixTime now,
                                   const std::string& login_domain = "") override;
  Result<Organisation> GetOrganisation(OrgId org) override;
  Result<std::vector<Organisation>> ListOrganisations() override;
  Status SetRegistryContact(OrgId org, const std::string& contact, UserId actor, UnixTime now) override;
  Result<AnonymityPolicy> GetPolicy(OrgId org) override;
  Status SetPolicy(OrgId org, const AnonymityPolicy& policy, UserId actor, UnixTime now) override;
  Result<UnitId> CreateUnit(OrgId org, const std::string& name) override;
  Result<std::vector<Unit>> ListUnits(OrgId org) override;

  Result<UserId> CreateUser(const User& user, const std::string& password_hash, UserId actor, UnixTime now) override;
  Result<User> GetUser(OrgId org, UserId id) override;
  Status UpdateUser(const User& user, Role previous_role, UserId actor, UnixTime now) override;
  Result<std::vector<User>> ListUsers(OrgId org) override;
  Result<std::pair<User, std::string>> FindLogin(const std::string& username) override;
  Status CreateSession(const Session& session, const AuditEvent& login, UnixTime now) override;
  Result<std::pair<Session, User>> FindSessionUser(const std::string& token_hash, UnixTime now) override;
  Status DeleteSession(const std::string& token_hash) override;

  Result<RecruitmentId> CreateRecruitment(const Recruitment& r, UnixTime now) override;
  Result<Recruitment> GetRecruitment(OrgId org, RecruitmentId id) override;
  Result<std::vector<Recruitment>> ListRecruitments(OrgId org) override;
  Status UpdateRecruitment(const Recruitment& r, const std::optional<AuditEvent>& audit, UnixTime now) override;
  Result<std::vector<Recruitment>> ListOpenAds(UnixTime now) override;
  Result<Recruitment> GetPublicAd(RecruitmentId id) override;

  Result<SubmitResult> SubmitApplication(const NewApplication& app, UnixTime now) override;
  Result<std::map<ApplicationId, EqualityStatistics>> ListEqualityStatistics(OrgId org, RecruitmentId rec) override;
  Result<std::vector<AnonymousApplication>> ListAnonymous(OrgId org, RecruitmentId rec) override;
  Result<AnonymousApplication> GetAnonymous(OrgId org, RecruitmentId rec, const ApplicationId& id) override;
  Result<IdentifiedApplication> ReadIdentity(const IdentityAccess& access, UnixTime now) override;
  Result<std::vector<IdentifiedApplication>> ReadIdentities(const std::vector<IdentityAccess>& accesses,
                                                            UnixTime now) override;
  Result<std::int64_t> CountApplications(OrgId org, RecruitmentId rec) override;
  Status ReleaseRedaction(OrgId org, RecruitmentId rec, const ApplicationId& id, const RedactedText& text, UserId actor,
                          const RedactionReleaseNote& note, UnixTime now) override;
  Status ReleaseRedactions(OrgId org, RecruitmentId rec,
                           const std::vector<std::pair<ApplicationId, RedactedText>>& texts, UserId actor,
                           const RedactionReleaseNote& note, UnixTime now) override;
  Result<OpenedAttachment> ReadAttachment(const IdentityAccess& access, int position, UnixTime now) override;
  Status ReleaseAttachment(OrgId org, RecruitmentId rec, const ApplicationId& id, int position,
                           const std::string& rendition, UserId actor, const RedactionReleaseNote& note,
                           UnixTime now) override;
  Result<std::string> GetAttachmentRendition(OrgId org, RecruitmentId rec, const ApplicationId& id,
                                             int position) override;

  Status Lift(OrgId org, RecruitmentId rec, const std::vector<ApplicationId>& applications, UserId actor,
              const std::string& reason, UnixTime now) override;
  Result<LiftState> GetLiftState(OrgId org, RecruitmentId rec) override;
  Result<std::string> OrderKey(OrgId org, RecruitmentId rec) override;
  Status ShredRecruitmentKey(OrgId org, RecruitmentId rec, UserId actor, UnixTime now) override;

  Result<ScreeningState> GetScreeningState(OrgId org, RecruitmentId rec) override;
  Result<std::vector<Score>> ListScores(OrgId org, RecruitmentId rec) override;
  Status SaveScores(OrgId org, RecruitmentId rec, UserId reviewer, const std::vector<Score>& scores,
                    UnixTime now) override;
  Status Recuse(OrgId org, RecruitmentId rec, const ApplicationId& app, UserId reviewer, const std::string& reason,
                UnixTime now) override;
  Status SaveEligibility(OrgId org, RecruitmentId rec, const ApplicationId& app,
                         const EligibilityAssessment& assessment, UnixTime now) override;
  Status FreezeShortlist(OrgId org, RecruitmentId rec, const std::vector<ApplicationId>& shortlist, UserId actor,
                         const std::string& reason, const std::vector<OutgoingMail>& mails, UnixTime now) override;
  Result<std::int64_t> CreateInterview(OrgId org, RecruitmentId rec, const Interview& interview, UserId actor,
                                       const IdentityNotices& notices, UnixTime now) override;
  Result<std::vector<Interview>> ListInterviews(OrgId org, RecruitmentId rec) override;
  Status SaveInterviewNotes(OrgId org, RecruitmentId rec, const std::vector<InterviewNote>& notes,
                            UnixTime now) override;
  Result<std::vector<InterviewNote>> ListInterviewNotes(OrgId org, RecruitmentId rec) override;
  Status RecordDecision(OrgId org, RecruitmentId rec, const Decision& decision, const std::string& ranking_json,
                        const IdentityNotices& notices, UnixTime now) override;
  Result<std::optional<StoredDecision>> GetDecision(OrgId org, RecruitmentId rec) override;
  Result<std::vector<Acceptance>> ListAcceptances(OrgId org, RecruitmentId rec) override;
  Status SaveAcceptance(OrgId org, RecruitmentId rec, const Acceptance& acceptance, UserId actor, std::string_view what,
                        UnixTime now) override;
  Result<ApplicantRecord> FindByReference(const std::string& reference) override;
  Result<std::string> ReferenceOf(OrgId org, RecruitmentId rec, const ApplicationId& app) override;
  std::string ApplicantToken(const ApplicationId& app) override;
  Status Withdraw(const ApplicantRecord& app, const IdentityNotices& notices, UnixTime now) override;
  Status AmendApplication(const Amendment& amendment, UnixTime now) override;
  Status CreateDraft(const DraftRecord& draft, const std::string& secret_hash, const OutgoingMail& link_mail,
                     UnixTime now) override;
  Status UpdateDraft(const std::string& id, const std::string& secret_hash, const std::string& content,
                     UnixTime now) override;
  Result<DraftRecord> OpenDraft(const std::string& id, const std::string& secret_hash, UnixTime now) override;
  Status DiscardDraft(const std::string& id, const std::string& secret_hash) override;
  Result<std::int64_t> PurgeExpiredDrafts(UnixTime now) override;
  Status EnqueueMail(const std::vector<OutgoingMail>& mails, UnixTime now) override;
  Result<std::vector<QueuedMail>> ClaimDueMail(UnixTime now, int limit, UnixTime lease_seconds) override;
  Status MarkMailSent(const std::string& id, UnixTime now) override;
  Status MarkMailFailed(const std::string& id, const std::string& error, UnixTime retry_at) override;
  Status MarkNoticeOpened(OrgId org, RecruitmentId rec, const ApplicationId& app, UnixTime now) override;
  Status MarkNoticeLetter(OrgId org, RecruitmentId rec, const ApplicationId& app, UserId actor, UnixTime now) override;
  Result<std::map<ApplicationId, NoticeDelivery>> ListNoticeDeliveries(OrgId org, RecruitmentId rec) override;
  Result<std::vector<MailRecord>> ListMail(OrgId org, RecruitmentId rec) override;
  Status SetMailSettings(OrgId org, const std::string& settings_json, UserId actor, UnixTime now) override;
  Result<std::optional<std::string>> GetMailSettings(OrgId org) override;
  Status ProposeMailSettings(OrgId org, const std::string& settings_json, UserId actor, UnixTime now) override;
  Result<std::optional<PendingMailSettings>> GetPendingMailSettings(OrgId org) override;
  Status ConfirmMailSettings(OrgId org, UserId actor, UnixTime now) override;

  Result<UnixTime> AdmitLogin(const std::vector<LoginLimit>& limits, UnixTime window, UnixTime now) override;
  Status SettleLogin(const std::vector<std::string>& clear, const std::vector<std::string>& forgive) override;

  Result<RecordsRequestId> CreateRecordsRequest(const RecordsRequest& request, UnixTime now) override;
  Result<RecordsRequest> GetRecordsRequest(OrgId org, RecordsRequestId id) override;
  Result<std::vector<RecordsRequest>> ListRecordsRequests(OrgId org) override;
  Status DecideRecordsRequest(const RecordsRequest& decided, UnixTime now) override;
  Result<std::vector<ApplicantRecord>> FindByEmail(const std::string& email) override;
  // The keyed digest FindByEmail looks for ("" for no address): trimmed, lower case.
  std::string EmailKey(const std::string& email) const;
  Status OverrideWish(OrgId org, RecordsRequestId id, const ApplicationId& app, const std::string& ground, UserId actor,
                      UnixTime now) override;
  Status Disclose(OrgId org, const Disclosure& disclosure, const std::vector<IdentityAccess>& reads,
                  const DisclosurePreparer& prepare, UnixTime now) override;
  Result<std::vector<Disclosure>> ListDisclosures(OrgId org, RecordsRequestId request) override;

  Result<std::vector<CollectedField>> GetCollectedFields(OrgId org) override;
  Status SetCollectedFields(OrgId org, const std::vector<CollectedField>& fields, UserId actor, UnixTime now) override;
  Result<LocalizedText> GetPrivacyTexts(OrgId org) override;
  Status SetPrivacyTexts(OrgId org, const LocalizedText& texts, UserId actor, UnixTime now) override;
  Result<std::int64_t> CreateRectificationRequest(OrgId org, const RectificationRequest& request,
                                                  UnixTime now) override;
  Result<std::vector<RectificationRequest>> ListRectificationRequests(OrgId org, RecruitmentId rec,
                                                                      const ApplicationId& app) override;
  Status AnswerRectificationRequest(OrgId org, RecruitmentId rec, const RectificationRequest& answered,
                                    UnixTime now) override;
  Result<RetentionPolicy> GetRetentionPolicy(OrgId org) override;
  Status SetRetentionPolicy(OrgId org, const RetentionPolicy& policy, UserId actor, UnixTime now) override;
  Result<std::int64_t> PlaceLegalHold(OrgId org, RecruitmentId rec, const std::string& reason, UserId actor,
                                      UnixTime now) override;
  Status ReleaseLegalHolds(OrgId org, RecruitmentId rec, UserId actor, UnixTime now) override;
  Result<std::vector<LegalHold>> ListLegalHolds(OrgId org) override;
  Result<std::vector<RetainedApplication>> ListRetained(OrgId org, RecruitmentId rec) override;
  Result<bool> HasRecruitmentKey(OrgId org, RecruitmentId rec) override;
  Status ReadRetainedRecords(OrgId org, RecruitmentId rec, RetentionState& state) override;
  Status Dispose(OrgId org, const DisposalDue& due, UserId actor, UnixTime now) override;

  Result<std::vector<RecruitmentFacts>> ReportRecruitmentFacts(OrgId org, const ReportPeriod& period) override;
  Result<std::vector<FunnelEntry>> ReportFunnel(OrgId org, const ReportPeriod& period) override;
  Result<std::map<RecruitmentId, std::int64_t>> CountIdentityReadsByRole(OrgId org, Role role, UnixTime from,
                                                                         UnixTime to) override;
  Result<std::vector<AuditEntry>> ListAuditByAction(OrgId org, std::string_view action, UnixTime from,
                                                    UnixTime to) override;
  Status AppendAudit(const AuditEvent& event, UnixTime now) override;
  Result<std::vector<AuditEntry>> ListAudit(OrgId org, std::int64_t after_seq, std::int64_t limit) override;
  Result<std::map<RecruitmentId, RecruitmentSummary>> SummariseRecruitments(OrgId org) override;
  Result<std::vector<AuditEntry>> ListAuditWhere(OrgId org, std::int64_t after_seq, std::int64_t limit,
                                                 const AuditFilter& filter) override;
  Result<std::vector<AuditEntry>> ListAuditOf(OrgId org, RecruitmentId rec, std::string_view action) override;

  // Operations for the `reilu` command (src/store/sqlite_operations.cc).
  // A consistent copy of the database, taken while it is in use; holds no key.
  Status BackupTo(const std::string& path);
  // Re-seals everything sealed under the server key (recruitment keys, queued mail, mail settings,
  // the link key) under `new_key` in one transaction, audited in every organisation. Run it with
  // the server stopped: a running server keeps the old key.
  Status RotateServerKey(const crypto::SecretKey& new_key, UnixTime now);
  // Whether `key` is the server key of the database at `path` (false for another key); for
  // finishing an interrupted rotation and for checking a backup before restoring it.
  static Result<bool> ServerKeyOpens(Connection& conn, const crypto::SecretKey& key);

 private:
  // A reader connection borrowed from the pool, returned on destruction; or the connection of the
  // thread's ReadTogether scope, which stays with the scope.
  class ReaderLease {
   public:
    ReaderLease(SqlStore* store, Connection conn) : store_(store), owned_(std::move(conn)), conn_(&*owned_) {}
    explicit ReaderLease(Connection* scoped) : conn_(scoped) {}
    ~ReaderLease() {
      if (!owned_) return;
      std::lock_guard lock(store_->pool_mutex_);
      store_->readers_.push_back(std::move(*owned_));
      store_->pool_cv_.notify_one();
    }
    ReaderLease(const ReaderLease&) = delete;
    ReaderLease& operator=(const ReaderLease&) = delete;
    Connection& operator*() { return *conn_; }

   private:
    SqlStore* store_ = nullptr;
    std::optional<Connection> owned_;
    Connection* conn_;
  };
  class SqliteReadScope;
  SqlStore(Connection writer, std::vector<Connection> readers, const crypto::SecretKey& server_key);
  // Checks the key against the installation's key check (writing the check and the link key on the
  // first start) and loads the link key.
  Status AdoptServerKey();

  ReaderLease Reader();
  // Runs `fn(conn)` inside a write transaction and returns once it is durably committed.
  template <typename T, typename Fn>
  Result<T> WriteTx(Fn&& fn) {
    std::optional<Result<T>> result;
    Status committed = RunInWriteGroup([&](Connection& c) {
      result.emplace(fn(c));
      return result->ok();
    });
    if (!committed) return committed.error();
    return std::move(*result);
  }

  // Group commit: concurrent writes are run by one leader inside a single transaction, each in its
  // own SAVEPOINT (a failing write is rolled back alone), and made durable by one fsync.
  struct PendingWrite {
    std::function<bool(Connection&)> job;  // returns false when the write failed (rolled back)
    Status committed = OkStatus();
    bool done = false;
  };
  Status RunInWriteGroup(const std::function<bool(Connection&)>& job);
  void ExecuteWriteBatch(const std::vector<PendingWrite*>& batch);

  Result<Recruitment> LoadRecruitment(Connection& conn, std::string_view where, std::int64_t a, std::int64_t b);
  Result<std::int64_t> DataVersionOn(Connection& conn, OrgId org, RecruitmentId rec);
  Status SaveReviewers(Connection& conn, const Recruitment& r);
  Result<RecruitmentSeal> RecruitmentKey(Connection& conn, OrgId org, RecruitmentId rec);
  Status AppendAuditTx(Connection& conn, const AuditEvent& event, UnixTime now);
  Status EnqueueMailTx(Connection& conn, const OutgoingMail& mail, UnixTime now);
  // Marks that what the recruitment's application lists show has changed (see DataVersion).
  Status BumpDataVersionTx(Connection& conn, OrgId org, RecruitmentId rec);
  // Deletes the recruitment's key and the text of its mail, inside the caller's transaction;
  // returns how many mails were erased (kNotFound when the key is gone already).
  Result<std::int64_t> ShredKeyTx(Connection& conn, OrgId org, RecruitmentId rec);
  // Decrypts one identity and audits the read, inside the caller's transaction.
  Status InsertAttachmentsTx(Connection& c, const Recruitment& r, const ApplicationId& app,
                             const std::vector<NewAttachment>& attachments, const RecruitmentSeal& key);
  Result<IdentifiedApplication> ReadIdentityTx(Connection& conn, const IdentityAccess& access, UnixTime now);
  Result<std::vector<IdentifiedApplication>> ReadIdentitiesTx(Connection& conn,
                                                              const std::vector<IdentityAccess>& accesses,
                                                              UnixTime now);
  // Reads (audited), composes and queues `notices` inside the caller's transaction.
  Status QueueNoticesTx(Connection& conn, const IdentityNotices& notices, UnixTime now);

  std::mutex queue_mutex_;
  std::condition_variable queue_cv_;
  std::vector<PendingWrite*> queue_;
  bool leader_active_ = false;
  Connection writer_;  // used only by the current group leader
  std::mutex pool_mutex_;
  std::condition_variable pool_cv_;
  std::vector<Connection> readers_;
  Vault vault_;  // every key and sealed value passes through it
  // Recruitments as last loaded here, each with the data version it was read at (GetRecruitment).
  static constexpr size_t kMaxKeptRecruitments = 1024;
  std::mutex recruitments_mutex_;
  // Shared, so that the lock is held only to find one, not while it is copied out.
  std::map<std::pair<OrgId, RecruitmentId>, std::shared_ptr<const Recruitment>> recruitments_;
};

}  // namespace reilu::store
