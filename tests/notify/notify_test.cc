#include <gtest/gtest.h>

#include <set>

#include "notify/calendar.h"
#include "notify/dispatcher.h"
#include "notify/mail.h"
#include "notify/templates.h"
#include "notify/transport.h"

namespace reilu::notify {
namespace {

TEST(MailTest, HeadersCannotBeInjectedAndNonAsciiIsEncoded) {
  Message m{"rekry@city.test",      "Kemijärven kaupunki",
            "someone@example.test", "Päätös\r\nBcc: victim@example.test",
            "Hei!\nTervetuloa.",    {}};
  std::string eml = RenderEml(m, "abc123", 1'795'608'000);
  EXPECT_EQ(eml.find("\r\nBcc:"), std::string::npos);
  EXPECT_NE(eml.find("Subject: =?UTF-8?B?"), std::string::npos);
  EXPECT_NE(eml.find("From: =?UTF-8?B?"), std::string::npos);
  EXPECT_NE(eml.find("Message-ID: <abc123@reilu>\r\n"), std::string::npos);
  EXPECT_NE(eml.find("Date: Wed, 25 Nov 2026 12:00:00 +0000\r\n"), std::string::npos);
  EXPECT_NE(eml.find(Base64Lines("Hei!\nTervetuloa.")), std::string::npos);
}

TEST(MailTest, Base64MatchesTheStandardVectors) {
  EXPECT_EQ(Base64Lines(""), "");
  EXPECT_EQ(Base64Lines("f"), "Zg==\r\n");
  EXPECT_EQ(Base64Lines("fo"), "Zm8=\r\n");
  EXPECT_EQ(Base64Lines("foobar"), "Zm9vYmFy\r\n");
  std::string wrapped = Base64Lines(std::string(100, 'a'));
  EXPECT_EQ(wrapped.find("\r\n"), 76u);
}

TEST(MailTest, AttachmentsMakeAMultipartMessage) {
  Message m{"a@b.test", "", "c@d.test", "Kutsu", "Teksti", {{"interview.ics", "text/calendar; method=REQUEST", "X"}}};
  std::string eml = RenderEml(m, "id1", 0);
  EXPECT_NE(eml.find("multipart/mixed; boundary=\"reilu-id1\""), std::string::npos);
  EXPECT_NE(eml.find("filename=\"interview.ics\""), std::string::npos);
  EXPECT_NE(eml.find("--reilu-id1--\r\n"), std::string::npos);
}

TEST(MailTest, AddressPlausibility) {
  EXPECT_TRUE(IsPlausibleAddress("anna@example.fi"));
  for (const char* bad : {"", "anna", "@example.fi", "anna@", "a@b@c", "a b@c.fi", "a@b.fi\r\nBcc: x", "<a@b.fi>"}) {
    EXPECT_FALSE(IsPlausibleAddress(bad)) << bad;
  }
}

TEST(CalendarTest, IcsIsEscapedFoldedAndInUtc) {
  CalendarEvent e{"uid-1@reilu",
                  1'795'608'000,
                  45,
                  "Haastattelu; kirjasto, Kemijärvi",
                  std::string(200, 'x'),
                  "Line one\nline two",
                  "rekry@city.test",
                  "anna@example.fi"};
  std::string ics = RenderIcs(e, 1'795'500'000);
  EXPECT_NE(ics.find("DTSTART:20261125T120000Z\r\n"), std::string::npos);
  EXPECT_NE(ics.find("DTEND:20261125T124500Z\r\n"), std::string::npos);
  EXPECT_NE(ics.find("SUMMARY:Haastattelu\\; kirjasto\\, Kemijärvi"), std::string::npos);
  EXPECT_NE(ics.find("DESCRIPTION:Line one\\nline two"), std::string::npos);
  size_t start = 0;
  while (start < ics.size()) {
    size_t end = ics.find("\r\n", start);
    ASSERT_NE(end, std::string::npos);
    EXPECT_LE(end - start, 75u);
    start = end + 2;
  }
}

TEST(CalendarTest, FinnishTimeFollowsEuSummerTime) {
  // 2026: summer time from 29 March 01:00 UTC to 25 October 01:00 UTC.
  EXPECT_EQ(FinnishUtcOffset(1'774'745'999), 2 * 3600);  // 2026-03-29 00:59:59 UTC
  EXPECT_EQ(FinnishUtcOffset(1'774'746'000), 3 * 3600);
  EXPECT_EQ(FinnishUtcOffset(1'792'890'000), 2 * 3600);  // 2026-10-25 01:00 UTC
  EXPECT_EQ(FormatLocalDateTime(1'795'608'000, "fi"), "25.11.2026 klo 14.00");
  EXPECT_EQ(FormatLocalDateTime(1'795'608'000, "sv"), "25.11.2026 kl. 14.00");
  EXPECT_EQ(FormatDate("2026-12-04"), "4.12.2026");
}

// Only an anonymous recruitment may promise anonymity in the receipt (issue 12, item 8).
TEST(TemplatesTest, TheReceiptPromisesAnonymityOnlyWhenItHolds) {
  for (std::string lang : {"fi", "sv", "en"}) {
    std::string anonymous = ReceiptText(lang, "Opettaja", "ABC-123", "https://x/status", true).body;
    std::string open = ReceiptText(lang, "Opettaja", "ABC-123", "https://x/status", false).body;
    for (const char* promise : {"käsitellään nimettöminä", "behandlas anonymt", "reviewed anonymously"}) {
      EXPECT_EQ(open.find(promise), std::string::npos) << lang << ": " << promise;
    }
    EXPECT_NE(anonymous, open) << lang;
  }
  EXPECT_NE(ReceiptText("fi", "T", "R", "L", false).body.find("ei käsitellä nimettömänä"), std::string::npos);
  EXPECT_NE(ReceiptText("fi", "T", "R", "L", true).body.find("käsitellään nimettöminä"), std::string::npos);
}

TEST(TemplatesTest, EveryLanguageAndOutcomeHasItsOwnText) {
  std::set<std::string> bodies;
  for (const char* lang : {"fi", "sv", "en"}) {
    for (Outcome o : {Outcome::kSelected, Outcome::kReserve, Outcome::kNotSelected}) {
      Text t = DecisionNoticeText(lang, "Job", o, "2026-11-25", "2026-12-14", "City, PL 1, 98101 Kemijärvi",
                                  "http://x/status");
      EXPECT_NE(t.body.find("City, PL 1, 98101 Kemijärvi"), std::string::npos);
      EXPECT_NE(t.body.find("14.12.2026"), std::string::npos);
      bodies.insert(t.body);
    }
  }
  EXPECT_EQ(bodies.size(), 9u);
  EXPECT_EQ(NoticeLanguage("de"), "fi");
  Text shortlist = ShortlistNoticeText("Job", {"Kettu-12", "Karhu-3"});
  EXPECT_NE(shortlist.body.find("Kettu-12"), std::string::npos);
}

TEST(TransportTest, SettingsAreChecked) {
  SmtpSettings ok{"smtp.example.fi", 587, "starttls", "user", "pw", "rekry@example.fi", "", ""};
  EXPECT_TRUE(ValidateSmtpSettings(ok).ok());
  SmtpSettings plain = ok;
  plain.security = "none";
  EXPECT_FALSE(ValidateSmtpSettings(plain).ok());  // no cleartext to another machine
  plain.host = "127.0.0.1";
  EXPECT_TRUE(ValidateSmtpSettings(plain).ok());
  for (const char* loopback : {"127.0.0.53", "::1", "[::1]", "localhost"}) {
    plain.host = loopback;
    EXPECT_TRUE(ValidateSmtpSettings(plain).ok()) << loopback;
  }
  // Names that only look like loopback are names: cleartext to them is refused.
  for (const char* name : {"127.evil-relay.example", "127.0.0.1.evil.example", "localhost.evil.example", "::2"}) {
    plain.host = name;
    EXPECT_FALSE(ValidateSmtpSettings(plain).ok()) << name;
  }
  SmtpSettings no_password = ok;
  no_password.password.clear();
  EXPECT_FALSE(ValidateSmtpSettings(no_password).ok());
  SmtpSettings bad_from = ok;
  bad_from.from_address = "rekry";
  EXPECT_FALSE(ValidateSmtpSettings(bad_from).ok());
}

// Issue 10: the owner's mail log names no recipient, even when a relay's error quotes one.
TEST(DispatcherTest, DeliveryErrorsKeepNoAddress) {
  EXPECT_EQ(WithoutAddresses("550 5.1.1 <mail101@canary.test>: Recipient address rejected"),
            "550 5.1.1 <[address]>: Recipient address rejected");
  EXPECT_EQ(WithoutAddresses("RCPT failed: 550 for mail@x.fi, retry"), "RCPT failed: 550 for [address], retry");
  EXPECT_EQ(WithoutAddresses("Couldn't connect to server"), "Couldn't connect to server");
}

}  // namespace
TEST(NotifyTest, ADecisionNoticeSaysWhichRequirementWasNotMet) {
  auto text = DecisionNoticeText("fi", "Sosiaaliohjaaja", Outcome::kNotSelected, "2026-12-01", "2026-12-18",
                                 "Kirjaamo, PL 1", "https://x/status", "Sosionomin (AMK) tutkinto");
  EXPECT_NE(text.body.find("ei täyttänyt tehtävän kelpoisuusvaatimuksia: Sosionomin (AMK) tutkinto."),
            std::string::npos)
      << text.body;
  auto sv = DecisionNoticeText("sv", "Socialhandledare", Outcome::kNotSelected, "2026-12-01", "2026-12-18",
                               "Registratorskontoret", "https://x/status", "Socionomexamen");
  EXPECT_NE(sv.body.find("uppfyllde inte behörighetskraven"), std::string::npos) << sv.body;
  auto plain = DecisionNoticeText("fi", "Sosiaaliohjaaja", Outcome::kNotSelected, "2026-12-01", "2026-12-18",
                                  "Kirjaamo, PL 1", "https://x/status");
  EXPECT_EQ(plain.body.find("kelpoisuusvaatimuksia"), std::string::npos);
}

}  // namespace reilu::notify
