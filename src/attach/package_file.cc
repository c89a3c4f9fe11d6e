// DOCX and ODT attachments: ZIP packages of XML (libzip, libxml2). Only the parts that hold the
// document's own text are read: the body, headers and footers, foot- and endnotes. Comments,
// tracked deletions, metadata (docProps/, meta.xml) and embedded pictures are never opened.

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <zip.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <optional>
#include <regex>

#include "attach/formats.h"

namespace reilu::attach {

namespace {

constexpr const char* kWordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr const char* kOdfTextNamespace = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
constexpr const char* kOdfOfficeNamespace = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
constexpr std::string_view kOdtMimetype = "application/vnd.oasis.opendocument.text";

struct ZipCloser {
  void operator()(zip_t* z) const { zip_discard(z); }
};
using Zip = std::unique_ptr<zip_t, ZipCloser>;

Error Broken() {
  return MakeError(ErrorCode::kBrokenFile, "The document cannot be read. It may be damaged; save it again and retry.");
}

Result<Zip> OpenZip(std::string_view bytes, const Limits& limits) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (!source) return Broken();
  Zip zip(zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error));
  zip_error_fini(&error);
  if (!zip) {
    zip_source_free(source);
    return Broken();
  }
  zip_int64_t entries = zip_get_num_entries(zip.get(), 0);
  if (entries < 0 || static_cast<size_t>(entries) > limits.max_package_entries) return Broken();
  return zip;
}

// One part's bytes, read no further than the bytes left of the unpacked budget (a ZIP bomb stops
// there whatever its header claims). Nothing when the part does not exist.
Result<std::optional<std::string>> ReadPart(zip_t* zip, const std::string& name, size_t& budget) {
  zip_int64_t index = zip_name_locate(zip, name.c_str(), 0);
  if (index < 0) return std::optional<std::string>();
  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_stat_index(zip, static_cast<zip_uint64_t>(index), 0, &stat) != 0) return Broken();
  if ((stat.valid & ZIP_STAT_ENCRYPTION_METHOD) && stat.encryption_method != ZIP_EM_NONE) {
    return MakeError(ErrorCode::kEncryptedFile,
                     "The document is protected with a password. Save it without the password and send it again.");
  }
  if ((stat.valid & ZIP_STAT_SIZE) && stat.size > budget) {
    return MakeError(ErrorCode::kBrokenFile, "The document unpacks to more text than is accepted.");
  }
  zip_file_t* file = zip_fopen_index(zip, static_cast<zip_uint64_t>(index), 0);
  if (!file) return Broken();
  std::string out;
  char buffer[16384];
  for (;;) {
    zip_int64_t n = zip_fread(file, buffer, sizeof buffer);
    if (n < 0) {
      zip_fclose(file);
      return Broken();
    }
    if (n == 0) break;
    if (static_cast<size_t>(n) > budget - out.size()) {
      zip_fclose(file);
      return MakeError(ErrorCode::kBrokenFile, "The document unpacks to more text than is accepted.");
    }
    out.append(buffer, static_cast<size_t>(n));
  }
  zip_fclose(file);
  budget -= out.size();
  return std::optional<std::string>(std::move(out));
}

bool Is(const xmlNode* node, const char* ns, const char* name) {
  return node->type == XML_ELEMENT_NODE && node->ns && node->ns->href &&
         std::strcmp(reinterpret_cast<const char*>(node->ns->href), ns) == 0 &&
         std::strcmp(reinterpret_cast<const char*>(node->name), name) == 0;
}

void AppendContent(const xmlNode* node, std::string& text) {
  for (const xmlNode* c = node->children; c; c = c->next) {
    if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
      text += reinterpret_cast<const char*>(c->content);
    }
  }
}

void EndParagraph(std::string& text) {
  if (!text.empty() && text.back() != '\n') text += '\n';
}

// WordprocessingML: w:t is text, w:tab and w:br what they say, w:p a paragraph. Deleted text
// (w:delText) and field codes (w:instrText) are not shown in the document, so not read.
void WalkWord(const xmlNode* node, std::string& text) {
  for (const xmlNode* n = node; n; n = n->next) {
    if (n->type != XML_ELEMENT_NODE) continue;
    if (Is(n, kWordNamespace, "t")) {
      AppendContent(n, text);
    } else if (Is(n, kWordNamespace, "tab")) {
      text += '\t';
    } else if (Is(n, kWordNamespace, "br") || Is(n, kWordNamespace, "cr")) {
      text += '\n';
    } else if (Is(n, kWordNamespace, "delText") || Is(n, kWordNamespace, "instrText")) {
      continue;
    } else {
      WalkWord(n->children, text);
      if (Is(n, kWordNamespace, "p")) EndParagraph(text);
    }
  }
}

