// Attachments applicants send (a CV, copies of certificates): what kind of file it is, its text
// with where each word stands on the page, and the reviewers' rendition with the identifying words
// covered. Parsing untrusted files is this module's whole job; it runs inside the worker process
// (attach/worker.h) with time and memory limits, so a hostile file costs the server nothing.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/attachment.h"
#include "core/result.h"

namespace reilu::attach {

using reilu::attachment::Box;
using reilu::attachment::Cover;
using reilu::attachment::Extracted;
using reilu::attachment::Page;
using reilu::attachment::RenditionOptions;
using reilu::attachment::Word;

using Kind = AttachmentKind;
std::string_view KindName(Kind kind);  // "pdf", "docx", "odt"

struct Limits {
  size_t max_file_bytes = 5u << 20;       // one file as sent
  size_t max_pages = 30;                  // PDF pages
  size_t max_unpacked_bytes = 20u << 20;  // the XML a DOCX/ODT unpacks to, all parts together
  size_t max_package_entries = 2000;      // files inside a DOCX/ODT
  size_t max_text_bytes = 200u << 10;     // the text the redaction engine reads
};

// The kind from the bytes themselves (never from the file name or the declared type).
// kUnsupportedFile for anything else; kEncryptedFile for a password-protected Office file.
Result<Kind> Detect(std::string_view bytes);

// Reads the file's text (and for a PDF, where each word and picture is). Metadata, file names,
// comments and embedded files are never read. kUnsupportedFile, kEncryptedFile, kBrokenFile or
// kPayloadTooLarge with a message an applicant understands.
Result<Extracted> Extract(std::string_view bytes, const Limits& limits = {});

// The reviewers' rendition as a PDF. For a PDF: each page as a picture with the covered words
// and every picture blacked out, so the result has no text layer at all (nothing to copy out
// from under a box). For DOCX/ODT: a clean PDF of the text with the covers replaced by their
// labels. No metadata beyond the title.
Result<std::string> RenderRendition(std::string_view original, const Extracted& extracted,
                                    const std::vector<Cover>& covers, const RenditionOptions& words,
                                    const Limits& limits = {});

// Page `page` (1-based) of a PDF as a PNG, annotations dropped, about 108 dpi.
Result<std::string> RenderPagePicture(std::string_view original, int page, const Limits& limits = {});

}  // namespace reilu::attach
