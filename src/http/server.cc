#include <algorithm>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/url.hpp>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <limits>
#include <thread>

#include "http/http.h"
#include "http/static_files.h"

#include <sys/sendfile.h>
#include <sys/socket.h>

namespace reilu::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = asio::ip::tcp;

namespace {

std::atomic<std::uint64_t> g_request_counter{0};

// A Beast body over a kept body that many responses share: sent from where it is kept, without
// a copy into each response.
struct SharedStringBody {
  using value_type = std::shared_ptr<const KeptBody>;
  static std::uint64_t size(const value_type& body) { return body ? body->bytes().size() : 0; }

  class writer {
   public:
    using const_buffers_type = asio::const_buffer;
    template <bool isRequest, class Fields>
    writer(const bhttp::header<isRequest, Fields>&, const value_type& body) : body_(body) {}
    void init(beast::error_code& ec) { ec = {}; }
    boost::optional<std::pair<const_buffers_type, bool>> get(beast::error_code& ec) {
      ec = {};
      if (!body_ || body_->bytes().empty()) return boost::none;
      return {{const_buffers_type(body_->bytes().data(), body_->bytes().size()), false}};
    }

   private:
    const value_type& body_;
  };
};

// The header of a response whose body follows from a file, written out directly (Beast's
// message and stream formatting cost as much as the rest of the send).
std::string FileHeader(const Response& res, unsigned version, bool keep_alive, std::size_t length) {
  std::string h;
  h.reserve(640);
  h += version == 10 ? "HTTP/1.0 " : "HTTP/1.1 ";
  h += std::to_string(res.status);
  h += ' ';
  const auto reason = bhttp::obsolete_reason(static_cast<bhttp::status>(res.status));
  h.append(reason.data(), reason.size());
  h += "\r\nServer: reilu\r\nContent-Type: ";
  h += res.content_type;
  h += "\r\n";
  for (const auto& [name, value] : res.headers) {
    h += name;
    h += ": ";
    h += value;
    h += "\r\n";
  }
  h += "Content-Length: ";
  h += std::to_string(length);
  h += "\r\n";
  // HTTP/1.1 keeps the connection unless told; HTTP/1.0 closes it unless told.
  if (version == 10 && keep_alive) h += "Connection: keep-alive\r\n";
  if (version != 10 && !keep_alive) h += "Connection: close\r\n";
  h += "\r\n";
  return h;
}

void AddSecurityHeaders(Response& res, bool hsts) {
  // A handler may set a stricter or nonce-carrying policy of its own (the UI page does).
  bool has_policy = std::any_of(res.headers.begin(), res.headers.end(),
                                [](const auto& h) { return h.first == "Content-Security-Policy"; });
  if (!has_policy) res.headers.emplace_back("Content-Security-Policy", std::string(kContentSecurityPolicy));
  res.headers.emplace_back("X-Content-Type-Options", "nosniff");
  res.headers.emplace_back("Referrer-Policy", "no-referrer");
  res.headers.emplace_back("X-Frame-Options", "DENY");
  res.headers.emplace_back("Cross-Origin-Opener-Policy", "same-origin");
  // Nothing is cached unless the handler says so (the UI's hashed assets do): however a path is
  // spelled ("//api", "/%61pi"), an API answer is never kept by a browser or proxy.
  bool has_cache_policy =
      std::any_of(res.headers.begin(), res.headers.end(), [](const auto& h) { return h.first == "Cache-Control"; });
  if (!has_cache_policy) res.headers.emplace_back("Cache-Control", "no-store");
  if (hsts) res.headers.emplace_back("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
}

// Turns a Beast request into our Request; fails on targets that are not valid origin-form or UTF-8.
Result<Request> Convert(const bhttp::request<bhttp::string_body>& in) {
  Request req;
  req.method = std::string(in.method_string());
  auto url = boost::urls::parse_origin_form(in.target());
  if (!url) return MakeError(ErrorCode::kInvalidInput, "The request target is not a valid URL path.");
  req.path = url->path();
  if (!IsValidUtf8(req.path)) return MakeError(ErrorCode::kInvalidUtf8, "The URL is not valid UTF-8.");
  for (auto param : url->params()) {
    if (!IsValidUtf8(param.key) || !IsValidUtf8(param.value)) {
      return MakeError(ErrorCode::kInvalidUtf8, "A query parameter is not valid UTF-8.");
    }
    req.query[param.key] = param.value;
  }
  for (const auto& field : in) {
    std::string name(field.name_string());
    for (auto& ch : name) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    req.headers[name] = std::string(field.value());
  }
  req.body = in.body();
  return req;
}

}  // namespace

struct Server::Impl {
  const Router& router;
  Metrics& metrics;
  ServerOptions options;
  asio::io_context ioc;
  tcp::acceptor acceptor{ioc};
  std::vector<std::thread> threads;
  ConcurrencyLimit expensive_running;
  AddressRateLimit expensive_per_address;

