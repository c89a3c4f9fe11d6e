#include "core/document.h"

namespace reilu {

Document& Document::Heading(std::string text) {
  blocks.push_back(DocumentBlock{DocumentBlock::Kind::kHeading, std::move(text), {}});
  return *this;
}

Document& Document::Paragraph(std::string text) {
  blocks.push_back(DocumentBlock{DocumentBlock::Kind::kParagraph, std::move(text), {}});
  return *this;
}

Document& Document::Table(DocumentTable table) {
  blocks.push_back(DocumentBlock{DocumentBlock::Kind::kTable, {}, std::move(table)});
  return *this;
}

}  // namespace reilu
