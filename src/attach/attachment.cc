#include "attach/attachment.h"

#include <algorithm>

#include "attach/formats.h"
#include "pdf/pdf.h"

namespace reilu::attach {

namespace {

constexpr std::string_view kPdfMagic = "%PDF-";
constexpr std::string_view kZipMagic = "PK\x03\x04";
constexpr std::string_view kCompoundFileMagic = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
// A password-protected DOCX is a compound file with this stream (its name in UTF-16LE).
constexpr std::string_view kEncryptedPackage = {"E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0", 32};

// The text with each cover replaced by its label.
std::string Covered(const std::string& text, std::vector<Cover> covers) {
  std::sort(covers.begin(), covers.end(), [](const Cover& a, const Cover& b) { return a.start < b.start; });
  std::string out;
  size_t pos = 0;
  for (const auto& c : covers) {
    if (c.start < pos || c.end > text.size() || c.start >= c.end) continue;
    out.append(text, pos, c.start - pos);
    out += c.label;
    pos = c.end;
  }
  out.append(text, pos);
  return out;
}

Result<std::string> RenderTextRendition(const Extracted& extracted, const std::vector<Cover>& covers,
                                        const RenditionOptions& words) {
  Document doc;
  doc.lang = words.lang;
  doc.title = words.title;
  std::string text = Covered(extracted.text, covers);
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    if (end > pos) doc.Paragraph(text.substr(pos, end - pos));
    pos = end + 1;
  }
  return pdf::Render(doc);
}

}  // namespace

std::string_view KindName(Kind kind) { return AttachmentKindName(kind); }

Result<Kind> Detect(std::string_view bytes) {
  // The PDF header may follow a little junk; readers look in the first kilobyte.
  if (bytes.substr(0, 1024).find(kPdfMagic) != std::string_view::npos) return Kind::kPdf;
  if (bytes.starts_with(kZipMagic)) return DetectPackage(bytes, Limits{});
  if (bytes.starts_with(kCompoundFileMagic)) {
    if (bytes.find(kEncryptedPackage) != std::string_view::npos) {
      return MakeError(ErrorCode::kEncryptedFile,
                       "The document is protected with a password. Save it without the password and send it again.");
    }
    return MakeError(ErrorCode::kUnsupportedFile, "An old Word file (.doc): save it as PDF or DOCX and send it again.");
  }
  return MakeError(ErrorCode::kUnsupportedFile, "Send the file as PDF, DOCX or ODT.");
}

Result<Extracted> Extract(std::string_view bytes, const Limits& limits) {
  if (bytes.size() > limits.max_file_bytes) {
    return MakeError(ErrorCode::kPayloadTooLarge,
                     "The file is larger than " + std::to_string(limits.max_file_bytes >> 20) + " MB.");
  }
  auto kind = Detect(bytes);
  if (!kind) return kind.error();
  if (*kind == Kind::kPdf) return ExtractPdf(bytes, limits);
  return ExtractPackage(bytes, *kind, limits);
}

Result<std::string> RenderRendition(std::string_view original, const Extracted& extracted,
                                    const std::vector<Cover>& covers, const RenditionOptions& words,
                                    const Limits& limits) {
  if (original.size() > limits.max_file_bytes) return MakeError(ErrorCode::kPayloadTooLarge, "The file is too large.");
  if (extracted.kind == Kind::kPdf) {
    if (extracted.pages.empty()) return MakeError(ErrorCode::kBrokenFile, "The PDF has no pages.");
    return RenderPdfRendition(original, extracted, covers, words);
  }
  return RenderTextRendition(extracted, covers, words);
}

Result<std::string> RenderPagePicture(std::string_view original, int page, const Limits& limits) {
  if (original.size() > limits.max_file_bytes) return MakeError(ErrorCode::kPayloadTooLarge, "The file is too large.");
  auto kind = Detect(original);
  if (!kind) return kind.error();
  if (*kind != Kind::kPdf) return MakeError(ErrorCode::kInvalidInput, "Only a PDF has pages to draw on.", "page");
  return RenderPdfPagePicture(original, page);
}

}  // namespace reilu::attach
