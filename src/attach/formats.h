// The readers of each file format behind attach/attachment.h (internal to src/attach).
#pragma once

#include "attach/attachment.h"

namespace reilu::attach {

// PDF (poppler + cairo).
Result<Extracted> ExtractPdf(std::string_view bytes, const Limits& limits);
Result<std::string> RenderPdfRendition(std::string_view original, const Extracted& extracted,
                                       const std::vector<Cover>& covers, const RenditionOptions& words);

Result<std::string> RenderPdfPagePicture(std::string_view original, int page);

// Office packages, DOCX and ODT (libzip + libxml2).
// The kind of a ZIP file: DOCX or ODT, else kUnsupportedFile.
Result<Kind> DetectPackage(std::string_view bytes, const Limits& limits);
Result<Extracted> ExtractPackage(std::string_view bytes, Kind kind, const Limits& limits);

}  // namespace reilu::attach
