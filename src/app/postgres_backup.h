// `reilu backup` and `reilu restore` on PostgreSQL. PostgreSQL's own pg_dump and pg_restore
// (Debian's postgresql-client) do the copying; the connection's settings, password included,
// reach them through their environment, never their command line (which other local users can read).
#pragma once

#include <filesystem>

#include "app/app.h"

namespace reilu::app {

// A consistent copy (pg_dump's custom format, one snapshot) of the schema the store uses, written
// to `out` (0600) while the server may run. The server key is not in it.
Status BackupPostgres(const DataDir& dir, const std::filesystem::path& out);

// Restores such a copy into the database at dir.database_url after checking, in the copy itself,
// that the server key opens it. The schema must hold no Reilu tables yet, unless `replace`
// (then they are dropped and restored in one transaction). Opening afterwards migrates an older copy.
Status RestorePostgres(const DataDir& dir, const std::filesystem::path& from, bool replace);

}  // namespace reilu::app
