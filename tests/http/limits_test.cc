#include "http/limits.h"

#include <gtest/gtest.h>

#include "http/http.h"
#include "support/test_server.h"

#include <sys/socket.h>

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <future>
#include <thread>

namespace reilu::http {
namespace {

using namespace std::chrono_literals;

TEST(AddressRateLimitTest, BurstThenOnePerRefill) {
  AddressRateLimit limit(/*per_minute=*/60, /*burst=*/3, /*max_addresses=*/100);
  auto t = AddressRateLimit::Clock::time_point{} + 1h;
  for (int i = 0; i < 3; ++i) EXPECT_EQ(limit.Take("192.0.2.1", t), 0) << i;
  EXPECT_EQ(limit.Take("192.0.2.1", t), 1);  // one token a second
  EXPECT_EQ(limit.Take("192.0.2.2", t), 0);  // another address has its own bucket
  EXPECT_EQ(limit.Take("192.0.2.1", t + 1s), 0);
  EXPECT_GT(limit.Take("192.0.2.1", t + 1s), 0);
}

TEST(AddressRateLimitTest, TableStaysBounded) {
  AddressRateLimit limit(30, 10, 50);
  auto t = AddressRateLimit::Clock::time_point{} + 1h;
  for (int i = 0; i < 5000; ++i) limit.Take("2001:db8::" + std::to_string(i), t + std::chrono::milliseconds(i));
  EXPECT_LE(limit.Tracked(), 50u);
}

TEST(ConcurrencyLimitTest, WaitsForAPlaceThenRefusesBeyondTheQueue) {
  ConcurrencyLimit limit(/*max_running=*/1, /*max_waiting=*/1, 10s);
  auto first = limit.Acquire();
  ASSERT_TRUE(first);
  auto waiter = std::async(std::launch::async, [&] { return limit.Acquire() != nullptr; });
  while (limit.Waiting() == 0) std::this_thread::sleep_for(1ms);
  EXPECT_FALSE(limit.Acquire());  // the queue is full: refused at once, not after 10 s
  first.reset();
  EXPECT_TRUE(waiter.get());
}

TEST(ConcurrencyLimitTest, GivesUpAfterTheWait) {
  ConcurrencyLimit limit(1, 4, 50ms);
  auto held = limit.Acquire();
  ASSERT_TRUE(held);
  EXPECT_FALSE(limit.Acquire());  // nobody releases within 50 ms
  held.reset();
  EXPECT_TRUE(limit.Acquire());
}

// Every response carries no-store unless its handler says otherwise, however the path is spelled,
// and HSTS when the server is told it is reached over https.
TEST(ServerTest, CacheControlAndHstsOnEveryResponse) {
  Router router;
  router.Add("GET", "/api/x", [](Request&) { return JsonResponse(200, boost::json::object{}); });
  Metrics metrics;
  ServerOptions options;
  options.port = 0;
  options.threads = 1;
  options.log_requests = false;
  options.hsts = true;
  Server server(router, metrics, options);
  auto port = server.Start();
  ASSERT_TRUE(port.ok());
  reilu::testing::Client client(*port);
  for (const char* path : {"/api/x", "//api/x", "/%61pi/x", "/nothing-here"}) {
    auto res = client.Get(path);
    EXPECT_NE(res.headers.find("Cache-Control: no-store"), std::string::npos) << path << res.headers;
    EXPECT_NE(res.headers.find("Strict-Transport-Security: max-age="), std::string::npos) << path;
  }
  // Invented methods do not grow the metrics: they count as "other".
  for (const char* method : {"FOO", "BAR", "BAZ"}) client.Call(method, "/api/x");
  std::string rendered = metrics.Render();
  EXPECT_EQ(rendered.find("FOO"), std::string::npos);
  EXPECT_NE(rendered.find("method=\"other\""), std::string::npos);
  server.Stop();
}

// A server of one route with a short request timeout, for the connection-timeout tests.
class TimeoutTest : public ::testing::Test {
 protected:
  void SetUp() override {
    router_.Add("GET", "/api/x", [](Request&) { return JsonResponse(200, boost::json::object{{"ok", true}}); });
    ServerOptions options;
    options.port = 0;
    options.threads = 2;
    options.log_requests = false;
    options.request_timeout = 1s;
    server_ = std::make_unique<Server>(router_, metrics_, options);
    auto port = server_->Start();
    ASSERT_TRUE(port.ok());
    port_ = *port;
    socket_.connect({boost::asio::ip::make_address("127.0.0.1"), port_});
    // A test that would hang gets its answer after 10 s instead.
    timeval wait{10, 0};
    setsockopt(socket_.native_handle(), SOL_SOCKET, SO_RCVTIMEO, &wait, sizeof wait);
  }
  void TearDown() override { server_->Stop(); }

  // Sends one request on the kept connection and reads its answer.
  int Get() {
    namespace bhttp = boost::beast::http;
    bhttp::request<bhttp::empty_body> req(bhttp::verb::get, "/api/x", 11);
    req.set(bhttp::field::host, "localhost");
    bhttp::write(socket_, req);
    bhttp::response<bhttp::string_body> res;
    boost::beast::flat_buffer buffer;
    bhttp::read(socket_, buffer, res);
    return res.result_int();
  }

  Router router_;
  Metrics metrics_;
  std::unique_ptr<Server> server_;
  std::uint16_t port_ = 0;
  boost::asio::io_context io_;
  boost::asio::ip::tcp::socket socket_{io_};
};

// A client that starts a request and stops sending loses the connection at the deadline.
TEST_F(TimeoutTest, AStalledRequestIsCutOff) {
  const std::string half = "GET /api/x HTTP/1.1\r\nHost: localhost\r\n";
  boost::asio::write(socket_, boost::asio::buffer(half));
  const auto start = std::chrono::steady_clock::now();
  char byte = 0;
  boost::system::error_code ec;
  socket_.read_some(boost::asio::buffer(&byte, 1), ec);
  const auto waited = std::chrono::steady_clock::now() - start;
  EXPECT_TRUE(ec == boost::asio::error::eof || ec == boost::asio::error::connection_reset) << ec.message();
  EXPECT_GE(waited, 900ms);
  EXPECT_LT(waited, 9s);
}

// The deadline moves on with each request: a kept-alive connection used more often than the
// timeout stays open however long it is used, and is closed once it sits idle.
TEST_F(TimeoutTest, AKeptConnectionLivesWhileItIsUsed) {
  const auto start = std::chrono::steady_clock::now();
  while (std::chrono::steady_clock::now() - start < 2500ms) {
    ASSERT_EQ(Get(), 200);
    std::this_thread::sleep_for(400ms);
  }
  std::this_thread::sleep_for(1500ms);
  char byte = 0;
  boost::system::error_code ec;
  socket_.read_some(boost::asio::buffer(&byte, 1), ec);
  EXPECT_TRUE(ec == boost::asio::error::eof || ec == boost::asio::error::connection_reset) << ec.message();
}

}  // namespace
}  // namespace reilu::http