  Impl(const Router& r, Metrics& m, ServerOptions o)
      : router(r),
        metrics(m),
        options(std::move(o)),
        expensive_running(options.expensive_concurrency > 0
                              ? options.expensive_concurrency
                              : std::max(1, static_cast<int>(std::thread::hardware_concurrency() / 2)),
                          std::max(1, options.threads / 4), std::chrono::seconds(2)),
        expensive_per_address(options.expensive_per_minute, options.expensive_burst, 10000) {}

  // The options of the route a request goes to, known once its header has been read: they decide
  // the body limit and, later, whether it is an expensive request.
  RouteOptions RouteFor(const bhttp::request_parser<bhttp::string_body>::value_type& header) {
    Request probe;
    probe.method = std::string(header.method_string());
    auto url = boost::urls::parse_origin_form(header.target());
    if (url) probe.path = url->path();
    return router.OptionsFor(probe);
  }

  std::size_t BodyLimit(const RouteOptions& route) const {
    return route.body_limit > 0 ? route.body_limit : options.body_limit;
  }

  // The balancer appends the address it saw; anything before it was written by the client.
  static std::string ForwardedClient(const Request& req, const std::string& peer) {
    std::string forwarded = req.Header("x-forwarded-for");
    if (forwarded.empty()) return peer;
    std::string last = forwarded.substr(forwarded.rfind(',') == std::string::npos ? 0 : forwarded.rfind(',') + 1);
    auto first = last.find_first_not_of(' ');
    if (first == std::string::npos) return peer;
    last = last.substr(first, last.find_last_not_of(' ') - first + 1);
    return last.size() <= 64 ? last : peer;
  }

  Response Refuse(ErrorCode code, std::string message, int retry_after) {
    Response res = ProblemResponse(MakeError(code, std::move(message)));
    res.headers.emplace_back("Retry-After", std::to_string(retry_after));
    return res;
  }

  Response Handle(const bhttp::request<bhttp::string_body>& in, const std::string& client, const RouteOptions& route,
                  std::string* pattern) {
    auto converted = Convert(in);
    if (!converted) {
      *pattern = "invalid";
      return ProblemResponse(converted.error());
    }
    Request& req = *converted;
    req.request_id = std::to_string(++g_request_counter);
    req.client_address = options.trust_forwarded_for ? ForwardedClient(req, client) : client;
    *pattern = router.MatchPattern(req);
    std::unique_ptr<ConcurrencyLimit::Slot> slot;
    if (route.expensive) {
      if (int wait = expensive_per_address.Take(req.client_address, std::chrono::steady_clock::now()); wait > 0) {
        return Refuse(ErrorCode::kRateLimited, "Too many requests of this kind from your address; try again later.",
                      wait);
      }
      slot = expensive_running.Acquire();
      if (!slot) return Refuse(ErrorCode::kBusy, "The server is busy with other requests of this kind; try again.", 2);
    }
    try {
      return router.Dispatch(req);
    } catch (const std::exception& e) {
      std::fprintf(stderr, "{\"level\":\"error\",\"request_id\":\"%s\",\"msg\":\"handler threw\"}\n",
                   req.request_id.c_str());
      return ProblemResponse(MakeError(ErrorCode::kInternal, e.what()));
    }
  }

  void Log(const std::string& method, const std::string& pattern, int status, double ms) {
    if (!options.log_requests) return;
    // Route pattern only: raw paths and query strings may carry ids or search terms.
    std::fprintf(stderr, "{\"level\":\"info\",\"method\":\"%s\",\"route\":\"%s\",\"status\":%d,\"ms\":%.2f}\n",
                 method.c_str(), pattern.c_str(), status, ms);
  }

  class Session : public std::enable_shared_from_this<Session> {
   public:
    Session(Impl* impl, tcp::socket socket)
        : impl_(impl), socket_(std::move(socket)), deadline_timer_(socket_.get_executor()) {
      beast::error_code ec;
      auto peer = socket_.remote_endpoint(ec);
      if (!ec) client_ = peer.address().to_string();
    }
    void Start() {
      deadline_ = std::chrono::steady_clock::now() + impl_->options.request_timeout;
      WatchDeadline();
      Read();
    }

   private:
    // A request (its reading and the answer's writing) and an idle keep-alive connection have
    // until the deadline (options.request_timeout). One timer per connection wakes at the deadline
    // and looks whether it has moved on; arming and cancelling a timer around every read and write
    // cost a hand-off between threads each time.
    void WatchDeadline() {
      deadline_timer_.expires_at(deadline_);
      deadline_timer_.async_wait(beast::bind_front_handler(&Session::OnDeadline, shared_from_this()));
    }

