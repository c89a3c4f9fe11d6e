// Intake and reviewer-list benchmark (issue: core server, performance).
//   1. raw SQLite: the same rows an application writes (applications + application_identities), one
//      durable transaction per application, as fast as one writer can go;
//   2. HTTP intake: POST /api/v1/jobs/{id}/applications against a real `reilu serve` on loopback,
//      keep-alive connections from several threads;
//   3. reviewer list of 1000 applications with wrk at 64 connections (p50/p99).
// Usage: intake_bench REILU_BINARY [applications=2000] [connections=8]
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <thread>

#include "app/app.h"
#include "codec/codec.h"
#include "crypto/crypto.h"
#include "store/migrations.h"
#include "store/sqlite_db.h"

using namespace reilu;
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
namespace json = boost::json;
using Clock = std::chrono::steady_clock;

namespace {

std::string ApplicationJson(int i) {
  std::string n = std::to_string(i);
  return json::serialize(json::object{
      {"identity",
       {{"first_name", "Etunimi" + n},
        {"last_name", "Sukunimi" + n},
        {"email", "hakija" + n + "@example.fi"},
        {"phone", "+358 40 000 " + n},
        {"birth_date", "1980-01-01"},
        {"street_address", "Katu " + n},
        {"postal_code", "00100"},
        {"municipality", "Helsinki"},
        {"language", "fi"}}},
      {"merits",
       {{"education", json::array{{{"level", "master"}, {"field", "Hallintotiede"}, {"institution", "Yliopisto"}}}},
        {"experience", json::array{{{"title", "Suunnittelija"}, {"employer", "Kunta"}, {"months", 60}}}},
        {"skills", {"Excel", "Projektinhallinta"}}}},
      {"free_text",
       {{"cover_letter", std::string(1500, 'x')},
        {"answers", json::array{{{"question_id", "why"}, {"text", "Koska."}}}}}}});
}

struct Seed {
  OrgId org;
  RecruitmentId rec;
};

Seed SeedRecruitment(store::Store& store) {
  auto now = app::Now();
  OrgId org = *store.CreateOrganisation("Bench", AnonymityPolicy{}, now);
  std::string hash = *crypto::HashPassword("bench password 1234", crypto::PasswordCost::ForTests());
  User hr{0, org, "hr", "HR", "", Role::kHr, true};
  User reviewer{0, org, "reviewer", "Reviewer", "", Role::kReviewer, true};
  UserId hr_id = *store.CreateUser(hr, hash, 0, now);
  UserId rev_id = *store.CreateUser(reviewer, hash, 0, now);
  Recruitment r;
  r.org_id = org;
  r.owner_id = hr_id;
  r.languages = {"fi"};
  r.title = {{"fi", "Suunnittelija"}};
  r.criteria = {{"exp", {{"fi", "Kokemus"}}, 1, {}}};
  r.questions = {{"why", {{"fi", "Miksi?"}}, false, {}}};
  r.deadline = now + 86400;
  r.reviewer_ids = {rev_id};
  RecruitmentId rec = *store.CreateRecruitment(r, now);
  auto saved = *store.GetRecruitment(org, rec);
  saved.state = RecruitmentState::kPublished;
  (void)store.UpdateRecruitment(saved, std::nullopt, now);
  return {org, rec};
}

// One durable transaction per application, with the same two inserts the server does.
double RawInsertRate(const std::filesystem::path& dir, int n) {
  auto store = app::OpenStore(app::DataDir{dir});
  Seed seed = SeedRecruitment(**store);
  store->reset();
  auto conn = *store::OpenSqlite((dir / "reilu.db").string());
  auto key = crypto::SecretKey::Generate();
  auto random = crypto::SystemRandom();
  Submission s;
  s.identity = Identity{
      "Etunimi", "Sukunimi", "hakija@example.fi", "+358 40 000 0", "1980-01-01", "", "Katu 1", "00100", "Helsinki", "",
      "",        "fi"};
  s.merits.skills = {"Excel", "Projektinhallinta"};
  s.free_text.cover_letter = std::string(1500, 'x');
  auto start = Clock::now();
  for (int i = 0; i < n; ++i) {
    auto tx = store::Transaction::Begin(conn);
    ApplicationId id = MakeApplicationId(random);
    auto ins = *conn.Prepare(
        "INSERT INTO applications (id, org_id, recruitment_id, pseudonym, reference, merits, redacted, state, "
        "received_at) "
        "VALUES ($1, $2, $3, $4, $5, $6, NULL, 'received', $7)");
    ins.Bind(1, id)
        .Bind(2, seed.org)
        .Bind(3, seed.rec)
        .Bind(4, "P" + std::to_string(i))
        .Bind(5, MakeReference(random))
        .Bind(6, codec::Serialize(codec::ToJson(s.merits)))
        .Bind(7, app::Now());
    (void)ins.Run();
    std::string sealed = crypto::Seal(key, codec::Serialize(codec::ToJson(s.identity)), id);
    auto idi = *conn.Prepare(
        "INSERT INTO application_identities (application_id, org_id, recruitment_id, sealed) VALUES ($1, $2, $3, $4)");
    (void)idi.Bind(1, id).Bind(2, seed.org).Bind(3, seed.rec).BindBlob(4, sealed).Run();
    (void)tx->Commit();
  }
  return n / std::chrono::duration<double>(Clock::now() - start).count();
}

pid_t StartServer(const std::string& bin, const std::filesystem::path& dir, int* port) {
  auto port_file = dir / "port";
  pid_t pid = fork();
  if (pid == 0) {
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    std::string d = dir.string(), pf = port_file.string();
    execl(bin.c_str(), bin.c_str(), "--data-dir", d.c_str(), "serve", "--port", "0", "--port-file", pf.c_str(),
          "--quiet", static_cast<char*>(nullptr));
    _exit(127);
  }
  for (int i = 0; i < 400; ++i) {
    std::ifstream in(port_file);
    if (in >> *port && *port > 0) return pid;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  std::cerr << "server did not start\n";
  std::exit(1);
}

struct KeepAliveClient {
  asio::io_context ioc;
  beast::tcp_stream stream{ioc};
  beast::flat_buffer buffer;
  explicit KeepAliveClient(int port) {
    stream.connect({asio::ip::make_address("127.0.0.1"), static_cast<unsigned short>(port)});
  }
  bhttp::response<bhttp::string_body> Post(const std::string& target, const std::string& body,
                                           const std::string& cookie = "") {
    bhttp::request<bhttp::string_body> req(bhttp::verb::post, target, 11);
    req.set(bhttp::field::host, "127.0.0.1");
    req.set(bhttp::field::content_type, "application/json");
    if (!cookie.empty()) req.set(bhttp::field::cookie, cookie);
    req.keep_alive(true);
    req.body() = body;
    req.prepare_payload();
    bhttp::write(stream, req);
    bhttp::response<bhttp::string_body> res;
    bhttp::read(stream, buffer, res);
    return res;
  }
};

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: intake_bench REILU_BINARY [applications] [connections]\n";
    return 2;
  }
  std::string bin = argv[1];
  int n = argc > 2 ? std::atoi(argv[2]) : 2000;
  int connections = argc > 3 ? std::atoi(argv[3]) : 8;
  if (!crypto::Init()) return 1;
  auto base = std::filesystem::temp_directory_path() / ("reilu-bench-" + std::to_string(getpid()));
  std::filesystem::remove_all(base);