// OpenDocument: text:p and text:h are paragraphs, text:s is spaces, text:tab and
// text:line-break what they say; comments (office:annotation) and tracked changes are skipped.
void WalkOdf(const xmlNode* node, std::string& text) {
  for (const xmlNode* n = node; n; n = n->next) {
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
      // Text directly inside a paragraph or span (ODF keeps it there, not in its own element).
      if (n->parent && n->parent->ns && n->parent->ns->href &&
          std::strcmp(reinterpret_cast<const char*>(n->parent->ns->href), kOdfTextNamespace) == 0) {
        text += reinterpret_cast<const char*>(n->content);
      }
      continue;
    }
    if (n->type != XML_ELEMENT_NODE) continue;
    if (Is(n, kOdfOfficeNamespace, "annotation") || Is(n, kOdfTextNamespace, "tracked-changes")) continue;
    if (Is(n, kOdfTextNamespace, "s")) {
      text += ' ';
    } else if (Is(n, kOdfTextNamespace, "tab")) {
      text += '\t';
    } else if (Is(n, kOdfTextNamespace, "line-break")) {
      text += '\n';
    } else {
      WalkOdf(n->children, text);
      if (Is(n, kOdfTextNamespace, "p") || Is(n, kOdfTextNamespace, "h")) EndParagraph(text);
    }
  }
}

// Parses without fetching anything (no network, no external DTD) and without expanding entities.
Status AppendPartText(const std::string& xml, Kind kind, std::string& text) {
  xmlDoc* doc = xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "part.xml", nullptr,
                              XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (!doc) return Broken();
  const xmlNode* root = xmlDocGetRootElement(doc);
  if (root) {
    if (kind == Kind::kDocx) {
      WalkWord(root, text);
    } else {
      WalkOdf(root, text);
    }
  }
  xmlFreeDoc(doc);
  EndParagraph(text);
  return OkStatus();
}

// The parts with the document's text, headers first (a CV's name is often there).
std::vector<std::string> TextParts(zip_t* zip, Kind kind) {
  if (kind == Kind::kOdt) return {"styles.xml", "content.xml"};
  std::vector<std::string> headers, footers;
  static const std::regex kHeader("word/header[0-9]{0,4}\\.xml"), kFooter("word/footer[0-9]{0,4}\\.xml");
  zip_int64_t entries = zip_get_num_entries(zip, 0);
  for (zip_int64_t i = 0; i < entries; ++i) {
    const char* name = zip_get_name(zip, static_cast<zip_uint64_t>(i), 0);
    if (!name) continue;
    if (std::regex_match(name, kHeader)) headers.push_back(name);
    if (std::regex_match(name, kFooter)) footers.push_back(name);
  }
  std::sort(headers.begin(), headers.end());
  std::sort(footers.begin(), footers.end());
  std::vector<std::string> parts = headers;
  parts.push_back("word/document.xml");
  parts.insert(parts.end(), footers.begin(), footers.end());
  parts.push_back("word/footnotes.xml");
  parts.push_back("word/endnotes.xml");
  return parts;
}

}  // namespace

Result<Kind> DetectPackage(std::string_view bytes, const Limits& limits) {
  auto zip = OpenZip(bytes, limits);
  if (!zip) return zip.error();
  size_t budget = kOdtMimetype.size() + 16;
  auto mimetype = ReadPart(zip->get(), "mimetype", budget);
  if (mimetype && *mimetype && **mimetype == kOdtMimetype) return Kind::kOdt;
  if (zip_name_locate(zip->get(), "word/document.xml", 0) >= 0) return Kind::kDocx;
  return MakeError(ErrorCode::kUnsupportedFile, "Send the file as PDF, DOCX or ODT.");
}

Result<Extracted> ExtractPackage(std::string_view bytes, Kind kind, const Limits& limits) {
  auto zip = OpenZip(bytes, limits);
  if (!zip) return zip.error();
  Extracted out;
  out.kind = kind;
  size_t budget = limits.max_unpacked_bytes;
  for (const auto& name : TextParts(zip->get(), kind)) {
    auto part = ReadPart(zip->get(), name, budget);
    if (!part) return part.error();
    if (!*part) continue;
    REILU_TRY(AppendPartText(**part, kind, out.text));
    if (out.text.size() > limits.max_text_bytes) {
      return MakeError(ErrorCode::kPayloadTooLarge, "The document has more text than is accepted.");
    }
  }
  if (out.text.empty() &&
      zip_name_locate(zip->get(), kind == Kind::kDocx ? "word/document.xml" : "content.xml", 0) < 0) {
    return Broken();
  }
  return out;
}

}  // namespace reilu::attach
