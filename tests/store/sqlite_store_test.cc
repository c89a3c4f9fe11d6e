#include "store/sql_store.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include "store/migrations.h"
#include "store/sqlite_db.h"
#include "support/test_server.h"

namespace reilu::store {
namespace {

constexpr UnixTime kNow = 1800000000;
const char* kCanaryName = "Zebulonqx";
const char* kCanaryEmail = "zebulonqx.canary@example.test";

class SqlStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    REILU_SKIP_WITHOUT_DATABASE();
    ASSERT_TRUE(crypto::Init().ok());
    Reopen();
    org_ = testing::SeedOrganisation(*store_, "Org A", "a_");
    other_ = testing::SeedOrganisation(*store_, "Org B", "b_");
    Recruitment r;
    r.org_id = org_.org;
    r.owner_id = org_.users["hr"];
    r.languages = {"fi"};
    r.title = {{"fi", "Sihteeri"}};
    r.criteria = {{"exp", {{"fi", "Kokemus"}}, 1, {}}};
    r.deadline = kNow + 3600;
    r.reviewer_ids = {org_.users["reviewer"]};
    rec_ = *store_->CreateRecruitment(r, kNow);
    auto saved = *store_->GetRecruitment(org_.org, rec_);
    saved.state = RecruitmentState::kPublished;
    ASSERT_TRUE(store_->UpdateRecruitment(saved, std::nullopt, kNow).ok());
    recruitment_ = *store_->GetRecruitment(org_.org, rec_);
  }

  void Reopen() {
    store_.reset();
    auto s = app::OpenStore(testing::TestDataDir(dir_.path()));
    ASSERT_TRUE(s.ok()) << s.error().message;
    store_ = std::move(*s);
  }

  Receipt Submit(const std::string& first_name, const std::string& idem = "", const std::string& body_hash = "h") {
    NewApplication app;
    app.recruitment = &recruitment_;
    app.submission.identity.first_name = first_name;
    app.submission.identity.last_name = "Canary";
    app.submission.identity.email = kCanaryEmail;
    app.submission.identity.language = "fi";
    app.submission.free_text.cover_letter = std::string("Olen ") + first_name + ".";
    app.submission.merits.skills = {"Excel"};
    app.idempotency_key = idem;
    app.request_hash = body_hash;
    auto res = store_->SubmitApplication(app, kNow);
    EXPECT_TRUE(res.ok()) << (res.ok() ? "" : res.error().message);
    return res->receipt;
  }

  IdentityAccess LiftedAccess(const ApplicationId& id) {
    auto user = *store_->GetUser(org_.org, org_.users["reviewer"]);
    return *IdentityGate::Request({user, recruitment_, id, true, ""});
  }

  testing::TempDir dir_;
  std::unique_ptr<SqlStore> store_;
  testing::SeededOrg org_, other_;
  RecruitmentId rec_ = 0;
  Recruitment recruitment_;
};

