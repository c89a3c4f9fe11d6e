// The operator's commands: backup and restore, server key rotation and placement, erasure.
#include "app/operations.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <random>

#include "crypto/crypto.h"
#include "notify/transport.h"
#include "store/postgres_db.h"
#include "store/sqlite_db.h"
#include "support/test_server.h"

namespace reilu::app {
namespace {

namespace fs = std::filesystem;
constexpr UnixTime kNow = 1800000000;

// An organisation with one recruitment, one application and queued mail, in `dir`.
struct Seeded {
  testing::SeededOrg org;
  Recruitment recruitment;
  ApplicationId application;
  std::string token;
};

Seeded Seed(store::SqlStore& store) {
  Seeded s;
  s.org = testing::SeedOrganisation(store, "Org A", "a_");
  Recruitment r;
  r.org_id = s.org.org;
  r.owner_id = s.org.users["hr"];
  r.languages = {"fi"};
  r.title = {{"fi", "Sihteeri"}};
  r.criteria = {{"exp", {{"fi", "Kokemus"}}, 1, {}}};
  r.deadline = kNow + 3600;
  auto id = store.CreateRecruitment(r, kNow);
  EXPECT_TRUE(id.ok());
  s.recruitment = *store.GetRecruitment(s.org.org, *id);
  s.recruitment.state = RecruitmentState::kPublished;
  EXPECT_TRUE(store.UpdateRecruitment(s.recruitment, std::nullopt, kNow).ok());
  s.recruitment = *store.GetRecruitment(s.org.org, *id);
  store::NewApplication app;
  app.recruitment = &s.recruitment;
  app.submission.identity.first_name = "Zebulonqx";
  app.submission.identity.last_name = "Canary";
  app.submission.identity.email = "zebulonqx@example.test";
  app.submission.identity.language = "fi";
  app.receipt_mail = [&](const Receipt&) {
    return std::optional<store::OutgoingMail>(
        store::OutgoingMail{s.org.org, *id, "receipt", "noreply@example.test", "zebulonqx@example.test", "eml"});
  };
  auto submitted = store.SubmitApplication(app, kNow);
  EXPECT_TRUE(submitted.ok());
  s.application = submitted->receipt.application_id;
  s.token = store.ApplicantToken(s.application);
  EXPECT_TRUE(store.SetMailSettings(s.org.org, R"({"host":"smtp.example.test"})", 0, kNow).ok());
  return s;
}

std::string FirstNameThroughTheGate(store::SqlStore& store, const Seeded& s) {
  auto hr = store.GetUser(s.org.org, s.org.users.at("hr"));
  EXPECT_TRUE(hr.ok());
  auto access = IdentityGate::Request({*hr, s.recruitment, s.application, false, "Checking the restored data"});
  EXPECT_TRUE(access.ok());
  auto full = store.ReadIdentity(*access, kNow);
  if (!full) return "error: " + full.error().message;
  return full->identity.first_name;
}

class OperationsTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(crypto::Init().ok()); }
  testing::TempDir tmp_;
  DataDir Dir(const std::string& name, fs::path key = {}) { return DataDir(tmp_.path() / name, std::move(key)); }
};

TEST_F(OperationsTest, ABackupIsRestoredAndReadBackWithTheKey) {
  DataDir live = Dir("live");
  Seeded s;
  {
    auto store = OpenStore(live);
    ASSERT_TRUE(store.ok()) << store.error().message;
    s = Seed(**store);
    // Taken while the store is open, as on a running server.
    ASSERT_TRUE(Backup(live, tmp_.path() / "copy.db").ok());
  }
  std::ifstream copy(tmp_.path() / "copy.db", std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(copy)), std::istreambuf_iterator<char>());
  EXPECT_EQ(bytes.find("Zebulonqx"), std::string::npos);  // identity only as ciphertext
  EXPECT_EQ((fs::status(tmp_.path() / "copy.db").permissions() & fs::perms::others_read), fs::perms::none);

  DataDir restored = Dir("restored", live.ServerKey());
  Status done = Restore(restored, tmp_.path() / "copy.db", false);
  ASSERT_TRUE(done.ok()) << done.error().message;
  auto store = OpenStore(restored);
  ASSERT_TRUE(store.ok()) << store.error().message;
  EXPECT_EQ(FirstNameThroughTheGate(**store, s), "Zebulonqx");
  EXPECT_EQ((*store)->ApplicantToken(s.application), s.token);
}

