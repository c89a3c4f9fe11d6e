// Versioned schema migrations, applied in order at start (`reilu migrate` or `reilu serve`).
// Each migration runs in its own transaction and is recorded in schema_migrations.
#pragma once

#include <span>
#include <string_view>

#include "core/result.h"
#include "store/sqlite_db.h"

namespace reilu::store {

struct Migration {
  int version;
  std::string_view name;
  std::string_view sql;
};

std::span<const Migration> SqliteMigrations();

// Applies every migration newer than the database's version; returns the resulting version.
Result<int> Migrate(Connection& conn);

}  // namespace reilu::store
