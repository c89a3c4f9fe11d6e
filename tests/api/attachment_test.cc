// Attachments through the anonymous process: refused when unreadable, previewed by the applicant,
// checked and released by the owner, seen by reviewers only as a rendition without identity, and
// opened as sent only after the lift.
#include "api_fixture.h"
#include "support/sample_documents.h"

namespace reilu::testing {
namespace {

std::string LetterDocx(const std::string& tag) {
  return MakeDocx(
      {"Hyvä vastaanottaja,", "olen Firstname" + tag + " ja asun Hometown" + tag + ".", "Olen kehittänyt lukupiirejä."},
      "Firstname" + tag + " Lastname" + tag + ", mail" + tag + "@canary.test", "Firstname" + tag);
}

class AttachmentTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    if (IsSkipped()) return;
    hr_ = std::make_unique<Client>(LoggedIn("a_hr"));
    json::object body = RecruitmentBody({a_.users["reviewer"], a_.users["reviewer2"]});
    body["accepts_attachments"] = true;
    auto created = hr_->PostJson("/api/v1/recruitments", body);
    ASSERT_EQ(created.status, 201) << created.body;
    rec_ = std::to_string(created.Json().at("id").as_int64());
    ASSERT_EQ(hr_->PostJson("/api/v1/recruitments/" + rec_ + "/publish", json::object{}).status, 200);
  }
  std::string Base() const { return "/api/v1/recruitments/" + rec_; }
  std::unique_ptr<Client> hr_;
  std::string rec_;
};

TEST_F(AttachmentTest, ThePreviewIsARenditionWithoutIdentityAndStoresNothing) {
  Client pub(server_->port());
  auto preview = pub.PostJson("/api/v1/jobs/" + rec_ + "/attachment-preview",
                              json::object{{"identity", {{"first_name", "Firstname410"}, {"last_name", "Lastname410"}}},
                                           {"attachment", File("Firstname410_CV.pdf", CanaryCv("410"))}});
  ASSERT_EQ(preview.status, 200) << preview.body;
  EXPECT_NE(preview.headers.find("application/pdf"), std::string::npos);
  EXPECT_NE(preview.headers.find("liite-1.pdf"), std::string::npos);
  EXPECT_EQ(preview.headers.find("Firstname410"), std::string::npos);
  for (const auto& canary : Canaries("410")) EXPECT_EQ(preview.body.find(canary), std::string::npos) << canary;
  // Pages as pictures: no text to copy out from under the covers.
  EXPECT_EQ(PdfText(preview.body).find_first_not_of(" \n\f"), std::string::npos);
  EXPECT_EQ(hr_->Get(Base()).Json().at("application_count").as_int64(), 0);
}

TEST_F(AttachmentTest, UnreadableOrTooManyFilesAreRefusedWithTheirCodesAndNothingIsStored) {
  Client pub(server_->port());
  auto submit = [&](json::array files) {
    json::object app = Application("411");
    app["attachments"] = std::move(files);
    return pub.PostJson("/api/v1/jobs/" + rec_ + "/applications", app);
  };
  auto png = submit(json::array{File("photo.png", "\x89PNG\r\n\x1a\n0000000000")});
  EXPECT_EQ(png.status, 415) << png.body;
  EXPECT_EQ(png.Json().at("code").as_string(), "unsupported_file");
  EXPECT_EQ(png.Json().at("field").as_string(), "attachments[0]");
  auto locked = submit(json::array{File("cv.pdf", CanaryCv("411")), File("locked.pdf", MakeEncryptedPdf())});
  EXPECT_EQ(locked.status, 422);
  EXPECT_EQ(locked.Json().at("code").as_string(), "encrypted_file");
  EXPECT_EQ(locked.Json().at("field").as_string(), "attachments[1]");
  auto bomb = submit(json::array{File("bomb.docx", MakeZipBomb(64u << 20))});
  EXPECT_EQ(bomb.status, 422);
  EXPECT_EQ(bomb.Json().at("code").as_string(), "broken_file");
  json::array six;
  for (int i = 0; i < 6; ++i) six.push_back(File("cv.pdf", CanaryCv("411")));
  EXPECT_EQ(submit(std::move(six)).status, 413);
  auto not_base64 = submit(json::array{json::object{{"file_name", "x.pdf"}, {"content", "***"}}});
  EXPECT_EQ(not_base64.status, 422);
  EXPECT_EQ(hr_->Get(Base()).Json().at("application_count").as_int64(), 0);
  // Two files of 4 MB are within the limits; a third is over the 10 MB of one application.
  const std::string four_mb = MakeDocx({"Todistus"}, {}, {}, 4u << 20);
  EXPECT_EQ(submit(json::array{File("a.docx", four_mb), File("b.docx", four_mb), File("c.docx", four_mb)}).status, 413);
  auto big = submit(json::array{File("a.docx", four_mb), File("b.docx", four_mb)});
  EXPECT_EQ(big.status, 201) << big.body;

  // An ad that does not take attachments refuses them.
  auto plain = PublishedRecruitment(*hr_);
  json::object app = Application("412");
  app["attachments"] = json::array{File("cv.pdf", CanaryCv("412"))};
  auto refused = pub.PostJson("/api/v1/jobs/" + std::to_string(plain) + "/applications", app);
  EXPECT_EQ(refused.status, 422);
  EXPECT_EQ(refused.Json().at("field").as_string(), "attachments");
}

