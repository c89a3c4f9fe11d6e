#include "support/sample_documents.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <zip.h>

#include <cstdint>
#include <cstring>
#include <list>
#include <stdexcept>

namespace reilu::testing {

namespace {

cairo_status_t Append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

void Picture(cairo_t* cr, double x, double y, double width, double height) {
  cairo_surface_t* image = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 60, 80);
  cairo_t* ic = cairo_create(image);
  cairo_set_source_rgb(ic, 0.8, 0.6, 0.5);
  cairo_paint(ic);
  cairo_set_source_rgb(ic, 0.3, 0.2, 0.1);
  cairo_arc(ic, 30, 30, 15, 0, 6.3);
  cairo_fill(ic);
  cairo_destroy(ic);
  cairo_save(cr);
  cairo_translate(cr, x, y);
  cairo_scale(cr, width / 60, height / 80);
  cairo_set_source_surface(cr, image, 0, 0);
  cairo_paint(cr);
  cairo_restore(cr);
  cairo_surface_destroy(image);
}

class ZipWriter {
 public:
  ZipWriter() {
    zip_error_t error;
    zip_error_init(&error);
    source_ = zip_source_buffer_create(nullptr, 0, 0, &error);
    zip_source_keep(source_);
    zip_ = zip_open_from_source(source_, ZIP_TRUNCATE, &error);
    if (!zip_) throw std::runtime_error("zip_open_from_source");
  }
  void Add(const std::string& name, std::string content, bool store = false) {
    contents_.push_back(std::move(content));
    const std::string& c = contents_.back();
    zip_source_t* s = zip_source_buffer(zip_, c.data(), c.size(), 0);
    zip_int64_t index = zip_file_add(zip_, name.c_str(), s, ZIP_FL_ENC_UTF_8);
    if (store) zip_set_file_compression(zip_, static_cast<zip_uint64_t>(index), ZIP_CM_STORE, 0);
  }
  std::string Finish() {
    if (zip_close(zip_) != 0) throw std::runtime_error("zip_close");
    zip_source_open(source_);
    zip_source_seek(source_, 0, SEEK_END);
    zip_int64_t size = zip_source_tell(source_);
    zip_source_seek(source_, 0, SEEK_SET);
    std::string out(static_cast<size_t>(size), '\0');
    zip_source_read(source_, out.data(), static_cast<zip_uint64_t>(size));
    zip_source_close(source_);
    zip_source_free(source_);
    return out;
  }

 private:
  zip_source_t* source_ = nullptr;
  zip_t* zip_ = nullptr;
  std::list<std::string> contents_;  // libzip reads them at zip_close: they must not move
};

std::string Escape(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '<')
      out += "&lt;";
    else if (c == '>')
      out += "&gt;";
    else if (c == '&')
      out += "&amp;";
    else
      out += c;
  }
  return out;
}

constexpr const char* kWordNs = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

std::string WordParagraphs(const std::vector<std::string>& paragraphs) {
  std::string body;
  for (const auto& p : paragraphs) body += "<w:p><w:r><w:t xml:space=\"preserve\">" + Escape(p) + "</w:t></w:r></w:p>";
  return body;
}

}  // namespace

std::string MakePdf(const SamplePdf& sample) {
  std::string out;
  cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(Append, &out, 595.276, 841.89);
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, "Maija Meikäläinen");
  cairo_t* cr = cairo_create(surface);
  for (size_t p = 0; p < sample.pages.size(); ++p) {
    if (p == 0 && sample.scanned) {
      Picture(cr, 20, 20, 555, 800);
      cairo_show_page(cr);
      continue;
    }
    if (p == 0 && sample.photo) Picture(cr, 450, 50, 90, 120);
    cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr, 11);
    cairo_set_source_rgb(cr, 0, 0, 0);
    double y = 70;
    for (const auto& line : sample.pages[p]) {
      cairo_move_to(cr, 60, y);
      cairo_show_text(cr, line.c_str());
      y += 18;
    }
    cairo_show_page(cr);
  }
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  cairo_surface_destroy(surface);
  return out;
}

