// The database backend is untrusted: whatever it is given must hold no applicant's identity in
// plaintext. A recording backend wraps the real one (SQLite, or PostgreSQL in the "pg." run) and
// keeps every statement, bound value and value read back; the whole demo (intake, release,
// screening, lift, interviews, decisions and their notices) and the applicant's and the registry's
// use cases then run over it, and every identity the store holds is looked for in what it saw.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <mutex>
#include <string>
#include <vector>

#include "app/app.h"
#include "redact/free_text_redactor.h"
#include "service/applicant.h"
#include "service/drafts.h"
#include "service/records.h"
#include "service/rectification.h"
#include "support/test_server.h"

namespace reilu::store {
namespace {

// Everything the backend was given or gave back, as text (SQL, text values) or bytes (blobs).
class Seen {
 public:
  void Text(std::string_view text) {
    std::lock_guard lock(mutex_);
    if (recording_) texts_.emplace_back(text);
  }
  void Blob(std::string_view bytes) {
    std::lock_guard lock(mutex_);
    if (recording_) blobs_.emplace_back(bytes);
  }
  void Stop() {
    std::lock_guard lock(mutex_);
    recording_ = false;
  }
  const std::vector<std::string>& texts() const { return texts_; }
  const std::vector<std::string>& blobs() const { return blobs_; }

 private:
  std::mutex mutex_;
  bool recording_ = true;
  std::vector<std::string> texts_;
  std::vector<std::string> blobs_;
};

class RecordingStatement final : public StatementBackend {
 public:
  RecordingStatement(std::unique_ptr<StatementBackend> inner, Seen& seen) : inner_(std::move(inner)), seen_(seen) {}
  void BindInt(int index, std::int64_t value) override { inner_->BindInt(index, value); }
  void BindText(int index, std::string_view text) override {
    seen_.Text(text);
    inner_->BindText(index, text);
  }
  void BindBlob(int index, std::string_view bytes) override {
    seen_.Blob(bytes);
    inner_->BindBlob(index, bytes);
  }
  void BindNull(int index) override { inner_->BindNull(index); }
  bool Step() override { return inner_->Step(); }
  Status status() const override { return inner_->status(); }
  std::int64_t Int(int column) const override { return inner_->Int(column); }
  std::string Text(int column) const override {
    std::string value = inner_->Text(column);
    seen_.Text(value);
    return value;
  }
  std::string Blob(int column) const override {
    std::string value = inner_->Blob(column);
    seen_.Blob(value);
    return value;
  }
  bool IsNull(int column) const override { return inner_->IsNull(column); }

 private:
  std::unique_ptr<StatementBackend> inner_;
  Seen& seen_;
};

class RecordingConnection final : public ConnectionBackend {
 public:
  RecordingConnection(Connection inner, Seen& seen) : inner_(std::move(inner)), seen_(seen) {}
  Dialect dialect() const override { return inner_.dialect(); }
  Status Exec(std::string_view sql) override {
    seen_.Text(sql);
    return inner_.Exec(sql);
  }
  Result<std::unique_ptr<StatementBackend>> Prepare(std::string_view sql) override {
    seen_.Text(sql);
    auto inner = inner_.backend().Prepare(sql);
    if (!inner) return inner.error();
    return std::unique_ptr<StatementBackend>(std::make_unique<RecordingStatement>(std::move(*inner), seen_));
  }
  std::int64_t Changes() const override { return inner_.Changes(); }
  Status BeginWrite() override { return inner_.backend().BeginWrite(); }

 private:
  Connection inner_;
  Seen& seen_;
};

bool IsWordByte(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u >= 0x80 || std::isalnum(u) != 0;
}

// `needle` in `haystack` as a whole word (a name inside a longer word does not count).
bool ContainsWord(std::string_view haystack, std::string_view needle) {
  for (size_t at = haystack.find(needle); at != std::string_view::npos; at = haystack.find(needle, at + 1)) {
    const bool starts = at == 0 || !IsWordByte(haystack[at - 1]);
    const size_t end = at + needle.size();
    const bool ends = end == haystack.size() || !IsWordByte(haystack[end]);
    if (starts && ends) return true;
  }
  return false;
}

User UserWithRole(Store& store, OrgId org, Role role) {
  auto users = store.ListUsers(org);
  EXPECT_TRUE(users.ok());
  for (const auto& u : *users) {
    if (u.role == role) return u;
  }
  ADD_FAILURE() << "no user with role " << static_cast<int>(role);
  return {};
}

class UntrustedBackendTest : public ::testing::Test {
 protected:
  void SetUp() override {
    REILU_SKIP_WITHOUT_DATABASE();
    auto opened = app::OpenStore(testing::TestDataDir(dir_.path()), 4, [this](Connection conn) {
      return Connection(std::make_unique<RecordingConnection>(std::move(conn), seen_));
    });
    ASSERT_TRUE(opened.ok()) << opened.error().message;
    store_ = std::move(*opened);
    ctx_ = std::make_unique<service::Context>(
        service::Context{*store_, redactor_, [] { return app::Now(); }, "https://rekry.example.fi"});
  }

