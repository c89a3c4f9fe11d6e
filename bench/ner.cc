// Person-name recognition on the development splits of the public NER corpora (never the test
// splits): mention recall and precision per language, for the learned model alone and for the whole
// redaction engine (every recognizer, on the sentence as text).
// Usage: bench/ner [CORPUS_DIR] [--retrain] [--export DIR]   (default CORPUS_DIR: ../shared/corpus/ner)
//   --retrain: train in memory from the training split instead of using the built-in model.
//   --export DIR: also write the development sentences as labelled JSONL (DIR/ner-dev-LANG.jsonl,
//   twenty sentences a document, PERSON spans) for bench/npm/compare.mjs: the same texts through
//   the npm peers.
// For experiments: NER_EPOCHS, NER_RECALL, NER_PRECISION change the training options with --retrain
// (the shipped models use the defaults); NER_MISSES=model|engine lists every miss on the dev split, and every
// word taken for a name that is none. NER_SPEED_ONLY=1 measures only the speed on text seen once;
// NER_WARM=1 first runs the engine over 1 MB of the language's training split, as a server that has
// read other applications before (its automata's states and memos are warm, the texts still new).
#include <algorithm>
#include <boost/json.hpp>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <thread>
#ifdef NER_CALLGRIND
#include <valgrind/callgrind.h>
#endif
#include <numeric>

#include "redact/evaluation.h"
#include "redact/name_model.h"
#include "redact/redact.h"

using namespace reilu::redact;

namespace {

// Twenty sentences a document, one per line; each run of name tokens is a PERSON span.
// Sentences as documents of twenty (about 2 KB, a letter's length), with their person mentions as
// byte spans; up to about `max_bytes` of text.
struct Document {
  std::string text;
  boost::json::array spans;
};
std::vector<Document> AsDocuments(const std::vector<LabelledSentence>& sentences,
                                  size_t max_bytes = static_cast<size_t>(-1)) {
  std::vector<Document> documents;
  size_t bytes = 0;
  for (size_t first = 0; first < sentences.size() && bytes < max_bytes; first += 20) {
    Document d;
    for (size_t k = first; k < sentences.size() && k < first + 20; ++k) {
      Tokens tokens;
      std::string sentence = JoinSentence(sentences[k], tokens);
      size_t base = d.text.size();
      const auto& person = sentences[k].person;
      for (size_t i = 0; i < person.size();) {
        if (!person[i]) {
          ++i;
          continue;
        }
        size_t j = i;
        while (j < person.size() && person[j]) ++j;
        d.spans.push_back(boost::json::object{
            {"start", base + tokens.tokens[i].start}, {"end", base + tokens.tokens[j - 1].end}, {"type", "PERSON"}});
        i = j;
      }
      d.text += sentence + "\n";
    }
    bytes += d.text.size();
    documents.push_back(std::move(d));
  }
  return documents;
}

void ExportDev(const std::string& dir, const std::string& lang, const std::vector<Document>& documents) {
  std::ofstream out(dir + "/ner-dev-" + lang + ".jsonl");
  for (size_t n = 0; n < documents.size(); ++n) {
    out << boost::json::serialize(boost::json::object{{"id", lang + "-" + std::to_string(n * 20)},
                                                      {"lang", lang},
                                                      {"names", boost::json::array{}},
                                                      {"text", documents[n].text},
                                                      {"spans", documents[n].spans}})
        << "\n";
  }
}

// The whole engine on the corpus's own documents (where it marks them), as the product reads a
// whole application: a name found once is redacted wherever it occurs in the document. Nothing when
// the corpus has no document boundaries.
std::optional<MentionCounts> PerDocument(const Engine& engine, const std::string& lang,
                                         const std::vector<LabelledSentence>& dev) {
  MentionCounts counts;
  bool any_boundary = false;
  for (size_t first = 0; first < dev.size();) {
    size_t last = first + 1;
    while (last < dev.size() && !dev[last].starts_document) ++last;
    any_boundary = any_boundary || dev[first].starts_document;
    std::string text;
    std::vector<Token> tokens;
    std::vector<bool> gold;
    for (size_t k = first; k < last; ++k) {
      Tokens sentence_tokens;
      std::string sentence = JoinSentence(dev[k], sentence_tokens);
      for (const auto& t : sentence_tokens.tokens) tokens.push_back(Token{text.size() + t.start, text.size() + t.end});
      gold.insert(gold.end(), dev[k].person.begin(), dev[k].person.end());
      text += sentence + "\n";
    }
    counts.Add(gold, TokensInPersonSpans(engine, text, tokens, lang));
    first = last;
  }
  if (!any_boundary) return std::nullopt;
  return counts;
}

// The whole engine's MB/s on the development texts as documents, each seen once, in a thread of
// its own (the thread's one-time set-up left out): the engine has read only the other languages'
// texts before, as a server reads applications it has not seen. The second pass over the same
// texts is the warm figure.
std::pair<double, double> FirstSightThroughput(const Engine& engine, const std::string& lang,
                                               const std::vector<Document>& documents) {
  std::pair<double, double> mbps;
  auto measure = [&] {
    // What a thread sets up once (each language's morphology) is not the text's cost.
    for (const char* l : {"fi", "sv", "en"}) engine.Analyze("Maija Virtanen", Context{l, {}});
    auto pass = [&] {
      size_t bytes = 0;
      auto t0 = std::chrono::steady_clock::now();
      for (const auto& d : documents) {
        engine.Analyze(d.text, Context{lang, {}});
        bytes += d.text.size();
      }
      return static_cast<double>(bytes) / std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count() /
             1e6;
    };
    const bool count_second = std::getenv("NER_CALLGRIND_SECOND") != nullptr;
    auto counted = [](bool count, auto&& run) {
#ifdef NER_CALLGRIND
      if (count) CALLGRIND_START_INSTRUMENTATION;
      double result = run();
      if (count) CALLGRIND_STOP_INSTRUMENTATION;
      return result;
#else
      (void)count;
      return run();
#endif
    };
    mbps.first = counted(!count_second, pass);
    mbps.second = counted(count_second, pass);
  };
  // NER_SPEED_ONLY: in this thread, for callgrind.
  if (std::getenv("NER_SPEED_ONLY")) {
    measure();
  } else {
    std::thread(measure).join();
  }
  return mbps;
}

// The engine over about 1 MB of the training split, in documents of twenty sentences.
void WarmOnTraining(const Engine& engine, const std::string& lang, const std::vector<LabelledSentence>& train) {
  for (const auto& d : AsDocuments(train, 1000000)) engine.Analyze(d.text, Context{lang, {}});
}

}  // namespace

