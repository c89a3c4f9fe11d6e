// The PostgreSQL backend of the SQL layer (libpq). Parameters are sent typed (64-bit integers,
// bytea in binary, text left for the server to infer); results come as text.
#pragma once

#include <string>

#include "store/sql.h"

namespace reilu::store {

// `conninfo`: a libpq connection string or URI (postgresql://user@host:port/db?options=...).
Result<Connection> OpenPostgres(const std::string& conninfo);

}  // namespace reilu::store
