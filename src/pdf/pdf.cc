#include "pdf/pdf.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <memory>
#include <vector>

namespace reilu::pdf {

namespace {

// A4 in points, margins 2 cm.
constexpr double kPageWidth = 595.276;
constexpr double kPageHeight = 841.890;
constexpr double kMargin = 56.7;
constexpr double kHeaderHeight = 48;  // organisation, diary number and date above the text
constexpr double kFooterHeight = 28;
constexpr double kTextTop = kMargin + kHeaderHeight;
constexpr double kTextBottom = kPageHeight - kMargin - kFooterHeight;
constexpr double kTextWidth = kPageWidth - 2 * kMargin;
constexpr double kCellPadding = 4;

struct Words {
  const char* page;
  const char* diary;
};

Words WordsFor(const std::string& lang) {
  if (lang == "sv") return {"Sida", "Dnr"};
  if (lang == "en") return {"Page", "Ref."};
  return {"Sivu", "Dnro"};
}

cairo_status_t Append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

struct LayoutDeleter {
  void operator()(PangoLayout* l) const { g_object_unref(l); }
};
using Layout = std::unique_ptr<PangoLayout, LayoutDeleter>;

// Lays the document out page by page; draws only when asked, so a first pass counts the pages
// for the "page 1 / N" footer with exactly the metrics of the second.
class Writer {
 public:
  Writer(cairo_t* cr, const Document& doc, int total_pages, bool draw)
      : cr_(cr), doc_(doc), total_(total_pages), draw_(draw) {}

  int Run() {
    StartPage();
    Text(doc_.title, "DejaVu Sans Bold 15", 10);
    for (const auto& block : doc_.blocks) {
      switch (block.kind) {
        case DocumentBlock::Kind::kHeading:
          y_ += 6;
          Text(block.text, "DejaVu Sans Bold 11.5", 4);
          break;
        case DocumentBlock::Kind::kParagraph:
          Text(block.text, "DejaVu Sans 10", 7);
          break;
        case DocumentBlock::Kind::kTable:
          TableBlock(block.table);
          break;
      }
    }
    FinishPage();
    return page_;
  }