std::string FileBytes(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// Each connection keeps its compiled statements: a statement handed out again starts unbound and
// from its first row, and the same text asked for while it is in use gets one of its own.
TEST(SqliteStatementCacheTest, ReusedStatementsStartAfreshAndNestedOnesAreTheirOwn) {
  testing::TempDir dir;
  auto conn = OpenSqlite((std::filesystem::path(dir.path()) / "cache.db").string());
  ASSERT_TRUE(conn.ok()) << conn.error().message;
  ASSERT_TRUE(conn->Exec("CREATE TABLE t (n INTEGER); INSERT INTO t VALUES (1), (2), (3);").ok());
  const char* sql = "SELECT n FROM t WHERE n >= $1 ORDER BY n";
  {
    auto outer = conn->Prepare(sql);
    ASSERT_TRUE(outer.ok());
    outer->Bind(1, std::int64_t{2});
    ASSERT_TRUE(outer->Step());
    EXPECT_EQ(outer->Int(0), 2);
    auto inner = conn->Prepare(sql);  // the cached one is in use
    ASSERT_TRUE(inner.ok());
    inner->Bind(1, std::int64_t{1});
    ASSERT_TRUE(inner->Step());
    EXPECT_EQ(inner->Int(0), 1);
    ASSERT_TRUE(outer->Step());
    EXPECT_EQ(outer->Int(0), 3);
  }
  auto again = conn->Prepare(sql);
  ASSERT_TRUE(again.ok());
  // Unbound: $1 is NULL, so no row compares.
  EXPECT_FALSE(again->Step());
  EXPECT_TRUE(again->status().ok());
}

// A node keeps the recruitment it loaded; a change made through another node (another store on the
// same database) is seen on the next load, because the kept copy is tied to the data version.
TEST_F(SqlStoreTest, AKeptRecruitmentGivesWayToAChangeFromAnotherNode) {
  auto other_node = app::OpenStore(testing::TestDataDir(dir_.path()));
  ASSERT_TRUE(other_node.ok()) << other_node.error().message;
  auto before = store_->GetRecruitment(org_.org, rec_);
  ASSERT_TRUE(before.ok());
  EXPECT_EQ(before->reviewer_ids, std::vector<UserId>{org_.users["reviewer"]});
  Recruitment changed = *before;
  changed.reviewer_ids = {org_.users["reviewer2"]};
  changed.title = {{"fi", "Pääsihteeri"}};
  ASSERT_TRUE((*other_node)->UpdateRecruitment(changed, std::nullopt, kNow).ok());
  auto after = store_->GetRecruitment(org_.org, rec_);
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(after->reviewer_ids, std::vector<UserId>{org_.users["reviewer2"]});
  EXPECT_EQ(after->title.at("fi"), "Pääsihteeri");
  // Another organisation still finds nothing, kept copy or not.
  EXPECT_EQ(store_->GetRecruitment(other_.org, rec_).error().code, ErrorCode::kNotFound);
}

// A request's first reads share one read transaction on SQLite: inside the scope they see the
// snapshot of its first read (a change committed meanwhile by another node is not seen), after it
// they see the change. On PostgreSQL there is no scope (reads take no lock to share).
TEST_F(SqlStoreTest, ReadsHeldTogetherSeeOneSnapshotUntilTheScopeEnds) {
  auto other_node = app::OpenStore(testing::TestDataDir(dir_.path()));
  ASSERT_TRUE(other_node.ok()) << other_node.error().message;
  auto together = store_->ReadTogether();
  if (testing::TestOnPostgres()) {
    EXPECT_EQ(together, nullptr);
    return;
  }
  ASSERT_NE(together, nullptr);
  EXPECT_EQ(store_->ReadTogether(), nullptr);  // one scope per thread: the outer one holds the reads
  auto before = store_->GetRecruitment(org_.org, rec_);
  ASSERT_TRUE(before.ok());
  Recruitment changed = *before;
  changed.title = {{"fi", "Pääsihteeri"}};
  ASSERT_TRUE((*other_node)->UpdateRecruitment(changed, std::nullopt, kNow).ok());
  auto inside = store_->GetRecruitment(org_.org, rec_);
  ASSERT_TRUE(inside.ok());
  EXPECT_EQ(inside->title.at("fi"), "Sihteeri");
  // Another thread's reads are its own: they see the change at once.
  std::string seen_elsewhere;
  std::thread([&] { seen_elsewhere = store_->GetRecruitment(org_.org, rec_)->title.at("fi"); }).join();
  EXPECT_EQ(seen_elsewhere, "Pääsihteeri");
  together.reset();
  auto after = store_->GetRecruitment(org_.org, rec_);
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(after->title.at("fi"), "Pääsihteeri");
  // The scope's connection went back to the pool: a new scope can be held.
  EXPECT_NE(store_->ReadTogether(), nullptr);
}

TEST_F(SqlStoreTest, IdentityIsEncryptedAtRest) {
  Submit(kCanaryName);
  std::string all;
  if (testing::TestOnPostgres()) {
    // Every row of every table as the server stores it (bytea shows as hex).
    auto conn = app::OpenDatabase(testing::TestDataDir(dir_.path()), true);
    ASSERT_TRUE(conn.ok());
    auto tables = conn->Prepare("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()");
    ASSERT_TRUE(tables.ok());
    std::vector<std::string> names;
    while (tables->Step()) names.push_back(tables->Text(0));
    ASSERT_FALSE(names.empty());
    for (const auto& name : names) {
      auto rows = conn->Prepare("SELECT CAST(t AS TEXT) FROM " + name + " t");
      ASSERT_TRUE(rows.ok());
      while (rows->Step()) all += rows->Text(0);
    }
  } else {
    all = FileBytes(dir_.path() / "reilu.db") + FileBytes(dir_.path() / "reilu.db-wal");
  }
  ASSERT_FALSE(all.empty());
  EXPECT_EQ(all.find(kCanaryName), std::string::npos);
  EXPECT_EQ(all.find(kCanaryEmail), std::string::npos);
  EXPECT_NE(all.find("Excel"), std::string::npos);  // merits are plain: the check itself works
}

TEST_F(SqlStoreTest, AnonymousViewCarriesNoIdentityAndNoRawText) {
  auto receipt = Submit(kCanaryName);
  auto list = store_->ListAnonymous(org_.org, rec_);
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 1u);
  const auto& a = list->front();
  EXPECT_EQ(a.id, receipt.application_id);
  EXPECT_FALSE(a.redacted.has_value());  // no redaction yet: reviewers get no free text at all
  EXPECT_EQ(a.merits.skills, std::vector<std::string>{"Excel"});
}

