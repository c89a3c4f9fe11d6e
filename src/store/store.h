// The storage interface. Every method that touches organisation data takes the OrgId and filters
// on it, so one tenant can never read another's rows. Identity data is reachable only through
// ReadIdentity, which takes the capability from core/access.h and writes an audit entry in the
// same transaction as the read.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/access.h"
#include "core/application.h"
#include "core/audit.h"
#include "core/equality.h"
#include "core/policy.h"
#include "core/recruitment.h"
#include "core/rectification.h"
#include "core/result.h"
#include "core/retention.h"
#include "core/screening.h"
#include "core/selection.h"
#include "core/types.h"

namespace reilu::store {

struct Session {
  std::string token_hash;  // SHA-256 of the cookie token; the token itself is never stored
  UserId user_id = 0;
  OrgId org_id = 0;
  std::string csrf_token;
  UnixTime expires_at = 0;
};

// Which applications of a recruitment have had their anonymity lifted.
struct LiftState {
  bool all = false;
  std::set<ApplicationId> applications;
  bool Covers(const ApplicationId& id) const { return all || applications.count(id) > 0; }
};

// An audit record before it is sealed into the chain (seq and hashes are assigned on append).
struct AuditEvent {
  OrgId org_id = 0;
  UserId actor_id = 0;
  std::string_view action;
  RecruitmentId recruitment_id = 0;
  ApplicationId application_id;
  std::string detail = "{}";  // JSON object; never identity values
};

// A rendered e-mail waiting in the queue. Sealed at rest (the recipient is identity data).
struct OutgoingMail {
  OrgId org_id = 0;
  RecruitmentId recruitment_id = 0;
  std::string kind;  // receipt, interview, interviewer, shortlist, decision, withdrawal
  std::string from;
  std::string to;
  std::string eml;
  ApplicationId application_id = {};  // whose notice it is (empty: staff mail)
};

struct QueuedMail {
  std::string id;
  OrgId org_id = 0;
  std::string from;
  std::string to;
  std::string eml;
  std::int64_t attempts = 0;  // including this one
};

// Delivery state as operators and the owner may see it: no recipient, no text.
struct MailRecord {
  std::string id;
  RecruitmentId recruitment_id = 0;
  std::string kind;
  std::string status;  // queued, sent, failed
  std::int64_t attempts = 0;
  UnixTime created_at = 0;
  UnixTime sent_at = 0;
  std::string last_error;
  ApplicationId application_id;  // empty: staff mail
};

// Beyond the e-mail: when the applicant first opened the status link after the decision, and when
// a notice was sent by letter (0: not).
struct NoticeDelivery {
  UnixTime opened_at = 0;
  UnixTime letter_sent_at = 0;
};

// What the applicant's reference code leads to (no identity).
struct ApplicantRecord {
  OrgId org_id = 0;
  RecruitmentId recruitment_id = 0;
  ApplicationId application_id;
  std::string reference;
  bool withdrawn = false;
};

struct StoredDecision {
  Decision decision;
  std::string ranking_json;  // the combined ranking as it stood when the decision was made
};

// An attachment as the intake prepared it; sealed with the recruitment key in the submission.
struct NewAttachment {
  std::string kind;  // pdf, docx, odt (from the bytes)
  std::string file_name;
  std::string bytes;
  std::string proposal;  // JSON: what the engine proposes to cover (core/attachment.h), identity-class
  bool needs_a_look = false;
};

// An attachment opened through the identity gate.
struct OpenedAttachment {
  AttachmentInfo info;
  std::string file_name;
  std::string bytes;
  std::string proposal;
};

struct NewApplication {
  const Recruitment* recruitment = nullptr;
  Submission submission;
  // Sealed with the identity; reviewers see free text only after ReleaseRedaction.
  std::optional<RedactedText> redaction_proposal;
  // The merits as reviewers may see them (identifying strings replaced); when set, the merits as
  // typed are sealed with the identity instead.
  std::optional<Merits> merits_for_reviewers;
  std::vector<NewAttachment> attachments;  // in the order sent (positions 1, 2, …)
  std::string idempotency_key;             // empty: none given
  std::string request_hash;                // SHA-256 of the request body, to detect a reused key
  // Builds the applicant's receipt e-mail once the application id exists; queued in the same
  // transaction, so an acknowledged application always gets its receipt.
  std::function<std::optional<OutgoingMail>(const Receipt&)> receipt_mail;
};

// What the applicant sends again before the deadline: the identity, merits and free text replace
// the earlier ones; the attachments and equality statistics stay as first sent. The new text goes
// back to HR's check (an earlier release is undone).
struct Amendment {
  const Recruitment* recruitment = nullptr;
  ApplicationId application_id;
  Submission submission;  // its attachments and statistics are not read
  std::optional<RedactedText> redaction_proposal;
  std::optional<Merits> merits_for_reviewers;  // as in NewApplication
  // The confirmation to the address now given, queued in the same transaction.
  std::function<std::optional<OutgoingMail>()> confirmation_mail;
};

// A draft the applicant keeps on the server to go on later or elsewhere: the form as typed (JSON),
// sealed under the recruitment's key, reached only with a secret whose hash alone is stored, and
// unreadable once `expires_at` (the deadline) has passed.
struct DraftRecord {
  std::string id;
  OrgId org_id = 0;
  RecruitmentId recruitment_id = 0;
  std::string content;
  UnixTime updated_at = 0;
  UnixTime expires_at = 0;
};

// Notices built from identities read inside the same transaction that records the action: the
// reads are audited, the mails queued and the action written together, or none of it happens.
struct IdentityNotices {
  std::vector<IdentityAccess> reads;
  // Gets the identities in the order of `reads`; returns the mails to queue.
  std::function<Result<std::vector<OutgoingMail>>(const std::vector<IdentifiedApplication>&)> compose;
};

struct SubmitResult {
  Receipt receipt;
  bool replayed = false;  // the same Idempotency-Key and body were seen before
};

struct PendingMailSettings {
  std::string settings_json;
  UserId proposed_by = 0;
  UnixTime proposed_at = 0;
};

// What the audit log says of a release: how it was done and how much HR changed.
struct RedactionReleaseNote {
  std::string mode;  // "as_proposed", "reviewed" (spans checked), "written" (text typed by HR), "bulk"
  bool edited = false;
  int spans_added = 0;
  int spans_removed = 0;
  int boxes = 0;        // drawn by hand on an attachment's pages
  int scans_shown = 0;  // scanned pages shown (with the boxes) instead of covered whole
};

// The recruitments a council report covers: not drafts, published in [from, to), of one unit and
// one owner where given (0: any).
struct ReportPeriod {
  UnixTime from = 0;
  UnixTime to = 0;
  UnitId unit = 0;
  UserId owner = 0;
};

// What the compliance report counts of one recruitment.
// What the list of recruitments shows beside each: applications (withdrawn ones left out), and
// whether the interviewees were chosen and the decision made.
struct RecruitmentSummary {
  std::int64_t applications = 0;
  bool shortlisted = false;
  bool decided = false;
};

struct RecruitmentFacts {
  RecruitmentId id = 0;
  std::int64_t applications = 0;
  std::int64_t lifted = 0;     // applications whose anonymity was lifted
  UnixTime first_lift_at = 0;  // 0: none
  std::optional<UnixTime> decided_at;
  UserId exception_by = 0;  // who recorded the anonymity exception (0: none)
};

// Held while a request makes its first reads (who is asking, then the recruitment): the reads the
// calling thread makes meanwhile share one connection and one read transaction, so they see one
// snapshot and take the database's read lock once instead of once each. A write made while it
// is held is not seen by the reads inside it, so it ends before a request writes anything.
class ReadScope {
 public:
  virtual ~ReadScope() = default;
};

class Store {
 public:
  virtual ~Store() = default;

