// Attachments made for tests and benchmarks: a CV-like PDF (text lines and optionally a photo), a
// DOCX with a header, an ODT, and broken or protected files.
#pragma once

#include <string>
#include <vector>

namespace reilu::testing {

struct SamplePdf {
  std::vector<std::vector<std::string>> pages;  // lines of text per page
  bool photo = false;                           // a picture in the top right corner of page 1
  bool scanned = false;                         // page 1 is one page-sized picture without text
};
std::string MakePdf(const SamplePdf& sample);

// `header` goes into word/header1.xml, `paragraphs` into the body; `comment` into comments.xml
// and `author` into docProps/core.xml (neither may reach a rendition).
// `picture_bytes` adds a picture of that size (incompressible) to make a file of a given size.
std::string MakeDocx(const std::vector<std::string>& paragraphs, const std::string& header = {},
                     const std::string& author = {}, size_t picture_bytes = 0);
std::string MakeOdt(const std::vector<std::string>& paragraphs, const std::string& author = {});

// A ZIP that claims to be a DOCX whose document.xml unpacks to `unpacked_bytes` of zeros.
std::string MakeZipBomb(size_t unpacked_bytes);
// A PDF behind a user password (standard security handler, RC4 40-bit).
std::string MakeEncryptedPdf();

}  // namespace reilu::testing