    void OnDeadline(beast::error_code ec) {
      if (ec || closed_) return;  // cancelled: the connection has closed
      if (std::chrono::steady_clock::now() < deadline_) return WatchDeadline();
      // Pending reads and writes end with operation_aborted, and the connection closes.
      beast::error_code ignored;
      socket_.close(ignored);
    }

    void Read() {
      parser_.emplace();
      // No limit while the header is read (Beast would hold a Content-Length against it); the
      // route's own limit is set in OnHeader before any of the body is read.
      parser_->body_limit(std::numeric_limits<std::uint64_t>::max());
      parser_->header_limit(16 * 1024);
      deadline_ = std::chrono::steady_clock::now() + impl_->options.request_timeout;
      // The header first: the route it names decides how large a body may be.
      bhttp::async_read_header(socket_, buffer_, *parser_,
                               beast::bind_front_handler(&Session::OnHeader, shared_from_this()));
    }

    void OnHeader(beast::error_code ec, std::size_t bytes) {
      if (ec) return OnRead(ec, bytes);
      route_ = impl_->RouteFor(parser_->get());
      body_limit_ = impl_->BodyLimit(route_);
      // Beast compares a Content-Length with the limit only while parsing the header, so a route's
      // smaller limit is checked here; the parser enforces it for chunked bodies.
      if (auto length = parser_->content_length(); length && *length > body_limit_) {
        return OnRead(bhttp::error::body_limit, bytes);
      }
      parser_->body_limit(body_limit_);
      bhttp::async_read(socket_, buffer_, *parser_, beast::bind_front_handler(&Session::OnRead, shared_from_this()));
    }

    void OnRead(beast::error_code ec, std::size_t) {
      if (ec == bhttp::error::end_of_stream || ec == asio::error::operation_aborted || ec == asio::error::eof ||
          !socket_.is_open()) {
        return Close();
      }
      auto start = std::chrono::steady_clock::now();
      Response res;
      std::string pattern = "invalid";
      bool keep_alive = false;
      unsigned version = 11;
      if (ec == bhttp::error::body_limit) {
        res = ProblemResponse(
            MakeError(ErrorCode::kPayloadTooLarge,
                      "The request body is too large (at most " + std::to_string(body_limit_ / 1024) + " KiB here)."));
      } else if (ec == bhttp::error::header_limit) {
        res = ProblemResponse(MakeError(ErrorCode::kInvalidInput, "The request headers are too large."));
      } else if (ec) {
        res = ProblemResponse(MakeError(ErrorCode::kInvalidInput, "The request could not be read as HTTP."));
      } else {
        auto& req = parser_->get();
        keep_alive = req.keep_alive();
        version = req.version();
        res = impl_->Handle(req, client_, route_, &pattern);
      }
      AddSecurityHeaders(res, impl_->options.hsts);
      double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      std::string method = ec ? "?" : std::string(parser_->get().method_string());
      impl_->metrics.Record(method, pattern, res.status, seconds);
      impl_->Log(method, pattern, res.status, seconds * 1000);

      const bool keep = keep_alive && !ec;
      if (res.shared_body && res.shared_body->file() >= 0) {
        SendFile(res, version, keep, std::move(res.shared_body));
      } else if (res.shared_body) {
        Send<SharedStringBody>(res, version, keep, std::move(res.shared_body));
      } else {
        Send<bhttp::string_body>(res, version, keep, std::move(res.body));
      }
    }

    template <typename Body>
    void Send(const Response& res, unsigned version, bool keep_alive, typename Body::value_type body) {
      auto out = std::make_shared<bhttp::response<Body>>(static_cast<bhttp::status>(res.status), version);
      out->set(bhttp::field::server, "reilu");
      out->set(bhttp::field::content_type, res.content_type);
      for (const auto& [k, v] : res.headers) out->insert(k, v);
      out->body() = std::move(body);
      out->keep_alive(keep_alive);
      out->prepare_payload();
      response_ = out;
      bhttp::async_write(socket_, *out,
                         beast::bind_front_handler(&Session::OnWrite, shared_from_this(), out->keep_alive()));
    }

    // A kept body that lives in an in-memory file: the header goes first (held back with MSG_MORE
    // so that it leaves with the body), then the file with sendfile, on the socket's own
    // non-blocking descriptor, waiting for it to take more whenever it is full.
    void SendFile(const Response& res, unsigned version, bool keep_alive, std::shared_ptr<const KeptBody> body) {
      file_send_.emplace(
          FileSend{FileHeader(res, version, keep_alive, body->bytes().size()), std::move(body), 0, 0, keep_alive});
      if (!native_non_blocking_) {  // once per connection (each change is a system call)
        beast::error_code ec;
        socket_.native_non_blocking(true, ec);
        if (ec) return Close();
        native_non_blocking_ = true;
      }
      ContinueFile();
    }