  testing::TempDir dir_;
  Seen seen_;
  std::unique_ptr<SqlStore> store_;
  redact::EngineRedactor redactor_{std::chrono::seconds(30)};
  std::unique_ptr<service::Context> ctx_;
};

TEST_F(UntrustedBackendTest, TheDatabaseIsGivenNoIdentityInPlaintext) {
  ASSERT_TRUE(app::SeedDemo(*ctx_).ok());
  auto orgs = store_->ListOrganisations();
  ASSERT_TRUE(orgs.ok() && orgs->size() == 1);
  const OrgId org = orgs->front().id;
  auto recruitments = store_->ListRecruitments(org);
  ASSERT_TRUE(recruitments.ok());

  // The applicant's own use cases on the first anonymous application in screening, and the
  // registry giving out the list of applicants of that recruitment.
  const Recruitment* screening = nullptr;
  for (const auto& r : *recruitments) {
    if (r.state == RecruitmentState::kClosed && r.anonymous && !screening) screening = &r;
  }
  ASSERT_NE(screening, nullptr);
  auto listed = store_->ListAnonymous(org, screening->id);
  ASSERT_TRUE(listed.ok() && listed->size() >= 2);
  const ApplicationId& first = listed->front().id;
  auto reference = store_->ReferenceOf(org, screening->id, first);
  ASSERT_TRUE(reference.ok());
  auto applicant = service::IdentifyApplicant(*ctx_, *reference, store_->ApplicantToken(first));
  ASSERT_TRUE(applicant.ok()) << applicant.error().message;
  ASSERT_TRUE(service::StatusOf(*ctx_, *applicant).ok());
  ASSERT_TRUE(service::ExportOwnData(*ctx_, *applicant).ok());
  const std::string wrong_name = "Sukunimeni on kirjoitettu väärin, oikein se on Quillonberg.";
  ASSERT_TRUE(service::RequestRectification(*ctx_, *applicant, wrong_name).ok());
  ASSERT_TRUE(service::Withdraw(*ctx_, *applicant).ok());

  const User registry = UserWithRole(*store_, org, Role::kRegistry);
  RecordsRequest request;
  request.recruitment_id = screening->id;
  request.requester = "Lapin Kansa";
  request.requester_contact = "toimitus@lapinkansa.example";
  request.received_on = "2026-11-20";
  request.subject = "Hakijaluettelo";
  request.applicant_list = true;
  auto registered = service::RegisterRecordsRequest(*ctx_, registry, request);
  ASSERT_TRUE(registered.ok()) << registered.error().message;
  ASSERT_TRUE(service::DecideRecordsRequest(*ctx_, registry, registered->id, RecordsDecision::kDisclose, "",
                                            "Hakijoiden nimet ovat julkisia.")
                  .ok());
  auto disclosed = service::DiscloseApplicantList(*ctx_, registry, registered->id);
  ASSERT_TRUE(disclosed.ok()) << disclosed.error().message;

  // An applicant who keeps a draft of the form on the post still open.
  const Recruitment* open = nullptr;
  for (const auto& r : *recruitments) {
    if (r.state == RecruitmentState::kPublished && r.deadline > app::Now() && !open) open = &r;
  }
  ASSERT_NE(open, nullptr);
  const std::string draft_email = "zenobia.quarterfield@example.test";
  auto draft = service::KeepDraft(
      *ctx_, open->id, R"({"first_name":"Zenobia","last_name":"Quarterfield","email":")" + draft_email + R"("})",
      draft_email, "fi", "127.0.0.1");
  ASSERT_TRUE(draft.ok()) << draft.error().message;
  seen_.Stop();

  // Every identity the store holds, read back through the vault (what the backend must not see).
  std::vector<std::string> names = {"Zenobia", "Quarterfield", "Quillonberg"}, phrases = {wrong_name, draft_email};
  size_t identities = 0;
  for (const auto& r : *recruitments) {
    auto apps = store_->ListAnonymous(org, r.id);
    ASSERT_TRUE(apps.ok());
    std::vector<IdentityAccess> accesses;
    for (const auto& a : *apps) accesses.push_back(IdentityGate::ForApplicantSelf(r, a.id));
    auto read = store_->ReadIdentities(accesses, app::Now());
    ASSERT_TRUE(read.ok()) << read.error().message;
    for (const auto& app : *read) {
      const Identity& who = app.identity;
      ++identities;
      names.push_back(who.first_name);
      names.push_back(who.last_name);
      for (const auto* field : {&who.email, &who.phone, &who.street_address, &who.municipality, &who.birth_date}) {
        if (!field->empty()) phrases.push_back(*field);
      }
      phrases.push_back(who.first_name + " " + who.last_name);
    }
  }
  ASSERT_GE(identities, 40u);
  ASSERT_GT(seen_.texts().size(), 1000u);

  std::vector<std::string> leaks;
  for (const auto& text : seen_.texts()) {
    for (const auto& name : names) {
      if (!name.empty() && ContainsWord(text, name)) leaks.push_back(name + " in: " + text.substr(0, 300));
    }
    for (const auto& phrase : phrases) {
      if (text.find(phrase) != std::string::npos) leaks.push_back(phrase + " in: " + text.substr(0, 300));
    }
  }
  // Sealed values are random bytes: only phrases long enough not to occur in them by chance.
  for (const auto& bytes : seen_.blobs()) {
    for (const auto& phrase : phrases) {
      if (phrase.size() >= 8 && bytes.find(phrase) != std::string::npos) leaks.push_back(phrase + " in a blob");
    }
  }
  std::sort(leaks.begin(), leaks.end());
  leaks.erase(std::unique(leaks.begin(), leaks.end()), leaks.end());
  EXPECT_TRUE(leaks.empty()) << leaks.size() << " leaks, e.g.:\n"
                             << [&] {
                                  std::string shown;
                                  for (size_t i = 0; i < leaks.size() && i < 20; ++i) shown += leaks[i] + "\n";
                                  return shown;
                                }();
}

}  // namespace
}  // namespace reilu::store