TEST_F(AttachmentTest, ReviewersGetOnlyTheReleasedRenditionAndTheOriginalAfterTheLift) {
  Client pub(server_->port());
  json::object app = Application("413");
  const std::string cv = CanaryCv("413"), letter = LetterDocx("413");
  app["attachments"] = json::array{File("Firstname413_CV.pdf", cv), File("Firstname413_letter.docx", letter)};
  auto sent = pub.PostJson("/api/v1/jobs/" + rec_ + "/applications", app);
  ASSERT_EQ(sent.status, 201) << sent.body;
  CloseApplicationPeriod(*hr_, std::stoll(rec_));
  const std::string id(
      hr_->Get(Base() + "/applications").Json().at("applications").as_array().at(0).at("id").as_string());
  const std::string files = Base() + "/applications/" + id + "/attachments/";

  // Reviewers know there are two files and of which kind; no names, nothing to open yet.
  Client reviewer = LoggedIn("a_reviewer");
  auto listed = reviewer.Get(Base() + "/applications/" + id);
  ASSERT_EQ(listed.status, 200) << listed.body;
  auto attachments = listed.Json().at("attachments").as_array();
  ASSERT_EQ(attachments.size(), 2u);
  EXPECT_EQ(attachments[0].at("kind").as_string(), "pdf");
  EXPECT_EQ(attachments[1].at("kind").as_string(), "docx");
  EXPECT_FALSE(attachments[0].at("released").as_bool());
  EXPECT_EQ(reviewer.Get(files + "1").status, 404);
  EXPECT_EQ(reviewer.Get(files + "1/review").status, 403);
  EXPECT_EQ(reviewer.Get(files + "1/original").status, 403);

  // The owner reads the original's text with the proposal (audited) and releases the CV as
  // proposed; in the letter, the covers are HR's own: the proposal, less nothing, plus the home town.
  auto review = hr_->Get(files + "1/review");
  ASSERT_EQ(review.status, 200) << review.body;
  std::string text(review.Json().at("text").as_string());
  EXPECT_NE(text.find("Firstname413"), std::string::npos);
  bool name_covered = false;
  const json::value review_json = review.Json();
  for (const auto& s : review_json.at("spans").as_array()) {
    if (static_cast<size_t>(s.at("start").as_int64()) <= text.find("Lastname413") &&
        static_cast<size_t>(s.at("end").as_int64()) > text.find("Lastname413")) {
      name_covered = true;
    }
  }
  EXPECT_TRUE(name_covered) << review.body;
  // The file as sent, beside the proposal: the owner with a reason (audited); a reviewer not even so.
  auto as_sent = hr_->Get(files + "1/original?reason=Checking%20before%20release");
  ASSERT_EQ(as_sent.status, 200) << as_sent.body;
  EXPECT_EQ(as_sent.body, cv);
  EXPECT_EQ(hr_->Get(files + "1/original").status, 422);  // no reason given
  EXPECT_EQ(reviewer.Get(files + "1/original?reason=Curious").status, 403);
  auto released = hr_->PostJson(files + "1/release", json::object{});
  ASSERT_EQ(released.status, 200) << released.body;
  EXPECT_EQ(released.Json().at("mode").as_string(), "as_proposed");

  auto letter_review = hr_->Get(files + "2/review").Json();
  std::string letter_text(letter_review.at("text").as_string());
  json::array spans;
  for (const auto& s : letter_review.at("spans").as_array()) {
    spans.push_back(json::object{{"start", s.at("start")}, {"end", s.at("end")}, {"type", s.at("type")}});
  }
  size_t town = letter_text.find("Hometown413");
  bool town_proposed = false;
  for (const auto& s : spans) town_proposed |= static_cast<size_t>(s.at("start").as_int64()) == town;
  if (!town_proposed) {
    spans.push_back(
        json::object{{"start", town}, {"end", town + std::string("Hometown413").size()}, {"type", "RESIDENCE"}});
  }
  auto outside = hr_->PostJson(
      files + "2/release", json::object{{"spans", json::array{{{"start", 0}, {"end", 1000000}, {"type", "PERSON"}}}}});
  EXPECT_EQ(outside.status, 422);
  auto tried = hr_->PostJson(files + "2/render", json::object{{"spans", spans}});
  ASSERT_EQ(tried.status, 200) << tried.body;
  EXPECT_EQ(reviewer.Get(files + "2").status, 404);  // trying is not releasing
  ASSERT_EQ(hr_->PostJson(files + "2/release", json::object{{"spans", spans}}).status, 200);

  // What reviewers get: PDFs named by place, without any identity value in bytes or text.
  auto rendition = reviewer.Get(files + "1");
  ASSERT_EQ(rendition.status, 200) << rendition.body;
  EXPECT_NE(rendition.headers.find("application/pdf"), std::string::npos);
  EXPECT_NE(rendition.headers.find("liite-1.pdf"), std::string::npos);
  auto letter_rendition = reviewer.Get(files + "2");
  ASSERT_EQ(letter_rendition.status, 200);
  std::string letter_seen = PdfText(letter_rendition.body);
  EXPECT_NE(letter_seen.find("lukupiirej"), std::string::npos) << letter_seen;
  EXPECT_NE(letter_seen.find("[NIMI]"), std::string::npos) << letter_seen;
  std::string seen = rendition.headers + rendition.body + PdfText(rendition.body) + letter_rendition.headers +
                     letter_rendition.body + letter_seen + reviewer.Get(Base() + "/applications").body;
  for (const auto& canary : Canaries("413")) EXPECT_EQ(seen.find(canary), std::string::npos) << canary;
  EXPECT_EQ(seen.find("_CV.pdf"), std::string::npos);
  EXPECT_TRUE(
      reviewer.Get(Base() + "/applications/" + id).Json().at("attachments").as_array()[0].at("released").as_bool());

  // After the lift the reviewer may open the file as sent (audited).
  ASSERT_EQ(hr_->PostJson(Base() + "/shortlist",
                          json::object{{"application_ids", json::array{json::string(id)}}, {"reason", "Best match"}})
                .status,
            200);
  auto lifted = hr_->PostJson(Base() + "/lift", json::object{{"application_ids", json::array{json::string(id)}},
                                                             {"reason", "Chosen for interview"}});
  ASSERT_EQ(lifted.status, 200) << lifted.body;
  auto original = reviewer.Get(files + "1/original");
  ASSERT_EQ(original.status, 200) << original.body;
  EXPECT_EQ(original.body, cv);
  EXPECT_NE(original.headers.find("liite-1.pdf"), std::string::npos);

  const json::value log = LoggedIn("a_auditor").Get("/api/v1/audit?limit=1000").Json();
  int reads = 0, releases = 0;
  for (const auto& e : log.at("entries").as_array()) {
    if (e.at("action").as_string() == "attachment.read") ++reads;
    if (e.at("action").as_string() == "attachment.release") ++releases;
  }
  EXPECT_GE(reads, 5);  // two reviews, each release's read, the render, the original
  EXPECT_EQ(releases, 2);
}