  // Null when the backend gains nothing from it (or a scope is already held on this thread).
  virtual std::unique_ptr<ReadScope> ReadTogether() { return nullptr; }

  // Organisations, units, policy.
  // `login_domain` empty: none (bare usernames). A domain in use: kConflict.
  virtual Result<OrgId> CreateOrganisation(const std::string& name, const AnonymityPolicy& policy, UnixTime now,
                                           const std::string& login_domain = "") = 0;
  virtual Result<Organisation> GetOrganisation(OrgId org) = 0;
  virtual Result<std::vector<Organisation>> ListOrganisations() = 0;
  // Where rectification requests go (Organisation::registry_contact); audited.
  virtual Status SetRegistryContact(OrgId org, const std::string& contact, UserId actor, UnixTime now) = 0;
  virtual Result<AnonymityPolicy> GetPolicy(OrgId org) = 0;
  virtual Status SetPolicy(OrgId org, const AnonymityPolicy& policy, UserId actor, UnixTime now) = 0;
  virtual Result<UnitId> CreateUnit(OrgId org, const std::string& name) = 0;
  virtual Result<std::vector<Unit>> ListUnits(OrgId org) = 0;

  // Users and sessions. Usernames are unique across the installation.
  virtual Result<UserId> CreateUser(const User& user, const std::string& password_hash, UserId actor, UnixTime now) = 0;
  virtual Result<User> GetUser(OrgId org, UserId id) = 0;
  // Saves an account's name, e-mail, role and whether it is active (audited user.update with the
  // role before and after); a deactivated account's sessions end with it.
  virtual Status UpdateUser(const User& user, Role previous_role, UserId actor, UnixTime now) = 0;
  virtual Result<std::vector<User>> ListUsers(OrgId org) = 0;
  // Returns the user and the stored password hash, or kNotFound.
  virtual Result<std::pair<User, std::string>> FindLogin(const std::string& username) = 0;
  // The session and its audit entry (the login) are written in one transaction.
  virtual Status CreateSession(const Session& session, const AuditEvent& login, UnixTime now) = 0;
  // The session and its user in one read (every authenticated request does this).
  virtual Result<std::pair<Session, User>> FindSessionUser(const std::string& token_hash, UnixTime now) = 0;
  virtual Status DeleteSession(const std::string& token_hash) = 0;