std::string MakeDocx(const std::vector<std::string>& paragraphs, const std::string& header, const std::string& author,
                     size_t picture_bytes) {
  ZipWriter zip;
  if (picture_bytes > 0) {
    std::string picture(picture_bytes, '\0');
    std::uint64_t state = 0x9E3779B97F4A7C15u;
    for (auto& c : picture) {
      state ^= state << 13, state ^= state >> 7, state ^= state << 17;
      c = static_cast<char>(state);
    }
    zip.Add("word/media/image1.png", std::move(picture), true);
  }
  zip.Add("[Content_Types].xml",
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types "
          "xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"xml\" "
          "ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" "
          "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>");
  zip.Add("word/document.xml", std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"") +
                                   kWordNs + "\"><w:body>" + WordParagraphs(paragraphs) +
                                   "<w:p><w:del><w:r><w:delText>poistettu teksti</w:delText></w:r></w:del></w:p>"
                                   "</w:body></w:document>");
  if (!header.empty()) {
    zip.Add("word/header1.xml", std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:hdr xmlns:w=\"") + kWordNs +
                                    "\">" + WordParagraphs({header}) + "</w:hdr>");
  }
  zip.Add("word/comments.xml", std::string("<?xml version=\"1.0\"?><w:comments xmlns:w=\"") + kWordNs +
                                   "\"><w:comment w:author=\"" + Escape(author) + "\">" +
                                   WordParagraphs({"kommentti " + author}) + "</w:comment></w:comments>");
  zip.Add("docProps/core.xml",
          "<?xml version=\"1.0\"?><cp:coreProperties "
          "xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
          "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:creator>" +
              Escape(author) + "</dc:creator></cp:coreProperties>");
  return zip.Finish();
}

std::string MakeOdt(const std::vector<std::string>& paragraphs, const std::string& author) {
  ZipWriter zip;
  zip.Add("mimetype", "application/vnd.oasis.opendocument.text", true);
  std::string body;
  for (const auto& p : paragraphs) body += "<text:p>" + Escape(p) + "</text:p>";
  zip.Add("content.xml",
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content "
          "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
          "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "
          "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><office:body><office:text>" +
              body + "<text:p>Huom<office:annotation><dc:creator>" + Escape(author) +
              "</dc:creator><text:p>kommentti</text:p></office:annotation>.</text:p>"
              "</office:text></office:body></office:document-content>");
  zip.Add(
      "meta.xml",
      "<?xml version=\"1.0\"?><office:document-meta xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
      "xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\"><office:meta><meta:initial-creator>" +
          Escape(author) + "</meta:initial-creator></office:meta></office:document-meta>");
  return zip.Finish();
}

std::string MakeZipBomb(size_t unpacked_bytes) {
  ZipWriter zip;
  zip.Add("[Content_Types].xml", "<Types/>");
  std::string zeros(unpacked_bytes, '0');
  zip.Add("word/document.xml", std::move(zeros));
  return zip.Finish();
}

std::string MakeEncryptedPdf() {
  std::vector<std::string> objects = {
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
      "<< /Filter /Standard /V 1 /R 2 /P -4 /O <" + std::string(64, 'A') + "> /U <" + std::string(64, 'B') + "> >>",
  };
  std::string out = "%PDF-1.4\n";
  std::vector<size_t> offsets;
  for (size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(out.size());
    out += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  size_t xref = out.size();
  out += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (size_t offset : offsets) {
    char line[32];
    std::snprintf(line, sizeof line, "%010zu 00000 n \n", offset);
    out += line;
  }
  out += "trailer\n<< /Size " + std::to_string(objects.size() + 1) +
         " /Root 1 0 R /Encrypt 4 0 R /ID [<0123456789ABCDEF0123456789ABCDEF><0123456789ABCDEF0123456789ABCDEF>] "
         ">>\nstartxref\n" +
         std::to_string(xref) + "\n%%EOF\n";
  return out;
}

}  // namespace reilu::testing