int main(int argc, char** argv) {
  std::string dir = "../shared/corpus/ner";
  bool retrain = false;
  std::string export_dir;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--export") == 0 && i + 1 < argc) {
      export_dir = argv[++i];
    } else if (std::strcmp(argv[i], "--retrain") == 0) {
      retrain = true;
    } else {
      dir = argv[i];
    }
  }
  if (!std::filesystem::exists(dir)) {
    std::printf("ner: %s is absent; skipping the development-split measurement\n", dir.c_str());
    return 0;
  }
  const Engine engine = Engine::Default();
  engine.Warm();
  std::printf("%-4s %-16s %8s %8s %10s %9s\n", "lang", "what", "mentions", "recall", "precision", "MB/s");
  for (std::string lang : {"fi", "sv", "en"}) {
    auto corpus = LoadCorpus(dir, lang);
    if (!corpus) {
      std::printf("%-4s corpus files absent; skipped\n", lang.c_str());
      continue;
    }
    std::optional<NameModel> trained;
    const NameModel* model = NameModel::Builtin(lang);
    if (retrain) {
      auto t0 = std::chrono::steady_clock::now();
      TrainingOptions options;
      if (const char* e = std::getenv("NER_EPOCHS")) options.epochs = std::atoi(e);
      if (const char* r = std::getenv("NER_RECALL")) options.target_recall = std::atof(r);
      if (const char* p = std::getenv("NER_PRECISION")) options.min_precision = std::atof(p);
      trained = TrainNameModel(lang, corpus->train, options);
      model = &*trained;
      std::printf("%-4s trained in %.1f s, threshold %.3f\n", lang.c_str(),
                  std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(),
                  static_cast<double>(model->threshold()));
    }
    const std::vector<Document> dev_documents = AsDocuments(corpus->dev);
    if (!export_dir.empty()) ExportDev(export_dir, lang, dev_documents);
    if (std::getenv("NER_WARM")) WarmOnTraining(engine, lang, corpus->train);
    auto [first_sight, warm] = FirstSightThroughput(engine, lang, dev_documents);
    if (std::getenv("NER_SPEED_ONLY")) {
      std::printf("%-4s seen once %.2f MB/s, again %.2f MB/s\n", lang.c_str(), first_sight, warm);
      continue;
    }
    std::printf("%-4s %-16s %8s %8s %10s %9.1f   (documents of 20 sentences seen once; seen again: %.1f MB/s)\n",
                lang.c_str(), "whole engine", "", "", "", first_sight, warm);
    const WordKnowledge& knowledge = WordKnowledge::For(lang);
    MentionCounts alone, whole;
    // Over-redaction on text nobody here wrote: words outside person names that the engine takes
    // for a name (other entities, places and organisations included: an upper bound).
    size_t other_words = 0, other_taken = 0;
    size_t bytes = 0;
    double model_seconds = 0;
    for (const auto& sentence : corpus->dev) {
      Tokens tokens;
      std::string text = JoinSentence(sentence, tokens);
      bytes += text.size();
      std::vector<bool> marked(tokens.tokens.size(), false);
      if (model) {
        auto t0 = std::chrono::steady_clock::now();
        auto scores = model->Score(text, tokens, knowledge);
        model_seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        for (size_t i = 0; i < scores.size(); ++i) marked[i] = scores[i] > model->threshold();
      }
      alone.Add(sentence.person, marked);
      if (const char* m = std::getenv("NER_MISSES"); m && std::string(m) == "model") {
        for (size_t i = 0; i < marked.size(); ++i) {
          if (sentence.person[i] != marked[i]) {
            std::printf("  %s %s | %s\n", sentence.person[i] ? "MISS" : "FALSE", sentence.words[i].c_str(),
                        text.c_str());
          }
        }
      }
      // The whole engine: a token counts as marked when a PERSON span covers it.
      std::vector<bool> covered = TokensInPersonSpans(engine, text, tokens.tokens, lang);
      whole.Add(sentence.person, covered);
      for (size_t i = 0; i < covered.size(); ++i) {
        const std::string& w = sentence.words[i];
        bool word = std::any_of(w.begin(), w.end(),
                                [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || (c & 0x80); });
        if (sentence.person[i] || !word) continue;
        ++other_words;
        other_taken += covered[i];
      }
      if (const char* m = std::getenv("NER_MISSES"); m && std::string(m) == "engine") {
        for (size_t i = 0; i < covered.size(); ++i) {
          if (sentence.person[i] != covered[i]) {
            std::printf("  %s %s | %s\n", sentence.person[i] ? "MISS" : "FALSE", sentence.words[i].c_str(),
                        text.c_str());
          }
        }
      }
    }
    std::printf("%-4s %-16s %8zu %7.1f%% %9.1f%% %9.1f\n", lang.c_str(), "model alone", alone.mentions,
                100 * alone.Recall(), 100 * alone.Precision(), static_cast<double>(bytes) / model_seconds / 1e6);
    std::printf("%-4s %-16s %8zu %7.1f%% %9.1f%%   (%zu of %zu, %.2f%% of other words taken for names)\n", lang.c_str(),
                "whole engine", whole.mentions, 100 * whole.Recall(), 100 * whole.Precision(), whole.found,
                whole.mentions,
                other_words ? 100.0 * static_cast<double>(other_taken) / static_cast<double>(other_words) : 0.0);
    if (auto documents = PerDocument(engine, lang, corpus->dev)) {
      std::printf("%-4s %-16s %8zu %7.1f%% %9.1f%%   (%zu of %zu)\n", lang.c_str(), "per document", documents->mentions,
                  100 * documents->Recall(), 100 * documents->Precision(), documents->found, documents->mentions);
    }
  }
  return 0;
}