  // Recruitments. Creating one also creates its data key.
  virtual Result<RecruitmentId> CreateRecruitment(const Recruitment& r, UnixTime now) = 0;
  virtual Result<Recruitment> GetRecruitment(OrgId org, RecruitmentId id) = 0;
  virtual Result<std::vector<Recruitment>> ListRecruitments(OrgId org) = 0;
  // Saves every field of `r`; fails with kConflict when r.version is not the stored version.
  // `audit` (optional) is appended in the same transaction.
  virtual Status UpdateRecruitment(const Recruitment& r, const std::optional<AuditEvent>& audit, UnixTime now) = 0;
  // The public job board: published ads across organisations whose deadline has not passed.
  virtual Result<std::vector<Recruitment>> ListOpenAds(UnixTime now) = 0;
  virtual Result<Recruitment> GetPublicAd(RecruitmentId id) = 0;

  // Applications. Submit is durable when it returns (synchronous commit).
  virtual Result<SubmitResult> SubmitApplication(const NewApplication& app, UnixTime now) = 0;
  virtual Result<std::vector<AnonymousApplication>> ListAnonymous(OrgId org, RecruitmentId rec) = 0;
  // The equality statistics given in one recruitment, by application: for counting only (reports).
  virtual Result<std::map<ApplicationId, EqualityStatistics>> ListEqualityStatistics(OrgId org, RecruitmentId rec) = 0;
  virtual Result<AnonymousApplication> GetAnonymous(OrgId org, RecruitmentId rec, const ApplicationId& id) = 0;
  // Decrypts one application's identity and records the access in the audit log.
  virtual Result<IdentifiedApplication> ReadIdentity(const IdentityAccess& access, UnixTime now) = 0;
  // The same for many at once, every access audited, in one transaction (bulk work over a list).
  virtual Result<std::vector<IdentifiedApplication>> ReadIdentities(const std::vector<IdentityAccess>& accesses,
                                                                    UnixTime now) = 0;
  virtual Result<std::int64_t> CountApplications(OrgId org, RecruitmentId rec) = 0;
  // Publishes the reviewers' rendition of an application's free text; audited with what was done.
  virtual Status ReleaseRedaction(OrgId org, RecruitmentId rec, const ApplicationId& id, const RedactedText& text,
                                  UserId actor, const RedactionReleaseNote& note, UnixTime now) = 0;
  // Many at once with the same note, each audited, in one transaction.
  virtual Status ReleaseRedactions(OrgId org, RecruitmentId rec,
                                   const std::vector<std::pair<ApplicationId, RedactedText>>& texts, UserId actor,
                                   const RedactionReleaseNote& note, UnixTime now) = 0;

