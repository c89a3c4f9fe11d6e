// Serves the built browser UI (web/dist) from the same origin as the API: files by path, and
// index.html for any other path without an extension (the UI's own routes).
#pragma once

#include <filesystem>

#include "http/http.h"

namespace reilu::http {

// A handler for GET requests outside /api/. Refuses paths that climb out of `root`.
Handler StaticFiles(std::filesystem::path root);

// The Content-Type for a file name, by extension.
std::string ContentTypeFor(const std::filesystem::path& file);

}  // namespace reilu::http
