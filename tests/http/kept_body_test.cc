#include "http/kept_body.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <memory>
#include <thread>

#include "http/http.h"

namespace reilu::http {
namespace {

using namespace std::chrono_literals;
namespace bhttp = boost::beast::http;

// Bytes that differ along the body, so that a part sent twice or out of place shows.
std::string Varied(std::size_t size) {
  std::string s(size, '\0');
  for (std::size_t i = 0; i < size; ++i) s[i] = static_cast<char>('a' + (i * 7 + i / 251) % 26);
  return s;
}

std::string FileContents(int fd, std::size_t size) {
  std::string read(size + 1, '\0');
  ssize_t n = ::pread(fd, read.data(), read.size(), 0);
  read.resize(n < 0 ? 0 : static_cast<std::size_t>(n));
  return read;
}

TEST(KeptBodyTest, ALargeBodyAlsoLivesInASealedFileWithTheSameBytesASmallOneDoesNot) {
  KeptBody small(Varied(KeptBody::kMinFileSize - 1));
  EXPECT_EQ(small.file(), -1);
  const std::string bytes = Varied(KeptBody::kMinFileSize * 3 + 17);
  KeptBody large(bytes);
  ASSERT_GE(large.file(), 0);
  EXPECT_EQ(FileContents(large.file(), bytes.size()), bytes);
  EXPECT_EQ(large.bytes(), bytes);
  // Sealed: what is sent cannot be changed behind the kept string's back.
  EXPECT_LT(::pwrite(large.file(), "x", 1, 0), 0);
}

TEST(KeptBodyTest, FilesStopAtTheirByteLimitAndTheRoomComesBackWhenBodiesGo) {
  const std::string bytes = Varied(KeptBody::kMaxFileBytes / 4 + 1);
  std::vector<std::unique_ptr<KeptBody>> kept;
  for (int i = 0; i < 3; ++i) {
    kept.push_back(std::make_unique<KeptBody>(bytes));
    EXPECT_GE(kept.back()->file(), 0) << i;
  }
  KeptBody over(bytes);  // a fourth would pass the limit
  EXPECT_EQ(over.file(), -1);
  EXPECT_EQ(over.bytes(), bytes);
  kept.pop_back();
  KeptBody again(bytes);
  EXPECT_GE(again.file(), 0);
}

class KeptBodyServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    router_.Add("GET", "/api/kept", [this](Request&) {
      Response res{200, "application/json", "", {}};
      res.shared_body = large_;
      res.headers.emplace_back("ETag", "\"kept\"");
      return res;
    });
    router_.Add("GET", "/api/small", [this](Request&) {
      Response res{200, "application/json", "", {}};
      res.shared_body = small_;
      return res;
    });
    ServerOptions options;
    options.port = 0;
    options.threads = 2;
    options.log_requests = false;
    server_ = std::make_unique<Server>(router_, metrics_, options);
    auto port = server_->Start();
    ASSERT_TRUE(port.ok());
    port_ = *port;
  }
  void TearDown() override { server_->Stop(); }

  std::unique_ptr<boost::asio::ip::tcp::socket> Connect() {
    auto socket = std::make_unique<boost::asio::ip::tcp::socket>(io_);
    socket->connect({boost::asio::ip::make_address("127.0.0.1"), port_});
    timeval wait{10, 0};
    setsockopt(socket->native_handle(), SOL_SOCKET, SO_RCVTIMEO, &wait, sizeof wait);
    return socket;
  }

  static void Ask(boost::asio::ip::tcp::socket& socket, const char* target) {
    bhttp::request<bhttp::empty_body> req(bhttp::verb::get, target, 11);
    req.set(bhttp::field::host, "localhost");
    bhttp::write(socket, req);
  }

  static bhttp::response<bhttp::string_body> Read(boost::asio::ip::tcp::socket& socket,
                                                  boost::beast::flat_buffer& buffer) {
    bhttp::response_parser<bhttp::string_body> parser;
    parser.body_limit(64u << 20);
    bhttp::read(socket, buffer, parser);
    return parser.release();
  }

