#include "pdf/pdf.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "support/test_server.h"

namespace reilu::pdf {
namespace {

Document Sample(int rows, size_t instructions = 400) {
  Document doc;
  doc.lang = "fi";
  doc.organisation = "Kemijärven kaupunki";
  doc.title = "Valintapäätös: Kirjastonhoitaja";
  doc.date = "25.11.2026";
  doc.Heading("Perustelut")
      .Paragraph(
          "Valituksi esitetään hakija, jolla on pisin kokemus kirjastotyöstä ja paras haastattelu. Ääkköset: åäö ÅÄÖ.");
  DocumentTable table{{"Hakija", "Koulutus", "Kokemus (kk)", "Valinta"}, {}};
  for (int i = 0; i < rows; ++i) {
    table.rows.push_back({"H-" + std::to_string(100 + i), "Informaatiotutkimuksen maisteri", std::to_string(12 + i),
                          i == 3 ? "Valittu" : "—"});
  }
  doc.Table(table);
  doc.Heading("Oikaisuvaatimusohje")
      .Paragraph(std::string(instructions, 'x').replace(0, 20, "Oikaisuvaatimus tehdään "));
  return doc;
}

TEST(PdfTest, ADocumentBecomesAPdfWithItsTextHeaderAndPageNumbers) {
  auto pdf = Render(Sample(5));
  ASSERT_TRUE(pdf.ok()) << pdf.error().message;
  ASSERT_EQ(pdf->substr(0, 5), "%PDF-");
  if (!testing::HasPdfToText()) GTEST_SKIP() << "pdftotext (poppler-utils) is not installed";
  std::string text = testing::PdfText(*pdf);
  EXPECT_NE(text.find("Kemijärven kaupunki"), std::string::npos) << text;
  EXPECT_NE(text.find("Valintapäätös: Kirjastonhoitaja"), std::string::npos);
  EXPECT_NE(text.find("Dnro ________"), std::string::npos);
  EXPECT_NE(text.find("Ääkköset: åäö ÅÄÖ."), std::string::npos);
  EXPECT_NE(text.find("H-103"), std::string::npos);
  EXPECT_NE(text.find("Sivu 1 / 1"), std::string::npos) << text;
}

TEST(PdfTest, ALongTableContinuesOnNewPagesWithItsHeader) {
  auto pdf = Render(Sample(120, 6000));
  ASSERT_TRUE(pdf.ok());
  if (!testing::HasPdfToText()) GTEST_SKIP() << "pdftotext (poppler-utils) is not installed";
  std::string all = testing::PdfText(*pdf);
  // 120 rows and a long instruction: more than three pages, each numbered "n / total".
  size_t at = all.find("Sivu 1 / ");
  ASSERT_NE(at, std::string::npos) << all.substr(0, 400);
  int total = std::atoi(all.c_str() + at + 9);
  EXPECT_GE(total, 3);
  EXPECT_NE(all.find("Sivu " + std::to_string(total) + " / " + std::to_string(total)), std::string::npos);
  EXPECT_NE(all.find("H-219"), std::string::npos);  // the last row
  // Page 2 repeats the table's header and the organisation.
  std::string second = testing::PdfText(*pdf, 2, 2);
  EXPECT_NE(second.find("Valinta"), std::string::npos) << second;
  EXPECT_NE(second.find("Kemijärven kaupunki"), std::string::npos);
}

// The applicant summary's seven columns: header words stay whole as far as the page has room, the
// cheapest first ("Kelpoisu-/us" was printed before); here only "Työkokemus" does not fit whole.
TEST(PdfTest, HeaderWordsStayWholeWhereThePageHasRoom) {
  Document doc;
  doc.lang = "fi";
  doc.organisation = "Kemijärven kaupunki";
  doc.title = "Valintapäätös";
  doc.date = "25.11.2026";
  DocumentTable table{{"Hakija", "Koulutus", "Työkokemus (kk)", "Pisteet", "Kelpoisuus", "Sija", "Ratkaisu"}, {}};
  for (int i = 0; i < 3; ++i) {
    table.rows.push_back({"BJC-81" + std::to_string(i), "maisteri, Informaatiotutkimus", "48", "4,33", "kelpoinen",
                          std::to_string(i + 1), i == 0 ? "Valittu" : "–"});
  }
  doc.Table(table);
  auto pdf = Render(doc);
  ASSERT_TRUE(pdf.ok()) << pdf.error().message;
  if (!testing::HasPdfToText()) GTEST_SKIP() << "pdftotext (poppler-utils) is not installed";
  const std::string text = testing::PdfText(*pdf);
  for (const char* word : {"Hakija", "Koulutus", "Pisteet", "Kelpoisuus", "Ratkaisu", "Informaatiotutkimus"}) {
    EXPECT_NE(text.find(word), std::string::npos) << word << "\n" << text;
  }
}

TEST(PdfTest, PageWordsFollowTheLanguageAndNoAuthorIsWritten) {
  Document doc = Sample(1);
  doc.lang = "sv";
  doc.diary_number = "123/01.01.01/2026";
  auto pdf = Render(doc);
  ASSERT_TRUE(pdf.ok());
  EXPECT_EQ(pdf->find("/Author"), std::string::npos);
  if (!testing::HasPdfToText()) GTEST_SKIP() << "pdftotext (poppler-utils) is not installed";
  std::string text = testing::PdfText(*pdf);
  EXPECT_NE(text.find("Sida 1 / 1"), std::string::npos) << text;
  EXPECT_NE(text.find("Dnr 123/01.01.01/2026"), std::string::npos);
}

}  // namespace
}  // namespace reilu::pdf