TEST_F(OperationsTest, RestoreRefusesAnotherKeyADamagedFileAndAnUnnamedReplacement) {
  DataDir live = Dir("live");
  {
    auto store = OpenStore(live);
    ASSERT_TRUE(store.ok());
    Seed(**store);
  }
  ASSERT_TRUE(Backup(live, tmp_.path() / "copy.db").ok());

  DataDir stranger = Dir("stranger");
  ASSERT_TRUE(OpenStore(stranger).ok());  // its own, different key
  fs::remove(stranger.Database());
  Status wrong_key = Restore(stranger, tmp_.path() / "copy.db", false);
  ASSERT_FALSE(wrong_key.ok());
  EXPECT_EQ(wrong_key.error().code, ErrorCode::kInvalidInput);
  EXPECT_FALSE(fs::exists(stranger.Database()));

  std::ofstream(tmp_.path() / "junk.db") << "not a database at all, only text";
  Status junk = Restore(Dir("other", live.ServerKey()), tmp_.path() / "junk.db", false);
  ASSERT_FALSE(junk.ok());
  EXPECT_EQ(junk.error().code, ErrorCode::kInvalidInput);

  Status over = Restore(live, tmp_.path() / "copy.db", false);
  ASSERT_FALSE(over.ok());
  EXPECT_EQ(over.error().code, ErrorCode::kConflict);
  ASSERT_TRUE(Restore(live, tmp_.path() / "copy.db", true).ok());
  bool kept = false;
  for (const auto& entry : fs::directory_iterator(live.root)) {
    kept |= entry.path().filename().string().rfind("reilu.db.before-restore-", 0) == 0;
  }
  EXPECT_TRUE(kept);
}

// PostgreSQL: pg_dump's copy of the store's schema, restored into an empty database (the same
// schema name), read back through the gate with the key. Skipped, and said so, without the test
// server scripts/test starts.
class PostgresOperationsTest : public OperationsTest {
 protected:
  void SetUp() override {
    OperationsTest::SetUp();
    const char* url = std::getenv("REILU_TEST_POSTGRES");
    if (!url) GTEST_SKIP() << "REILU_TEST_POSTGRES is not set: scripts/test starts a PostgreSQL server";
    base_ = url;
    std::random_device rd;
    suffix_ = std::to_string(rd()) + std::to_string(rd());
  }
  // A URL to `database` (on the test server) with `schema` first on the search path.
  std::string Url(const std::string& database, const std::string& schema) const {
    std::string url = base_.substr(0, base_.rfind('/') + 1) + database;
    return url + "?options=-csearch_path%3D" + schema;
  }
  std::string TestDatabase() const { return base_.substr(base_.rfind('/') + 1); }
  void Run(const std::string& sql) {
    auto conn = store::OpenPostgres(base_);
    ASSERT_TRUE(conn.ok()) << conn.error().message;
    Status done = conn->Exec(sql);
    ASSERT_TRUE(done.ok()) << done.error().message;
  }
  DataDir PgDir(const std::string& name, const std::string& url, fs::path key = {}) {
    DataDir dir = Dir(name, std::move(key));
    dir.database_url = url;
    return dir;
  }
  std::string base_, suffix_;
};

TEST_F(PostgresOperationsTest, ABackupIsRestoredIntoAnEmptyDatabaseAndReadBackWithTheKey) {
  const std::string schema = "backup" + suffix_;
  Run("CREATE SCHEMA " + schema);
  DataDir live = PgDir("live", Url(TestDatabase(), schema));
  Seeded s;
  {
    auto store = OpenStore(live);
    ASSERT_TRUE(store.ok()) << store.error().message;
    s = Seed(**store);
    Status done = Backup(live, tmp_.path() / "copy.dump");  // while the store is open
    ASSERT_TRUE(done.ok()) << done.error().message;
  }
  std::string bytes = [&] {
    std::ifstream copy(tmp_.path() / "copy.dump", std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(copy)), std::istreambuf_iterator<char>());
  }();
  EXPECT_EQ(bytes.rfind("PGDMP", 0), 0u);
  EXPECT_EQ(bytes.find("Zebulonqx"), std::string::npos);  // identity only as ciphertext
  EXPECT_EQ((fs::status(tmp_.path() / "copy.dump").permissions() & fs::perms::others_read), fs::perms::none);

  // Another installation's key opens nothing, and nothing is restored.
  const std::string database = "restored" + suffix_;
  Run("CREATE DATABASE " + database);
  DataDir stranger = PgDir("stranger", Url(database, schema));
  ASSERT_TRUE(OpenStore(Dir("stranger")).ok());  // makes the stranger's own key
  Status wrong_key = Restore(stranger, tmp_.path() / "copy.dump", false);
  ASSERT_FALSE(wrong_key.ok());
  EXPECT_EQ(wrong_key.error().code, ErrorCode::kInvalidInput);
  {
    auto target = store::OpenPostgres(Url(database, schema));
    ASSERT_TRUE(target.ok());
    auto q = target->Prepare("SELECT count(*) FROM pg_namespace WHERE nspname = $1");
    ASSERT_TRUE(q.ok());
    q->Bind(1, std::string_view(schema));
    ASSERT_TRUE(q->Step());
    EXPECT_EQ(q->Int(0), 0);
  }
  std::ofstream(tmp_.path() / "junk.dump") << "not a dump at all";
  Status junk = Restore(PgDir("other", Url(database, schema), live.ServerKey()), tmp_.path() / "junk.dump", false);
  ASSERT_FALSE(junk.ok());
  EXPECT_EQ(junk.error().code, ErrorCode::kInvalidInput);

  DataDir restored = PgDir("restored", Url(database, schema), live.ServerKey());
  Status done = Restore(restored, tmp_.path() / "copy.dump", false);
  ASSERT_TRUE(done.ok()) << done.error().message;
  {
    auto store = OpenStore(restored);
    ASSERT_TRUE(store.ok()) << store.error().message;
    EXPECT_EQ(FirstNameThroughTheGate(**store, s), "Zebulonqx");
    EXPECT_EQ((*store)->ApplicantToken(s.application), s.token);
  }
  // A second restore needs --replace, and then gives the same data.
  Status again = Restore(restored, tmp_.path() / "copy.dump", false);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  Status replaced = Restore(restored, tmp_.path() / "copy.dump", true);
  ASSERT_TRUE(replaced.ok()) << replaced.error().message;
  auto store = OpenStore(restored);
  ASSERT_TRUE(store.ok());
  EXPECT_EQ(FirstNameThroughTheGate(**store, s), "Zebulonqx");
  store->reset();
  Run("DROP DATABASE " + database + " WITH (FORCE)");
}

