#include "attach/attachment.h"

#include <cairo.h>
#include <gtest/gtest.h>
#include <poppler.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "attach/worker.h"
#include "support/sample_documents.h"

namespace reilu::attach {
namespace {

using testing::MakeDocx;
using testing::MakeOdt;
using testing::MakePdf;
using testing::SamplePdf;

const std::vector<std::string> kCvLines = {
    "Maija Meikäläinen",
    "Puhelin 040 123 4567",
    "Työkokemus: sairaanhoitaja, Oulun yliopistollinen sairaala",
    "Koulutus: sairaanhoitaja AMK",
};

const Word* FindWord(const Extracted& e, std::string_view text) {
  for (const auto& page : e.pages) {
    for (const auto& w : page.words) {
      if (std::string_view(e.text).substr(w.start, w.end - w.start) == text) return &w;
    }
  }
  return nullptr;
}

Cover CoverOf(const Extracted& e, std::string_view text, std::string label) {
  size_t at = e.text.find(text);
  EXPECT_NE(at, std::string::npos) << text;
  return Cover{at, at + text.size(), std::move(label)};
}

// The colour at a point (in points) of the rendition's first page, drawn by poppler.
struct Rgb {
  int r, g, b;
};
Rgb ColourAt(const std::string& pdf, double x, double y) {
  GBytes* bytes = g_bytes_new(pdf.data(), pdf.size());
  PopplerDocument* doc = poppler_document_new_from_bytes(bytes, nullptr, nullptr);
  g_bytes_unref(bytes);
  EXPECT_NE(doc, nullptr);
  PopplerPage* page = poppler_document_get_page(doc, 0);
  double w, h;
  poppler_page_get_size(page, &w, &h);
  cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, static_cast<int>(w), static_cast<int>(h));
  cairo_t* cr = cairo_create(surface);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  poppler_page_render(page, cr);
  cairo_destroy(cr);
  cairo_surface_flush(surface);
  const unsigned char* data = cairo_image_surface_get_data(surface);
  int stride = cairo_image_surface_get_stride(surface);
  uint32_t pixel = *reinterpret_cast<const uint32_t*>(data + static_cast<int>(y) * stride + static_cast<int>(x) * 4);
  cairo_surface_destroy(surface);
  g_object_unref(page);
  g_object_unref(doc);
  return Rgb{static_cast<int>((pixel >> 16) & 0xff), static_cast<int>((pixel >> 8) & 0xff),
             static_cast<int>(pixel & 0xff)};
}

TEST(AttachmentTest, TellsTheKindFromTheBytesNotTheName) {
  EXPECT_EQ(*Detect(MakePdf({{{"x"}}})), Kind::kPdf);
  EXPECT_EQ(*Detect(MakeDocx({"x"})), Kind::kDocx);
  EXPECT_EQ(*Detect(MakeOdt({"x"})), Kind::kOdt);
  EXPECT_EQ(Detect("\x89PNG\r\n\x1a\n....").error().code, ErrorCode::kUnsupportedFile);
  EXPECT_EQ(Detect("just some text").error().code, ErrorCode::kUnsupportedFile);
  std::string old_word = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + std::string(600, '\0');
  EXPECT_EQ(Detect(old_word).error().code, ErrorCode::kUnsupportedFile);
  std::string protected_docx = old_word + std::string("E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0", 32);
  EXPECT_EQ(Detect(protected_docx).error().code, ErrorCode::kEncryptedFile);
}

TEST(AttachmentTest, ReadsAPdfsWordsWithWhereTheyStand) {
  auto e = Extract(MakePdf({{kCvLines}, /*photo=*/true}));
  ASSERT_TRUE(e) << e.error().message;
  EXPECT_NE(e->text.find("Maija Meikäläinen"), std::string::npos);
  EXPECT_NE(e->text.find("040 123 4567"), std::string::npos);
  ASSERT_EQ(e->pages.size(), 1u);
  const Word* name = FindWord(*e, "Meikäläinen");
  ASSERT_NE(name, nullptr);
  // Drawn at x = 60 on a baseline 70 pt from the top, in 11 pt type.
  EXPECT_NEAR(name->box.y, 60, 4);
  EXPECT_GT(name->box.x, 90);
  EXPECT_LT(name->box.x + name->box.width, 200);
  ASSERT_EQ(e->pages[0].images.size(), 1u);
  EXPECT_NEAR(e->pages[0].images[0].x, 450, 1);
  EXPECT_NEAR(e->pages[0].images[0].y, 50, 1);
  EXPECT_FALSE(e->has_scanned_pages);
}

TEST(AttachmentTest, APdfRenditionHasNoTextLayerAndCoversTheWordsAndThePhoto) {
  std::string original = MakePdf({{kCvLines, {"Sivu kaksi"}}, /*photo=*/true});
  auto e = Extract(original);
  ASSERT_TRUE(e);
  std::vector<Cover> covers = {CoverOf(*e, "Maija Meikäläinen", "[NIMI]"), CoverOf(*e, "040 123 4567", "[PUHELIN]")};
  auto rendition = RenderRendition(original, *e, covers, RenditionOptions{"fi", "Liite 1", "[KUVA]"});
  ASSERT_TRUE(rendition) << rendition.error().message;
  EXPECT_EQ(rendition->find("Meik"), std::string::npos);
  // Read back: two pages, and no text to copy out from under the boxes.
  auto back = Extract(*rendition);
  ASSERT_TRUE(back);
  EXPECT_EQ(back->pages.size(), 2u);
  EXPECT_EQ(back->text.find_first_not_of('\n'), std::string::npos) << back->text;
  // The name's place is black, the photo grey, the open text white.
  const Word* name = FindWord(*e, "Meikäläinen");
  Rgb at_name = ColourAt(*rendition, name->box.x + name->box.width - 3, name->box.y + name->box.height / 2);
  EXPECT_LT(at_name.r + at_name.g + at_name.b, 60);
  Rgb at_photo = ColourAt(*rendition, 500, 150);
  EXPECT_NEAR(at_photo.r, 64, 20);
  EXPECT_NEAR(at_photo.g, 64, 20);
  Rgb margin = ColourAt(*rendition, 30, 400);
  EXPECT_EQ(margin.r + margin.g + margin.b, 3 * 255);
}

TEST(AttachmentTest, AScannedPageIsFlaggedAndCoveredWhole) {
  std::string original = MakePdf({{{}, {"Toinen sivu"}}, false, /*scanned=*/true});
  auto e = Extract(original);
  ASSERT_TRUE(e);
  EXPECT_TRUE(e->has_scanned_pages);
  auto rendition = RenderRendition(original, *e, {}, RenditionOptions{"fi", "Liite 1", "[KUVA]"});
  ASSERT_TRUE(rendition);
  Rgb inside = ColourAt(*rendition, 300, 400);
  EXPECT_LT(inside.r, 100);
}

// HR shows a scanned certificate with a box over the name: the picture stays, the box is black.
TEST(AttachmentTest, AScannedPageHrShowsKeepsItsPictureUnderTheBoxesDrawn) {
  std::string original = MakePdf({{{}}, false, /*scanned=*/true});
  auto e = Extract(original);
  ASSERT_TRUE(e);
  RenditionOptions options{"fi", "Liite 1", "[KUVA]"};
  options.shown_scans = {1};
  options.boxes = {attachment::PageBox{1, Box{100, 100, 120, 40}}};
  auto rendition = RenderRendition(original, *e, {}, options);
  ASSERT_TRUE(rendition) << rendition.error().message;
  Rgb picture = ColourAt(*rendition, 300, 600);
  EXPECT_NEAR(picture.r, 204, 25);  // the scan's own colour, not the grey cover
  EXPECT_NEAR(picture.g, 153, 25);
  Rgb box = ColourAt(*rendition, 150, 120);
  EXPECT_LT(box.r + box.g + box.b, 30);
  // The page as it is, for HR to draw on: a PNG of the page's size at 1.5 pixels a point.
  auto png = RenderPagePicture(original, 1);
  ASSERT_TRUE(png);
  EXPECT_TRUE(png->starts_with("\x89PNG"));
  EXPECT_EQ(RenderPagePicture(original, 2).error().code, ErrorCode::kNotFound);
}

TEST(AttachmentTest, ReadsADocxBodyAndHeaderButNotCommentsDeletionsOrAuthor) {
  auto e = Extract(
      MakeDocx({"Hyvä rekrytoija,", "olen sairaanhoitaja."}, "Maija Meikäläinen, 040 123 4567", "Kalle Kirjoittaja"));
  ASSERT_TRUE(e) << e.error().message;
  EXPECT_EQ(e->kind, Kind::kDocx);
  EXPECT_EQ(e->text, "Maija Meikäläinen, 040 123 4567\nHyvä rekrytoija,\nolen sairaanhoitaja.\n");
  EXPECT_TRUE(e->pages.empty());
}

TEST(AttachmentTest, ADocxRenditionIsTheCoveredTextAsAPdf) {
  std::string original = MakeDocx({"Olen Maija ja asun Kangasalalla."}, "Maija Meikäläinen", "Kalle Kirjoittaja");
  auto e = Extract(original);
  ASSERT_TRUE(e);
  std::vector<Cover> covers = {CoverOf(*e, "Maija Meikäläinen", "[NIMI]")};
  size_t second = e->text.find("Maija", covers[0].end);
  covers.push_back(Cover{second, second + 5, "[NIMI]"});
  auto rendition = RenderRendition(original, *e, covers, RenditionOptions{"fi", "Liite 1", "[KUVA]"});
  ASSERT_TRUE(rendition) << rendition.error().message;
  auto back = Extract(*rendition);
  ASSERT_TRUE(back);
  EXPECT_NE(back->text.find("[NIMI]"), std::string::npos);
  EXPECT_NE(back->text.find("Kangasalalla"), std::string::npos);
  EXPECT_EQ(back->text.find("Maija"), std::string::npos) << back->text;
  EXPECT_EQ(rendition->find("Kalle"), std::string::npos);
}

TEST(AttachmentTest, ReadsAnOdtButNotItsCommentsOrMetadata) {
  auto e = Extract(MakeOdt({"Maija Meikäläinen", "Sairaanhoitaja"}, "Kalle Kirjoittaja"));
  ASSERT_TRUE(e) << e.error().message;
  EXPECT_EQ(e->kind, Kind::kOdt);
  EXPECT_EQ(e->text, "Maija Meikäläinen\nSairaanhoitaja\nHuom.\n");
}

TEST(AttachmentTest, RefusesBadFilesWithTheirOwnCodes) {
  EXPECT_EQ(Extract(testing::MakeEncryptedPdf()).error().code, ErrorCode::kEncryptedFile);
  std::string pdf = MakePdf({{kCvLines}});
  EXPECT_EQ(Extract(pdf.substr(0, 200)).error().code, ErrorCode::kBrokenFile);
  EXPECT_EQ(Extract(MakeDocx({"x"}).substr(0, 100)).error().code, ErrorCode::kBrokenFile);
  Limits small;
  small.max_file_bytes = 1000;
  EXPECT_EQ(Extract(pdf, small).error().code, ErrorCode::kPayloadTooLarge);
  Limits few_pages;
  few_pages.max_pages = 2;
  EXPECT_EQ(Extract(MakePdf({{{"1"}, {"2"}, {"3"}}}), few_pages).error().code, ErrorCode::kPayloadTooLarge);
}

TEST(AttachmentTest, AZipBombStopsAtTheUnpackedLimit) {
  std::string bomb = testing::MakeZipBomb(64u << 20);
  EXPECT_LT(bomb.size(), 1u << 20);
  auto e = Extract(bomb);
  ASSERT_FALSE(e);
  EXPECT_EQ(e.error().code, ErrorCode::kBrokenFile);
}

TEST(AttachmentWorkerTest, ReadsAndRendersInAChildProcessAsInThisOne) {
  WorkerConverter worker(REILU_ATTACH_WORKER);
  std::string original = MakePdf({{kCvLines}, /*photo=*/true});
  auto there = worker.Extract(original);
  ASSERT_TRUE(there) << there.error().message;
  auto here = Extract(original);
  ASSERT_TRUE(here);
  EXPECT_EQ(there->text, here->text);
  ASSERT_EQ(there->pages.size(), 1u);
  EXPECT_EQ(there->pages[0].words.size(), here->pages[0].words.size());
  EXPECT_EQ(there->pages[0].images.size(), 1u);
  auto rendition = worker.Render(original, {CoverOf(*there, "Maija Meikäläinen", "[NIMI]")},
                                 RenditionOptions{"fi", "Liite 1", "[KUVA]"});
  ASSERT_TRUE(rendition) << rendition.error().message;
  EXPECT_TRUE(rendition->starts_with("%PDF-"));
  const Word* name = FindWord(*here, "Meikäläinen");
  Rgb at_name = ColourAt(*rendition, name->box.x + name->box.width - 3, name->box.y + name->box.height / 2);
  EXPECT_LT(at_name.r + at_name.g + at_name.b, 60);
  // Refusals cross the process boundary with their codes.
  EXPECT_EQ(worker.Extract(testing::MakeEncryptedPdf()).error().code, ErrorCode::kEncryptedFile);
  EXPECT_EQ(worker.Extract("plain text").error().code, ErrorCode::kUnsupportedFile);
}

TEST(AttachmentWorkerTest, AWorkerThatStallsIsKilledAndTheFileRefused) {
  auto script = std::filesystem::temp_directory_path() / ("reilu-stalling-worker-" + std::to_string(::getpid()));
  {
    std::ofstream out(script);
    out << "#!/bin/sh\nexec sleep 30\n";
  }
  std::filesystem::permissions(script, std::filesystem::perms::owner_all);
  WorkerConverter stalling(script, std::chrono::milliseconds(300));
  auto started = std::chrono::steady_clock::now();
  auto e = stalling.Extract(MakePdf({{kCvLines}}));
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(5));
  ASSERT_FALSE(e);
  EXPECT_EQ(e.error().code, ErrorCode::kBrokenFile);
  std::filesystem::remove(script);
  // A worker that dies says nothing useful: the file is refused as unreadable.
  WorkerConverter dying("/bin/false");
  EXPECT_EQ(dying.Extract("%PDF-1.4").error().code, ErrorCode::kBrokenFile);
}

}  // namespace
}  // namespace reilu::attach