// Bulk release takes the files along when nothing in them needs a look; a scanned page does.
TEST_F(AttachmentTest, BulkReleaseTakesSureFilesAndLeavesScansForHr) {
  Client pub(server_->port());
  json::object plain = Application("414");
  plain["merits"].as_object()["education"] =
      json::array{{{"level", "master"}, {"field", "Informaatiotutkimus"}, {"institution", "Yliopisto"}}};
  plain["attachments"] =
      json::array{File("letter.docx", MakeDocx({"Olen Firstname414 Lastname414 ja pidän kirjoista."}))};
  json::object scanned = plain;
  scanned["identity"].as_object()["first_name"] = "Firstname415";
  scanned["attachments"] = json::array{File("scan.pdf", MakePdf({{{}}, false, /*scanned=*/true}))};
  ASSERT_EQ(pub.PostJson("/api/v1/jobs/" + rec_ + "/applications", plain).status, 201);
  ASSERT_EQ(pub.PostJson("/api/v1/jobs/" + rec_ + "/applications", scanned).status, 201);
  auto bulk = hr_->PostJson(Base() + "/redactions/release", json::object{});
  ASSERT_EQ(bulk.status, 200) << bulk.body;
  const json::value result = bulk.Json();
  ASSERT_EQ(result.at("released").as_array().size(), 1u) << bulk.body;
  ASSERT_EQ(result.at("needs_a_look").as_array().size(), 1u) << bulk.body;
  const std::string released(result.at("released").as_array()[0].as_string());
  const std::string waiting(result.at("needs_a_look").as_array()[0].as_string());
  const json::value listed = hr_->Get(Base() + "/applications").Json();
  for (const auto& a : listed.at("applications").as_array()) {
    const auto& file = a.at("attachments").as_array().at(0);
    if (a.at("id").as_string() == released) {
      EXPECT_TRUE(file.at("released").as_bool());
      EXPECT_FALSE(file.at("needs_a_look").as_bool());
    } else {
      EXPECT_EQ(a.at("id").as_string(), waiting);
      EXPECT_FALSE(file.at("released").as_bool());
      EXPECT_TRUE(file.at("needs_a_look").as_bool());
    }
  }
  auto review = hr_->Get(Base() + "/applications/" + waiting + "/attachments/1/review");
  ASSERT_EQ(review.status, 200);
  EXPECT_TRUE(review.Json().at("scanned").as_bool());
  // The owner looks at the scan (an audited read with a reason), shows it with a box drawn over
  // what identifies, and releases it; a box off the page is refused.
  const std::string scan = Base() + "/applications/" + waiting + "/attachments/1";
  auto page = hr_->Get(scan + "/pages/1?reason=Checking%20the%20scan");
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_NE(page.headers.find("image/png"), std::string::npos);
  EXPECT_EQ(hr_->Get(scan + "/pages/1").status, 422);  // no reason
  EXPECT_EQ(hr_->Get(scan + "/pages/9?reason=Checking%20the%20scan").status, 404);
  json::object shown{{"shown_scans", json::array{1}},
                     {"boxes", json::array{{{"page", 1}, {"x", 100}, {"y", 100}, {"width", 120}, {"height", 40}}}}};
  json::object off_page{{"boxes", json::array{{{"page", 1}, {"x", 100}, {"y", 5000}, {"width", 10}, {"height", 10}}}}};
  EXPECT_EQ(hr_->PostJson(scan + "/render", off_page).status, 422);
  EXPECT_EQ(hr_->PostJson(scan + "/render", shown).status, 200);
  // Side by side: the rendition's page 1 as a picture beside the original page 1; it differs (the
  // box is drawn on it).
  auto beside = hr_->PostJson(scan + "/render?page=1", shown);
  ASSERT_EQ(beside.status, 200) << beside.body;
  EXPECT_NE(beside.headers.find("image/png"), std::string::npos);
  EXPECT_EQ(beside.body.substr(1, 3), "PNG");
  EXPECT_NE(beside.body, page.body);
  EXPECT_EQ(hr_->PostJson(scan + "/render?page=x", shown).status, 422);
  EXPECT_EQ(hr_->PostJson(scan + "/render?page=0", shown).status, 422);
  EXPECT_GE(hr_->PostJson(scan + "/render?page=9", shown).status, 400);
  auto shown_release = hr_->PostJson(scan + "/release", shown);
  ASSERT_EQ(shown_release.status, 200) << shown_release.body;
  EXPECT_EQ(shown_release.Json().at("boxes").as_int64(), 1);
  EXPECT_EQ(shown_release.Json().at("scans_shown").as_int64(), 1);
  CloseApplicationPeriod(*hr_, std::stoll(rec_));
  Client reviewer = LoggedIn("a_reviewer");
  auto letter = reviewer.Get(Base() + "/applications/" + released + "/attachments/1");
  ASSERT_EQ(letter.status, 200);
  std::string text = PdfText(letter.body);
  EXPECT_NE(text.find("kirjoista"), std::string::npos) << text;
  EXPECT_EQ(text.find("Firstname414"), std::string::npos) << text;
  EXPECT_EQ(reviewer.Get(Base() + "/applications/" + waiting + "/attachments/1").status, 200);
  EXPECT_EQ(reviewer.Get(Base() + "/applications/" + waiting + "/attachments/1/pages/1?reason=Curious").status, 403);
}

}  // namespace
}  // namespace reilu::testing
