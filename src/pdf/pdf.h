// Renders a Document (core/document.h) as a PDF: A4, the organisation and the diary number field at
// the top of every page, page numbers ("Sivu 2 / 3") at the foot, tables that continue on the next
// page with their header. Text is laid out by Pango (line breaking, every script DejaVu covers)
// and drawn by cairo, both from Debian. The PDF carries the title and "Reilu" as its metadata and
// nothing else (no author, no file names).
#pragma once

#include <string>

#include "core/document.h"
#include "core/result.h"

namespace reilu::pdf {

Result<std::string> Render(const Document& document);

}  // namespace reilu::pdf
