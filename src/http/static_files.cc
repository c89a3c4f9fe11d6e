#include "http/static_files.h"

#include "http/compress.h"

#include <fstream>
#include <map>
#include <sstream>

namespace reilu::http {

namespace {

std::optional<std::string> ReadFile(const std::filesystem::path& file) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(file, ec)) return std::nullopt;
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// The request path as a relative file path inside the root, or nullopt when it would leave it.
std::optional<std::filesystem::path> Relative(const std::string& path) {
  if (path.empty() || path[0] != '/' || path.find('\0') != std::string::npos || path.find('\\') != std::string::npos) {
    return std::nullopt;
  }
  std::filesystem::path rel;
  std::stringstream segments(path.substr(1));
  std::string segment;
  while (std::getline(segments, segment, '/')) {
    if (segment.empty() || segment == ".") continue;
    if (segment == ".." || segment[0] == '.') return std::nullopt;  // no climbing, no hidden files
    rel /= segment;
  }
  return rel;
}

Response FileResponse(std::string body, const std::filesystem::path& file, bool immutable) {
  Response res{200, ContentTypeFor(file), std::move(body), {}};
  // Built assets carry a content hash in their names; everything else must be revalidated.
  res.headers.emplace_back("Cache-Control", immutable ? "public, max-age=31536000, immutable" : "no-cache");
  return res;
}

}  // namespace

std::string ContentTypeFor(const std::filesystem::path& file) {
  static const std::map<std::string, std::string> kTypes = {{".html", "text/html; charset=utf-8"},
                                                            {".js", "text/javascript; charset=utf-8"},
                                                            {".css", "text/css; charset=utf-8"},
                                                            {".json", "application/json"},
                                                            {".svg", "image/svg+xml"},
                                                            {".png", "image/png"},
                                                            {".ico", "image/x-icon"},
                                                            {".woff2", "font/woff2"},
                                                            {".woff", "font/woff"},
                                                            {".txt", "text/plain; charset=utf-8"},
                                                            {".webmanifest", "application/manifest+json"}};
  auto it = kTypes.find(file.extension().string());
  return it == kTypes.end() ? "application/octet-stream" : it->second;
}

std::string PagePolicy(const std::string& nonce) {
  return "default-src 'self'; script-src 'self'; style-src 'self' 'nonce-" + nonce +
         "'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";
}

Handler StaticFiles(std::filesystem::path root, std::function<std::string()> make_nonce) {
  return [root = std::move(root), make_nonce = std::move(make_nonce)](Request& req) -> Response {
    auto rel = Relative(req.path);
    if (!rel) return ProblemResponse(MakeError(ErrorCode::kNotFound, "No such page."));
    if (!rel->empty()) {
      const bool immutable = rel->begin() != rel->end() && *rel->begin() == "assets";
      // The build leaves compressed twins beside the assets (scripts/build-web): sent as they are
      // to a browser that takes them, so nothing is compressed per request.
      if (*rel != "index.html") {
        for (const auto& [coding, suffix] : {std::pair{"br", ".br"}, std::pair{"gzip", ".gz"}}) {
          if (!AcceptsEncoding(req, coding)) continue;
          auto packed = ReadFile(root / (rel->string() + suffix));
          if (!packed || !std::filesystem::is_regular_file(root / *rel)) continue;
          Response res = FileResponse(std::move(*packed), *rel, immutable);
          res.headers.emplace_back("Content-Encoding", coding);
          res.headers.emplace_back("Vary", "Accept-Encoding");
          return res;
        }
      }
      if (auto body = ReadFile(root / *rel)) {
        if (*rel != "index.html") {
          Response res = FileResponse(std::move(*body), *rel, immutable);
          res.headers.emplace_back("Vary", "Accept-Encoding");
          return res;
        }
      }
      // A missing file with an extension is a real 404; other paths are the UI's routes.
      if (rel->has_extension()) return ProblemResponse(MakeError(ErrorCode::kNotFound, "No such file."));
    }
    auto index = ReadFile(root / "index.html");
    if (!index) return ProblemResponse(MakeError(ErrorCode::kNotFound, "The browser UI is not built."));
    std::string nonce = make_nonce();
    auto head = index->find("<head>");
    if (head != std::string::npos) {
      index->insert(head + 6, "\n    <meta property=\"csp-nonce\" content=\"" + nonce + "\" />");
    }
    Response res = FileResponse(std::move(*index), "index.html", false);
    res.headers.emplace_back("Content-Security-Policy", PagePolicy(nonce));
    return res;
  };
}

}  // namespace reilu::http
