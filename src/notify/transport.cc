#include "notify/transport.h"

#include <arpa/inet.h>
#include <curl/curl.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <boost/json.hpp>
#include <cctype>
#include <chrono>
#include <cstring>
#include <filesystem>

namespace reilu::notify {

namespace {

// A literal loopback address (127.0.0.0/8, ::1) or "localhost" (which curl resolves to loopback
// itself). Names are not resolved here: "127.evil-relay.example" is a name, not an address.
bool IsLoopback(const std::string& host) {
  if (host == "localhost") return true;
  in_addr v4{};
  if (inet_pton(AF_INET, host.c_str(), &v4) == 1) return (ntohl(v4.s_addr) >> 24) == 127;
  std::string bare =
      host.size() > 2 && host.front() == '[' && host.back() == ']' ? host.substr(1, host.size() - 2) : host;
  in6_addr v6{};
  return inet_pton(AF_INET6, bare.c_str(), &v6) == 1 && IN6_IS_ADDR_LOOPBACK(&v6);
}

Error MailError(const std::string& what) { return MakeError(ErrorCode::kInternal, what); }

struct Upload {
  const std::string* data;
  size_t offset = 0;
};

size_t ReadUpload(char* buffer, size_t size, size_t nitems, void* user) {
  auto* up = static_cast<Upload*>(user);
  size_t n = std::min(size * nitems, up->data->size() - up->offset);
  std::memcpy(buffer, up->data->data() + up->offset, n);
  up->offset += n;
  return n;
}

// One global init before the first handle (libcurl's rule); thread-safe in libcurl >= 7.84.
void EnsureCurlInit() {
  static const bool initialised = [] { return curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK; }();
  (void)initialised;
}

}  // namespace

Status ValidateSmtpSettings(const SmtpSettings& s) {
  if (s.host.empty() || s.host.size() > 253 || s.host.find_first_of(" /\r\n") != std::string::npos) {
    return MakeError(ErrorCode::kInvalidInput, "Give the SMTP server's host name.", "host");
  }
  if (s.port < 1 || s.port > 65535) return MakeError(ErrorCode::kInvalidInput, "The port is 1 to 65535.", "port");
  if (s.security != "starttls" && s.security != "tls" && s.security != "none") {
    return MakeError(ErrorCode::kInvalidInput, "security is starttls, tls or none.", "security");
  }
  if (s.security == "none" && !IsLoopback(s.host)) {
    return MakeError(ErrorCode::kInvalidInput, "Unencrypted SMTP is allowed only to a server on this machine.",
                     "security");
  }
  if (s.from_address.empty() || s.from_address.find('@') == std::string::npos ||
      s.from_address.find_first_of(" <>\r\n") != std::string::npos) {
    return MakeError(ErrorCode::kInvalidInput, "Give the sender address.", "from_address");
  }
  if (!s.username.empty() && s.password.empty()) {
    return MakeError(ErrorCode::kInvalidInput, "A username needs a password.", "password");
  }
  return OkStatus();
}

std::string SerializeSmtpSettings(const SmtpSettings& s) {
  return boost::json::serialize(boost::json::object{{"host", s.host},
                                                    {"port", s.port},
                                                    {"security", s.security},
                                                    {"username", s.username},
                                                    {"password", s.password},
                                                    {"from_address", s.from_address},
                                                    {"from_name", s.from_name},
                                                    {"ca_file", s.ca_file}});
}

std::optional<SmtpSettings> ParseSmtpSettings(std::string_view json) {
  boost::system::error_code ec;
  boost::json::value v = boost::json::parse(json, ec);
  if (ec || !v.is_object()) return std::nullopt;
  const auto& o = v.get_object();
  auto str = [&](const char* key) {
    const auto* f = o.if_contains(key);
    return f && f->is_string() ? std::string(f->get_string()) : std::string();
  };
  SmtpSettings s;
  s.host = str("host");
  s.security = str("security");
  s.username = str("username");
  s.password = str("password");
  s.from_address = str("from_address");
  s.from_name = str("from_name");
  s.ca_file = str("ca_file");
  if (const auto* p = o.if_contains("port"); p && p->is_int64()) s.port = static_cast<int>(p->get_int64());
  return s;
}

std::string OutboxDirectory::OutboxFileOf(const std::string& dir, const std::string& id) {
  if (id.empty() || id.size() > 100) return {};
  for (char c : id) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_') return {};
  }
  return dir + "/" + id + ".eml";
}

Status OutboxDirectory::Send(const Envelope& mail) {
  const std::string& eml = mail.eml;
  static std::atomic<unsigned> counter{0};
  std::error_code ec;
  std::filesystem::create_directories(dir_, ec);
  if (ec) return MailError("Cannot create the outbox folder: " + ec.message());
  ::chmod(dir_.c_str(), 0700);
  auto stamp = std::chrono::system_clock::now().time_since_epoch().count();
  std::string unique = std::to_string(stamp) + "-" + std::to_string(::getpid()) + "-" + std::to_string(counter++);
  std::string final_path = OutboxFileOf(dir_, mail.id);
  if (final_path.empty()) final_path = dir_ + "/" + unique + ".eml";
  std::string tmp = dir_ + "/." + unique + ".tmp";
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) return MailError("Cannot write to the outbox folder.");
  size_t written = 0;
  while (written < eml.size()) {
    ssize_t n = ::write(fd, eml.data() + written, eml.size() - written);
    if (n <= 0) {
      ::close(fd);
      ::unlink(tmp.c_str());
      return MailError("Cannot write to the outbox folder.");
    }
    written += static_cast<size_t>(n);
  }
  bool synced = ::fsync(fd) == 0;
  ::close(fd);
  if (!synced || ::rename(tmp.c_str(), final_path.c_str()) != 0) {
    ::unlink(tmp.c_str());
    return MailError("Cannot write to the outbox folder.");
  }
  return OkStatus();
}

Status SmtpTransport::Send(const Envelope& mail) {
  const std::string& from = mail.from;
  const std::string& to = mail.to;
  const std::string& eml = mail.eml;
  EnsureCurlInit();
  CURL* curl = curl_easy_init();
  if (!curl) return MailError("libcurl could not start.");
  const SmtpSettings& s = settings_;
  std::string url = (s.security == "tls" ? "smtps://" : "smtp://") + s.host + ":" + std::to_string(s.port);
  curl_slist* recipients = curl_slist_append(nullptr, ("<" + to + ">").c_str());
  Upload upload{&eml};
  std::string sender = "<" + from + ">";
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_MAIL_FROM, sender.c_str());
  curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, recipients);
  curl_easy_setopt(curl, CURLOPT_READFUNCTION, ReadUpload);
  curl_easy_setopt(curl, CURLOPT_READDATA, &upload);
  curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, 10L);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, 60L);
  if (s.security == "starttls") curl_easy_setopt(curl, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_ALL));
  if (!s.ca_file.empty()) curl_easy_setopt(curl, CURLOPT_CAINFO, s.ca_file.c_str());
  if (!s.username.empty()) {
    curl_easy_setopt(curl, CURLOPT_USERNAME, s.username.c_str());
    curl_easy_setopt(curl, CURLOPT_PASSWORD, s.password.c_str());
  }
  CURLcode rc = curl_easy_perform(curl);
  curl_slist_free_all(recipients);
  curl_easy_cleanup(curl);
  if (rc != CURLE_OK) return MailError(std::string("SMTP delivery failed: ") + curl_easy_strerror(rc));
  return OkStatus();
}

}  // namespace reilu::notify