  // Attachments. The original opens only with an IdentityAccess (audited, like ReadIdentity); the
  // rendition HR releases is what reviewers get, and all they get.
  virtual Result<OpenedAttachment> ReadAttachment(const IdentityAccess& access, int position, UnixTime now) = 0;
  virtual Status ReleaseAttachment(OrgId org, RecruitmentId rec, const ApplicationId& id, int position,
                                   const std::string& rendition, UserId actor, const RedactionReleaseNote& note,
                                   UnixTime now) = 0;
  // The released rendition; kNotFound when there is none (yet).
  virtual Result<std::string> GetAttachmentRendition(OrgId org, RecruitmentId rec, const ApplicationId& id,
                                                     int position) = 0;

  // Lifting anonymity: one-way. `applications` empty = the whole recruitment.
  virtual Status Lift(OrgId org, RecruitmentId rec, const std::vector<ApplicationId>& applications, UserId actor,
                      const std::string& reason, UnixTime now) = 0;
  virtual Result<LiftState> GetLiftState(OrgId org, RecruitmentId rec) = 0;

  // Secret used to derive each reviewer's own order of the recruitment's applications.
  virtual Result<std::string> OrderKey(OrgId org, RecruitmentId rec) = 0;

  // Deletes the recruitment's data key: its identities become unreadable for good.
  virtual Status ShredRecruitmentKey(OrgId org, RecruitmentId rec, UserId actor, UnixTime now) = 0;

  // Screening. Scores are upserted per (application, reviewer, criterion); once the shortlist
  // exists the database refuses any change to them.
  virtual Result<ScreeningState> GetScreeningState(OrgId org, RecruitmentId rec) = 0;
  virtual Result<std::vector<Score>> ListScores(OrgId org, RecruitmentId rec) = 0;
  virtual Status SaveScores(OrgId org, RecruitmentId rec, UserId reviewer, const std::vector<Score>& scores,
                            UnixTime now) = 0;
  // Ends the reviewer's access to the application and deletes their scores for it; audited.
  virtual Status Recuse(OrgId org, RecruitmentId rec, const ApplicationId& app, UserId reviewer,
                        const std::string& reason, UnixTime now) = 0;
  // Records (or changes) the owner's eligibility assessment of one application; audited.
  virtual Status SaveEligibility(OrgId org, RecruitmentId rec, const ApplicationId& app,
                                 const EligibilityAssessment& assessment, UnixTime now) = 0;
  // Records the shortlist and freezes every score of the recruitment; audited; `mails` queued.
  virtual Status FreezeShortlist(OrgId org, RecruitmentId rec, const std::vector<ApplicationId>& shortlist,
                                 UserId actor, const std::string& reason, const std::vector<OutgoingMail>& mails,
                                 UnixTime now) = 0;

  // Interviews.
  // The invitation and the interviewers' notices are composed by `notices` in the same transaction.
  virtual Result<std::int64_t> CreateInterview(OrgId org, RecruitmentId rec, const Interview& interview, UserId actor,
                                               const IdentityNotices& notices, UnixTime now) = 0;
  virtual Result<std::vector<Interview>> ListInterviews(OrgId org, RecruitmentId rec) = 0;
  virtual Status SaveInterviewNotes(OrgId org, RecruitmentId rec, const std::vector<InterviewNote>& notes,
                                    UnixTime now) = 0;
  virtual Result<std::vector<InterviewNote>> ListInterviewNotes(OrgId org, RecruitmentId rec) = 0;

