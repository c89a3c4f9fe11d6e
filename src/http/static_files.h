// Serves the built browser UI (web/dist) from the same origin as the API: files by path, and
// index.html for any other path without an extension (the UI's own routes).
#pragma once

#include <filesystem>

#include "http/http.h"

namespace reilu::http {

// The strict policy for API responses and files.
inline constexpr std::string_view kContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
    "base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

// The policy for the UI's page: styles only from our origin or <style> elements carrying this
// response's nonce (styled-components reads it from <meta property="csp-nonce">). Scripts stay 'self'.
std::string PagePolicy(const std::string& nonce);

// A handler for GET requests outside /api/. Refuses paths that climb out of `root`. index.html is
// served with a fresh nonce from `make_nonce` for every response.
Handler StaticFiles(std::filesystem::path root, std::function<std::string()> make_nonce);

// The Content-Type for a file name, by extension.
std::string ContentTypeFor(const std::filesystem::path& file);

}  // namespace reilu::http
