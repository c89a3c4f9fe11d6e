// Delivery through the real SMTP sink: STARTTLS with AUTH and a private CA, and the retry queue.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <cstdlib>

#include "notify/dispatcher.h"
#include "notify/transport.h"
#include "support/test_server.h"

namespace reilu::testing {
namespace {

// A self-signed certificate for localhost, made with the openssl tool at test time.
void MakeCertificate(const std::filesystem::path& dir) {
  std::string cmd =
      "openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=localhost "
      "-addext subjectAltName=DNS:localhost,IP:127.0.0.1 -keyout " +
      (dir / "key.pem").string() + " -out " + (dir / "cert.pem").string() + " 2>/dev/null";
  ASSERT_EQ(std::system(cmd.c_str()), 0);
}

TEST(SmtpTransportTest, StartTlsWithAuthAgainstAPrivateCa) {
  TempDir dir;
  MakeCertificate(dir.path());
  SmtpSink sink(dir.path() / "smtp", "reilu:s3cret", (dir.path() / "cert.pem").string(),
                (dir.path() / "key.pem").string());
  notify::SmtpSettings s{"localhost", sink.port(),       "starttls", "reilu",
                         "s3cret",    "rekry@city.test", "",         (dir.path() / "cert.pem").string()};
  std::string eml = "From: <rekry@city.test>\r\nTo: <anna@example.test>\r\nSubject: t\r\n\r\nhello\r\n";
  Status sent = notify::SmtpTransport(s).Send({"m1", "rekry@city.test", "anna@example.test", eml});
  ASSERT_TRUE(sent.ok()) << sent.error().message;
  auto messages = sink.WaitFor(1);
  ASSERT_EQ(messages.size(), 1u);
  EXPECT_EQ(MailHeader(messages[0], "X-TLS"), "yes");
  EXPECT_EQ(MailHeader(messages[0], "X-Authenticated"), "yes");
  EXPECT_EQ(MailHeader(messages[0], "X-Envelope-To"), "anna@example.test");

  // The certificate is verified: without the private CA the delivery fails.
  notify::SmtpSettings unknown_ca = s;
  unknown_ca.ca_file.clear();
  EXPECT_FALSE(notify::SmtpTransport(unknown_ca).Send({"m1", "rekry@city.test", "anna@example.test", eml}).ok());
  // The sink requires AUTH: without credentials nothing is accepted.
  notify::SmtpSettings anonymous = s;
  anonymous.username.clear();
  anonymous.password.clear();
  EXPECT_FALSE(notify::SmtpTransport(anonymous).Send({"m1", "rekry@city.test", "anna@example.test", eml}).ok());
  EXPECT_EQ(sink.Messages().size(), 1u);
}

TEST(MailDispatcherTest, FailedDeliveryIsRetriedLaterThenSent) {
  TempDir dir;
  auto store = app::OpenStore(testing::TestDataDir(dir.path()));
  ASSERT_TRUE(store.ok());
  SeededOrg org = SeedOrganisation(**store, "City", "c_");
  UnixTime now = 1'795'608'000;
  auto clock = [&] { return now; };
  auto settings = [&](int port) {
    boost::json::object o{{"host", "127.0.0.1"}, {"port", port}, {"security", "none"}, {"from_address", "r@c.test"}};
    ASSERT_TRUE((*store)->SetMailSettings(org.org, boost::json::serialize(o), 0, now).ok());
  };
  settings(1);  // nothing listens on port 1
  ASSERT_TRUE((*store)
                  ->EnqueueMail({{org.org, 0, "test", "r@c.test", "anna@example.test", "Subject: x\r\n\r\ny\r\n"}}, now)
                  .ok());
  notify::MailDispatcher dispatcher(**store, notify::DispatcherOptions{(dir.path() / "outbox").string()}, clock);
  EXPECT_EQ(dispatcher.RunOnce(), 0);
  auto log = (*store)->ListMail(org.org, 0);
  ASSERT_TRUE(log.ok());
  ASSERT_EQ(log->size(), 1u);
  EXPECT_EQ((*log)[0].status, "queued");
  EXPECT_EQ((*log)[0].attempts, 1);
  EXPECT_FALSE((*log)[0].last_error.empty());
  EXPECT_EQ(dispatcher.RunOnce(), 0);  // not due again yet
  EXPECT_EQ((*(*store)->ListMail(org.org, 0))[0].attempts, 1);

  SmtpSink sink(dir.path() / "smtp");
  settings(sink.port());
  now += notify::MailDispatcher::RetryDelay(1);
  EXPECT_EQ(dispatcher.RunOnce(), 1);
  EXPECT_EQ(sink.WaitFor(1).size(), 1u);
  auto after = (*store)->ListMail(org.org, 0);
  EXPECT_EQ((*after)[0].status, "sent");
  EXPECT_EQ((*after)[0].attempts, 2);
}

TEST(MailDispatcherTest, WithoutSettingsMessagesGoToTheOutboxFolder) {
  TempDir dir;
  auto store = app::OpenStore(testing::TestDataDir(dir.path()));
  ASSERT_TRUE(store.ok());
  SeededOrg org = SeedOrganisation(**store, "City", "c_");
  ASSERT_TRUE(
      (*store)
          ->EnqueueMail({{org.org, 0, "test", "r@c.test", "anna@example.test", "Subject: x\r\n\r\ny\r\n"}}, app::Now())
          .ok());
  notify::MailDispatcher dispatcher(**store, notify::DispatcherOptions{(dir.path() / "outbox").string()}, app::Now);
  EXPECT_EQ(dispatcher.RunOnce(), 1);
  int files = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir.path() / "outbox")) {
    EXPECT_EQ(e.path().extension(), ".eml");
    EXPECT_EQ(std::filesystem::status(e.path()).permissions() & std::filesystem::perms::others_read,
              std::filesystem::perms::none);
    ++files;
  }
  EXPECT_EQ(files, 1);
}

}  // namespace
}  // namespace reilu::testing
