// Wiring: opens the data directory (database + server key) and builds the store.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>

#include "core/redaction.h"
#include "service/context.h"
#include "store/sql_store.h"

namespace reilu::app {

struct DataDir {
  explicit DataDir(std::filesystem::path data_root, std::filesystem::path key = {})
      : root(std::move(data_root)), key_file(std::move(key)) {}
  std::filesystem::path root;
  std::filesystem::path key_file;  // --key-file / REILU_KEY_FILE; empty: see ServerKey()
  std::string database_url;        // --database / REILU_DATABASE: a PostgreSQL URL; empty: SQLite in root
  bool OnPostgres() const { return !database_url.empty(); }
  std::filesystem::path Database() const { return root / "reilu.db"; }
  // Where mail goes while no SMTP relay is set (the embedded default).
  std::filesystem::path Outbox() const { return root / "outbox"; }
  // The key file given, else a systemd credential ($CREDENTIALS_DIRECTORY/reilu-server-key), else
  // reilu.key beside the database (for trying Reilu out: a copy of the folder then holds both).
  std::filesystem::path ServerKey() const;
  bool KeyBesideDatabase() const { return !OnPostgres() && ServerKey().parent_path() == root; }
};

UnixTime Now();

// Initialises crypto, loads (or creates) the server key and opens the migrated store (SQLite in
// the data directory, or PostgreSQL at the database URL).
// `readers`: reader connections, one per server thread, so that no request waits for one.
// `wrap`: applied to each connection before the store uses it (a test's look at what the database
// is given); none: the backend as it is.
using ConnectionWrapper = std::function<store::Connection(store::Connection)>;
Result<std::unique_ptr<store::SqlStore>> OpenStore(const DataDir& dir, int readers = 4,
                                                   const ConnectionWrapper& wrap = {});

// A plain connection to the database (for operations that run before the store opens).
Result<store::Connection> OpenDatabase(const DataDir& dir, bool read_only);

// Creates the demo organisation with users, a published anonymous recruitment and applications,
// unless the database already has an organisation. Everything goes through the use cases, so the
// demo's audit log and mail queue are what real use would leave.
Status SeedDemo(service::Context& ctx);
// A year of finished recruitments (demo_history.cc), so the reports show something at first start.
Status SeedHistory(service::Context& ctx, UnitId unit, const User& hr, const std::vector<User>& reviewers);
// Prints the URL and the demo logins to stdout.
void PrintDemoBanner(const std::string& base_url);

// Verifies every organisation's audit chain; prints the result; returns false on a break.
bool VerifyAuditChains(store::Store& store);

}  // namespace reilu::app
