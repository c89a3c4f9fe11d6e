#include "attach/wire.h"

#include <boost/json.hpp>

namespace reilu::attach {

namespace json = boost::json;

namespace {

json::array BoxJson(const Box& b) { return json::array{b.x, b.y, b.width, b.height}; }

Box BoxFrom(const json::value& v) {
  const auto& a = v.as_array();
  return Box{a.at(0).to_number<double>(), a.at(1).to_number<double>(), a.at(2).to_number<double>(),
             a.at(3).to_number<double>()};
}

Error Garbled() { return MakeError(ErrorCode::kBrokenFile, "The file could not be read."); }

const std::vector<std::pair<ErrorCode, std::string_view>>& KnownErrors() {
  static const std::vector<std::pair<ErrorCode, std::string_view>> known = {
      {ErrorCode::kUnsupportedFile, ErrorCodeName(ErrorCode::kUnsupportedFile)},
      {ErrorCode::kEncryptedFile, ErrorCodeName(ErrorCode::kEncryptedFile)},
      {ErrorCode::kBrokenFile, ErrorCodeName(ErrorCode::kBrokenFile)},
      {ErrorCode::kPayloadTooLarge, ErrorCodeName(ErrorCode::kPayloadTooLarge)},
      {ErrorCode::kNotFound, ErrorCodeName(ErrorCode::kNotFound)},
      {ErrorCode::kInvalidInput, ErrorCodeName(ErrorCode::kInvalidInput)},
      {ErrorCode::kInternal, ErrorCodeName(ErrorCode::kInternal)},
  };
  return known;
}

}  // namespace

std::string ExtractedToJson(const Extracted& e) {
  json::array pages;
  for (const auto& p : e.pages) {
    json::array words, images;
    for (const auto& w : p.words) {
      words.push_back(json::array{w.start, w.end, w.box.x, w.box.y, w.box.width, w.box.height});
    }
    for (const auto& b : p.images) images.push_back(BoxJson(b));
    pages.push_back(json::object{
        {"width", p.width}, {"height", p.height}, {"words", words}, {"images", images}, {"scanned", p.scanned}});
  }
  return json::serialize(
      json::object{{"kind", KindName(e.kind)}, {"text", e.text}, {"pages", pages}, {"scanned", e.has_scanned_pages}});
}

Result<Extracted> ExtractedFromJson(std::string_view text) {
  try {
    json::object o = json::parse(text).as_object();
    Extracted e;
    std::string_view kind = o.at("kind").as_string();
    e.kind = kind == "docx" ? Kind::kDocx : kind == "odt" ? Kind::kOdt : Kind::kPdf;
    e.text = std::string(o.at("text").as_string());
    e.has_scanned_pages = o.at("scanned").as_bool();
    for (const auto& pv : o.at("pages").as_array()) {
      const auto& po = pv.as_object();
      Page p;
      p.width = po.at("width").to_number<double>();
      p.height = po.at("height").to_number<double>();
      p.scanned = po.at("scanned").as_bool();
      for (const auto& wv : po.at("words").as_array()) {
        const auto& a = wv.as_array();
        Word w{a.at(0).to_number<size_t>(), a.at(1).to_number<size_t>(),
               Box{a.at(2).to_number<double>(), a.at(3).to_number<double>(), a.at(4).to_number<double>(),
                   a.at(5).to_number<double>()}};
        if (w.start > w.end || w.end > e.text.size()) return Garbled();
        p.words.push_back(w);
      }
      for (const auto& b : po.at("images").as_array()) p.images.push_back(BoxFrom(b));
      e.pages.push_back(std::move(p));
    }
    return e;
  } catch (const std::exception&) {
    return Garbled();
  }
}

std::string RenderRequestToJson(const std::vector<Cover>& covers, const RenditionOptions& words) {
  json::array c;
  for (const auto& cover : covers) c.push_back(json::array{cover.start, cover.end, cover.label});
  json::array boxes, shown;
  for (const auto& b : words.boxes) boxes.push_back(json::array{b.page, b.box.x, b.box.y, b.box.width, b.box.height});
  for (int page : words.shown_scans) shown.push_back(page);
  return json::serialize(json::object{{"covers", c},
                                      {"lang", words.lang},
                                      {"title", words.title},
                                      {"image_label", words.image_label},
                                      {"boxes", boxes},
                                      {"shown_scans", shown}});
}

Result<std::pair<std::vector<Cover>, RenditionOptions>> RenderRequestFromJson(std::string_view text) {
  try {
    json::object o = json::parse(text).as_object();
    std::vector<Cover> covers;
    for (const auto& cv : o.at("covers").as_array()) {
      const auto& a = cv.as_array();
      covers.push_back(
          Cover{a.at(0).to_number<size_t>(), a.at(1).to_number<size_t>(), std::string(a.at(2).as_string())});
    }
    RenditionOptions words{std::string(o.at("lang").as_string()), std::string(o.at("title").as_string()),
                           std::string(o.at("image_label").as_string())};
    for (const auto& bv : o.at("boxes").as_array()) {
      const auto& a = bv.as_array();
      words.boxes.push_back(attachment::PageBox{static_cast<int>(a.at(0).to_number<std::int64_t>()),
                                                Box{a.at(1).to_number<double>(), a.at(2).to_number<double>(),
                                                    a.at(3).to_number<double>(), a.at(4).to_number<double>()}});
    }
    for (const auto& pv : o.at("shown_scans").as_array()) {
      words.shown_scans.push_back(static_cast<int>(pv.to_number<std::int64_t>()));
    }
    return std::make_pair(std::move(covers), std::move(words));
  } catch (const std::exception&) {
    return MakeError(ErrorCode::kInternal, "A garbled request to the attachment worker.");
  }
}

std::string ErrorToJson(const Error& error) {
  return json::serialize(json::object{{"code", ErrorCodeName(error.code)}, {"message", error.message}});
}

Error ErrorFromJson(std::string_view text) {
  try {
    json::object o = json::parse(text).as_object();
    std::string_view code = o.at("code").as_string();
    for (const auto& [known, name] : KnownErrors()) {
      if (name == code) return MakeError(known, std::string(o.at("message").as_string()));
    }
  } catch (const std::exception&) {
  }
  return Garbled();
}

}  // namespace reilu::attach
