// A printable document (a decision, a report for the council's agenda) as plain data: the
// organisation, a title, the diary number field and blocks of text and tables. Adapters render it
// (src/pdf: PDF); the domain only says what is in it.
#pragma once

#include <string>
#include <vector>

namespace reilu {

struct DocumentTable {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;  // each as many cells as the header
};

struct DocumentBlock {
  enum class Kind { kHeading, kParagraph, kTable };
  Kind kind = Kind::kParagraph;
  std::string text;  // heading or paragraph
  DocumentTable table;
};

struct Document {
  std::string lang = "fi";  // fi, sv or en: the page numbers and field names
  std::string organisation;
  std::string title;
  std::string diary_number;  // empty: an empty field for the registry to fill in
  std::string date;          // as it is to be printed, e.g. "25.11.2026"
  std::vector<DocumentBlock> blocks;

  Document& Heading(std::string text);
  Document& Paragraph(std::string text);
  Document& Table(DocumentTable table);
};

}  // namespace reilu