TEST_F(OperationsTest, KeyRotationKeepsIdentitiesMailSettingsQueuedMailAndStatusLinks) {
  DataDir dir = Dir("live");
  Seeded s;
  {
    auto store = OpenStore(dir);
    ASSERT_TRUE(store.ok());
    s = Seed(**store);
  }
  auto old_key = crypto::LoadServerKey(dir.ServerKey());
  ASSERT_TRUE(old_key.ok());
  Status rotated = RotateServerKey(dir);
  ASSERT_TRUE(rotated.ok()) << rotated.error().message;
  EXPECT_FALSE(fs::exists(dir.ServerKey().string() + ".new"));
  auto conn = store::OpenSqlite(dir.Database().string(), true);
  ASSERT_TRUE(conn.ok());
  EXPECT_FALSE(*store::SqlStore::ServerKeyOpens(*conn, *old_key));

  auto store = OpenStore(dir);
  ASSERT_TRUE(store.ok()) << store.error().message;
  EXPECT_EQ(FirstNameThroughTheGate(**store, s), "Zebulonqx");
  EXPECT_EQ((*store)->ApplicantToken(s.application), s.token);  // links already e-mailed still work
  auto settings = (*store)->GetMailSettings(s.org.org);
  ASSERT_TRUE(settings.ok()) << settings.error().message;
  ASSERT_TRUE(settings->has_value());
  EXPECT_NE((*settings)->find("smtp.example.test"), std::string::npos);
  auto mail = (*store)->ClaimDueMail(kNow + 10, 10, 60);
  ASSERT_TRUE(mail.ok()) << mail.error().message;
  ASSERT_EQ(mail->size(), 1u);
  EXPECT_EQ(mail->front().to, "zebulonqx@example.test");
  auto audit = (*store)->ListAudit(s.org.org, 0, 1000);
  ASSERT_TRUE(audit.ok());
  EXPECT_EQ(
      std::count_if(audit->begin(), audit->end(), [](const AuditEntry& e) { return e.action == "server_key.rotate"; }),
      1);
}

TEST_F(OperationsTest, AnotherInstallationsKeyIsRefusedAtStart) {
  DataDir dir = Dir("live");
  ASSERT_TRUE(OpenStore(dir).ok());
  DataDir other = Dir("other");
  ASSERT_TRUE(OpenStore(other).ok());
  auto mixed = OpenStore(DataDir(dir.root, other.ServerKey()));
  ASSERT_FALSE(mixed.ok());
  EXPECT_NE(mixed.error().message.find("does not belong"), std::string::npos);
}

