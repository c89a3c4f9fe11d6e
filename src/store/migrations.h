// Versioned schema migrations, applied in order at start (`reilu migrate` or `reilu serve`).
// Each migration runs in its own transaction and is recorded in schema_migrations.
#pragma once

#include <span>
#include <string_view>

#include <string>
#include "core/result.h"

#include "store/sql.h"

namespace reilu::store {

struct Migration {
  int version;
  std::string_view name;
  std::string_view sql;
};

std::span<const Migration> SqliteMigrations();

// The migration's SQL for `dialect` (written for SQLite; translated for PostgreSQL).
std::string MigrationSql(const Migration& m, Dialect dialect);

// Applies every migration newer than the database's version; returns the resulting version.
Result<int> Migrate(Connection& conn);

}  // namespace reilu::store