TEST_F(SqlStoreTest, ReadIdentityDecryptsAndAudits) {
  auto receipt = Submit(kCanaryName);
  auto before = store_->ListAudit(org_.org, 0, 1000)->size();
  auto full = store_->ReadIdentity(LiftedAccess(receipt.application_id), kNow);
  ASSERT_TRUE(full.ok()) << full.error().message;
  EXPECT_EQ(full->identity.first_name, kCanaryName);
  EXPECT_EQ(full->free_text.cover_letter, std::string("Olen ") + kCanaryName + ".");
  auto log = *store_->ListAudit(org_.org, 0, 1000);
  ASSERT_EQ(log.size(), before + 1);
  EXPECT_EQ(log.back().action, audit_action::kIdentityRead);
  EXPECT_EQ(log.back().application_id, receipt.application_id);
  EXPECT_EQ(log.back().actor_id, org_.users["reviewer"]);
}

TEST_F(SqlStoreTest, ShreddingTheKeyMakesIdentityUnreadable) {
  auto receipt = Submit(kCanaryName);
  ASSERT_TRUE(store_->ShredRecruitmentKey(org_.org, rec_, org_.users["admin"], kNow).ok());
  auto full = store_->ReadIdentity(LiftedAccess(receipt.application_id), kNow);
  ASSERT_FALSE(full.ok());
  EXPECT_EQ(full.error().code, ErrorCode::kNotFound);
  EXPECT_TRUE(store_->GetAnonymous(org_.org, rec_, receipt.application_id).ok());  // merits survive
  Reopen();
  EXPECT_FALSE(store_->ReadIdentity(LiftedAccess(receipt.application_id), kNow).ok());
}

TEST_F(SqlStoreTest, OtherOrganisationSeesNothing) {
  auto receipt = Submit(kCanaryName);
  EXPECT_EQ(store_->GetRecruitment(other_.org, rec_).error().code, ErrorCode::kNotFound);
  EXPECT_TRUE(store_->ListAnonymous(other_.org, rec_)->empty());
  EXPECT_EQ(store_->GetAnonymous(other_.org, rec_, receipt.application_id).error().code, ErrorCode::kNotFound);
  EXPECT_TRUE(store_->ListRecruitments(other_.org)->empty());
  // A reviewer of another organisation cannot be assigned.
  auto r = recruitment_;
  r.reviewer_ids = {other_.users["reviewer"]};
  EXPECT_EQ(store_->UpdateRecruitment(r, std::nullopt, kNow).error().code, ErrorCode::kInvalidInput);
}

TEST_F(SqlStoreTest, IdempotencyKeyReplaysAndRejectsReuse) {
  auto first = Submit(kCanaryName, "key-1", "hash-a");
  NewApplication again;
  again.recruitment = &recruitment_;
  again.submission.identity.first_name = kCanaryName;
  again.submission.identity.email = kCanaryEmail;
  again.idempotency_key = "key-1";
  again.request_hash = "hash-a";
  auto replay = store_->SubmitApplication(again, kNow);
  ASSERT_TRUE(replay.ok());
  EXPECT_TRUE(replay->replayed);
  EXPECT_EQ(replay->receipt.reference, first.reference);
  again.request_hash = "hash-b";
  EXPECT_EQ(store_->SubmitApplication(again, kNow).error().code, ErrorCode::kIdempotencyConflict);
  EXPECT_EQ(*store_->CountApplications(org_.org, rec_), 1);
}