TEST_F(OperationsTest, AnInterruptedRotationIsFinishedOrUndoneAtTheNextStart) {
  DataDir dir = Dir("live");
  Seeded s;
  crypto::SecretKey next = crypto::SecretKey::Generate();
  {
    auto store = OpenStore(dir);
    ASSERT_TRUE(store.ok());
    s = Seed(**store);
    // The database took the new key, then the process died before the file swap.
    ASSERT_TRUE(crypto::WriteServerKey(dir.ServerKey().string() + ".new", next).ok());
    ASSERT_TRUE((*store)->RotateServerKey(next, kNow).ok());
  }
  {
    auto store = OpenStore(dir);
    ASSERT_TRUE(store.ok()) << store.error().message;
    EXPECT_EQ(FirstNameThroughTheGate(**store, s), "Zebulonqx");
  }
  auto in_place = crypto::LoadServerKey(dir.ServerKey());
  ASSERT_TRUE(in_place.ok());
  EXPECT_TRUE(std::equal(in_place->bytes().begin(), in_place->bytes().end(), next.bytes().begin()));
  // A new key file the database never took (died before the commit) is dropped.
  ASSERT_TRUE(crypto::WriteServerKey(dir.ServerKey().string() + ".new", crypto::SecretKey::Generate()).ok());
  auto store = OpenStore(dir);
  ASSERT_TRUE(store.ok()) << store.error().message;
  EXPECT_FALSE(fs::exists(dir.ServerKey().string() + ".new"));
  EXPECT_EQ(FirstNameThroughTheGate(**store, s), "Zebulonqx");
}

TEST_F(OperationsTest, AKeyOthersCouldReadOrReplaceIsRefused) {
  fs::path keys = tmp_.path() / "keys";
  fs::create_directories(keys);
  fs::permissions(keys, fs::perms::owner_all);
  DataDir dir = Dir("live", keys / "reilu.key");
  ASSERT_TRUE(OpenStore(dir).ok());
  EXPECT_FALSE(dir.KeyBesideDatabase());
  fs::permissions(keys / "reilu.key", fs::perms::others_read, fs::perm_options::add);
  auto readable = OpenStore(dir);
  ASSERT_FALSE(readable.ok());
  EXPECT_NE(readable.error().message.find("chmod 600"), std::string::npos);
  fs::permissions(keys / "reilu.key", fs::perms::owner_read | fs::perms::owner_write);
  fs::permissions(keys, fs::perms::others_write, fs::perm_options::add);
  auto replaceable = OpenStore(dir);
  ASSERT_FALSE(replaceable.ok());
  EXPECT_NE(replaceable.error().message.find("writable by its owner only"), std::string::npos);
}

TEST_F(OperationsTest, TheEraseCommandShredsOneRecruitmentsIdentities) {
  DataDir dir = Dir("live");
  Seeded s;
  {
    auto store = OpenStore(dir);
    ASSERT_TRUE(store.ok());
    s = Seed(**store);
  }
  const std::string base = testing::ReiluBinary() + " --data-dir " + dir.root.string() +
                           " recruitment erase-identities --org " + std::to_string(s.org.org) + " --recruitment " +
                           std::to_string(s.recruitment.id);
  EXPECT_NE(std::system((base + " > /dev/null 2>&1").c_str()), 0);  // without --confirm
  std::string outbox_file;
  {
    auto store = OpenStore(dir);
    ASSERT_TRUE(store.ok());
    EXPECT_EQ(FirstNameThroughTheGate(**store, s), "Zebulonqx");
    // The receipt as the outbox transport writes it (named by its queue id).
    auto mail = (*store)->ListMail(s.org.org, s.recruitment.id);
    ASSERT_TRUE(mail.ok());
    ASSERT_EQ(mail->size(), 1u);
    notify::OutboxDirectory outbox(dir.Outbox().string());
    ASSERT_TRUE(
        outbox.Send({mail->front().id, "noreply@example.test", "zebulonqx@example.test", "To: zebulonqx"}).ok());
    outbox_file = notify::OutboxDirectory::OutboxFileOf(dir.Outbox().string(), mail->front().id);
    ASSERT_TRUE(fs::exists(outbox_file));
  }
  EXPECT_EQ(std::system((base + " --confirm > /dev/null").c_str()), 0);
  auto store = OpenStore(dir);
  ASSERT_TRUE(store.ok());
  EXPECT_NE(FirstNameThroughTheGate(**store, s).find("erased"), std::string::npos);
  // The mail to its applicants goes too: the queued text, and the outbox file.
  EXPECT_FALSE(fs::exists(outbox_file));
  auto mail = (*store)->ListMail(s.org.org, s.recruitment.id);
  ASSERT_TRUE(mail.ok());
  EXPECT_EQ(mail->front().status, "erased");
  auto due = (*store)->ClaimDueMail(kNow + 86400, 100, 60);
  ASSERT_TRUE(due.ok());
  EXPECT_TRUE(due->empty());
  auto audit = (*store)->ListAudit(s.org.org, 0, 1000);
  ASSERT_TRUE(audit.ok());
  std::string actions;
  for (const auto& e : *audit) actions += e.action + " ";
  EXPECT_EQ(audit->back().action, "recruitment.key_shred") << actions;
}

}  // namespace
}  // namespace reilu::app
