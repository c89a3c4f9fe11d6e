// The SQLite backend of the SQL layer: WAL mode, full fsync on commit, foreign keys on.
#pragma once

#include <sqlite3.h>

#include <string>

#include "store/sql.h"

namespace reilu::store {

// Opens (creating if needed, unless read-only) the database file at `path`.
Result<Connection> OpenSqlite(const std::string& path, bool read_only = false);

// The SQLite handle under `conn`, for SQLite-only operations (online backup); null on another backend.
sqlite3* SqliteHandle(Connection& conn);

}  // namespace reilu::store
