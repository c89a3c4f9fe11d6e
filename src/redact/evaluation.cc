#include "redact/evaluation.h"

#include <algorithm>
#include <boost/json.hpp>
#include <fstream>

#include "core/redaction.h"
#include "redact/text_util.h"

namespace reilu::redact {

namespace json = boost::json;

namespace {
bool IsDirect(const std::string& t) {
  auto type = ParseEntityType(t);
  return type && IsDirectIdentifier(*type);
}
double Ratio(double a, double b) { return b > 0 ? a / b : 1.0; }
}  // namespace

bool ParseLabelledDoc(std::string_view line, LabelledDoc& out) {
  boost::system::error_code ec;
  json::value v = json::parse(line, ec);
  if (ec || !v.is_object()) return false;
  const auto& o = v.get_object();
  if (!o.contains("text") || !o.contains("spans")) return false;
  out = LabelledDoc{};
  if (o.contains("id")) out.id = std::string(o.at("id").as_string());
  if (o.contains("lang")) out.lang = std::string(o.at("lang").as_string());
  out.text = std::string(o.at("text").as_string());
  if (o.contains("names")) {
    for (const auto& n : o.at("names").as_array()) out.names.emplace_back(n.as_string());
  }
  for (const auto& s : o.at("spans").as_array()) {
    out.spans.push_back({static_cast<size_t>(s.at("start").as_int64()), static_cast<size_t>(s.at("end").as_int64()),
                         std::string(s.at("type").as_string())});
  }
  return true;
}

std::vector<LabelledDoc> LoadLabelledDocs(const std::string& path) {
  std::ifstream in(path);
  std::vector<LabelledDoc> docs;
  for (std::string line; std::getline(in, line);) {
    LabelledDoc d;
    if (ParseLabelledDoc(line, d)) docs.push_back(std::move(d));
  }
  return docs;
}

Evaluation Evaluate(const Engine& engine, const std::vector<LabelledDoc>& docs) {
  Evaluation e;
  for (const auto& d : docs) {
    auto spans = engine.Analyze(d.text, Context{d.lang, d.names});
    ++e.documents;
    auto unsure = [](const Span& s) { return s.confidence < kSureSpan; };
    e.documents_needing_a_look += std::any_of(spans.begin(), spans.end(), unsure);
    auto redacted = [&](size_t start, size_t end) {
      return std::any_of(spans.begin(), spans.end(), [&](const Span& s) { return s.start <= start && end <= s.end; });
    };
    for (const auto& g : d.spans) {
      e.gold[g.type]++;
      bool covered = true;
      for (const auto& w : SplitWords(std::string_view(d.text).substr(g.start, g.end - g.start))) {
        covered &= redacted(g.start + w.start, g.start + w.end);
      }
      if (covered) {
        e.found[g.type]++;
      } else {
        e.misses.push_back(d.id + " " + g.type + ": " + d.text.substr(g.start, g.end - g.start));
      }
    }
    for (const auto& s : spans) {
      std::string type(EntityTypeName(s.type));
      e.predicted[type]++;
      if (std::any_of(d.spans.begin(), d.spans.end(),
                      [&](const LabelledSpan& g) { return s.start < g.end && g.start < s.end; })) {
        e.predicted_correct[type]++;
      }
    }
    for (const auto& w : SplitWords(d.text)) {
      if (std::any_of(d.spans.begin(), d.spans.end(),
                      [&](const LabelledSpan& g) { return w.start < g.end && g.start < w.end; })) {
        continue;
      }
      ++e.clean_words;
      auto covers = [&](const Span& s) { return w.start < s.end && s.start < w.end; };
      if (std::any_of(spans.begin(), spans.end(), covers)) {
        ++e.clean_redacted;
        e.clean_redacted_unsure +=
            std::none_of(spans.begin(), spans.end(), [&](const Span& s) { return covers(s) && !unsure(s); });
        e.over_redacted[d.text.substr(w.start, w.end - w.start)]++;
      }
    }
  }
  return e;
}

double Evaluation::Recall(const std::string& type) const {
  auto g = gold.find(type);
  auto f = found.find(type);
  return Ratio(f == found.end() ? 0 : f->second, g == gold.end() ? 0 : g->second);
}

double Evaluation::Precision(const std::string& type) const {
  auto p = predicted.find(type);
  auto c = predicted_correct.find(type);
  return Ratio(c == predicted_correct.end() ? 0 : c->second, p == predicted.end() ? 0 : p->second);
}

double Evaluation::DirectRecall() const {
  double g = 0, f = 0;
  for (const auto& [type, n] : gold) {
    if (!IsDirect(type)) continue;
    g += n;
    f += found.count(type) ? found.at(type) : 0;
  }
  return Ratio(f, g);
}

double Evaluation::QuasiRecall() const {
  double g = 0, f = 0;
  for (const auto& [type, n] : gold) {
    if (IsDirect(type)) continue;
    g += n;
    f += found.count(type) ? found.at(type) : 0;
  }
  return Ratio(f, g);
}

double Evaluation::OverRedaction() const {
  return Ratio(static_cast<double>(clean_redacted), static_cast<double>(clean_words == 0 ? 1 : clean_words));
}

std::vector<bool> TokensInPersonSpans(const Engine& engine, std::string_view text, const std::vector<Token>& tokens,
                                      std::string_view lang) {
  std::vector<bool> covered(tokens.size(), false);
  for (const auto& s : engine.Analyze(text, Context{std::string(lang), {}})) {
    if (s.type != EntityType::kPerson) continue;
    auto from = std::lower_bound(tokens.begin(), tokens.end(), s.start,
                                 [](const Token& t, size_t pos) { return t.start < pos; });
    for (auto t = from; t != tokens.end() && t->end <= s.end; ++t)
      covered[static_cast<size_t>(t - tokens.begin())] = true;
  }
  return covered;
}

}  // namespace reilu::redact
