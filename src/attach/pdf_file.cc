// PDF attachments through poppler (text, word boxes, pictures) and cairo (the rendition).

#include <cairo-pdf.h>
#include <cairo.h>
#include <poppler.h>

#include <algorithm>
#include <cmath>
#include <memory>

#include "attach/formats.h"

namespace reilu::attach {

namespace {

struct GObjectDeleter {
  void operator()(void* object) const {
    if (object) g_object_unref(object);
  }
};
using Document = std::unique_ptr<PopplerDocument, GObjectDeleter>;
using PdfPage = std::unique_ptr<PopplerPage, GObjectDeleter>;

// The longest side of a page as a picture; keeps a page with a giant media box from taking
// gigabytes (2 × A4 is 1684 px).
constexpr double kMaxRasterSide = 2400;
constexpr double kRasterScale = 2.0;  // 144 dpi: print-sharp text, a few hundred KB a page

// A picture covering half the page or more with little text on it is a scanned page.
constexpr double kPageSizedShare = 0.5;
constexpr size_t kScannedPageWords = 20;

Result<Document> Open(std::string_view bytes) {
  GBytes* data = g_bytes_new(bytes.data(), bytes.size());
  GError* error = nullptr;
  Document doc(poppler_document_new_from_bytes(data, nullptr, &error));
  g_bytes_unref(data);
  if (!doc) {
    bool encrypted = error && error->domain == POPPLER_ERROR && error->code == POPPLER_ERROR_ENCRYPTED;
    if (error) g_error_free(error);
    if (encrypted) {
      return MakeError(ErrorCode::kEncryptedFile,
                       "The PDF is protected with a password. Save it without the password and send it again.");
    }
    return MakeError(ErrorCode::kBrokenFile, "The PDF cannot be read. It may be damaged; save it again and retry.");
  }
  return doc;
}

Box FromRectangle(const PopplerRectangle& r) {
  double x1 = std::min(r.x1, r.x2), x2 = std::max(r.x1, r.x2);
  double y1 = std::min(r.y1, r.y2), y2 = std::max(r.y1, r.y2);
  return Box{x1, y1, x2 - x1, y2 - y1};
}

Box Union(const Box& a, const Box& b) {
  double x1 = std::min(a.x, b.x), y1 = std::min(a.y, b.y);
  double x2 = std::max(a.x + a.width, b.x + b.width), y2 = std::max(a.y + a.height, b.y + b.height);
  return Box{x1, y1, x2 - x1, y2 - y1};
}

bool IsSpace(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f'; }

// The page's text appended to `text`, each word with the union of its characters' boxes. poppler
// gives one rectangle per character of poppler_page_get_text; when the two disagree the words
// cannot be placed, and the page is then treated as one that needs a person to look.
bool ReadText(PopplerPage* page, std::string& text, Page& out, const Limits& limits) {
  char* raw = poppler_page_get_text(page);
  std::string page_text = raw ? raw : "";
  g_free(raw);
  PopplerRectangle* rects = nullptr;
  guint count = 0;
  if (!poppler_page_get_text_layout(page, &rects, &count)) count = 0;
  std::unique_ptr<PopplerRectangle, decltype(&g_free)> owned(rects, &g_free);
  if (page_text.empty()) return true;
  if (!g_utf8_validate(page_text.data(), static_cast<gssize>(page_text.size()), nullptr)) return false;
  if (static_cast<glong>(count) != g_utf8_strlen(page_text.data(), static_cast<gssize>(page_text.size()))) {
    return false;
  }
  if (text.size() + page_text.size() > limits.max_text_bytes) return false;
  const size_t base = text.size();
  text += page_text;
  size_t char_index = 0;
  bool in_word = false;
  for (size_t i = 0; i < page_text.size(); ++char_index) {
    size_t next = static_cast<size_t>(g_utf8_next_char(page_text.data() + i) - page_text.data());
    if (IsSpace(page_text[i])) {
      in_word = false;
    } else {
      Box box = FromRectangle(rects[char_index]);
      if (!in_word) {
        out.words.push_back(Word{base + i, base + next, box});
        in_word = true;
      } else {
        out.words.back().end = base + next;
        out.words.back().box = Union(out.words.back().box, box);
      }
    }
    i = next;
  }
  return true;
}

std::vector<Box> ReadImages(PopplerPage* page) {
  std::vector<Box> images;
  GList* mapping = poppler_page_get_image_mapping(page);
  for (GList* l = mapping; l; l = l->next) {
    images.push_back(FromRectangle(static_cast<PopplerImageMapping*>(l->data)->area));
  }
  poppler_page_free_image_mapping(mapping);
  return images;
}

bool IsPageSized(const Box& image, const Page& page) {
  return image.width * image.height >= kPageSizedShare * page.width * page.height;
}

bool HasPageSizedImage(const Page& page) {
  return std::any_of(page.images.begin(), page.images.end(), [&](const Box& b) { return IsPageSized(b, page); });
}

// A page that is a picture with (almost) no text: its words cannot be found, so the rendition
// covers it whole until HR has looked.
bool IsScanned(const Page& page) { return HasPageSizedImage(page) && page.words.size() < kScannedPageWords; }

cairo_status_t Append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

// Removes every annotation (form fields, notes, links): their text is not in the page's text, so
// it could not be checked; the rendition shows the page's own content only.
void DropAnnotations(PopplerPage* page) {
  GList* mapping = poppler_page_get_annot_mapping(page);
  for (GList* l = mapping; l; l = l->next) {
    poppler_page_remove_annot(page, static_cast<PopplerAnnotMapping*>(l->data)->annot);
  }
  poppler_page_free_annot_mapping(mapping);
}

void FillBox(cairo_t* cr, const Box& box, double pad) {
  cairo_rectangle(cr, box.x - pad, box.y - pad, box.width + 2 * pad, box.height + 2 * pad);
  cairo_fill(cr);
}

void DrawLabel(cairo_t* cr, const Box& box, const std::string& label) {
  if (label.empty() || box.height < 4) return;
  cairo_save(cr);
  cairo_rectangle(cr, box.x, box.y, box.width, box.height);
  cairo_clip(cr);
  cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
  double size = std::min(box.height * 0.75, 11.0);
  cairo_set_font_size(cr, size);
  // A label wider than its bar is set smaller (down to 5 pt) rather than cut off.
  cairo_text_extents_t extents;
  cairo_text_extents(cr, label.c_str(), &extents);
  if (extents.x_advance > box.width - 4 && extents.x_advance > 0) {
    cairo_set_font_size(cr, std::max(5.0, size * (box.width - 4) / extents.x_advance));
  }
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_font_extents_t font;
  cairo_font_extents(cr, &font);
  cairo_move_to(cr, box.x + 2, box.y + (box.height + font.ascent - font.descent) / 2);
  cairo_show_text(cr, label.c_str());
  cairo_restore(cr);
}

// The covered words of a page grouped per cover and line: one black bar a line, the label in the
// first bar of each cover.
void DrawCovers(cairo_t* cr, const Page& page, const std::vector<Cover>& covers) {
  for (const auto& cover : covers) {
    std::vector<Box> bars;
    for (const auto& w : page.words) {
      if (w.end <= cover.start || w.start >= cover.end) continue;
      if (!bars.empty() && std::abs(bars.back().y - w.box.y) < w.box.height / 2) {
        bars.back() = Union(bars.back(), w.box);
      } else {
        bars.push_back(w.box);
      }
    }
    cairo_set_source_rgb(cr, 0, 0, 0);
    for (const auto& bar : bars) FillBox(cr, bar, 1.5);
    if (!bars.empty()) DrawLabel(cr, bars.front(), cover.label);
  }
}

void DrawImageCovers(cairo_t* cr, const Page& page, const std::string& label) {
  for (const auto& image : page.images) {
    // A scan with a text layer keeps its picture (the words on it are covered one by one).
    if (IsPageSized(image, page)) continue;
    cairo_set_source_rgb(cr, 0.25, 0.25, 0.25);
    FillBox(cr, image, 0);
    DrawLabel(cr, Box{image.x, image.y, image.width, std::min(image.height, 16.0)}, label);
  }
}

}  // namespace

Result<Extracted> ExtractPdf(std::string_view bytes, const Limits& limits) {
  auto doc = Open(bytes);
  if (!doc) return doc.error();
  int pages = poppler_document_get_n_pages(doc->get());
  if (pages <= 0) return MakeError(ErrorCode::kBrokenFile, "The PDF has no pages.");
  if (static_cast<size_t>(pages) > limits.max_pages) {
    return MakeError(ErrorCode::kPayloadTooLarge, "The PDF has " + std::to_string(pages) + " pages; at most " +
                                                      std::to_string(limits.max_pages) + " are accepted.");
  }
  Extracted out;
  out.kind = Kind::kPdf;
  for (int i = 0; i < pages; ++i) {
    PdfPage page(poppler_document_get_page(doc->get(), i));
    if (!page) return MakeError(ErrorCode::kBrokenFile, "A page of the PDF cannot be read.");
    Page p;
    poppler_page_get_size(page.get(), &p.width, &p.height);
    if (!(p.width > 0 && p.height > 0)) return MakeError(ErrorCode::kBrokenFile, "A page of the PDF has no size.");
    p.images = ReadImages(page.get());
    if (!ReadText(page.get(), out.text, p, limits)) {
      p.words.clear();
      // Unplaceable text: the whole page is covered like a scan.
      p.images.push_back(Box{0, 0, p.width, p.height});
    }
    p.scanned = IsScanned(p);
    if (p.scanned) out.has_scanned_pages = true;
    if (!out.text.empty() && out.text.back() != '\n') out.text += '\n';
    out.text += '\n';
    out.pages.push_back(std::move(p));
  }
  return out;
}

Result<std::string> RenderPdfRendition(std::string_view original, const Extracted& extracted,
                                       const std::vector<Cover>& covers, const RenditionOptions& words) {
  auto doc = Open(original);
  if (!doc) return doc.error();
  if (static_cast<size_t>(poppler_document_get_n_pages(doc->get())) != extracted.pages.size()) {
    return MakeError(ErrorCode::kInternal, "The PDF changed between reading and rendering.");
  }
  std::string out;
  cairo_surface_t* pdf =
      cairo_pdf_surface_create_for_stream(Append, &out, extracted.pages[0].width, extracted.pages[0].height);
  cairo_pdf_surface_set_metadata(pdf, CAIRO_PDF_METADATA_TITLE, words.title.c_str());
  cairo_pdf_surface_set_metadata(pdf, CAIRO_PDF_METADATA_CREATOR, "Reilu");
  cairo_t* cr = cairo_create(pdf);
  for (size_t i = 0; i < extracted.pages.size(); ++i) {
    const Page& p = extracted.pages[i];
    PdfPage page(poppler_document_get_page(doc->get(), static_cast<int>(i)));
    if (!page) continue;
    DropAnnotations(page.get());
    double scale = std::min(kRasterScale, kMaxRasterSide / std::max(p.width, p.height));
    int w = std::max(1, static_cast<int>(std::ceil(p.width * scale)));
    int h = std::max(1, static_cast<int>(std::ceil(p.height * scale)));
    cairo_surface_t* picture = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
    cairo_t* pc = cairo_create(picture);
    cairo_set_source_rgb(pc, 1, 1, 1);
    cairo_paint(pc);
    cairo_scale(pc, scale, scale);
    const int number = static_cast<int>(i) + 1;
    bool shown = std::find(words.shown_scans.begin(), words.shown_scans.end(), number) != words.shown_scans.end();
    if (IsScanned(p) && !shown) {
      cairo_set_source_rgb(pc, 0.25, 0.25, 0.25);
      FillBox(pc, Box{0, 0, p.width, p.height}, 0);
      DrawLabel(pc, Box{24, 24, p.width - 48, 16}, words.image_label);
    } else {
      poppler_page_render(page.get(), pc);
      DrawImageCovers(pc, p, words.image_label);
      DrawCovers(pc, p, covers);
    }
    // HR's boxes go over everything, scans shown included.
    cairo_set_source_rgb(pc, 0, 0, 0);
    for (const auto& b : words.boxes) {
      if (b.page == number) FillBox(pc, b.box, 0);
    }
    cairo_destroy(pc);
    cairo_pdf_surface_set_size(pdf, p.width, p.height);
    cairo_save(cr);
    cairo_scale(cr, 1 / scale, 1 / scale);
    cairo_set_source_surface(cr, picture, 0, 0);
    cairo_paint(cr);
    cairo_restore(cr);
    cairo_show_page(cr);
    cairo_surface_destroy(picture);
  }
  cairo_destroy(cr);
  cairo_surface_finish(pdf);
  cairo_status_t status = cairo_surface_status(pdf);
  cairo_surface_destroy(pdf);
  if (status != CAIRO_STATUS_SUCCESS) return MakeError(ErrorCode::kInternal, "The rendition could not be drawn.");
  return out;
}

Result<std::string> RenderPdfPagePicture(std::string_view original, int number) {
  auto doc = Open(original);
  if (!doc) return doc.error();
  if (number < 1 || number > poppler_document_get_n_pages(doc->get())) {
    return MakeError(ErrorCode::kNotFound, "No such page.", "page");
  }
  PdfPage page(poppler_document_get_page(doc->get(), number - 1));
  if (!page) return MakeError(ErrorCode::kBrokenFile, "The page cannot be read.");
  DropAnnotations(page.get());
  double width = 0, height = 0;
  poppler_page_get_size(page.get(), &width, &height);
  if (!(width > 0 && height > 0)) return MakeError(ErrorCode::kBrokenFile, "The page has no size.");
  // The same points as the boxes HR draws, at 1.5 pixels a point.
  const double scale = std::min(1.5, kMaxRasterSide / std::max(width, height));
  cairo_surface_t* picture = cairo_image_surface_create(
      CAIRO_FORMAT_RGB24, std::max(1, static_cast<int>(width * scale)), std::max(1, static_cast<int>(height * scale)));
  cairo_t* cr = cairo_create(picture);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  cairo_scale(cr, scale, scale);
  poppler_page_render(page.get(), cr);
  cairo_destroy(cr);
  std::string png;
  cairo_status_t status = cairo_surface_write_to_png_stream(picture, Append, &png);
  cairo_surface_destroy(picture);
  if (status != CAIRO_STATUS_SUCCESS) return MakeError(ErrorCode::kInternal, "The page could not be drawn.");
  return png;
}

}  // namespace reilu::attach