  // The selection decision: final once recorded (kDecided on a second one); the notices to every
  // applicant are composed and queued in the same transaction.
  virtual Status RecordDecision(OrgId org, RecruitmentId rec, const Decision& decision, const std::string& ranking_json,
                                const IdentityNotices& notices, UnixTime now) = 0;
  virtual Result<std::optional<StoredDecision>> GetDecision(OrgId org, RecruitmentId rec) = 0;
  // The recorded acceptances (offers, answers, conditions) of a decided recruitment; a selected
  // person without a row has the decision's standing offer. Saving is audited with `what`.
  virtual Result<std::vector<Acceptance>> ListAcceptances(OrgId org, RecruitmentId rec) = 0;
  virtual Status SaveAcceptance(OrgId org, RecruitmentId rec, const Acceptance& acceptance, UserId actor,
                                std::string_view what, UnixTime now) = 0;

  // Rectification requests (core/rectification.h): the applicant's words and the answer sealed with
  // the recruitment's key. Writes are audited (never with the words); reading is the caller's to audit.
  virtual Result<std::int64_t> CreateRectificationRequest(OrgId org, const RectificationRequest& request,
                                                          UnixTime now) = 0;
  // The recruitment's requests, oldest first; only those of `app` when it is not empty.
  virtual Result<std::vector<RectificationRequest>> ListRectificationRequests(OrgId org, RecruitmentId rec,
                                                                              const ApplicationId& app) = 0;
  // Records the answer (state, text, who, when) to a request still open (kConflict otherwise).
  virtual Status AnswerRectificationRequest(OrgId org, RecruitmentId rec, const RectificationRequest& answered,
                                            UnixTime now) = 0;

  // Application drafts (DraftRecord). Every miss, wrong secret or expiry is the same kNotFound. The
  // link to a new draft is queued in the draft's own transaction.
  virtual Status CreateDraft(const DraftRecord& draft, const std::string& secret_hash, const OutgoingMail& link_mail,
                             UnixTime now) = 0;
  virtual Status UpdateDraft(const std::string& id, const std::string& secret_hash, const std::string& content,
                             UnixTime now) = 0;
  virtual Result<DraftRecord> OpenDraft(const std::string& id, const std::string& secret_hash, UnixTime now) = 0;
  virtual Status DiscardDraft(const std::string& id, const std::string& secret_hash) = 0;
  // Deletes the drafts whose time is over; returns how many.
  virtual Result<std::int64_t> PurgeExpiredDrafts(UnixTime now) = 0;

  // Applicant self-service, by reference code and a token only the applicant was sent.
  virtual Result<ApplicantRecord> FindByReference(const std::string& reference) = 0;
  virtual Result<std::string> ReferenceOf(OrgId org, RecruitmentId rec, const ApplicationId& app) = 0;
  // A secret for the applicant's status link, derived from the server key and the application id.
  virtual std::string ApplicantToken(const ApplicationId& app) = 0;
  // The applications (any organisation's, not disposed) sent from `email`, found by a keyed digest
  // of the address, never the address itself.
  virtual Result<std::vector<ApplicantRecord>> FindByEmail(const std::string& email) = 0;
  // The confirmation to the applicant is composed by `notices` in the same transaction.
  virtual Status Withdraw(const ApplicantRecord& app, const IdentityNotices& notices, UnixTime now) = 0;
  // Replaces what the applicant sent while the recruitment still takes applications (checked
  // again inside the transaction, on server time) and the application is not withdrawn.
  virtual Status AmendApplication(const Amendment& amendment, UnixTime now) = 0;

  // Public-records requests (core/records.h): the register, its decisions and the disclosure log.
  // Each write is audited in the same transaction.
  virtual Result<RecordsRequestId> CreateRecordsRequest(const RecordsRequest& request, UnixTime now) = 0;
  virtual Result<RecordsRequest> GetRecordsRequest(OrgId org, RecordsRequestId id) = 0;
  virtual Result<std::vector<RecordsRequest>> ListRecordsRequests(OrgId org) = 0;
  // Records the decision of a request still open (kDecided otherwise).
  virtual Status DecideRecordsRequest(const RecordsRequest& decided, UnixTime now) = 0;
  // Records that an applicant's non-disclosure wish does not hold in this request, with the ground
  // (audited); kNotFound unless the application is in the request's recruitment.
  virtual Status OverrideWish(OrgId org, RecordsRequestId id, const ApplicationId& app, const std::string& ground,
                              UserId actor, UnixTime now) = 0;
  // Reads the identities of `reads` (each audited), lets `prepare` make the document from them and
  // logs the disclosure, in one transaction: when `prepare` fails nothing is logged or read.
  using DisclosurePreparer = std::function<Status(const std::vector<IdentifiedApplication>&)>;
  virtual Status Disclose(OrgId org, const Disclosure& disclosure, const std::vector<IdentityAccess>& reads,
                          const DisclosurePreparer& prepare, UnixTime now) = 0;
  virtual Result<std::vector<Disclosure>> ListDisclosures(OrgId org, RecordsRequestId request) = 0;

