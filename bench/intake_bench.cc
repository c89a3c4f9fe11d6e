// Intake and reviewer-list benchmark (issue 11: lists as fast as static files).
//   1. raw SQLite: the same rows an application writes (applications + application_identities), one
//      durable transaction per application, as fast as one writer can go;
//   2. HTTP intake: POST /api/v1/jobs/{id}/applications against a real `reilu serve` on loopback,
//      keep-alive connections from several threads;
//   3. the reviewer's list of 1000 applications (after the deadline, texts released), whole and as a
//      50-item page, with wrk at 64 connections, beside nginx serving the identical bytes in the same
//      run (p50/p99 and the ratios).
// Usage: intake_bench REILU_BINARY [applications=2000] [connections=8]
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <mutex>
#include <sstream>
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

// A cover letter of a real letter's length (about 1 500 bytes) that names the applicant.
std::string CoverLetter(const std::string& first, const std::string& last) {
  return "Hyvä vastaanottaja,\n\nhaen avoinna olevaa suunnittelijan tehtävää. Olen " + first + " " + last +
         " ja olen työskennellyt kunnan hallinnossa kuusi vuotta, viimeksi talous- ja "
         "henkilöstösuunnittelun tehtävissä. Työssäni olen valmistellut talousarvioita, koonnut "
         "raportteja lautakunnille ja kehittänyt tiimimme tapaa seurata hankkeiden kustannuksia. "
         "Olen tottunut käyttämään Exceliä ja Power BI:tä, ja olen kouluttanut kollegoita niiden "
         "käytössä.\n\nMinua kiinnostaa tehtävässänne erityisesti mahdollisuus kehittää palveluja "
         "yhdessä asukkaiden kanssa. Edellisessä työssäni vedin osallistavan budjetoinnin kokeilua, "
         "jossa asukkaat ehdottivat ja äänestivät lähiympäristön pienhankkeista. Kokeilu opetti minulle, "
         "miten tärkeää on kertoa päätöksistä selkeästi ja ajoissa.\n\nArvostan työyhteisöä, jossa "
         "tietoa jaetaan avoimesti ja jossa jokainen voi kehittyä. Olen luotettava, järjestelmällinen ja "
         "pidän lupaukseni. Vapaa-ajallani laulan kuorossa ja ulkoilen.\n\nKiitos, että luitte "
         "hakemukseni. Kerron mielelläni lisää haastattelussa.\n\nYstävällisin terveisin\n" +
         first + " " + last;
}

