#include "support/test_server.h"

#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <zlib.h>
#include <algorithm>

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <map>
#include <mutex>
#include <random>
#include <stdexcept>
#include <thread>

#include "crypto/crypto.h"
#include "store/postgres_db.h"

namespace reilu::testing {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;

std::string ReiluBinary() { return REILU_BINARY; }

bool TestOnPostgres() {
  const char* backend = std::getenv("REILU_TEST_BACKEND");
  const char* nodes = std::getenv("REILU_TEST_NODES");  // several nodes share PostgreSQL
  return (backend && std::string_view(backend) == "postgres") || (nodes && std::string_view(nodes) == "2");
}

namespace {
std::string PostgresBase() {
  const char* url = std::getenv("REILU_TEST_POSTGRES");
  return url ? url : "";
}
}  // namespace

bool DatabaseMissing(std::string& why) {
  if (!TestOnPostgres() || !PostgresBase().empty()) return false;
  why = "REILU_TEST_BACKEND=postgres but REILU_TEST_POSTGRES is not set: scripts/test starts a server";
  return true;
}

app::DataDir TestDataDir(const std::filesystem::path& root) {
  app::DataDir dir(root);
  if (!TestOnPostgres() || PostgresBase().empty()) return dir;
  static std::mutex mutex;
  static std::map<std::string, std::string> schemas;
  std::lock_guard lock(mutex);
  auto [it, fresh] = schemas.emplace(root.string(), "");
  if (fresh) {
    std::random_device rd;
    it->second = "t" + std::to_string(rd()) + std::to_string(rd());
    auto conn = store::OpenPostgres(PostgresBase());
    if (!conn) throw std::runtime_error(conn.error().message);
    Status made = conn->Exec("CREATE SCHEMA " + it->second);
    if (!made) throw std::runtime_error(made.error().message);
  }
  std::string base = PostgresBase();
  dir.database_url = base + (base.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" + it->second;
  return dir;
}

std::string DatabaseArgs(const std::filesystem::path& root) {
  app::DataDir dir = TestDataDir(root);
  return dir.OnPostgres() ? " --database '" + dir.database_url + "'" : "";
}

std::string DropAuditGuardSql(const std::filesystem::path& root) {
  return TestDataDir(root).OnPostgres() ? "DROP TRIGGER audit_log_no_update ON audit_log;"
                                        : "DROP TRIGGER audit_log_no_update;";
}

TempDir::TempDir() {
  std::random_device rd;
  path_ = std::filesystem::temp_directory_path() / ("reilu-test-" + std::to_string(rd()) + std::to_string(rd()));
  std::filesystem::create_directories(path_);
}
TempDir::~TempDir() {
  if (std::getenv("REILU_KEEP_TEST_DIRS")) return;  // for reading the servers' logs after a failure
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

namespace {
// A child process writes its bound port to a file once it listens; waits for it (50 ms steps).
std::uint16_t WaitForPortFile(const std::filesystem::path& file, int tries, const std::string& failure) {
  for (int i = 0; i < tries; ++i) {
    std::ifstream in(file);
    int port = 0;
    if (in >> port && port > 0) return static_cast<std::uint16_t>(port);
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  throw std::runtime_error(failure);
}
}  // namespace

ServerProcess::ServerProcess(std::filesystem::path data_dir, std::optional<Node> node)
    : data_dir_(std::move(data_dir)), node_(std::move(node)) {
  ::signal(SIGPIPE, SIG_IGN);  // a server that closes early must not kill the test process
}
ServerProcess::~ServerProcess() { Stop(); }

void ServerProcess::Start() {
  auto port_file = data_dir_ / "port";
  std::filesystem::create_directories(data_dir_);
  std::filesystem::permissions(data_dir_, std::filesystem::perms::owner_all);
  std::filesystem::remove(port_file);
  const app::DataDir data = TestDataDir(node_ ? node_->database_of : data_dir_);  // before fork: it may lock
  std::vector<std::string> args = {ReiluBinary(), "--data-dir", data_dir_.string(), "serve",
                                   "--port",      "0",          "--port-file",      port_file.string(),
                                   "--threads",   "4",          "--public-url",     "http://reilu.test"};
  if (node_) {
    args.insert(args.begin() + 1, {"--key-file", app::DataDir(node_->database_of).ServerKey().string()});
    args.insert(args.end(), node_->extra_args.begin(), node_->extra_args.end());
  }
  pid_ = fork();
  if (pid_ == 0) {
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);  // never outlive the test process
    if (data.OnPostgres()) setenv("REILU_DATABASE", data.database_url.c_str(), 1);
    std::string log = (data_dir_ / "server.log").string();
    freopen(log.c_str(), "a", stderr);
    setenv("REILU_METRICS_TOKEN", kMetricsToken, 1);
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    _exit(127);
  }
  port_ = WaitForPortFile(port_file, 600, "server did not start; see " + (data_dir_ / "server.log").string());
}

BalancerProcess::BalancerProcess(std::filesystem::path dir, std::vector<std::uint16_t> ports) : dir_(std::move(dir)) {
  {
    asio::io_context io;
    asio::ip::tcp::acceptor probe(io, {asio::ip::make_address("127.0.0.1"), 0});
    port_ = probe.local_endpoint().port();
  }
  std::filesystem::create_directories(dir_);
  std::ofstream cfg(dir_ / "haproxy.cfg");
  cfg << "global\n  maxconn 2000\n"
      << "defaults\n  mode http\n  timeout connect 2s\n  timeout client 60s\n  timeout server 60s\n"
      << "  option forwardfor\n  option redispatch\n  retries 3\n"
      << "frontend web\n  bind 127.0.0.1:" << port_ << "\n  default_backend nodes\n"
      << "backend nodes\n  balance roundrobin\n  option httpchk GET /healthz\n";
  for (size_t i = 0; i < ports.size(); ++i) {
    cfg << "  server node" << i + 1 << " 127.0.0.1:" << ports[i] << " check inter 300ms fall 1 rise 2\n";
  }
  cfg.close();
  pid_ = fork();
  if (pid_ == 0) {
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    std::string log = (dir_ / "haproxy.log").string(), conf = (dir_ / "haproxy.cfg").string();
    freopen(log.c_str(), "a", stderr);
    freopen(log.c_str(), "a", stdout);
    execl("/usr/sbin/haproxy", "haproxy", "-db", "-f", conf.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  for (int i = 0; i < 200; ++i) {
    try {
      asio::io_context io;
      asio::ip::tcp::socket socket(io);
      socket.connect({asio::ip::make_address("127.0.0.1"), port_});
      return;
    } catch (const std::exception&) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  }
  throw std::runtime_error("haproxy did not start; see " + (dir_ / "haproxy.log").string());
}

BalancerProcess::~BalancerProcess() {
  if (pid_ > 0) {
    ::kill(pid_, SIGTERM);
    ::waitpid(pid_, nullptr, 0);
  }
}

void ServerProcess::Kill() {
  if (pid_ > 0) {
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
    pid_ = -1;
  }
}

void ServerProcess::Stop() {
  if (pid_ > 0) {
    ::kill(pid_, SIGTERM);
    ::waitpid(pid_, nullptr, 0);
    pid_ = -1;
  }
}

boost::json::value HttpResult::Json() const {
  boost::system::error_code ec;
  auto v = boost::json::parse(body, ec);
  return ec ? boost::json::value() : v;
}

HttpResult Client::Call(const std::string& method, const std::string& target, const std::string& body,
                        std::map<std::string, std::string> headers) {
  asio::io_context ioc;
  beast::tcp_stream stream(ioc);
  if (!source_address_.empty()) {
    stream.socket().open(asio::ip::tcp::v4());
    stream.socket().bind(asio::ip::tcp::endpoint(asio::ip::make_address(source_address_), 0));
  }
  stream.connect(asio::ip::tcp::endpoint(asio::ip::make_address("127.0.0.1"), port_));
  bhttp::request<bhttp::string_body> req(bhttp::string_to_verb(method), target, 11);
  req.set(bhttp::field::host, "127.0.0.1");
  if (!cookie_.empty()) req.set(bhttp::field::cookie, cookie_);
  if (!csrf_.empty() && !headers.count("X-CSRF-Token")) req.set("X-CSRF-Token", csrf_);
  for (const auto& [k, v] : headers) {
    if (!v.empty()) req.set(k, v);
  }
  req.body() = body;
  req.prepare_payload();
  // The server may answer (413) and close before a large body is fully sent: read the answer anyway.
  beast::error_code write_error;
  bhttp::write(stream, req, write_error);
  beast::flat_buffer buffer;
  bhttp::response_parser<bhttp::string_body> parser;
  parser.body_limit(64 << 20);
  bhttp::read(stream, buffer, parser);
  auto& res = parser.get();
  HttpResult out;
  out.status = static_cast<int>(res.result_int());
  for (const auto& f : res) {
    out.headers += std::string(f.name_string()) + ": " + std::string(f.value()) + "\n";
    if (f.name() == bhttp::field::set_cookie) {
      std::string c(f.value());
      cookie_ = c.substr(0, c.find(';'));
    }
  }
  out.body = res.body();
  beast::error_code ec;
  stream.socket().shutdown(asio::ip::tcp::socket::shutdown_both, ec);
  return out;
}

HttpResult Client::PostJson(const std::string& target, const boost::json::value& body,
                            std::map<std::string, std::string> headers) {
  headers["Content-Type"] = "application/json";
  return Call("POST", target, boost::json::serialize(body), headers);
}

int Client::Login(const std::string& username, const std::string& password) {
  auto res = PostJson("/api/v1/session", boost::json::object{{"username", username}, {"password", password}});
  if (res.status == 200) csrf_ = std::string(res.Json().at("csrf_token").as_string());
  return res.status;
}

SmtpSink::SmtpSink(std::filesystem::path dir, std::string auth, std::string tls_cert, std::string tls_key)
    : dir_(std::move(dir)) {
  std::filesystem::create_directories(dir_);
  auto port_file = dir_ / "port";
  std::string script = std::string(REILU_SOURCE_DIR) + "/tests/support/smtp_sink.py";
  std::string mail_dir = (dir_ / "mail").string(), pf = port_file.string();
  pid_ = fork();
  if (pid_ == 0) {
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    std::string log = (dir_ / "sink.log").string();
    freopen(log.c_str(), "a", stderr);
    std::vector<std::string> args = {"/usr/bin/python3", script, "--dir", mail_dir, "--port-file", pf};
    if (!auth.empty()) args.insert(args.end(), {"--auth", auth});
    if (!tls_cert.empty()) args.insert(args.end(), {"--tls", tls_cert, tls_key});
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    _exit(127);
  }
  port_ = WaitForPortFile(port_file, 200, "SMTP sink did not start; see " + (dir_ / "sink.log").string());
}

SmtpSink::~SmtpSink() {
  if (pid_ > 0) {
    ::kill(pid_, SIGTERM);
    ::waitpid(pid_, nullptr, 0);
  }
}

std::vector<std::string> SmtpSink::Messages() const {
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(dir_ / "mail", ec)) {
    if (e.path().extension() == ".eml") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  std::vector<std::string> out;
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    out.emplace_back((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  }
  return out;
}

std::vector<std::string> SmtpSink::WaitFor(size_t count, int seconds) const {
  for (int i = 0; i < seconds * 10; ++i) {
    auto m = Messages();
    if (m.size() >= count) return m;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return Messages();
}

namespace {
std::string Base64Decode(std::string_view in) {
  static const std::string kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  unsigned buffer = 0;
  int bits = 0;
  for (char c : in) {
    auto pos = kAlphabet.find(c);
    if (pos == std::string::npos) continue;  // line breaks, padding
    buffer = (buffer << 6) | static_cast<unsigned>(pos);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((buffer >> bits) & 0xFF);
    }
  }
  return out;
}
}  // namespace

std::string DecodeMail(const std::string& raw) {
  std::string out = raw;
  // RFC 2047 encoded words.
  for (size_t pos = 0; (pos = raw.find("=?UTF-8?B?", pos)) != std::string::npos;) {
    size_t end = raw.find("?=", pos + 10);
    if (end == std::string::npos) break;
    out += "\n" + Base64Decode(std::string_view(raw).substr(pos + 10, end - pos - 10));
    pos = end;
  }
  // Base64 bodies: each part's text after its header block, up to the next boundary.
  const std::string marker = "Content-Transfer-Encoding: base64";
  for (size_t pos = 0; (pos = raw.find(marker, pos)) != std::string::npos;) {
    size_t start = raw.find("\r\n\r\n", pos);
    if (start == std::string::npos) break;
    start += 4;
    size_t end = raw.find("--", start);
    out += "\n" + Base64Decode(
                      std::string_view(raw).substr(start, end == std::string::npos ? std::string::npos : end - start));
    pos = start;
  }
  return out;
}

std::string MailHeader(const std::string& raw, const std::string& name) {
  size_t pos = raw.find(name + ": ");
  if (pos == std::string::npos) return "";
  size_t end = raw.find("\r\n", pos);
  return raw.substr(pos + name.size() + 2, end - pos - name.size() - 2);
}

SeededOrg SeedOrganisation(store::Store& store, const std::string& name, const std::string& prefix) {
  SeededOrg out;
  auto now = app::Now();
  // Seeded accounts keep bare names ("a_hr"); accounts an admin creates get "@org-a" (login domains).
  std::string domain = "org-" + prefix.substr(0, prefix.find('_'));
  out.org = *store.CreateOrganisation(name, AnonymityPolicy{}, now, domain);
  out.unit = *store.CreateUnit(out.org, "Library services");
  // Minimal argon2id cost: the hash string carries its parameters, so the server verifies it as usual.
  std::string hash = *crypto::HashPassword(kTestPassword, crypto::PasswordCost::ForTests());
  for (auto [key, role] :
       std::initializer_list<std::pair<const char*, Role>>{{"admin", Role::kAdmin},
                                                           {"hr", Role::kHr},
                                                           {"reviewer", Role::kReviewer},
                                                           {"reviewer2", Role::kReviewer},
                                                           {"reviewer3", Role::kReviewer},
                                                           {"registry", Role::kRegistry},
                                                           {"auditor", Role::kAuditor},
                                                           {"decision_maker", Role::kDecisionMaker}}) {
    User u;
    u.org_id = out.org;
    u.username = prefix + key;
    u.display_name = std::string(key) + " of " + name;
    u.email = prefix + key + "@staff.test";
    u.role = role;
    out.users[key] = *store.CreateUser(u, hash, 0, now);
  }
  // Test organisations ask every optional identity field, so that the boundary tests can look for
  // each value (an organisation asks none of them by default: data minimisation).
  std::vector<CollectedField> every;
  for (const auto& field : MinimisedIdentityFields()) {
    every.push_back({field, "Test organisation: statistics on equality, with the applicant's consent"});
  }
  every.push_back({kEqualityStatisticsField, "Test organisation: equality monitoring, with consent"});
  if (!store.SetCollectedFields(out.org, every, 0, now).ok()) std::abort();
  return out;
}

bool HasPdfToText() { return std::system("command -v pdftotext >/dev/null 2>&1") == 0; }

std::string PdfText(const std::string& pdf, int first, int last) {
  TempDir dir;
  auto in = dir.path() / "document.pdf";
  auto out = dir.path() / "document.txt";
  std::ofstream(in, std::ios::binary) << pdf;
  std::string range = first ? " -f " + std::to_string(first) + " -l " + std::to_string(last) : "";
  std::string command = "pdftotext -layout" + range + " '" + in.string() + "' '" + out.string() + "' 2>/dev/null";
  if (std::system(command.c_str()) != 0) return "";
  std::ifstream text(out);
  return std::string(std::istreambuf_iterator<char>(text), {});
}

int RenderedPages(const std::string& pdf) {
  TempDir dir;
  auto in = dir.path() / "document.pdf";
  std::ofstream(in, std::ios::binary) << pdf;
  std::string command =
      "pdftoppm -png -r 40 '" + in.string() + "' '" + (dir.path() / "page").string() + "' 2>/dev/null";
  if (std::system(command.c_str()) != 0) return 0;
  int pages = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
    if (entry.path().extension() != ".png") continue;
    std::ifstream png(entry.path(), std::ios::binary);
    char magic[8] = {};
    png.read(magic, 8);
    // A PNG with a picture in it: the signature and more than a blank page's few bytes.
    if (std::string_view(magic + 1, 3) == "PNG" && std::filesystem::file_size(entry.path()) > 1000) ++pages;
  }
  return pages;
}

std::string Gunzip(const std::string& compressed) {
  z_stream z{};
  if (inflateInit2(&z, 15 + 16) != Z_OK) return "";
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
  z.avail_in = static_cast<uInt>(compressed.size());
  std::string out;
  char buffer[16384];
  int status = Z_OK;
  while (status == Z_OK) {
    z.next_out = reinterpret_cast<Bytef*>(buffer);
    z.avail_out = sizeof buffer;
    status = inflate(&z, Z_NO_FLUSH);
    out.append(buffer, sizeof buffer - z.avail_out);
  }
  inflateEnd(&z);
  return status == Z_STREAM_END ? out : "";
}

}  // namespace reilu::testing