  // The optional identity fields the organisation asks (data minimisation); setting is audited.
  virtual Result<std::vector<CollectedField>> GetCollectedFields(OrgId org) = 0;
  virtual Status SetCollectedFields(OrgId org, const std::vector<CollectedField>& fields, UserId actor,
                                    UnixTime now) = 0;

  // The organisation's own text of the privacy notice, by language (empty until set); audited.
  virtual Result<LocalizedText> GetPrivacyTexts(OrgId org) = 0;
  virtual Status SetPrivacyTexts(OrgId org, const LocalizedText& texts, UserId actor, UnixTime now) = 0;

  // Retention (core/retention.h): the schedule, legal holds and disposal. Writes are audited.
  virtual Result<RetentionPolicy> GetRetentionPolicy(OrgId org) = 0;  // the defaults until one is set
  virtual Status SetRetentionPolicy(OrgId org, const RetentionPolicy& policy, UserId actor, UnixTime now) = 0;
  virtual Result<std::int64_t> PlaceLegalHold(OrgId org, RecruitmentId rec, const std::string& reason, UserId actor,
                                              UnixTime now) = 0;
  // Releases the recruitment's standing holds (kNotFound when none stands).
  virtual Status ReleaseLegalHolds(OrgId org, RecruitmentId rec, UserId actor, UnixTime now) = 0;
  virtual Result<std::vector<LegalHold>> ListLegalHolds(OrgId org) = 0;  // standing ones
  // The recruitment's applications (withdrawn ones too) with whether each was disposed; `selected`
  // is left false (the decision tells it); and whether its key still exists.
  virtual Result<std::vector<RetainedApplication>> ListRetained(OrgId org, RecruitmentId rec) = 0;
  virtual Result<bool> HasRecruitmentKey(OrgId org, RecruitmentId rec) = 0;
  // Fills in whether interviewers' notes with text remain and the records requests still naming
  // their requester (with the day each was answered).
  virtual Status ReadRetainedRecords(OrgId org, RecruitmentId rec, RetentionState& state) = 0;
  // Disposes of `due` in one transaction: the applications' identities, original texts, merits,
  // reviewers' texts and justifications are deleted (the rows stay, marked disposed, for the
  // counts), the interview notes emptied and the records requests' requesters removed when due,
  // the key is shredded when due (with the mail text, as ShredRecruitmentKey), a log row written.
  // What is disposed of already is skipped (another node may have run the same plan).
  virtual Status Dispose(OrgId org, const DisposalDue& due, UserId actor, UnixTime now) = 0;

