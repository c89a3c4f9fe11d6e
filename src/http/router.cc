#include "http/http.h"

#include <sstream>

namespace reilu::http {

namespace {

// The non-empty segments of `path`, viewed in place (every request is matched, several times).
std::vector<std::string_view> Split(std::string_view path) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    if (end > start) parts.push_back(path.substr(start, end - start));
    start = end + 1;
  }
  return parts;
}

bool IsParam(std::string_view seg) { return seg.size() > 2 && seg.front() == '{' && seg.back() == '}'; }

}  // namespace

std::string Request::Header(const std::string& lower_name) const {
  auto it = headers.find(lower_name);
  return it == headers.end() ? std::string() : it->second;
}

std::string Request::Cookie(const std::string& name) const {
  std::string all = Header("cookie");
  size_t pos = 0;
  while (pos < all.size()) {
    size_t end = all.find(';', pos);
    if (end == std::string::npos) end = all.size();
    std::string part = all.substr(pos, end - pos);
    size_t start = part.find_first_not_of(' ');
    if (start != std::string::npos) part = part.substr(start);
    size_t eq = part.find('=');
    if (eq != std::string::npos && part.substr(0, eq) == name) return part.substr(eq + 1);
    pos = end + 1;
  }
  return {};
}

void Router::Add(std::string method, std::string pattern, Handler handler, RouteOptions options) {
  std::vector<std::string> segments;
  for (auto seg : Split(pattern)) segments.emplace_back(seg);
  routes_.push_back(Route{std::move(method), pattern, std::move(segments), std::move(handler), options});
}

const Router::Route* Router::Find(const Request& req, std::map<std::string, std::string>* params,
                                  bool* path_matched) const {
  const auto segs = Split(req.path);
  *path_matched = false;
  for (const auto& route : routes_) {
    if (route.segments.size() != segs.size()) continue;
    bool match = true;
    for (size_t i = 0; i < segs.size() && match; ++i) {
      match = IsParam(route.segments[i]) || route.segments[i] == segs[i];
    }
    if (!match) continue;
    *path_matched = true;
    if (route.method != req.method) continue;
    if (params) {
      params->clear();
      for (size_t i = 0; i < segs.size(); ++i) {
        const std::string& seg = route.segments[i];
        if (IsParam(seg)) (*params)[seg.substr(1, seg.size() - 2)] = std::string(segs[i]);
      }
    }
    return &route;
  }
  return nullptr;
}

bool Router::UsesFallback(const Request& req) const {
  return fallback_ && (req.method == "GET" || req.method == "HEAD") && req.path.rfind("/api/", 0) != 0 &&
         req.path != "/api";
}

Response Router::Dispatch(Request& req) const {
  bool path_matched = false;
  const Route* route = Find(req, &req.params, &path_matched);
  if (!route) {
    if (UsesFallback(req)) return fallback_(req);
    if (path_matched) return ProblemResponse(MakeError(ErrorCode::kMethodNotAllowed, "Method not allowed here."));
    return ProblemResponse(MakeError(ErrorCode::kNotFound, "No such resource."));
  }
  return route->handler(req);
}

std::string Router::MatchPattern(const Request& req) const {
  bool path_matched = false;
  const Route* route = Find(req, nullptr, &path_matched);
  if (!route && UsesFallback(req)) return "static";
  return route ? route->pattern : "unmatched";
}

RouteOptions Router::OptionsFor(const Request& req) const {
  bool path_matched = false;
  const Route* route = Find(req, nullptr, &path_matched);
  return route ? route->options : RouteOptions{};
}

std::vector<std::pair<std::string, std::string>> Router::Routes() const {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& r : routes_) out.emplace_back(r.method, r.pattern);
  return out;
}

void Metrics::Record(const std::string& raw_method, const std::string& pattern, int status, double seconds) {
  // A fixed label set: invented method names must not grow the table.
  static const char* const kMethods[] = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"};
  std::string method = "other";
  for (const char* m : kMethods) {
    if (raw_method == m) method = m;
  }
  std::string labels = "method=\"" + method + "\",route=\"" + pattern + "\",status=\"" + std::to_string(status) + "\"";
  std::lock_guard lock(mutex_);
  Counted& counted = counted_[labels];
  counted.count += 1;
  counted.seconds += seconds;
}

std::string Metrics::Render() const {
  std::ostringstream out;
  std::lock_guard lock(mutex_);
  out << "# HELP reilu_http_requests_total HTTP requests by route pattern and status.\n"
      << "# TYPE reilu_http_requests_total counter\n";
  for (const auto& [labels, c] : counted_) out << "reilu_http_requests_total{" << labels << "} " << c.count << "\n";
  out << "# HELP reilu_http_request_seconds_total Time spent serving requests.\n"
      << "# TYPE reilu_http_request_seconds_total counter\n";
  for (const auto& [labels, c] : counted_) {
    out << "reilu_http_request_seconds_total{" << labels << "} " << c.seconds << "\n";
  }
  return out.str();
}

}  // namespace reilu::http