    void ContinueFile() {
      FileSend& send = *file_send_;
      const int fd = socket_.native_handle();
      while (send.header_sent < send.header.size()) {
        ssize_t n = ::send(fd, send.header.data() + send.header_sent, send.header.size() - send.header_sent,
                           MSG_MORE | MSG_NOSIGNAL);
        if (n > 0) {
          send.header_sent += static_cast<std::size_t>(n);
        } else if (n < 0 && errno == EINTR) {
          continue;
        } else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
          return WaitWritable();
        } else {
          return Close();
        }
      }
      const auto size = static_cast<off_t>(send.body->bytes().size());
      while (send.body_sent < size) {
        off_t offset = send.body_sent;
        ssize_t n = ::sendfile(fd, send.body->file(), &offset, static_cast<std::size_t>(size - send.body_sent));
        if (n > 0) {
          send.body_sent = offset;
        } else if (n < 0 && errno == EINTR) {
          continue;
        } else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
          return WaitWritable();
        } else {
          return Close();  // the peer went away (or the file is shorter than its body: never sent short)
        }
      }
      const bool keep_alive = send.keep_alive;
      file_send_.reset();
      OnWrite(keep_alive, {}, 0);
    }

    void WaitWritable() {
      socket_.async_wait(tcp::socket::wait_write, beast::bind_front_handler(&Session::OnWritable, shared_from_this()));
    }

    void OnWritable(beast::error_code ec) {
      if (ec) return Close();  // closed at the deadline, or broken
      ContinueFile();
    }

    void OnWrite(bool keep_alive, beast::error_code ec, std::size_t) {
      response_.reset();
      if (ec || !keep_alive) return Close();
      Read();
    }

    void Close() {
      closed_ = true;
      beast::error_code ignored;
      socket_.shutdown(tcp::socket::shutdown_send, ignored);
      deadline_timer_.cancel();
    }

    Impl* impl_;
    tcp::socket socket_;
    asio::steady_timer deadline_timer_;
    std::chrono::steady_clock::time_point deadline_;
    bool closed_ = false;
    beast::flat_buffer buffer_;
    std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
    std::shared_ptr<void> response_;
    struct FileSend {
      std::string header;
      std::shared_ptr<const KeptBody> body;
      std::size_t header_sent;
      off_t body_sent;
      bool keep_alive;
    };
    std::optional<FileSend> file_send_;
    bool native_non_blocking_ = false;
    std::string client_;
    RouteOptions route_;  // of the request being read, from its header
    std::size_t body_limit_ = 0;
  };

  void Accept() {
    acceptor.async_accept(asio::make_strand(ioc), [this](beast::error_code ec, tcp::socket socket) {
      if (!ec) std::make_shared<Session>(this, std::move(socket))->Start();
      if (acceptor.is_open()) Accept();
    });
  }
};

Server::Server(const Router& router, Metrics& metrics, ServerOptions options)
    : impl_(std::make_unique<Impl>(router, metrics, std::move(options))) {}

Server::~Server() { Stop(); }

Result<std::uint16_t> Server::Start() {
  beast::error_code ec;
  auto address = asio::ip::make_address(impl_->options.address, ec);
  if (ec) return MakeError(ErrorCode::kInvalidInput, "Bad listen address: " + impl_->options.address);
  tcp::endpoint endpoint(address, impl_->options.port);
  auto& acc = impl_->acceptor;
  acc.open(endpoint.protocol(), ec);
  if (!ec) acc.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) acc.bind(endpoint, ec);
  if (!ec) acc.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) return MakeError(ErrorCode::kInternal, "Cannot listen on " + impl_->options.address + ": " + ec.message());
  // A peer that goes away while a kept body is sent with sendfile (which takes no MSG_NOSIGNAL)
  // must end that send with EPIPE, not end the process.
  std::signal(SIGPIPE, SIG_IGN);
  impl_->Accept();
  for (int i = 0; i < impl_->options.threads; ++i) {
    impl_->threads.emplace_back([this] { impl_->ioc.run(); });
  }
  return acc.local_endpoint().port();
}

void Server::Wait(bool handle_signals) {
  if (handle_signals) {
    asio::signal_set signals(impl_->ioc, SIGINT, SIGTERM);
    signals.async_wait([this](beast::error_code, int) { impl_->ioc.stop(); });
    for (auto& t : impl_->threads) {
      if (t.joinable()) t.join();
    }
    return;
  }
  for (auto& t : impl_->threads) {
    if (t.joinable()) t.join();
  }
}

void Server::Stop() {
  impl_->ioc.stop();
  for (auto& t : impl_->threads) {
    if (t.joinable()) t.join();
  }
}

}  // namespace reilu::http