  // Several megabytes: more than a socket takes at once, so the server waits for room.
  std::shared_ptr<const KeptBody> large_ = std::make_shared<const KeptBody>(Varied(6u << 20));
  std::shared_ptr<const KeptBody> small_ = std::make_shared<const KeptBody>(Varied(100));
  Router router_;
  Metrics metrics_;
  std::unique_ptr<Server> server_;
  std::uint16_t port_ = 0;
  boost::asio::io_context io_;
};

// A kept body sent from its file arrives whole, with the response's headers, however slowly the
// client reads, and the connection goes on to the next request.
TEST_F(KeptBodyServerTest, AFileBodyArrivesWholeWithItsHeadersAndTheConnectionGoesOn) {
  ASSERT_GE(large_->file(), 0);
  auto socket = Connect();
  boost::beast::flat_buffer buffer;
  Ask(*socket, "/api/kept");
  std::this_thread::sleep_for(300ms);  // the server fills the socket and waits for room
  auto first = Read(*socket, buffer);
  EXPECT_EQ(first.result_int(), 200);
  EXPECT_EQ(first.body(), large_->bytes());
  EXPECT_EQ(first[bhttp::field::content_length], std::to_string(large_->bytes().size()));
  EXPECT_EQ(first[bhttp::field::content_type], "application/json");
  EXPECT_EQ(first["ETag"], "\"kept\"");
  EXPECT_EQ(first["X-Content-Type-Options"], "nosniff");
  EXPECT_FALSE(first["Content-Security-Policy"].empty());
  // Two more on the same connection: a small kept body (copied) and the file again.
  Ask(*socket, "/api/small");
  auto second = Read(*socket, buffer);
  EXPECT_EQ(second.body(), small_->bytes());
  Ask(*socket, "/api/kept");
  auto third = Read(*socket, buffer);
  EXPECT_EQ(third.body(), large_->bytes());
}

// The header written for a file body says what Beast would: HTTP/1.0 keeps the connection only
// when asked, HTTP/1.1 closes it when asked.
TEST_F(KeptBodyServerTest, AFileBodyKeepsOrClosesTheConnectionAsEachVersionSays) {
  {
    auto socket = Connect();
    bhttp::request<bhttp::empty_body> req(bhttp::verb::get, "/api/kept", 10);
    req.set(bhttp::field::connection, "keep-alive");
    bhttp::write(*socket, req);
    boost::beast::flat_buffer buffer;
    auto res = Read(*socket, buffer);
    EXPECT_EQ(res.version(), 10u);
    EXPECT_TRUE(res.keep_alive());
    EXPECT_EQ(res.body(), large_->bytes());
  }
  {
    auto socket = Connect();
    bhttp::request<bhttp::empty_body> req(bhttp::verb::get, "/api/kept", 11);
    req.set(bhttp::field::host, "localhost");
    req.set(bhttp::field::connection, "close");
    bhttp::write(*socket, req);
    boost::beast::flat_buffer buffer;
    auto res = Read(*socket, buffer);
    EXPECT_FALSE(res.keep_alive());
    EXPECT_EQ(res.body(), large_->bytes());
    char byte = 0;
    boost::system::error_code ec;
    socket->read_some(boost::asio::buffer(&byte, 1), ec);
    EXPECT_EQ(ec, boost::asio::error::eof) << ec.message();
  }
}

// A client that leaves in the middle of a file body ends only its own connection: the server
// (which sendfile would otherwise stop with SIGPIPE) answers the next client.
TEST_F(KeptBodyServerTest, AClientLeavingMidBodyEndsOnlyItsConnection) {
  for (int i = 0; i < 3; ++i) {
    auto socket = Connect();
    Ask(*socket, "/api/kept");
    char some[4096];
    boost::system::error_code ec;
    socket->read_some(boost::asio::buffer(some), ec);
    ASSERT_FALSE(ec) << ec.message();
    socket->close();
  }
  std::this_thread::sleep_for(200ms);
  auto socket = Connect();
  boost::beast::flat_buffer buffer;
  Ask(*socket, "/api/kept");
  EXPECT_EQ(Read(*socket, buffer).body(), large_->bytes());
}

}  // namespace
}  // namespace reilu::http
