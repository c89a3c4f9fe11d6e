// Attachments (a CV, copies of certificates) as the domain sees them: the text read from a file,
// where each word stands on its pages, and what the reviewers' rendition covers. The seam
// AttachmentConverter is filled by src/attach, which parses the untrusted files in a worker
// process; the domain never parses a file itself.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace reilu {

enum class AttachmentKind { kPdf, kDocx, kOdt };
inline std::string_view AttachmentKindName(AttachmentKind kind) {
  return kind == AttachmentKind::kDocx ? "docx" : kind == AttachmentKind::kOdt ? "odt" : "pdf";
}

namespace attachment {

// A rectangle on a page, in points from the page's top-left corner.
struct Box {
  double x = 0, y = 0, width = 0, height = 0;
  bool operator==(const Box&) const = default;
};

// A word of the text and where it stands: [start, end) in Extracted::text.
struct Word {
  size_t start = 0, end = 0;
  Box box;
};

struct Page {
  double width = 0, height = 0;  // points
  std::vector<Word> words;
  std::vector<Box> images;  // photos, logos, scans: covered in the rendition
  bool scanned = false;     // a picture with (almost) no text: covered whole unless HR shows it
};

struct Extracted {
  AttachmentKind kind = AttachmentKind::kPdf;
  // Pages in order (lines end in '\n', pages in "\n\n"); paragraphs for DOCX/ODT.
  std::string text;
  std::vector<Page> pages;  // PDF only
  // A page that is mostly picture and has (almost) no text: a scan. It cannot be checked
  // automatically, so HR must look before release.
  bool has_scanned_pages = false;
};

// A stretch of the text to hide, with the label the reviewers see in its place ("[NIMI]").
struct Cover {
  size_t start = 0, end = 0;
  std::string label;
};

// A box HR draws on a page of a PDF (a name on a scanned certificate), 1-based page.
struct PageBox {
  int page = 1;
  Box box;
  bool operator==(const PageBox&) const = default;
};

struct RenditionOptions {
  std::string lang = "fi";  // the recruitment's language: page words and the picture label
  std::string title;        // e.g. "Liite 1"
  std::string image_label;  // shown on covered pictures, e.g. "[KUVA]"
  // HR's own choices for a PDF: boxes drawn by hand, and scanned pages to show (with those boxes
  // over what identifies) instead of covering them whole.
  std::vector<PageBox> boxes = {};
  std::vector<int> shown_scans = {};
};

}  // namespace attachment

class AttachmentConverter {
 public:
  virtual ~AttachmentConverter() = default;
  // The file's text and layout; kUnsupportedFile, kEncryptedFile, kBrokenFile or kPayloadTooLarge
  // with a message an applicant understands.
  virtual Result<attachment::Extracted> Extract(std::string_view bytes) const = 0;
  // The reviewers' rendition (a PDF) of `original` with `covers` over the text.
  virtual Result<std::string> Render(std::string_view original, const std::vector<attachment::Cover>& covers,
                                     const attachment::RenditionOptions& words) const = 0;
  // One page of a PDF as it is (a PNG), for HR to draw boxes on: identity-class.
  virtual Result<std::string> PagePicture(std::string_view original, int page) const = 0;
};

}  // namespace reilu
