// Test support: a real `reilu serve` process on a loopback port, and a small HTTP client that keeps
// the session cookie and CSRF token like a browser would.
#pragma once

#include <sys/types.h>

#include <boost/json.hpp>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/app.h"

namespace reilu::testing {

// A fresh temporary directory, removed on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

class ServerProcess {
 public:
  // Another node of the same installation: the database of `database_of`'s data directory and its
  // key file, plus `extra_args` for `serve`.
  struct Node {
    std::filesystem::path database_of;
    std::vector<std::string> extra_args;
  };
  explicit ServerProcess(std::filesystem::path data_dir, std::optional<Node> node = std::nullopt);
  ~ServerProcess();
  // Starts the server and waits until it accepts connections.
  void Start();
  // SIGKILL: no chance to flush or clean up (crash simulation).
  void Kill();
  void Stop();  // SIGTERM and wait
  std::uint16_t port() const { return port_; }

 private:
  std::filesystem::path data_dir_;
  std::optional<Node> node_;
  pid_t pid_ = -1;
  std::uint16_t port_ = 0;
};

// HAProxy (Debian's package) on a free loopback port, balancing round robin over `ports` with
// health checks on /healthz and X-Forwarded-For; a node that stops answering is taken out.
class BalancerProcess {
 public:
  BalancerProcess(std::filesystem::path dir, std::vector<std::uint16_t> ports);
  ~BalancerProcess();
  std::uint16_t port() const { return port_; }

 private:
  std::filesystem::path dir_;
  pid_t pid_ = -1;
  std::uint16_t port_ = 0;
};

// A real SMTP server on loopback (tests/support/smtp_sink.py, Debian's python3-aiosmtpd) that
// stores every message it receives as a file.
class SmtpSink {
 public:
  // `auth` "user:password" requires AUTH; `tls_cert`/`tls_key` require STARTTLS.
  explicit SmtpSink(std::filesystem::path dir, std::string auth = "", std::string tls_cert = "",
                    std::string tls_key = "");
  ~SmtpSink();
  std::uint16_t port() const { return port_; }
  // Every message received so far (raw text, with X-Envelope-* lines first), in arrival order.
  std::vector<std::string> Messages() const;
  // Waits until at least `count` messages arrived (or `seconds` passed); returns them.
  std::vector<std::string> WaitFor(size_t count, int seconds = 20) const;

 private:
  std::filesystem::path dir_;
  pid_t pid_ = -1;
  std::uint16_t port_ = 0;
};

// A message's headers plus its decoded (base64, RFC 2047) text: what a reader would see.
std::string DecodeMail(const std::string& raw);
// A gzip body as a client would read it (empty when it is not valid gzip).
std::string Gunzip(const std::string& compressed);
// The value of a header line (first match, raw).
std::string MailHeader(const std::string& raw, const std::string& name);

// The text of a PDF as poppler's pdftotext reads it (what a reader's copy or search finds), pages
// `first`..`last` (0: all); nothing when pdftotext is not installed (HasPdfToText says which).
bool HasPdfToText();
std::string PdfText(const std::string& pdf, int first = 0, int last = 0);
// How many pages `pdftoppm` draws from the document (0 when it cannot; the tests skip without it).
int RenderedPages(const std::string& pdf);

struct HttpResult {
  int status = 0;
  std::string headers;  // all response headers as text
  std::string body;
  boost::json::value Json() const;
};

class Client {
 public:
  explicit Client(std::uint16_t port) : port_(port) {}
  HttpResult Call(const std::string& method, const std::string& target, const std::string& body = "",
                  std::map<std::string, std::string> headers = {});
  HttpResult Get(const std::string& target) { return Call("GET", target); }
  HttpResult PostJson(const std::string& target, const boost::json::value& body,
                      std::map<std::string, std::string> headers = {});
  // Connect from this loopback address (e.g. "127.0.0.7"), to act as another client address.
  void SetSourceAddress(std::string address) { source_address_ = std::move(address); }
  // Logs in; keeps the cookie and CSRF token for later calls. Returns the login status.
  int Login(const std::string& username, const std::string& password);

 private:
  std::uint16_t port_;
  std::string source_address_;
  std::string cookie_;
  std::string csrf_;
};

// Seeds an organisation with one user per role (username = prefix + role; password kTestPassword).
struct SeededOrg {
  OrgId org = 0;
  UnitId unit = 0;                      // one unit ("Library services")
  std::map<std::string, UserId> users;  // by role name; "reviewer" and "reviewer2"
};
inline constexpr const char* kTestPassword = "correct horse battery staple";
SeededOrg SeedOrganisation(store::Store& store, const std::string& name, const std::string& prefix);

// The /metrics token the test servers are started with (REILU_METRICS_TOKEN).
inline constexpr const char* kMetricsToken = "test-metrics-token";

// The path of the built `reilu` binary.
std::string ReiluBinary();

// The database the tests run on: SQLite in the data directory by default; PostgreSQL when
// REILU_TEST_BACKEND=postgres (or REILU_TEST_NODES=2), each data directory then getting a fresh
// schema of its own on the server at REILU_TEST_POSTGRES (scripts/test starts one).
bool TestOnPostgres();
// True (and the reason in `why`) when the run asks for PostgreSQL but no server was given.
bool DatabaseMissing(std::string& why);
// The data directory as the store, the server and the command line see it in this run.
app::DataDir TestDataDir(const std::filesystem::path& root);
// " --database '<url>'" for a `reilu` command line on PostgreSQL, "" on SQLite.
std::string DatabaseArgs(const std::filesystem::path& root);
// SQL that lifts the guard against editing the audit log (the test plays an operator with raw access).
std::string DropAuditGuardSql(const std::filesystem::path& root);

// Skips the test when it should run on PostgreSQL and no server is there.
#define REILU_SKIP_WITHOUT_DATABASE()                   \
  do {                                                  \
    std::string reilu_why;                              \
    if (::reilu::testing::DatabaseMissing(reilu_why)) { \
      GTEST_SKIP() << reilu_why;                        \
    }                                                   \
  } while (false)

}  // namespace reilu::testing
