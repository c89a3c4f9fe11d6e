// The operator's commands around the data: where the server key lives, backup and restore, key
// rotation and erasing a recruitment's identities.
#pragma once

#include <filesystem>
#include <string>

#include "app/app.h"
#include "store/store.h"

namespace reilu::app {

// Refuses a key that others could read or replace: the file must be 0600 and its folder writable by
// its owner only.
Status CheckKeyPlace(const std::filesystem::path& key_file);

// Forces a written file to disk (before it is renamed into place).
Status Fsync(const std::filesystem::path& path);

// Writes a consistent copy of the database to `out` while the server may run. The key is not in it.
// On PostgreSQL, pg_dump's (postgres_backup.h).
Status Backup(const DataDir& dir, const std::filesystem::path& out);

// Puts the backup `from` in place of the database after checking that it is intact and that the
// server key opens it (then reads back every recruitment key with it). An existing database is
// kept beside as reilu.db.before-restore-<time>, and only replaced with `replace`. On PostgreSQL,
// pg_restore's into the URL's schema (postgres_backup.h).
Status Restore(const DataDir& dir, const std::filesystem::path& from, bool replace);

// A new server key: everything sealed under the old one is re-sealed in one transaction, then the
// new key file replaces the old. Interrupted between the two, the next start finishes the change.
Status RotateServerKey(const DataDir& dir);

// Finishes an interrupted rotation (a `<key>.new` file): keeps whichever key the database takes.
Status FinishKeyRotation(const DataDir& dir);

// Erases one recruitment's identities for good: deletes its data key (sealed identities, originals
// and proposals become unreadable, backups included), the text of its queued and failed mail, and
// its messages in the outbox folder. Audited.
Status EraseIdentities(store::Store& store, const DataDir& dir, OrgId org, RecruitmentId recruitment);

}  // namespace reilu::app