TEST_F(SqlStoreTest, DeadlineIsCheckedInsideTheTransaction) {
  NewApplication app;
  app.recruitment = &recruitment_;
  app.submission.identity.first_name = "Late";
  auto late = store_->SubmitApplication(app, recruitment_.deadline);
  ASSERT_FALSE(late.ok());
  EXPECT_EQ(late.error().code, ErrorCode::kDeadlinePassed);
}

TEST_F(SqlStoreTest, PseudonymsAreUniqueWithinARecruitment) {
  std::set<std::string> seen;
  for (int i = 0; i < 200; ++i) Submit("Name" + std::to_string(i));
  auto list = store_->ListAnonymous(org_.org, rec_);
  ASSERT_TRUE(list.ok());
  for (const auto& a : *list) EXPECT_TRUE(seen.insert(a.pseudonym).second);
  EXPECT_EQ(seen.size(), 200u);
}

TEST_F(SqlStoreTest, LiftIsRecordedPerApplicationOrForAll) {
  auto a = Submit("A"), b = Submit("B");
  ASSERT_TRUE(store_->Lift(org_.org, rec_, {a.application_id}, org_.users["hr"], "Invited to interview", kNow).ok());
  auto state = *store_->GetLiftState(org_.org, rec_);
  EXPECT_TRUE(state.Covers(a.application_id));
  EXPECT_FALSE(state.Covers(b.application_id));
  EXPECT_EQ(store_->Lift(org_.org, rec_, {"no-such-app"}, org_.users["hr"], "Invited to interview", kNow).error().code,
            ErrorCode::kNotFound);
  EXPECT_FALSE(store_->GetLiftState(other_.org, rec_)->Covers(a.application_id));
  ASSERT_TRUE(store_->Lift(org_.org, rec_, {}, org_.users["hr"], "Everyone to the next round", kNow).ok());
  EXPECT_TRUE(store_->GetLiftState(org_.org, rec_)->Covers(b.application_id));
}

TEST_F(SqlStoreTest, AuditLogIsAppendOnlyAndTamperEvident) {
  Submit(kCanaryName);
  auto chain = *store_->ListAudit(org_.org, 0, 1000);
  ASSERT_GE(chain.size(), 3u);
  EXPECT_FALSE(FindChainBreak(chain, crypto::Sha256Hex).has_value());
  // Each organisation has its own chain starting at 1.
  EXPECT_EQ(store_->ListAudit(other_.org, 0, 1000)->front().seq, 1);

  auto conn = app::OpenDatabase(testing::TestDataDir(dir_.path()), false);
  ASSERT_TRUE(conn.ok());
  EXPECT_FALSE(conn->Exec("UPDATE audit_log SET detail = '{}' WHERE seq = 2").ok());
  EXPECT_FALSE(conn->Exec("DELETE FROM audit_log WHERE seq = 2").ok());
  // Someone with raw file access drops the guard and edits: the chain shows where.
  ASSERT_TRUE(conn->Exec(testing::DropAuditGuardSql(dir_.path())).ok());
  ASSERT_TRUE(
      conn->Exec("UPDATE audit_log SET actor_id = 999 WHERE seq = 2 AND org_id = " + std::to_string(org_.org)).ok());
  auto tampered = *store_->ListAudit(org_.org, 0, 1000);
  EXPECT_EQ(FindChainBreak(tampered, crypto::Sha256Hex), 2);
}

TEST_F(SqlStoreTest, MigrationsAreRecordedAndIdempotent) {
  Reopen();
  Reopen();
  auto conn = app::OpenDatabase(testing::TestDataDir(dir_.path()), true);
  ASSERT_TRUE(conn.ok());
  auto s = conn->Prepare("SELECT COUNT(*), MAX(version) FROM schema_migrations");
  ASSERT_TRUE(s.ok());
  ASSERT_TRUE(s->Step());
  EXPECT_EQ(s->Int(0), static_cast<std::int64_t>(SqliteMigrations().size()));
  EXPECT_EQ(s->Int(1), SqliteMigrations().back().version);
}

}  // namespace
}  // namespace reilu::store
