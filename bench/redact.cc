// Measures the redaction engine on a labelled set (corpus JSONL format): per-type recall and
// precision, over-redaction (share of non-identifying words redacted) and throughput.
// Usage: bench/redact tests/redact/eval.jsonl [--misses N]
//        bench/redact tests/redact/eval.jsonl --profile SECONDS   (only the whole engine on 100 KB
//        documents for that long: a clean run for perf; REDACT_PROFILE_SHORT=1: each of the set's
//        documents alone, as the product sends a form's text fields)
//        bench/redact tests/redact/eval.jsonl --profile-runs N   (the same N times: for valgrind's
//        instruction counts, which do not drift with the machine's speed)
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>

#include "redact/evaluation.h"
#include "redact/morphology.h"
#include "redact/regex_recognizer.h"

using namespace reilu::redact;

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: redact FILE.jsonl [--misses N]\n";
    return 2;
  }
  std::vector<LabelledDoc> docs = LoadLabelledDocs(argv[1]);
  if (docs.empty()) {
    std::cerr << "no labelled documents in " << argv[1] << "\n";
    return 2;
  }
  if (argc > 3 && std::string(argv[2]).starts_with("--profile")) {
    const bool by_count = std::string(argv[2]) == "--profile-runs";
    std::string doc;
    while (doc.size() < 100'000) {
      for (const auto& d : docs) {
        if (d.lang == "fi") doc += d.text + "\n\n";
      }
    }
    const Engine engine = Engine::Default();
    engine.Warm();
    auto until = std::chrono::steady_clock::now() + std::chrono::seconds(std::stoi(argv[3]));
    size_t runs = 0;
    auto more = [&] { return by_count ? runs < std::stoul(argv[3]) : std::chrono::steady_clock::now() < until; };
    if (std::getenv("REDACT_PROFILE_SHORT")) {
      size_t bytes = 0;
      for (; more(); ++runs) {
        for (const auto& d : docs) {
          engine.Analyze(d.text, Context{d.lang, d.names});
          bytes += d.text.size();
        }
      }
      std::printf("%zu runs over %zu bytes\n", runs, bytes / std::max<size_t>(runs, 1));
      return 0;
    }
    for (; more(); ++runs) engine.Analyze(doc, Context{"fi", docs[0].names});
    std::printf("%zu runs over %zu bytes\n", runs, doc.size());
    return 0;
  }
  size_t show_misses = argc > 3 ? std::stoul(argv[3]) : 15;
  size_t bytes = 0;
  for (const auto& d : docs) bytes += d.text.size();
  const Engine engine = Engine::Default();
  Evaluation e = Evaluate(engine, docs);
  std::printf("%-12s %6s %8s %10s\n", "type", "gold", "recall", "precision");
  for (const auto& [type, n] : e.gold) {
    std::printf("%-12s %6d %7.1f%% %9.1f%%\n", type.c_str(), n, 100 * e.Recall(type), 100 * e.Precision(type));
  }
  std::printf("direct identifiers recall: %.1f%% (target 99.5%%)\n", 100 * e.DirectRecall());
  std::printf("other cues recall:         %.1f%% (target 95%%)\n", 100 * e.QuasiRecall());
  std::printf("over-redaction:            %.2f%% of %zu non-identifying words (target <= 2%%)\n",
              100 * e.OverRedaction(), e.clean_words);
  std::printf(
      "  of which in unsure spans:  %.2f%% (HR is asked to look at those before release)\n",
      e.clean_words ? 100.0 * static_cast<double>(e.clean_redacted_unsure) / static_cast<double>(e.clean_words) : 0.0);
  std::printf("documents needing a look: %zu of %zu (an unsure span; bulk release leaves them out)\n",
              e.documents_needing_a_look, e.documents);
  auto start = std::chrono::steady_clock::now();
  size_t processed = 0, found = 0;
  while (std::chrono::steady_clock::now() - start < std::chrono::seconds(2)) {
    for (const auto& d : docs) {
      found += engine.Analyze(d.text, Context{d.lang, d.names}).size();
      processed += d.text.size();
    }
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("throughput: %.2f MB/s on one core (%zu documents, %zu bytes, %zu spans)\n",
              static_cast<double>(processed) / seconds / 1e6, docs.size(), bytes, found);
  // Linear time: the same letters (names, phones, addresses repeat, as in a long CV) joined into
  // documents of 10 KB, 100 KB and 1 MB. Throughput must not fall with length (target: within 2x).
  std::string joined;
  for (const auto& d : docs) {
    if (d.lang == "fi") joined += d.text + "\n\n";
  }
  std::vector<std::string> names = docs.empty() ? std::vector<std::string>{} : docs.front().names;
  double slowest = 1e300, fastest = 0;
  for (size_t size : {size_t{10'000}, size_t{100'000}, size_t{1'000'000}}) {
    std::string doc;
    while (!joined.empty() && doc.size() < size) doc += joined;
    doc.resize(std::min(doc.size(), size));
    auto t0 = std::chrono::steady_clock::now();
    size_t done = 0;
    while (done < 3'000'000 || std::chrono::steady_clock::now() - t0 < std::chrono::milliseconds(500)) {
      found += engine.Analyze(doc, Context{"fi", names}).size();
      done += doc.size();
    }
    double mbps =
        static_cast<double>(done) / std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count() / 1e6;
    slowest = std::min(slowest, mbps);
    fastest = std::max(fastest, mbps);
    std::printf("throughput at %7zu bytes: %.2f MB/s on one core\n", size, mbps);
  }
  std::printf("longest vs fastest size: %.2fx slower (target <= 2x)\n", fastest / slowest);
  // Where the time goes: each pass alone on the 100 KB document; the rest of a whole run is the
  // engine's own merging and its pass for every occurrence of what was found.
  {
    std::string doc;
    while (!joined.empty() && doc.size() < 100'000) doc += joined;
    std::vector<std::pair<std::string, std::unique_ptr<Recognizer>>> passes;
    passes.emplace_back("known names", MakeKnownNameRecognizer());
    passes.emplace_back("lexicon names", MakeLexiconNameRecognizer(FinnishMorphology(), SwedishEnglishNameLexicon()));
    passes.emplace_back("learned names", MakeLearnedNameRecognizer());
    passes.emplace_back("patterns", MakePatternRecognizer());
    auto per_mb = [&](auto&& run) {
      run();  // a pass's first text loads its word lists and builds its automaton
      auto t0 = std::chrono::steady_clock::now();
      size_t done = 0;
      while (done < 3'000'000 || std::chrono::steady_clock::now() - t0 < std::chrono::milliseconds(300)) {
        run();
        done += doc.size();
      }
      return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count() /
             (static_cast<double>(done) / 1e6);
    };
    double sum = 0;
    for (auto& [name, pass] : passes) {
      double ms = per_mb([&] {
        std::vector<Span> out;
        pass->Find(doc, Context{"fi", names}, out);
        found += out.size();
      });
      sum += ms;
      std::printf("time per MB, %-14s %6.1f ms\n", (name + ":").c_str(), ms);
    }
    double whole = per_mb([&] { found += engine.Analyze(doc, Context{"fi", names}).size(); });
    std::printf("time per MB, %-14s %6.1f ms (the engine's own work: %.1f ms)\n", "whole engine:", whole, whole - sum);
    // A pattern the scan cannot read runs over every whole text (see pattern_scan.h).
    const auto patterns = MakePatternRecognizer()->Patterns();
    const auto scan = PatternScan::For(patterns);
    size_t covered = 0;
    for (size_t i = 0; i < patterns.size(); ++i) covered += scan->Covers(i) ? 1 : 0;
    std::printf("patterns found by the one-pass scan: %zu of %zu\n", covered, patterns.size());
  }
  std::vector<std::pair<int, std::string>> over;
  for (const auto& [word, n] : e.over_redacted) over.emplace_back(n, word);
  std::sort(over.rbegin(), over.rend());
  std::printf("most over-redacted words:");
  for (size_t i = 0; i < over.size() && i < 25; ++i) std::printf(" %s (%d)", over[i].second.c_str(), over[i].first);
  std::printf("\n");
  std::printf("first misses:\n");
  for (size_t i = 0; i < e.misses.size() && i < show_misses; ++i) std::printf("  %s\n", e.misses[i].c_str());
  return 0;
}
