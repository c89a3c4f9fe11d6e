// The HTTP adapter: request/response values, a router with {param} patterns, problem+json
// errors (RFC 9457) and a Boost.Beast server. Handlers are plain functions of Request.
#pragma once

#include <atomic>
#include <boost/json.hpp>
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/result.h"
#include "core/utf8.h"
#include "http/kept_body.h"
#include "http/limits.h"

namespace reilu::http {

struct Request {
  std::string method;
  std::string path;                            // decoded path, no query
  std::map<std::string, std::string> query;    // decoded query parameters
  std::map<std::string, std::string> headers;  // lower-case names
  std::map<std::string, std::string> params;   // {name} captures from the route pattern
  std::string body;
  std::string request_id;
  std::string client_address;  // the peer's IP address (a proxy's, behind one)

  std::string Header(const std::string& lower_name) const;
  std::string Cookie(const std::string& name) const;
};

struct Response {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
  // A body kept and shared by many responses (a page of a kept list): sent as it is, never copied.
  // When set, it is the body and `body` stays empty.
  std::shared_ptr<const KeptBody> shared_body = nullptr;

  std::string_view Body() const {
    return shared_body ? std::string_view(shared_body->bytes()) : std::string_view(body);
  }
};

Response JsonResponse(int status, const boost::json::value& body);
// application/problem+json with a stable `code`, the human `detail` and, when known, the `field`.
Response ProblemResponse(const Error& error);
int HttpStatusFor(ErrorCode code);

// Parses a JSON request body; fails with kInvalidUtf8 / kMalformedJson.
Result<boost::json::value> ParseJsonBody(const Request& req);
using reilu::IsValidUtf8;

using Handler = std::function<Response(Request&)>;

class Router {
 public:
  // `pattern` like "/api/v1/recruitments/{id}"; the same spelling is used in the OpenAPI document.
  void Add(std::string method, std::string pattern, Handler handler, RouteOptions options = {});
  Response Dispatch(Request& req) const;
  // The pattern that matched (for logs and metrics labels: never the raw path, which may hold ids).
  std::string MatchPattern(const Request& req) const;
  // The options of the route `req` goes to (defaults when none matches).
  RouteOptions OptionsFor(const Request& req) const;
  std::vector<std::pair<std::string, std::string>> Routes() const;  // (method, pattern)
  // Answers GET requests outside /api/ that no route matched (the browser UI's files).
  void SetFallback(Handler handler) { fallback_ = std::move(handler); }

 private:
  bool UsesFallback(const Request& req) const;
  Handler fallback_;
  struct Route {
    std::string method;
    std::string pattern;
    std::vector<std::string> segments;
    Handler handler;
    RouteOptions options;
  };
  const Route* Find(const Request& req, std::map<std::string, std::string>* params, bool* path_matched) const;
  std::vector<Route> routes_;
};

// Counters exported at /metrics in Prometheus text format. Labels are route patterns and status
// codes only: no identity can reach them.
class Metrics {
 public:
  void Record(const std::string& method, const std::string& pattern, int status, double seconds);
  std::string Render() const;

 private:
  struct Counted {
    std::uint64_t count = 0;
    double seconds = 0;
  };
  mutable std::mutex mutex_;
  std::map<std::string, Counted, std::less<>> counted_;  // by label set
};

struct ServerOptions {
  std::string address = "127.0.0.1";
  std::uint16_t port = 8080;  // 0 picks a free port
  int threads = 8;
  std::size_t body_limit = 1 << 20;  // 1 MiB; a route may set its own (the form with its files)
  int expensive_concurrency = 0;     // expensive routes running at once; 0: half the cores, at least 1
  double expensive_per_minute = 30;  // expensive requests per client address and minute...
  double expensive_burst = 10;       // ...of which this many at once
  // How long a request may take to arrive and its answer to be taken, and how long a kept-alive
  // connection may wait idle for the next request.
  std::chrono::milliseconds request_timeout = std::chrono::seconds(30);
  bool log_requests = true;
  bool hsts = false;  // send Strict-Transport-Security (when the public address is https)
  // Behind a load balancer on loopback (HAProxy with `option forwardfor`): the client is the last
  // address of X-Forwarded-For, which only the balancer writes. Off: the peer's address.
  bool trust_forwarded_for = false;
};

class Server {
 public:
  Server(const Router& router, Metrics& metrics, ServerOptions options);
  ~Server();
  // Binds and starts the worker threads; returns the bound port.
  Result<std::uint16_t> Start();
  // Blocks until Stop() (or SIGINT/SIGTERM when `handle_signals`).
  void Wait(bool handle_signals);
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace reilu::http