  // The mail queue. Claiming leases the messages (no other node sends them meanwhile).
  virtual Status EnqueueMail(const std::vector<OutgoingMail>& mails, UnixTime now) = 0;
  virtual Result<std::vector<QueuedMail>> ClaimDueMail(UnixTime now, int limit, UnixTime lease_seconds) = 0;
  virtual Status MarkMailSent(const std::string& id, UnixTime now) = 0;
  // `retry_at` 0: give up (status failed).
  virtual Status MarkMailFailed(const std::string& id, const std::string& error, UnixTime retry_at) = 0;
  virtual Result<std::vector<MailRecord>> ListMail(OrgId org, RecruitmentId rec) = 0;
  // The first opening of the status link after the decision (later ones change nothing).
  virtual Status MarkNoticeOpened(OrgId org, RecruitmentId rec, const ApplicationId& app, UnixTime now) = 0;
  // The notice was also sent by letter; audited.
  virtual Status MarkNoticeLetter(OrgId org, RecruitmentId rec, const ApplicationId& app, UserId actor,
                                  UnixTime now) = 0;
  virtual Result<std::map<ApplicationId, NoticeDelivery>> ListNoticeDeliveries(OrgId org, RecruitmentId rec) = 0;
  // The organisation's SMTP settings as JSON, sealed at rest; nullopt: use the outbox folder.
  virtual Status SetMailSettings(OrgId org, const std::string& settings_json, UserId actor, UnixTime now) = 0;
  virtual Result<std::optional<std::string>> GetMailSettings(OrgId org) = 0;
  // Where applicant mail goes changes only with two people: one proposes (audited), another admin
  // or HR specialist of the organisation confirms (audited); until then mail keeps its old route.
  virtual Status ProposeMailSettings(OrgId org, const std::string& settings_json, UserId actor, UnixTime now) = 0;
  virtual Result<std::optional<PendingMailSettings>> GetPendingMailSettings(OrgId org) = 0;
  // kForbidden when `actor` proposed the change; kNotFound when nothing is pending.
  virtual Status ConfirmMailSettings(OrgId org, UserId actor, UnixTime now) = 0;

  // Login throttling, shared by every node. Each limit is a key (a digest of a username, an
  // address or both) with its most failures per window.
  struct LoginLimit {
    std::string key;
    int max_failures = 10;
  };
  // Counts this attempt against every key at once, unless one is locked: then returns the seconds
  // until the longest lock ends (and counts nothing). 0: admitted, the attempt counted as failed.
  virtual Result<UnixTime> AdmitLogin(const std::vector<LoginLimit>& limits, UnixTime window, UnixTime now) = 0;
  // After the attempt: `clear` keys start again from zero, `forgive` keys take back one count.
  virtual Status SettleLogin(const std::vector<std::string>& clear, const std::vector<std::string>& forgive) = 0;

  // The council's reports (service/reports.h): a few grouped queries over a period, whatever its size.
  virtual Result<std::map<RecruitmentId, RecruitmentSummary>> SummariseRecruitments(OrgId org) = 0;
  virtual Result<std::vector<RecruitmentFacts>> ReportRecruitmentFacts(OrgId org, const ReportPeriod& period) = 0;
  // The period's applications (withdrawn ones left out) grouped by what the equality funnel counts;
  // each entry's `count` says how many alike.
  virtual Result<std::vector<FunnelEntry>> ReportFunnel(OrgId org, const ReportPeriod& period) = 0;
  // Identity reads by users of `role` in [from, to), by recruitment.
  virtual Result<std::map<RecruitmentId, std::int64_t>> CountIdentityReadsByRole(OrgId org, Role role, UnixTime from,
                                                                                 UnixTime to) = 0;

  // Audit log.
  virtual Status AppendAudit(const AuditEvent& event, UnixTime now) = 0;
  virtual Result<std::vector<AuditEntry>> ListAudit(OrgId org, std::int64_t after_seq, std::int64_t limit) = 0;
  // The same, narrowed: one recruitment (0: any) and actions starting with `action_prefix` ("" any).
  struct AuditFilter {
    RecruitmentId recruitment_id = 0;
    std::string action_prefix;
    bool newest_first = false;  // then `after_seq` continues below the given entry (0: from the newest)
  };
  virtual Result<std::vector<AuditEntry>> ListAuditWhere(OrgId org, std::int64_t after_seq, std::int64_t limit,
                                                         const AuditFilter& filter) = 0;
  // One recruitment's entries with `action`, oldest first (indexed).
  virtual Result<std::vector<AuditEntry>> ListAuditOf(OrgId org, RecruitmentId rec, std::string_view action) = 0;
  // The organisation's entries with `action` in [from, to), oldest first (indexed).
  virtual Result<std::vector<AuditEntry>> ListAuditByAction(OrgId org, std::string_view action, UnixTime from,
                                                            UnixTime to) = 0;
};

// The organisation's whole audit log, oldest first, read page by page.
Result<std::vector<AuditEntry>> WholeAuditLog(Store& store, OrgId org);

}  // namespace reilu::store