 private:
  Layout MakeLayout(const std::string& text, const char* font, double width) {
    Layout layout(pango_cairo_create_layout(cr_));
    PangoFontDescription* description = pango_font_description_from_string(font);
    pango_layout_set_font_description(layout.get(), description);
    pango_font_description_free(description);
    pango_layout_set_width(layout.get(), static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
    pango_layout_set_text(layout.get(), text.c_str(), static_cast<int>(text.size()));
    return layout;
  }

  static double Height(PangoLayout* layout) {
    int w = 0, h = 0;
    pango_layout_get_size(layout, &w, &h);
    return static_cast<double>(h) / PANGO_SCALE;
  }

  void StartPage() {
    ++page_;
    y_ = kTextTop;
    if (!draw_) return;
    Words words = WordsFor(doc_.lang);
    Layout org = MakeLayout(doc_.organisation, "DejaVu Sans Bold 10", kTextWidth * 0.6);
    cairo_move_to(cr_, kMargin, kMargin);
    pango_cairo_show_layout(cr_, org.get());
    std::string right = std::string(words.diary) + " " + (doc_.diary_number.empty() ? "________" : doc_.diary_number);
    if (!doc_.date.empty()) right += "\n" + doc_.date;
    Layout meta = MakeLayout(right, "DejaVu Sans 9", kTextWidth * 0.4);
    pango_layout_set_alignment(meta.get(), PANGO_ALIGN_RIGHT);
    cairo_move_to(cr_, kMargin + kTextWidth * 0.6, kMargin);
    pango_cairo_show_layout(cr_, meta.get());
    cairo_set_line_width(cr_, 0.5);
    cairo_move_to(cr_, kMargin, kTextTop - 10);
    cairo_line_to(cr_, kMargin + kTextWidth, kTextTop - 10);
    cairo_stroke(cr_);
  }

  void FinishPage() {
    if (draw_) {
      Words words = WordsFor(doc_.lang);
      std::string text = std::string(words.page) + " " + std::to_string(page_) + " / " + std::to_string(total_);
      Layout footer = MakeLayout(text, "DejaVu Sans 8.5", kTextWidth);
      pango_layout_set_alignment(footer.get(), PANGO_ALIGN_CENTER);
      cairo_move_to(cr_, kMargin, kPageHeight - kMargin - 12);
      pango_cairo_show_layout(cr_, footer.get());
      cairo_show_page(cr_);
    }
  }

  void NewPage() {
    FinishPage();
    StartPage();
  }

  // A paragraph line by line, so that a long one continues on the next page.
  void Text(const std::string& text, const char* font, double space_after) {
    Layout layout = MakeLayout(text, font, kTextWidth);
    PangoLayoutIter* iter = pango_layout_get_iter(layout.get());
    do {
      int top = 0, bottom = 0;
      pango_layout_iter_get_line_yrange(iter, &top, &bottom);
      double height = static_cast<double>(bottom - top) / PANGO_SCALE;
      if (y_ + height > kTextBottom) NewPage();
      if (draw_) {
        double baseline = static_cast<double>(pango_layout_iter_get_baseline(iter) - top) / PANGO_SCALE;
        cairo_move_to(cr_, kMargin, y_ + baseline);
        pango_cairo_show_layout_line(cr_, pango_layout_iter_get_line_readonly(iter));
      }
      y_ += height;
    } while (pango_layout_iter_next_line(iter));
    pango_layout_iter_free(iter);
    y_ += space_after;
  }

  // One table row: cells side by side, as tall as the tallest, framed.
  double Row(const std::vector<std::string>& cells, const std::vector<double>& widths, bool header, bool measure_only) {
    std::vector<Layout> layouts;
    double height = 0;
    for (size_t c = 0; c < widths.size(); ++c) {
      const std::string& text = c < cells.size() ? cells[c] : std::string();
      layouts.push_back(
          MakeLayout(text, header ? "DejaVu Sans Bold 9" : "DejaVu Sans 9", widths[c] - 2 * kCellPadding));
      height = std::max(height, Height(layouts.back().get()) + 2 * kCellPadding);
    }
    if (measure_only || !draw_) return height;
    double x = kMargin;
    for (size_t c = 0; c < widths.size(); ++c) {
      if (header) {
        cairo_set_source_rgb(cr_, 0.92, 0.93, 0.94);
        cairo_rectangle(cr_, x, y_, widths[c], height);
        cairo_fill(cr_);
        cairo_set_source_rgb(cr_, 0, 0, 0);
      }
      cairo_set_line_width(cr_, 0.4);
      cairo_rectangle(cr_, x, y_, widths[c], height);
      cairo_stroke(cr_);
      cairo_move_to(cr_, x + kCellPadding, y_ + kCellPadding);
      pango_cairo_show_layout(cr_, layouts[c].get());
      x += widths[c];
    }
    return height;
  }

  // The natural width of a text in a font, unbroken.
  double TextWidth(const std::string& text, const char* font) {
    Layout layout = MakeLayout(text, font, kTextWidth);
    pango_layout_set_width(layout.get(), -1);
    int w = 0, h = 0;
    pango_layout_get_size(layout.get(), &w, &h);
    return static_cast<double>(w) / PANGO_SCALE;
  }

  // Each column is at least as wide as its longest word (a date or a number is never broken; the
  // first rows are measured, enough for the shape of a column); the rest of the width goes by the
  // length of the texts, within bounds.
  std::vector<double> ColumnWidths(const DocumentTable& table) {
    const size_t columns = table.header.size();
    std::vector<double> least(columns, 0), weight(columns, 0);
    auto measure = [&](const std::string& text, size_t c, const char* font) {
      size_t start = 0;
      while (start <= text.size()) {
        size_t end = text.find(' ', start);
        if (end == std::string::npos) end = text.size();
        if (end > start) least[c] = std::max(least[c], TextWidth(text.substr(start, end - start), font));
        start = end + 1;
      }
      weight[c] = std::max(weight[c], std::clamp(static_cast<double>(text.size()), 4.0, 40.0));
    };
    // Headers keep their words whole where the page has room for them; only when it has not may
    // a header break inside a word ("Hake-muksia"). The cells' words never break.
    std::vector<double> header_words(columns, 0);
    for (size_t c = 0; c < columns; ++c) {
      weight[c] = std::clamp(static_cast<double>(table.header[c].size()), 4.0, 40.0);
      least[c] = TextWidth(table.header[c].substr(0, 4), "DejaVu Sans Bold 9");
    }
    for (size_t r = 0; r < table.rows.size() && r < 200; ++r) {
      for (size_t c = 0; c < columns && c < table.rows[r].size(); ++c) measure(table.rows[r][c], c, "DejaVu Sans 9");
    }
    std::vector<double> cells_least = least;
    for (size_t c = 0; c < columns; ++c) {
      least[c] = 0;
      measure(table.header[c], c, "DejaVu Sans Bold 9");
      header_words[c] = least[c];
      least[c] = cells_least[c];
    }
    // Widen the headers that cost least first, as far as the page allows.
    double used = 0;
    for (size_t c = 0; c < columns; ++c) used += least[c] + 2 * kCellPadding + 1;
    std::vector<size_t> order(columns);
    for (size_t c = 0; c < columns; ++c) order[c] = c;
    std::sort(order.begin(), order.end(),
              [&](size_t a, size_t b) { return header_words[a] - least[a] < header_words[b] - least[b]; });
    for (size_t c : order) {
      const double extra = header_words[c] - least[c];
      if (extra > 0 && used + extra <= kTextWidth) {
        least[c] = header_words[c];
        used += extra;
      }
    }
    // What is left goes to a header that still breaks, so that it breaks as little as it can.
    for (size_t c : order) {
      const double extra = std::min(header_words[c] - least[c], kTextWidth - used);
      if (extra > 0) {
        least[c] += extra;
        used += extra;
      }
    }
    double fixed = 0, weights = 0;
    for (size_t c = 0; c < columns; ++c) {
      least[c] = std::min(least[c] + 2 * kCellPadding + 1, kTextWidth / 2);
      fixed += least[c];
      weights += weight[c];
    }
    std::vector<double> widths(columns);
    if (fixed >= kTextWidth) {
      for (size_t c = 0; c < columns; ++c) widths[c] = least[c] * kTextWidth / fixed;
    } else {
      for (size_t c = 0; c < columns; ++c) widths[c] = least[c] + (kTextWidth - fixed) * weight[c] / weights;
    }
    return widths;
  }

  void TableBlock(const DocumentTable& table) {
    if (table.header.empty()) return;
    std::vector<double> widths = ColumnWidths(table);
    auto header = [&] { y_ += Row(table.header, widths, true, false); };
    double header_height = Row(table.header, widths, true, true);
    if (y_ + header_height * 2 > kTextBottom) NewPage();
    header();
    for (const auto& row : table.rows) {
      double height = Row(row, widths, false, true);
      if (y_ + height > kTextBottom) {
        NewPage();
        header();
      }
      y_ += Row(row, widths, false, false);
    }
    y_ += 10;
  }

  cairo_t* cr_;
  const Document& doc_;
  int total_;
  bool draw_;
  int page_ = 0;
  double y_ = 0;
};

// One pass over a PDF surface: returns the page count; fills `out` when drawing.
Result<int> Pass(const Document& document, int total_pages, bool draw, std::string& out) {
  cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(Append, &out, kPageWidth, kPageHeight);
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, document.title.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Reilu");
  cairo_t* cr = cairo_create(surface);
  int pages = Writer(cr, document, total_pages, draw).Run();
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  cairo_status_t status = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (status != CAIRO_STATUS_SUCCESS) {
    return MakeError(ErrorCode::kInternal, std::string("PDF rendering failed: ") + cairo_status_to_string(status));
  }
  return pages;
}

}  // namespace

Result<std::string> Render(const Document& document) {
  std::string discarded, pdf;
  auto pages = Pass(document, 0, false, discarded);
  if (!pages) return pages.error();
  auto drawn = Pass(document, *pages, true, pdf);
  if (!drawn) return drawn.error();
  return pdf;
}

}  // namespace reilu::pdf