std::string ApplicationJson(int i) {
  std::string n = std::to_string(i);
  return json::serialize(json::object{
      {"identity",
       {{"first_name", "Etunimi" + n},
        {"last_name", "Sukunimi" + n},
        {"email", "hakija" + n + "@example.fi"},
        {"phone", "+358 40 000 " + n},
        {"street_address", "Katu " + n},
        {"postal_code", "00100"},
        {"municipality", "Helsinki"},
        {"language", "fi"}}},
      {"merits",
       {{"education", json::array{{{"level", "master"}, {"field", "Hallintotiede"}, {"institution", "Yliopisto"}}}},
        {"experience", json::array{{{"title", "Suunnittelija"}, {"employer", "Kunta"}, {"months", 60}}}},
        {"skills", {"Excel", "Projektinhallinta"}}}},
      {"free_text",
       {{"cover_letter", CoverLetter("Etunimi" + n, "Sukunimi" + n)},
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
    // REILU_BENCH_THREADS: the server's worker threads (its default otherwise).
    const char* threads = std::getenv("REILU_BENCH_THREADS");
    if (threads) {
      execl(bin.c_str(), bin.c_str(), "--data-dir", d.c_str(), "serve", "--port", "0", "--port-file", pf.c_str(),
            "--quiet", "--threads", threads, static_cast<char*>(nullptr));
    } else {
      execl(bin.c_str(), bin.c_str(), "--data-dir", d.c_str(), "serve", "--port", "0", "--port-file", pf.c_str(),
            "--quiet", static_cast<char*>(nullptr));
    }
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
                                           const std::string& cookie = "", const std::string& csrf = "") {
    return Call(bhttp::verb::post, target, body, cookie, csrf);
  }
  bhttp::response<bhttp::string_body> Get(const std::string& target, const std::string& cookie) {
    return Call(bhttp::verb::get, target, "", cookie, "");
  }
  bhttp::response<bhttp::string_body> Call(bhttp::verb verb, const std::string& target, const std::string& body,
                                           const std::string& cookie, const std::string& csrf) {
    bhttp::request<bhttp::string_body> req(verb, target, 11);
    req.set(bhttp::field::host, "127.0.0.1");
    if (verb != bhttp::verb::get) req.set(bhttp::field::content_type, "application/json");
    if (!cookie.empty()) req.set(bhttp::field::cookie, cookie);
    if (!csrf.empty()) req.set("X-CSRF-Token", csrf);
    req.keep_alive(true);
    req.body() = body;
    req.prepare_payload();
    bhttp::write(stream, req);
    bhttp::response<bhttp::string_body> res;
    bhttp::read(stream, buffer, res);
    return res;
  }
};

struct Session {
  std::string cookie, csrf;
};
Session LogIn(int port, const std::string& username) {
  KeepAliveClient c(port);
  auto res = c.Post("/api/v1/session", R"({"username":")" + username + R"(","password":"bench password 1234"})");
  std::string cookie(res[bhttp::field::set_cookie]);
  auto body = json::parse(res.body());
  return {cookie.substr(0, cookie.find(';')), std::string(body.at("csrf_token").as_string())};
}

struct WrkFigures {
  double p50_ms = 0, p99_ms = 0, rps = 0;
  long non_2xx = 0;
  double cpu_us = 0;  // the server's CPU time per request
};

// wrk --latency prints "50%  12.34ms" (us, ms or s) and "Requests/sec: 1234.56".
WrkFigures RunWrk(const std::string& url, const std::string& cookie, int seconds) {
  std::string cmd =
      "wrk -t2 -c64 -d" + std::to_string(seconds) + "s --latency -H 'Cookie: " + cookie + "' '" + url + "' 2>&1";
  FILE* p = popen(cmd.c_str(), "r");
  WrkFigures f;
  char line[512];
  auto ms = [](double v, const char* unit) {
    return std::string_view(unit).starts_with("us")   ? v / 1000
           : std::string_view(unit).starts_with("ms") ? v
                                                      : v * 1000;
  };
  while (p && std::fgets(line, sizeof line, p)) {
    double v = 0;
    char unit[8] = {};
    if (std::sscanf(line, " 50%% %lf%7s", &v, unit) == 2) f.p50_ms = ms(v, unit);
    if (std::sscanf(line, " 99%% %lf%7s", &v, unit) == 2) f.p99_ms = ms(v, unit);
    if (std::sscanf(line, "Requests/sec: %lf", &v) == 1) f.rps = v;
    long n = 0;
    if (std::sscanf(line, " Non-2xx or 3xx responses: %ld", &n) == 1) f.non_2xx = n;
  }
  if (p) pclose(p);
  return f;
}

// nginx (Debian's nginx-light) serving `dir` on a free loopback port; returns its pid.
pid_t StartNginx(const std::filesystem::path& dir, int* port) {
  {
    asio::io_context io;
    asio::ip::tcp::acceptor probe(io, {asio::ip::make_address("127.0.0.1"), 0});
    *port = probe.local_endpoint().port();
  }
  std::ofstream conf(dir / "nginx.conf");
  conf << "worker_processes 2;\ndaemon off;\npid " << (dir / "nginx.pid").string() << ";\nerror_log "
       << (dir / "error.log").string() << ";\nevents { worker_connections 1024; }\nhttp {\n  access_log off;\n"
       << "  default_type application/json;\n  sendfile on;\n  tcp_nopush on;\n  keepalive_requests 100000;\n"
       << "  client_body_temp_path " << (dir / "tmp").string() << ";\n  server {\n    listen 127.0.0.1:" << *port
       << ";\n    root " << (dir / "static").string() << ";\n  }\n}\n";
  conf.close();
  std::filesystem::create_directories(dir / "tmp");
  pid_t pid = fork();
  if (pid == 0) {
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    std::string c = (dir / "nginx.conf").string(), prefix = dir.string() + "/";
    execl("/usr/sbin/nginx", "nginx", "-p", prefix.c_str(), "-c", c.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  for (int i = 0; i < 100; ++i) {
    try {
      asio::io_context io;
      asio::ip::tcp::socket socket(io);
      socket.connect({asio::ip::make_address("127.0.0.1"), static_cast<unsigned short>(*port)});
      return pid;
    } catch (const std::exception&) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  }
  std::cerr << "nginx did not start\n";
  std::exit(1);
}

// CPU seconds (user + system, all threads) used so far by `pid` and, with `children`, by its
// living children too (nginx's workers).
double CpuSeconds(pid_t pid, bool children = false) {
  auto of = [](pid_t p) {
    std::ifstream in("/proc/" + std::to_string(p) + "/stat");
    std::string stat((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    auto close = stat.rfind(')');
    if (close == std::string::npos) return 0.0;
    std::istringstream fields(stat.substr(close + 2));
    std::string field;
    double utime = 0, stime = 0;
    for (int i = 3; fields >> field; ++i) {
      if (i == 14) utime = std::stod(field);
      if (i == 15) {
        stime = std::stod(field);
        break;
      }
    }
    return (utime + stime) / static_cast<double>(sysconf(_SC_CLK_TCK));
  };
  double total = of(pid);
  if (children) {
    std::ifstream kids("/proc/" + std::to_string(pid) + "/task/" + std::to_string(pid) + "/children");
    for (pid_t kid; kids >> kid;) total += of(kid);
  }
  return total;
}

// The reviewer's list, whole and paged, beside nginx with the identical bytes.
bool ListBench(pid_t server, int port, RecruitmentId rec, int applications, const std::filesystem::path& base) {
  const std::string list = "/api/v1/recruitments/" + std::to_string(rec) + "/applications";
  Session hr = LogIn(port, "hr");
  {
    KeepAliveClient c(port);
    auto closed = c.Post("/api/v1/recruitments/" + std::to_string(rec) + "/close", "{}", hr.cookie, hr.csrf);
    auto released =
        c.Post("/api/v1/recruitments/" + std::to_string(rec) + "/redactions/release", "{}", hr.cookie, hr.csrf);
    if (closed.result_int() != 200 || released.result_int() != 200) {
      std::cerr << "close/release failed: " << closed.result_int() << " " << released.result_int() << "\n";
      return false;
    }
  }
  Session reviewer = LogIn(port, "reviewer");
  std::filesystem::path web = base / "nginx";
  std::filesystem::create_directories(web / "static");
  struct Case {
    const char* name;
    std::string target, file;
  };
  std::vector<Case> cases = {{"whole list", list, "list.json"}, {"page of 50", list + "?limit=50", "page.json"}};
  std::printf("reviewer's list of %d applications, wrk -t2 -c64, beside nginx with the same bytes\n", applications);
  KeepAliveClient c(port);
  for (const auto& k : cases) {
    auto res = c.Get(k.target, reviewer.cookie);
    if (res.result_int() != 200) {
      std::cerr << k.target << ": " << res.result_int() << " " << res.body() << "\n";
      return false;
    }
    std::ofstream(web / "static" / k.file, std::ios::binary) << res.body();
    std::printf("%s: %zu bytes\n", k.name, res.body().size());
  }
  int nginx_port = 0;
  pid_t nginx = StartNginx(web, &nginx_port);
  // This machine's speed drifts between runs (±30 % for nginx alone), so each case runs in rounds,
  // Reilu and nginx one after the other, and the table gives each round and the median ratios.
  constexpr int kRounds = 3, kSeconds = 5;
  std::printf("%d rounds of %d s each, Reilu then nginx in each round\n", kRounds, kSeconds);
  std::printf(
      "\n| what | round | reilu p50 | nginx p50 | ratio | reilu p99 | nginx p99 | ratio | reilu req/s | nginx req/s | "
      "server CPU µs/request reilu / nginx |\n");
  std::printf("|---|---|---|---|---|---|---|---|---|---|---|\n");
  bool ok = true;
  for (const auto& k : cases) {
    std::vector<double> p50_ratios, p99_ratios;
    for (int round = 1; round <= kRounds; ++round) {
      double cpu = CpuSeconds(server);
      WrkFigures ours = RunWrk("http://127.0.0.1:" + std::to_string(port) + k.target, reviewer.cookie, kSeconds);
      ours.cpu_us = (CpuSeconds(server) - cpu) * 1e6 / (ours.rps * kSeconds);
      cpu = CpuSeconds(nginx, true);
      WrkFigures theirs =
          RunWrk("http://127.0.0.1:" + std::to_string(nginx_port) + "/" + k.file, reviewer.cookie, kSeconds);
      theirs.cpu_us = (CpuSeconds(nginx, true) - cpu) * 1e6 / (theirs.rps * kSeconds);
      p50_ratios.push_back(ours.p50_ms / theirs.p50_ms);
      p99_ratios.push_back(ours.p99_ms / theirs.p99_ms);
      std::printf("| %s | %d | %.2f ms | %.2f ms | %.1f× | %.2f ms | %.2f ms | %.1f× | %.0f | %.0f | %.0f / %.0f |\n",
                  k.name, round, ours.p50_ms, theirs.p50_ms, p50_ratios.back(), ours.p99_ms, theirs.p99_ms,
                  p99_ratios.back(), ours.rps, theirs.rps, ours.cpu_us, theirs.cpu_us);
      if (ours.non_2xx > 0 || theirs.non_2xx > 0) {
        std::printf("  non-2xx responses: reilu %ld, nginx %ld\n", ours.non_2xx, theirs.non_2xx);
        ok = false;
      }
    }
    std::sort(p50_ratios.begin(), p50_ratios.end());
    std::sort(p99_ratios.begin(), p99_ratios.end());
    std::printf("| %s | median | | | **%.1f×** | | | **%.1f×** | | | |\n", k.name, p50_ratios[kRounds / 2],
                p99_ratios[kRounds / 2]);
  }
  std::fflush(stdout);
  kill(nginx, SIGTERM);
  waitpid(nginx, nullptr, 0);
  return ok;
}

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
  std::mutex latency_mutex;
  std::vector<double> latencies;  // ms per submission, from sending to the durable 201
  auto start = Clock::now();
  std::vector<std::thread> threads;
  for (int t = 0; t < connections; ++t) {
    threads.emplace_back([&] {
      KeepAliveClient c(port);
      std::vector<double> mine;
      for (int i = next++; i < n; i = next++) {
        std::string body = ApplicationJson(i);
        auto sent = Clock::now();
        auto res = c.Post(target, body);
        // The first refusal says why (a bench that only counts failures hides an API change).
        if (res.result_int() != 201 && failures++ == 0) std::cerr << res.result_int() << " " << res.body() << "\n";
        mine.push_back(std::chrono::duration<double, std::milli>(Clock::now() - sent).count());
      }
      std::lock_guard lock(latency_mutex);
      latencies.insert(latencies.end(), mine.begin(), mine.end());
    });
  }
  for (auto& t : threads) t.join();
  std::sort(latencies.begin(), latencies.end());
  auto pct = [&](double q) {
    return latencies.empty() ? 0.0 : latencies[static_cast<size_t>(q * static_cast<double>(latencies.size() - 1))];
  };
  double http_rate = n / std::chrono::duration<double>(Clock::now() - start).count();
  std::printf("http intake (%d connections): %.0f applications/s, %d failures\n", connections, http_rate,
              failures.load());
  std::printf("intake / raw = %.0f %%\n", 100.0 * http_rate / raw);
  std::printf("per submission (a deadline rush of %d at once): p50 %.1f ms, p99 %.1f ms\n", connections, pct(0.5),
              pct(0.99));

  // Top up to exactly 1000 applications for the list benchmark.
  {
    KeepAliveClient c(port);
    for (int i = n; i < 1000; ++i) (void)c.Post(target, ApplicationJson(i));
  }
  int rc = ListBench(server, port, seed.rec, std::max(n, 1000), base) ? 0 : 1;
  kill(server, SIGTERM);
  waitpid(server, nullptr, 0);
  std::filesystem::remove_all(base);
  return rc == 0 ? 0 : 1;
}
