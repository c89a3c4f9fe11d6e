#include "app/app.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>

#include "app/operations.h"
#include "crypto/crypto.h"
#include "store/postgres_db.h"
#include "store/sqlite_db.h"

namespace reilu::app {

UnixTime Now() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

std::filesystem::path DataDir::ServerKey() const {
  if (!key_file.empty()) return key_file;
  if (const char* credentials = std::getenv("CREDENTIALS_DIRECTORY")) {
    std::filesystem::path credential = std::filesystem::path(credentials) / "reilu-server-key";
    std::error_code ec;
    if (std::filesystem::exists(credential, ec)) return credential;
  }
  return root / "reilu.key";
}

Result<std::unique_ptr<store::SqlStore>> OpenStore(const DataDir& dir, int readers, const ConnectionWrapper& wrap) {
  REILU_TRY(crypto::Init());
  std::error_code ec;
  std::filesystem::create_directories(dir.root, ec);
  if (ec) return MakeError(ErrorCode::kInternal, "Cannot create the data directory " + dir.root.string());
  std::filesystem::permissions(dir.root, std::filesystem::perms::owner_all, ec);
  REILU_TRY(CheckKeyPlace(dir.ServerKey()));
  REILU_TRY(FinishKeyRotation(dir));
  auto key = crypto::LoadOrCreateServerKey(dir.ServerKey());
  if (!key) return key.error();
  auto connect = [&]() -> Result<store::Connection> {
    auto conn = OpenDatabase(dir, false);
    if (!conn || !wrap) return conn;
    return wrap(std::move(*conn));
  };
  return store::SqlStore::OpenOn(connect, *key, readers);
}

Result<store::Connection> OpenDatabase(const DataDir& dir, bool read_only) {
  if (dir.OnPostgres()) return store::OpenPostgres(dir.database_url);
  return store::OpenSqlite(dir.Database().string(), read_only);
}

bool VerifyAuditChains(store::Store& store) {
  auto orgs = store.ListOrganisations();
  if (!orgs) {
    std::fprintf(stderr, "error: %s\n", orgs.error().message.c_str());
    return false;
  }
  bool all_ok = true;
  for (const auto& org : *orgs) {
    auto read = reilu::store::WholeAuditLog(store, org.id);
    if (!read) {
      std::fprintf(stderr, "error: %s\n", read.error().message.c_str());
      return false;
    }
    const std::vector<AuditEntry>& chain = *read;
    auto broken = FindChainBreak(chain, crypto::Sha256Hex);
    if (broken) {
      all_ok = false;
      std::printf("organisation %lld: BROKEN at entry %lld (of %zu)\n", static_cast<long long>(org.id),
                  static_cast<long long>(*broken), chain.size());
    } else {
      std::printf("organisation %lld: ok, %zu entries\n", static_cast<long long>(org.id), chain.size());
    }
  }
  return all_ok;
}

}  // namespace reilu::app
