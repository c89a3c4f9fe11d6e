// A server with a published recruitment and helpers to build large, realistic previews.
#pragma once

#include <algorithm>
#include <atomic>
#include <chrono>
#include <thread>

#include "api_fixture.h"

namespace reilu::testing {

class LimitsTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    if (IsSkipped()) return;
    Client hr = LoggedIn("a_hr");
    preview_ = "/api/v1/jobs/" + std::to_string(PublishedRecruitment(hr)) + "/redaction-preview";
  }

  // A long, realistic letter: names, places, phone numbers and ordinary sentences, repeated.
  static std::string Letter(size_t bytes) {
    static const std::string kParagraph =
        "Hyvä vastaanottaja, olen toiminut kirjastovirkailijana Kemijärvellä ja esihenkilöni Matti Virtanen "
        "voi kertoa työstäni lisää (puh. 040 123 4567). Kollegani Anna-Liisa Korhonen ja Ahmed Hassan "
        "suosittelevat minua. Olen järjestänyt satutunteja ja lukupiirejä, ja hallitsen Finna-järjestelmän. ";
    std::string out;
    while (out.size() < bytes) out += kParagraph;
    out.resize(bytes);
    while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80) out.pop_back();
    if (!out.empty() && static_cast<unsigned char>(out.back()) >= 0xC0) out.pop_back();
    return out;
  }

  static json::object WithTexts(const std::string& letter, const std::string& answer) {
    json::object app = Application("501");
    app["free_text"] =
        json::object{{"cover_letter", letter}, {"answers", json::array{{{"question_id", "why"}, {"text", answer}}}}};
    return app;
  }

  static std::string Code(const HttpResult& r) { return std::string(r.Json().at("code").as_string()); }

  std::string preview_;
};

}  // namespace reilu::testing