  double raw = RawInsertRate(base / "raw", n);
  std::printf("raw sqlite inserts (durable, 1 tx/application): %.0f applications/s\n", raw);

  Seed seed;
  {
    auto store = app::OpenStore(app::DataDir{base / "server"});
    seed = SeedRecruitment(**store);
  }
  int port = 0;
  pid_t server = StartServer(bin, base / "server", &port);
  std::string target = "/api/v1/jobs/" + std::to_string(seed.rec) + "/applications";
  std::atomic<int> next{0}, failures{0};
  auto start = Clock::now();
  std::vector<std::thread> threads;
  for (int t = 0; t < connections; ++t) {
    threads.emplace_back([&] {
      KeepAliveClient c(port);
      for (int i = next++; i < n; i = next++) {
        if (c.Post(target, ApplicationJson(i)).result_int() != 201) ++failures;
      }
    });
  }
  for (auto& t : threads) t.join();
  double http_rate = n / std::chrono::duration<double>(Clock::now() - start).count();
  std::printf("http intake (%d connections): %.0f applications/s, %d failures\n", connections, http_rate,
              failures.load());
  std::printf("intake / raw = %.0f %%\n", 100.0 * http_rate / raw);

  // Top up to exactly 1000 applications for the list benchmark.
  {
    KeepAliveClient c(port);
    for (int i = n; i < 1000; ++i) (void)c.Post(target, ApplicationJson(i));
  }
  KeepAliveClient login(port);
  auto res = login.Post("/api/v1/session", R"({"username":"reviewer","password":"bench password 1234"})");
  std::string cookie(res[bhttp::field::set_cookie]);
  cookie = cookie.substr(0, cookie.find(';'));
  std::string url =
      "http://127.0.0.1:" + std::to_string(port) + "/api/v1/recruitments/" + std::to_string(seed.rec) + "/applications";
  std::string cmd = "wrk -t2 -c64 -d10s --latency -H 'Cookie: " + cookie + "' " + url;
  std::printf("reviewer list, %d applications: %s\n", std::max(n, 1000), cmd.substr(0, cmd.find("-H")).c_str());
  std::fflush(stdout);
  int rc = std::system(cmd.c_str());
  kill(server, SIGTERM);
  waitpid(server, nullptr, 0);
  std::filesystem::remove_all(base);
  return rc == 0 ? 0 : 1;
}
