// Measures the redaction engine on a labelled set (corpus JSONL format): per-type recall and
// precision, over-redaction (share of non-identifying words redacted) and throughput.
// Usage: redact_eval tests/redact/eval.jsonl [--misses N]
#include <boost/json.hpp>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <string>

#include "redact/redact.h"
#include "redact/text_util.h"

using namespace reilu::redact;
namespace json = boost::json;

namespace {

struct Gold {
  size_t start, end;
  std::string type;
};
struct Doc {
  std::string id, lang, text;
  std::vector<std::string> names;
  std::vector<Gold> gold;
};

bool IsDirect(const std::string& t) {
  return t == "PERSON" || t == "ID_CODE" || t == "PHONE" || t == "EMAIL" || t == "URL" || t == "ADDRESS" ||
         t == "POSTAL" || t == "BIRTH_DATE";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: redact_eval FILE.jsonl [--misses N]\n";
    return 2;
  }
  size_t show_misses = argc > 3 ? std::stoul(argv[3]) : 15;
  std::ifstream in(argv[1]);
  std::vector<Doc> docs;
  for (std::string line; std::getline(in, line);) {
    if (line.empty()) continue;
    auto v = json::parse(line).as_object();
    Doc d{std::string(v["id"].as_string()),
          std::string(v["lang"].as_string()),
          std::string(v["text"].as_string()),
          {},
          {}};
    if (v.contains("names")) {
      for (const auto& n : v["names"].as_array()) d.names.emplace_back(n.as_string());
    }
    for (const auto& s : v["spans"].as_array()) {
      d.gold.push_back({static_cast<size_t>(s.at("start").as_int64()), static_cast<size_t>(s.at("end").as_int64()),
                        std::string(s.at("type").as_string())});
    }
    docs.push_back(std::move(d));
  }
  const Engine engine = Engine::Default();
  std::map<std::string, int> gold_n, found_n, pred_n, pred_ok;
  size_t clean_words = 0, clean_redacted = 0, bytes = 0;
  std::vector<std::string> misses;
  for (const auto& d : docs) {
    auto spans = engine.Analyze(d.text, Context{d.lang, d.names});
    bytes += d.text.size();
    for (const auto& g : d.gold) {
      gold_n[g.type]++;
      // Found when every word of the gold span is redacted (no identifying word stays visible).
      bool covered = true;
      for (const auto& w : SplitWords(std::string_view(d.text).substr(g.start, g.end - g.start))) {
        size_t ws = g.start + w.start, we = g.start + w.end;
        covered &= std::any_of(spans.begin(), spans.end(), [&](const Span& s) { return s.start <= ws && we <= s.end; });
      }
      if (covered) {
        found_n[g.type]++;
      } else if (misses.size() < 1000) {
        misses.push_back(d.id + " " + g.type + ": " + d.text.substr(g.start, g.end - g.start));
      }
    }
    for (const auto& s : spans) {
      std::string type(EntityTypeName(s.type));
      pred_n[type]++;
      bool overlaps =
          std::any_of(d.gold.begin(), d.gold.end(), [&](const Gold& g) { return s.start < g.end && g.start < s.end; });
      if (overlaps) pred_ok[type]++;
    }
    for (const auto& w : SplitWords(d.text)) {
      bool in_gold =
          std::any_of(d.gold.begin(), d.gold.end(), [&](const Gold& g) { return w.start < g.end && g.start < w.end; });
      if (in_gold) continue;
      ++clean_words;
      bool redacted =
          std::any_of(spans.begin(), spans.end(), [&](const Span& s) { return w.start < s.end && s.start < w.end; });
      if (redacted) ++clean_redacted;
    }
  }
  int direct_gold = 0, direct_found = 0, quasi_gold = 0, quasi_found = 0;
  std::printf("%-12s %6s %8s %10s\n", "type", "gold", "recall", "precision");
  for (const auto& [type, n] : gold_n) {
    double recall = 100.0 * found_n[type] / n;
    double precision = pred_n[type] ? 100.0 * pred_ok[type] / pred_n[type] : 100.0;
    std::printf("%-12s %6d %7.1f%% %9.1f%%\n", type.c_str(), n, recall, precision);
    (IsDirect(type) ? direct_gold : quasi_gold) += n;
    (IsDirect(type) ? direct_found : quasi_found) += found_n[type];
  }
  std::printf("direct identifiers recall: %.1f%% (target 99.5%%)\n", 100.0 * direct_found / std::max(1, direct_gold));
  std::printf("other cues recall:         %.1f%% (target 95%%)\n", 100.0 * quasi_found / std::max(1, quasi_gold));
  std::printf("over-redaction:            %.2f%% of %zu non-identifying words (target <= 2%%)\n",
              100.0 * static_cast<double>(clean_redacted) / static_cast<double>(std::max<size_t>(1, clean_words)),
              clean_words);

  auto start = std::chrono::steady_clock::now();
  size_t processed = 0;
  while (std::chrono::steady_clock::now() - start < std::chrono::seconds(2)) {
    for (const auto& d : docs) {
      auto spans = engine.Analyze(d.text, Context{d.lang, d.names});
      processed += d.text.size() + (spans.empty() ? 0 : 0);
    }
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("throughput: %.2f MB/s on one core (%zu documents, %zu bytes)\n",
              static_cast<double>(processed) / seconds / 1e6, docs.size(), bytes);
  std::printf("first misses:\n");
  for (size_t i = 0; i < misses.size() && i < show_misses; ++i) std::printf("  %s\n", misses[i].c_str());
  return 0;
}
