#include "app/operations.h"

#include <sys/stat.h>

#include <cstdio>
#include <fstream>

#include "app/postgres_backup.h"
#include "crypto/crypto.h"
#include "notify/transport.h"
#include "store/sqlite_db.h"

namespace reilu::app {

namespace fs = std::filesystem;

namespace {

fs::path PendingKey(const DataDir& dir) { return fs::path(dir.ServerKey().string() + ".new"); }

// PRAGMA integrity_check answers "ok" for an intact database file.
Status CheckIntact(const fs::path& db) {
  auto conn = store::OpenSqlite(db.string(), true);
  if (!conn) return MakeError(ErrorCode::kInvalidInput, db.string() + " is not a Reilu database.");
  auto s = conn->Prepare("PRAGMA integrity_check");
  if (!s) return MakeError(ErrorCode::kInvalidInput, db.string() + " is not a Reilu database.");
  if (!s->Step() || s->Text(0) != "ok") {
    return MakeError(ErrorCode::kInvalidInput, db.string() + " is damaged (integrity check failed).");
  }
  return OkStatus();
}

}  // namespace

Status Fsync(const fs::path& path) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return MakeError(ErrorCode::kInternal, "Cannot open " + path.string());
  int rc = ::fsync(fileno(f));
  std::fclose(f);
  if (rc != 0) return MakeError(ErrorCode::kInternal, "Cannot sync " + path.string());
  return OkStatus();
}

Status CheckKeyPlace(const fs::path& key_file) {
  struct stat st {};
  if (::stat(key_file.c_str(), &st) == 0 && (st.st_mode & 077) != 0) {
    return MakeError(ErrorCode::kInternal,
                     "The server key " + key_file.string() + " must not be readable by group or others (chmod 600).");
  }
  fs::path folder = key_file.parent_path().empty() ? fs::path(".") : key_file.parent_path();
  if (::stat(folder.c_str(), &st) == 0 && (st.st_mode & (S_IWGRP | S_IWOTH)) != 0) {
    return MakeError(ErrorCode::kInternal, "The folder of the server key, " + folder.string() +
                                               ", must be writable by its owner only: others could replace the key.");
  }
  return OkStatus();
}

Status Backup(const DataDir& dir, const fs::path& out) {
  if (dir.OnPostgres()) return BackupPostgres(dir, out);
  auto store = OpenStore(dir);
  if (!store) return store.error();
  fs::path tmp = out.string() + ".tmp";
  REILU_TRY((*store)->BackupTo(tmp.string()));
  REILU_TRY(CheckIntact(tmp));
  REILU_TRY(Fsync(tmp));
  std::error_code ec;
  fs::rename(tmp, out, ec);
  if (ec) return MakeError(ErrorCode::kInternal, "Cannot move the backup to " + out.string() + ": " + ec.message());
  return OkStatus();
}

Status Restore(const DataDir& dir, const fs::path& from, bool replace) {
  if (dir.OnPostgres()) return RestorePostgres(dir, from, replace);
  REILU_TRY(crypto::Init());
  REILU_TRY(CheckIntact(from));
  auto key = crypto::LoadServerKey(dir.ServerKey());
  if (!key) {
    return MakeError(ErrorCode::kInvalidInput,
                     key.error().message + " A restore needs the server key the backup was made with.");
  }
  auto backup = store::OpenSqlite(from.string(), true);
  if (!backup) return backup.error();
  auto opens = store::SqlStore::ServerKeyOpens(*backup, *key);
  if (!opens) return opens.error();
  if (!*opens) {
    return MakeError(ErrorCode::kInvalidInput, "The server key at " + dir.ServerKey().string() +
                                                   " does not open this backup; find the key it was made with.");
  }
  std::error_code ec;
  fs::create_directories(dir.root, ec);
  if (fs::exists(dir.Database())) {
    if (!replace) {
      return MakeError(ErrorCode::kConflict, "A database already exists at " + dir.Database().string() +
                                                 "; stop the server and add --replace.");
    }
    fs::path kept = dir.Database().string() + ".before-restore-" + std::to_string(Now());
    fs::rename(dir.Database(), kept, ec);
    if (ec) return MakeError(ErrorCode::kInternal, "Cannot move the old database aside: " + ec.message());
    for (const char* suffix : {"-wal", "-shm"}) fs::remove(dir.Database().string() + suffix, ec);
    std::fprintf(stderr, "the old database is kept as %s\n", kept.c_str());
  }
  fs::path tmp = dir.Database().string() + ".restoring";
  fs::copy_file(from, tmp, fs::copy_options::overwrite_existing, ec);
  if (ec) return MakeError(ErrorCode::kInternal, "Cannot copy the backup: " + ec.message());
  fs::permissions(tmp, fs::perms::owner_read | fs::perms::owner_write, ec);
  REILU_TRY(Fsync(tmp));
  fs::rename(tmp, dir.Database(), ec);
  if (ec) return MakeError(ErrorCode::kInternal, "Cannot put the backup in place: " + ec.message());
  // Opening migrates an older backup and checks the key once more.
  auto store = OpenStore(dir);
  if (!store) return store.error();
  return OkStatus();
}

Status FinishKeyRotation(const DataDir& dir) {
  fs::path pending = PendingKey(dir);
  if (!fs::exists(pending)) return OkStatus();
  std::error_code ec;
  auto next = crypto::LoadServerKey(pending);
  Result<bool> opens = false;
  if (next && (dir.OnPostgres() || fs::exists(dir.Database()))) {
    auto conn = OpenDatabase(dir, true);
    if (!conn) return conn.error();
    opens = store::SqlStore::ServerKeyOpens(*conn, *next);
  }
  if (opens && *opens) {
    // The database took the new key; the file swap did not happen yet.
    fs::rename(pending, dir.ServerKey(), ec);
    if (ec) return MakeError(ErrorCode::kInternal, "Cannot finish the key rotation: " + ec.message());
    std::fprintf(stderr, "finished an interrupted key rotation\n");
  } else {
    fs::remove(pending, ec);  // the rotation never committed: the old key stays
  }
  return OkStatus();
}

Status RotateServerKey(const DataDir& dir) {
  auto store = OpenStore(dir);
  if (!store) return store.error();
  crypto::SecretKey next = crypto::SecretKey::Generate();
  fs::path pending = PendingKey(dir);
  REILU_TRY(crypto::WriteServerKey(pending, next));
  Status rotated = (*store)->RotateServerKey(next, Now());
  if (!rotated) {
    std::error_code ec;
    fs::remove(pending, ec);
    return rotated;
  }
  std::error_code ec;
  fs::rename(pending, dir.ServerKey(), ec);
  if (ec)
    return MakeError(ErrorCode::kInternal, "The database uses the new key in " + pending.string() +
                                               " but it could not replace the old file: " + ec.message());
  return OkStatus();
}

Status EraseIdentities(store::Store& store, const DataDir& dir, OrgId org, RecruitmentId recruitment) {
  auto mail = store.ListMail(org, recruitment);
  if (!mail) return mail.error();
  REILU_TRY(store.ShredRecruitmentKey(org, recruitment, 0, Now()));
  for (const auto& m : *mail) {
    const std::string file = notify::OutboxDirectory::OutboxFileOf(dir.Outbox().string(), m.id);
    std::error_code ignored;  // a message never written to the outbox has no file
    if (!file.empty()) std::filesystem::remove(file, ignored);
  }
  return OkStatus();
}

}  // namespace reilu::app
